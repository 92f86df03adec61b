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
"""

from __future__ import annotations

import codecs
import re

import attrs

from articlekit._errors import (
    EmptyDocumentError,
    EncodingError,
    ResourceLimitError,
    ValidationError,
)
from articlekit._limits import Limits
from articlekit._textutil import clean_text

__all__ = ["Decoded", "decode_input"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
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


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b") + b"\x7f"


def _check_binary(data: bytes, source: str) -> None:
    sample = data[: 1 << 16]
    if sample.count(0) > len(sample) // 100 + 1:
        raise EncodingError("the input looks binary (NUL bytes), not text", source=source)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) // 20 + 1:
        raise EncodingError("the input looks binary (control bytes), not text", source=source)


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
    if not text.strip():
        raise EmptyDocumentError("the document is empty" if not text else "the document is only white space", source=source)
    return Decoded(text, enc, how)


def _too_big(source: str, limits: Limits) -> ResourceLimitError:
    return ResourceLimitError(
        f"the input is larger than Limits.max_bytes ({limits.max_bytes:,} bytes); "
        "pass limits=Limits(max_bytes=...) to accept it",
        source=source,
    )


def _decode_bytes(raw: bytes, *, source: str, encoding: str | None, html: bool) -> tuple[str, str, str]:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(name, "replace"), name, "bom"
    if not raw.strip():
        raise EmptyDocumentError("the document is empty" if not raw else "the document is only white space", source=source)
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
        pass
    repaired = _mostly_utf8(raw)
    if repaired is not None:
        return repaired, "utf-8", "detected"
    from charset_normalizer import from_bytes

    best = from_bytes(raw[: 1 << 18]).best()
    if best is not None and best.encoding:
        name = _codec(best.encoding) or "utf-8"
        return raw.decode(name, "replace"), name, "detected"
    return raw.decode("utf-8", "replace"), "utf-8", "default"
