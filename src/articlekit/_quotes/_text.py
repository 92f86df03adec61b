"""Stage 2: words and sentences around the quotations.

A line of the article text becomes a list of :class:`Token`: words,
punctuation, and one token for each whole quotation (marks included), so that
the words inside a quotation are never mistaken for a cue or a speaker.
:func:`sentences` then cuts the tokens into sentences, without cutting after
an abbreviation (``Dr.``, ``U.S.``) or inside a quotation.
"""

from __future__ import annotations

import re

from articlekit._quotes._cues import Lexicon
from articlekit._quotes._marks import QuoteTexts, RawQuote

__all__ = ["MAX_SENTENCE", "Token", "inert", "sentences", "tokenize"]

#: The most tokens in one sentence; longer runs are cut (bounded work per sentence).
MAX_SENTENCE = 200

# An abbreviation or initials (group 1, checked against the lexicon afterwards), a word
# (group 2: inner apostrophes and hyphens kept; numbers joined by slashes, "9/11", are one
# word), or one other character that is not white space.  No nested quantifiers.  (The
# lookahead, which both forms of group 1 need, lets a word skip them quickly.)
_PIECES = re.compile(
    r"(?=[A-Za-z][a-z]{0,4}\.)((?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,4}\.)"
    r"|(\d{1,4}/\d{1,4}/\d{1,4}(?![\w/])|\d{1,4}/\d{1,4}(?![\w/])|[\w\u2019'][\w\u2019'\-\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*)|[^\w\s]"
)  # (invisible and bidi characters inside a word stay in it: "Pe\u200bskov" is one word)
_ENDERS = frozenset(".?!")
# In ASCII text: an upper-case letter, and the words as the tokenizer cuts them (apart from
# abbreviations, which hold a full stop).
_ASCII_UPPER = re.compile("[A-Z]")
_ASCII_WORDS = re.compile(r"[\w'][\w'\-]*", re.ASCII)


class Token:
    """A word (``kind`` ``"w"``), a punctuation mark (``"p"``) or a quotation (``"q"``).

    The fields are computed by the tokenizer, once: ``low`` is ``text.lower()``
    and ``cap`` whether the token is a word that starts with an upper-case letter.
    """

    __slots__ = ("cap", "end", "kind", "low", "quote", "start", "text")

    def __init__(
        self, start: int, end: int, text: str, low: str, kind: str, quote: int = -1, cap: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low
        self.kind = kind
        self.quote = quote
        self.cap = cap

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Token({self.text!r}, {self.kind})"


def _words(text: str, start: int, end: int, abbreviations: frozenset[str], out: list[Token]) -> None:
    append = out.append
    for m in _PIECES.finditer(text, start, end):
        word = m[0]
        s = m.start()
        group = m.lastindex
        if group == 2:
            if word[0] in "'\u2019" and not word.strip("'\u2019"):
                continue  # a stray apostrophe: a closing mark the scan left over ("…,''' said")
            append(Token(s, s + len(word), word, word.lower(), "w", -1, word[0].isupper()))
        elif group is None:
            append(Token(s, s + 1, word, word.lower(), "p"))  # one character
        else:
            low = word.lower()
            cap = word[0].isupper()
            if len(word) <= 2 or word[-3] == "." or low in abbreviations:
                append(Token(s, s + len(word), word, low, "w", -1, cap))  # U.S., Dr., J.
            else:
                e = s + len(word) - 1
                append(Token(s, e, word[:-1], low[:-1], "w", -1, cap))  # "Trump." ends a sentence
                append(Token(e, e + 1, ".", ".", "p"))


def inert(text: str, start: int, end: int, triggers: frozenset[str]) -> bool:
    """Whether ``text[start:end]``, which holds no quotation, cannot hold a cue nor a speaker.

    True for ASCII text with no capital letter and none of the *triggers*
    (the cue words and the words that may start a subject) among its words:
    its sentences attribute nothing and mention nobody, so they need no tokens
    (long runs of links, code or numbers cost nothing).

    >>> inert("see https://example.com/1 and 2", 0, 31, frozenset(["said"]))
    True
    >>> inert("as he said", 0, 10, frozenset(["said"]))
    False
    """
    chunk = text[start:end]
    return (
        chunk.isascii()
        and _ASCII_UPPER.search(chunk) is None
        and triggers.isdisjoint(_ASCII_WORDS.findall(chunk))
    )


def tokenize(
    text: str, start: int, end: int, quotes: list[RawQuote], first: int, lex: Lexicon
) -> tuple[list[Token], int]:
    """Tokens of ``text[start:end]``; quotations ``quotes[first:]`` inside it become one token each.

    Returns the tokens and the index of the first quotation after *end*.
    """
    out: list[Token] = []
    abbreviations = lex.abbreviations
    pos = start
    k = first
    while k < len(quotes) and quotes[k].open < end:
        q = quotes[k]
        if q.open >= pos:
            _words(text, pos, q.open, abbreviations, out)
            close = min(q.close + q.close_len, end) if q.closed else q.close
            body = text[q.open : close]
            out.append(Token(q.open, close, body, body.lower(), "q", k))
            pos = close
        k += 1
    _words(text, pos, end, abbreviations, out)
    return out, k


def _initial_end(word: str) -> bool:
    """Whether *word* ends with a lone capital letter (``N``, ``D-N``): an abbreviation's start."""
    return word[-1:].isupper() and (len(word) == 1 or not word[-2].isalpha())


def sentences(
    tokens: list[Token], inner: QuoteTexts, starters: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Cut *tokens* into sentences: ``(first, last + 1)`` index pairs.

    A sentence ends at ``.``, ``?`` or ``!`` (or a quotation whose text ends
    with one, given in *inner* by quote index) followed by a capital letter,
    a digit or a quotation.  An abbreviation (``U.S.``, ``D.C.``) ends one
    when a capitalised word of *starters* (lower case: the subject pronouns)
    follows it: ``… attacks in the U.S. He says …``.
    """
    out: list[tuple[int, int]] = []
    begin = 0
    n = len(tokens)
    # Only punctuation, quotations and abbreviations can end a sentence: look at those alone.
    for i in [i for i, t in enumerate(tokens) if t.kind != "w" or t.text[-1] == "."]:
        if i + 1 >= n:
            break
        while begin + MAX_SENTENCE <= i + 1 and begin + MAX_SENTENCE < n:
            out.append((begin, begin + MAX_SENTENCE))  # bounded work per sentence
            begin += MAX_SENTENCE
        if i < begin:
            continue
        tok = tokens[i]
        if tok.kind == "w":
            nxt = tokens[i + 1]
            if nxt.kind == "w" and nxt.cap and nxt.low in starters:
                out.append((begin, i + 1))
                begin = i + 1
            continue
        if tok.kind == "p":
            ends = tok.text in _ENDERS
        else:
            body = inner[tok.quote].rstrip()
            ends = bool(body) and body[-1] in _ENDERS
        if not ends:
            continue
        nxt = tokens[i + 1]
        if (
            i > 0
            and len(nxt.text) == 2
            and nxt.text[1] == "."
            and _initial_end(tokens[i - 1].text)
        ):
            continue  # "(D-N.Y.)": the letters of an abbreviation, not a sentence end
        if (
            nxt.start == tok.end
            and nxt.text[0].isdigit()
            and i > 0
            and tokens[i - 1].end == tok.start
            and tokens[i - 1].text[-1:].isdigit()
        ):
            continue  # "$1.38 trillion", "24.6 percent": a decimal point
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
