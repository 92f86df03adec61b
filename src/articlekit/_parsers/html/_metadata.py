"""Page metadata: title, authors, dates, language, site name ... from every source a page carries.

:func:`extract_metadata` reads an already parsed lxml tree (it never parses or
fetches anything itself) and merges, per field, the values of these sources,
in this order of trust (highest first):

1. JSON-LD (``<script type="application/ld+json">``): the main article node
   (``NewsArticle``, ``Article``, ``BlogPosting``, ``ReportageNewsArticle`` ...,
   also inside ``@graph``, lists and ``mainEntity``), then ``WebPage`` /
   ``WebSite`` / ``Organization`` nodes for the site name and publisher;
2. OpenGraph (``og:*``, ``article:*``);
3. microdata (``itemprop``) and ``<time datetime>``;
4. Twitter cards (``twitter:*``);
5. Dublin Core (``dc.*``, ``dcterms.*``) and plain ``<meta>`` tags
   (``author``, ``description``, ``keywords`` ...);
6. the visible page: ``<h1>``, ``<title>``, ``rel=author`` links and byline
   elements, ``<link rel=canonical>``, ``<html lang>``, ``<base href>``;
7. last resorts: a date in the URL path, the host name as site name, a cheap
   script / stop-word guess of the language.

Titles are an exception to the plain order: the visible ``<h1>`` wins when it
agrees with a metadata title (a reader sees the ``<h1>``), see
:func:`extract_metadata`.  The user guide ``docs/guide/metadata.rst`` describes
every rule.  Dates are read by :func:`articlekit._dates.find_date`, bylines by
:func:`articlekit._people.split_byline`.

Nothing here raises on bad input: malformed JSON-LD is skipped, unparseable
dates are ignored, and what was cut or guessed is listed in
:attr:`PageMetadata.warnings`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs
import lxml.etree
import lxml.html

from articlekit._dates import find_date
from articlekit._limits import CutLimit, Limits
from articlekit._model import Image, Person
from articlekit._people import opens_byline, split_byline, squash, uninvert
from articlekit._textutil import clean_name, clean_text, name_key

__all__ = ["PageMetadata", "extract_metadata"]


@attrs.frozen
class PageMetadata:
    """The metadata of one web page, merged from all its sources.

    Every field may be empty.  ``authors`` holds people only; organisations
    (agencies, desks, staff accounts, the site itself) are in ``credits``.
    ``published`` and ``modified`` are timezone-aware.  ``base_url`` is what
    relative links of the page resolve against: ``url`` with the page's
    ``<base href>`` applied, else an absolute ``<base href>``, else the
    canonical URL; None when none of them is an absolute http(s) URL.
    """

    title: str | None = None
    standfirst: str | None = None
    authors: tuple[Person, ...] = ()
    credits: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    site_name: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    images: tuple[Image, ...] = ()
    base_url: str | None = None
    warnings: tuple[str, ...] = ()


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
_MAX_VISIBLE_CHARS = 2_000_000  # visible text kept to check that metadata authors appear on the page
_INVISIBLE_TAGS = frozenset(("script", "style", "noscript", "template", "title", "head", "meta", "link"))

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
    """An absolute http(s) URL from *href* against *base*, or None."""
    href = clean_name(href[:_MAX_URL_CHARS])
    if not href:
        return None
    try:
        absolute = urljoin(base, href) if base else href
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

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")


def _url_date(url: str | None) -> datetime | None:
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DATE.search(path)
    if not m:
        return None
    try:
        result = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=timezone.utc)
    except ValueError:
        return None
    return find_date(result.isoformat())


# --------------------------------------------------------------------------- language

_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[-_.].*)?$")
_NOT_LANGUAGES = frozenset(("und", "mul", "zxx", "xx", "null", "none", "nil", "all"))


def normalize_language(value: str) -> str | None:
    """A BCP 47 tag from a page's declaration, or None.

    >>> normalize_language("en_US"), normalize_language("EN-gb"), normalize_language("zh-hant-tw")
    ('en-US', 'en-GB', 'zh-Hant-TW')
    >>> normalize_language("English") is None
    True
    """
    text = clean_name(value[:50]).split(",")[0].split(";")[0].strip()
    m = _LANG.match(text)
    if not m:
        return None
    lang = m.group(1).lower()
    if lang in _NOT_LANGUAGES:
        return None
    tag = lang
    if m.group(2):
        tag += "-" + m.group(2).title()
    if m.group(3):
        tag += "-" + m.group(3).upper()
    return tag


_STOPWORDS = {
    "en": ("the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are", "it"),
    "de": ("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "sich", "auch", "für"),
    "fr": ("le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "pas"),
    "es": ("el", "la", "los", "las", "y", "que", "del", "por", "una", "para", "con", "es"),
    "it": ("il", "della", "che", "di", "per", "una", "non", "sono", "gli", "delle", "nel", "è"),
    "pt": ("o", "os", "que", "não", "uma", "para", "com", "do", "da", "em", "dos", "é"),
    "nl": ("de", "het", "een", "van", "en", "niet", "dat", "zijn", "voor", "met", "ook", "op"),
}
_STOPSETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
#: Each stop word with the languages it belongs to, in the order of :data:`_STOPWORDS`.
_STOPWORD_LANGS: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, stopset in _STOPSETS.items() if word in stopset)
    for words in _STOPWORDS.values()
    for word in words
}
_WORD = re.compile(r"[^\W\d_]+")
#: Runs of characters of each non-Latin script, and of Latin letters.
_SCRIPTS = {
    "ko": re.compile("[\uac00-\ud7af\u1100-\u11ff]+"),
    "ja": re.compile("[\u3040-\u30ff]+"),
    "han": re.compile("[\u4e00-\u9fff]+"),
    "ru": re.compile("[\u0400-\u04ff]+"),
    "ar": re.compile("[\u0600-\u06ff]+"),
    "he": re.compile("[\u0590-\u05ff]+"),
    "el": re.compile("[\u0370-\u03ff]+"),
    "th": re.compile("[\u0e00-\u0e7f]+"),
    "latin": re.compile("[A-Za-z\u00c0-\u024f]+"),
}
_NON_LATIN = re.compile("[\u0370-\u06ff\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+")
_SCRIPT_LANGUAGES = frozenset(("ko", "ja", "zh", "ru", "ar", "he", "el", "th"))


def _run_length(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of *text* the runs *pattern* matches cover."""
    return sum(map(len, pattern.findall(text)))


def _stopword_scores(text: str, words: list[str] | None = None) -> dict[str, int]:
    if words is None:
        words = _WORD.findall(text[:1_500])
    scores = dict.fromkeys(_STOPWORDS, 0)
    for word in words:
        langs = _STOPWORD_LANGS.get(word) or _STOPWORD_LANGS.get(word.casefold())
        if langs:
            for lang in langs:
                scores[lang] += 1
    return scores


def _stopwords_confident(text: str, guessed: str, declared: str) -> bool:
    """True when the stop words of *text* clearly say *guessed* and not *declared*."""
    scores = _stopword_scores(text)
    best = scores.get(guessed, 0)
    return best >= 8 and scores.get(declared, 0) * 4 <= best


def guess_language(text: str) -> str | None:
    """A cheap guess of the language of *text*: script first, then stop words.

    Hangul -> ``ko``, kana -> ``ja``, Han only -> ``zh``, Cyrillic -> ``ru``,
    Arabic -> ``ar``, Hebrew -> ``he``, Greek -> ``el``, Thai -> ``th``;
    Latin script -> the language of :data:`_STOPWORDS` whose stop words are
    most frequent (English, German, French, Spanish, Italian, Portuguese,
    Dutch), if any are.

    >>> guess_language("The cat and the dog are in the garden"), guess_language("서울 뉴스")
    ('en', 'ko')
    """
    sample = text[:1500]
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    if not letters:
        return None
    if sample.isascii():
        counts = {"latin": letters}
    elif _run_length(_NON_LATIN, sample) < letters * 0.05:
        counts = {"latin": _run_length(_SCRIPTS["latin"], sample)}
    else:
        counts = {key: _run_length(pattern, sample) for key, pattern in _SCRIPTS.items()}
    if counts.get("ko", 0) > letters * 0.2:
        return "ko"
    if counts.get("ja", 0) > letters * 0.05:
        return "ja"
    if counts.get("han", 0) > letters * 0.3:
        return "zh"
    for key in ("ru", "ar", "he", "el", "th"):
        if counts.get(key, 0) > letters * 0.4:
            return key
    if counts.get("latin", 0) < letters * 0.5:
        return None
    if len(words) < 5:
        return None
    best, best_score = None, 0
    for lang, score in _stopword_scores(sample, words).items():
        if score > best_score:
            best, best_score = lang, score
    return best if best_score >= max(2, len(words) // 20) else None


# --------------------------------------------------------------------------- collecting sources


@attrs.define
class _Sources:
    """Raw values collected from one page, before merging."""

    logo_alts: list[str] = attrs.field(factory=list)
    paragraphs: list[str] = attrs.field(factory=list)
    visible_text: str = ""  # white space folded, case-folded
    root: Any = None
    scope: Any = None  # where bylines and dates are looked for: around the headline, once known
    _cache: dict[str, list[Any]] = attrs.field(factory=dict)

    def find(self, name: str) -> list[Any]:
        """Elements found by class: ``bylines``, ``headlines``, ``dates``; searched for once, when needed."""
        if not self._cache and self.root is not None:
            self._cache.update(_find_by_class(self.scope if self.scope is not None else self.root))
        return self._cache.get(name, [])
    meta: dict[str, list[str]] = attrs.field(factory=dict)
    title_tag: str = ""
    html_lang: str = ""
    base_href: str = ""
    canonical: str = ""
    link_authors: list[tuple[str, str]] = attrs.field(factory=list)  # (text, href)
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
_BYLINE_HINT = re.compile(r"byline|author|writer|contributor|reporter|posted-?by", re.IGNORECASE)
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
_DATE_HINT = re.compile(r"date|time|publish|posted|timestamp")
_DATE_NOT = re.compile(r"update|modif|edited|timer|timeline|runtime|datepicker|lifetime|times\b")
_HEADLINE_HINT = re.compile(r"headline|title|heading", re.IGNORECASE)
_STANDFIRST_HINT = re.compile(
    r"standfirst|\bdek\b|sub-?head|subtitle|sub-?title|summary|excerpt|\blede\b|intro|description|strapline|kicker-?text",
    re.IGNORECASE,
)


def _classes(el: Any) -> str:
    return _attr(el, "class") + " " + _attr(el, "id")


_MODIFIER = re.compile(r"^(?:has|no|with|without|one|two|is|show|hide|enable|disable|js|u)[-_]")


def _furniture_class(classes: str, bad: re.Pattern[str]) -> bool:
    for token in classes.lower().split():
        if _MODIFIER.match(token):
            continue  # a layout modifier ("has-sidebar", "no-promo"), not a component
        if bad.search(token) or _FURNITURE_START.match(token):
            return True
    return False


def _excluded(el: Any, bad: re.Pattern[str]) -> bool:
    """True when *el* or an ancestor is page furniture (nav, footer, aside, related, comments ...)."""
    for node in (el, *_ancestors(el)):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _EXCLUDED_TAGS:
            return True
        if tag not in ("html", "body", "main", "article") and _furniture_class(_classes(node), bad):
            return True
    return False




# XPath expressions (evaluated in C: far cheaper than visiting every element in Python).
_XP_ITEMPROPS = "descendant-or-self::*[@itemprop]"
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


_CLASS_GATE = re.compile(
    "|".join((*_BYLINE_WORDS, *_HEADLINE_WORDS, *_DATE_WORDS)), re.IGNORECASE
)


def _find_by_class(root: Any) -> dict[str, list[Any]]:
    """One pass over the page for elements whose class or id names a byline, a headline or a date."""
    bylines: list[Any] = []
    headlines: list[Any] = []
    dates: list[Any] = []
    for el in _XP_NAMED(root):
        cls = el.get("class")
        ident = el.get("id")
        if not cls and not ident:
            continue
        key = f"{cls or ''} {ident or ''}"
        if not _CLASS_GATE.search(key):
            continue
        key = key.lower()
        tag = el.tag.lower()
        if len(bylines) < _MAX_CANDIDATES and tag not in _NOT_BYLINE_TAGS and any(w in key for w in _BYLINE_WORDS):
            bylines.append(el)
        if (
            len(headlines) < _MAX_CANDIDATES
            and tag in ("h2", "h3", "div", "span", "p", "header")
            and any(w in key for w in _HEADLINE_WORDS)
            and not _furniture_class(key, _HEADLINE_BAD)
        ):
            headlines.append(el)
        if (
            len(dates) < _MAX_CANDIDATES
            and tag not in _NOT_DATE_TAGS
            and any(w in key for w in _DATE_WORDS)
            and not _DATE_NOT.search(key)
        ):
            dates.append(el)
    return {"bylines": bylines, "headlines": headlines, "dates": dates}


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
            parent = el.getparent()
            around = _classes(el) + " " + (_classes(parent) if parent is not None else "") + " " + _attr(el, "src")
            if alt and "logo" in around.lower():
                src.logo_alts.append(_text(alt, 300))
        elif tag == "time" and len(src.times) < _MAX_CANDIDATES and (_attr(el, "datetime") or el.text):
            src.times.append(el)
    for el in _xpath(root, _XP_ITEMPROPS, 2_000) if microdata else ():
        if el.tag in ("meta", "link", "script", "style"):
            continue
        for prop in _attr(el, "itemprop").lower().split()[:4]:
            if prop in _ITEMPROPS:
                bucket = src.itemprops.setdefault(prop, [])
                if len(bucket) < _MAX_CANDIDATES:
                    bucket.append(el)
    src.link_authors = [
        (_element_text(el, 300), _attr(el, "href"))
        for el in _xpath(root, _XP_REL, 500)
        if "author" in _attr(el, "rel").lower().split()
    ][:_MAX_CANDIDATES]
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


# --------------------------------------------------------------------------- JSON-LD


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


def _read_jsonld(blocks: list[str], warnings: list[str]) -> _JsonLd:
    result = _JsonLd()
    articles: list[dict[str, Any]] = []
    visited = 0
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
        stack: list[tuple[Any, int]] = [(data, 0)]
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
            ident = node.get("@id")
            if isinstance(ident, str) and len(node) > 1 and ident not in result.by_id:
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
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
                child = node.get(key)
                if isinstance(child, (dict, list)):
                    stack.append((child, depth + 1))
    if not articles and result.page is not None and result.page.get("headline"):
        articles.append(result.page)  # a WebPage (MedicalWebPage ...) carrying the article's fields
    if articles:
        # The main article: the first with a headline, preferring news types over generic ones.
        def rank(node: dict[str, Any]) -> int:
            types = _types(node)
            score = 0 if node.get("headline") or node.get("name") else 2
            if types & {"videoobject", "recipe", "howto", "review"} and not types & {
                "article", "newsarticle", "blogposting",
            }:
                score += 1
            return score

        result.article = min(articles, key=rank)
    return result


def _deref(value: Any, ld: _JsonLd) -> Any:
    if isinstance(value, dict) and "@id" in value and len(value) == 1:
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


def _first_meta(src: _Sources, *keys: str) -> str:
    for key in keys:
        for value in src.meta.get(key, ()):
            text = _text(value)
            if text:
                return text
    return ""


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
            return any(t in itemtype for t in ("article", "posting", "webpage", "report"))
    return True


def _itemprop(src: _Sources, prop: str) -> list[Any]:
    return [el for el in src.itemprops.get(prop, []) if _in_article_scope(el)]


# --------------------------------------------------------------------------- site name

_SEPARATORS = re.compile(r"\s+[|\-–—:·•»«/~]\s+|\s*[|·•»«]\s*|\s+::\s+")
_SECTION_PREFIXES = frozenset(
    (
        "opinion", "analysis", "review", "reviews", "news", "sport", "sports", "live", "editorial",
        "commentary", "comment", "podcast", "video", "watch", "exclusive", "breaking", "update",
        "explainer", "interview", "feature", "features", "column", "letters", "obituary", "blog",
        "business", "politics", "world", "tech", "technology", "science", "health", "culture",
        "entertainment", "travel", "money", "lifestyle", "photos", "gallery",
    )
)  # fmt: skip


_DOMAIN_LIKE = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}$")
_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"))


def _host_label(host: str | None) -> str:
    """The distinctive label of a host: ``www.bbc.co.uk`` -> ``bbc``, ``news.sky.com`` -> ``sky``."""
    if not host:
        return ""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) > 1:
        labels.pop()  # the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()  # "co" of "co.uk", "com" of "com.br"
    return labels[-1] if labels else ""


def _host_match(name: str, host: str | None) -> bool:
    """True when *name* is the brand of *host* ("Live Science" on livescience.com, "Sputnik International" on sputniknews.com)."""
    label = squash(_host_label(host))
    key = squash(name)
    if len(label) < 2 or len(key) < 2:
        return False
    if key == label or (key.startswith(label) and len(key) - len(label) <= 12):
        return True
    if len(key) >= 4 and label.startswith(key):
        return True
    words = name.split()
    first = squash(words[0]) if words else ""
    return len(words) <= 3 and len(first) >= 4 and label.startswith(first)


def _clean_site_name(name: str, host: str | None) -> str | None:
    """A usable site name from a declared one, or None when it is a URL, a handle, a slug or a tagline.

    A name made of segments ("Autoracing | F1 | Indy", "LinkNaija | Nigeria's news platform")
    gives its first segment.
    """
    name = clean_name(name)
    if not name or len(name) > 200 or name.startswith("@"):
        return None
    lowered = name.casefold()
    if "://" in lowered or lowered.startswith("www."):
        return None
    if name == name.lower() and " " not in name:
        if _DOMAIN_LIKE.match(name) or "-" in name or "_" in name:
            return None  # "livescience.com", "the-daily-post"
        if host and name in host.lower():
            return None  # the bare host label: "nytimes", "cleveland"
    segments = [p.strip() for p in _SEPARATORS.split(name) if p.strip()]
    if len(segments) > 1:
        name = segments[0]
    name = _LEGAL_SUFFIX.sub("", name).strip(" ,")
    if not name or len(name.split()) > 6:
        return None  # a tagline
    return name


_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:GmbH|AG|Inc\.?|Ltd\.?|LLC|L\.L\.C\.|Corp\.?|Corporation|S\.A\.|SA|S\.p\.A\.|B\.V\.|plc|PLC|Pty Ltd)$"
)


def _brand_from_text(label: str, texts: Iterable[str]) -> str | None:
    """How the page itself writes its host label ("Ascom" for ascom.com), if it does."""
    if len(label) < 3:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(label) + r"(?!\w)", re.IGNORECASE)
    counts: dict[str, int] = {}
    for text in texts:
        for m in pattern.finditer(text[:5_000]):
            counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda form: counts[form])


def _site_from_titles(titles: list[str], host: str | None) -> str | None:
    """A site name found as a title's suffix or prefix that matches the host name."""
    if not host:
        return None
    for title in titles:
        parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
        if len(parts) < 2:
            continue
        for part in (parts[-1], parts[0]):
            if len(part.split()) <= 5 and _host_match(part, host):
                return part
    return None


def _site_from_logo(src: _Sources, host: str | None) -> str | None:
    """The alt text of a logo image that names the host's brand ("Ascom logo" -> "Ascom")."""
    for alt in src.logo_alts:
        name = re.sub(r"(?i)\b(?:logo|image|img|home|homepage|link to)\b", " ", alt)
        name = _LEGAL_SUFFIX.sub("", clean_name(name)).strip(" -_|:,")
        if name and not (name.islower() and " " not in name) and len(name.split()) <= 5 and _host_match(name, host):
            return name
    return None


# --------------------------------------------------------------------------- titles


def _tokens(text: str) -> list[str]:
    return list(re.findall(r"\w+", name_key(text)))


def _similar(a: str, b: str) -> float:
    """Token overlap of two titles (0..1), relative to the shorter."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    sa, sb = set(ta), set(tb)
    return len(sa & sb) / min(len(sa), len(sb))


def _strip_site(title: str, site_keys: list[str], section: str | None) -> str:
    """Remove a site-name suffix/prefix and a section prefix from *title*."""
    if not title:
        return title
    changed = True
    rounds = 0
    while changed and rounds < 4:
        changed = False
        rounds += 1
        seps = list(_SEPARATORS.finditer(title))
        if not seps:
            break
        last, first = seps[-1], seps[0]
        tail = title[last.end() :].strip()
        head = title[: first.start()].strip()
        tail_key, head_key = squash(tail), squash(head)
        if tail_key and any(_site_match(tail_key, k) for k in site_keys):
            title = title[: last.start()].strip()
            changed = True
            continue
        if head_key and any(_site_match(head_key, k) for k in site_keys):
            title = title[first.end() :].strip()
            changed = True
            continue
        section_key = squash(section) if section else ""
        if head and len(head.split()) <= 3 and first.group().strip() in ("|", ":", "-", "–", "—", "·", "•") and (
            name_key(head) in _SECTION_PREFIXES or (section_key and head_key == section_key)
        ) and len(title[first.end() :].split()) >= 3:
            title = title[first.end() :].strip()
            changed = True
    return title


def _site_match(part_key: str, site_key: str) -> bool:
    if not site_key or not part_key:
        return False
    if part_key == site_key:
        return True
    short, long_ = sorted((part_key, site_key), key=len)
    # "TheHill" ~ "The Hill", "Sportsnet.ca" ~ "Sportsnet", but not "comwrap auf der DMEXCO" ~ "comwrap".
    return len(short) >= 3 and short in long_ and len(long_) - len(short) <= 8


def _headline_ok(el: Any, site_keys: list[str]) -> str:
    """The text of a candidate headline element, or "" when it is a logo or a related story."""
    if _excluded(el, _HEADLINE_BAD):
        return ""
    text = _element_text(el, 3_000)
    if not text or len(text) < 3:
        return ""
    key = squash(text)
    if any(key == k for k in site_keys if k):
        return ""
    # An <h1> that only holds a link to the home page or an image is a logo.
    for a in el.iter("a"):
        href = _attr(a, "href").strip()
        if href in ("/", "./", "#") or (href and urlsplit(href).path in ("", "/") and "://" in href):
            try:
                if len(_element_text(a, 500)) >= len(text) * 0.8:
                    return ""
            except ValueError:
                return ""
    return text


def _choose_title(
    src: _Sources,
    candidates: list[str],
    site_keys: list[str],
    section: str | None,
) -> str | None:
    """The headline as a reader sees it."""
    stripped = [_strip_site(c, site_keys, section) for c in candidates if c]
    stripped = [s for s in stripped if s]
    visible: list[str] = []
    for el in src.h1:
        text = _headline_ok(el, site_keys)
        if text:
            visible.append(text)
    # 1. A visible <h1> that agrees with a metadata title.
    for text in visible:
        for cand in stripped:
            if name_key(text) == name_key(cand):
                return text
    for text in visible:
        for raw in candidates:
            if raw and name_key(raw).startswith(name_key(text)) and len(text) >= 0.3 * len(raw):
                return _strip_site(text, site_keys, section) or text
    for text in visible:
        for cand in stripped:
            if _similar(text, cand) >= 0.6:
                return _strip_site(text, site_keys, section) or text
    # 2. Another headline-like element (itemprop=headline, class "headline") that agrees.
    others = [_headline_ok(el, site_keys) for el in _itemprop(src, "headline") + src.find("headlines")]
    for text in others:
        if not text:
            continue
        for cand in stripped:
            if name_key(text) == name_key(cand):
                return text
    # 3. A visible <h1> when the metadata says nothing, or the first one inside the article: the
    #    metadata then carries an SEO headline the reader does not see.
    if visible and not stripped:
        return visible[0]
    for el in src.h1:
        text = _headline_ok(el, site_keys)
        if text and len(text.split()) >= 3 and any(
            isinstance(a.tag, str) and (a.tag.lower() in ("article", "main") or "headline" in _attr(a, "itemprop").lower())
            for a in (el, *_ancestors(el))
        ):
            return text
    # 4. The metadata title, without its site name.
    return stripped[0] if stripped else None


# --------------------------------------------------------------------------- authors

_META_AUTHOR_KEYS = (
    "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator", "parsely-author",
    "sailthru.author", "byl", "byline",
)  # fmt: skip


def _headline_element(src: _Sources, title: str | None) -> Any:
    """The <h1> showing *title*, else the first <h1> that is not page furniture."""
    fallback = None
    key = name_key(title) if title else ""
    for el in src.h1:
        text = _element_text(el, 3_000)
        if key and name_key(text) == key:
            return el
        if fallback is None and text and not _excluded(el, _HEADLINE_BAD):
            fallback = el
    return fallback



def _people_from_ld(value: Any, ld: _JsonLd, site_names: list[str]) -> tuple[list[Person], list[str]]:
    people: list[Person] = []
    credits: list[str] = []
    for item in _as_list(value)[:50]:
        item = _deref(item, ld)
        if isinstance(item, str):
            names, orgs = split_byline(item, site_names=site_names)
            people.extend(Person(n) for n in names)
            credits.extend(orgs)
            continue
        if not isinstance(item, dict):
            continue
        name = _text(item.get("name"), 1_000)
        if not name:
            given, family = _text(item.get("givenName"), 200), _text(item.get("familyName"), 200)
            name = f"{given} {family}".strip()
        if not name:
            continue
        types = _types(item)
        if types & _ORG_TYPES:
            credits.append(name)
            continue
        names, orgs = split_byline(name, site_names=site_names)
        credits.extend(orgs)
        url = _text(item.get("url") if isinstance(item.get("url"), str) else "", _MAX_URL_CHARS) or None
        people.extend(Person(n, url=url if len(names) == 1 else None) for n in names)
    return people, credits


def _byline_text_ok(text: str) -> bool:
    return 2 <= len(text) <= 200


def _visible_authors(src: _Sources, site_names: list[str], base: str | None) -> tuple[list[Person], list[str]]:
    people: list[Person] = []
    credits: list[str] = []
    # itemprop=author (microdata) in the article's scope
    for el in _itemprop(src, "author"):
        if _excluded(el, _BYLINE_BAD):
            continue
        name = ""
        for sub in el.iter():
            if sub is not el and "name" in _attr(sub, "itemprop").lower().split():
                name = _itemprop_value(sub)
                break
        if not name:
            name = _itemprop_value(el)
        if not _byline_text_ok(name):
            continue
        names, orgs = split_byline(name, site_names=site_names)
        href = _attr(el, "href") if isinstance(el.tag, str) and el.tag.lower() == "a" else ""
        people.extend(Person(n, url=_resolve(href, base) if href and len(names) == 1 else None) for n in names)
        credits.extend(orgs)
    if people:
        return people, credits
    # rel=author links outside comments and sidebars
    for text, href in src.link_authors:
        if not _byline_text_ok(text):
            continue
        names, orgs = split_byline(text, site_names=site_names)
        people.extend(Person(n, url=_resolve(href, base) if len(names) == 1 else None) for n in names)
        credits.extend(orgs)
    if people:
        return people, credits
    # byline elements: the first one outside page furniture with something that looks like names
    for el in src.find("bylines"):
        if _excluded(el, _BYLINE_BAD):
            continue
        text = _element_text(el, 400)
        if not _byline_text_ok(text):
            continue
        names, orgs = split_byline(text, site_names=site_names)
        names = [n for n in names if len(n.split()) >= 2]
        if names:
            return [Person(n) for n in names], credits + orgs
    return people, credits


_SKIP_TEXT_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "button", "select", "option"))
_BYLINE_STOP = re.compile(
    r"^(?:updated|published|posted|view|follow|email|e-mail|share|comments?|read|more|close|print|"
    r"facebook|twitter|linkedin|whatsapp|subscribe|@|on\b|\||·|•)",
    re.IGNORECASE,
)
_NOT_PUBLISHED = re.compile(r"\b(?:updated?|modified|edited|aktualisiert|mis à jour|actualizado)\b", re.IGNORECASE)


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


def _standfirst_near(headline: Any, title: str | None, description: str | None) -> str | None:
    """The standfirst printed just after the headline: an element with a standfirst-like class,
    or one whose text is the page's description."""
    described = name_key(description) if description else ""
    levels = [headline]
    parent = headline.getparent()
    if parent is not None and isinstance(parent.tag, str) and parent.tag.lower() in ("header", "hgroup", "div"):
        levels.append(parent)
    for node in levels:
        for n, sib in enumerate(node.itersiblings()):
            if n >= 6:
                break
            tag = sib.tag.lower() if isinstance(sib.tag, str) else ""
            if tag not in ("p", "h2", "h3", "div", "span"):
                continue
            text = _element_text(sib, 1_200)
            if not 20 <= len(text) <= 1_000 or (title and name_key(text) == name_key(title)):
                continue
            if _STANDFIRST_HINT.search(_classes(sib)) or (described and name_key(text) == described):
                return text
    return None


def _byline_after(texts: list[str]) -> str | None:
    """A "By ..." line among the first texts after the headline, up to the first date or share button."""
    for i, text in enumerate(texts[:40]):
        if len(text) > 300:
            return None  # the article's text has begun
        if opens_byline(text):
            parts = [text]
            for nxt in texts[i + 1 : i + 10]:
                if re.search(r"\d", nxt) or _BYLINE_STOP.match(nxt) or sum(map(len, parts)) > 150:
                    break
                parts.append(nxt)
            return " ".join(parts)
    return None


def _dates_after(texts: list[str]) -> Iterator[str]:
    """Short texts after the headline that hold a date, before the article's text begins."""
    for text in texts[:40]:
        if len(text) > 300:
            return
        if len(text) <= 120 and re.search(r"\d", text) and not _NOT_PUBLISHED.search(text):
            yield text


def _date_elements(src: _Sources) -> Iterator[str]:
    for el in src.find("dates"):
        if _excluded(el, _BYLINE_BAD):
            continue
        value = _attr(el, "datetime") or _attr(el, "content") or _element_text(el, 200)
        if value and not _NOT_PUBLISHED.search(value):
            yield value


# --------------------------------------------------------------------------- the main entry


def extract_metadata(
    root: lxml.html.HtmlElement, *, url: str | None, limits: Limits, source: str | None = None
) -> PageMetadata:
    """Read every metadata source of a parsed page and merge them.

    :param root: the page's root element (from an lxml HTML parser).
    :param source: the page's HTML text, when at hand: a source that never
        writes ``itemprop`` has no microdata to look for.
    :param url: where the page was read from, if known (resolves relative links;
        gives the host name and a date in the path as last resorts).
    :param limits: caps on titles, names, authors and tags; values over a cap are
        cut and a warning is added.

    Order of trust per field (first source with a usable value wins unless said otherwise):

    * **title**: the visible ``<h1>`` when it agrees with a metadata title
      (JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``dc.title``,
      ``<title>``); else those, in that order, with the site name removed
      from their ends and a section prefix (``"Opinion | "``) removed;
    * **authors**: JSON-LD ``author``; ``<meta name=author>`` /
      ``article:author`` / ``dc.creator`` / ``parsely-author``; microdata
      ``itemprop=author``; ``rel=author`` links; byline elements.  Bylines are
      split into people ("By A and B"), organisations go to ``credits``;
    * **published**: JSON-LD ``datePublished``; ``article:published_time``;
      microdata ``datePublished``; ``dc.date`` / ``dcterms.issued``; other
      ``<meta>`` dates; ``<time datetime>`` in the article; ``dateCreated``;
      a date in the URL path.  **modified** only from modification fields;
    * **language**: ``<html lang>``; ``content-language``; ``og:locale``; JSON-LD
      ``inLanguage``; ``dc.language``; else a guess from the title and
      description text.  A declaration contradicted by the script of the text
      (a Korean page declaring ``en``) yields to the script;
    * **site_name**: ``og:site_name`` unless it is a URL, a slug or a tagline;
      JSON-LD ``WebSite`` / publisher name; ``application-name``; a title
      prefix/suffix matching the host; the host name without ``www.``.

    >>> import lxml.html
    >>> page = lxml.html.fromstring(
    ...     '<html lang="en_GB"><head><title>Rain again | Weather Daily</title>'
    ...     '<meta property="og:site_name" content="Weather Daily"></head>'
    ...     '<body><h1>Rain again</h1><p class="byline">By Ann Lee and Bo Chan, Reuters</p></body></html>')
    >>> meta = extract_metadata(page, url="https://example.org/2024/05/01/rain", limits=Limits())
    >>> meta.title, [p.name for p in meta.authors], meta.credits, meta.language
    ('Rain again', ['Ann Lee', 'Bo Chan'], ('Reuters',), 'en-GB')
    >>> meta.published.isoformat(), meta.site_name
    ('2024-05-01T00:00:00+00:00', 'Weather Daily')
    """
    warnings: list[str] = []
    try:
        src = _collect(root, microdata=source is None or _mentions(source, "itemprop"))
    except (ValueError, TypeError, RecursionError):  # pragma: no cover - defensive
        src = _Sources()
        warnings.append("metadata: the page could not be scanned")
    ld = _read_jsonld(src.jsonld_blocks, warnings)
    art = ld.article
    page = ld.page

    # ---- URLs
    # The base of relative URLs: the page's own URL (from the caller), with its <base href>
    # applied as a browser does; without a URL, an absolute <base href>; else the canonical URL
    # (<link rel=canonical>, else og:url) when it is absolute.  Only an absolute base is used.
    page_url = _resolve(url, None) if url else None
    base_url = _resolve(src.base_href, page_url) if src.base_href else None
    base_url = base_url or page_url
    if base_url is not None and not _absolute(base_url):
        base_url = None
    canonical = _resolve(src.canonical, base_url) if src.canonical else None
    if canonical is None:
        og_url = _first_meta(src, "og:url")
        canonical = _resolve(og_url, base_url) if og_url else None
    if base_url is None and canonical is not None and _absolute(canonical):
        base_url = canonical
        if src.base_href:  # a relative <base href> applies to the canonical URL
            base_url = _resolve(src.base_href, canonical) or canonical
    host = _host(page_url) or _host(canonical)

    # ---- site name
    raw_titles = [
        _ld_str(art, "headline"),
        _first_meta(src, "og:title"),
        _first_meta(src, "twitter:title"),
        _first_meta(src, "dc.title", "dcterms.title"),
        _text(src.title_tag, 5_000),
    ]
    og_site = _first_meta(src, "og:site_name")
    publisher = _deref(art.get("publisher"), ld) if art is not None else None
    publisher_name = _ld_str(publisher, "name") if isinstance(publisher, dict) else _text(publisher, 500)
    microdata_publisher = ""
    for el in _itemprop(src, "publisher")[:3]:
        for sub in el.iter():
            if sub is not el and "name" in _attr(sub, "itemprop").lower().split():
                microdata_publisher = _itemprop_value(sub)
                break
        if microdata_publisher:
            break
    site_name = _clean_site_name(og_site, host) if og_site else None
    dc_publisher = _first_meta(src, "dc.publisher", "dcterms.publisher")
    for name in (publisher_name, *ld.site_names, microdata_publisher, dc_publisher):
        if site_name is None and name:
            site_name = _clean_site_name(name, host)
    if site_name is None:
        site_name = _site_from_titles([t for t in raw_titles[1:] if t], host)
    for name in (*ld.publisher_names, _first_meta(src, "application-name", "apple-mobile-web-app-title")):
        if site_name is None and name and _host_match(name, host):
            site_name = _clean_site_name(name, host)
    if site_name is None:
        site_name = _site_from_logo(src, host)
    if site_name is None and host:
        site_name = _brand_from_text(_host_label(host), [src.title_tag, *src.logo_alts, *src.paragraphs])
        if site_name is None:
            site_name = host.lower().removeprefix("www.") or None
        if site_name:
            warnings.append("site_name: none declared; taken from the host name")
    site_names = [
        n for n in (site_name, og_site, publisher_name, microdata_publisher, *ld.site_names, *ld.publisher_names) if n
    ]
    site_keys = list(dict.fromkeys(squash(n) for n in site_names if squash(n)))
    label = squash(_host_label(host))
    if len(label) >= 3:
        site_keys.append(label)
    org_names = [*site_names, *([label] if len(label) >= 3 else [])]

    # ---- section and tags
    section = (
        _ld_str(art, "articleSection")
        or _first_meta(src, "article:section", "og:article:section", "section", "articlesection", "parsely-section", "category", "sailthru.section")
        or next((v for v in (_itemprop_value(e) for e in _itemprop(src, "articlesection")) if v), "")
    ) or None
    tags: list[str] = []
    tag_sources: list[list[str]] = [
        [_text(v, 500) for v in src.meta.get("article:tag", [])],
    ]
    if art is not None:
        kw = art.get("keywords")
        if isinstance(kw, str):
            tag_sources.append([_text(k, 500) for k in kw.split(",")])
        elif isinstance(kw, list):
            tag_sources.append([_text(k, 500) for k in kw[:500] if isinstance(k, str)])
    for key in ("news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
        tag_sources.extend([_text(k, 500) for k in value.split(",")] for value in src.meta.get(key, [])[:1])
    for candidates in tag_sources:
        cleaned = [t for t in candidates if t and not t.startswith(("http:", "https:"))]
        if cleaned:
            tags = cleaned
            break
    seen_tags: set[str] = set()
    unique_tags: list[str] = []
    for t in tags:
        k = name_key(t)
        if k not in seen_tags:
            seen_tags.add(k)
            unique_tags.append(t)
    unique_tags = limits.cut(
        unique_tags, "max_tags", "tags", warnings.append,
        f"tags: kept the first {limits.max_tags} of {len(unique_tags)} (Limits.max_tags)", source="html",
    )
    unique_tags = [_cut(t, limits, "max_name_chars", "a tag", warnings) or t for t in unique_tags]

    # ---- title
    title = _choose_title(src, raw_titles, site_keys, section)

    # ---- description and standfirst
    description = (
        _first_meta(src, "og:description")
        or _first_meta(src, "description")
        or _first_meta(src, "twitter:description")
        or _ld_str(art, "description")
        or _first_meta(src, "dc.description", "dcterms.description")
    ) or None
    headline_el = _headline_element(src, title)
    standfirst = _standfirst_near(headline_el, title, description) if headline_el is not None else None

    # ---- authors
    if headline_el is not None:
        # Bylines and dates are looked for near the headline: up to its <article> / <main>, or 4 levels up.
        scope = headline_el
        for depth, ancestor in enumerate(_ancestors(headline_el), start=1):
            scope = ancestor
            if depth >= 4 or (isinstance(ancestor.tag, str) and ancestor.tag.lower() in ("article", "main")):
                break
        src.scope = scope
    after = _texts_after(headline_el) if headline_el is not None else []
    before = _texts_before(headline_el) if headline_el is not None else []
    people: list[Person] = []
    credits: list[str] = []
    if art is not None and art.get("author"):
        people, credits = _people_from_ld(art.get("author"), ld, org_names)
    if not people:
        for key in _META_AUTHOR_KEYS:
            values = [v for v in src.meta.get(key, []) if v and not v.strip().lower().startswith(("http:", "https:", "www."))]
            for value in values[:10]:
                value = _text(value, 1_000)
                value = uninvert(value)  # "Okafor, Ngozi" (Dublin Core style)
                names, orgs = split_byline(value, site_names=org_names)
                people.extend(Person(n) for n in names)
                credits.extend(orgs)
            if people:
                break
    after_people: list[Person] = []
    after_credits: list[str] = []
    byline = _byline_after(after)
    if byline:
        names, after_credits = split_byline(byline, site_names=org_names)
        after_people = [Person(n) for n in names if len(n.split()) >= 2]
    if people and len(_visible_text(src)) >= 1_000:
        # A name the metadata gives but the page never shows is a CMS account, not a byline.
        shown = [p for p in people if " ".join(name_key(p.name).split()) in src.visible_text]
        if len(shown) < len(people):
            hidden = ", ".join(p.name for p in people if p not in shown)
            warnings.append(f"authors: {hidden} named in the metadata but not on the page; ignored")
            people = shown
    if people and after_people:
        meta_keys = {name_key(p.name) for p in people}
        vis_keys = {name_key(p.name) for p in after_people}
        if meta_keys < vis_keys and len(vis_keys) <= 5:  # the byline under the headline names more people
            people = people + [p for p in after_people if name_key(p.name) not in meta_keys]
    if not people:
        vis_people, vis_credits = _visible_authors(src, org_names, base_url)
        if not vis_people:
            vis_people, vis_credits = after_people, after_credits
        people = vis_people
        credits.extend(vis_credits)
    authors: list[Person] = []
    seen: set[str] = set()
    for person in people:
        name = limits.cut(
            clean_name(person.name), "max_name_chars", "an author's name", warnings.append,
            f"an author's name cut to {limits.max_name_chars} characters (Limits.max_name_chars)",
            source="html", trim=True,
        )
        key = name_key(name)
        if not name or key in seen:
            continue
        seen.add(key)
        url_ = _resolve(person.url, base_url) if person.url else None
        authors.append(Person(name, url=url_, role=person.role))
    authors = limits.cut(
        authors, "max_authors", "authors", warnings.append,
        f"authors: kept the first {limits.max_authors} of {len(authors)} (Limits.max_authors)", source="html",
    )
    credit_out: list[str] = []
    credit_seen: set[str] = set()
    for credit in credits:
        credit = limits.cut(clean_name(credit), "max_name_chars", "a credit", _unwarned, source="html")
        key = name_key(credit)
        if credit and key not in credit_seen and key not in seen:
            credit_seen.add(key)
            credit_out.append(credit)

    # ---- dates
    now = datetime.now(timezone.utc)

    def first_date(values: Iterable[str]) -> datetime | None:
        for value in values:
            parsed = find_date(value, now=now) if value else None
            if parsed is not None:
                return parsed
        return None

    def meta_values(*keys: str) -> Iterator[str]:
        for key in keys:
            yield from src.meta.get(key, [])

    def ld_values(node: dict[str, Any] | None, key: str) -> Iterator[str]:
        if node is not None:
            for v in _as_list(node.get(key))[:3]:
                if isinstance(v, str):
                    yield v

    published = (
        first_date(ld_values(art, "datePublished"))
        or first_date(meta_values("article:published_time", "og:article:published_time", "og:published_time", "published_time", "article:published"))
        or first_date(_itemprop_value(e) for e in _itemprop(src, "datepublished"))
        or first_date(meta_values("dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created"))
        or first_date(
            meta_values(
                "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
                "sailthru.date", "parsely-pub-date", "article.published", "article_date_original", "date",
                "citation_publication_date", "original-publish-date", "cxenseparse:recs:publishtime", "release_date",
            )
        )
        or first_date(ld_values(page, "datePublished"))
        or first_date(_time_values(src))
        or first_date(ld_values(art, "dateCreated"))
        or first_date(_itemprop_value(e) for e in _itemprop(src, "datecreated"))
        or _url_date(canonical)
        or _url_date(page_url)
        or first_date(_dates_after(after))
        or first_date(_dates_after(before))
        or first_date(_date_elements(src))
    )
    modified = (
        first_date(ld_values(art, "dateModified"))
        or first_date(meta_values("article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified", "modified_time"))
        or first_date(_itemprop_value(e) for e in _itemprop(src, "datemodified"))
        or first_date(meta_values("dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "parsely-updated", "datemodified"))
        or first_date(ld_values(page, "dateModified"))
    )
    if published is not None and modified is not None and modified < published:
        warnings.append("dates: the modified date is earlier than the published date; modified dropped")
        modified = None

    # ---- language
    declared = [
        tag
        for tag in (
            normalize_language(raw)
            for raw in (
                src.html_lang,
                _first_meta(src, "content-language"),
                _first_meta(src, "og:locale"),
                _ld_str(art, "inLanguage"),
                _first_meta(src, "dc.language", "dcterms.language", "language"),
            )
            if raw
        )
        if tag
    ]
    sample = " ".join(t for t in (title, description, standfirst, *src.paragraphs) if t)[:1_500]
    guessed = guess_language(sample) if sample else None
    language = declared[0] if declared else None
    if language is None and guessed is not None:
        language = guessed
        warnings.append(f"language: none declared; guessed {guessed!r} from the text")
    elif language is not None and guessed is not None and language.split("-")[0] != guessed:
        primary = language.split("-")[0]
        agreeing = next((tag for tag in declared if tag.split("-")[0] == guessed), None)
        if guessed in _SCRIPT_LANGUAGES and not (guessed == "zh" and primary == "ja"):
            language = agreeing or guessed
        elif agreeing is not None and _stopwords_confident(sample, guessed, primary):
            language = agreeing
        elif primary in _STOPWORDS and _stopwords_confident(sample, guessed, primary):
            language = guessed
        if language.split("-")[0] != primary:
            warnings.append(f"language: declared {primary!r} but the text is written in {guessed!r}; used {language!r}")

    # ---- images
    image_urls: list[str] = [
        *src.meta.get("og:image", []),
        *src.meta.get("og:image:url", []),
        *src.meta.get("og:image:secure_url", []),
    ]
    if art is not None:
        for item in _as_list(art.get("image"))[:10]:
            item = _deref(item, ld)
            if isinstance(item, dict):
                item = item.get("url") or item.get("contentUrl")
            if isinstance(item, str):
                image_urls.append(item)
    image_urls.extend(src.meta.get("twitter:image", []) + src.meta.get("twitter:image:src", []))
    image_urls.extend(_itemprop_value(e) for e in _itemprop(src, "image")[:5])
    if src.image_src:
        image_urls.append(src.image_src)
    alt = _first_meta(src, "og:image:alt", "twitter:image:alt") or None
    images: list[Image] = []
    seen_images: set[str] = set()
    for raw in image_urls:
        resolved = _resolve(raw, base_url) if raw else None
        if resolved and resolved not in seen_images and len(images) < 20:
            seen_images.add(resolved)
            images.append(Image(clean_text(resolved), alt=alt if not images else None))

    # ---- lengths
    title = _cut(title, limits, "max_title_chars", "title", warnings)
    standfirst = _cut(standfirst, limits, "max_title_chars", "standfirst", warnings)
    description = _cut(description, limits, "max_title_chars", "description", warnings)
    site_name = _cut(site_name, limits, "max_name_chars", "site_name", warnings)
    section = _cut(section, limits, "max_name_chars", "section", warnings)

    return PageMetadata(
        title=title or None,
        standfirst=standfirst or None,
        authors=tuple(authors),
        credits=tuple(credit_out),
        published=published,
        modified=modified,
        language=language,
        site_name=site_name or None,
        url=page_url or (clean_name(url[:_MAX_URL_CHARS]) or None if url else None),
        canonical_url=canonical,
        section=section,
        tags=tuple(unique_tags),
        description=description,
        images=tuple(images),
        base_url=base_url,
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _time_values(src: _Sources) -> Iterator[str]:
    """``<time datetime>`` values of the article: marked as published first, then the first plain one."""
    plain: list[str] = []
    for el in src.times:
        if _excluded(el, _BYLINE_BAD):
            continue
        value = _attr(el, "datetime") or _element_text(el, 200)
        hints = (_classes(el) + " " + _attr(el, "itemprop") + " " + " ".join(_classes(a) for a in _ancestors(el))).lower()
        if "pubdate" in {k.lower() for k in el.attrib} or "publish" in hints or "posted" in hints:
            yield value
        elif "modif" not in hints and "updat" not in hints:
            plain.append(value)
    yield from plain[:1]

