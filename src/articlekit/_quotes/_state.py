"""The state carried through one text while its quotations are attributed.

:class:`State` holds what one extraction run carries from line to line and from sentence to
sentence (the registry of people met, the last speaker, the quotes and the reported speech
found, the rules that run); :class:`Cue` is one speech cue of a sentence and who speaks it.
The helpers here turn a noun phrase into a speaker (:func:`speaker_of`) and find the subject
before a cue (:func:`skip_back`).  Every function is bounded by the sentence it reads.
"""

from __future__ import annotations

from typing import TypeAlias

from articlekit._limits import Limits
from articlekit._model import Quote, QuoteKind, Speaker
from articlekit._quotes._cues import Lexicon
from articlekit._quotes._rules import RULE_NAMES
from articlekit._quotes._speakers import Entity, Phrase, Registry
from articlekit._quotes._text import Token

__all__ = [
    "SPEECH_ONLY",
    "Cue",
    "Said",
    "Span",
    "State",
    "new_quote",
    "skip_back",
    "speaker_named",
    "speaker_of",
    "where",
]


#: A character range of the text.
Span: TypeAlias = tuple[int, int]


#: An attribution: (speaker, cue, where the text names the speaker).
Said: TypeAlias = tuple[Speaker | None, str | None, Span | None]


_MAX_SKIP = 4


class Cue:
    """A speech cue of a sentence: its tokens, kind and who speaks it (filled in as it is read)."""

    __slots__ = (
        "a",
        "b",
        "entity",
        "kind",
        "mention",
        "participle",
        "phrase",
        "speaker",
        "surface",
    )

    def __init__(self, a: int, b: int, surface: str, kind: str) -> None:
        self.a = a
        self.b = b
        self.surface = surface
        self.kind = kind
        # "saying", "calling", "referring to": a participle, spoken by its clause's subject
        self.participle = surface.partition(" ")[0].endswith("ing")
        self.phrase: Phrase | None = None
        self.speaker: Speaker | None = None
        self.entity: Entity | None = None
        self.mention: Span | None = None  # where the text names the speaker


SPEECH_ONLY = frozenset(("speech",))


class State:
    """Everything one extraction run carries from line to line."""

    def __init__(
        self,
        text: str,
        lex: Lexicon,
        limits: Limits,
        reported: frozenset[str] = SPEECH_ONLY,
        disabled: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.disabled = disabled  # the names of the rules switched off (see _rules.RULES)
        self.on = RULE_NAMES - disabled  # the names of the rules that run
        self.lex = lex
        self.limits = limits
        self.reported = reported  # the cue types reported speech is read from
        self.registry = Registry(lex)
        self.quotes: list[Quote] = []
        # reported speech found: (start, end, speaker, cue, mention); Quote objects are built
        # for the kept ones
        self.indirect: list[tuple[int, int, Speaker | None, str | None, Span | None]] = []
        # (speaker, cue, mention) of the last attributed direct/partial quote of the current line
        self.last: Said | None = None
        self.group_speaker: dict[int, Said] = {}
        self.speakers: dict[tuple[str, str | None], Speaker] = {}
        self.texts: dict[str, str] = {}  # quotation texts: equal ones share one string
        self.indirect_title = False
        # a direct quotation with no speaker that ended the previous line, which a line
        # "— Jane Doe." may sign (index into quotes)
        self.unsigned: int | None = None
        self.truncated = False  # more quotes were found than Limits.max_quotes


_TRAILING = frozenset((",", ";", ":"))


def where(toks: list[Token], phrase: Phrase) -> Span | None:
    """The characters of *phrase*: where the text names a speaker (None for a made-up phrase)."""
    end = phrase.end
    while end > phrase.start and toks[end - 1].text in _TRAILING:
        end -= 1  # "Jane Doe, a spokeswoman for the ministry, said": not the last comma
    if end <= phrase.start:
        return None
    return (toks[phrase.start].start, toks[end - 1].end)


def speaker_named(state: State, name: str, role: str | None) -> Speaker:
    """One Speaker object per (name, role) (construction validates, which costs)."""
    key = (name, role)
    found = state.speakers.get(key)
    if found is None:
        found = state.speakers[key] = Speaker(name, role=role)
    return found


def speaker_of(state: State, phrase: Phrase | None) -> tuple[Speaker | None, Entity | None]:
    if phrase is None:
        return None, None
    registry = state.registry
    if phrase.kind == "pronoun":
        entity = registry.pronoun(phrase)
        if entity is None:
            return None, None
        registry.note(entity)
        return speaker_named(state, entity.name, None), entity
    entity = registry.mention(phrase)
    role = phrase.role
    if role is not None and role.lower() in state.lex.words_of("honorifics"):
        role = None
    if entity is not None:
        return speaker_named(state, entity.name, role), entity
    if phrase.role:
        group = Entity(phrase.role, None, phrase.kind, phrase.gender)
        registry.note(group)
        return speaker_named(state, phrase.role, None), group
    return None, None


def skip_back(toks: list[Token], i: int, lo: int, lex: Lexicon) -> int:
    """Index after the subject of a cue starting at *i* (auxiliaries and adverbs skipped)."""
    k = i
    while k > lo and i - k < _MAX_SKIP + 8:
        low = toks[k - 1].low
        if toks[k - 1].cap and k - 2 >= lo and toks[k - 2].cap and toks[k - 2].low in lex.titles:
            break  # "Ms. May said", "Gov. Will said": a name after a title, not an auxiliary
        if toks[k - 1].kind == "w" and (
            low in lex.skip or (low.endswith("ly") and not toks[k - 1].cap)
        ):
            k -= 1
        elif low in lex.adverbials and toks[k - 1].kind == "w":
            j = _time_phrase(toks, k, lo, lex)  # "Beck on Wednesday called", "Trump last week said"
            if j == k:
                break
            k = j
        elif (
            low == ","
            and k - 3 >= lo
            and toks[k - 2].low in lex.words_of("aside_adverbs")
            and toks[k - 3].text == ","
        ):
            k -= 3  # "Hunter, meanwhile, told": an adverb set off by commas
        elif low == ")":
            # a party and state after a name: "Jason Chaffetz (R-Utah) said"
            j = k - 2
            while j > max(lo, k - 8) and toks[j].text != "(":
                j -= 1
            if j >= lo and toks[j].text == "(" and j < k - 1:
                k = j
            else:
                break
        else:
            break
    return k


def _time_phrase(toks: list[Token], k: int, lo: int, lex: Lexicon) -> int:
    """Start of a short time phrase ending at token *k* (``on Wednesday``, ``last week``,
    ``on Tuesday night``) between a subject and its verb, or *k* when there is none."""
    j = k
    while (
        j > lo + 1 and k - j < 3 and toks[j - 1].kind == "w" and toks[j - 1].low in lex.adverbials
    ):
        j -= 1
    openers = lex.words_of("time_openers")
    while j < k - 1 and toks[j].low not in openers:
        j += 1  # the phrase starts with its opener ("said Jane on Monday": no)
    if j >= k - 1 or toks[j].low not in openers:
        return k
    before = toks[j - 1]
    if before.kind != "w" or not (before.cap or before.low in lex.pronouns):
        return k  # a name or a pronoun must come before it
    return j


def new_quote(
    text: str,
    kind: QuoteKind,
    span: tuple[int, int],
    speaker: Speaker | None,
    cue: str | None,
    speaker_span: Span | None = None,
) -> Quote:
    """Build a Quote from parts that are valid by construction, with :meth:`Quote._trusted`.

    *text* is a slice of the (validated, clean) ``Article.text`` at *span*,
    *kind* one of the model's kinds, *speaker* a validated :class:`Speaker`
    (None for a scare quote), *cue* a non-empty word of the text and
    *speaker_span* None or the ``(start, end)`` of the speaker's mention in
    the text, ``start < end`` (dropped when *speaker* is None): so the
    model's validators, which cost as much as the rest of the extraction of a
    short quote, are not run again (the property tests check these invariants
    on arbitrary input).
    """
    return Quote._trusted(
        text, kind, span, speaker, cue, speaker_span if speaker is not None else None
    )
