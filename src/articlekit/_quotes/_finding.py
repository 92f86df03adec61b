"""The cues of a sentence: the speech verbs and phrases of the lexicon, where they are verbs.

:func:`find_cues` reads the candidate tokens of one sentence once, in order (a cue of two
words before one word), and drops the words that are nouns or names there (*the report*,
*reality TV show*, *a website called “…”*); at most one pass over the sentence.
"""

from __future__ import annotations

import bisect

from articlekit._quotes._cues import Lexicon
from articlekit._quotes._state import (
    Cue,
)
from articlekit._quotes._text import Token


def _bare_noun(toks: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """Whether the bare-lemma cue word at *i* (``show``, ``plan``, ``state``) is a noun.

    A bare lemma is a verb only after a plural subject (``officials say``,
    ``they say``, ``Clinton and Sanders say``), an auxiliary (``will say``) or
    an adverb; after a singular word or a possessive it is a noun (``a reality
    TV show``, ``Trump's plan``, ``neighboring state``).
    """
    prev = toks[i - 1].low
    if prev.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return True  # a possessive: "Trump's plan"
    if i + 1 < len(toks) and toks[i + 1].cap and toks[i].low in lex.words_of("title_modifiers"):
        return True  # before a capitalised word: "Illinois state Rep. Jane Doe", "state Senate"
    if prev in lex.words_of("plural_subjects") or prev in lex.skip or prev.endswith(("s", "ly")):
        return False
    if lex.titles.get(prev) == "plural" or _contracted(prev):
        return False
    if prev[:1].isdigit() or prev in lex.words_of("quantity_heads"):
        return False  # a share of people: "six in 10 say", "22 percent say", "a third say"
    return all(toks[k].low != "and" for k in range(max(lo, i - 4), i - 1))


def _plural_noun(toks: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """Whether the cue form in -s at token *i* is a plural noun after a preposition."""
    j = i - 1
    while j > lo and i - j <= 3:
        tok = toks[j]
        if tok.kind != "w" or tok.cap or tok.low in lex.skip or tok.low in lex.determiners:
            return False
        if tok.low in lex.words_of("noun_prepositions"):
            return j < i - 1
        if (
            tok.low in lex.pronouns
            or tok.low in lex.words_of("plural_subjects")
            or tok.low.endswith("ly")
        ):
            return False
        j -= 1
    return False


def _contracted(low: str) -> bool:
    """``they'll``, ``we'd``, ``I'd``: a pronoun and an auxiliary."""
    for mark in ("'", "\u2019"):
        head, sep, tail = low.partition(mark)
        if (
            sep
            and head in ("i", "we", "you", "they", "he", "she")
            and tail in ("ll", "d", "ve", "re", "m")
        ):
            return True
    return False


def find_cues(
    toks: list[Token],
    lo: int,
    hi: int,
    lex: Lexicon,
    title: bool,
    candidates: list[int],
    unknown: bool = True,
) -> list[Cue]:
    """The cues of the sentence ``lo:hi``; *candidates* are the line's tokens that may start one."""
    cues: list[Cue] = []
    table = lex.cues
    multi = lex.multi_first
    determiners = lex.determiners
    after = lo  # tokens before this are part of a cue already read
    text_cues, named = lex.words_of("text_cues"), lex.words_of("named")
    cataphoric = lex.words_of("cataphoric")
    for i in candidates[bisect.bisect_left(candidates, lo) : bisect.bisect_left(candidates, hi)]:
        if i < after:
            continue
        tok = toks[i]
        low = tok.low
        kind = table.get(low)
        width = 1
        if low in multi and i + 1 < hi:
            two = table.get(low + " " + toks[i + 1].low)
            if two is not None:
                kind, width = two, 2
        if kind is None and unknown and i + 2 < hi and unknown_cue(toks, i):
            kind = "speech"  # "sniffed that “…”": a verb outside the lexicon before a quotation
        if (
            kind is None
            or tok.kind != "w"
            or (tok.cap and i > lo and not title and toks[i - 1].kind == "w")
        ):
            continue  # not a cue ("the United States", a name)
        after = i + width
        prev = toks[i - 1].low if i > lo else ""
        start = i
        if prev == "to" and kind != "according":
            start = _said_to(toks, i, lo, lex)
            if start < 0:
                continue  # an infinitive ("wants to say"), not a cue
        elif prev in determiners or (
            prev in cataphoric and i > lo + 1 and toks[i - 2].low in determiners
        ):
            continue  # a noun ("the report", "the following remarks")
        if low in text_cues:
            if not _text_reads(toks, i, lo, hi, lex):
                continue  # "read" speaks only for a text: "the letter reads", "…,” read the sign"
        elif (
            low in lex.bases
            and start == i
            and i > lo
            and toks[i - 1].kind == "w"
            and _bare_noun(toks, i, lo, lex)
        ):
            continue  # "reality TV show", "Trump's plan": a noun, not a verb
        elif (
            low[-1] == "s"
            and i > lo + 1
            and toks[i - 1].kind == "w"
            and _plural_noun(toks, i, lo, lex)
        ):
            continue  # "talked about criminal justice issues, saying": a noun
        elif low in named and _names_a_thing(toks, i, lo, hi, lex):
            continue  # "a website called “…”": the name of a thing, not someone's words
        surface = tok.text if width == 1 else tok.text + " " + toks[i + 1].text
        cues.append(Cue(start, i + width, surface, kind))
    return cues


def unknown_cue(toks: list[Token], k: int) -> bool:
    """Whether token *k* is a past tense outside the lexicon that introduces a quotation
    with *that* (``sniffed that “…”``): a cue of speech, the marks say so."""
    tok = toks[k]
    return (
        tok.kind == "w"
        and not tok.cap
        and len(tok.low) > 4
        and tok.low.endswith("ed")
        and k + 2 < len(toks)
        and toks[k + 1].low == "that"
        and toks[k + 2].kind == "q"
    )


def _names_a_thing(toks: list[Token], i: int, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether the participle at token *i* gives a name to the common noun before it
    (``a popular play called “…”``, ``the tax loophole called an “inversion”``, ``a firm
    called Cambridge Analytica``): a noun phrase opened by a determiner (an indefinite one
    before a name that is not quoted), with the name right after the participle."""
    nxt = i + 1
    if nxt < hi and toks[nxt].low in ("a", "an", "the"):
        nxt += 1
    if nxt >= hi:
        return False
    # a quoted name, or a capitalised one after an indefinite noun phrase ("a firm called
    # Cambridge Analytica"; "the leader called Democratic bigwigs to the stage" is a verb)
    capitalised = toks[nxt].kind == "w" and toks[nxt].cap
    if toks[nxt].kind != "q" and not capitalised:
        return False
    prev = toks[i - 1] if i > lo else None
    if (
        prev is None
        or prev.kind != "w"
        or prev.cap
        or prev.low in lex.pronouns
        or prev.low in lex.skip
        or prev.low in lex.words_of("plural_subjects")
        or prev.low.endswith("ly")
    ):
        return False
    for j in range(i - 2, max(lo, i - 6) - 1, -1):
        tok = toks[j]
        if tok.low in ("a", "an", "the"):
            return not capitalised or tok.low != "the"
        if (
            tok.kind != "w"
            or tok.low in lex.skip
            or tok.low in lex.words_of("plural_subjects")
            or tok.low == "what"
        ):
            return False
    return False


def _said_to(toks: list[Token], i: int, lo: int, lex: Lexicon) -> int:
    """The start of ``went on to`` / ``was prompted to`` before the infinitive cue at token *i*
    (after ``to``), or -1 when the infinitive is no cue (``wants to say``)."""
    if i - 2 < lo:
        return -1
    before = toks[i - 2].low
    if before in lex.words_of("to_cue"):
        return i - 2
    if before == "on" and i - 3 >= lo and toks[i - 3].low in lex.words_of("go_on"):
        return i - 3
    return -1


def _text_reads(toks: list[Token], i: int, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether ``read`` at token *i* is a text speaking: after a document noun or *it*,
    right after a quotation (``“…,” read one sign``), or before a colon or comma and a
    quotation (``The sign read: “…”``)."""
    prev = toks[i - 1] if i > lo else None
    if prev is not None and (prev.kind == "q" or prev.low in lex.documents or prev.low == "it"):
        return True
    return i + 2 < hi and toks[i + 1].text in ":," and toks[i + 2].kind == "q"
