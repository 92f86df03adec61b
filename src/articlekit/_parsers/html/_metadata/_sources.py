"""Collecting a page's metadata sources once: ``<meta>`` tags, JSON-LD blocks, microdata, headlines, bylines, dates.

:func:`_collect` makes one pass over the elements that can carry metadata
(``meta script title html base link h1 p img time``), then one XPath query for
``itemprop`` elements (only when the page's source mentions ``itemprop``) and
one for ``rel=author`` links.  Elements whose class or id names a byline, a
headline or a date are found on demand (:meth:`_Sources.find`), once, inside the
scope around the headline when that is known.

Bounds: at most :data:`_MAX_META` ``<meta>`` tags, :data:`_MAX_CANDIDATES`
elements of each kind, 10 paragraphs and 10 logo images; JSON-LD blocks within
the byte bounds of :mod:`._jsonld`; the visible text kept for checks is cut to
:data:`_MAX_VISIBLE_CHARS`.  Walks after and before the headline are bounded in
nodes and characters (:func:`_texts_after`, :func:`_texts_before`).
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import lxml.etree

from articlekit._limits import Limits
from articlekit._parsers.html._metadata._common import (
    _HEADLINE_BAD,
    _MAX_CANDIDATES,
    _MAX_JSONLD_BYTES,
    _MAX_JSONLD_TOTAL,
    _MAX_META,
    _MAX_VALUE_CHARS,
    _ancestors,
    _attr,
    _classes,
    _element_text,
    _furniture_class,
    _in_article_scope,
    _text,
)
from articlekit._parsers.html._metadata._jsonld import _JsonLd
from articlekit._textutil import clean_name

_MAX_VISIBLE_CHARS = 2_000_000  # visible text kept to check that metadata authors appear on the page

@attrs.define
class _Sources:
    """Raw values collected from one page, before merging."""

    logo_alts: list[str] = attrs.field(factory=list)
    paragraphs: list[str] = attrs.field(factory=list)
    visible_text: str = ""  # white space folded, case-folded
    root: Any = None
    scope: Any = None  # where bylines and dates are looked for: around the headline, once known
    _everywhere: dict[str, list[Any]] = attrs.field(factory=dict)  # the whole page's, searched once
    _cached_in: Any = None  # the element :meth:`find` searches in, fixed at its first call

    def _found(self) -> dict[str, list[Any]]:
        if not self._everywhere and self.root is not None:
            self._everywhere.update(_find_by_class(self.root, None))
        return self._everywhere

    def find(self, name: str) -> list[Any]:
        """Elements found by class: ``bylines``, ``headlines``, ``dates``, in :attr:`scope` when it
        is known at the first call (else in the whole page); at most :data:`_MAX_CANDIDATES`."""
        if self.root is None:
            return []
        if self._cached_in is None:
            self._cached_in = self.scope if self.scope is not None else self.root
        found = self._found().get(name, [])
        if self._cached_in is not self.root:
            inside = self._cached_in
            found = [el for el in found if el is inside or any(a is inside for a in el.iterancestors())]
        return found[:_MAX_CANDIDATES]

    def find_anywhere(self, name: str) -> list[Any]:
        """Like :meth:`find`, in the whole page (one search serves both)."""
        if self.root is None:
            return []
        return self._found().get(name, [])[:_MAX_CANDIDATES]
    meta: dict[str, list[str]] = attrs.field(factory=dict)
    title_tag: str = ""
    html_lang: str = ""
    base_href: str = ""
    canonical: str = ""
    link_authors: list[tuple[str, str]] = attrs.field(factory=list)  # (text, href)
    link_tags: list[Any] = attrs.field(factory=list)  # <a rel=tag> elements
    image_src: str = ""
    h1: list[Any] = attrs.field(factory=list)
    times: list[Any] = attrs.field(factory=list)
    itemprops: dict[str, list[Any]] = attrs.field(factory=dict)
    jsonld_blocks: list[str] = attrs.field(factory=list)


_META_KEY_ATTRS = ("property", "name", "itemprop", "http-equiv")
_ITEMPROPS = frozenset(
    (
        "headline", "author", "datepublished", "datemodified", "datecreated", "image", "articlesection",
        "keywords", "inlanguage", "publisher", "description", "name", "url",
    )
)  # fmt: skip

_DATE_NOT = re.compile(r"update|modif|edited|timer|timeline|runtime|datepicker|lifetime|times\b")


# XPath expressions (evaluated in C: far cheaper than visiting every element in Python).
# Elements, not "@itemprop/..": the parent step merges one node set per attribute (quadratic).
_XP_ITEMPROPS = lxml.etree.XPath("descendant-or-self::*[@itemprop]")
_XP_REL = "descendant-or-self::a[@rel]"
_XP_NAMED = lxml.etree.XPath("descendant-or-self::*[@class or @id]")
_COLLECT_TAGS = ("meta", "script", "title", "html", "base", "link", "h1", "p", "img", "time")


_BYLINE_WORDS = ("byline", "author", "writer", "contributor", "reporter", "posted-by", "postedby")
_HEADLINE_WORDS = ("headline", "title", "heading")
_DATE_WORDS = ("date", "time", "publish", "posted", "timestamp")
_NOT_BYLINE_TAGS = frozenset(
    ("img", "picture", "svg", "button", "input", "body", "main", "article", "meta", "link", "script", "style", "html")
)
_NOT_DATE_TAGS = frozenset(
    ("time", "article", "main", "section", "body", "html", "script", "style", "meta", "link", "head")
)


#: At most this many elements of each kind in a whole-page search that :meth:`_Sources.find`
#: narrows to the article afterwards.
_MAX_FOUND = 2_000

_CLASS_GATE = re.compile(
    "|".join((*_BYLINE_WORDS, *_HEADLINE_WORDS, *_DATE_WORDS)), re.IGNORECASE
)
_CLASS_GATE_LOWER = re.compile("|".join((*_BYLINE_WORDS, *_HEADLINE_WORDS, *_DATE_WORDS)))


def _gate(key: str) -> bool:
    """``_CLASS_GATE.search(key)``; for ASCII text (nearly every class) the same answer
    from the case-sensitive pattern on the lower-cased text, several times cheaper."""
    if key.isascii():
        return _CLASS_GATE_LOWER.search(key.lower()) is not None
    return _CLASS_GATE.search(key) is not None


def _find_by_class(root: Any, limit: int | None = _MAX_CANDIDATES) -> dict[str, list[Any]]:
    """One pass over the page for elements whose class or id names a byline, a headline or a date:
    at most *limit* of each (None: :data:`_MAX_FOUND`, the bound of a search later narrowed)."""
    bylines: list[Any] = []
    headlines: list[Any] = []
    dates: list[Any] = []
    cap = _MAX_FOUND if limit is None else limit
    # What a class and id name is worked out once per distinct pair: pages repeat them.  Most
    # pairs name nothing: a pair names something only when its class or its id passes the
    # gate (no gate word holds a space, so none spans the two), which is tested once per
    # distinct value first.
    kinds_of: dict[tuple[str | None, str | None], tuple[bool, bool, bool] | None] = {}
    gated: dict[str | None, bool] = {None: False}
    for el in _XP_NAMED(root):
        cls = el.get("class")
        ident = el.get("id")
        passes = gated.get(cls)
        if passes is None:
            passes = gated[cls] = _gate(cls or "")
        if not passes:
            passes = gated.get(ident)
            if passes is None:
                passes = gated[ident] = _gate(ident or "")
            if not passes:
                continue
        pair = (cls, ident)
        kinds = kinds_of.get(pair, _UNSEEN)
        if kinds is _UNSEEN:
            kinds = kinds_of[pair] = _kinds(cls, ident)
        if kinds is None:
            continue
        tag = el.tag.lower()
        if kinds[0] and len(bylines) < cap and tag not in _NOT_BYLINE_TAGS:
            bylines.append(el)
        if kinds[1] and len(headlines) < cap and tag in ("h2", "h3", "div", "span", "p", "header"):
            headlines.append(el)
        if kinds[2] and len(dates) < cap and tag not in _NOT_DATE_TAGS:
            dates.append(el)
    return {"bylines": bylines, "headlines": headlines, "dates": dates}


_UNSEEN: Any = object()  # a pair not worked out yet


def _kinds(cls: str | None, ident: str | None) -> tuple[bool, bool, bool] | None:
    """Whether a class and id name a byline, a headline (not furniture's), a date (not a
    modification's); None when they name none of them."""
    if not cls and not ident:
        return None
    key = f"{cls or ''} {ident or ''}"
    if not _gate(key):
        return None
    key = key.lower()
    return (
        any(w in key for w in _BYLINE_WORDS),
        any(w in key for w in _HEADLINE_WORDS) and not _furniture_class(key, _HEADLINE_BAD),
        any(w in key for w in _DATE_WORDS) and not _DATE_NOT.search(key),
    )


def _xpath(root: Any, expr: str, limit: int = _MAX_CANDIDATES) -> list[Any]:
    try:
        found = root.xpath(expr, smart_strings=False)
    except (lxml.etree.XPathError, ValueError, TypeError):  # never fatal for a page
        return []
    return list(found[:limit]) if isinstance(found, list) else []


def _mentions(source: str, word: str) -> bool:
    """Whether the lower-case *word* occurs in *source* in any case (the cheap test first)."""
    return word in source or word in source.lower()


def _collect(root: Any, *, microdata: bool = True) -> _Sources:
    src = _Sources()
    metas = 0
    jsonld_total = 0
    for el in root.iter(*_COLLECT_TAGS):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "meta":
            metas += 1
            if metas > _MAX_META:
                continue
            content = el.get("content") or el.get("value")
            if not content:
                continue
            for attr in _META_KEY_ATTRS:
                key = (el.get(attr) or "").strip().lower()
                if key:
                    for k in key.split()[:4]:
                        src.meta.setdefault(k, []).append(content[:_MAX_VALUE_CHARS])
        elif tag == "script":
            kind = _attr(el, "type").strip().lower()
            if kind in ("application/ld+json", "application/json+ld") and el.text:
                text = el.text
                if len(text) <= _MAX_JSONLD_BYTES and jsonld_total + len(text) <= _MAX_JSONLD_TOTAL:
                    jsonld_total += len(text)
                    src.jsonld_blocks.append(text)
        elif tag == "title":
            if not src.title_tag and not any(
                isinstance(a.tag, str) and a.tag.lower() == "svg" for a in _ancestors(el)
            ):
                src.title_tag = _element_text(el, 5_000)
        elif tag == "html":
            if not src.html_lang:
                src.html_lang = _attr(el, "lang") or _attr(el, "xml:lang")
        elif tag == "base":
            if not src.base_href:
                src.base_href = _attr(el, "href")
        elif tag == "link":
            rels = _attr(el, "rel").lower().split()
            href = _attr(el, "href")
            if "canonical" in rels and href and not src.canonical:
                src.canonical = href
            elif "image_src" in rels and href and not src.image_src:
                src.image_src = href
        elif tag == "h1" and len(src.h1) < _MAX_CANDIDATES:
            src.h1.append(el)
        elif tag == "p" and len(src.paragraphs) < 10:
            try:
                text = " ".join(el.text_content()[:600].split())
            except (ValueError, TypeError):  # pragma: no cover - defensive
                text = ""
            if len(text) >= 40:
                src.paragraphs.append(text)
        elif tag == "img" and len(src.logo_alts) < 10:
            alt = _attr(el, "alt")
            if alt:
                parent = el.getparent()
                around = _classes(el) + " " + (_classes(parent) if parent is not None else "") + " " + _attr(el, "src")
                if "logo" in around.lower():
                    src.logo_alts.append(_text(alt, 300))
        elif tag == "time" and len(src.times) < _MAX_CANDIDATES and (_attr(el, "datetime") or el.text):
            src.times.append(el)
    try:
        with_itemprop = _XP_ITEMPROPS(root)[:2_000] if microdata else []
    except (lxml.etree.XPathError, ValueError, TypeError):  # pragma: no cover - never fatal for a page
        with_itemprop = []
    for el in with_itemprop:
        if el.tag in ("meta", "link", "script", "style"):
            continue
        for prop in _attr(el, "itemprop").lower().split()[:4]:
            if prop in _ITEMPROPS:
                bucket = src.itemprops.setdefault(prop, [])
                if len(bucket) < _MAX_CANDIDATES:
                    bucket.append(el)
    rel_links = _xpath(root, _XP_REL, 500)
    src.link_authors = [
        (_element_text(el, 300), _attr(el, "href"))
        for el in rel_links
        if "author" in _attr(el, "rel").lower().split()
    ][:_MAX_CANDIDATES]
    src.link_tags = [el for el in rel_links if "tag" in _attr(el, "rel").lower().split()][:_MAX_CANDIDATES]
    src.root = root
    return src


def _visible_text(src: _Sources) -> str:
    """The text of the page's body without its scripts and styles: white space folded, case-folded."""
    if src.visible_text or src.root is None:
        return src.visible_text
    body = src.root.find("body") if src.root.tag == "html" else src.root
    if body is None:
        return ""
    try:
        text = body.text_content()[:_MAX_VISIBLE_CHARS]
        hidden = [el.text for el in body.iter("script", "style", "noscript", "template") if el.text]
    except (ValueError, TypeError):  # pragma: no cover - defensive
        return ""
    # text_content() includes script text: take it out again, in one pass (the
    # chunks come in document order; one cut off by the length cap ends the pass).
    parts: list[str] = []
    pos = 0
    for chunk in hidden:
        at = text.find(chunk, pos)
        if at < 0:
            break
        parts.append(text[pos:at])
        pos = at + len(chunk)
    parts.append(text[pos:])
    src.visible_text = " ".join(" ".join(parts).split()).casefold()
    return src.visible_text



def _first_meta(src: _Sources, *keys: str) -> str:
    for key in keys:
        for value in src.meta.get(key, ()):
            text = _text(value)
            if text:
                return text
    return ""


def _itemprop(src: _Sources, prop: str) -> list[Any]:
    return [el for el in src.itemprops.get(prop, []) if _in_article_scope(el)]


# --------------------------------------------------------------------------- site name

_SKIP_TEXT_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "button", "select", "option"))


def _texts_after(el: Any, max_nodes: int = 80, max_chars: int = 1_500) -> list[str]:
    """The text nodes that follow *el* in document order (its own text excluded), bounded."""
    out: list[str] = []
    size = 0

    def add(text: str | None) -> bool:
        nonlocal size
        if text and not text.isspace():
            out.append(" ".join(text[:500].split()))
            size += len(out[-1])
        return len(out) < max_nodes and size < max_chars

    if not add(el.tail):
        return out
    node = el
    for _ in range(12):  # ancestor levels
        for sib in node.itersiblings():
            for sub in sib.iter():
                tag = sub.tag.lower() if isinstance(sub.tag, str) else ""
                if isinstance(sub.tag, str) and tag not in _SKIP_TEXT_TAGS and not add(sub.text):
                    return out
                if sub is not sib and not add(sub.tail):
                    return out
            if not add(sib.tail):
                return out
        parent = node.getparent()
        if parent is None:
            break
        if not add(parent.tail):
            return out
        node = parent
    return out


def _texts_before(el: Any, max_siblings: int = 4, max_chars: int = 400) -> list[str]:
    """Short texts just before *el* in its parent (a date or byline above the headline), nearest first."""
    out: list[str] = []
    size = 0
    for n, sib in enumerate(el.itersiblings(preceding=True)):
        if n >= max_siblings or size > max_chars:
            break
        texts = [
            clean_name(t[:300])
            for sub in sib.iter()
            if isinstance(sub.tag, str) and sub.tag.lower() not in _SKIP_TEXT_TAGS
            for t in (sub.text, sub.tail if sub is not sib else None)
            if t and t.strip()
        ]
        for text in reversed(texts[:20]):
            out.append(text)
            size += len(text)
    return out



@attrs.define
class _Page:
    """What every field reader shares: the collected sources, the JSON-LD graph, the page's URLs.

    ``warnings`` is the list of this one call; readers append to it in the order
    :func:`~articlekit._parsers.html._metadata.extract_metadata` calls them.
    """

    src: _Sources
    ld: _JsonLd
    limits: Limits
    warnings: list[str]
    page_url: str | None = None
    base_url: str | None = None
    canonical: str | None = None
    host: str | None = None
    #: The element showing the title, once known.
    headline: Any = None

    @property
    def art(self) -> dict[str, Any] | None:
        """The main article node of the JSON-LD, if any."""
        return self.ld.article

    @property
    def page(self) -> dict[str, Any] | None:
        """The ``WebPage`` node of the JSON-LD, if any."""
        return self.ld.page
