"""Turning raw input (bytes or str) into clean text, before any parser sees it.

Order of decisions for bytes (the WHATWG order):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. the encoding the caller declared (``encoding=``, e.g. from an HTTP header);
3. for HTML, a ``<meta charset>`` or ``http-equiv`` declaration in the first
   1024 bytes;
4. UTF-8, when the bytes are valid UTF-8, or when valid multi-byte sequences
   outnumber broken ones at least two to one (the broken ones become U+FFFD);
5. a detector (charset-normalizer);
6. UTF-8 with replacement characters.

The size limit is checked on the raw input first.  Binary data (NUL bytes in
more than 1% of the input, or mostly undecodable) raises
:class:`~articlekit.EncodingError`; empty or blank input raises
:class:`~articlekit.EmptyDocumentError`.

This module is the only home of these checks and of the tables they read:
the byte-order marks (:data:`BOMS`, :func:`find_bom`), the binary test
(:func:`binary_reason`, :func:`has_binary_signature`), the empty test
(:func:`check_not_empty`) and the input formats by name, media type and file
extension (:data:`INPUT_FORMATS`, :data:`FORMAT_NAMES`, :data:`MEDIA_TYPES`,
:data:`EXTENSIONS`).  The content sniffer, :func:`articlekit.parse` and the
batch runner read them from here.

>>> find_bom(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
('utf-16-le', 2)
>>> binary_reason(bytes(100)), binary_reason(b"plain text")
('NUL bytes', None)
>>> EXTENSIONS[".md"], MEDIA_TYPES["text/html"], FORMAT_NAMES["txt"]
('markdown', 'html', 'text')
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

import attrs

from articlekit._errors import (
    EmptyDocumentError,
    EncodingError,
    ResourceLimitError,
    ValidationError,
)
from articlekit._limits import Limits
from articlekit._model import SourceFormat
from articlekit._textutil import clean_text

__all__ = [
    "BINARY_SIGNATURES",
    "BOMS",
    "EXTENSIONS",
    "FORMAT_NAMES",
    "INPUT_FORMATS",
    "MEDIA_TYPES",
    "Decoded",
    "binary_reason",
    "check_not_empty",
    "decode_input",
    "find_bom",
    "has_binary_signature",
]

# --------------------------------------------------------------------------- input formats

#: The input formats, and ``"auto"`` (sniff the content): what ``format=`` takes
#: in :func:`articlekit._batch.parse_document`, ``articlekit batch --from`` and
#: :func:`articlekit.dask.read_articles`.
INPUT_FORMATS: tuple[Literal["auto"] | SourceFormat, ...] = ("auto", "html", "markdown", "text", "json")

#: Media types (an HTTP ``Content-Type``) and the format each means.
MEDIA_TYPES: dict[str, SourceFormat] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "text",
    "application/json": "json",
}

#: The names :func:`articlekit.parse` takes for ``format=`` (case-insensitive):
#: the formats, their short names and their media types.
FORMAT_NAMES: dict[str, Literal["auto"] | SourceFormat] = {
    "auto": "auto",
    "html": "html",
    "htm": "html",
    "markdown": "markdown",
    "md": "markdown",
    "text": "text",
    "txt": "text",
    "plain": "text",
    "json": "json",
    **MEDIA_TYPES,
}

#: File name extensions (lower case, after any ``.gz``) and the format each means.
EXTENSIONS: dict[str, SourceFormat] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "text",
    ".text": "text",
    ".json": "json",
}

# --------------------------------------------------------------------------- byte-order marks

#: Byte-order marks and the codec each names, in the order they are tried
#: (UTF-32 LE before UTF-16 LE, whose mark it starts with).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def find_bom(raw: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark at the start of *raw* names, and the mark's length; None without one."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name, len(bom)
    return None


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)


@attrs.frozen
class Decoded:
    """Clean text, and the encoding it was decoded from and how that was decided."""

    text: str
    encoding: str | None
    encoding_source: str | None


def _codec(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except (LookupError, ValueError):
        return None
    # A page that declares UTF-16 but was read as ASCII-compatible bytes is UTF-8
    # (WHATWG: a meta declaration of utf-16 means utf-8).
    return canonical


def _sniff_meta(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = _codec(match.group(1).decode("ascii", "replace"))
    if name and name.startswith("utf-16"):
        return "utf-8"
    # WHATWG maps the x-user-defined and latin-1 labels to windows-1252.
    if name in ("latin_1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


# --------------------------------------------------------------------------- binary and empty input

# Text has no C0 controls but tab, newlines, form feed and escape (and no DEL).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b") + b"\x7f"
_BINARY_SAMPLE = 1 << 16

#: The first bytes of common binary files: PNG, JPEG, GIF, PDF, ZIP, gzip, bzip2, ELF.
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF",
)


def binary_reason(data: bytes) -> str | None:
    """Why *data* (bytes without a byte-order mark) is binary rather than text, or None.

    Only the first 64 KiB are read: NUL bytes in more than 1% of them give
    ``"NUL bytes"``; other control bytes (C0 but tab, newlines, form feed and
    escape; DEL) in more than 5% give ``"control bytes"``.
    """
    sample = data[:_BINARY_SAMPLE]
    if sample.count(0) > len(sample) // 100 + 1:
        return "NUL bytes"
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) // 20 + 1:
        return "control bytes"
    return None


def has_binary_signature(data: bytes) -> bool:
    """Whether *data* starts like an image, a PDF, an archive or a compressed file (:data:`BINARY_SIGNATURES`)."""
    return data.startswith(BINARY_SIGNATURES)


def check_not_empty(data: str | bytes, *, source: str | None = None) -> None:
    """Raise :class:`~articlekit.EmptyDocumentError` when *data* is empty or only white space."""
    if not data or data.isspace():  # (not a stripped copy of the whole document)
        raise EmptyDocumentError(
            "the document is empty" if not data else "the document is only white space", source=source
        )


def _check_binary(data: bytes, source: str) -> None:
    reason = binary_reason(data)
    if reason is not None:
        raise EncodingError(f"the input looks binary ({reason}), not text", source=source)


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few broken sequences: decoded with replacement, or None if it is not UTF-8."""
    text = raw.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    valid = sum(1 for c in text if c > "\x7f") - broken
    return text if valid >= 2 * broken else None


def decode_input(
    data: str | bytes | bytearray | memoryview,
    *,
    source: str,
    limits: Limits | None = None,
    encoding: str | None = None,
    html: bool = False,
    clean: bool = True,
) -> Decoded:
    """Check the size of *data*, decode it if bytes, and clean the text.

    :param source: the format, for error messages (``"html"``, ``"markdown"``, ``"text"``).
    :param encoding: the encoding the caller knows (HTTP ``charset``); a BOM still wins.
    :param html: look for a ``<meta charset>`` declaration.
    :param clean: run :func:`~articlekit._textutil.clean_text` over the whole
        text.  The HTML parser passes False: character references can put
        control characters back anyway, so it cleans every string it takes from
        the parsed tree instead (and removes NUL characters itself).
    :raises ValidationError: *data* is neither str nor bytes.
    :raises ResourceLimitError: *data* is larger than ``limits.max_bytes``.
    :raises EncodingError: *data* is binary, or *encoding* is not a known encoding.
    :raises EmptyDocumentError: nothing but white space.
    """
    limits = limits or Limits()
    if isinstance(data, str):
        # A cheap upper bound first, the exact UTF-8 size only when it matters.
        if len(data) > limits.max_bytes // 4 and len(data.encode("utf-8", "surrogatepass")) > limits.max_bytes:
            raise _too_big(source, limits)
        text, enc, how = data, None, None
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > limits.max_bytes:
            raise _too_big(source, limits)
        text, enc, how = _decode_bytes(raw, source=source, encoding=encoding, html=html)
    else:
        raise ValidationError(f"{source} input must be str or bytes, got {type(data).__name__}")
    if "\x00" in text and text.count("\x00") > len(text) // 100 + 1:
        raise EncodingError("the input looks binary (NUL characters), not text", source=source)
    text = text.lstrip("\ufeff")
    if clean:
        text = clean_text(text)
    check_not_empty(text, source=source)
    return Decoded(text, enc, how)


def _too_big(source: str, limits: Limits) -> ResourceLimitError:
    return ResourceLimitError(
        f"the input is larger than Limits.max_bytes ({limits.max_bytes:,} bytes); "
        "pass limits=Limits(max_bytes=...) to accept it",
        source=source,
    )


def _decode_bytes(raw: bytes, *, source: str, encoding: str | None, html: bool) -> tuple[str, str, str]:
    bom = find_bom(raw)
    if bom is not None:
        name, size = bom
        return raw[size:].decode(name, "replace"), name, "bom"
    check_not_empty(raw, source=source)
    _check_binary(raw, source)
    if encoding is not None:
        declared = _codec(encoding)
        if declared is None:
            raise EncodingError(f"unknown encoding {encoding!r}", source=source)
        return raw.decode(declared, "replace"), declared, "declared"
    if html:
        meta = _sniff_meta(raw[:1024])
        if meta is not None:
            return raw.decode(meta, "replace"), meta, "meta"
    try:
        return raw.decode("utf-8"), "utf-8", "detected"
    except UnicodeDecodeError:
        pass  # not valid UTF-8: try mostly-UTF-8, then the detector
    repaired = _mostly_utf8(raw)
    if repaired is not None:
        return repaired, "utf-8", "detected"
    from charset_normalizer import from_bytes

    best = from_bytes(raw[: 1 << 18]).best()
    if best is not None and best.encoding:
        name = _codec(best.encoding) or "utf-8"
        return raw.decode(name, "replace"), name, "detected"
    return raw.decode("utf-8", "replace"), "utf-8", "default"
