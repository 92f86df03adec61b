"""Kind rules: whether a quotation is ``direct``, a fragment, or the name of a work.

Pure functions of a sentence's tokens (and the lexicon's word lists): a quotation that stands
as a sentence or clause of its own is direct (:func:`stands_alone`); a Title Case quotation that
names a work (:func:`is_work_title`, after a noun of works: :func:`after_work_noun`) or a
quoted headline with a byline (:func:`bylined`) is a scare quote.  Each reads a bounded
window of tokens around the quotation.
"""

from __future__ import annotations

import re

from articlekit._quotes._cues import Lexicon
from articlekit._quotes._text import Token

__all__ = [
    "DIRECT_BEFORE",
    "after_work_noun",
    "bylined",
    "has_letter",
    "is_work_title",
    "names_before",
    "stands_alone",
    "starts_upper",
]


DIRECT_BEFORE = frozenset(",:;\u2014\u2013-([")


_SENTENCE_PUNCTUATION = re.compile("[.,;:?!\u2026]")


def is_work_title(body: str, lex: Lexicon, loose: bool = False) -> bool:
    """A short Title Case name in quote marks (a show, a book, a slogan), with no sentence
    punctuation (*loose*: any punctuation, up to ten words: “Crippled America: How to …”)."""
    words = body.split()
    if not words or len(words) > (10 if loose else 7):
        return False
    if not loose and _SENTENCE_PUNCTUATION.search(body) is not None:
        return False
    capital = [
        w
        for w in words
        if w.lower() not in lex.words_of("small_words") and (not loose or has_letter(w))
    ]
    return bool(capital) and all(w[:1].isupper() or w[:1].isdigit() for w in capital)


def after_work_noun(toks: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """Whether the quotation token *i* follows a noun of a work (a comma may stand between)."""
    k = i - 1
    if k > lo and toks[k].text == ",":
        k -= 1
    return k >= lo and toks[k].low in lex.words_of("work_nouns")


def bylined(toks: list[Token], i: int, hi: int, body: str) -> bool:
    """Whether the quotation token *i* is a headline with its byline: a comma, then ``by``
    (``“City museum names a director,” by the Post's Jane Doe``)."""
    k = i + 1
    if k < hi and toks[k].text == ",":
        k += 1
    elif body.rstrip().rstrip("'\u2019")[-1:] != ",":
        return False
    if k + 1 >= hi or toks[k].low != "by":
        return False
    if toks[k + 1].low == "the":
        k += 1  # "by the New York Post's Jane Doe"
    return k + 1 < hi and toks[k + 1].cap


def names_before(toks: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """Whether the quotation token *i* follows a possessive or a preposition (``Fox News’s
    “Sunday Morning Futures,” Jane Doe said``, ``starred in “…,”``): it is part of a noun phrase, so
    a cue after it does not say it."""
    if i <= lo:
        return False
    prev = toks[i - 1]
    low = prev.low
    return prev.kind == "w" and (
        low in lex.words_of("name_before") or low.endswith(("'s", "\u2019s", "s'", "s\u2019"))
    )


def starts_upper(body: str) -> bool:
    first = body.lstrip()[:1]
    return bool(first) and (first.isupper() or (first.isalpha() and not first.islower()))


def stands_alone(toks: list[Token], i: int, lo: int, inner: str, lex: Lexicon) -> bool:
    body = inner.lstrip()
    if not body:
        return False
    first = body[0]
    starts_sentence = (
        first.isupper()
        or first.isdigit()
        or first in "\u2026.\u2018\u201c'\"[("
        or (first.isalpha() and not first.islower())
    )
    if i == lo:
        return starts_sentence
    prev = toks[i - 1]
    if prev.kind == "p" and prev.text in DIRECT_BEFORE:
        return starts_sentence
    if (
        prev.kind == "w"
        and lex.cue_kind(prev.low) in ("speech", "belief", "intention")
        and prev.low not in lex.words_of("text_cues")
    ):
        return starts_sentence
    # A fragment that holds a whole sentence or more ("... finished. We are ...").
    return starts_sentence and (". " in body or "? " in body or "! " in body)


def has_letter(body: str) -> bool:
    # A loop, not any() over a generator (which costs more): the first character is usually one.
    for ch in body:  # noqa: SIM110
        if ch.isalpha():
            return True
    return False
