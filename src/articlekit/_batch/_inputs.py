"""The inputs of a batch run: paths, folders, globs, WARC archives and Documents, as jobs.

In order: each input becomes jobs (:func:`iter_jobs`): a file is one job, a folder is
walked recursively in sorted order (hidden entries and symbolic links to folders skipped;
a named pipe, socket, device or broken symbolic link becomes a failed job, never read),
a glob is expanded lazily by the same walk (so ``**`` never follows a symbolic link into
a loop), a WARC
archive gives one job per HTML response record (the ``articlekit[warc]`` extra, warcio;
read as a stream, so memory does not grow with the archive: the record's
``WARC-Target-URI`` is the article URL, the charset of its HTTP ``Content-Type`` the
declared encoding, ``archive.warc.gz#OFFSET`` its name), and a :class:`Document` is one
job as it is.  A job's bytes are read when a worker takes it (:func:`read_job`): gzip is
undone within ``Limits.max_bytes``, and binary or empty content is refused there.
An input that cannot be read becomes a failed job, never an exception.
"""

from __future__ import annotations

import codecs
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from articlekit._errors import (
    EncodingError,
    ResourceLimitError,
    ValidationError,
)
from articlekit._input import (
    EXTENSIONS,
    INPUT_FORMATS,
    binary_reason,
    check_not_empty,
    find_bom,
    has_binary_signature,
    read_path,
    special_file,
)
from articlekit._limits import Limits

__all__ = ["HTML_TYPES", "Document", "is_warc", "iter_documents", "iter_warc"]

_GLOB_CHARS = frozenset("*?[")


@attrs.frozen
class Document:
    """One document given as bytes (or text) rather than a path.

    :param name: how results and error messages refer to it.
    :param data: its content.
    :param url: the page's URL, if known (becomes :attr:`Article.url`).
    :param format: ``"html"``, ``"markdown"``, ``"text"``, ``"json"`` or
        ``None`` for the batch's format.
    :param encoding: the charset the document declares out of band (an HTTP
        ``Content-Type``), if any.
    """

    name: str = attrs.field(validator=lambda o, a, v: _check(a, v, str))
    data: bytes | str = attrs.field(validator=lambda o, a, v: _check(a, v, (bytes, str)))
    url: str | None = attrs.field(default=None, validator=lambda o, a, v: _check(a, v, (str, type(None))))
    format: str | None = attrs.field(default=None, validator=lambda o, a, v: _check_format(v))
    encoding: str | None = attrs.field(default=None, validator=lambda o, a, v: _check(a, v, (str, type(None))))


def _check(attribute: attrs.Attribute[Any], value: object, kinds: type | tuple[type, ...]) -> None:
    if not isinstance(value, kinds):
        raise ValidationError(f"Document.{attribute.name}: got {type(value).__name__}")


def _check_format(value: object) -> None:
    if value is not None and value not in INPUT_FORMATS:
        raise ValidationError(f"Document.format: expected one of {', '.join(INPUT_FORMATS)} or None, got {value!r}")


@attrs.frozen
class _Job:
    """A unit of work: read *path* (or take *data*) and parse it."""

    name: str
    url: str | None = None
    format: str | None = None
    encoding: str | None = None
    path: str | None = None
    data: bytes | str | None = None
    error: str | None = None
    message: str | None = None


# --------------------------------------------------------------------------- inputs


def _failed(name: str, exc: BaseException | str, kind: str | None = None) -> _Job:
    if isinstance(exc, BaseException):
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _Job(name, error=kind or type(exc).__name__, message=message)
    return _Job(name, error=kind or "OSError", message=exc)


def is_warc(path: str) -> bool:
    """Whether *path* names a WARC archive (``.warc`` or ``.warc.gz``)."""
    lower = path.lower()
    return lower.endswith((".warc", ".warc.gz"))


def _file_jobs(path: str, limits: Limits | None) -> Iterator[_Job]:
    if is_warc(path):

        yield from iter_warc(path, limits=limits)
    else:
        yield _Job(path, path=path)


def _listing(path: str) -> list[os.DirEntry[str]]:
    with os.scandir(path) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)


def _not_a_file(entry: os.DirEntry[str]) -> str | None:
    """Why a folder entry that is neither a folder nor a regular file is skipped, or None."""
    try:
        mode = entry.stat(follow_symlinks=True).st_mode
    except FileNotFoundError:
        return "a broken symbolic link (its target does not exist)" if entry.is_symlink() else None
    except OSError as exc:
        return exc.strerror or str(exc)
    return special_file(mode)


def _loops(link: str) -> bool:
    """Whether the symbolic link *link* points at a folder that holds the link itself."""
    try:
        target = os.path.realpath(link)
        here = os.path.realpath(os.path.dirname(link) or ".")
    except (OSError, ValueError):
        return False
    return here == target or here.startswith(target.rstrip(os.sep) + os.sep)


def _walk(top: str, limits: Limits | None, match: re.Pattern[str] | None = None) -> Iterator[_Job]:
    """Files under *top*, depth first, in sorted path order; hidden entries and
    symbolic links to folders are skipped (so no loop is ever entered; a link that
    loops back to a folder holding it is reported); entries that are not regular
    files (named pipes, sockets, devices, broken links) are reported.
    Iterative: any depth is fine.  With *match*, only paths it matches in full are
    taken, and a folder it matches is taken whole."""
    try:
        stack = [iter(_listing(top))]
    except OSError as exc:
        yield _failed(top, exc)
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if match is not None and match.fullmatch(entry.path):
                    yield from _walk(entry.path, limits)
                else:
                    stack.append(iter(_listing(entry.path)))
            elif match is not None and not match.fullmatch(entry.path):
                continue
            elif entry.is_file():
                yield from _file_jobs(entry.path, limits)
            elif entry.is_dir():  # a symbolic link to a folder: never followed
                if _loops(entry.path):
                    yield _Job(
                        entry.path,
                        error="NotARegularFile",
                        message="a symbolic link to a folder that holds it (a loop): not followed",
                    )
            else:
                why = _not_a_file(entry)
                if why is not None:
                    yield _Job(entry.path, error="NotARegularFile", message=f"{why}: not read")
        except OSError as exc:
            yield _failed(entry.path, exc)


def _segment(part: str) -> str:
    """A regular expression for one path segment of a glob pattern (no ``/`` crossed)."""
    out: list[str] = [] if part.startswith(".") else [r"(?!\.)"]
    i = 0
    while i < len(part):
        c = part[i]
        i += 1
        if c == "*":
            out.append(r"[^/]*")
        elif c == "?":
            out.append(r"[^/]")
        elif c == "[":
            j = part.find("]", i + 1 if i < len(part) and part[i] in "!]" else i)
            if j < 0:
                out.append(r"\[")
                continue
            body = part[i:j]
            i = j + 1
            negate = body.startswith("!")
            body = body[1:] if negate else body
            out.append("[" + ("^/" if negate else "") + body.replace("\\", "\\\\") + "]")
        else:
            out.append(re.escape(c))
    return "".join(out)


def _glob_regex(pattern: str) -> tuple[str, re.Pattern[str]]:
    """The folder to walk for a glob *pattern* (its part before the first wildcard) and a
    regular expression for the paths the walk gives that it matches (``**`` is any number
    of folders; ``*``, ``?`` and ``[...]`` do not cross ``/`` or match a leading dot)."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed: list[str] = []
    for part in parts:
        if _GLOB_CHARS.intersection(part):
            break
        fixed.append(part)
    rest = parts[len(fixed) :]
    root = "/".join(fixed) if fixed else "."
    regex = re.escape("/".join(fixed)) + "/" if fixed else r"\./"
    if fixed == [""]:  # an absolute pattern: "/**/x"
        root, regex = "/", "/"
    for index, part in enumerate(rest):
        last = index == len(rest) - 1
        if part == "**":
            regex += r"(?:(?!\.)[^/]+/)*" if not last else r"(?:(?!\.)[^/]+(?:/|$))*"
        else:
            regex += _segment(part) + ("" if last else "/")
    return root, re.compile(regex, re.DOTALL)


def _glob(pattern: str, limits: Limits | None) -> Iterator[_Job]:
    """The jobs for the files a glob *pattern* matches, found lazily by the sorted walk."""
    root, match = _glob_regex(pattern)
    if not os.path.isdir(root):
        return
    for job in _walk(root, limits, match):
        if root == "." and job.name.startswith("./") and not pattern.startswith("./"):
            job = attrs.evolve(job, name=job.name[2:], path=job.path[2:] if job.path else None)
        yield job


def _jobs(inputs: Iterable[str | os.PathLike[str] | Document | _Job], limits: Limits | None) -> Iterator[_Job]:
    for item in inputs:
        if isinstance(item, _Job):  # already made (the command line's fetched URLs)
            yield item
            continue
        if isinstance(item, Document):
            yield _Job(item.name, url=item.url, format=item.format, encoding=item.encoding, data=item.data)
            continue
        try:
            name = os.fsdecode(os.fspath(item))
        except TypeError:
            yield _Job(repr(item), error="ValidationError", message=f"not a path or a Document: {type(item).__name__}")
            continue
        if os.path.isdir(name):
            yield from _walk(name, limits)
        elif os.path.exists(name):
            yield from _file_jobs(name, limits)
        elif os.path.lexists(name):
            yield _Job(name, error="NotARegularFile", message="a broken symbolic link (its target does not exist): not read")
        elif _GLOB_CHARS.intersection(name):
            matched = False
            for job in _glob(name, limits):
                matched = True
                yield job
            if not matched:
                yield _Job(name, error="FileNotFoundError", message="no file matches this pattern")
        else:
            yield _Job(name, error="FileNotFoundError", message="no such file or directory")


def iter_documents(
    inputs: Iterable[str | os.PathLike[str] | Document], *, limits: Limits | None = None
) -> Iterator[str]:
    """The names of the documents :func:`parse_many` would parse for *inputs*, in order.

    Folders and globs are expanded; each WARC record is one document.  Names
    of inputs that cannot be read are included (they give errors in a run).
    """
    for job in _jobs(inputs, limits):
        yield job.name


# --------------------------------------------------------------------------- one document


def _format_for(job: _Job, default: str) -> str:
    if job.format is not None:
        return job.format
    if default != "auto":
        return default
    name = job.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return EXTENSIONS.get(os.path.splitext(name)[1], "auto")


def _gunzip(data: bytes, limit: int) -> bytes:
    """Every member of a gzip file, joined (as ``gzip -d`` does), at most *limit* bytes."""
    parts: list[bytes] = []
    size = 0
    rest = data
    while True:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = inflater.decompress(rest, limit + 1 - size)
        except zlib.error as exc:
            raise EncodingError(f"not a valid gzip file ({exc})") from None
        size += len(out)
        parts.append(out)
        if size > limit or inflater.unconsumed_tail:
            raise ResourceLimitError(
                f"the file decompresses to more than Limits.max_bytes ({limit:,} bytes)"
            )
        rest = inflater.unused_data
        if not inflater.eof or not rest.strip(b"\x00"):
            break  # a truncated last member, or the end (trailing zero padding is allowed)
    return b"".join(parts)


def _read(job: _Job, limits: Limits) -> bytes | str:
    if job.data is not None:
        if len(job.data) > limits.max_bytes:
            raise ResourceLimitError(f"the input is larger than Limits.max_bytes ({limits.max_bytes:,} bytes)")
        return job.data
    assert job.path is not None
    data = read_path(job.path, limit=limits.max_bytes)  # a regular file only: a FIFO never blocks a worker
    if len(data) > limits.max_bytes:
        raise ResourceLimitError(
            f"the file is larger than Limits.max_bytes ({limits.max_bytes:,} bytes); "
            "pass limits=Limits(max_bytes=...) to accept it"
        )
    if job.path.lower().endswith(".gz"):
        data = _gunzip(data, limits.max_bytes)
    return data


def _check_content(data: bytes | str) -> None:
    """Refuse empty input and input that is clearly not text (before any parser runs).

    The checks are :mod:`articlekit._input`'s; bytes with a byte-order mark are text.
    """
    check_not_empty(data)
    if isinstance(data, bytes) and find_bom(data) is None:
        if has_binary_signature(data):
            raise EncodingError("the file is binary (an image, PDF, archive or compressed file), not text")
        if binary_reason(data) is not None:
            raise EncodingError("the file looks binary (NUL and control bytes), not text")


# --------------------------------------------------------------------------- WARC archives


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
