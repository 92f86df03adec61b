"""Reading the HTML pages out of WARC archives (the ``articlekit[warc]`` extra, warcio).

Each ``response`` record whose HTTP status is 2xx and whose ``Content-Type``
is HTML (``text/html``, ``application/xhtml+xml``) is one document, and so is
each ``resource`` record of an HTML type.  The record's ``WARC-Target-URI`` is
the article URL, the charset of the HTTP ``Content-Type`` header (if any) the
declared encoding, and ``archive.warc.gz#OFFSET`` its name (the byte offset of
the record, which ``warcio extract`` accepts).  Transfer and content encodings
(chunked, gzip) are undone by warcio.  Archives are read as a stream: memory
does not grow with the archive.
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterator
from typing import Any

from articlekit._batch import _Job
from articlekit._limits import Limits

__all__ = ["HTML_TYPES", "iter_warc"]

#: The media types read from archives.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_MISSING = (
    "reading WARC archives needs warcio: install the extra with pip install 'articlekit[warc]'"
)


def _known(charset: str) -> str | None:
    try:
        codecs.lookup(charset)
    except (LookupError, ValueError):
        return None  # an unknown label: let the page's own declaration decide
    return charset


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    kind, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = _known(value.strip().strip("\"'"))
    return kind.strip().lower(), charset


def _starts_like_warc(head: bytes) -> bool:
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _html_record(record: Any) -> tuple[bool, str | None]:
    """Whether *record* is an HTML page to parse, and its declared charset."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return False, None
        try:
            status = int((headers.get_statuscode() or "0").strip())
        except ValueError:
            return False, None
        if not 200 <= status < 300:
            return False, None
        kind, charset = _media_type(headers.get_header("Content-Type"))
    elif record.rec_type == "resource":
        kind, charset = _media_type(record.rec_headers.get_header("Content-Type"))
    else:
        return False, None
    return kind in HTML_TYPES, charset


def iter_warc(path: str, *, limits: Limits | None = None) -> Iterator[_Job]:
    """The HTML documents in the WARC archive at *path*, as batch jobs.

    An archive that cannot be read (missing warcio, a corrupt or truncated
    file) gives one failed job named after the archive; the records read
    before the problem are kept.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    except ImportError:
        yield _Job(path, error="ImportError", message=_MISSING)
        return
    max_bytes = (limits or Limits()).max_bytes
    try:
        with open(path, "rb") as stream:
            if not _starts_like_warc(stream.read(512)):
                yield _Job(path, error="WARCFormatError", message="not a WARC archive (no WARC/ header)")
                return
            stream.seek(0)
            records = ArchiveIterator(stream)
            for record in records:
                is_html, charset = _html_record(record)
                if not is_html:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                data = record.content_stream().read(max_bytes + 1)
                name = f"{path}#{records.get_record_offset()}"  # valid once the content is read
                if len(data) > max_bytes:
                    yield _Job(
                        name,
                        url=url,
                        error="ResourceLimitError",
                        message=f"the record is larger than Limits.max_bytes ({max_bytes:,} bytes)",
                    )
                    continue
                yield _Job(name, url=url, format="html", encoding=charset, data=data)
    except OSError as exc:
        yield _Job(path, error=type(exc).__name__, message=exc.strerror or str(exc))
    except Exception as exc:  # warcio's ArchiveLoadFailed, zlib and parsing errors
        yield _Job(path, error="WARCFormatError", message=f"cannot read the archive: {exc}")
