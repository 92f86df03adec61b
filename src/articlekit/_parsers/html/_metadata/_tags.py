"""The page's tags (keywords, topics): the union of every tag source.

Sources, in this order (:data:`TAG_TRUST`): ``article:tag``; JSON-LD
``keywords`` of the article (a comma-separated string or a list); ``rel=tag``
links outside a sidebar, a widget or a navigation (a tag cloud is not the article's);
``news_keywords``, ``keywords``, ``parsely-tags``, ``sailthru.tags`` (the first
of each, split on commas).  Every source adds its tags, in the order it gives
them; a tag already given (compared case-insensitively, white space folded) is
not repeated; values that are URLs are dropped.

Bounds: at most 500 keywords of a JSON-LD list and :data:`_MAX_CANDIDATES`
``rel=tag`` links are read, each tag is cut to 500 characters here and to
``Limits.max_name_chars`` after; at most ``Limits.max_tags`` tags are kept (with
a warning).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from articlekit._parsers.html._metadata._common import (
    _ancestors,
    _classes,
    _cut,
    _element_text,
    _text,
)
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


#: Where a ``rel=tag`` link is not the article's: a sidebar's or a widget's tag cloud.
_TAG_CLOUD = re.compile(r"sidebar|widget|cloud|related|popular|trending|menu|nav")


def _in_tag_cloud(el: Any) -> bool:
    for node in _ancestors(el):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("aside", "nav") or (tag not in ("html", "body", "main", "article") and _TAG_CLOUD.search(_classes(node).lower())):
            return True
    return False


def _rel_tags(page: _Page) -> list[list[str]]:
    return [[_element_text(el, 500) for el in page.src.link_tags if not _in_tag_cloud(el)]]


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
    ("rel=tag links", _rel_tags),
    ("<meta> keywords", _meta_keywords),
)


def read_tags(page: _Page) -> list[str]:
    """The page's tags: the union of :data:`TAG_TRUST`'s sources (see the module's docstring)."""
    tags = [
        tag
        for _name, reader in TAG_TRUST
        for candidates in reader(page)
        for tag in candidates
        if tag and not tag.startswith(("http:", "https:"))
    ]
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
