"""The ``articlekit`` command line.

``articlekit parse FILE`` reads one article and writes it in a chosen format.
Exit codes: 0 success, 1 the input could not be parsed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from articlekit._version import __version__
from articlekit.errors import ArticleKitError
from articlekit.registry import dumps, formats
from articlekit.serializers.json import from_json

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Turn articles into clean, typed data.",
        epilog="Example: articlekit parse examples/reference-article.json --to json",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="parse one article and print it",
        description="Parse one article (a serialised articlekit JSON file) and print it.",
        epilog="Example: articlekit parse article.json --to json",
    )
    parse.add_argument("input", help="the file to read, or - for standard input")
    parse.add_argument("--to", default="json", help=f"output format (one of: {', '.join(formats())})")
    parse.add_argument("-o", "--output", help="write here instead of standard output")
    return parser


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    args = _parser().parse_args(argv)
    try:
        data = _read(args.input)
    except OSError as exc:
        print(f"articlekit: cannot read {args.input}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        article = from_json(data)
        out = dumps(article, args.to)
    except ArticleKitError as exc:
        print(f"articlekit: {args.input}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.output:
        Path(args.output).write_text(out + "\n", encoding="utf-8")
    else:
        sys.stdout.write(out + "\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
