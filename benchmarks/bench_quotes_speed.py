"""Throughput and scaling of articlekit's quote extractor.

Prints, for news text and for adversarial text, the time to extract the
quotes of 1 MB and of 8 MB of article text, the throughput in MB/s, and the
ratio t(8 MB) / t(1 MB) (linear scaling gives about 8; the acceptance bound is
10).  Also t(100k marks) / t(10k marks) for the quote-bait families (bound 15).
Times are CPU times of this process (``time.process_time``), so other load on
the machine does not count.  One process, one core::

    PYTHONPATH=src python benchmarks/bench_quotes_speed.py [--repeat 3] [--out STEM] [--quick]

``--quick`` measures the two news rows alone and writes nothing (to iterate on the extractor's speed).

Two news families, each block a paragraph, repeated to size:

* ``news``: real article text, the human-written bodies of the 91 pages of the development
  corpus (``shared/corpus``, beside the repository; the row is skipped without it), about
  3,300 quotations per MB;
* ``dense quotes``: the reference article and the development passages
  (``tests/fixtures/quotes/dev.json``), written to test attribution, so nearly every sentence
  holds a quotation and a speech cue (about 14,000 quotations per MB): a worst case for news.  The tables go to
``benchmarks/results/quotes_speed.md`` (with ``.json`` and a bar chart of MB/s at 1 and 8 MB,
``.svg``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import _report

from articlekit import Article, Limits, Paragraph, Text
from articlekit._quotes import extract_quotes

HERE = Path(__file__).resolve().parent.parent
MB = 1_000_000
# Generous caps, so that the work grows with the input (the defaults stop at 10,000 quotes).
_LIMITS = Limits(max_bytes=64 * MB, max_quotes=10_000_000)


def _news_paragraphs() -> list[str]:
    paragraphs = []
    seed = HERE.parent / "shared" / "seed" / "000_0a294081f9b24e16.txt"
    for candidate in (seed, Path("/work/shared/seed/000_0a294081f9b24e16.txt")):
        if candidate.exists():
            paragraphs += [
                p.replace("\n", " ")
                for p in candidate.read_text(encoding="utf-8").split("\n\n")
                if p.strip()
            ]
            break
    dev = HERE / "tests" / "fixtures" / "quotes" / "dev.json"
    if dev.exists():
        for case in json.loads(dev.read_text(encoding="utf-8")):
            paragraphs += [p for p in case["text"].split("\n\n") if p.strip()]
    if not paragraphs:
        paragraphs = [
            "“We are waiting,” Kremlin spokesperson Dmitry Peskov told reporters on Friday."
        ]
    return paragraphs


_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _corpus_paragraphs() -> list[str]:
    """The paragraphs of the development corpus's ground-truth article bodies (real news text)."""
    for base in (HERE, *HERE.parents):
        truth = base / "shared" / "corpus" / "scrapinghub-dev" / "ground-truth.json"
        if truth.exists():
            bodies = json.loads(truth.read_text(encoding="utf-8"))
            return [
                _UNCLEAN.sub("", line).strip()
                for page_id in sorted(bodies)
                for line in bodies[page_id]["articleBody"].split("\n")
                if _UNCLEAN.sub("", line).strip()
            ]
    return []


def _article(paragraphs: list[str], size: int) -> Article:
    body: list[Paragraph] = []
    total = 0
    i = 0
    while total < size:
        p = paragraphs[i % len(paragraphs)]
        body.append(Paragraph([Text(p)]))
        total += len(p) + 2
        i += 1
    return Article(title="Benchmark", body=body)


def _one_block(unit: str, size: int) -> Article:
    return Article(body=[Paragraph([Text((unit * (size // len(unit) + 1))[:size])])])


def _lines(unit: str, size: int, width: int = 5_000) -> Article:
    text = (unit * (size // len(unit) + 1))[:size]
    return Article(
        body=[Paragraph([Text(text[i : i + width])]) for i in range(0, len(text), width)]
    )


FAMILIES: dict[str, Callable[[int], Article]] = {
    "news": lambda n: _article(_corpus_paragraphs(), n),
    "dense quotes": lambda n: _article(_news_paragraphs(), n),
    "open marks “": lambda n: _one_block("“", n),
    "close marks ”": lambda n: _one_block("”", n),
    "alternating “”": lambda n: _one_block("“a” ", n),
    "unbalanced “a said": lambda n: _one_block("“a said ", n),
    "said bait": lambda n: _lines("said Peskov said he said, ", n),
    "names run": lambda n: _lines("Peskov ", n),
    "mixed marks": lambda n: _lines("«„“\"‘'»”’ said Peskov \n", n),
    "straight quotes": lambda n: _lines('"a" said "b ', n),
}


_NEWS = ("news", "dense quotes")


def _time(article: Article, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        extract_quotes(article, limits=_LIMITS)
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="the news rows alone; no results written")
    _report.add_out_option(parser, "quotes_speed")
    args = parser.parse_args(argv)
    print(f"{'family':22} {'t(1MB) s':>9} {'t(8MB) s':>9} {'MB/s':>7} {'8MB/1MB':>8}")
    worst = 0.0
    families: dict[str, dict[str, float]] = {}
    bait: dict[str, dict[str, float]] = {}
    for name, build in FAMILIES.items():
        if args.quick and name not in _NEWS:
            continue
        if name == "news" and not _corpus_paragraphs():
            print(f"{name:22} skipped: shared/corpus not found beside the repository")
            continue
        small, large = build(MB), build(8 * MB)
        size_small = len(small.text) / MB
        t1 = _time(small, args.repeat)
        t8 = _time(large, max(1, args.repeat - 1))
        ratio = t8 / max(t1, 1e-9)
        worst = max(worst, ratio)
        print(f"{name:22} {t1:9.3f} {t8:9.3f} {size_small / t1:7.2f} {ratio:8.2f}")
        size_large = len(large.text) / MB
        families[name] = {"t_1mb_s": round(t1, 4), "t_8mb_s": round(t8, 4), "mb_s_1mb": round(size_small / t1, 3),
                          "mb_s_8mb": round(size_large / t8, 3), "ratio": round(ratio, 2)}
    print(f"worst 8MB/1MB ratio: {worst:.2f} (bound 10)")
    if args.quick:
        return 0
    print()
    print(f"{'quote bait (marks)':22} {'t(10k) s':>9} {'t(100k) s':>9} {'ratio':>7}")
    for name, unit in (
        ("open “", "“"),
        ("alternating “”", "“”"),
        ("“a said", "“a said "),
        ("unterminated names", "“Peskov "),
    ):
        t10 = _time(_one_block(unit, 10_000 * len(unit)), args.repeat)
        t100 = _time(_one_block(unit, 100_000 * len(unit)), args.repeat)
        print(f"{name:22} {t10:9.4f} {t100:9.4f} {t100 / max(t10, 1e-9):7.2f}")
        bait[name] = {"t_10k_s": round(t10, 5), "t_100k_s": round(t100, 5), "ratio": round(t100 / max(t10, 1e-9), 2)}
    rows = [[name, f"{r['t_1mb_s']:.3f}", f"{r['t_8mb_s']:.3f}", f"{r['mb_s_1mb']:.2f}", f"{r['mb_s_8mb']:.2f}",
             f"{r['ratio']:.2f}"] for name, r in families.items()]
    markdown = _report.md_table(["text", "t(1 MB) CPU s", "t(8 MB) CPU s", "MB/s at 1 MB", "MB/s at 8 MB",
                                 "t(8 MB) / t(1 MB)"], rows, align="lrrrrr")
    markdown += f"\nWorst ratio t(8 MB) / t(1 MB): **{worst:.2f}** (linear: 8; bound 10).\n\n"
    markdown += _report.md_table(["quote bait", "t(10k marks) CPU s", "t(100k marks) CPU s", "ratio"],
                                 [[name, f"{r['t_10k_s']:.4f}", f"{r['t_100k_s']:.4f}", f"{r['ratio']:.2f}"]
                                  for name, r in bait.items()], align="lrrr")
    markdown += (f"\nCPU seconds of `extract_quotes` (best of {args.repeat}), quote cap raised so the work grows "
                 "with the input. Bait ratio: linear is 10, the bound 15.\n")
    svg = _report.bar_chart(
        "Quote extraction throughput at 1 MB and 8 MB",
        list(families),
        {"1 MB": [r["mb_s_1mb"] for r in families.values()], "8 MB": [r["mb_s_8mb"] for r in families.values()]},
        "MB per CPU-second (log scale; equal bars: linear time)",
        log=True,
    )
    data = {**_report.environment("PYTHONPATH=src python benchmarks/bench_quotes_speed.py"),
            "repeat": args.repeat, "families": families, "worst_ratio": round(worst, 2), "bait": bait}
    _report.write(args.out, data, markdown, svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
