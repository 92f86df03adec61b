"""Coverage-guided fuzzing of articlekit's entry points with atheris.

Usage::

    python fuzz/fuzz.py TARGET [libFuzzer options, e.g. -runs=1000000 -max_len=4096 CORPUS_DIR]

TARGET is one of: parse_html, parse_markdown, parse_text, parse, from_json, to_html.  Any
exception that is not an ``articlekit.ArticleKitError`` is a contract violation: libFuzzer
stops and writes the input as ``crash-*``; turn it into a regression test in
``tests/test_fuzz_regressions.py``.  ``fuzz/run.sh`` runs every target.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

import atheris

with atheris.instrument_imports():
    import attrs

    import articlekit


def _to_html(data: bytes) -> None:
    # Build an article from fuzzed text and serialise it: exercises the escaping writer.
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(200)
    href = fdp.ConsumeUnicodeNoSurrogates(60)
    try:
        para = articlekit.Paragraph([articlekit.Text(text), articlekit.Link(href, [articlekit.Text(text)])])
        article = articlekit.Article(title=text, body=[para], url=href)
    except articlekit.ValidationError:
        return
    out = articlekit.to_html(attrs.evolve(article), standalone=True)
    lowered = out.lower()
    if "<script>" in lowered or "javascript:" in lowered.replace("\\u003c", ""):
        raise AssertionError(f"active content in to_html output: {out[:200]!r}")


TARGETS: dict[str, Callable[[bytes], object]] = {
    "parse_html": lambda d: articlekit.parse_html(d),
    "parse_markdown": lambda d: articlekit.parse_markdown(d),
    "parse_text": lambda d: articlekit.parse_text(d),
    "parse": lambda d: articlekit.parse(d),
    "from_json": lambda d: articlekit.from_json(d),
    "to_html": _to_html,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]

    def test_one_input(data: bytes) -> None:
        with contextlib.suppress(articlekit.ArticleKitError):
            target(data)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
