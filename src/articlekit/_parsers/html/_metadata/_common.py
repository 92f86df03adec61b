"""Shared pieces of the metadata readers: bounds, schema.org type sets, bounded text access, page furniture.

Nothing here reads a field: these are the small tools every field module uses.
Bounds: any raw value is cut to :data:`MAX_VALUE_CHARS` before it is cleaned, a
URL to :data:`MAX_URL_CHARS`, and walking up an element's ancestors stops after
:data:`MAX_ANCESTORS` levels.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from articlekit._limits import CutLimit, Limits
from articlekit._textutil import clean_name
from articlekit._urls import resolve_url

# --------------------------------------------------------------------------- bounds

_MAX_JSONLD_BYTES = 1_000_000  # one block
_MAX_JSONLD_TOTAL = 4_000_000  # all blocks of a page
_MAX_JSONLD_NODES = 5_000  # dict/list nodes visited over all blocks
_MAX_JSONLD_DEPTH = 24
_MAX_META = 2_000  # <meta> tags read
_MAX_CANDIDATES = 50  # h1 / byline / time elements examined
_MAX_ANCESTORS = 40  # how far up an element's ancestors are examined
_MAX_VALUE_CHARS = 10_000  # any single raw value read from the page
_MAX_URL_CHARS = 4_000


_ARTICLE_TYPES = frozenset(
    name.casefold()
    for name in (
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "AskPublicNewsArticle",
        "SatiricalArticle",
        "ScholarlyArticle",
        "TechArticle",
        "Report",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "Review",
        "Recipe",
        "HowTo",
        "VideoObject",
        "Question",
    )
)
_PAGE_TYPES = frozenset(
    ("webpage", "itempage", "collectionpage", "aboutpage", "profilepage", "medicalwebpage", "qapage", "faqpage")
)
_ORG_TYPES = frozenset(
    ("organization", "newsmediaorganization", "corporation", "website", "brand", "localbusiness")
)


# --------------------------------------------------------------------------- small helpers


def _text(value: object, limit: int = _MAX_VALUE_CHARS) -> str:
    """A clean one-line string from any raw value ("" for non-strings)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return ""
    value = value[:limit]
    if "&" in value and ";" in value:
        # Values escaped twice by their CMS ("&#8216;", "&amp;") are common in meta tags and JSON-LD.
        value = html.unescape(value)
    return clean_name(value)


def _element_text(el: Any, limit: int = _MAX_VALUE_CHARS) -> str:
    """The visible text of an element, without script/style content, bounded."""
    parts: list[str] = []
    size = 0
    try:
        for node in el.iter():
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag not in ("script", "style", "noscript", "template") and node.text and isinstance(node.tag, str):
                parts.append(node.text)
                size += len(node.text)
            if node is not el and node.tail:
                parts.append(node.tail)
                size += len(node.tail)
            if size > limit:
                break
    except (ValueError, TypeError):  # pragma: no cover - defensive
        return ""
    return clean_name(" ".join(parts)[:limit])


def _text_pieces(el: Any, limit: int = 40) -> list[str]:
    """The non-blank text nodes of an element, white space folded, at most *limit* of them
    (script and style content left out)."""
    pieces: list[str] = []
    try:
        for node in el.iter():
            texts = [node.tail] if node is not el else []
            if isinstance(node.tag, str) and node.tag not in ("script", "style", "noscript", "template"):
                texts.insert(0, node.text)
            pieces.extend(" ".join(t[:500].split()) for t in texts if t and not t.isspace())
            if len(pieces) >= limit:
                break
    except (ValueError, TypeError):  # pragma: no cover - defensive
        return pieces
    return pieces[:limit]


def _attr(el: Any, name: str) -> str:
    try:
        value = el.get(name)
    except (ValueError, TypeError):  # pragma: no cover - defensive
        return ""
    return value if isinstance(value, str) else ""


def _ancestors(el: Any) -> Iterator[Any]:
    parent = el.getparent()
    n = 0
    while parent is not None and n < _MAX_ANCESTORS:
        yield parent
        parent = parent.getparent()
        n += 1


def _cut(value: str | None, limits: Limits, limit: CutLimit, what: str, warnings: list[str]) -> str | None:
    """*value* cut to *limit* with a warning (:meth:`Limits.cut`; it raises under ``strict``)."""
    if value is None:
        return None
    message = f"{what} cut to {getattr(limits, limit)} characters (Limits)"
    return limits.cut(value, limit, what, warnings.append, message, source="html", trim=True)


def _unwarned(message: str) -> None:
    """Where the warning of a cut that was always silent goes (credits)."""


def _absolute(url: str) -> bool:
    """Whether *url* is absolute (``http(s)://host/...``): the only kind a base can be."""
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _resolve(href: str, base: str | None) -> str | None:
    """An absolute http(s) URL from *href* against *base* (resolved by
    :func:`articlekit._urls.resolve_url`, the readers' shared rule), or None."""
    href = clean_name(href[:_MAX_URL_CHARS])
    if not href:
        return None
    absolute = resolve_url(href, base)
    if absolute is None:
        return None
    try:
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return absolute


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host or None


def _as_list(value: object) -> list[Any]:
    if isinstance(value, list):
        return value
    if value is None:
        return []
    return [value]


# --------------------------------------------------------------------------- dates


_EXCLUDED_TAGS = frozenset(("nav", "footer", "aside", "form", "noscript", "template"))
# Page furniture, matched against each class / id token of an element and its ancestors:
# words found anywhere in a token, and words a token starts with ("nav-bar" but not "has-nav").
_FURNITURE_ANY = (
    r"sidebar|comment|related|outbrain|taboola|newsletter|cookie|recommend|trending|popular|"
    r"most-?read|more-?from|more-?stories|you-?may|read-?next|up-?next|breadcrumb"
)
_FURNITURE_START = re.compile(
    r"^(?:nav|navbar|navigation|menu|footer|promo|teaser|card|rail|widget|banner|modal|share|"
    r"social|bio|avatar|subscribe|signup|ad|ads|advert|advertisement|popup)(?:$|[-_])"
)
_BYLINE_BAD = re.compile(_FURNITURE_ANY + r"|about-?the-?author|author-?bio")
_HEADLINE_BAD = re.compile(_FURNITURE_ANY + r"|logo|brand|masthead|site-?title|site-?name|site-?header")


def _classes(el: Any) -> str:
    return _attr(el, "class") + " " + _attr(el, "id")


_MODIFIER = re.compile(r"^(?:has|no|with|without|one|two|is|show|hide|enable|disable|js|u)[-_]")


@lru_cache(maxsize=4096)
def _furniture_class(classes: str, bad: re.Pattern[str]) -> bool:
    """Whether a class and id string names page furniture (*bad*, or a component of
    :data:`_FURNITURE_START`); remembered for the class strings seen last (pages repeat them)."""
    for token in classes.lower().split():
        if _MODIFIER.match(token):
            continue  # a layout modifier ("has-sidebar", "no-promo"), not a component
        token = token.split("--", 1)[0]  # a BEM modifier ("p-body-main--withsidebar") says how, not what
        if bad.search(token) or _FURNITURE_START.match(token):
            return True
    return False


def _excluded(el: Any, bad: re.Pattern[str], tags: frozenset[str] = _EXCLUDED_TAGS) -> bool:
    """True when *el* or an ancestor is page furniture (nav, footer, aside, related, comments ...):
    one of *tags*, or a class or id matching *bad*."""
    for node in (el, *_ancestors(el)):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in tags:
            return True
        if tag == "main":
            return False  # the page's main content: what wraps it is layout, not furniture
        if tag not in ("html", "body", "article") and _furniture_class(_classes(node), bad):
            return True
    return False





def _itemprop_value(el: Any) -> str:
    for attr in ("content", "datetime"):
        value = _attr(el, attr)
        if value:
            return _text(value)
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in ("a", "link"):
        return _text(_attr(el, "href"))
    if tag in ("img", "source"):
        return _text(_attr(el, "src"))
    if tag == "meta":
        return ""
    return _element_text(el, 2_000)


def _in_article_scope(el: Any) -> bool:
    """True unless *el* belongs to a nested non-article item (a comment, a related story ...)."""
    for node in _ancestors(el):
        itemtype = _attr(node, "itemtype").lower()
        if itemtype:
            return any(t in itemtype for t in ("article", "posting", "webpage", "report", "question"))
    return True


def _nearest_first(elements: list[Any], headline: Any) -> list[Any]:
    """*elements* ordered by their distance in source lines from *headline*, nearest first.

    A story list above or beside the article has bylines and dates too; the article's own
    are printed next to its headline.  Equal distances (a page on one line) keep document
    order; elements without a line number come last.
    """
    line = getattr(headline, "sourceline", None) if headline is not None else None
    if not isinstance(line, int):
        return elements
    numbered = [el for el in elements if isinstance(el.sourceline, int)]
    rest = [el for el in elements if not isinstance(el.sourceline, int)]
    return sorted(numbered, key=lambda el: abs(el.sourceline - line)) + rest
