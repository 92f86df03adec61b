"""The site name, and the names and keys of the site used to tell a site from a person or a title's suffix.

Order of trust (:data:`SITE_TRUST`, first usable value wins):

1. ``og:site_name``, unless it is a URL, a handle, a slug or a tagline;
2. a declared publisher: JSON-LD ``publisher`` of the article, JSON-LD
   ``WebSite`` names, microdata ``publisher``, ``dc.publisher``;
3. a title's prefix or suffix that names the host (``"... | Live Science"``);
4. a JSON-LD organisation or ``application-name`` that names the host;
5. the alt text of a logo image that names the host;
6. the host's label as the page itself writes it, else the host without
   ``www.`` (with a warning: nothing was declared).

Bounds: names over 200 characters or 6 words are refused; text searched for the
brand is cut to 5,000 characters per source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from articlekit._parsers.html._metadata._common import _attr, _itemprop_value, _text
from articlekit._parsers.html._metadata._jsonld import _deref, _ld_str
from articlekit._parsers.html._metadata._sources import _first_meta, _itemprop, _Page, _Sources
from articlekit._people import squash
from articlekit._textutil import clean_name

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



@attrs.frozen
class _SiteNames:
    """The site name chosen and every name the page gives its site or publisher."""

    site_name: str | None
    #: Every declared name of the site or its publisher (the chosen one first).
    names: list[str]
    #: The squashed forms of :attr:`names`, and of the host's label: what a title's end is compared with.
    keys: list[str]
    #: :attr:`names` and the host's label: the organisations a byline may credit.
    org_names: list[str]


@attrs.frozen
class _Declared:
    """The names a page declares for its site, read once."""

    og_site: str
    publisher: str
    microdata_publisher: str
    dc_publisher: str


def _microdata_publisher(src: _Sources) -> str:
    for el in _itemprop(src, "publisher")[:3]:
        for sub in el.iter():
            if sub is not el and "name" in _attr(sub, "itemprop").lower().split():
                name = _itemprop_value(sub)
                if name:
                    return name
                break
    return ""


def _declared(page: _Page) -> _Declared:
    art = page.art
    publisher = _deref(art.get("publisher"), page.ld) if art is not None else None
    publisher_name = _ld_str(publisher, "name") if isinstance(publisher, dict) else _text(publisher, 500)
    return _Declared(
        og_site=_first_meta(page.src, "og:site_name"),
        publisher=publisher_name,
        microdata_publisher=_microdata_publisher(page.src),
        dc_publisher=_first_meta(page.src, "dc.publisher", "dcterms.publisher"),
    )


def _from_og(page: _Page, declared: _Declared, titles: list[str]) -> str | None:
    return _clean_site_name(declared.og_site, page.host) if declared.og_site else None


def _from_publisher(page: _Page, declared: _Declared, titles: list[str]) -> str | None:
    for name in (declared.publisher, *page.ld.site_names, declared.microdata_publisher, declared.dc_publisher):
        if name:
            cleaned = _clean_site_name(name, page.host)
            if cleaned is not None:
                return cleaned
    return None


def _from_titles(page: _Page, declared: _Declared, titles: list[str]) -> str | None:
    return _site_from_titles([t for t in titles[1:] if t], page.host)


def _from_organisations(page: _Page, declared: _Declared, titles: list[str]) -> str | None:
    for name in (*page.ld.publisher_names, _first_meta(page.src, "application-name", "apple-mobile-web-app-title")):
        if name and _host_match(name, page.host):
            cleaned = _clean_site_name(name, page.host)
            if cleaned is not None:
                return cleaned
    return None


def _from_logo(page: _Page, declared: _Declared, titles: list[str]) -> str | None:
    return _site_from_logo(page.src, page.host)


def _from_host(page: _Page, declared: _Declared, titles: list[str]) -> str | None:
    host = page.host
    if not host:
        return None
    src = page.src
    name = _brand_from_text(_host_label(host), [src.title_tag, *src.logo_alts, *src.paragraphs])
    if name is None:
        name = host.lower().removeprefix("www.") or None
    if name:
        page.warnings.append("site_name: none declared; taken from the host name")
    return name


#: The site name's sources, most trusted first: ``(name, reader)``; the first non-empty answer wins.
SITE_TRUST: tuple[tuple[str, Callable[[_Page, _Declared, list[str]], str | None]], ...] = (
    ("og:site_name", _from_og),
    ("declared publisher", _from_publisher),
    ("title prefix or suffix naming the host", _from_titles),
    ("organisation naming the host", _from_organisations),
    ("logo naming the host", _from_logo),
    ("host name", _from_host),
)


def read_site(page: _Page, titles: list[str]) -> _SiteNames:
    """The site name of *page* and the names it gives its site; *titles* are the raw metadata titles."""
    declared = _declared(page)
    site_name = None
    for _name, reader in SITE_TRUST:
        site_name = reader(page, declared, titles)
        if site_name is not None:
            break
    names = [
        n
        for n in (
            site_name, declared.og_site, declared.publisher, declared.microdata_publisher,
            *page.ld.site_names, *page.ld.publisher_names,
        )
        if n
    ]  # fmt: skip
    keys = list(dict.fromkeys(squash(n) for n in names if squash(n)))
    label = squash(_host_label(page.host))
    if len(label) >= 3:
        keys.append(label)
    org_names = [*names, *([label] if len(label) >= 3 else [])]
    return _SiteNames(site_name=site_name, names=names, keys=keys, org_names=org_names)
