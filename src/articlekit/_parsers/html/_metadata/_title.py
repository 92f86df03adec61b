"""The title as a reader sees it, the standfirst printed under it, and the page's description.

Title, in this order (:func:`_choose_title`):

1. a visible ``<h1>`` (not a logo, not in page furniture) that agrees with a
   metadata title (:data:`TITLE_TRUST`: JSON-LD ``headline``, ``og:title``,
   ``twitter:title``, ``dc.title``, ``<title>``): exactly, then exactly once a label
   it begins with is set aside (a forum's prefix badge, ``"Thread:"``, ``"Blog:"`` in
   a node of their own: :func:`_after_label`), then as a prefix or by word overlap;
   on a page classified as a service page (the page type the caller passes), not
   the last two: there a variant of the metadata title is a slogan (``"Data and
   Analytics Services"`` for ``"Data Analytics Services & Consulting"``);
2. another headline-like element (``itemprop=headline``, a ``headline`` class)
   equal to a metadata title;
3. a visible ``<h1>`` when the metadata has no title, or, on a page that says it is
   an article (JSON-LD article node, ``og:type`` article) and is not classified as a
   service page, the first one inside ``<article>`` / ``<main>``;
4. the first metadata title with the site name and a section prefix removed, cut
   at its first separator (``"Name | tagline"``: :func:`_main_part`).  On a site's
   home page a site name the title begins with stays, and so does what follows it
   (``"Calmwell — Online Counselling for Busy People"``).

Description (:data:`DESCRIPTION_TRUST`): ``og:description``, ``description``,
``twitter:description``, JSON-LD ``description``, ``dc.description``.

Bounds: at most :data:`_MAX_CANDIDATES` headline elements are looked at; a
headline's text is read up to 3,000 characters; a title is stripped in at most
4 rounds; the standfirst is looked for in the 6 siblings after the headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from articlekit._parsers.html._metadata._common import (
    _HEADLINE_BAD,
    _ancestors,
    _attr,
    _classes,
    _element_text,
    _excluded,
    _text,
)
from articlekit._parsers.html._metadata._jsonld import _ld_str
from articlekit._parsers.html._metadata._site import _SECTION_PREFIXES, _SEPARATORS
from articlekit._parsers.html._metadata._sources import _first_meta, _itemprop, _Page, _Sources
from articlekit._people import squash
from articlekit._textutil import clean_name, name_key

_STANDFIRST_HINT = re.compile(
    r"standfirst|\bdek\b|sub-?head|subtitle|sub-?title|summary|excerpt|\blede\b|intro|description|strapline|kicker-?text",
    re.IGNORECASE,
)

#: The metadata titles, most trusted first; :func:`_choose_title` prefers a visible ``<h1>`` that agrees.
TITLE_TRUST: tuple[tuple[str, Callable[[_Page], str]], ...] = (
    ("JSON-LD headline", lambda page: _ld_str(page.art, "headline")),
    ("og:title", lambda page: _first_meta(page.src, "og:title")),
    ("twitter:title", lambda page: _first_meta(page.src, "twitter:title")),
    ("dc.title", lambda page: _first_meta(page.src, "dc.title", "dcterms.title")),
    ("<title>", lambda page: _text(page.src.title_tag, 5_000)),
)

#: The description's sources, most trusted first.
DESCRIPTION_TRUST: tuple[tuple[str, Callable[[_Page], str]], ...] = (
    ("og:description", lambda page: _first_meta(page.src, "og:description")),
    ("description", lambda page: _first_meta(page.src, "description")),
    ("twitter:description", lambda page: _first_meta(page.src, "twitter:description")),
    ("JSON-LD description", lambda page: _ld_str(page.art, "description")),
    ("dc.description", lambda page: _first_meta(page.src, "dc.description", "dcterms.description")),
)


def raw_titles(page: _Page) -> list[str]:
    """Every metadata title of *page*, in the order of :data:`TITLE_TRUST` ("" where a source has none)."""
    return [reader(page) for _name, reader in TITLE_TRUST]


def read_description(page: _Page) -> str | None:
    """The first description of :data:`DESCRIPTION_TRUST`."""
    for _name, reader in DESCRIPTION_TRUST:
        value = reader(page)
        if value:
            return value
    return None


def _tokens(text: str) -> list[str]:
    return list(re.findall(r"\w+", name_key(text)))


def _similar(a: str, b: str) -> float:
    """Token overlap of two titles (0..1), relative to the shorter."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    sa, sb = set(ta), set(tb)
    return len(sa & sb) / min(len(sa), len(sb))


def _strip_site(title: str, site_keys: list[str], section: str | None, keep_head: bool = False) -> str:
    """Remove a site-name suffix/prefix and a section prefix from *title* (*keep_head*: not a prefix)."""
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
        if head_key and not keep_head and any(_site_match(head_key, k) for k in site_keys):
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
    text = _element_text(el, 3_000).removesuffix("¶").rstrip()  # a documentation heading's anchor mark
    if not text or len(text) < 3:
        return ""
    key = squash(text)
    if any(key == k for k in site_keys if k):
        return ""
    # An <h1> that only holds a link to the home page or an image is a logo.
    for a in el.iter("a"):
        if _home_link(_attr(a, "href").strip()):
            try:
                if len(_element_text(a, 500)) >= len(text) * 0.8:
                    return ""
            except ValueError:
                return ""
    return text


def _home_link(href: str) -> bool:
    """Whether *href* points to a site's home page (``/``, ``https://example.com/``); a link
    the URL parser refuses (``http://[x/``) is none."""
    if href in ("/", "./", "#"):
        return True
    if not href or "://" not in href:
        return False
    try:
        return urlsplit(href).path in ("", "/")
    except ValueError:
        return False


def _after_label(el: Any) -> str:
    """The text of headline *el* after a label it begins with, set apart as a node of its own: a
    forum's prefix badge (``<span class="label">News</span> Title``), ``Thread: <span>Title</span>``,
    ``<strong>Blog:</strong> Title``; "" when it begins with no label of at most three words."""
    children = [c for c in el if isinstance(c.tag, str)]
    if not children:
        return ""
    lead = (el.text or "").strip()
    if lead:
        label, rest = lead, children
        text = ""
    else:
        label, rest = _element_text(children[0], 200).strip(), children[1:]
        text = children[0].tail or ""
    if not label or len(label.split()) > 3:
        return ""
    text += "".join(_element_text(c, 3_000) + (c.tail or "") for c in rest[:50])
    return clean_name(text) if len(text) <= 3_000 else ""


def _main_part(title: str) -> str:
    """*title* up to its first separator (``"Hire Local Movers – Moving Help in Jackson"`` ->
    ``"Hire Local Movers"``): what is left of a metadata title once the site name is gone
    is often a name followed by a tagline or a category."""
    match = _SEPARATORS.search(title)
    head = title[: match.start()].strip() if match else ""
    return head or title


def _choose_title(
    src: _Sources,
    candidates: list[str],
    site_keys: list[str],
    section: str | None,
    article: bool = True,
    home: bool = False,
    *,
    service: bool = False,
) -> str | None:
    """The headline as a reader sees it (*article*: the page says it is an article; *home*: it is
    a site's home page, whose title begins with the site's name: ``"Alma — Simplifying Access to Therapy"``;
    *service*: the page was classified as a service page, whose ``<h1>`` is a slogan unless it is
    a metadata title word for word)."""
    stripped = [_strip_site(c, site_keys, section, keep_head=home) for c in candidates if c]
    stripped = [s for s in stripped if s]
    visible: list[str] = []
    for el in src.h1:
        text = _headline_ok(el, site_keys)
        if text:
            visible.append(text)
    # 1. A visible <h1> that agrees with a metadata title (once a label it begins with is set aside).
    for text in visible:
        for cand in stripped:
            if name_key(text) == name_key(cand):
                return text
    keys = {name_key(cand) for cand in stripped}
    for el in src.h1:
        rest = _after_label(el)
        if rest and name_key(rest) in keys and _headline_ok(el, site_keys):
            return rest
    # A service page's <h1> close to its metadata title is a variant of it ("College Admissions
    # Plans & Packages" for "Custom College Admission Plans & Packages"): the metadata names the page.
    for text in visible if not service else ():
        for raw in candidates:
            if raw and name_key(raw).startswith(name_key(text)) and len(text) >= 0.3 * len(raw):
                return _strip_site(text, site_keys, section) or text
    for text in visible if not service else ():
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
    #    metadata then carries an SEO headline the reader does not see.  On other pages (a
    #    product, a service) such an <h1> is a slogan; the metadata names the page.
    if visible and not stripped:
        return visible[0]
    for el in src.h1 if article and not service else ():
        text = _headline_ok(el, site_keys)
        if text and len(text.split()) >= 3 and any(
            isinstance(a.tag, str) and (a.tag.lower() in ("article", "main") or "headline" in _attr(a, "itemprop").lower())
            for a in (el, *_ancestors(el))
        ):
            return text
    # 4. The metadata title, without its site name and what follows its first separator.
    if not stripped:
        return None
    if home and _site_head(stripped[0], site_keys):
        return stripped[0]
    return _main_part(stripped[0])


def _site_head(title: str, site_keys: list[str]) -> bool:
    """Whether *title* begins with the site's name before a separator."""
    match = _SEPARATORS.search(title)
    head = squash(title[: match.start()]) if match else ""
    return bool(head) and any(_site_match(head, k) for k in site_keys)


# --------------------------------------------------------------------------- authors


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
