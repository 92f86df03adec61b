"""The page's lead images.

Sources, in this order (:data:`IMAGE_TRUST`; every source adds, duplicates
dropped): ``og:image`` (and ``og:image:url`` / ``og:image:secure_url``); JSON-LD
``image`` of the article (strings, ``ImageObject`` nodes and references);
``twitter:image``; microdata ``image``; ``<link rel=image_src>``.  Each URL is
resolved against the page's base URL; only http(s) URLs are kept.  The first
image takes the alt text of ``og:image:alt`` / ``twitter:image:alt``.

Bounds: 10 JSON-LD images, 5 microdata images, 20 images in all.
"""

from __future__ import annotations

from collections.abc import Callable

from articlekit._model import Image
from articlekit._parsers.html._metadata._common import _as_list, _itemprop_value, _resolve
from articlekit._parsers.html._metadata._jsonld import _deref
from articlekit._parsers.html._metadata._sources import _first_meta, _itemprop, _Page
from articlekit._textutil import clean_text

_MAX_IMAGES = 20


def _jsonld_images(page: _Page) -> list[str]:
    urls: list[str] = []
    art = page.art
    if art is None:
        return urls
    for item in _as_list(art.get("image"))[:10]:
        item = _deref(item, page.ld)
        if isinstance(item, dict):
            item = item.get("url") or item.get("contentUrl")
        if isinstance(item, str):
            urls.append(item)
    return urls


#: The images' sources, in page-trust order; every source adds its URLs.
IMAGE_TRUST: tuple[tuple[str, Callable[[_Page], list[str]]], ...] = (
    ("og:image", lambda page: [
        *page.src.meta.get("og:image", []), *page.src.meta.get("og:image:url", []),
        *page.src.meta.get("og:image:secure_url", []),
    ]),
    ("JSON-LD image", _jsonld_images),
    ("twitter:image", lambda page: page.src.meta.get("twitter:image", []) + page.src.meta.get("twitter:image:src", [])),
    ("microdata image", lambda page: [_itemprop_value(e) for e in _itemprop(page.src, "image")[:5]]),
    ("<link rel=image_src>", lambda page: [page.src.image_src] if page.src.image_src else []),
)  # fmt: skip


def read_images(page: _Page) -> list[Image]:
    """The page's images, resolved and de-duplicated, the first with its alt text."""
    urls = [url for _name, reader in IMAGE_TRUST for url in reader(page)]
    alt = _first_meta(page.src, "og:image:alt", "twitter:image:alt") or None
    images: list[Image] = []
    seen: set[str] = set()
    for raw in urls:
        resolved = _resolve(raw, page.base_url) if raw else None
        if resolved and resolved not in seen and len(images) < _MAX_IMAGES:
            seen.add(resolved)
            images.append(Image(clean_text(resolved), alt=alt if not images else None))
    return images
