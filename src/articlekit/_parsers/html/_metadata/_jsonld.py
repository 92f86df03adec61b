"""JSON-LD: every ``<script type="application/ld+json">`` block of a page, read once, as one graph.

Order: blocks in page order; inside each, a depth-first walk through lists,
``@graph``, ``mainEntity``, ``mainEntityOfPage``, ``itemListElement`` and
``hasPart``.  Every node with an ``@id`` is indexed, so a reference
(``{"@id": ...}``) resolves wherever it points (inside its ``@graph`` or in
another block).  The main article is the first node of an article type with a
headline, news types before generic ones.

Bounds: a block over :data:`_MAX_JSONLD_BYTES` or past :data:`_MAX_JSONLD_TOTAL`
is skipped when collected; the walk visits at most :data:`_MAX_JSONLD_NODES`
nodes, no deeper than :data:`_MAX_JSONLD_DEPTH`.  Invalid JSON is skipped with a
warning, never raised.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from articlekit._parsers.html._metadata._common import (
    _ARTICLE_TYPES,
    _MAX_JSONLD_DEPTH,
    _MAX_JSONLD_NODES,
    _ORG_TYPES,
    _PAGE_TYPES,
    _as_list,
    _text,
)


@attrs.define
class _JsonLd:
    article: dict[str, Any] | None = None
    page: dict[str, Any] | None = None
    site_names: list[str] = attrs.field(factory=list)
    publisher_names: list[str] = attrs.field(factory=list)
    by_id: dict[str, dict[str, Any]] = attrs.field(factory=dict)


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    out: set[str] = set()
    for t in _as_list(value):
        if isinstance(t, str):
            out.add(t.rsplit("/", 1)[-1].rsplit(":", 1)[-1].casefold())
    return out


#: The keys the main walk follows: where a page nests its article and its page.
_WALKED_KEYS = ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart")


def _walk(roots: list[Any], children: Callable[[dict[str, Any]], list[Any]]) -> Iterator[tuple[dict[str, Any], int]]:
    """Every object of *roots* (in order, depth-first) with its depth, following lists and the
    containers *children* gives.  Bounded: :data:`_MAX_JSONLD_NODES` nodes in all (lists
    count), no deeper than :data:`_MAX_JSONLD_DEPTH`, 500 items per list."""
    stack: list[tuple[Any, int]] = [(root, 0) for root in reversed(roots)]
    visited = 0
    while stack and visited < _MAX_JSONLD_NODES:
        node, depth = stack.pop()
        visited += 1
        if depth > _MAX_JSONLD_DEPTH:
            continue
        if isinstance(node, list):
            stack.extend((item, depth + 1) for item in reversed(node[:500]))
            continue
        if not isinstance(node, dict):
            continue
        yield node, depth
        stack.extend((child, depth + 1) for child in children(node))


def _walked_children(node: dict[str, Any]) -> list[Any]:
    return [c for c in (node.get(key) for key in _WALKED_KEYS) if isinstance(c, (dict, list))]


def _all_children(node: dict[str, Any]) -> list[Any]:
    return [child for child in node.values() if isinstance(child, (dict, list))]


def _parse_blocks(blocks: list[str], warnings: list[str]) -> list[Any]:
    """The JSON value of each block (an HTML comment around it and a trailing ``;`` allowed);
    invalid JSON skipped with a warning."""
    parsed: list[Any] = []
    for index, block in enumerate(blocks):
        text = block.strip()
        if text.startswith("<!--"):
            text = text[4:]
        if text.endswith("-->"):
            text = text[:-3]
        text = text.strip().rstrip(";")
        if not text:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            try:  # control characters inside strings are a common fault
                data = json.loads(text, strict=False)
            except (ValueError, RecursionError):
                warnings.append(f"JSON-LD block {index + 1} is not valid JSON; skipped")
                continue
        parsed.append(data)
    return parsed


def _read_jsonld(blocks: list[str], warnings: list[str]) -> _JsonLd:
    result = _JsonLd()
    articles: list[dict[str, Any]] = []
    nested = _parse_blocks(blocks, warnings)
    for node, depth in _walk(nested, _walked_children):
        ident = node.get("@id")
        if isinstance(ident, str) and ident not in result.by_id and _described(node):
            result.by_id[ident] = node
        types = _types(node)
        if types & _ARTICLE_TYPES:
            articles.append(node)
        elif types & _PAGE_TYPES and result.page is None:
            result.page = node
        if "website" in types:
            name = _text(node.get("name"), 500)
            if name:
                result.site_names.append(name)
        if types & _ORG_TYPES and depth <= 2 and "website" not in types:
            name = _text(node.get("name"), 500)
            if name:
                result.publisher_names.append(name)
    _index_nested(nested, result.by_id)
    if not articles and result.page is not None:
        main = _deref(result.page.get("mainEntity"), result)
        if isinstance(main, dict) and _types(main) & _ARTICLE_TYPES:
            articles.append(main)  # the WebPage's mainEntity, given by reference
    if not articles and result.page is not None and result.page.get("headline"):
        articles.append(result.page)  # a WebPage (MedicalWebPage ...) carrying the article's fields
    if articles:
        result.article = min(articles, key=_article_rank)
    return result


def _article_rank(node: dict[str, Any]) -> int:
    """The main article: the first with a headline, preferring news types over generic ones."""
    types = _types(node)
    score = 0 if node.get("headline") or node.get("name") else 2
    if types & {"videoobject", "recipe", "howto", "review"} and not types & {"article", "newsarticle", "blogposting"}:
        score += 1
    if types == {"question"}:
        score += 3  # a forum's question stands for the page only when nothing else does (not a FAQ's)
    return score


def _index_nested(roots: list[Any], by_id: dict[str, dict[str, Any]]) -> None:
    """Index every node with an ``@id`` anywhere in *roots* (an author defined inside another node)."""
    for node, _depth in _walk(roots, _all_children):
        ident = node.get("@id")
        if isinstance(ident, str) and len(node) > 1 and ident not in by_id and _described(node):
            by_id[ident] = node


def _described(node: dict[str, Any]) -> bool:
    """True when *node* says more than its type and id (a stub that only points elsewhere does not)."""
    return any(not key.startswith("@") and value not in ("", None, [], {}) for key, value in node.items())


def _deref(value: Any, ld: _JsonLd) -> Any:
    """The node *value* refers to: ``{"@id": ...}`` (with at most a type beside it) or a bare id string."""
    if isinstance(value, str):
        return ld.by_id.get(value, value) if value.startswith(("http", "#", "_:")) else value
    if isinstance(value, dict) and "@id" in value and not _described(value):
        ident = value["@id"]
        if isinstance(ident, str) and ident in ld.by_id:
            return ld.by_id[ident]
    return value


def _ld_str(node: dict[str, Any] | None, *keys: str) -> str:
    if node is None:
        return ""
    for key in keys:
        value = node.get(key)
        for item in _as_list(value)[:5]:
            if isinstance(item, dict):
                item = item.get("name") or item.get("@value") or item.get("url")
            text = _text(item)
            if text:
                return text
    return ""


# --------------------------------------------------------------------------- merging helpers
