"""The page's tags (keywords, topics).

Sources, in this order (:data:`TAG_TRUST`): ``article:tag``; JSON-LD
``keywords`` (a comma-separated string or a list); ``news_keywords``,
``keywords``, ``parsely-tags``, ``sailthru.tags`` (the first of each, split on
commas).  The first source with a usable tag gives the tags; values that are
URLs are dropped; duplicates are dropped case-insensitively, page order kept.

Bounds: at most 500 keywords of a JSON-LD list are read, each tag is cut to 500
characters here and to ``Limits.max_name_chars`` after; at most
``Limits.max_tags`` tags are kept (with a warning).
"""

from __future__ import annotations

from collections.abc import Callable

from articlekit._parsers.html._metadata._common import _cut, _text
from articlekit._parsers.html._metadata._sources import _Page
from articlekit._textutil import name_key


def _meta_tags(page: _Page) -> list[list[str]]:
    return [[_text(v, 500) for v in page.src.meta.get("article:tag", [])]]


def _jsonld_keywords(page: _Page) -> list[list[str]]:
    art = page.art
    if art is None:
        return []
    kw = art.get("keywords")
    if isinstance(kw, str):
        return [[_text(k, 500) for k in kw.split(",")]]
    if isinstance(kw, list):
        return [[_text(k, 500) for k in kw[:500] if isinstance(k, str)]]
    return []


def _meta_keywords(page: _Page) -> list[list[str]]:
    return [
        [_text(k, 500) for k in value.split(",")]
        for key in ("news_keywords", "keywords", "parsely-tags", "sailthru.tags")
        for value in page.src.meta.get(key, [])[:1]
    ]


#: The tags' sources, most trusted first: each gives lists of candidate tags.
TAG_TRUST: tuple[tuple[str, Callable[[_Page], list[list[str]]]], ...] = (
    ("article:tag", _meta_tags),
    ("JSON-LD keywords", _jsonld_keywords),
    ("<meta> keywords", _meta_keywords),
)


def read_tags(page: _Page) -> list[str]:
    """The page's tags: see the module's docstring."""
    tags: list[str] = []
    for _name, reader in TAG_TRUST:
        for candidates in reader(page):
            cleaned = [t for t in candidates if t and not t.startswith(("http:", "https:"))]
            if cleaned:
                tags = cleaned
                break
        if tags:
            break
    seen: set[str] = set()
    unique: list[str] = []
    for tag in tags:
        key = name_key(tag)
        if key not in seen:
            seen.add(key)
            unique.append(tag)
    limits, warnings = page.limits, page.warnings
    unique = limits.cut(
        unique, "max_tags", "tags", warnings.append,
        f"tags: kept the first {limits.max_tags} of {len(unique)} (Limits.max_tags)", source="html",
    )  # fmt: skip
    return [_cut(t, limits, "max_name_chars", "a tag", warnings) or t for t in unique]
