"""Worker processes for a batch run: each job parsed under a time and a memory limit.

Each document is parsed in a worker process that runs under a wall-clock time limit and
an address-space limit (``RLIMIT_AS``) and is replaced after ``max_tasks_per_child``
documents.  A document that fails -- a parse error, empty or binary content, a time or
memory limit, even a worker that crashes -- gives a :class:`BatchResult` with ``error``
set; the run goes on.  Results come out in input order; at most ``_WINDOW_PER_PROCESS``
documents per worker are in flight or waiting, so memory stays flat however long the run.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

import attrs

from articlekit._batch._inputs import _check_content, _format_for, _Job, _read
from articlekit._batch._results import BatchResult
from articlekit._errors import (
    ArticleKitError,
    UnknownFormatError,
    ValidationError,
)
from articlekit._input import (
    INPUT_FORMATS,
)
from articlekit._limits import Limits
from articlekit._model import Article

__all__ = ["SKIPPED", "Parser", "language_matches", "parse_document"]

#: A parse function: ``(data, *, format, url, quotes, limits) -> Article``
#: (:func:`articlekit.parse` has this shape); it is also given ``encoding=``
#: when the input declares its charset (a WARC record's HTTP header, or
#: :attr:`Document.encoding`), and ``comments=True`` when comments are asked for.
Parser = Callable[..., Article]

_WINDOW_PER_PROCESS = 16


@attrs.frozen
class _Options:
    parser: Parser | None
    format: str
    quotes: bool
    limits: Limits | None
    to: str | None
    memory_limit: int | None
    comments: bool = False
    language: str | None = None


#: The ``error`` of a document left out by ``language=`` (not a failure: nothing is written).
SKIPPED = "Skipped"


def language_matches(language: str | None, wanted: str) -> bool:
    """Whether an article's *language* (``"en"``, ``"en-GB"``) is the *wanted* one (``"en"``
    takes every English variant, ``"en-GB"`` only that one; case does not matter)."""
    if language is None:
        return False
    have, want = language.lower().replace("_", "-"), wanted.lower().replace("_", "-")
    return have == want or have.startswith(want + "-")


def parse_document(
    data: bytes | str,
    *,
    format: str = "auto",
    url: str | None = None,
    quotes: bool = True,
    limits: Limits | None = None,
    encoding: str | None = None,
    comments: bool = False,
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

        return parse_html(data, url=url, encoding=encoding, quotes=quotes, comments=comments, limits=limits)
    from articlekit._parsers.auto import parse

    return parse(data, format=format, url=url, quotes=quotes, comments=comments, limits=limits)


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
        if options.comments:  # given only when asked: a caller's parser need not know it
            kwargs["comments"] = True
        article = (options.parser or parse_document)(data, **kwargs)
        if not isinstance(article, Article):
            raise ValidationError(f"the parser returned {type(article).__name__}, not an Article")
        if options.language is not None and not language_matches(article.language, options.language):
            found = "unknown" if article.language is None else repr(article.language)
            return None, None, SKIPPED, f"the article's language is {found}, not {options.language!r}"
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
                 max_tasks_per_child: int, start: int = 0) -> None:
        self.source = jobs
        self.options = options
        self.processes = processes
        self.timeout = timeout
        self.max_tasks = max_tasks_per_child
        self.context = multiprocessing.get_context(_start_method())
        self.workers: list[_Worker] = []
        self.retry: deque[tuple[int, _Job]] = deque()
        self.results: dict[int, BatchResult] = {}
        self.next_in = start  # the index of the first job (jobs before it were parsed in process)
        self.next_out = start
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

    def _drain(self, worker: _Worker) -> bool:
        """Record the results *worker* sent before it went away: they are real outcomes.

        A worker that reports a memory-limit result exits; the parent may try to send it
        the next job before reading that report.  Without this, the failed send would mark
        the reported job as a crash while its result sat unread in the pipe.  Returns
        whether a result said the worker retires (its later jobs were never started).
        """
        try:
            while worker.jobs and worker.conn.poll():
                message = worker.conn.recv()
                if message is None:
                    worker.ready = True
                elif self._record(worker, message):
                    return True
        except (EOFError, OSError, ValueError):
            return False  # the pipe closed: every result the worker sent has been read
        return False

    def _lose(self, worker: _Worker, message: str | None, kind: str = "WorkerCrash") -> None:
        """Remove a dead or stuck *worker*: its current job fails, queued ones are retried.

        Results it sent before that are read first (:meth:`_drain`), unless it is being
        stopped for a time limit (its current job then has no result to read).
        """
        retired = kind == "WorkerCrash" and self._drain(worker)
        worker.stop(kill=True)
        if worker in self.workers:
            self.workers.remove(worker)
        if not worker.ready:
            self.failed_starts += 1
            if self.failed_starts >= 3:
                raise ArticleKitError(f"batch worker processes fail to start: {_describe_exit(worker.process.exitcode)}")
        if worker.jobs and not retired:
            index, job = worker.jobs.popleft()
            self.results[index] = BatchResult(
                index, job.name, job.url, error=kind, message=message or _describe_exit(worker.process.exitcode)
            )
        self.retry.extendleft(reversed(worker.jobs))
        worker.jobs.clear()

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
        if self._record(worker, message):
            self.workers.remove(worker)
            self.retry.extendleft(reversed(worker.jobs))
            worker.jobs.clear()
            worker.stop()

    def _record(self, worker: _Worker, message: Any) -> bool:
        """Record the result *message* of *worker*'s current job; whether the worker must retire."""
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
        return worker.done >= self.max_tasks or (message[2] == "ResourceLimitError" and "memory" in (message[3] or ""))

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
