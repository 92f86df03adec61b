"""The published and modified dates of the page.

Published, in this order (:data:`PUBLISHED_TRUST`, the first value
:func:`articlekit._dates.find_date` reads wins): JSON-LD ``datePublished`` of
the article; ``article:published_time`` and its kin; microdata
``datePublished``; ``dc.date.issued`` / ``dcterms.issued`` / ``dc.date``; other
date ``<meta>`` tags, then any named for the publication date (``published-date``,
``PublishedDate``; not ``published-time``); JSON-LD ``datePublished`` of the ``WebPage``; ``<time>``
elements of the article (first those the page labels "Published" -- in an info box,
an aside or the article's footer too, not in a list of other stories -- then those
marked as published); ``dateCreated``; a date in
the canonical URL's or the page URL's path; a short dated text just after or
before the headline; an element whose class names a date.  A text that says
"received" is a manuscript's date on a journal's page, never the published date.
Texts that say "updated" or "modified" are not read as the published date, unless
none of these sources gives one: then the date the page says it was updated ("Updated
on July 9, 2025" under the headline) is the published date (and the modified
date when none is given), with a warning; on a page that says it is an article
(JSON-LD article node, ``og:type`` article, a URL path ``/blog/<post>``,
``/news/<story>`` ...: :data:`_POST_SEGMENTS`) and gives no date at all, the
first short dated text of its body outside page furniture, with a warning.  A date printed
under the headline (else one the page labels "Published") two days or more before the
published date found in the metadata wins over it (not on forum threads, whose first texts
are members').

Modified (:data:`MODIFIED_TRUST`): only modification fields.  A modified date
earlier than the published one is dropped with a warning.

Dates are read by :func:`articlekit._dates.find_date`, the reader the text and
front-matter parsers share.  Bounds: 3 values per JSON-LD key, 40 texts near the
headline of at most 120 characters each, :data:`_MAX_CANDIDATES` elements,
:data:`_MAX_PRINTED_TEXTS` text nodes of the body for the first printed date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import attrs
import lxml.etree

from articlekit._dates import find_date
from articlekit._parsers.html._metadata._authors import _article_like, _is_forum
from articlekit._parsers.html._metadata._common import (
    _BYLINE_BAD,
    _ancestors,
    _as_list,
    _attr,
    _classes,
    _element_text,
    _excluded,
    _itemprop_value,
    _nearest_first,
)
from articlekit._parsers.html._metadata._sources import _itemprop, _Page, _Sources

#: No class is furniture on a forum thread (its posts are "comments"); only these tags are.
_NO_CLASS = re.compile(r"(?!)")
_FORUM_EXCLUDED_TAGS = frozenset(("nav", "footer", "aside", "form", "noscript", "template", "header"))

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



_YEAR = re.compile(r"(?:19|20)\d\d")
_UPDATED_WORDS = r"updated?|modified|edited|aktualisiert|mis à jour|actualizado"
_UPDATED = re.compile(rf"\b(?:{_UPDATED_WORDS})\b", re.IGNORECASE)
#: Dates that are not the published date: an update's, a manuscript's ("Received 2022 Oct 12").
_NOT_PUBLISHED = re.compile(rf"\b(?:{_UPDATED_WORDS}|received)\b", re.IGNORECASE)


def _dates_after(texts: list[str]) -> Iterator[str]:
    """Short texts after the headline that hold a date, before the article's text begins."""
    for text in texts[:40]:
        if len(text) > 300:
            return
        if len(text) <= 120 and re.search(r"\d", text) and not _NOT_PUBLISHED.search(text):
            yield text


def _updated_after(texts: list[str]) -> Iterator[str]:
    """Short texts after the headline that say when the page was updated ("Updated on July 9, 2025")."""
    for text in texts[:40]:
        if len(text) > 300:
            return
        if len(text) <= 120 and _UPDATED.search(text) and re.search(r"\d", text):
            yield text


#: Path segments that say a URL is a post: a blog's, a news site's.
_POST_SEGMENTS = frozenset(("blog", "blogs", "post", "posts", "article", "articles", "news", "story", "stories"))


def _post_url(url: str | None) -> bool:
    """Whether *url*'s path has a segment naming a post, followed by more (``/blog/some-title``)."""
    if not url:
        return False
    try:
        parts = [p.lower() for p in urlsplit(url).path.split("/") if p]
    except ValueError:
        return False
    return any(p in _POST_SEGMENTS for p in parts[:-1])


#: The text nodes :func:`_first_printed` reads at most.
_MAX_PRINTED_TEXTS = 1_500


def _first_printed(page: _Page) -> Iterator[str]:
    """Short dated texts of the page's body in reading order, outside page furniture (at most
    :data:`_MAX_PRINTED_TEXTS` text nodes are read)."""
    root = page.src.root
    body = next(root.iter("body"), None) if root is not None else None
    if body is None:
        return
    seen = 0
    for event, el in lxml.etree.iterwalk(body, events=("start", "end")):
        # Reading order: an element's text when it opens, its tail (its parent's text) when it closes.
        text, holder = (el.text, el) if event == "start" else (el.tail, el.getparent())
        if not text or holder is None or not isinstance(el.tag, str):
            continue
        seen += 1
        if seen > _MAX_PRINTED_TEXTS:
            return
        if len(text) > 400 or not _YEAR.search(text):
            continue
        value = " ".join(text.split())
        if not 8 <= len(value) <= 80 or _NOT_PUBLISHED.search(value):
            continue
        if holder.tag in ("script", "style", "title", "option", "template") or _excluded(holder, _BYLINE_BAD):
            continue
        yield value


def _date_elements(src: _Sources) -> Iterator[str]:
    for el in src.find("dates"):
        if _excluded(el, _BYLINE_BAD):
            continue
        value = _attr(el, "datetime") or _attr(el, "content") or _element_text(el, 200)
        if value and not _NOT_PUBLISHED.search(value):
            yield value


#: Dates a forum prints that are not a post's: a member's, or the visitor's clock.
_FORUM_NOT_POSTED = re.compile(
    r"\b(?:joined|registered|member since|last (?:visit|seen|active|login)|it is currently|birthday)\b",
    re.IGNORECASE,
)


#: The first $n text nodes after an element, or in it: the query stops making results there (a
#: page of 8,000 text nodes after the headline made them all, 4.7 ms instead of 0.6).
_XP_FOLLOWING_TEXTS = lxml.etree.XPath("following::text()[position() <= $n]")
_XP_DESCENDANT_TEXTS = lxml.etree.XPath("descendant::text()[position() <= $n]")


def _forum_first_date(page: _Page) -> Iterator[str]:
    """On a forum thread, the first short dated text after its headline (or in its body when no
    headline is known): the first post's date, which the page's furniture classes ("comment",
    "reply") hide from the other readers.  At most 400 text nodes are read."""
    root = page.src.root
    if root is None or not _is_forum(page):
        return
    start = page.headline if page.headline is not None else next(iter(root.iter("body")), None)
    if start is None:
        return
    try:
        texts = (_XP_FOLLOWING_TEXTS if page.headline is not None else _XP_DESCENDANT_TEXTS)(start, n=400)
    except (lxml.etree.XPathError, ValueError, TypeError):  # pragma: no cover - defensive
        return
    for text in texts:
        parent = text.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag in ("script", "style", "title"):
            continue
        if _excluded(parent, _NO_CLASS, _FORUM_EXCLUDED_TAGS):
            continue
        value = " ".join(str(text).split())
        if not (6 <= len(value) <= 80 and re.search(r"\d{4}", value)) or _NOT_PUBLISHED.search(value):
            continue
        # The label may be in an element of its own: "<strong>Joined:</strong> Sun Dec 17, 2023".
        container = parent.getparent() if getattr(text, "is_tail", False) else parent
        label = _element_text(container, 200) if container is not None else value
        if not _FORUM_NOT_POSTED.search(value) and not _FORUM_NOT_POSTED.search(label):
            yield value


# --------------------------------------------------------------------------- the main entry


#: A label saying that the date after it is the publication date ("Published", "Publish date:").
_PUBLISHED_LABEL = re.compile(
    r"\b(?:published(?: on)?|publish(?:ed)? date|date published|publication date|veröffentlicht(?: am)?|publié le)\W*$",
    re.IGNORECASE,
)
#: Where a labelled date is another story's: lists of other stories, navigation.
_OTHER_STORIES = re.compile(r"related|recommend|more-?from|more-?stories|you-?may|read-?next|up-?next|trending|popular")


def _label_before(el: Any) -> str:
    """The text just before *el*: its previous sibling element's (with its tail), else its parent's
    own text, looked for up to three levels up (``<h3>Published</h3><p><time>...``); at most 200
    characters are read."""
    node = el
    for _ in range(3):
        prev = node.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None:
            return (_element_text(prev, 200) + (prev.tail or "")).strip()[-60:]
        parent = node.getparent()
        if parent is None:
            return ""
        lead: str = parent.text or ""
        if lead.strip():
            return lead.strip()[-60:]
        node = parent
    return ""


def _labelled_published(src: _Sources) -> Iterator[str]:
    """``<time>`` values the page labels as its publication date ("Published", "Publish date")
    in its own text: in an info box, an aside or the article's footer too, not in a list of other
    stories or the navigation."""
    for el in src.times:
        if _PUBLISHED_LABEL.search(_label_before(el)) and not any(
            node.tag == "nav" or _OTHER_STORIES.search(_classes(node).lower()) for node in (el, *_ancestors(el))
        ):
            yield _attr(el, "datetime") or _element_text(el, 200)


def _time_values(src: _Sources, headline: Any = None) -> Iterator[str]:
    """``<time datetime>`` values of the article: labelled or marked as published first, then the
    first plain one."""
    yield from _labelled_published(src)
    plain: list[str] = []
    for el in _nearest_first(src.times, headline):
        if _excluded(el, _BYLINE_BAD):
            continue
        value = _attr(el, "datetime") or _element_text(el, 200)
        hints = (_classes(el) + " " + _attr(el, "itemprop") + " " + " ".join(_classes(a) for a in _ancestors(el))).lower()
        if "pubdate" in {k.lower() for k in el.attrib} or "publish" in hints or "posted" in hints:
            yield value
        elif "modif" not in hints and "updat" not in hints:
            plain.append(value)
    yield from plain[:1]



@attrs.frozen
class _Near:
    """The short texts just after and just before the headline."""

    after: list[str]
    before: list[str]


def _meta(page: _Page, *keys: str) -> Iterator[str]:
    for key in keys:
        yield from page.src.meta.get(key, [])


def _ld(node: dict[str, Any] | None, key: str) -> Iterator[str]:
    if node is not None:
        for v in _as_list(node.get(key))[:3]:
            if isinstance(v, str):
                yield v


def _micro(page: _Page, prop: str) -> Iterator[str]:
    return (_itemprop_value(e) for e in _itemprop(page.src, prop))


_PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time", "published_time", "article:published")
_DC_DATES = ("dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created")
_OTHER_META = (
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "sailthru.date", "parsely-pub-date", "article.published", "article_date_original", "date",
    "citation_publication_date", "original-publish-date", "cxenseparse:recs:publishtime", "release_date",
    "published", "date_published",
)  # fmt: skip
#: Other ``<meta>`` names that say they hold the publication date (``published-date``,
#: ``w-published-date``, ``PublishedDate``, ``og:publish_date``): a name ending in "publish(ed)"
#: and "date" (not "time": ``published-time`` is often when the page was last rendered).
_NAMED_PUBLISHED = re.compile(r"(?:^|[-_.:])publish(?:ed)?[-_.]?date$")


def _named_published(page: _Page) -> Iterator[str]:
    """The values of the ``<meta>`` tags :data:`_NAMED_PUBLISHED` matches, in the page's order."""
    for key, values in page.src.meta.items():
        if _NAMED_PUBLISHED.search(key):
            yield from values


_MODIFIED_META = ("article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified", "modified_time")
_OTHER_MODIFIED_META = ("dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "parsely-updated", "datemodified")

#: A date source: the candidate values of a page (strings for :func:`find_date`), or one read date.
_DateReader = Callable[[_Page, _Near], "Iterable[str] | datetime | None"]

#: The published date's sources, most trusted first.
PUBLISHED_TRUST: tuple[tuple[str, _DateReader], ...] = (
    ("JSON-LD datePublished", lambda page, near: _ld(page.art, "datePublished")),
    ("article:published_time", lambda page, near: _meta(page, *_PUBLISHED_META)),
    ("microdata datePublished", lambda page, near: _micro(page, "datepublished")),
    ("Dublin Core date", lambda page, near: _meta(page, *_DC_DATES)),
    ("other <meta> dates", lambda page, near: _meta(page, *_OTHER_META)),
    ("<meta> named for publication", lambda page, near: _named_published(page)),
    ("JSON-LD WebPage datePublished", lambda page, near: _ld(page.page, "datePublished")),
    ("<time> of the article", lambda page, near: _time_values(page.src, page.headline)),
    ("JSON-LD dateCreated", lambda page, near: _ld(page.art, "dateCreated")),
    ("microdata dateCreated", lambda page, near: _micro(page, "datecreated")),
    ("date in the canonical URL", lambda page, near: _url_date(page.canonical)),
    ("date in the page URL", lambda page, near: _url_date(page.page_url)),
    ("dated text after the headline", lambda page, near: _dates_after(near.after)),
    ("dated text before the headline", lambda page, near: _dates_after(near.before)),
    ("date element", lambda page, near: _date_elements(page.src)),
    ("a forum thread's first post", lambda page, near: _forum_first_date(page)),
)

#: The modified date's sources, most trusted first.
MODIFIED_TRUST: tuple[tuple[str, _DateReader], ...] = (
    ("JSON-LD dateModified", lambda page, near: _ld(page.art, "dateModified")),
    ("article:modified_time", lambda page, near: _meta(page, *_MODIFIED_META)),
    ("microdata dateModified", lambda page, near: _micro(page, "datemodified")),
    ("other <meta> modified dates", lambda page, near: _meta(page, *_OTHER_MODIFIED_META)),
    ("JSON-LD WebPage dateModified", lambda page, near: _ld(page.page, "dateModified")),
)


def _first_date(page: _Page, near: _Near, trust: tuple[tuple[str, _DateReader], ...], now: datetime) -> datetime | None:
    for _name, reader in trust:
        values = reader(page, near)
        if values is None or isinstance(values, datetime):
            if values is not None:
                return values
            continue
        for value in values:
            parsed = find_date(value, now=now) if value else None
            if parsed is not None:
                return parsed
    return None


def _shown_if_earlier(published: datetime, near: _Near, now: datetime, src: _Sources) -> datetime:
    """The date printed under the headline, else the one the page labels "Published", when it is
    two days or more before the metadata's published date (a page re-saved by its CMS, a date taken
    from a related item); else *published*.

    One day apart is not enough: that is a time zone (a UTC timestamp past midnight)."""
    for texts in (_dates_after(near.after), _labelled_published(src)):
        shown = next((d for d in (find_date(t, now=now) for t in texts) if d is not None), None)
        if shown is not None:
            return shown if (published.date() - shown.date()).days >= 2 else published
    return published


def read_dates(page: _Page, after: list[str], before: list[str]) -> tuple[datetime | None, datetime | None]:
    """The published and modified dates of *page*; *after* / *before* are the texts around its headline."""
    now = datetime.now(timezone.utc)
    near = _Near(after=after, before=before)
    published = _first_date(page, near, PUBLISHED_TRUST, now)
    if published is not None and not _is_forum(page):
        published = _shown_if_earlier(published, near, now, page.src)
    modified = _first_date(page, near, MODIFIED_TRUST, now)
    if published is None:
        # The page prints no date but its last update's: the nearest to its publication it gives.
        published = next((d for d in (find_date(t, now=now) for t in _updated_after(near.after)) if d is not None), None)
        if published is not None:
            page.warnings.append("dates: no published date; the date the page says it was updated is used")
            modified = modified or published
    if published is None and (_article_like(page) or _post_url(page.page_url or page.canonical)):
        published = next((d for d in (find_date(t, now=now) for t in _first_printed(page)) if d is not None), None)
        if published is not None:
            page.warnings.append("dates: no published date; the first date printed on the page is used")
    if published is not None and modified is not None and modified < published:
        page.warnings.append("dates: the modified date is earlier than the published date; modified dropped")
        modified = None
    return published, modified
