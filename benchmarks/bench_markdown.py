"""Throughput of parse_markdown beside markdown-it-py's own tokenizer, on the same inputs.

Run:  PYTHONPATH=src python benchmarks/bench_markdown.py [--repeat N] [--out STEM]

Inputs (built in memory, nothing fetched):

* ``spec``: the 652 CommonMark spec examples (tests/fixtures/markdown/commonmark.json), one document each;
* ``posts``: the three front-matter posts in tests/fixtures/markdown, each repeated to about 60 KB;
* ``corpus``: the 91 pages of shared/corpus parsed with parse_html and written with to_markdown
  (skipped when the corpus is not beside the repository).

For each set it prints MB/s of ``MarkdownIt().parse`` (the commonmark preset, created once),
of ``parse_markdown(quotes=False)`` and of ``parse_markdown(quotes=True)``, and the ratio
articlekit/markdown-it (the acceptance bar is >= 0.67 with quotes=False: articlekit's
overhead over the tokenizer at most 50 %).  Best of N interleaved rounds (each times every system once), CPU time.  The table goes to
``benchmarks/results/markdown.md`` (with ``.json`` and a bar chart of MB/s, ``.svg``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

import _report
from markdown_it import MarkdownIt

from articlekit import parse_html, parse_markdown, to_markdown

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "markdown"


def _corpus_dir() -> Path | None:
    for base in (ROOT, *ROOT.parents):
        candidate = base / "shared" / "corpus" / "scrapinghub-dev" / "html"
        if candidate.is_dir():
            return candidate
    return None


def inputs() -> dict[str, list[str]]:
    spec = [e["markdown"] for e in json.loads((FIXTURES / "commonmark.json").read_text("utf-8"))]
    spec = [s for s in spec if s.strip()]  # blank examples raise EmptyDocumentError by design
    posts = []
    for name in ("hugo_post.md", "jekyll_post.md", "zola_post.md"):
        text = (FIXTURES / name).read_text("utf-8")
        head, sep, body = text.partition("\n---\n") if text.startswith("---") else text.partition("\n+++\n")
        posts.append(head + sep + "\n\n".join([body] * max(1, 60_000 // len(body))))
    sets = {"spec": spec, "posts": posts}
    corpus = _corpus_dir()
    if corpus is not None:
        docs = []
        for path in sorted(corpus.glob("*.html.gz")):
            article = parse_html(gzip.decompress(path.read_bytes()), quotes=False)
            docs.append(to_markdown(article))
        sets["corpus"] = docs
    return sets


def bench(funcs: list[Callable[[str], object]], docs: list[str], repeat: int) -> list[float]:
    """Best CPU time of each function over *docs*, the functions' rounds interleaved.

    Each round times every function once, in turn, so a change in the machine's load
    during the run touches all of them alike and the ratios stay steady.
    """
    best = [float("inf")] * len(funcs)
    for _ in range(repeat):
        for i, func in enumerate(funcs):
            start = time.process_time()
            for doc in docs:
                func(doc)
            best[i] = min(best[i], time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    _report.add_out_option(parser, "markdown")
    args = parser.parse_args()
    tokenizer = MarkdownIt()
    print(f"{'input':8} {'MB':>6} {'markdown-it':>12} {'articlekit':>11} {'ratio':>6} {'+quotes':>8} {'ratio':>6}")
    results: dict[str, dict[str, float]] = {}
    for name, docs in inputs().items():
        size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        t_mdit, t_ours, t_quotes = bench(
            [tokenizer.parse, lambda d: parse_markdown(d, quotes=False), lambda d: parse_markdown(d, quotes=True)],
            docs,
            args.repeat,
        )
        print(
            f"{name:8} {size:6.2f} {size / t_mdit:9.2f} MB/s {size / t_ours:6.2f} MB/s {t_mdit / t_ours:6.2f}"
            f" {size / t_quotes:5.2f} MB/s {t_mdit / t_quotes:6.2f}"
        )
        results[name] = {
            "documents": len(docs),
            "mb": round(size, 3),
            "markdown_it_mb_s": round(size / t_mdit, 3),
            "articlekit_mb_s": round(size / t_ours, 3),
            "articlekit_quotes_mb_s": round(size / t_quotes, 3),
            "ratio": round(t_mdit / t_ours, 3),
            "ratio_quotes": round(t_mdit / t_quotes, 3),
        }
    rows = [
        [f"{name} ({r['documents']:.0f} docs)", f"{r['mb']:.2f}", f"{r['markdown_it_mb_s']:.2f}", f"{r['articlekit_mb_s']:.2f}",
         f"{r['ratio']:.2f}", f"{r['articlekit_quotes_mb_s']:.2f}", f"{r['ratio_quotes']:.2f}"]
        for name, r in results.items()
    ]
    header = ["input", "MB", "markdown-it MB/CPU-s", "parse_markdown MB/CPU-s", "ratio",
              "parse_markdown + quotes MB/CPU-s", "ratio"]
    markdown = _report.md_table(header, rows, align="lrrrrrr")
    markdown += (f"\nBest of {args.repeat} interleaved rounds, CPU time. ratio: markdown-it's time / articlekit's "
                 "(1.0: as fast as the bare tokenizer; the bar is 0.67 without quotes).\n")
    svg = _report.bar_chart(
        "Markdown throughput beside markdown-it-py's tokenizer",
        list(results),
        {
            "parse_markdown(quotes=False)": [r["articlekit_mb_s"] for r in results.values()],
            "markdown-it-py parse (tokens only)": [r["markdown_it_mb_s"] for r in results.values()],
            "parse_markdown (with quotes)": [r["articlekit_quotes_mb_s"] for r in results.values()],
        },
        "MB per CPU-second (higher is faster)",
    )
    from importlib.metadata import version

    import articlekit

    data = {**_report.environment("PYTHONPATH=src python benchmarks/bench_markdown.py"),
            "versions": {"articlekit": articlekit.__version__, "markdown-it-py": version("markdown-it-py")},
            "repeat": args.repeat, "inputs": results}
    _report.write(args.out, data, markdown, svg)


if __name__ == "__main__":
    main()
