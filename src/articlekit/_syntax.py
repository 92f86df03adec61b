"""What a reader and its writer agree on: one home for each piece of shared syntax.

A parser and the serialiser that writes its format must agree on a few facts (the
front-matter keys :func:`~articlekit.parse_markdown` reads and
:func:`~articlekit.to_markdown` writes; the line shapes :func:`~articlekit.parse_text`
takes for markup and :func:`~articlekit.to_text` therefore never starts a wrapped line
with).  Parsers and serialisers never import each other (``docs/architecture.rst``), so
those facts live here, below both.  Every pattern is linear in the line it reads.
"""

from __future__ import annotations

import re

__all__ = [
    "BULLET",
    "FRONT_MATTER_KEYS",
    "NUMBER",
    "RULE",
    "SPEAKER",
    "UNDERLINE",
    "list_marker",
    "reads_as_markup",
    "structural",
]

#: Front-matter keys (compared case-insensitively) and the Article field each fills.
#: When several keys of one field are present, the first in this order wins and
#: the others are kept in ``Article.extra`` -- except ``tags``/``keywords`` and
#: ``image``/``cover``/``images``, which are merged in this order.
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "standfirst": ("subtitle", "standfirst"),
    "description": ("description", "summary"),
    "authors": ("authors", "author"),
    "credits": ("credits",),
    "published": ("date", "published", "publishdate", "pubdate"),
    "modified": ("lastmod", "updated", "modified"),
    "language": ("lang", "language"),
    "site_name": ("site_name", "sitename"),
    "url": ("url",),
    "canonical_url": ("canonical", "canonical_url", "canonicalurl"),
    "section": ("section", "categories", "category"),
    "page_type": ("page_type",),
    "tags": ("tags", "keywords"),
    "images": ("image", "cover", "images"),
}

# An item must say something: "- -" or "1. *" is not a list item.
BULLET = re.compile(r"([-*+•◦▪‣●○■□►▸])\s+(?=[^\n]*\w)")
NUMBER = re.compile(r"(\d{1,9})[.)]\s+(?=[^\n]*\w)")
RULE = re.compile(r"[-*_=~•·#—–](?:\s*[-*_=~•·#—–]){2,}")
UNDERLINE = re.compile(r"={3,}|-{3,}")
SPEAKER = re.compile(
    r"(?:[A-Z][A-Z0-9.'’\- ]{0,39}[A-Z0-9.]|[A-Z][\w'’.-]{0,30}(?: [A-Z][\w'’.-]{0,30}){0,3}|Q|A)"
    r"\s?:\s+\S"
)


def reads_as_markup(text: str) -> bool:
    """Whether a line starting with *text* would not read as prose inside a paragraph.

    A list item, a block quote, a rule or an underline, or a speaker label
    (``Q: ...``): :func:`~articlekit.to_text` never starts a wrapped line so.

    >>> reads_as_markup("> quoted"), reads_as_markup("- item"), reads_as_markup("Q: why"), reads_as_markup("So - it")
    (True, True, True, False)
    """
    return structural(text) or SPEAKER.match(text) is not None


def list_marker(text: str) -> re.Match[str] | None:
    """The list marker (``-``, ``•``, ``1.``, ``2)``) a line starts with, if any."""
    return BULLET.match(text) or NUMBER.match(text)


def structural(text: str) -> bool:
    """Lines that are markup, not prose: list items, quotes, rules, underlines."""
    return bool(
        text.startswith(">")
        or list_marker(text)
        or RULE.fullmatch(text)
        or UNDERLINE.fullmatch(text)
    )
