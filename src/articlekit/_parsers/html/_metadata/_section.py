"""The section (desk, category) the page files the article under.

Order of trust (:data:`SECTION_TRUST`, first non-empty value wins): JSON-LD
``articleSection``; ``article:section`` and the other section ``<meta>`` tags;
microdata ``articleSection``.  Bounds: the values are already cut by
:mod:`._sources`; the caller cuts the result to ``Limits.max_name_chars``.
"""

from __future__ import annotations

from collections.abc import Callable

from articlekit._parsers.html._metadata._common import _itemprop_value
from articlekit._parsers.html._metadata._jsonld import _ld_str
from articlekit._parsers.html._metadata._sources import _first_meta, _itemprop, _Page

_SECTION_META = (
    "article:section", "og:article:section", "section", "articlesection", "parsely-section", "category",
    "sailthru.section",
)  # fmt: skip


def _microdata_section(page: _Page) -> str:
    return next((v for v in (_itemprop_value(e) for e in _itemprop(page.src, "articlesection")) if v), "")


#: The section's sources, most trusted first.
SECTION_TRUST: tuple[tuple[str, Callable[[_Page], str]], ...] = (
    ("JSON-LD articleSection", lambda page: _ld_str(page.art, "articleSection")),
    ("<meta> section", lambda page: _first_meta(page.src, *_SECTION_META)),
    ("microdata articleSection", _microdata_section),
)


def read_section(page: _Page) -> str | None:
    """The first section of :data:`SECTION_TRUST`, or None."""
    for _name, reader in SECTION_TRUST:
        value = reader(page)
        if value:
            return value
    return None
