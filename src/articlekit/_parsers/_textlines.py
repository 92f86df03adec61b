"""Line rules for plain text: normalising lines into chunks, and what a line looks like.

Used by :mod:`articlekit._parsers.text`; the rules are described there and in
the user guide (``docs/guide/text.rst``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from articlekit._noise import is_placeholder
from articlekit._parsers._textmeta import parse_meta_line
from articlekit._syntax import UNDERLINE as _UNDERLINE
from articlekit._syntax import reads_as_markup
from articlekit._syntax import structural as _structural
from articlekit._textutil import _INVISIBLE

__all__ = ["Chunk", "heading_like", "reads_as_markup", "title_like"]

_OTHER_SPACE = re.compile(r"[^\S\n ]")
_SPACES = re.compile(r" {2,}")
# The invisible characters clean_name drops: a line of only these is blank.
_INVISIBLE_CHARS = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_CLOSERS = "”’\"')]»›"
_MINOR_WORDS = frozenset(
    ["a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "in", "on", "at", "to", "by", "up", "as", "vs", "vs.", "via", "with", "from", "into", "onto", "over", "per", "than", "off", "out", "upon", "de", "la", "le", "el", "les", "los", "las", "der", "die", "das", "und", "y", "et", "du", "des", "von", "van", "da", "di", "del", "della", "e", "o"]
)


def _many(items: Iterable[object]) -> Any:
    """A tuple for a model sequence field (the model's generic converter defeats mypy's inference)."""
    return tuple(items)


@attrs.define
class _Line:
    indent: int
    text: str


Chunk = list[_Line]


# --------------------------------------------------------------------------- line rules


def _ends_like_sentence(text: str, marks: str) -> bool:
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in marks


def heading_like(text: str) -> bool:
    """Whether *text* reads as a heading: short, title-cased or all capitals, no closing punctuation.

    >>> heading_like("Putin’s Proposal"), heading_like("BACKGROUND"), heading_like("What we know.")
    (True, True, False)
    >>> heading_like("Kremlin spokesperson Dmitry Peskov told reporters,")
    False
    """
    if not 0 < len(text) <= 100 or text.count(" ") > 11 or _ends_like_sentence(text, ".,;:!…"):
        return False
    words = text.split()
    if len(words) > 12 or _structural(text):
        return False
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    if words[-1].lower() in _MINOR_WORDS and len(words) > 1:
        return False  # "... Joe Biden and": a line broken mid-sentence, not a heading
    capitals = 0
    for n, word in enumerate(words):
        core = word.lstrip("“‘\"'([¿¡#*")
        if not core or not core[0].isalpha():
            continue
        if core[0].isupper():
            capitals += 1
        elif core[0].lower() == core[0].upper():
            return False  # a script without case: no title case to see
        elif n == 0 or core.lower().rstrip(",") not in _MINOR_WORDS:
            return False
    return capitals > 0


def title_like(text: str) -> bool:
    """Whether a line standing alone at the top can be the title: it does not end like a sentence.

    >>> title_like("No new talks, Kremlin says"), title_like("Hi all,"), title_like("I was there.")
    (True, False, False)
    """
    return 0 < len(text) <= 300 and not _ends_like_sentence(text, ".,;:") and not _structural(text)


def _is_meta(text: str) -> bool:
    return parse_meta_line(text) is not None


def _blank(text: str) -> bool:
    return not _INVISIBLE.sub("", text).strip()


def _underlined(lines: list[_Line]) -> bool:
    return len(lines) >= 2 and _UNDERLINE.fullmatch(lines[1].text) is not None


def _denoise(lines: list[_Line]) -> list[_Line]:
    """*lines* without placeholder lines (an underlined line is a heading, kept whatever it says)."""
    out: list[_Line] = []
    for i, line in enumerate(lines):
        underlined = i + 1 < len(lines) and _UNDERLINE.fullmatch(lines[i + 1].text)
        if underlined or not is_placeholder(line.text):
            out.append(line)
    return out


def _chunks(text: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    current: Chunk = []
    # One pass for the whole text: tabs to four spaces, other white space but newlines to one.
    text = _OTHER_SPACE.sub(" ", text.replace("\t", "    "))
    for raw in text.split("\n"):
        body = raw.lstrip(" ")
        indent = len(raw) - len(body)
        body = body.rstrip(" ")
        if "  " in body:
            body = _SPACES.sub(" ", body)
        if not body or (body[0] in _INVISIBLE_CHARS and _blank(body)):
            if current:
                chunks.append(current)
                current = []
            continue
        current.append(_Line(indent, body))
    if current:
        chunks.append(current)
    return chunks
