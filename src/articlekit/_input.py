"""Turning raw input (bytes or str) into clean text, before any parser sees it.

Order of decisions for bytes (the WHATWG order):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. the encoding the caller declared (``encoding=``, e.g. from an HTTP header);
3. for HTML, a ``<meta charset>`` or ``http-equiv`` declaration in the first
   1024 bytes -- unless it names a single-byte code page (windows-1252,
   ISO-8859-x ...) and the bytes are valid UTF-8 holding multi-byte characters:
   those are UTF-8 (the header a server sent said so), read as such with a warning;

   only WHATWG encoding labels count in 2 and 3 (:data:`ENCODING_LABELS`; a caller
   may also name UTF-32): anything else (``rot13``, ``base64``, ``utf-32`` or EBCDIC
   in a page) is ignored, with a warning in :attr:`Decoded.warnings`;
4. UTF-8, when the bytes are valid UTF-8, or when valid multi-byte sequences
   outnumber broken ones at least two to one (the broken ones become U+FFFD);
5. a detector (charset-normalizer) for the script; when it sees Latin-script
   text, the WHATWG fallback windows-1252, unless the letters the bytes make
   read far better as Central European windows-1250 (``ł``, ``ř``, ``ě`` ...
   rather than ``³``, ``ø``, ``ì``); a tie is windows-1252;
6. UTF-8 with replacement characters.

Steps 4 (when sequences were broken), 5 and 6 are guesses: each adds a warning
to :attr:`Decoded.warnings` (the parsers copy it to ``Article.warnings``).

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

Before any of that, :func:`read_source` turns a path (:class:`os.PathLike`) or a
binary file object into bytes, reading at most ``Limits.max_bytes + 1`` of them and
refusing anything that is not a regular file (a FIFO would block forever), and
:func:`name_hint` notices a ``str`` that is one line naming an existing file or a
URL: it is parsed as the text it is, with a warning.

>>> find_bom(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
('utf-16-le', 2)
>>> binary_reason(bytes(100)), binary_reason(b"plain text")
('NUL bytes', None)
>>> EXTENSIONS[".md"], MEDIA_TYPES["text/html"], FORMAT_NAMES["txt"]
('markdown', 'html', 'text')
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from typing import Literal

import attrs

from articlekit._errors import (
    EmptyDocumentError,
    EncodingError,
    ParseError,
    ResourceLimitError,
    ValidationError,
)
from articlekit._limits import Limits
from articlekit._model import SourceFormat
from articlekit._textutil import clean_text

__all__ = [
    "BINARY_SIGNATURES",
    "BOMS",
    "ENCODING_LABELS",
    "EXTENSIONS",
    "FORMAT_NAMES",
    "INPUT_FORMATS",
    "MEDIA_TYPES",
    "Decoded",
    "binary_reason",
    "check_flags",
    "check_not_empty",
    "check_url_argument",
    "decode_input",
    "encoding_for_label",
    "find_bom",
    "has_binary_signature",
    "name_hint",
    "read_source",
    "special_file",
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
    warnings: tuple[str, ...] = ()


# The WHATWG Encoding Standard's labels, by the Python codec that decodes each encoding
# (windows-1252 for the latin-1 and ASCII labels, GB18030 for GBK, windows-31j for
# Shift_JIS, as browsers do).  The "replacement" labels (ISO-2022-KR/CN, HZ) are left out:
# they name no usable decoder, so they are ignored like any other unknown label.
_WHATWG: dict[str, str] = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
    "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
    "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
    "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
    "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252 x-user-defined",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
    "latin5 windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
    "ksc_5601 windows-949",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
}
#: Every WHATWG encoding label (lower case) and the Python codec that decodes it.
ENCODING_LABELS: dict[str, str] = {label: codec for codec, labels in _WHATWG.items() for label in labels.split()}
# A caller (not a page) may also declare UTF-32, which only a program writes.
_CALLER_LABELS: dict[str, str] = {
    **ENCODING_LABELS,
    "utf-32": "utf-32",
    "utf-32le": "utf-32-le",
    "utf-32be": "utf-32-be",
    "utf-32-le": "utf-32-le",
    "utf-32-be": "utf-32-be",
}


def encoding_for_label(label: str, *, caller: bool = False) -> str | None:
    """The Python codec for a WHATWG encoding *label* (white space and case ignored), or None.

    Only encoding labels count: codec names that are not text encodings (``rot13``,
    ``base64``, ``zlib``, ``idna``), EBCDIC and UTF-32 labels on a page give None.  With
    *caller* (an encoding the program declares, not the page), UTF-32 labels count too.

    >>> encoding_for_label(" Shift_JIS "), encoding_for_label("rot13"), encoding_for_label("utf-32")
    ('cp932', None, None)
    """
    return (_CALLER_LABELS if caller else ENCODING_LABELS).get(label.strip(" \t\n\f\r").lower())


def _ignored(label: str, where: str) -> str:
    return f"the {where} {label[:60]!r} is not an encoding label and was ignored"


def _text_codec(name: str) -> str | None:
    """The Python codec named *name* when it is a text encoding (a detector's answer)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _sniff_meta(head: bytes, warnings: list[str]) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace")
    name = encoding_for_label(label)
    if name is None:
        warnings.append(_ignored(label, "page's declared charset"))
        return None
    # A page that declares UTF-16 but was read as ASCII-compatible bytes is UTF-8
    # (WHATWG: a meta declaration of utf-16 means utf-8).
    if name.startswith("utf-16"):
        return "utf-8"
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


#: Single-byte encodings a page may declare by mistake for UTF-8 bytes (a server's header
#: said UTF-8, the template's ``<meta>`` says Latin-1): the code pages among the codecs of
#: :data:`ENCODING_LABELS`.
_SINGLE_BYTE = frozenset(
    codec for codec in ENCODING_LABELS.values() if codec.startswith(("cp12", "cp8", "iso8859-", "koi8-", "mac-"))
)
_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _utf8_despite(raw: bytes, declared: str) -> bool:
    """Whether bytes a page declares *declared* (a single-byte code page) are UTF-8 after all.

    Text in a single-byte code page that uses its upper half is almost never valid UTF-8
    (its accented letters would have to come in exactly the pairs and triples UTF-8 forms),
    so valid UTF-8 holding a multi-byte sequence is UTF-8 whatever the template declares.
    """
    if declared not in _SINGLE_BYTE or _MULTIBYTE.search(raw) is None:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
    :raises EncodingError: *data* is binary.
    :raises EmptyDocumentError: nothing but white space.
    """
    if limits is None:
        limits = Limits()
    elif not isinstance(limits, Limits):
        raise ValidationError(f"{source} parser: limits must be a Limits or None, got {type(limits).__name__}")
    warnings: list[str] = []
    if encoding is not None and not isinstance(encoding, str):
        raise ValidationError(f"{source} parser: encoding must be a str or None, got {type(encoding).__name__}")
    if isinstance(data, str):
        # A cheap upper bound first, the exact UTF-8 size only when it matters.
        if len(data) > limits.max_bytes // 4 and len(data.encode("utf-8", "surrogatepass")) > limits.max_bytes:
            raise _too_big(source, limits)
        text, enc, how = data, None, None
        hint = name_hint(data)
        if hint is not None:
            warnings.append(hint)
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > limits.max_bytes:
            raise _too_big(source, limits)
        text, enc, how = _decode_bytes(raw, source=source, encoding=encoding, html=html, warnings=warnings)
    else:
        raise ValidationError(f"{source} input must be str or bytes, got {type(data).__name__}")
    if "\x00" in text and text.count("\x00") > len(text) // 100 + 1:
        raise EncodingError("the input looks binary (NUL characters), not text", source=source)
    text = text.lstrip("\ufeff")
    if clean:
        text = clean_text(text)
    check_not_empty(text, source=source)
    return Decoded(text, enc, how, tuple(warnings))


def check_url_argument(url: object, *, source: str) -> None:
    """Raise :class:`~articlekit.ValidationError` unless *url* (a parser's ``url=``) is a str or None."""
    if url is not None and not isinstance(url, str):
        raise ValidationError(f"{source} parser: url must be a str or None, got {type(url).__name__}")


def check_flags(source: str, **flags: object) -> None:
    """Raise :class:`~articlekit.ValidationError` unless each of *flags* (``quotes=``,
    ``comments=`` ...) is a bool: ``quotes="no"`` would otherwise mean yes."""
    for name, value in flags.items():
        if not isinstance(value, bool):
            raise ValidationError(f"{source}: {name} must be True or False, got {value!r:.40}")


def _too_big(source: str, limits: Limits) -> ResourceLimitError:
    return ResourceLimitError(
        f"the input is larger than Limits.max_bytes ({limits.max_bytes:,} bytes); "
        "pass limits=Limits(max_bytes=...) to accept it",
        source=source,
    )


# --------------------------------------------------------------------------- paths and file objects

_HINT_MAX = 4096


def name_hint(text: str, *, urls: bool = False) -> str | None:
    """The warning for a ``str`` input that is one line naming an existing file (or, with
    *urls*, one that is an ``http``/``https`` URL), else None.

    Such a string is parsed as the text it is (a one-line article); the warning says how
    to parse what it names instead.  Only the file system is asked (never the network).
    :func:`articlekit.parse` asks about URLs too; the format parsers only about files (a
    Markdown document may well be one link).

    >>> name_hint("https://example.org/news/1", urls=True)
    "the input is a URL, parsed as text; did you mean articlekit.parse_url('https://example.org/news/1')?"
    >>> name_hint("Two words.") is None
    True
    """
    candidate = text.strip()
    if not candidate or len(candidate) > _HINT_MAX or "\n" in candidate or "\x00" in candidate:
        return None
    if re.fullmatch(r"https?://[^\s/?#]+[^\s]*", candidate, re.IGNORECASE):
        if not urls:
            return None
        return f"the input is a URL, parsed as text; did you mean articlekit.parse_url({candidate!r})?"
    try:
        is_file = os.path.isfile(candidate)
    except (OSError, ValueError):
        is_file = False
    if is_file:
        return f"the input names a file, parsed as text; did you mean articlekit.parse_file({candidate!r})?"
    return None


def special_file(mode: int) -> str | None:
    """What a file of *mode* is when it is a named pipe, a socket or a device (reading it
    could block or never end), in words; None for a regular file, a folder or a link."""
    for test, what in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return what
    return None


def _describe_mode(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    return special_file(mode) or "not a regular file"


def read_path(path: str, *, limit: int) -> bytes:
    """The bytes of the regular file at *path*: at most *limit* + 1 of them.

    :raises ParseError: the file cannot be read, or is not a regular file (a folder,
        a FIFO, a socket, a device: reading a FIFO would block until a writer comes).
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as exc:
        raise ParseError(f"cannot read {path!r}: {getattr(exc, 'strerror', None) or exc}") from None
    if not stat.S_ISREG(mode):  # checked again on the open file below
        raise ParseError(f"cannot read {path!r}: it is {_describe_mode(mode)}, not a regular file")
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not block; a regular file ignores it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ParseError(f"cannot read {path!r}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ParseError(f"cannot read {path!r}: it is {_describe_mode(mode)}, not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ParseError(f"cannot read {path!r}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_source(data: object, *, source: str, limits: Limits) -> str | bytes | bytearray | memoryview:
    """*data* as text or bytes: a path (:class:`os.PathLike`) or a file object (with ``read``)
    is read, at most ``limits.max_bytes + 1`` bytes of it (the size check follows); str and
    bytes are returned as they are.  A ``str`` is never taken for a path here: pass
    :class:`pathlib.Path` or use :func:`articlekit.parse_file`.

    :raises ValidationError: *data* is none of these.
    :raises ParseError: the file cannot be read, or is not a regular file.
    """
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        return data
    if isinstance(data, os.PathLike):
        path = os.fspath(data)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return read_path(path, limit=limits.max_bytes)
    read = getattr(data, "read", None)
    if callable(read):
        try:
            chunk = read(limits.max_bytes + 1)
        except OSError as exc:
            raise ParseError(f"cannot read the file object: {exc.strerror or exc}", source=source) from None
        if isinstance(chunk, (str, bytes, bytearray, memoryview)):
            return chunk
        raise ValidationError(f"{source} input: the file object's read() gave {type(chunk).__name__}, not bytes or str")
    what = "the input" if source == "input" else f"{source} input"
    raise ValidationError(
        f"{what} must be str, bytes, a path (os.PathLike) or a binary file object, got {type(data).__name__}"
    )


def _decode_bytes(
    raw: bytes, *, source: str, encoding: str | None, html: bool, warnings: list[str]
) -> tuple[str, str, str]:
    bom = find_bom(raw)
    if bom is not None:
        name, size = bom
        return raw[size:].decode(name, "replace"), name, "bom"
    check_not_empty(raw, source=source)
    declared = None if encoding is None else encoding_for_label(encoding, caller=True)
    if encoding is not None and declared is None:
        warnings.append(_ignored(encoding, "declared encoding"))
    if declared is not None and declared.startswith("utf-"):
        # UTF-16 and UTF-32 without a byte-order mark are full of NUL bytes: the caller's
        # word is taken for them, and the binary test runs on the decoded text instead.
        return raw.decode(declared, "replace"), declared, "declared"
    _check_binary(raw, source)
    if declared is not None:
        return raw.decode(declared, "replace"), declared, "declared"
    if html:
        meta = _sniff_meta(raw[:1024], warnings)
        if meta is not None and _utf8_despite(raw, meta):
            warnings.append(
                f"the page declares {_LABELS.get(meta, meta)}, but its bytes are valid UTF-8 holding multi-byte "
                "characters, as a server's UTF-8 header would have said: read as UTF-8"
            )
            return raw.decode("utf-8"), "utf-8", "detected"
        if meta is not None:
            return raw.decode(meta, "replace"), meta, "meta"
    try:
        return raw.decode("utf-8"), "utf-8", "detected"
    except UnicodeDecodeError:
        pass  # not valid UTF-8: try mostly-UTF-8, then the detector
    repaired = _mostly_utf8(raw)
    if repaired is not None:
        warnings.append(_guessed("utf-8", "mostly valid UTF-8; the broken bytes became U+FFFD"))
        return repaired, "utf-8", "detected"
    name, why = _detect(raw)
    warnings.append(_guessed(name, why))
    return raw.decode(name, "replace"), name, "detected"


def _guessed(name: str, why: str) -> str:
    return f"no encoding was declared and the bytes are not valid UTF-8; guessed {_LABELS.get(name, name)} ({why})"


#: The names the warnings give codecs (the WHATWG labels).
_LABELS = {"cp1252": "windows-1252", "cp1250": "windows-1250", "cp1251": "windows-1251", "cp932": "Shift_JIS"}

#: The detector's answers that mean "Latin-script text in a single-byte code page".
_LATIN_FAMILY = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4",
        "iso8859-9", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "mac-latin2",
        "mac-roman", "mac-iceland", "mac-turkish", "cp437", "cp850", "cp852", "cp858", "cp775", "ascii",
    }
)  # fmt: skip

# How often each letter a differing byte makes turns up in text of the languages each
# code page serves (a rough per-mille scale; anything absent counts as 0.05).  Only the
# bytes that windows-1252 and windows-1250 read differently matter.
_WESTERN_WEIGHTS = {
    "à": 8, "è": 6, "ì": 2, "ò": 3, "ù": 2, "ø": 3, "æ": 2, "å": 4, "ê": 4, "ñ": 5, "ã": 4, "õ": 2,
    "û": 1, "œ": 1, "ð": 1, "À": 1, "È": 1, "Å": 1, "Ø": 1, "Ñ": 1, "Æ": 0.5, "ª": 0.5, "º": 1,
    "¿": 0.5, "¡": 0.5, "«": 1, "»": 1, "£": 0.5, "¥": 0.2, "¼": 0.1, "½": 0.2,
}  # fmt: skip
_CENTRAL_WEIGHTS = {
    "č": 6, "ě": 6, "ř": 5, "ů": 3, "ň": 2, "ť": 1, "ď": 1, "ľ": 2, "ĺ": 0.2, "ŕ": 0.2, "ć": 3,
    "ę": 5, "ł": 6, "ą": 5, "ń": 3, "ż": 4, "ś": 3, "ź": 2, "ă": 4, "ő": 3, "ű": 2, "đ": 1,
    "Č": 1, "Ř": 1, "Ł": 1, "Ś": 0.5, "Ż": 0.5, "Ą": 0.2, "Ę": 0.2, "Ľ": 0.2, "Đ": 0.2, "ţ": 2, "ş": 2,
}  # fmt: skip
_DIFFERING = bytes(
    b for b in range(0x80, 0x100)
    if bytes([b]).decode("cp1252", "replace") != bytes([b]).decode("cp1250", "replace")
)


def _latin_score(raw: bytes, codec: str, weights: dict[str, float]) -> float:
    import math

    counts: dict[int, int] = {}
    for byte in raw:
        if byte in _DIFFERING:
            counts[byte] = counts.get(byte, 0) + 1
    return sum(n * math.log(weights.get(bytes([b]).decode(codec, "replace"), 0.05)) for b, n in counts.items())


def _detect(raw: bytes) -> tuple[str, str]:
    """The guessed codec of bytes that are not UTF-8, and why (for the warning)."""
    sample = raw[: 1 << 18]
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    name = _text_codec(best.encoding) if best is not None and best.encoding else None
    if name is None:
        return "cp1252", "the WHATWG fallback; the detector found nothing"
    if name not in _LATIN_FAMILY:
        return name, "from the byte patterns"
    western = _latin_score(sample, "cp1252", _WESTERN_WEIGHTS)
    central = _latin_score(sample, "cp1250", _CENTRAL_WEIGHTS)
    if central > western + 2.0:
        return "cp1250", "Latin-script text whose letters read as Central European"
    return "cp1252", "the WHATWG fallback for Latin-script text"
