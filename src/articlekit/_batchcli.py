"""``articlekit batch``: where a batch run's results go, and what it says while it runs.

In order, for one run: the outputs are opened and checked (a file that already holds
output is refused unless ``--resume`` or ``--overwrite`` says what to do with it; the
output and errors files must be two different files; each is locked, so two runs never
write one file); with ``--resume`` the documents an earlier run wrote (to the output or
the errors file, or the output folder) are skipped, and a last line cut short by a crash
is removed first; the documents are parsed (:func:`articlekit.parse_many`) and each
result written as it comes, in input order; the run ends with one summary line on
standard error, whatever happened (done, failed, skipped, pages per second).

Every line is written whole: one ``write`` of the complete line (into a pipe, only once
the pipe has room for all of it, so not even ``SIGKILL`` leaves half a line; into a
file, a failed write -- a full disk -- is cut back to the last whole line); each file of
``--output-dir`` is written under a temporary name and renamed.  ``SIGINT`` and
``SIGTERM`` stop the run between two lines.  A reader that goes away (``| head``) ends
the run quietly.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import IO, Any
from urllib.parse import unquote, urlsplit

__all__ = ["ARTICLE_COLUMNS", "Interrupts", "LineFile", "OutputRefusedError", "article_row", "cli_words", "output_path", "run_batch"]


class OutputRefusedError(Exception):
    """An output cannot be used as asked; the message says why and what to pass instead."""


# --------------------------------------------------------------------------- signals


class Interrupts:
    """Turns SIGINT and SIGTERM into KeyboardInterrupt, deferred while a line is being written.

    The interrupt is raised wherever the main thread is when the signal comes, so code that
    swallows exceptions (a finaliser, a library's ``except BaseException``) can lose it;
    :meth:`check`, called between two lines, raises it again: a signal is never lost.
    """

    def __init__(self) -> None:
        self.critical = False
        self.pending: int | None = None
        self.received: int | None = None
        self.previous: dict[int, Any] = {}

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        self.received = signum
        if self.critical:
            self.pending = signum
        else:
            raise KeyboardInterrupt

    def check(self) -> None:
        """Raise KeyboardInterrupt if a signal came whose interrupt did not stop the run."""
        if self.received is not None:
            raise KeyboardInterrupt

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is not threading.main_thread():
            return self  # not the main thread: signals are not ours to handle
        for signum in (signal.SIGINT, signal.SIGTERM):
            self.previous[signum] = signal.signal(signum, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, previous in self.previous.items():
            signal.signal(signum, previous)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        self.critical = True
        try:
            yield
        finally:
            self.critical = False
        if self.pending is not None:
            self.pending = None
            raise KeyboardInterrupt


# --------------------------------------------------------------------------- line files


def _lock(fd: int, path: str) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputRefusedError(f"{path} is being written by another articlekit batch run") from None
    except OSError:
        pass  # a file system without locks


def _first_field(line: bytes, csv_mode: bool) -> str | None:
    """The input name a written line starts with (JSON ``{"input": ...}`` or a CSV first cell)."""
    text = line.decode("utf-8", "replace")
    if csv_mode:
        try:
            row = next(csv.reader([text]))
        except (csv.Error, StopIteration):
            return None
        return row[0] if row else None
    prefix = '{"input": '
    if not text.startswith(prefix):
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(text, len(prefix))
    except ValueError:
        return None
    return value if isinstance(value, str) else None


class LineFile:
    """One output of a batch run written line by line: standard output, a pipe or a file.

    :param mode: ``"new"`` (refuse a file that holds output), ``"resume"`` (keep it, drop
        a last line cut short, and read the names it holds) or ``"overwrite"`` (empty it).
    """

    def __init__(self, path: str | None, interrupts: Interrupts, *, mode: str = "new", csv_mode: bool = False) -> None:
        self.interrupts = interrupts
        self.path = path or "-"
        self.names: set[str] = set()
        self.fresh = True  # nothing written in the file yet (the CSV header goes first)
        if path is None or path == "-":
            sys.stdout.flush()
            self.fd = sys.stdout.fileno()
            self.owned = False
        else:
            self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
            self.owned = True
        info = os.fstat(self.fd)
        self.key = (info.st_dev, info.st_ino)
        self.regular = stat.S_ISREG(info.st_mode)
        self.pipe = stat.S_ISFIFO(info.st_mode)
        self.capacity = self._widen_pipe() if self.pipe else 0
        if self.regular and self.owned:
            _lock(self.fd, self.path)
            if info.st_size and mode == "new":
                self.close()
                raise OutputRefusedError(
                    f"{self.path} already holds output: pass --resume to skip what it holds and add the rest, "
                    "or --overwrite to replace it"
                )
            if mode == "overwrite":
                os.ftruncate(self.fd, 0)
            elif mode == "resume" and info.st_size:
                self._resume(csv_mode)
            os.lseek(self.fd, 0, os.SEEK_END)
        elif self.regular and not self.owned:
            self.fresh = os.lseek(self.fd, 0, os.SEEK_CUR) == 0

    def _resume(self, csv_mode: bool) -> None:
        """Read the names the file holds; cut a last line that has no newline (a crash)."""
        keep = 0
        with open(self.path, "rb") as handle:
            for number, line in enumerate(handle):
                if not line.endswith(b"\n"):
                    break
                keep += len(line)
                if csv_mode and number == 0:
                    continue  # the header
                name = _first_field(line.rstrip(b"\r\n"), csv_mode)
                if name is not None:
                    self.names.add(name)
        os.ftruncate(self.fd, keep)
        self.fresh = keep == 0

    def _widen_pipe(self) -> int:
        """Grow the pipe to hold long lines whole; its capacity in bytes (0: unknown)."""
        try:
            import fcntl

            set_size = getattr(fcntl, "F_SETPIPE_SZ", 1031)
            get_size = getattr(fcntl, "F_GETPIPE_SZ", 1032)
            with contextlib.suppress(OSError):  # over /proc/sys/fs/pipe-max-size: keep what it has
                fcntl.fcntl(self.fd, set_size, 1 << 20)
            return int(fcntl.fcntl(self.fd, get_size))
        except (ImportError, OSError):
            return 0

    def _wait_for_room(self, size: int) -> None:
        """Wait until the pipe can take *size* bytes at once (so the write is never split:
        a process killed while a write waits for room leaves the part already written)."""
        if not self.capacity or size > self.capacity:
            return
        import fcntl
        import select
        import termios

        poller = select.poll()
        poller.register(self.fd, select.POLLOUT)
        pause = 0.001
        buffer = bytearray(4)
        while True:
            for _, events in poller.poll(0):
                if events & (select.POLLERR | select.POLLHUP):
                    raise BrokenPipeError(errno.EPIPE, "the reader closed the pipe")
            try:
                fcntl.ioctl(self.fd, termios.FIONREAD, buffer)
            except OSError:
                return
            if self.capacity - int.from_bytes(buffer, sys.byteorder) >= size:
                return
            time.sleep(pause)
            pause = min(pause * 2, 0.05)

    def write(self, line: str) -> None:
        data = memoryview((line + "\n").encode("utf-8", "backslashreplace"))
        if self.pipe:
            self._wait_for_room(len(data))  # outside the critical part: Ctrl-C still works
        with self.interrupts.atomic():
            start = os.lseek(self.fd, 0, os.SEEK_CUR) if self.regular else None
            try:
                while data:
                    data = data[os.write(self.fd, data) :]
            except OSError:
                if start is not None:  # a full disk: no half line is left behind
                    try:
                        os.ftruncate(self.fd, start)
                        os.lseek(self.fd, start, os.SEEK_SET)
                    except OSError:
                        pass  # the write's own error (re-raised below) is the one to report
                raise
        self.fresh = False

    def close(self) -> None:
        if self.owned and self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


# --------------------------------------------------------------------------- an output folder


#: The file extension each built-in output format is written with in ``--output-dir``.
EXTENSIONS = {
    "json": "json", "markdown": "md", "text": "txt", "html": "html", "jsonld": "jsonld",
    "quotes-csv": "csv", "quotes-jsonl": "jsonl",
}  # fmt: skip

_UNSAFE = {ord(c): "_" for c in '<>:"|?*\\'} | dict.fromkeys(range(32), "_")


def output_path(name: str, extension: str) -> str:
    """The path, inside the output folder, of the file written for the input *name*.

    The input's own path (or a URL's host and path) with the output format's extension
    added; absolute and ``..`` parts are dropped, so nothing is written outside the folder.

    >>> output_path("pages/2024/story.html", "md")
    'pages/2024/story.html.md'
    >>> output_path("/srv/../crawl.warc.gz#1234", "json")
    'srv/crawl.warc.gz#1234.json'
    >>> output_path("https://news.example/world/peace-talks?page=2", "json")
    'news.example/world/peace-talks_page=2.json'
    """
    parts: list[str]
    split = urlsplit(name)
    if split.scheme.lower() in ("http", "https") and split.netloc:
        path = unquote(split.path).strip("/") or "index"
        tail = f"_{split.query}" if split.query else ""
        parts = [split.netloc.lower(), *path.split("/")]
        parts[-1] += tail
    else:
        parts = name.replace("\\", "/").split("/")
    clean = [p.translate(_UNSAFE)[:200] for p in parts if p not in ("", ".", "..")]
    if not clean:
        clean = ["document"]
    clean = [("_" + p) if p.startswith(".") else p for p in clean]
    return "/".join(clean) + "." + extension


class OutputDir:
    """``--output-dir``: one file per document, written under a temporary name and renamed."""

    def __init__(self, root: str, extension: str, interrupts: Interrupts, *, mode: str) -> None:
        self.root = root
        self.extension = extension
        self.interrupts = interrupts
        self.mode = mode
        self.used: set[str] = set()
        os.makedirs(root, exist_ok=True)
        self.lock_fd = os.open(os.path.join(root, ".articlekit-batch.lock"), os.O_WRONLY | os.O_CREAT, 0o666)
        _lock(self.lock_fd, root)
        if mode == "new" and any(not entry.name.startswith(".") for entry in os.scandir(root)):
            self.close()
            raise OutputRefusedError(
                f"{root} already holds files: pass --resume to skip the documents it has and add the rest, "
                "or --overwrite to replace the files this run writes"
            )

    def target(self, name: str) -> str:
        return os.path.join(self.root, output_path(name, self.extension))

    def done(self, name: str) -> bool:
        return os.path.exists(self.target(name))

    def write(self, name: str, content: str) -> str:
        target = self.target(name)
        if target in self.used:  # two inputs with one output name in this run
            stem, dot, ext = target.rpartition(".")
            number = 2
            while f"{stem}~{number}{dot}{ext}" in self.used:
                number += 1
            target = f"{stem}~{number}{dot}{ext}"
        self.used.add(target)
        folder = os.path.dirname(target)
        os.makedirs(folder, exist_ok=True)
        temporary = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.part")
        data = content if content.endswith("\n") else content + "\n"
        with self.interrupts.atomic():
            try:
                with open(temporary, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as handle:
                    handle.write(data)
                os.replace(temporary, target)
            except BaseException:
                with suppress(OSError):
                    os.unlink(temporary)
                raise
        return target

    def close(self) -> None:
        if self.lock_fd >= 0:
            os.close(self.lock_fd)
            self.lock_fd = -1


# --------------------------------------------------------------------------- a table of articles

#: The columns of ``articlekit batch --to csv``: one row per article.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "input", "url", "title", "authors", "published", "modified", "language", "site_name", "section",
    "page_type", "tags", "description", "canonical_url", "words", "quotes",
)  # fmt: skip


def article_row(name: str, url: str | None, article: dict[str, Any]) -> list[str]:
    """One CSV row for an article given as its JSON object (``to_dict``), with
    :data:`ARTICLE_COLUMNS`; lists are joined with ``"; "``, white space runs (newlines
    too) become one space, and every cell is made safe to open in a spreadsheet."""
    from articlekit._serializers.quotes_table import excel_cell

    def names(key: str) -> str:
        return "; ".join(str(p.get("name", "")) for p in article.get(key) or () if isinstance(p, dict))

    text = _plain(article.get("body") or ())
    values: dict[str, object] = {
        "input": name,
        "url": url if url is not None else article.get("url"),
        "title": article.get("title"),
        "authors": names("authors"),
        "published": article.get("published"),
        "modified": article.get("modified"),
        "language": article.get("language"),
        "site_name": article.get("site_name"),
        "section": article.get("section"),
        "page_type": article.get("page_type"),
        "tags": "; ".join(map(str, article.get("tags") or ())),
        "description": article.get("description"),
        "canonical_url": article.get("canonical_url"),
        "words": len(text.split()),
        "quotes": len(article.get("quotes") or ()),
    }
    return [excel_cell(" ".join(str(v).split()) if v is not None else None) for v in values.values()]


def _plain(node: Any) -> str:
    """The words of a JSON body (every ``text`` string under it), for the word count."""
    out: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("text")
            if isinstance(value, str):
                out.append(value)
            stack.extend(v for k, v in item.items() if k != "text" and isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return " ".join(out)


def csv_line(cells: Iterable[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue()


# --------------------------------------------------------------------------- progress and summary


def _count(inputs: list[str], found: list[int | None], stop: threading.Event) -> None:
    """Count the documents *inputs* name (for the progress bar's total); None if a WARC
    archive makes that as costly as the run."""
    from articlekit._batch._inputs import _jobs

    total = 0
    for job in _jobs(inputs, None):
        if stop.is_set():
            return
        if job.path is not None and job.path.lower().endswith((".warc", ".warc.gz")):
            return
        total += 1
    found[0] = total


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """The progress line on standard error (a terminal, or ``--progress``): done of total,
    rate, time left, failures; and the summary line every run ends with."""

    def __init__(self, enabled: bool, total: int | None = None, inputs: list[str] | None = None) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.found: list[int | None] = [total]
        self.stop = threading.Event()
        if enabled and total is None and inputs is not None:
            threading.Thread(target=_count, args=(inputs, self.found, self.stop), daemon=True).start()

    def update(self, done: int, failed: int, skipped: int, *, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < 0.2):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        total = self.found[0]
        if total is not None:
            total = max(total - skipped, done)
            width = 24
            filled = int(width * done / total) if total else width
            bar = "#" * filled + "." * (width - filled)
            left = (total - done) / rate if rate > 0 else None
            eta = f"  ETA {_clock(left)}" if left is not None and not final else ""
            line = f"[{bar}] {done:,}/{total:,}  {rate:,.1f} pages/s{eta}  {failed:,} errors"
        else:
            line = f"{done:,} pages  {rate:,.1f} pages/s  {failed:,} errors"
        sys.stderr.write("\r" + line + " \x1b[K" if sys.stderr.isatty() else "\r" + line + " ")
        if final:
            sys.stderr.write("\n")
        sys.stderr.flush()
        self.shown = True

    def break_line(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            self.shown = False

    def summary(self, done: int, failed: int, skipped: int, *, how: str = "") -> str:
        self.stop.set()
        elapsed = time.monotonic() - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        return f"{done:,} processed, {failed:,} failed, {skipped:,} skipped in {elapsed:,.1f} s ({rate:,.1f} pages/s){how}"


# --------------------------------------------------------------------------- the run


def _error(message: str) -> None:
    print(f"articlekit: {message}", file=sys.stderr)


def _stdin_names() -> Iterator[str]:
    for line in sys.stdin:
        name = line.rstrip("\r\n")
        if name.strip():
            yield name


def _is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https") and "://" in text


def _url_lines(path: str) -> Iterator[str]:
    """The URLs of a ``--urls-from-file`` file: one a line; blank lines and ``#`` comments skipped."""
    handle: IO[str] = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    try:
        for line in handle:
            url = line.strip()
            if url and not url.startswith("#"):
                yield url
    finally:
        if handle is not sys.stdin:
            handle.close()


def _names_the_same_file(a: str | None, b: str | None) -> bool:
    if not a or not b or "-" in (a, b):
        return False
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _same_file(a: LineFile | None, b: LineFile | None) -> bool:
    return a is not None and b is not None and a.regular and b.regular and a.key == b.key


def run_batch(args: Any) -> int:
    """Run ``articlekit batch`` with parsed command-line *args*; return the exit code."""
    import attrs

    from articlekit._batch import SKIPPED, error_line, parse_many, result_line
    from articlekit._limits import Limits

    exit_ok, exit_failed, exit_usage, exit_interrupted = 0, 1, 2, 130
    mode = "resume" if args.resume else "overwrite" if args.overwrite else "new"
    to = args.to
    csv_mode = to == "csv"
    urls: list[str] = list(args.url or [])
    paths: list[str] = []
    if args.inputs == ["-"]:
        inputs_from_stdin = True
    else:
        inputs_from_stdin = False
        for item in args.inputs or ():
            (urls if _is_url(item) else paths).append(item)
    if not (paths or urls or inputs_from_stdin or args.urls_from_file):
        _error("nothing to parse: give files, folders, globs, --url or --urls-from-file")
        return exit_usage
    if args.output_dir and csv_mode:
        _error("--to csv writes one table: use --out, not --output-dir")
        return exit_usage

    skipped = 0
    done = failed = 0
    with Interrupts() as interrupts:
        out: LineFile | None = None
        folder: OutputDir | None = None
        errors: LineFile | None = None
        try:
            if args.output_dir:
                from articlekit._registry import formats

                if to not in formats():  # pragma: no cover - argparse checked it
                    raise OutputRefusedError(f"unknown format {to!r}")
                folder = OutputDir(args.output_dir, EXTENSIONS.get(to, to), interrupts, mode=mode)
            else:
                out = LineFile(args.out, interrupts, mode=mode, csv_mode=csv_mode)
            if args.errors:
                if _names_the_same_file(args.out, args.errors):
                    raise OutputRefusedError(f"--out and --errors name the same file ({args.errors}): give two files")
                errors = LineFile(args.errors, interrupts, mode=mode)
                if _same_file(out, errors):
                    raise OutputRefusedError(f"--out and --errors name the same file ({args.errors}): give two files")
        except OutputRefusedError as exc:
            for sink in (out, folder, errors):
                if sink is not None:
                    sink.close()
            _error(str(exc))
            return exit_usage

        written: set[str] = set()
        if out is not None:
            written |= out.names
        if errors is not None:
            written |= errors.names
        resumed = 0

        def skip(name: str) -> bool:
            nonlocal resumed
            if mode != "resume":
                return False
            if name in written or (folder is not None and folder.done(name)):
                resumed += 1
                return True
            return False

        sources: list[Any] = []
        if inputs_from_stdin:
            sources.append(_stdin_names())
        if paths:
            sources.append(paths)
        url_total: int | None = None
        if urls or args.urls_from_file:
            from articlekit._crawl import PoliteFetcher

            url_stream: Iterable[str] = urls
            if args.urls_from_file:
                url_stream = [*urls, *_url_lines(args.urls_from_file)]
                url_total = len(url_stream)
            fetcher = PoliteFetcher(
                delay=args.delay, timeout=args.fetch_timeout, max_bytes=args.max_bytes, robots=not args.ignore_robots,
                skip=skip,
            )
            sources.append(fetcher.jobs(url_stream))

        def chained() -> Iterator[Any]:
            for source in sources:
                yield from source

        show = sys.stderr.isatty() if args.progress is None else args.progress
        countable = paths if (paths and not inputs_from_stdin and not urls and not args.urls_from_file) else None
        progress = Progress(show, total=url_total if not paths and not inputs_from_stdin else None, inputs=countable)
        excluded = [p for p in (args.out, args.errors) if p and p != "-"]
        results = parse_many(
            chained(),
            jobs=args.jobs,
            format=args.source,
            quotes=not args.no_quotes,
            comments=args.comments,
            limits=Limits(max_bytes=args.max_bytes),
            to="json" if csv_mode else to,
            timeout=args.timeout,
            memory_limit=args.memory_limit * 2**20,
            max_tasks_per_child=args.max_tasks_per_child,
            exclude=excluded,
            skip=skip,
            language=args.language,
        )
        filtered = 0
        how = ""
        code = exit_ok
        try:
            if out is not None and csv_mode and out.fresh:
                out.write(csv_line(ARTICLE_COLUMNS))
            for result in results:
                interrupts.check()  # a signal whose interrupt some code swallowed
                if result.error == SKIPPED:
                    filtered += 1
                    progress.update(done, failed, resumed + filtered)
                    continue
                done += 1
                if result.ok:
                    assert result.output is not None
                    if folder is not None:
                        folder.write(result.name, result.output)
                    elif csv_mode:
                        assert out is not None
                        out.write(csv_line(article_row(result.name, result.url, json.loads(result.output))))
                    else:
                        assert out is not None
                        out.write(result_line(result, to))
                else:
                    failed += 1
                    result = attrs.evolve(result, message=cli_words(result.message or ""))
                    if errors is not None:
                        errors.write(error_line(result))
                    else:
                        with interrupts.atomic():
                            progress.break_line()
                            _error(f"{result.name}: {result.message} ({result.error})")
                progress.update(done, failed, resumed + filtered)
            interrupts.check()
        except KeyboardInterrupt:
            results.close()
            signum = interrupts.received or signal.SIGINT
            how = f"; interrupted by {signal.Signals(signum).name}, the output holds whole lines only"
            code = exit_interrupted if signum == signal.SIGINT else 128 + int(signum)
        except BrokenPipeError:
            results.close()
            _quiet_stdout()
            how = "; the reader closed the output, so the run stopped"
            code = exit_ok
        except OSError as exc:
            results.close()
            where = f"{exc.filename}: " if exc.filename else ""
            how = f"; stopped: cannot write the output ({where}{exc.strerror or exc})"
            code = exit_failed
        finally:
            for sink in (out, folder, errors):
                if sink is not None:
                    sink.close()
        skipped = resumed + filtered
        if code == exit_ok and failed:
            code = exit_failed
        progress.update(done, failed, skipped, final=True)
        progress.break_line()
        summary = progress.summary(done, failed, skipped, how=how)
        if failed and args.errors:
            summary += f"; failures in {args.errors}"
        _error(summary)
        return code


def cli_words(message: str) -> str:
    """*message* with the library's advice on limits put in command-line terms.

    >>> cli_words("the input is larger than Limits.max_bytes (10 bytes); pass limits=Limits(max_bytes=...) to accept it")
    'the input is larger than --max-bytes (10 bytes); pass a larger --max-bytes N to accept it'
    """
    return message.replace("pass limits=Limits(max_bytes=...) to accept it", "pass a larger --max-bytes N to accept it").replace(
        "Limits.max_bytes", "--max-bytes"
    )


def _quiet_stdout() -> None:
    """After the reader of standard output went away: send what is left to /dev/null, so
    the interpreter's last flush does not print ``Broken pipe``."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except OSError:
        pass  # best effort: at worst the interpreter prints "Broken pipe" at exit


Sink = Callable[[str], None]
