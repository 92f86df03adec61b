"""Stage 2: words and sentences around the quotations.

A line of the article text becomes a list of :class:`Token`: words,
punctuation, and one token for each whole quotation (marks included), so that
the words inside a quotation are never mistaken for a cue or a speaker.
:func:`sentences` then cuts the tokens into sentences, without cutting after
an abbreviation (``Dr.``, ``U.S.``) or inside a quotation.
"""

from __future__ import annotations

import re

from articlekit.quotes._cues import Lexicon
from articlekit.quotes._marks import RawQuote

__all__ = ["MAX_SENTENCE", "Token", "sentences", "tokenize"]

#: The most tokens in one sentence; longer runs are cut (bounded work per sentence).
MAX_SENTENCE = 200

# An abbreviation or initials (group 1, checked against the lexicon afterwards), a word
# (group 2: inner apostrophes and hyphens kept), or one other character that is not white
# space.  No nested quantifiers.
_PIECES = re.compile(
    r"((?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,4}\.)"
    r"|([\w\u2019'][\w\u2019'\-\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*)|[^\w\s]"
)  # (invisible and bidi characters inside a word stay in it: "Pe\u200bskov" is one word)
_ENDERS = frozenset(".?!")
_WORD_START = frozenset("_\u2019'")


class Token:
    """A word (``kind`` ``"w"``), a punctuation mark (``"p"``) or a quotation (``"q"``)."""

    __slots__ = ("cap", "end", "kind", "low", "quote", "start", "text")

    def __init__(self, start: int, text: str, kind: str = "", quote: int = -1) -> None:
        self.start = start
        self.end = start + len(text)
        self.text = text
        self.low = text.lower()
        first = text[0]
        if not kind:
            kind = "w" if first.isalnum() or first in _WORD_START else "p"
        self.kind = kind
        self.quote = quote
        #: Whether the token is a word that starts with an upper-case letter.
        self.cap = kind == "w" and first.isupper()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Token({self.text!r}, {self.kind})"


def _words(text: str, start: int, end: int, lex: Lexicon, out: list[Token]) -> None:
    abbreviations = lex.abbreviations
    append = out.append
    for m in _PIECES.finditer(text, start, end):
        group = m.lastindex
        if group == 2:
            append(Token(m.start(), m.group(), "w"))
        elif group is None:
            append(Token(m.start(), m.group(), "p"))
        else:
            word = m.group()
            s = m.start()
            if len(word) <= 2 or word[-3] == "." or word.lower() in abbreviations:
                append(Token(s, word, "w"))  # U.S., Dr., J.
            else:
                append(Token(s, word[:-1], "w"))  # "Trump." ends a sentence
                append(Token(s + len(word) - 1, ".", "p"))


def tokenize(
    text: str, start: int, end: int, quotes: list[RawQuote], first: int, lex: Lexicon
) -> tuple[list[Token], int]:
    """Tokens of ``text[start:end]``; quotations ``quotes[first:]`` inside it become one token each.

    Returns the tokens and the index of the first quotation after *end*.
    """
    out: list[Token] = []
    pos = start
    k = first
    while k < len(quotes) and quotes[k].open < end:
        q = quotes[k]
        if q.open >= pos:
            _words(text, pos, q.open, lex, out)
            close = min(q.close + q.close_len, end) if q.closed else q.close
            out.append(Token(q.open, text[q.open : close], "q", k))
            pos = close
        k += 1
    _words(text, pos, end, lex, out)
    return out, k


def sentences(tokens: list[Token], inner: list[str]) -> list[tuple[int, int]]:
    """Cut *tokens* into sentences: ``(first, last + 1)`` index pairs.

    A sentence ends at ``.``, ``?`` or ``!`` (or a quotation whose text ends
    with one, given in *inner* by quote index) followed by a capital letter,
    a digit or a quotation.
    """
    out: list[tuple[int, int]] = []
    begin = 0
    n = len(tokens)
    # Only punctuation and quotations can end a sentence: look at those alone.
    for i in [i for i, t in enumerate(tokens) if t.kind != "w"]:
        if i + 1 >= n:
            break
        while begin + MAX_SENTENCE <= i + 1 and begin + MAX_SENTENCE < n:
            out.append((begin, begin + MAX_SENTENCE))  # bounded work per sentence
            begin += MAX_SENTENCE
        if i < begin:
            continue
        tok = tokens[i]
        if tok.kind == "p":
            ends = tok.text in _ENDERS
        else:
            body = inner[tok.quote].rstrip()
            ends = bool(body) and body[-1] in _ENDERS
        if not ends:
            continue
        nxt = tokens[i + 1]
        if nxt.kind == "q" or (
            nxt.kind == "w" and (nxt.text[0].isupper() or nxt.text[0].isdigit())
        ):
            out.append((begin, i + 1))
            begin = i + 1
    while begin + MAX_SENTENCE < n:
        out.append((begin, begin + MAX_SENTENCE))
        begin += MAX_SENTENCE
    if begin < n:
        out.append((begin, n))
    return out
