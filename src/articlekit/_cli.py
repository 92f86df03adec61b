"""The ``articlekit`` command line (also ``python -m articlekit``).

Commands:

* ``articlekit parse FILE|URL|-`` -- one article, written in any format;
* ``articlekit quotes FILE|URL|-`` -- who said what, as a table, CSV or JSON Lines;
* ``articlekit batch INPUTS... --out OUT.jsonl`` -- many documents (files,
  folders, globs, WARC archives) in parallel, one JSON line per article.

Exit codes: 0 success; 1 some input could not be read or parsed (for
``batch``: at least one document failed, the others are written); 2 usage
error (unknown option, format or command); 130 interrupted (Ctrl-C).

Only ``parse`` and ``quotes`` fetch URLs (``http``/``https``, with a timeout,
a size cap and an ``articlekit`` User-Agent); the library never does.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

from articlekit._batch import (
    DEFAULT_MAX_TASKS_PER_CHILD,
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIMEOUT,
)
from articlekit._batch._inputs import _Job
from articlekit._batch._pool import _Options, _run
from articlekit._batchcli import cli_words, run_batch
from articlekit._errors import ArticleKitError
from articlekit._input import INPUT_FORMATS, MEDIA_TYPES
from articlekit._limits import Limits
from articlekit._model import Article
from articlekit._registry import dumps, formats
from articlekit._version import __version__

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

#: Exit codes.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_QUOTE_FORMATS = ("table", "csv", "jsonl")

_EXIT_CODES = """\
exit codes:
  0    success
  1    an input could not be read or parsed (batch: at least one document failed)
  2    usage error
  130  interrupted (Ctrl-C)
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def _common(parser: argparse.ArgumentParser, *, quotes_option: bool = True) -> None:
    parser.add_argument(
        "--from", dest="source", choices=INPUT_FORMATS, default="auto",
        help="input format (default: auto, from the file extension or the content)",
    )
    if quotes_option:
        parser.add_argument("--no-quotes", action="store_true", help="do not extract quotes")
    else:
        parser.set_defaults(no_quotes=False)
    parser.add_argument(
        "--max-bytes", type=_positive_int, default=Limits().max_bytes, metavar="N",
        help="refuse inputs larger than N bytes (default: %(default)s)",
    )


def _comments_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--comments", action="store_true",
        help="read the reader comments of HTML pages into the article's comments field "
        "(written by --to json; never part of the body)",
    )


def _fetch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="the page's URL (for links and metadata), when reading a file")
    parser.add_argument(
        "--timeout", type=_positive_float, default=20.0, metavar="SECONDS",
        help="when fetching a URL: give up after this long in all (default: %(default)s)",
    )


def _whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number at least *minimum*."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a number >= {minimum}, got {value}")
        return value

    return parse


_positive_int = _whole_number(1)
_jobs = _whole_number(0)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text}")
    return value


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {text}")
    return value


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Turn articles (web pages, Markdown, plain text) into clean, typed data.",
        formatter_class=_Formatter,
        epilog=(
            "examples:\n"
            "  articlekit parse page.html --to markdown\n"
            "  articlekit parse https://example.org/news/1 --to json -o article.json\n"
            "  articlekit quotes story.md\n"
            "  articlekit batch saved-pages/ crawl.warc.gz --out articles.jsonl --errors errors.jsonl\n\n"
            "Run 'articlekit COMMAND --help' for the options of a command.\n\n" + _EXIT_CODES
        ),
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse one article and write it out",
        description="Parse one article (a file, a URL or standard input) and write it in a chosen format.",
        formatter_class=_Formatter,
        epilog=(
            "examples:\n"
            "  articlekit parse page.html                     # JSON on standard output\n"
            "  articlekit parse page.html --to markdown -o page.md\n"
            "  curl -s https://example.org/a | articlekit parse - --from html --url https://example.org/a\n"
            "  articlekit parse https://example.org/a --to text\n\n" + _EXIT_CODES
        ),
    )
    parse.add_argument("input", metavar="FILE|URL|-", help="a file, an http(s) URL, or - for standard input")
    parse.add_argument("--to", choices=formats(), default="json", help="output format (default: json)")
    parse.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    _common(parse)
    _comments_option(parse)
    _fetch_options(parse)

    quotes = commands.add_parser(
        "quotes",
        help="list who said what in one article",
        description="Parse one article and list its quotes with their speakers.",
        formatter_class=_Formatter,
        epilog=(
            "examples:\n"
            "  articlekit quotes story.html                   # an aligned table\n"
            "  articlekit quotes story.md --to csv -o quotes.csv\n"
            "  cat story.txt | articlekit quotes - --to jsonl\n\n" + _EXIT_CODES
        ),
    )
    quotes.add_argument("input", metavar="FILE|URL|-", help="a file, an http(s) URL, or - for standard input")
    quotes.add_argument(
        "--to", choices=_QUOTE_FORMATS, default="table",
        help="table (aligned columns, default), csv or jsonl (the quotes-csv and quotes-jsonl formats)",
    )
    quotes.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    quotes.add_argument(
        "--no-excel-safe", dest="excel_safe", action="store_false",
        help="with --to csv: write cells exactly as they are (by default a cell a spreadsheet would run "
        "as a formula gets a leading ')",
    )
    _common(quotes, quotes_option=False)
    _fetch_options(quotes)

    batch = commands.add_parser(
        "batch",
        help="parse many documents (files, folders, globs, WARC archives, URLs) in parallel",
        description=(
            "Parse files, folders (recursively), glob patterns, WARC archives (.warc, .warc.gz: their\n"
            "HTML responses) and URLs in parallel, writing one JSON line per article, in input order:\n"
            '  {"input": NAME, "url": URL, "article": {...}}                 with --to json (default)\n'
            '  {"input": NAME, "url": URL, "format": FMT, "content": "..."}  with any other --to\n'
            "or one row per article with --to csv, or one file per input with --output-dir.\n"
            "A document that fails (parse error, empty or binary file, time or memory limit, crash,\n"
            "fetch error) is reported with its name and the message, and the run goes on.  An output\n"
            "that already holds results is refused: --resume continues it, --overwrite replaces it.\n"
            "The run ends with one summary line on standard error."
        ),
        formatter_class=_Formatter,
        epilog=(
            "examples:\n"
            "  articlekit batch saved-pages/ --out articles.jsonl\n"
            "  articlekit batch saved-pages/ --output-dir md/ --to markdown --resume\n"
            "  articlekit batch 'site/**/*.html' --to csv --out articles.csv --language en\n"
            "  articlekit batch CC-MAIN-*.warc.gz --out cc.jsonl --errors errors.jsonl --timeout 10\n"
            "  articlekit batch --urls-from-file urls.txt --out pages.jsonl --errors failed.jsonl\n"
            "  find . -name '*.md' | articlekit batch - --out posts.jsonl\n\n" + _EXIT_CODES
        ),
    )
    batch.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="files, folders, glob patterns, WARC archives, http(s) URLs; - reads input names from standard input",
    )
    where = batch.add_mutually_exclusive_group()
    where.add_argument(
        "-o", "--out", default="-", metavar="OUT", help="output file: JSON Lines, or CSV with --to csv (default: standard output)"
    )
    where.add_argument(
        "--output-dir", metavar="DIR",
        help="write one file per input into DIR, named after the input with the format's extension "
        "(pages/a.html -> DIR/pages/a.html.md)",
    )
    batch.add_argument(
        "--to", choices=[*formats(), "csv"], default="json",
        help="format of each article (default: json); csv: one table row per article (input, url, title, "
        "authors, dates, language, site, section, tags, description, words, quotes)",
    )
    batch.add_argument("--errors", metavar="ERRORS.jsonl", help="write one JSON line per failed document here (default: standard error)")
    again = batch.add_mutually_exclusive_group()
    again.add_argument(
        "--resume", action="store_true",
        help="skip the documents the output (and the errors file) already holds, and add the rest",
    )
    again.add_argument("--overwrite", action="store_true", help="replace an output that already holds results")
    batch.add_argument(
        "--language", metavar="LANG",
        help="keep only articles in this language (en also takes en-GB); the others are skipped",
    )
    urls = batch.add_argument_group("URLs (fetched politely: one request at a time per host, robots.txt honoured)")
    urls.add_argument("--url", action="append", metavar="URL", help="a URL to fetch and parse (repeat for more)")
    urls.add_argument(
        "--urls-from-file", metavar="FILE", help="fetch and parse the URLs in FILE, one a line (# comments allowed; - for standard input)"
    )
    urls.add_argument(
        "--delay", type=_non_negative_float, default=1.0, metavar="SECONDS",
        help="wait this long between two requests to one host (default: %(default)s; a robots.txt Crawl-delay wins)",
    )
    urls.add_argument(
        "--fetch-timeout", type=_positive_float, default=20.0, metavar="SECONDS",
        help="give up on a page after this long in all (default: %(default)s)",
    )
    urls.add_argument("--ignore-robots", action="store_true", help="do not read robots.txt (only for sites you run)")
    batch.add_argument(
        "-j", "--jobs", type=_jobs, default=None, metavar="N",
        help="worker processes (default: by the size of the run: in this process while the run is short, "
        "then as many workers as CPUs not in use; 0: no worker processes, no limits)",
    )
    batch.add_argument(
        "--timeout", type=_positive_float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help="time limit per document (default: %(default)s)",
    )
    batch.add_argument(
        "--memory-limit", type=_positive_int, default=DEFAULT_MEMORY_LIMIT // 2**20, metavar="MIB",
        help="address-space limit per worker process in MiB (default: %(default)s)",
    )
    batch.add_argument(
        "--max-tasks-per-child", type=_positive_int, default=DEFAULT_MAX_TASKS_PER_CHILD, metavar="N",
        help="replace each worker process after N documents (default: %(default)s)",
    )
    progress = batch.add_mutually_exclusive_group()
    progress.add_argument("--progress", action="store_true", default=None, help="always show the progress bar")
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false",
        help="never show it (default: shown when standard error is a terminal; the summary line is always written)",
    )
    _common(batch)
    _comments_option(batch)
    return parser


# --------------------------------------------------------------------------- parse and quotes


def _error(message: str) -> None:
    print(f"articlekit: {message}", file=sys.stderr)


def _load_one(args: argparse.Namespace) -> Article:
    """Read and parse the single input of ``parse`` / ``quotes``; raise ArticleKitError or OSError."""
    from articlekit._fetch import _is_url, fetch

    limits = Limits(max_bytes=args.max_bytes)
    name: str = args.input
    if name == "-":
        job = _Job("<stdin>", url=args.url, format=None, data=sys.stdin.buffer.read(args.max_bytes + 1))
    elif _is_url(name):
        page = fetch(name, timeout=args.timeout, max_bytes=args.max_bytes)
        source = args.source
        if source == "auto" and page.media_type in MEDIA_TYPES:
            source = MEDIA_TYPES[page.media_type]
        job = _Job(name, url=args.url or page.url, format=source, encoding=page.charset, data=page.data)
    else:
        job = _Job(name, url=args.url, path=name)
    options = _Options(
        None, args.source, not args.no_quotes, limits, None, None, comments=getattr(args, "comments", False)
    )
    article, _, error, message = _run(job, options)
    if article is None:
        raise _InputError(f"{job.name}: {cli_words(message or '')} ({error})")
    return article


class _InputError(Exception):
    """An input failed; the message is ready to print."""


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def _cmd_parse(args: argparse.Namespace) -> int:
    article = _load_one(args)
    text = dumps(article, args.to)
    with _output(args.output) as out:
        out.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


def quotes_table(rows: Sequence[dict[str, Any]], *, width: int = 100) -> str:
    """An aligned, human-readable table of quote rows (speaker, kind, quote).

    >>> print(quotes_table([{"speaker": "Peskov", "kind": "direct", "text": "No talks."}]))
    SPEAKER  KIND    QUOTE
    Peskov   direct  No talks.
    """
    if not rows:
        return "(no quotes)"
    speakers = [_one_line(r.get("speaker") or "-") for r in rows]
    kinds = [str(r.get("kind") or "") for r in rows]
    speaker_width = min(max(len("SPEAKER"), *map(len, speakers)), 30)
    kind_width = max(len("KIND"), *map(len, kinds))
    quote_width = max(20, width - speaker_width - kind_width - 4)
    lines = [f"{'SPEAKER':<{speaker_width}}  {'KIND':<{kind_width}}  QUOTE".rstrip()]
    for speaker, kind, row in zip(speakers, kinds, rows, strict=True):
        if len(speaker) > speaker_width:
            speaker = speaker[: speaker_width - 1] + "…"
        quote = _one_line(str(row.get("text") or ""))
        if len(quote) > quote_width:
            quote = quote[: quote_width - 1] + "…"
        lines.append(f"{speaker:<{speaker_width}}  {kind:<{kind_width}}  {quote}".rstrip())
    return "\n".join(lines)


def _cmd_quotes(args: argparse.Namespace) -> int:
    from articlekit._serializers.quotes_table import quote_rows

    article = _load_one(args)
    with _output(args.output) as out:
        if args.to == "csv":
            out.write(dumps(article, "quotes-csv", excel_safe=args.excel_safe))
        elif args.to == "jsonl":
            out.write(dumps(article, "quotes-jsonl"))
        else:
            width = 100
            if out.isatty():
                width = os.get_terminal_size(out.fileno()).columns
            out.write(quotes_table(quote_rows(article), width=width) + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------- batch


def _cmd_batch(args: argparse.Namespace) -> int:
    return run_batch(args)


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code.

    The exit codes are :data:`EXIT_OK`, :data:`EXIT_FAILED`, :data:`EXIT_USAGE`
    and :data:`EXIT_INTERRUPTED`.
    """
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    command = {"parse": _cmd_parse, "quotes": _cmd_quotes, "batch": _cmd_batch}[args.command]
    try:
        return command(args)
    except (ArticleKitError, _InputError) as exc:
        _error(cli_words(str(exc)))
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
