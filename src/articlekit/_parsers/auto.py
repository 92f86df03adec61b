"""``parse``: one entry point for every input format, sniffing it when not told.

>>> import articlekit
>>> articlekit.parse("Headline\\n\\nFirst paragraph.\\n\\nSecond paragraph.").source_format
'text'
>>> articlekit.parse("x", format="docx")
Traceback (most recent call last):
...
articlekit.UnknownFormatError: unknown input format 'docx'; known: auto, html, json, markdown, text
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO

import attrs

from articlekit._errors import ResourceLimitError, UnknownFormatError, ValidationError
from articlekit._input import EXTENSIONS, FORMAT_NAMES, check_flags, name_hint, read_source
from articlekit._json import from_json
from articlekit._limits import Limits
from articlekit._model import Article
from articlekit._parsers._sniff import Format, sniff
from articlekit._parsers.html import parse_html
from articlekit._parsers.markdown import parse_markdown
from articlekit._parsers.text import parse_text

__all__ = ["parse"]

_PARSERS: dict[str, Callable[..., Article]] = {
    "html": parse_html,
    "markdown": parse_markdown,
    "text": parse_text,
}


def parse(
    data: str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO,
    *,
    format: str = "auto",
    url: str | None = None,
    quotes: bool = True,
    comments: bool = False,
    limits: Limits | None = None,
) -> Article:
    """Parse *data* in *format*, or in the format :func:`~articlekit._parsers._sniff.sniff` sees.

    Sniffing, in order (see the user guide, "Plain text"): articlekit JSON,
    HTML, Markdown, then plain text.

    :param data: the document as ``str`` or bytes, or a path (:class:`os.PathLike`,
        e.g. :class:`pathlib.Path`) or binary file object to read it from.  A ``str``
        is always the document itself: one that names a file or a URL is parsed as a
        one-line text, with a warning that says so (use :func:`~articlekit.parse_file`
        or :func:`~articlekit.parse_url`).
    :param format: ``"auto"`` (the default: sniff), ``"html"``, ``"markdown"``,
        ``"text"`` or ``"json"`` (an articlekit JSON document); also ``"md"``,
        ``"txt"`` and MIME types such as ``"text/html"``
        (:data:`articlekit._input.FORMAT_NAMES`).
    :param url: passed to the parser (stored as ``Article.url``).
    :param quotes: passed to the parser (extract quotations).
    :param comments: passed to :func:`~articlekit.parse_html` (read the page's
        reader comments into ``Article.comments``); Markdown, plain text and
        JSON have no comment sections to read, and ignore it.
    :param limits: passed to the parser.  A JSON document is returned as it
        was stored: only ``limits.max_bytes`` applies to it.
    :raises UnknownFormatError: *format* is not a known name.
    :raises ValidationError: *data* is not text, bytes, a path or a file object.
    :raises ParseError: a path or file object that cannot be read (or is not a regular file).
    """
    if not isinstance(format, str):
        raise ValidationError(f"format must be a str, got {type(format).__name__}")
    check_flags("parse", quotes=quotes, comments=comments)
    fmt = FORMAT_NAMES.get(format.strip().lower())
    if fmt is None:
        known = ", ".join(sorted(set(FORMAT_NAMES.values())))
        raise UnknownFormatError(f"unknown input format {format!r}; known: {known}")
    by_name: Format | None = None
    if fmt == "auto" and isinstance(data, os.PathLike):
        by_name = EXTENSIONS.get(os.path.splitext(os.fsdecode(os.fspath(data)))[1].lower())
    data = read_source(data, source="input", limits=limits or Limits())
    chosen: Format = by_name or (sniff(data) if fmt == "auto" else fmt)
    if chosen == "json":
        limit = (limits or Limits()).max_bytes
        size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
        if size > limit:
            raise ResourceLimitError(
                f"the input is larger than Limits.max_bytes ({limit:,} bytes)", source="json"
            )
        return from_json(data if isinstance(data, str) else bytes(data))
    if comments and chosen == "html":
        article = _PARSERS["html"](data, url=url, quotes=quotes, comments=True, limits=limits)
    else:
        article = _PARSERS[chosen](data, url=url, quotes=quotes, limits=limits)
    hint = name_hint(data, urls=True) if isinstance(data, str) else None
    if hint is not None and hint not in article.warnings:
        article = attrs.evolve(article, warnings=(*article.warnings, hint))
    return article
