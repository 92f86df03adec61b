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

__all__ = ["Token", "sentences", "tokenize"]

# A run of word characters with inner apostrophes, dots and hyphens, or one other character.
_TOKEN = re.compile(r"[\w\u2019'.\-]+|[^\w\s]")
_INITIALS = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Z]\.")
_TRAIL = ".\u2019'-"
_ENDERS = frozenset(".?!")


class Token:
    """A word (``kind`` ``"w"``), a punctuation mark (``"p"``) or a quotation (``"q"``)."""

    __slots__ = ("end", "kind", "low", "quote", "start", "text")

    def __init__(self, start: int, end: int, text: str, kind: str, quote: int = -1) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        self.kind = kind
        self.quote = quote

    @property
    def cap(self) -> bool:
        """Whether the token starts with an upper-case letter."""
        return self.kind == "w" and self.text[:1].isupper()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Token({self.text!r}, {self.kind})"


def _words(text: str, start: int, end: int, lex: Lexicon, out: list[Token]) -> None:
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        s = m.start()
        if len(word) == 1 and not word.isalnum() and word != "_":
            out.append(Token(s, s + 1, word, "p"))
            continue
        # Leading apostrophes and hyphens are punctuation.
        while word and word[0] in _TRAIL:
            out.append(Token(s, s + 1, word[0], "p"))
            word = word[1:]
            s += 1
        trail: list[Token] = []
        while word and word[-1] in _TRAIL:
            if word[-1] == "." and (word.lower() in lex.abbreviations or _INITIALS.fullmatch(word)):
                break
            e = s + len(word)
            trail.append(Token(e - 1, e, word[-1], "p"))
            word = word[:-1]
        if word:
            out.append(Token(s, s + len(word), word, "w"))
        out.extend(reversed(trail))


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
            close = min(q.close + 1, end) if q.closed else q.close
            out.append(Token(q.open, close, text[q.open : close], "q", k))
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
    for i, tok in enumerate(tokens):
        if i + 1 >= n:
            break
        ends = False
        if tok.kind == "p" and tok.text in _ENDERS:
            ends = True
        elif tok.kind == "q":
            body = inner[tok.quote].rstrip()
            ends = bool(body) and body[-1] in _ENDERS
        if not ends:
            continue
        nxt = tokens[i + 1]
        if nxt.kind == "q" or (nxt.kind == "w" and (nxt.text[0].isupper() or nxt.text[0].isdigit())):
            out.append((begin, i + 1))
            begin = i + 1
    if begin < n:
        out.append((begin, n))
    return out
