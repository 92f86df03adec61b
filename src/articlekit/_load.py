"""``parse_file`` and ``parse_url``: read a document from a file or the web, then parse it.

Order: the bytes are read (a regular file only, at most ``Limits.max_bytes`` of
them, a ``.gz`` file decompressed within the same bound; or fetched by
:mod:`articlekit._fetch`: ``http``/``https`` only, no redirect to another scheme,
a total time limit and a size cap), the format is chosen (the caller's, else the
file extension or the response's media type, else sniffed), then
:func:`articlekit.parse` does the rest.  Nothing here is cached or kept.

The parsers never touch the network: :func:`parse_url` is the only library
function that does, and only when called.
"""

from __future__ import annotations

import os

from articlekit._errors import UnknownFormatError, ValidationError
from articlekit._input import (
    EXTENSIONS,
    FORMAT_NAMES,
    MEDIA_TYPES,
    check_flags,
    encoding_for_label,
    find_bom,
    read_path,
)
from articlekit._limits import Limits
from articlekit._model import Article
from articlekit._parsers._sniff import sniff
from articlekit._parsers.auto import parse
from articlekit._parsers.html import parse_html

__all__ = ["parse_file", "parse_url"]


def parse_file(
    path: str | os.PathLike[str],
    *,
    format: str = "auto",
    url: str | None = None,
    encoding: str | None = None,
    quotes: bool = True,
    comments: bool = False,
    limits: Limits | None = None,
) -> Article:
    """Read the file at *path* and parse it (:func:`~articlekit.parse` does the parsing).

    :param path: a file name (``str``) or a path object.  A ``.gz`` file is
        decompressed first.
    :param format: as for :func:`~articlekit.parse`; ``"auto"`` (the default)
        takes the format from the file extension (``.html``, ``.md``, ``.txt``,
        ``.json`` ...) and sniffs the content when the extension says nothing.
    :param url: the page's URL, if known (for relative links and ``Article.url``).
    :param encoding: the file's character encoding, when you know it (HTML only;
        else the page's own declaration, then a detector decide).
    :raises ParseError: the file cannot be read, is not a regular file (a
        folder, a FIFO, a socket), or cannot be parsed.
    :raises ValidationError: an argument of the wrong type or value (checked
        before the file is read).
    :raises UnknownFormatError: *format* is not a known name.

    >>> import articlekit
    >>> article = articlekit.parse_file("examples/pages/kremlin-talks.html", quotes=False)
    >>> article.source_format, article.published.year
    ('html', 2025)
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ValidationError(f"path must be a str or os.PathLike, got {type(path).__name__}")
    _check_arguments("parse_file", format, encoding, limits, quotes=quotes, comments=comments)
    name = os.fsdecode(os.fspath(path))
    limits = limits or Limits()
    data = read_path(name, limit=limits.max_bytes)
    lower = name.lower()
    if lower.endswith(".gz"):
        from articlekit._batch._inputs import _gunzip

        data = _gunzip(data, limits.max_bytes)
        lower = lower[:-3]
    if format == "auto":
        format = EXTENSIONS.get(os.path.splitext(lower)[1], "auto")
    return _parse(data, format, url, encoding, quotes=quotes, comments=comments, limits=limits)


def _check_arguments(function: str, format: object, encoding: object, limits: object, **flags: object) -> None:
    """Every argument checked before a file is read or a URL fetched."""
    if not isinstance(format, str):
        raise ValidationError(f"{function}: format must be a str, got {type(format).__name__}")
    if FORMAT_NAMES.get(format.strip().lower()) is None:
        known = ", ".join(sorted(set(FORMAT_NAMES.values())))
        raise UnknownFormatError(f"unknown input format {format!r}; known: {known}")
    if encoding is not None and not isinstance(encoding, str):
        raise ValidationError(f"{function}: encoding must be a str or None, got {type(encoding).__name__}")
    if limits is not None and not isinstance(limits, Limits):
        raise ValidationError(f"{function}: limits must be a Limits or None, got {type(limits).__name__}")
    check_flags(function, **flags)


def _parse(
    data: bytes, format: str, url: str | None, charset: str | None, *, quotes: bool, comments: bool, limits: Limits
) -> Article:
    """Parse *data*, decoding it with *charset* when that is known (the page's own
    declaration and a byte-order mark still decide for HTML)."""
    if charset is None:
        return parse(data, format=format, url=url, quotes=quotes, comments=comments, limits=limits)
    if FORMAT_NAMES.get(format.strip().lower()) == "html" or (format == "auto" and sniff(data) == "html"):
        return parse_html(data, url=url, encoding=charset, quotes=quotes, comments=comments, limits=limits)
    codec = encoding_for_label(charset, caller=True)
    if codec is None:  # not an encoding label: the bytes decide, as for a page without one
        return parse(data, format=format, url=url, quotes=quotes, comments=comments, limits=limits)
    text = data.decode(codec, "replace") if find_bom(data) is None else data
    return parse(text, format=format, url=url, quotes=quotes, comments=comments, limits=limits)


def parse_url(
    url: str,
    *,
    timeout: float = 20.0,  # articlekit._fetch.DEFAULT_TIMEOUT (that module loads urllib)
    max_bytes: int | None = None,
    format: str = "auto",
    quotes: bool = True,
    comments: bool = False,
    limits: Limits | None = None,
) -> Article:
    """Fetch *url* (``http`` or ``https``) and parse the page.

    Redirects are followed to ``http`` and ``https`` URLs only; the final URL
    becomes ``Article.url`` (and the base of relative links) unless the page
    declares its own.  The response's media type chooses the format when
    *format* is ``"auto"``, and its ``charset`` is the declared encoding.

    :param timeout: seconds the whole fetch may take (connecting, waiting and
        reading: a server that trickles bytes is cut off).
    :param max_bytes: the largest body accepted (default: ``limits.max_bytes``).
    :raises FetchError: a URL that is not ``http``/``https``, a network or
        HTTP error, the time limit or the size cap.
    :raises ValidationError: an argument of the wrong type or value (checked
        before anything is fetched).
    :raises UnknownFormatError: *format* is not a known name.
    :raises ParseError: the page could not be parsed.
    """
    if not isinstance(url, str):
        raise ValidationError(f"url must be a str, got {type(url).__name__}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise ValidationError(f"parse_url: timeout must be a positive number of seconds, got {timeout!r:.40}")
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1):
        raise ValidationError(f"parse_url: max_bytes must be a positive int or None, got {max_bytes!r:.40}")
    _check_arguments("parse_url", format, None, limits, quotes=quotes, comments=comments)
    limits = limits or Limits()
    cap = limits.max_bytes if max_bytes is None else max_bytes
    from articlekit._fetch import fetch  # urllib, only when a URL is fetched

    page = fetch(url.strip(), timeout=timeout, max_bytes=cap)
    if format == "auto" and page.media_type in MEDIA_TYPES:
        format = MEDIA_TYPES[page.media_type]
    return _parse(page.data, format, page.url, page.charset, quotes=quotes, comments=comments, limits=limits)
