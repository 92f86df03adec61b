"""Parse many documents: :func:`parse_many`, the engine behind ``articlekit batch``.

Inputs are file paths, folders (walked recursively, in sorted order, hidden
entries skipped), glob patterns (``"pages/**/*.html"``), WARC archives
(``.warc`` / ``.warc.gz``: their HTML responses, with the target URI as the
article URL; needs the ``articlekit[warc]`` extra) and :class:`Document`
objects holding bytes you already have.

Each document is parsed in a worker process that runs under a wall-clock time
limit and an address-space limit (``RLIMIT_AS``) and is replaced after
``max_tasks_per_child`` documents (with ``jobs=None``, the documents of the
run's first CPU second are parsed in the calling process, and workers start
only for a run longer than that: when two CPUs or more are free, or, on a
busy machine, once the run has taken ten CPU seconds).  A document that fails -- a parse error,
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

import itertools
import math
import os
import time
from collections.abc import Callable, Generator, Iterable, Iterator

from articlekit._batch._inputs import Document, _Job, _jobs, is_warc, iter_documents
from articlekit._batch._pool import (
    SKIPPED,
    Parser,
    _Options,
    _Pool,
    _result,
    _run,
    language_matches,
    parse_document,
)
from articlekit._batch._results import BatchResult, error_line, result_line
from articlekit._errors import UnknownFormatError, ValidationError
from articlekit._input import INPUT_FORMATS, check_flags
from articlekit._limits import Limits

__all__ = [
    "AUTO_BUSY_IN_PROCESS_SECONDS",
    "AUTO_IN_PROCESS_SECONDS",
    "DEFAULT_MAX_TASKS_PER_CHILD",
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_TIMEOUT",
    "SKIPPED",
    "BatchResult",
    "Document",
    "Parser",
    "auto_processes",
    "error_line",
    "is_warc",
    "iter_documents",
    "language_matches",
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
#: With ``jobs=None``, the CPU seconds of a run parsed in the calling process before worker
#: processes are started for the rest: starting workers (each imports articlekit) costs
#: about half a second of CPU each, as much as parsing fifty small pages, so a run shorter
#: than this is done before workers would pay off, and a longer one loses at most this
#: much parallelism.  CPU time, not wall time: on a busy machine the wall clock runs
#: several times faster than the work gets done.
AUTO_IN_PROCESS_SECONDS = 1.0
#: With ``jobs=None`` on a busy machine (fewer than two CPUs free), the CPU seconds parsed in
#: the calling process before workers start anyway: the run has shown it is long, and workers
#: (one per CPU) then pay even without a free CPU, each taking its own share of the machine
#: (2,000 pages at load 21 on two CPUs: two workers 2x faster than one process), while their
#: start costs at most a tenth of what the run has already done.
AUTO_BUSY_IN_PROCESS_SECONDS = 10.0


def _cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def auto_processes(running: float = 0.0) -> int:
    """Worker processes for ``jobs=None``: the CPUs, less those other programs keep busy (the
    load average), at least one.  On a busy machine more workers than free CPUs only wait.

    *running* is the wall seconds the calling process has itself been parsing: its own share
    of the one-minute load average (``1 - e^(-running/60)``) is not counted as another
    program's."""
    cpus = _cpus()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - no load average
        load = 0.0
    busy = int(max(0.0, load - (1.0 - math.exp(-max(0.0, running) / 60.0))) + 0.5)
    return max(1, min(cpus, cpus - busy))


# --------------------------------------------------------------------------- the API


def parse_many(
    inputs: Iterable[str | os.PathLike[str] | Document],
    *,
    jobs: int | None = 1,
    format: str = "auto",
    quotes: bool = True,
    comments: bool = False,
    limits: Limits | None = None,
    to: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    max_tasks_per_child: int = DEFAULT_MAX_TASKS_PER_CHILD,
    parser: Parser | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    skip: Callable[[str], bool] | None = None,
    language: str | None = None,
) -> Generator[BatchResult, None, None]:
    """Parse every document in *inputs*; yield one :class:`BatchResult` each, in input order.

    :param inputs: paths of files or folders, glob patterns, WARC archives
        and :class:`Document` objects, in any mix; read lazily.
    :param jobs: worker processes.  ``0`` parses in the calling process,
        without time or memory limits (for debugging, and inside Dask or
        Spark tasks that are isolated already).  ``None`` chooses by the size
        of the run (the command line's default): documents are parsed in the
        calling process until the run has taken
        :data:`AUTO_IN_PROCESS_SECONDS` of CPU; only a run that goes on longer starts
        worker processes (:func:`auto_processes` of them) for the rest, and
        the time and memory limits apply to those.  Small runs are done
        before workers would have started; large ones lose at most a second
        of parallelism.  Workers start only when two CPUs or more are free
        (one worker parses no faster than the calling process): on a busy
        machine the run goes on in process, the load looked at again after
        each further second of CPU, until it has taken
        :data:`AUTO_BUSY_IN_PROCESS_SECONDS` of CPU; a run that long starts
        one worker per CPU whatever the load (each takes its own share of
        the machine).  A single-CPU machine never starts workers.
    :param format: ``"auto"`` (from the file extension, else sniffed),
        ``"html"``, ``"markdown"``, ``"text"`` or ``"json"`` (articlekit JSON).
    :param quotes: extract quotes (see :func:`articlekit.parse`).
    :param comments: read HTML pages' reader comments into ``Article.comments``
        (see :func:`articlekit.parse_html`).
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
    :param skip: called with each document's name before it is read; a document
        for which it returns true is left out (not read, not parsed, no result):
        ``articlekit batch --resume`` skips what an earlier run wrote.
    :param language: keep only articles in this language (``"en"`` takes
        ``"en-GB"`` too); any other article, or one whose language is unknown,
        gives a result with ``error="Skipped"`` and the language in ``message``.
    :raises ValidationError: a bad argument (checked before any work).
    :raises UnknownFormatError: *format* or *to* is not known.

    The generator stops its workers when it is closed or garbage-collected,
    so breaking out of a ``for`` loop (or Ctrl-C) leaves no process behind.
    """
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0):
        raise ValidationError(f"jobs must be an int >= 0 or None, got {jobs!r:.40}")
    if format not in INPUT_FORMATS:
        raise UnknownFormatError(f"unknown input format {format!r}; available: {', '.join(INPUT_FORMATS)}")
    if to is not None:
        from articlekit._registry import formats

        if to not in formats():
            raise UnknownFormatError(f"unknown output format {to!r}; available: {', '.join(formats())}")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0):
        raise ValidationError(f"timeout must be > 0 or None, got {timeout!r:.40}")
    check_flags("parse_many", quotes=quotes, comments=comments)
    if limits is not None and not isinstance(limits, Limits):
        raise ValidationError(f"limits must be a Limits or None, got {type(limits).__name__}")
    if memory_limit is not None and (not isinstance(memory_limit, int) or memory_limit < 1):
        raise ValidationError(f"memory_limit must be a positive int or None, got {memory_limit!r}")
    if not isinstance(max_tasks_per_child, int) or max_tasks_per_child < 1:
        raise ValidationError(f"max_tasks_per_child must be an int >= 1, got {max_tasks_per_child!r}")
    if isinstance(inputs, (str, bytes, os.PathLike, Document)):
        inputs = [inputs]
    elif not isinstance(inputs, Iterable):
        raise ValidationError(
            f"inputs must be paths, globs, Documents or an iterable of them, got {type(inputs).__name__}"
        )
    if language is not None and (not isinstance(language, str) or not language.strip()):
        raise ValidationError(f"language must be a non-empty str or None, got {language!r}")
    if parser is not None and not callable(parser):
        raise ValidationError(f"parser must be a function or None, got {type(parser).__name__}")
    if skip is not None and not callable(skip):
        raise ValidationError(f"skip must be a function or None, got {type(skip).__name__}")
    if isinstance(exclude, (str, bytes, os.PathLike)) or not isinstance(exclude, Iterable):
        raise ValidationError(f"exclude must be a list of paths, got {type(exclude).__name__}")
    exclude = list(exclude)
    if not all(isinstance(p, (str, os.PathLike)) for p in exclude):
        raise ValidationError("exclude must be a list of paths (str or os.PathLike)")
    options = _Options(parser, format, quotes, limits, to, memory_limit, comments=comments, language=language)
    source = _jobs(inputs, limits)
    excluded = {os.path.realpath(p) for p in exclude}
    if excluded:
        source = (j for j in source if j.path is None or os.path.realpath(j.path) not in excluded)
    if skip is not None:
        source = (j for j in source if not skip(j.name))
    return _generate(source, options, jobs, timeout, max_tasks_per_child)


def _in_process(index: int, job: _Job, options: _Options) -> BatchResult:
    if job.error is not None:
        return BatchResult(index, job.name, job.url, error=job.error, message=job.message)
    return _result(index, job, _run(job, options))


def _generate(
    source: Iterator[_Job], options: _Options, jobs: int | None, timeout: float | None, max_tasks: int
) -> Generator[BatchResult, None, None]:
    if jobs == 0:
        for index, job in enumerate(source):
            yield _in_process(index, job, options)
        return
    if jobs is None:
        # In process while the run is short; workers for the rest once it is not (and only
        # when a next document is there: a run that ends at the deadline starts none), and
        # only when two CPUs or more are free: one worker parses no faster than this process
        # and costs its start.  On a busy machine the run stays in process, the load looked
        # at again after each further AUTO_IN_PROCESS_SECONDS of CPU, until it has taken
        # AUTO_BUSY_IN_PROCESS_SECONDS: then one worker per CPU (on two CPUs or more).
        started = time.monotonic()
        cpu_started = time.process_time()
        deadline = cpu_started + AUTO_IN_PROCESS_SECONDS
        index = 0
        upcoming = next(source, None)
        while upcoming is not None:
            yield _in_process(index, upcoming, options)
            index += 1
            upcoming = next(source, None)
            if upcoming is not None and time.process_time() > deadline:
                processes = auto_processes(time.monotonic() - started)
                if processes < 2 and time.process_time() - cpu_started > AUTO_BUSY_IN_PROCESS_SECONDS:
                    processes = _cpus()
                if processes < 2:
                    deadline = time.process_time() + AUTO_IN_PROCESS_SECONDS
                    continue
                rest = itertools.chain([upcoming], source)
                yield from _Pool(
                    rest, options, processes=processes, timeout=timeout,
                    max_tasks_per_child=max_tasks, start=index,
                )
                return
        return
    yield from _Pool(source, options, processes=jobs, timeout=timeout, max_tasks_per_child=max_tasks)
