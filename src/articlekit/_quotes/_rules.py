"""The attribution rules, by name, in the order they run: each can be switched off.

:func:`~articlekit._quotes._attribute.attribute` reads a text line by line and sentence
by sentence; for each sentence the rules below run in this order, on the state carried
from sentence to sentence (the last speaker, the speaker a colon introduces, the people
met).  Every rule is a named unit: ``attribute(..., disabled=frozenset({"said-after"}))``
runs without it, which is how ``benchmarks/ablate_quotes.py`` measures what each rule
brings (the table is in ``benchmarks/results/quotes_ablation.md``).  A rule written for
English word order or English words (a past tense in *-ed*, Title Case names of works) runs
on English text only.

>>> [r.name for r in RULES][:3]
['furniture', 'mention-names', 'introduced']
>>> rule("said-after").group
'speaker'
"""

from __future__ import annotations

from functools import lru_cache

import attrs

__all__ = ["RULES", "RULE_NAMES", "Rule", "for_language", "rule"]


@attrs.frozen
class Rule:
    """One attribution rule: its name, its group and what it does."""

    name: str
    group: str  # "state", "speaker", "kind", "headline" or "reported"
    does: str
    #: The languages the rule is written for (their lexicon's ``language``); None: every language.
    languages: frozenset[str] | None = None


_EN = frozenset({"en"})

#: Every rule, in the order it runs within a sentence.
RULES: tuple[Rule, ...] = (
    Rule(
        "furniture",
        "state",
        "page furniture lines (Story continues below advertisement) are not read",
    ),
    Rule(
        "mention-names",
        "state",
        "full names met in passing are registered for later mentions and pronouns",
    ),
    Rule(
        "introduced",
        "state",
        "a person introduced with an age (Jane Doe, 50,) takes the next pronoun of that gender",
    ),
    Rule(
        "subject", "state", "the subject of a sentence without a cue becomes the most recent person"
    ),
    Rule(
        "dateline",
        "state",
        "a dateline opening a sentence is no subject (LA CROSSE, Wis. — Jane Doe blamed …, saying)",
    ),
    Rule(
        "title-case",
        "state",
        "the names of a title in Title Case are met in passing (Jane Doe's Final Column Explains …)",
        languages=_EN,
    ),
    Rule(
        "unknown-cue",
        "speaker",
        "a past tense outside the lexicon before that + quotation is a cue (sniffed that “…”)",
        languages=_EN,
    ),
    Rule(
        "according-source",
        "speaker",
        "the words after according to name the source when they name no person (according to the results)",
    ),
    Rule(
        "group-subject",
        "speaker",
        "the noun phrase from the sentence's start to a speech cue (Aides to Clinton say …)",
    ),
    Rule(
        "possessive-group",
        "speaker",
        "a possessive before a noun is no pronoun subject: the group is (Her advisers and allies say …)",
    ),
    Rule(
        "group-clause",
        "speaker",
        "a group subject after a comma or holding and (…, all the experts I interviewed said …)",
    ),
    Rule(
        "quantity-subject",
        "speaker",
        "a share of people polled right before a speech cue (Just 28 percent of voters said …)",
    ),
    Rule(
        "quote-phrase",
        "speaker",
        "a noun phrase next to a quotation's cue (“…?” a Democratic staffer in the room wondered)",
    ),
    Rule(
        "said-after",
        "speaker",
        "a direct quotation ending a sentence takes the cue of the next sentence (“…” He said …)",
    ),
    Rule(
        "headline",
        "headline",
        "a quotation in the title takes the name beside it (“…” – NAME, NAME: “…”)",
    ),
    Rule("title-colon", "headline", "NAME: words of a title are NAME's reported speech"),
    Rule(
        "upper-after-cue",
        "kind",
        "a capitalised quotation right before its cue is direct (Then “Real quote,” said …)",
    ),
    Rule("dash-speaker", "speaker", "a quotation signed by a dash and a name (“…” ― Jane Doe)"),
    Rule(
        "label-speaker",
        "speaker",
        "a transcript label in capitals opens the quotation (“PENCE: …”)",
    ),
    Rule(
        "said-by-verb",
        "speaker",
        "a name and a past tense after a quotation (“…,” Hollande retaliated)",
        languages=_EN,
    ),
    Rule(
        "colon-name",
        "speaker",
        "the named person right before a colon (… surprise pollster Daron Shaw: “…”)",
    ),
    Rule(
        "colon-line",
        "speaker",
        "the subject of a line ending in a colon speaks the quotation opening the next line",
    ),
    Rule(
        "group-speaker",
        "speaker",
        "the pieces of one quotation over several paragraphs share a speaker",
    ),
    Rule(
        "last-speaker",
        "speaker",
        "a direct quotation with no cue takes the last speaker of the line or the one before",
    ),
    Rule(
        "colon-subject",
        "speaker",
        "the subject of a sentence ending with a colon or dash before a quotation (He has apologized: “…”)",
    ),
    Rule(
        "work-title",
        "kind",
        "a Title Case quotation naming a work is a scare quote (“The Big Short”)",
        languages=_EN,
    ),
    Rule("bylined", "kind", "a quoted headline with a byline is a scare quote", languages=_EN),
    Rule(
        "long-source",
        "reported",
        "a source after according to runs on to its comma (According to results of polls conducted for …, …)",
    ),
    Rule(
        "opener-clause",
        "reported",
        "an introductory phrase before content is read with it (In all, hackers took …, the report said)",
    ),
    Rule(
        "interrupted",
        "reported",
        "a cue that interrupts its clause gives both parts (The plan, she said, is …)",
    ),
    Rule("content-before", "reported", "CONTENT, SPEAKER said."),
    Rule(
        "speaker-not-content",
        "reported",
        "words before a cue that name its speaker are no content (Jane Doe, an associate at …, said)",
    ),
    Rule("content-after", "reported", "SPEAKER said (that) CONTENT"),
    Rule(
        "bare-clause",
        "reported",
        "a clause with a lower-case subject after a speech cue (said candidates are becoming …)",
        languages=_EN,
    ),
    Rule(
        "embedded-question",
        "reported",
        "the question after a question verb (asked workers if they planned to attend)",
    ),
    Rule("mixed", "reported", "words around a quoted fragment (called Trump “unhinged”)"),
    Rule(
        "object",
        "reported",
        "the object of a speech verb whose object is what was said (denied the allegations)",
    ),
    Rule(
        "cataphoric-object",
        "reported",
        "a noun phrase that points ahead to what was said is no content (issued the following statement: …)",
    ),
    Rule(
        "disowned",
        "reported",
        "reported speech of a stance verb around someone else's quotation is that speaker's",
    ),
    Rule(
        "sign",
        "speaker",
        "a line starting with a dash and a name signs the quotation that ended the line before",
    ),
    Rule(
        "fill-headlines",
        "headline",
        "a headline quotation with no speaker takes the speaker of the same words in the body",
    ),
)

_BY_NAME = {r.name: r for r in RULES}
#: The names of every rule.
RULE_NAMES = frozenset(_BY_NAME)


@lru_cache(maxsize=16)
def for_language(language: str) -> frozenset[str]:
    """The names of the rules that run on a text in *language* (English rules only on English)."""
    return frozenset(r.name for r in RULES if r.languages is None or language in r.languages)


def rule(name: str) -> Rule:
    """The rule called *name* (:class:`KeyError` for another name)."""
    return _BY_NAME[name]
