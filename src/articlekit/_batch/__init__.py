"""Parse many documents: :func:`parse_many`, the engine behind ``articlekit batch``.

Inputs are file paths, folders (walked recursively, in sorted order, hidden
entries skipped), glob patterns (``"pages/**/*.html"``), WARC archives
(``.warc`` / ``.warc.gz``: their HTML responses, with the target URI as the
article URL; needs the ``articlekit[warc]`` extra) and :class:`Document`
objects holding bytes you already have.

Each document is parsed in a worker process that runs under a wall-clock time
limit and an address-space limit (``RLIMIT_AS``) and is replaced after
``max_tasks_per_child`` documents.  A document that fails -- a parse error,
empty or binary content, a time or memory limit, even a worker that crashes --
gives a :class:`BatchResult` with ``error`` set; the run goes on.

Results come out as an iterator, in the order of the inputs, whatever order the
workers finish in; at most a few documents per worker are held in memory at
any time, so a run over millions of pages uses the same memory as one over a
thousand.

>>> from articlekit import Article, to_json
>>> from articlekit._batch import Document, parse_many
>>> docs = [Document("a.json", to_json(Article(title="A")).encode()), Document("b.json", b"")]
>>> for result in parse_many(docs, jobs=0):
...     print(result.name, result.article.title if result.ok else result.error)
a.json A
b.json EmptyDocumentError
"""

from __future__ import annotations

import glob
import json
import multiprocessing
import os
import signal
import time
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

import attrs

from articlekit._errors import (
    ArticleKitError,
    EncodingError,
    ResourceLimitError,
    UnknownFormatError,
    ValidationError,
)
from articlekit._input import (
    EXTENSIONS,
    INPUT_FORMATS,
    binary_reason,
    check_not_empty,
    find_bom,
    has_binary_signature,
)
from articlekit._limits import Limits
from articlekit._model import Article

__all__ = [
    "DEFAULT_MAX_TASKS_PER_CHILD",
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_TIMEOUT",
    "BatchResult",
    "Document",
    "Parser",
    "error_line",
    "is_warc",
    "iter_documents",
    "parse_document",
    "parse_many",
    "result_line",
]

#: Seconds one document may take before its worker is stopped.
DEFAULT_TIMEOUT = 60.0
#: Bytes of address space a worker process may use (``RLIMIT_AS``; POSIX only).
DEFAULT_MEMORY_LIMIT = 2 * 1024**3
#: Documents a worker process parses before it is replaced by a fresh one.
DEFAULT_MAX_TASKS_PER_CHILD = 500

#: A parse function: ``(data, *, format, url, quotes, limits) -> Article``
#: (:func:`articlekit.parse` has this shape); it is also given ``encoding=``
#: when the input declares its charset (a WARC record's HTTP header, or
#: :attr:`Document.encoding`).
Parser = Callable[..., Article]

_GLOB_CHARS = frozenset("*?[")
_WINDOW_PER_PROCESS = 16


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
class BatchResult:
    """What became of one document of a batch.

    Exactly one of ``article`` / ``output`` (on success) or ``error`` (on
    failure) is set: ``output`` instead of ``article`` when :func:`parse_many`
    was given ``to=``.

    :param index: the document's position in the run (0, 1, 2 ...).
    :param name: the input name: a path, or ``archive.warc.gz#OFFSET`` for a
        WARC record (the byte offset of the record in the archive).
    :param url: the document's URL when known (WARC target URI).
    :param error: on failure, the kind of error: the exception class name
        (``"EmptyDocumentError"``, ``"ResourceLimitError"`` for time and
        memory limits, ``"OSError"`` ...) or ``"WorkerCrash"``.
    :param message: on failure, what went wrong, in words.
    """

    index: int
    name: str
    url: str | None = None
    article: Article | None = None
    output: str | None = None
    error: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was parsed."""
        return self.error is None

    def to_line(self, to: str = "json") -> str:
        """The JSON line ``articlekit batch`` writes for this parsed document (no newline).

        ``{"input": NAME, "url": URL, "article": {...}}`` for ``to="json"``, else
        ``{"input": NAME, "url": URL, "format": TO, "content": "..."}``.  The result must
        come from :func:`~articlekit.parse_many` called with the same ``to=``.

        >>> from articlekit import BatchResult
        >>> BatchResult(0, "a.md", None, output="# Hi").to_line("markdown")
        '{"input": "a.md", "url": null, "format": "markdown", "content": "# Hi"}'

        :raises ValidationError: the document failed, or holds no serialised output.
        """
        return result_line(self, to)

    def to_error_line(self) -> str:
        """The JSON line ``articlekit batch --errors`` writes for this failed document.

        >>> from articlekit import BatchResult
        >>> BatchResult(3, "x.html", None, error="EmptyDocumentError", message="empty").to_error_line()
        '{"input": "x.html", "url": null, "error": "EmptyDocumentError", "message": "empty"}'
        """
        return error_line(self)


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


@attrs.frozen
class _Options:
    parser: Parser | None
    format: str
    quotes: bool
    limits: Limits | None
    to: str | None
    memory_limit: int | None


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
        from articlekit._batch._warc import iter_warc

        yield from iter_warc(path, limits=limits)
    else:
        yield _Job(path, path=path)


def _listing(path: str) -> list[os.DirEntry[str]]:
    with os.scandir(path) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)


def _walk(top: str, limits: Limits | None) -> Iterator[_Job]:
    """Files under *top*, depth first, in sorted path order; hidden entries and
    symbolic links to folders are skipped.  Iterative: any depth is fine."""
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
                stack.append(iter(_listing(entry.path)))
            elif entry.is_file():
                yield from _file_jobs(entry.path, limits)
        except OSError as exc:
            yield _failed(entry.path, exc)


def _jobs(inputs: Iterable[str | os.PathLike[str] | Document], limits: Limits | None) -> Iterator[_Job]:
    for item in inputs:
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
        elif _GLOB_CHARS.intersection(name):
            matches = sorted(glob.iglob(name, recursive=True))
            if not matches:
                yield _Job(name, error="FileNotFoundError", message="no file matches this pattern")
            for match in matches:
                yield from (_walk(match, limits) if os.path.isdir(match) else _file_jobs(match, limits))
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
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise EncodingError(f"not a valid gzip file ({exc})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise ResourceLimitError(
            f"the file decompresses to more than Limits.max_bytes ({limit:,} bytes)"
        )
    return out


def _read(job: _Job, limits: Limits) -> bytes | str:
    if job.data is not None:
        if len(job.data) > limits.max_bytes:
            raise ResourceLimitError(f"the input is larger than Limits.max_bytes ({limits.max_bytes:,} bytes)")
        return job.data
    assert job.path is not None
    with open(job.path, "rb") as handle:
        data = handle.read(limits.max_bytes + 1)
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


def parse_document(
    data: bytes | str,
    *,
    format: str = "auto",
    url: str | None = None,
    quotes: bool = True,
    limits: Limits | None = None,
    encoding: str | None = None,
) -> Article:
    """Parse one document the way :func:`parse_many` does by default.

    This is :func:`articlekit.parse`, except that HTML with a declared
    *encoding* (an HTTP charset) goes to :func:`articlekit.parse_html` with it.

    >>> from articlekit._batch import parse_document
    >>> parse_document(b"<html><title>Hi</title><p>Hello there, reader.</p></html>", format="html").title
    'Hi'

    :raises ParseError: the document could not be parsed.
    :raises UnknownFormatError: *format* is not one of ``INPUT_FORMATS``.
    """
    if format not in INPUT_FORMATS:
        raise UnknownFormatError(f"unknown input format {format!r}; available: {', '.join(INPUT_FORMATS)}")
    if format == "html" and encoding is not None:
        from articlekit._parsers.html import parse_html

        return parse_html(data, url=url, encoding=encoding, quotes=quotes, limits=limits)
    from articlekit._parsers.auto import parse

    return parse(data, format=format, url=url, quotes=quotes, limits=limits)


def _run(job: _Job, options: _Options) -> tuple[Article | None, str | None, str | None, str | None]:
    """Parse *job*: ``(article, output, error, message)``; never raises an Exception."""
    limits = options.limits or Limits()
    try:
        data = _read(job, limits)
        _check_content(data)
        kwargs: dict[str, Any] = {
            "format": _format_for(job, options.format),
            "url": job.url,
            "quotes": options.quotes,
            "limits": options.limits,
        }
        if job.encoding is not None:
            kwargs["encoding"] = job.encoding
        article = (options.parser or parse_document)(data, **kwargs)
        if not isinstance(article, Article):
            raise ValidationError(f"the parser returned {type(article).__name__}, not an Article")
        if options.to is None:
            return article, None, None, None
        from articlekit._registry import dumps

        return None, dumps(article, options.to), None, None
    except MemoryError:
        limit = options.memory_limit
        where = f" ({limit // 2**20:,} MiB)" if limit else ""
        return None, None, "ResourceLimitError", f"the document needs more memory than the limit{where}"
    except OSError as exc:
        return None, None, type(exc).__name__, exc.strerror or str(exc)
    except Exception as exc:
        return None, None, type(exc).__name__, str(exc) or type(exc).__name__


def _result(index: int, job: _Job, outcome: tuple[Article | None, str | None, str | None, str | None]) -> BatchResult:
    article, output, error, message = outcome
    return BatchResult(index, job.name, job.url, article, output, error, message)


# --------------------------------------------------------------------------- worker processes


def _set_memory_limit(limit: int | None) -> None:
    if not limit:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no RLIMIT_AS
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(conn: Connection, options: _Options) -> None:  # pragma: no cover - runs in a child
    """The loop of a worker process: receive a job, send back its outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _set_memory_limit(options.memory_limit)
    conn.send(None)  # ready
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        # Articles travel as JSON (lossless, and Article.extra is not picklable).
        outcome = _run(job, options if options.to else attrs.evolve(options, to="json"))
        try:
            conn.send(outcome)
        except MemoryError:
            conn.send((None, None, "ResourceLimitError", "the result needs more memory than the limit"))
        except Exception as exc:
            conn.send((None, None, type(exc).__name__, f"the result cannot be sent back: {exc}"))
        if outcome[2] == "ResourceLimitError" and outcome[3] and "memory" in outcome[3]:
            return  # a fresh process after a memory error


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


class _Worker:
    __slots__ = ("conn", "deadline", "done", "jobs", "process", "ready")

    def __init__(self, context: Any, options: _Options) -> None:
        parent, child = context.Pipe(duplex=True)
        self.process: Any = context.Process(target=_worker_main, args=(child, options), daemon=True)
        self.process.start()
        child.close()
        self.conn: Connection = parent
        self.jobs: deque[tuple[int, _Job]] = deque()
        self.deadline: float | None = None
        self.done = 0
        self.ready = False

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"the worker process crashed (killed by {signal.Signals(-code).name})"
        except ValueError:
            return f"the worker process crashed (killed by signal {-code})"
    return f"the worker process exited unexpectedly (exit code {code})"


class _Pool:
    """Worker processes with per-job deadlines; results in input order."""

    def __init__(self, jobs: Iterator[_Job], options: _Options, *, processes: int, timeout: float | None,
                 max_tasks_per_child: int) -> None:
        self.source = jobs
        self.options = options
        self.processes = processes
        self.timeout = timeout
        self.max_tasks = max_tasks_per_child
        self.context = multiprocessing.get_context(_start_method())
        self.workers: list[_Worker] = []
        self.retry: deque[tuple[int, _Job]] = deque()
        self.results: dict[int, BatchResult] = {}
        self.next_in = 0
        self.next_out = 0
        self.exhausted = False
        # Documents in flight or waiting to be yielded in order: enough that one slow page does not
        # leave the other workers idle, few enough to keep memory flat.
        self.window = _WINDOW_PER_PROCESS * processes
        self.depth = 2  # jobs queued per worker, so none waits for the parent
        self.failed_starts = 0

    # The next job to hand to a worker, or None; errors found while reading
    # inputs become results straight away.
    def _next_job(self) -> tuple[int, _Job] | None:
        if self.retry:
            return self.retry.popleft()
        while not self.exhausted and self.next_in < self.next_out + self.window:
            try:
                job = next(self.source)
            except StopIteration:
                self.exhausted = True
                return None
            index = self.next_in
            self.next_in += 1
            if job.error is not None:
                self.results[index] = BatchResult(index, job.name, job.url, error=job.error, message=job.message)
                continue
            return index, job
        return None

    def _dispatch(self) -> None:
        while len(self.workers) < self.processes and self._has_work():
            self.workers.append(_Worker(self.context, self.options))
        while True:
            # A second job is queued on a busy worker only once every worker is up.
            depth = self.depth if all(w.ready for w in self.workers) else 1
            # (Nor on a worker that retires after the jobs it has: max_tasks_per_child.)
            candidates = [
                w for w in self.workers
                if w.ready and len(w.jobs) < depth and w.done + len(w.jobs) < self.max_tasks
            ]
            if not candidates:
                return
            worker = min(candidates, key=lambda w: len(w.jobs))
            item = self._next_job()
            if item is None:
                return
            try:
                worker.conn.send(item[1])
            except (OSError, ValueError):
                self.retry.appendleft(item)
                self._lose(worker, None)
                continue
            if not worker.jobs and self.timeout is not None:
                worker.deadline = time.monotonic() + self.timeout
            worker.jobs.append(item)

    def _has_work(self) -> bool:
        return bool(self.retry) or (not self.exhausted and self.next_in < self.next_out + self.window)

    def _lose(self, worker: _Worker, message: str | None, kind: str = "WorkerCrash") -> None:
        """Remove a dead or stuck *worker*: its current job fails, queued ones are retried."""
        worker.stop(kill=True)
        self.workers.remove(worker)
        if not worker.ready:
            self.failed_starts += 1
            if self.failed_starts >= 3:
                raise ArticleKitError(f"batch worker processes fail to start: {_describe_exit(worker.process.exitcode)}")
        if worker.jobs:
            index, job = worker.jobs.popleft()
            self.results[index] = BatchResult(
                index, job.name, job.url, error=kind, message=message or _describe_exit(worker.process.exitcode)
            )
            self.retry.extendleft(reversed(worker.jobs))

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except Exception:
            worker.process.join(1)
            self._lose(worker, None)
            return
        if message is None:
            worker.ready = True
            self.failed_starts = 0
            return
        index, job = worker.jobs.popleft()
        if self.options.to is None and message[1] is not None:
            from articlekit._json import from_json

            try:
                message = (from_json(message[1]), None, None, None)
            except ArticleKitError as exc:  # pragma: no cover - to_json output always reads back
                message = (None, None, type(exc).__name__, str(exc))
        self.results[index] = _result(index, job, message)
        worker.done += 1
        worker.deadline = time.monotonic() + self.timeout if worker.jobs and self.timeout is not None else None
        if worker.done >= self.max_tasks or (message[2] == "ResourceLimitError" and "memory" in (message[3] or "")):
            self.workers.remove(worker)
            self.retry.extendleft(reversed(worker.jobs))
            worker.jobs.clear()
            worker.stop()

    def _wait(self) -> None:
        waiting: dict[Any, tuple[_Worker, bool]] = {}
        for worker in self.workers:
            waiting[worker.conn] = (worker, True)
            waiting[worker.process.sentinel] = (worker, False)
        deadlines = [w.deadline for w in self.workers if w.deadline is not None]
        timeout = None if not deadlines else max(0.0, min(deadlines) - time.monotonic())
        ready = wait(list(waiting), timeout)
        seen: set[int] = set()
        for obj in sorted(ready, key=lambda o: not waiting[o][1]):  # connections first
            worker, is_conn = waiting[obj]
            if id(worker) in seen or worker not in self.workers:
                continue
            if is_conn:
                self._receive(worker)
                seen.add(id(worker))
            elif not worker.conn.poll():
                self._lose(worker, None)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.deadline is not None and worker.deadline <= now:
                self._lose(
                    worker,
                    f"the document took longer than the time limit ({self.timeout:g} s); its worker was stopped",
                    "ResourceLimitError",
                )

    def __iter__(self) -> Iterator[BatchResult]:
        try:
            while True:
                self._dispatch()
                while self.next_out in self.results:
                    result = self.results.pop(self.next_out)
                    self.next_out += 1
                    yield result
                    self._dispatch()
                if self.exhausted and not self.retry and self.next_out >= self.next_in:
                    return
                if any(w.jobs or not w.ready for w in self.workers):
                    self._wait()
        finally:
            for worker in self.workers:
                worker.stop(kill=bool(worker.jobs))
            self.workers.clear()


# --------------------------------------------------------------------------- JSON Lines


def result_line(result: BatchResult, to: str = "json") -> str:
    """The JSON line ``articlekit batch`` writes for a parsed document (no newline).

    ``{"input": NAME, "url": URL, "article": {...}}`` for ``to="json"``, else
    ``{"input": NAME, "url": URL, "format": TO, "content": "..."}``.  The
    result must come from :func:`parse_many` called with the same ``to=``.

    >>> from articlekit._batch import BatchResult, result_line
    >>> r = BatchResult(0, "a.md", None, output="# Hi")
    >>> result_line(r, "markdown")
    '{"input": "a.md", "url": null, "format": "markdown", "content": "# Hi"}'

    :raises ValidationError: *result* failed or holds no serialised output.
    """
    if result.output is None:
        raise ValidationError("result_line() needs a successful result of parse_many(..., to=...)")
    head = f'{{"input": {json.dumps(result.name, ensure_ascii=False)}, "url": {json.dumps(result.url, ensure_ascii=False)}'
    if to == "json":
        return f'{head}, "article": {result.output}}}'
    return f'{head}, "format": {json.dumps(to)}, "content": {json.dumps(result.output, ensure_ascii=False)}}}'


def error_line(result: BatchResult) -> str:
    """The JSON line ``articlekit batch --errors`` writes for a failed document (no newline).

    >>> from articlekit._batch import BatchResult, error_line
    >>> error_line(BatchResult(3, "x.html", None, error="EmptyDocumentError", message="the document is empty"))
    '{"input": "x.html", "url": null, "error": "EmptyDocumentError", "message": "the document is empty"}'
    """
    return json.dumps(
        {"input": result.name, "url": result.url, "error": result.error, "message": result.message},
        ensure_ascii=False,
    )


# --------------------------------------------------------------------------- the API


def parse_many(
    inputs: Iterable[str | os.PathLike[str] | Document],
    *,
    jobs: int = 1,
    format: str = "auto",
    quotes: bool = True,
    limits: Limits | None = None,
    to: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    max_tasks_per_child: int = DEFAULT_MAX_TASKS_PER_CHILD,
    parser: Parser | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Generator[BatchResult, None, None]:
    """Parse every document in *inputs*; yield one :class:`BatchResult` each, in input order.

    :param inputs: paths of files or folders, glob patterns, WARC archives
        and :class:`Document` objects, in any mix; read lazily.
    :param jobs: worker processes.  ``0`` parses in the calling process,
        without time or memory limits (for debugging, and inside Dask or
        Spark tasks that are isolated already).
    :param format: ``"auto"`` (from the file extension, else sniffed),
        ``"html"``, ``"markdown"``, ``"text"`` or ``"json"`` (articlekit JSON).
    :param quotes: extract quotes (see :func:`articlekit.parse`).
    :param limits: per-document :class:`~articlekit.Limits`.
    :param to: serialise each article in the worker, to this format (see
        :func:`articlekit.formats`); results then carry ``output`` instead of
        ``article``.
    :param timeout: seconds one document may take (``None``: no limit);
        the worker of a document over it is killed and replaced.
    :param memory_limit: bytes of address space per worker (``None``: no
        limit); a document over it fails with ``ResourceLimitError``.
    :param max_tasks_per_child: documents per worker before it is replaced.
    :param parser: a parse function of the :data:`Parser` shape, to use
        instead of :func:`parse_document`; it must be importable by name
        (a module-level function) when *jobs* > 0.
    :param exclude: files never read as inputs, even inside a folder or glob
        given (the command line passes its own output and errors files).
    :raises ValidationError: a bad argument (checked before any work).
    :raises UnknownFormatError: *format* or *to* is not known.

    The generator stops its workers when it is closed or garbage-collected,
    so breaking out of a ``for`` loop (or Ctrl-C) leaves no process behind.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise ValidationError(f"jobs must be an int >= 0, got {jobs!r}")
    if format not in INPUT_FORMATS:
        raise UnknownFormatError(f"unknown input format {format!r}; available: {', '.join(INPUT_FORMATS)}")
    if to is not None:
        from articlekit._registry import formats

        if to not in formats():
            raise UnknownFormatError(f"unknown output format {to!r}; available: {', '.join(formats())}")
    if timeout is not None and not timeout > 0:
        raise ValidationError(f"timeout must be > 0 or None, got {timeout!r}")
    if memory_limit is not None and (not isinstance(memory_limit, int) or memory_limit < 1):
        raise ValidationError(f"memory_limit must be a positive int or None, got {memory_limit!r}")
    if not isinstance(max_tasks_per_child, int) or max_tasks_per_child < 1:
        raise ValidationError(f"max_tasks_per_child must be an int >= 1, got {max_tasks_per_child!r}")
    if isinstance(inputs, (str, bytes, os.PathLike, Document)):
        inputs = [inputs]
    options = _Options(parser, format, quotes, limits, to, memory_limit)
    source = _jobs(inputs, limits)
    excluded = {os.path.realpath(p) for p in exclude}
    if excluded:
        source = (j for j in source if j.path is None or os.path.realpath(j.path) not in excluded)
    return _generate(source, options, jobs, timeout, max_tasks_per_child)


def _generate(
    source: Iterator[_Job], options: _Options, jobs: int, timeout: float | None, max_tasks: int
) -> Generator[BatchResult, None, None]:
    if jobs == 0:
        for index, job in enumerate(source):
            if job.error is not None:
                yield BatchResult(index, job.name, job.url, error=job.error, message=job.message)
            else:
                yield _result(index, job, _run(job, options))
        return
    yield from _Pool(source, options, processes=jobs, timeout=timeout, max_tasks_per_child=max_tasks)

