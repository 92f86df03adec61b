"""Page metadata: title, authors, dates, language, site name ... from every source a page carries.

:func:`extract_metadata` reads an already parsed lxml tree (it never parses or
fetches anything itself).  It collects the page's sources once
(:mod:`._sources`: ``<meta>`` tags, JSON-LD as a graph in :mod:`._jsonld`,
microdata, headlines, bylines and dates found by class), then asks one module
per field, in this order:

1. :mod:`._site`: the site name and the names of the site (needed to strip a
   title's suffix and to tell an organisation from a person);
2. :mod:`._section` and :mod:`._tags`;
3. :mod:`._title`: the title, then the description and the standfirst;
4. :mod:`._authors`: authors and credits, near the headline;
5. :mod:`._dates`: published and modified;
6. :mod:`._language`;
7. :mod:`._images`.

Each field module writes its order of trust as data (a ``*_TRUST`` tuple of
``(source, reader)`` pairs, most trusted first) and documents it.  Across
fields the sources rank the same way: JSON-LD (the main article node, then
``WebPage`` / ``WebSite`` / ``Organization``); OpenGraph; microdata and
``<time datetime>``; Twitter cards; Dublin Core and plain ``<meta>`` tags; the
visible page (``<h1>``, ``<title>``, bylines, ``<link rel=canonical>``,
``<html lang>``, ``<base href>``); last resorts (a date in the URL path, the host
name as site name, a cheap guess of the language).  Titles are the exception:
the visible ``<h1>`` wins when it agrees with a metadata title.  The user guide
``docs/guide/metadata.rst`` describes every rule.  Dates are read by
:func:`articlekit._dates.find_date`, bylines by
:func:`articlekit._people.split_byline`, shared with the text and front-matter
readers.

Nothing here raises on bad input: malformed JSON-LD is skipped, unparseable
dates are ignored, and what was cut or guessed is listed in
:attr:`PageMetadata.warnings`.  Bounds are those of each module (see their
docstrings) and of :class:`~articlekit.Limits`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import attrs
import lxml.html

from articlekit._limits import Limits
from articlekit._model import Image, PageType, Person
from articlekit._parsers.html._metadata._authors import _article_like, read_authors
from articlekit._parsers.html._metadata._common import (
    _MAX_URL_CHARS,
    _absolute,
    _ancestors,
    _cut,
    _host,
    _resolve,
)
from articlekit._parsers.html._metadata._dates import read_dates
from articlekit._parsers.html._metadata._images import read_images
from articlekit._parsers.html._metadata._jsonld import _read_jsonld
from articlekit._parsers.html._metadata._language import (
    guess_language,
    normalize_language,
    read_language,
)
from articlekit._parsers.html._metadata._section import read_section
from articlekit._parsers.html._metadata._site import read_site
from articlekit._parsers.html._metadata._sources import (
    _collect,
    _first_meta,
    _Page,
    _Sources,
    _texts_after,
    _texts_before,
)
from articlekit._parsers.html._metadata._tags import read_tags
from articlekit._parsers.html._metadata._title import (
    _choose_title,
    _headline_element,
    _standfirst_near,
    raw_titles,
    read_description,
)
from articlekit._textutil import clean_name

__all__ = ["PageMetadata", "extract_metadata", "guess_language", "normalize_language"]


@attrs.frozen
class PageMetadata:
    """The metadata of one web page, merged from all its sources.

    Every field may be empty.  ``authors`` holds people only; organisations
    (agencies, desks, staff accounts, the site itself) are in ``credits``.
    ``published`` and ``modified`` are timezone-aware.  ``base_url`` is what
    relative links of the page resolve against: ``url`` with the page's
    ``<base href>`` applied, else an absolute ``<base href>``, else the
    canonical URL; None when none of them is an absolute http(s) URL.
    ``page_type`` is what the caller's classifier made of the page (None without one).
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
    page_type: PageType | None = None
    warnings: tuple[str, ...] = ()



def _page(root: Any, url: str | None, limits: Limits, source: str | None) -> _Page:
    """The page's sources collected once, its JSON-LD read, its URLs resolved."""
    warnings: list[str] = []
    try:
        src = _collect(root)
    except (ValueError, TypeError, RecursionError):  # pragma: no cover - defensive
        src = _Sources()
        warnings.append("metadata: the page could not be scanned")
    ld = _read_jsonld(src.jsonld_blocks, warnings)
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
    return _Page(
        src=src, ld=ld, limits=limits, warnings=warnings,
        page_url=page_url, base_url=base_url, canonical=canonical, host=host,
    )  # fmt: skip


def _home_page(page: _Page) -> bool:
    """Whether the page is a site's home page (its URL, else its canonical URL, has no path)."""
    url = page.page_url or page.canonical
    if not url:
        return False
    try:
        return urlsplit(url).path in ("", "/") and not urlsplit(url).query
    except ValueError:
        return False


def _scope(headline: Any) -> Any:
    """Where bylines and dates are looked for: up to the headline's <article> / <main>, or 4 levels up."""
    scope = headline
    for depth, ancestor in enumerate(_ancestors(headline), start=1):
        scope = ancestor
        if depth >= 4 or (isinstance(ancestor.tag, str) and ancestor.tag.lower() in ("article", "main")):
            break
    return scope


def extract_metadata(
    root: lxml.html.HtmlElement,
    *,
    url: str | None,
    limits: Limits,
    source: str | None = None,
    classify: Callable[[str | None], PageType] | None = None,
) -> PageMetadata:
    """Read every metadata source of a parsed page and merge them.

    :param root: the page's root element (from an lxml HTML parser).
    :param source: the page's HTML text, when at hand (not needed: microdata is
        looked for in the tree, which costs less than searching the text).
    :param url: where the page was read from, if known (resolves relative links;
        gives the host name and a date in the path as last resorts).
    :param limits: caps on titles, names, authors and tags; values over a cap are
        cut and a warning is added.
    :param classify: the page's type from its address (*url*, else its canonical
        URL), called once, after the sources are collected and before any field is
        read (``parse_html`` passes the page-type classifier); the title reads it,
        and it is :attr:`PageMetadata.page_type`.  Without it no rule uses a page type.

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
    page = _page(root, url, limits, source)
    page_type = classify(url or page.page_url or page.canonical) if classify is not None else None
    titles = raw_titles(page)
    site = read_site(page, titles)
    section = read_section(page)
    tags = read_tags(page)
    title = _choose_title(
        page.src, titles, site.keys, section, _article_like(page), _home_page(page), service=page_type == "service"
    )
    description = read_description(page)
    headline = _headline_element(page.src, title)
    standfirst = _standfirst_near(headline, title, description) if headline is not None else None
    if headline is not None:
        page.src.scope = _scope(headline)
        page.headline = headline
    after = _texts_after(headline) if headline is not None else []
    before = _texts_before(headline) if headline is not None else []
    authors, credits = read_authors(page, after, site.org_names)
    published, modified = read_dates(page, after, before)
    language = read_language(page, (title, description, standfirst))
    images = read_images(page)

    warnings = page.warnings
    title = _cut(title, limits, "max_title_chars", "title", warnings)
    standfirst = _cut(standfirst, limits, "max_title_chars", "standfirst", warnings)
    description = _cut(description, limits, "max_title_chars", "description", warnings)
    site_name = _cut(site.site_name, limits, "max_name_chars", "site_name", warnings)
    section = _cut(section, limits, "max_name_chars", "section", warnings)
    return PageMetadata(
        title=title or None,
        standfirst=standfirst or None,
        authors=tuple(authors),
        credits=tuple(credits),
        published=published,
        modified=modified,
        language=language,
        site_name=site_name or None,
        url=page.page_url or (clean_name(url[:_MAX_URL_CHARS]) or None if url else None),
        canonical_url=page.canonical,
        section=section,
        tags=tuple(tags),
        description=description,
        images=tuple(images),
        base_url=page.base_url,
        page_type=page_type,
        warnings=tuple(dict.fromkeys(warnings)),
    )
