"""The URL policy: the one place that decides whether a URL is safe, and resolves it.

Every parser and every serialiser asks this module, so they agree:

1. :func:`url_scheme` reads a URL's scheme the way a browser does: after decoding HTML
   character references (``&#58;``, repeatedly: ``&amp;#58;``), removing controls, white
   space and invisible characters *anywhere* in it, and lower-casing.
   ``"j&#9;ava\\tscript:"`` has the scheme ``javascript``.
2. :func:`is_unsafe_url` is the readers' rule: a URL is unsafe when its scheme is one of
   :data:`UNSAFE_SCHEMES` (``javascript``, ``vbscript``, ``data``, ``file``, ``blob``,
   ``about``) -- except a raster ``data:image/...`` (PNG, GIF, JPEG, WebP) where an
   *image* may have one.  Parsers never put an unsafe URL in the model.
3. :func:`safe_url` is the HTML writers' rule (``to_html``, ``to_jsonld``): only
   ``http``, ``https``, ``mailto`` (:data:`OUTPUT_SCHEMES`) and relative URLs are
   written; anything else is left out.  It is stricter than the readers' rule because
   HTML output is meant to be embedded in other pages as it stands.
4. :func:`resolve_url` resolves a URL against a base (the page's URL) after the
   readers' rule.

Each function runs in time linear in the URL (at most four decoding rounds).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

__all__ = [
    "OUTPUT_SCHEMES",
    "UNSAFE_SCHEMES",
    "is_unsafe_url",
    "resolve_url",
    "safe_url",
    "url_scheme",
]

#: Schemes whose URLs run code, read local files or embed documents: never in the model.
UNSAFE_SCHEMES: frozenset[str] = frozenset({"javascript", "vbscript", "data", "file", "blob", "about"})

#: The schemes HTML output links to (relative URLs too).
OUTPUT_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

# Raster data images, allowed where an image may carry its bytes inline.
_SAFE_DATA_IMAGES = ("data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp")
# What a browser ignores when it reads a scheme: controls, white space, invisible characters.
_URL_JUNK = re.compile(
    r"[\x00-\x20\x7f-\x9f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]"
)
_SCHEME = re.compile(r"^([^:/?#]*):")
# A URL that still decodes after this many rounds is not one anybody meant.
_DECODE_ROUNDS = 4


def _probe(url: str) -> str | None:
    """*url* as a browser reads its scheme: decoded, junk removed, lower-cased (None: undecodable)."""
    if url.isascii() and "&" not in url and " " not in url and url.isprintable():
        # Nothing to decode and no junk (the common case): ASCII junk is a control character,
        # a space or DEL, and ``isprintable`` is false for all of them but the space.
        return url.lower()
    probe = url
    for _ in range(_DECODE_ROUNDS):
        decoded = html.unescape(probe) if "&" in probe else probe
        if decoded == probe:
            break
        probe = decoded
    else:
        return None
    return _URL_JUNK.sub("", probe).lower()


def url_scheme(url: str) -> str | None:
    """The scheme of *url* as a browser reads it, lower-cased; ``""`` for a relative URL.

    None when the URL still decodes after four rounds of character references (no
    browser would read it as anyone meant it).

    >>> url_scheme(" JaVa\\tScript:alert(1)"), url_scheme("/a/b"), url_scheme("javascript&#58;x")
    ('javascript', '', 'javascript')
    """
    probe = _probe(url)
    if probe is None:
        return None
    match = _SCHEME.match(probe)
    return "" if match is None else match.group(1)


def is_unsafe_url(url: str, *, image: bool = False) -> bool:
    """Whether *url* must not enter the model (the readers' rule, see the module docstring).

    >>> is_unsafe_url(" JaVa\\tScript:alert(1)"), is_unsafe_url("https://example.com/")
    (True, False)
    >>> is_unsafe_url("data:image/png;base64,AAAA"), is_unsafe_url("data:image/png;base64,AAAA", image=True)
    (True, False)
    """
    scheme = url_scheme(url)
    if scheme is None:
        return True
    if scheme not in UNSAFE_SCHEMES:
        return False
    if scheme == "data" and image:
        probe = _probe(url)
        return probe is None or not probe.startswith(_SAFE_DATA_IMAGES)
    return True


def safe_url(url: str) -> str | None:
    """*url* unchanged if HTML output may link to it, else None (the writers' rule).

    >>> safe_url("https://example.com/?a=1&b=2")
    'https://example.com/?a=1&b=2'
    >>> safe_url("/relative/path")
    '/relative/path'
    >>> safe_url(" Java\\tScript:alert(1)") is None, safe_url("javascript&#58;alert(1)") is None
    (True, True)
    >>> safe_url("data:text/html,x") is None
    True
    """
    scheme = url_scheme(url)
    if scheme is None or (scheme and scheme not in OUTPUT_SCHEMES):
        return None
    return url


def resolve_url(url: str, base: str | None, *, image: bool = False) -> str | None:
    """*url* resolved against *base*; None when it is unsafe (:func:`is_unsafe_url`).

    A URL that cannot be joined to *base* is kept as it is.

    >>> resolve_url("/a/b.html", "https://example.com/x/y")
    'https://example.com/a/b.html'
    >>> resolve_url("javascript:alert(1)", "https://example.com/") is None
    True
    """
    if is_unsafe_url(url, image=image):
        return None
    if base:
        try:
            return urljoin(base, url)
        except ValueError:
            return url
    return url
