"""The speech-cue lexicon: which words introduce speech, and the words around speakers.

The lexicon is data, not code: one JSON file per language in
``articlekit/_quotes/cues/<language>.json`` (English, ``en.json``, ships with
articlekit).  A file lists

* ``cues``: the cue words by type.  Speech: speech verbs (``speech``: *say,
  tell, add …*), verbs that name something with a quoted fragment (``naming``:
  *call, describe …*) and prepositional cues (``according``: *according to*);
  not speech: verbs of belief (``belief``: *believe, think, expect …*), of
  intention (``intention``: *plan, want, hope …*) and other stance or action
  verbs (``other``: *support, decline, vote …*).  Reported speech is read from
  the speech cues only, unless more types are asked for; besides, a cue of any
  type can attribute a quotation that stands right before it (*“…,”
  remembered Jane Doe*).  ``object_first`` lists the verbs whose object comes
  before the content (*told
  reporters that …*).
  An entry is a lemma (inflected by the language's rules when ``inflect`` is
  ``"en"``) or every form separated by ``|``.  Multi-word cues (*point out*)
  are written with a space;
* ``titles``: titles and role nouns (*Dr., Sen., spokesperson, minister*),
  each with the gender or number it implies (``"male"``, ``"female"``,
  ``"plural"``, ``"org"`` or ``""``);
* ``role_modifiers``, ``particles`` (name particles beyond
  :data:`articlekit._people.PARTICLES`, which every language has), ``determiners``,
  ``organisation_words``, ``documents`` (texts that can be a source: *the
  statement said*), ``abbreviations`` (which never end a sentence),
  ``skip_between_speaker_and_cue`` (*has, also*), ``pronouns`` and
  ``adverbials`` (what may stand between a cue and its content);
* ``object_content``: speech verbs whose object, with no clause after it, is
  what was said (*expressed her distaste for …, denied the allegations*);
* ``words``: the word lists the attribution rules read by name
  (``introductory``, ``aside_adverbs``, ``work_nouns``, ``not_labels`` …);
* ``compound_titles``: ``true`` when a compound ending in a title is a title
  (German *Finanzchef*, *Innenministerin*);
* ``complementizers``: the words that open a reported clause (*that*, *dass*,
  *que*);
* ``that_only``: speech verbs that report only a clause with *that* (*agreed
  that …*; *agreed on the exchange* is no speech);
* ``furniture``: lines that are page furniture (*Story continues below
  advertisement*), lower case without punctuation: never read for quotes or speakers.

:func:`load_lexicon` reads a file once and returns an immutable
:class:`Lexicon`.

>>> lex = load_lexicon("en")
>>> lex.cue_kind("said"), lex.cue_kind("told"), lex.cue_kind("believes"), lex.cue_kind("plans")
('speech', 'speech', 'belief', 'intention')
>>> lex.cue_type("called"), lex.cue_type("according to"), lex.cue_type("declined")
('speech', 'speech', 'other')
>>> lex.is_object_first("told")
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from articlekit._people import PARTICLES

__all__ = ["CUE_TYPES", "KIND_TYPES", "Lexicon", "inflect_en", "load_lexicon"]

_KIND_ORDER = ("speech", "naming", "according", "belief", "intention", "other")
#: The type of each cue kind: naming and according cues introduce speech too.
KIND_TYPES = MappingProxyType(
    {"speech": "speech", "naming": "speech", "according": "speech", "belief": "belief",
     "intention": "intention", "other": "other"}
)  # fmt: skip
_EMPTY: frozenset[str] = frozenset()
#: The cue types, in the order of the lexicon files.
CUE_TYPES = ("speech", "belief", "intention", "other")


def inflect_en(lemma: str) -> tuple[str, ...]:
    """The regular English forms of a verb *lemma*: lemma, -s, -ed and -ing.

    >>> inflect_en("state")
    ('state', 'states', 'stated', 'stating')
    >>> inflect_en("agree")
    ('agree', 'agrees', 'agreed', 'agreeing')
    >>> inflect_en("deny")
    ('deny', 'denies', 'denied', 'denying')
    >>> inflect_en("point out")
    ('point out', 'points out', 'pointed out', 'pointing out')
    """
    head, sep, tail = lemma.partition(" ")
    if head.endswith("ee"):  # "agree": agreed, agreeing
        forms = (head, head + "s", head + "d", head + "ing")
    elif head.endswith("e"):
        forms = (head, head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = (head, head + "es", head + "ed", head + "ing")
    else:
        forms = (head, head + "s", head + "ed", head + "ing")
    return tuple(f + sep + tail for f in forms)


@attrs.frozen
class Lexicon:
    """The word lists of one language (see the module docstring)."""

    language: str
    cues: Mapping[str, str]  # surface form (lower case) -> kind
    object_first: frozenset[str]
    max_cue_words: int
    titles: Mapping[str, str]  # title or role noun -> "male" / "female" / "plural" / "org" / ""
    role_modifiers: frozenset[str]
    particles: frozenset[str]
    determiners: frozenset[str]
    organisation_words: frozenset[str]
    abbreviations: frozenset[str]
    skip: frozenset[str]
    pronouns: Mapping[str, str]
    adverbials: frozenset[str]
    clause_openers: frozenset[str]
    first_names: Mapping[str, str]  # lower-case first name -> "male" / "female"
    multi_first: frozenset[str]  # first words of multi-word cues
    #: Cue forms that are also the bare lemma (*state, report, show*): often nouns.
    bases: frozenset[str] = frozenset()
    #: Texts that can be a source (*the statement said, said the ruling*).
    documents: frozenset[str] = frozenset()
    #: Speech verbs whose object is what was said (*expressed her distaste for …*).
    object_content: frozenset[str] = frozenset()
    #: Lines that are page furniture (*story continues below advertisement*), lower case.
    furniture: frozenset[str] = frozenset()
    #: Speech verbs that report only a clause with *that* (*agreed that …*, not *agreed on …*).
    that_only: frozenset[str] = frozenset()
    #: Whether a compound ending in a title is a title (German *Finanzchef*, *Innenministerin*).
    compound_titles: bool = False
    #: Word lists the attribution rules read by name (``words`` in the file).
    words: Mapping[str, frozenset[str]] = MappingProxyType({})
    #: The words that open a reported clause (*that*, *dass*, *que*).
    complementizers: frozenset[str] = frozenset(("that",))
    #: The ``words`` lists as tuples, for the lists of word endings (``agent_endings``).
    endings: Mapping[str, tuple[str, ...]] = MappingProxyType({})

    def cue_kind(self, words: str) -> str | None:
        """The kind of cue *words* (lower case) are, or None."""
        return self.cues.get(words)

    def cue_type(self, words: str) -> str | None:
        """The type of cue *words* (lower case) are: ``speech``, ``belief``, ``intention``,
        ``other``, or None."""
        kind = self.cues.get(words)
        return None if kind is None else KIND_TYPES[kind]

    def endings_of(self, name: str) -> tuple[str, ...]:
        """The word list *name* of the lexicon's ``words`` as a tuple, for ``str.endswith``."""
        return self.endings.get(name, ())

    def words_of(self, name: str) -> frozenset[str]:
        """The word list *name* of the lexicon's ``words`` (empty when the language has none)."""
        return self.words.get(name, _EMPTY)

    def is_object_first(self, word: str) -> bool:
        """Whether the cue *word* takes an object before its content (*told reporters that*)."""
        return word in self.object_first

    def is_role(self, word: str) -> bool:
        """Whether *word* (lower case) is a title or a role noun."""
        return word in self.titles


def _forms(entry: str, inflect: str | None) -> tuple[str, ...]:
    if "|" in entry:
        return tuple(f.strip().lower() for f in entry.split("|") if f.strip())
    entry = entry.strip().lower()
    if inflect == "en":
        return inflect_en(entry)
    return (entry,)


def _build(data: dict[str, Any]) -> Lexicon:
    inflect = data.get("inflect")
    cues: dict[str, str] = {}
    bases: set[str] = set()
    cue_data: dict[str, list[str]] = data.get("cues", {})
    for kind in _KIND_ORDER:
        for entry in cue_data.get(kind, ()):
            forms = (entry.strip().lower(),) if kind == "according" else _forms(entry, inflect)
            if kind != "according" and forms:
                bases.add(forms[0])
            for form in forms:
                cues.setdefault(form, kind)
    object_first: set[str] = set()
    for entry in cue_data.get("object_first", ()):
        object_first.update(_forms(entry, inflect))
    object_content: set[str] = set()
    for entry in data.get("object_content", ()):
        object_content.update(_forms(entry, inflect))
    that_only: set[str] = set()
    for entry in data.get("that_only", ()):
        that_only.update(_forms(entry, inflect))
    return Lexicon(
        language=str(data.get("language", "")),
        cues=MappingProxyType(cues),
        object_first=frozenset(object_first),
        max_cue_words=max((len(c.split()) for c in cues), default=1),
        titles=MappingProxyType({k.lower(): v for k, v in data.get("titles", {}).items()}),
        role_modifiers=frozenset(w.lower() for w in data.get("role_modifiers", ())),
        particles=PARTICLES | frozenset(w.lower() for w in data.get("particles", ())),
        determiners=frozenset(w.lower() for w in data.get("determiners", ())),
        organisation_words=frozenset(w.lower() for w in data.get("organisation_words", ())),
        abbreviations=frozenset(w.lower() for w in data.get("abbreviations", ())),
        skip=frozenset(w.lower() for w in data.get("skip_between_speaker_and_cue", ())),
        pronouns=MappingProxyType({k.lower(): v for k, v in data.get("pronouns", {}).items()}),
        adverbials=frozenset(w.lower() for w in data.get("adverbials", ())),
        clause_openers=frozenset(w.lower() for w in data.get("clause_openers", ())),
        first_names=MappingProxyType(_first_names(data.get("first_names", {}))),
        multi_first=frozenset(c.split()[0] for c in cues if " " in c),
        bases=frozenset(bases),
        documents=frozenset(w.lower() for w in data.get("documents", ())),
        object_content=frozenset(object_content),
        that_only=frozenset(that_only),
        compound_titles=bool(data.get("compound_titles", False)),
        words=MappingProxyType(
            {k: frozenset(v) for k, v in data.get("words", {}).items() if isinstance(v, list)}
        ),
        complementizers=frozenset(w.lower() for w in data.get("complementizers", ("that",))),
        endings=MappingProxyType(
            {k: tuple(sorted(v)) for k, v in data.get("words", {}).items() if isinstance(v, list)}
        ),
        furniture=frozenset(" ".join(w.lower().split()) for w in data.get("furniture", ())),
    )


def _first_names(data: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for gender in ("male", "female"):
        for name in data.get(gender, ()):
            key = name.lower()
            # a name listed under both genders tells nothing
            out[key] = "" if out.get(key, gender) != gender else gender
    return out


@lru_cache(maxsize=8)
def load_lexicon(language: str = "en") -> Lexicon:
    """Load the cue lexicon for *language* (``cues/<language>.json`` in this package).

    Raises :class:`FileNotFoundError` for a language that has no file (callers
    fall back to English).
    """
    if not language.replace("-", "").isalnum():
        raise FileNotFoundError(language)
    path = resources.files("articlekit._quotes").joinpath("cues").joinpath(f"{language}.json")
    with path.open("r", encoding="utf-8") as handle:
        return _build(json.load(handle))
