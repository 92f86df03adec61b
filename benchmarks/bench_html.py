"""Article-body extraction benchmark: articlekit beside the best available peers, in one run.

For each system, a child process loads the pages, warms up on one page, then
times every extraction call with :func:`time.process_time` (CPU seconds, so the
figures hold on a busy machine) and reports its peak resident memory.  This is
done in several rounds (``--rounds``, 3 by default), the order of the systems
rotated each round, and each system's fastest round is reported: the load of
a shared machine drifts, and no system should pay for running first.  The
parent scores every system's text against the ground truth with the
benchmark's own metric (see ``../shared/corpus/README.md``): 4-token shingles
of ``\\w+`` tokens, per-page precision and recall averaged over pages, F1 the
harmonic mean of the two averages.

articlekit is timed through the whole public call, ``parse_html(html, url=...,
quotes=False)``: decoding, parsing, metadata, content extraction and building
the model (quote extraction is a separate feature no peer has).  Its text is
the text of the article's body blocks, figures excepted: the ground truth leaves
out the title, a standfirst printed apart from the body, and image captions.

Usage::

    PYTHONPATH=src python benchmarks/bench_html.py                   # every installed system
    PYTHONPATH=src python benchmarks/bench_html.py --systems articlekit --worst 10

Figures go to ``benchmarks/results/html.json`` and ``benchmarks/results/html.md``
(only when every system ran, unless ``--out`` is given).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _systems import make_extractor, spawn, timed_run, version

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = Path(os.environ.get("ARTICLEKIT_CORPUS", ROOT.parent.parent / "shared" / "corpus" / "scrapinghub-dev"))
if not DEFAULT_CORPUS.exists():
    DEFAULT_CORPUS = Path("/work/shared/corpus/scrapinghub-dev")

SYSTEMS = [
    "articlekit",
    "trafilatura",
    "trafilatura-fast",
    "readability-lxml",
    "boilerpy3",
    "justext",
    "newspaper4k",
    "goose3",
]

_TOKEN = re.compile(r"\w+")


# ---------------------------------------------------------------------- the metric


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of consecutive *n*-token tuples of *text* (one short shingle if fewer)."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(truth: str, pred: str) -> tuple[float, float]:
    """Page precision and recall of *pred* against *truth*."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    precision = 1.0 if fp == 0 and tp == 0 else tp / (tp + fp) if tp + fp else 0.0
    recall = 1.0 if fn == 0 and tp == 0 else tp / (tp + fn) if tp + fn else 0.0
    if fp == 0 and fn == 0:
        precision = recall = 1.0
    return precision, recall


def score(truths: dict[str, str], preds: dict[str, str]) -> dict[str, float]:
    """Precision, recall and F1 over pages, the benchmark's way."""
    precisions: list[float] = []
    recalls: list[float] = []
    for key, truth in truths.items():
        pred = preds.get(key, "")
        p, r = page_scores(truth, pred)
        if _TOKEN.search(pred):
            precisions.append(p)
        if _TOKEN.search(truth):
            recalls.append(r)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def load_corpus(corpus: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Pages (id -> html), truths (id -> body) and urls (id -> url)."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for key in sorted(truth):
        with gzip.open(corpus / "html" / f"{key}.html.gz") as fh:
            pages[key] = fh.read().decode("utf-8", "replace")
    return pages, {k: v["articleBody"] for k, v in truth.items()}, {k: v.get("url", "") for k, v in truth.items()}


def worker(name: str, corpus: Path, out: Path) -> None:
    """Run one system over every page and write texts, CPU time and peak memory to *out*."""
    pages, _, urls = load_corpus(corpus)
    extract = make_extractor(name, articlekit_text=os.environ.get("AK_BENCH_TEXT", "body"))
    first = next(iter(pages))
    result = timed_run(extract, ((key, html, urls[key]) for key, html in pages.items()),
                       warm_up=(pages[first], urls[first]))
    out.write_text(json.dumps(result), encoding="utf-8")


def svg_plot(results: dict[str, dict[str, object]]) -> str:
    """A scatter plot, F1 against pages per CPU-second, as a small standalone SVG."""
    width, height, pad = 640, 400, 60
    points = [(name, float(r["pages_per_cpu_s"] or 0), float(r["f1"])) for name, r in results.items()]  # type: ignore[arg-type]
    max_x = max((x for _, x, _ in points), default=1.0) * 1.15 or 1.0
    min_y = min((y for _, _, y in points), default=0.0)
    min_y = max(0.0, min(min_y, 0.95) - 0.02)

    def sx(x: float) -> float:
        return pad + (width - 2 * pad) * x / max_x

    def sy(y: float) -> float:
        return height - pad - (height - 2 * pad) * (y - min_y) / (1.0 - min_y)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="black"/>',
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="black"/>',
        f'<text x="{width / 2}" y="{height - 20}" text-anchor="middle">pages per CPU-second (higher is faster)</text>',
        f'<text x="18" y="{height / 2}" text-anchor="middle" transform="rotate(-90 18 {height / 2})">F1 (body text)</text>',
    ]
    for i in range(5):
        y = min_y + (1.0 - min_y) * i / 4
        out.append(f'<text x="{pad - 6}" y="{sy(y) + 4:.1f}" text-anchor="end">{y:.3f}</text>')
        x = max_x * i / 4
        out.append(f'<text x="{sx(x):.1f}" y="{height - pad + 16}" text-anchor="middle">{x:.0f}</text>')
    for name, x, y in points:
        color = "#c0392b" if name == "articlekit" else "#2c3e50"
        out.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="5" fill="{color}"/>')
        out.append(f'<text x="{sx(x) + 8:.1f}" y="{sy(y) - 6:.1f}" fill="{color}">{name}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def stage_times(corpus: Path) -> dict[str, float]:
    """articlekit's CPU milliseconds per page in each stage of parse_html (best of 3 passes)."""
    sys.path.insert(0, str(ROOT / "src"))
    from articlekit._input import decode_input
    from articlekit._limits import Limits
    from articlekit._parsers.html import _finish_body
    from articlekit._parsers.html._blocks import BlockBuilder
    from articlekit._parsers.html._extract import drop_ui_lines, extract_content
    from articlekit._parsers.html._metadata import extract_metadata
    from articlekit._parsers.html._tree import parse_tree

    pages, _, urls = load_corpus(corpus)
    limits = Limits()
    best: dict[str, float] = {}
    for _ in range(3):
        totals = dict.fromkeys(("decode", "parse", "metadata", "content", "blocks", "finish"), 0.0)
        for key, html in pages.items():
            t0 = time.process_time()
            decoded = decode_input(html, source="html", limits=limits, html=True, clean=False)
            t1 = time.process_time()
            root, _warnings = parse_tree(decoded.text, limits=limits)
            t2 = time.process_time()
            meta = extract_metadata(root, url=urls[key], limits=limits)
            t3 = time.process_time()
            content = extract_content(root)
            t4 = time.process_time()
            builder = BlockBuilder(base_url=meta.base_url, limits=limits)
            body = [b for el in content for b in builder.build(el)]
            t5 = time.process_time()
            _finish_body(drop_ui_lines(body), title=meta.title, standfirst=meta.standfirst, root=root, content=content)
            t6 = time.process_time()
            for name, dt in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
                totals[name] += dt
        for name, total in totals.items():
            best[name] = min(best.get(name, float("inf")), total * 1000 / len(pages))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--systems", nargs="*", default=SYSTEMS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=None, help="results file stem (default: benchmarks/results/html)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds; each system's fastest is kept")
    parser.add_argument("--stages", action="store_true", help="also print articlekit's CPU time per stage")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst articlekit pages")
    parser.add_argument("--dump", type=Path, default=None, help="write each system's texts to DIR/<system>.json")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.worker_out)
        return

    pages, truths, _ = load_corpus(args.corpus)
    results: dict[str, dict[str, object]] = {}
    raw: dict[str, dict[str, object]] = {}
    runs: dict[str, list[dict[str, object]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # Several rounds, the order rotated each round, and each system's fastest round
        # kept: the machine's load drifts, and no system should pay for running first.
        for round_no in range(args.rounds):
            order = args.systems[round_no % len(args.systems):] + args.systems[: round_no % len(args.systems)]
            for name in order:
                out = Path(tmp) / f"{name}-{round_no}.json"
                data = spawn(__file__, name, out, ["--corpus", str(args.corpus)])
                if data is not None:
                    runs.setdefault(name, []).append(data)
    for name in args.systems:
        if name not in runs:
            continue
        data = runs[name][0]
        raw[name] = data
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.json").write_text(json.dumps(data["texts"]), encoding="utf-8")
        cpu = min(float(run["cpu"]) for run in runs[name])  # type: ignore[arg-type]
        peak = max(int(run["peak_rss_kb"]) for run in runs[name])  # type: ignore[call-overload]
        base = min(int(run["base_rss_kb"]) for run in runs[name])  # type: ignore[call-overload]
        metrics = score(truths, data["texts"])  # type: ignore[arg-type]
        results[name] = {
            "version": version(name),
            **{k: round(v, 4) for k, v in metrics.items()},
            "pages_per_cpu_s": round(len(pages) / cpu, 1) if cpu else None,
            "cpu_s": round(cpu, 3),
            "cpu_s_rounds": [round(float(run["cpu"]), 3) for run in runs[name]],  # type: ignore[arg-type]
            "peak_rss_mb": round(peak / 1024, 1),
            "extraction_rss_mb": round((peak - base) / 1024, 1),
            "errors": len(data["errors"]),  # type: ignore[arg-type]
        }
    header = f"{'system':<18} {'version':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/CPU-s':>11} {'peak MB':>8} {'errors':>6}"
    print(f"{len(pages)} pages from {args.corpus}")
    print(header)
    print("-" * len(header))
    for name, r in sorted(results.items(), key=lambda kv: -float(kv[1]["f1"])):  # type: ignore[arg-type]
        print(f"{name:<18} {r['version']!s:<10} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} "
              f"{r['pages_per_cpu_s']!s:>11} {r['peak_rss_mb']!s:>8} {r['errors']!s:>6}")
    if args.worst and "articlekit" in raw:
        texts = raw["articlekit"]["texts"]
        assert isinstance(texts, dict)
        rows = []
        for key, truth in truths.items():
            prec, rec = page_scores(truth, texts.get(key, ""))
            rows.append((2 * prec * rec / (prec + rec) if prec + rec else 0.0, prec, rec, key))
        rows.sort()
        print("\nworst articlekit pages (F1, precision, recall, id):")
        for f1, prec, rec, key in rows[: args.worst]:
            print(f"  {f1:.3f} {prec:.3f} {rec:.3f} {key}")
        times = raw["articlekit"]["times"]
        assert isinstance(times, dict)
        slow = sorted(times.items(), key=lambda kv: -kv[1])[:5]
        print("slowest articlekit pages (CPU ms):", ", ".join(f"{k[:10]} {v * 1000:.1f}" for k, v in slow))
    stages = stage_times(args.corpus) if args.stages else None
    if stages:
        print("\narticlekit CPU ms per page by stage (best of 3): "
              + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    complete = set(results) == set(args.systems) and set(args.systems) == set(SYSTEMS)
    stem = args.out or (HERE / "results" / "html" if complete else None)
    if stem is not None:
        stem.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "corpus": str(args.corpus.name),
            "pages": len(pages),
            "python": sys.version.split()[0],
            "date": time.strftime("%Y-%m-%d", time.gmtime()),
            "command": "PYTHONPATH=src python benchmarks/bench_html.py",
            "rounds": args.rounds,
            "articlekit_stage_ms_per_page": {k: round(v, 2) for k, v in stages.items()} if stages else None,
            "systems": results,
        }
        Path(f"{stem}.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        lines = [
            "| system | version | precision | recall | F1 | pages / CPU-s | peak RSS (MB) |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for name, r in sorted(results.items(), key=lambda kv: -float(kv[1]["f1"])):  # type: ignore[arg-type]
            lines.append(f"| {name} | {r['version']} | {r['precision']:.3f} | {r['recall']:.3f} | "
                         f"{r['f1']:.3f} | {r['pages_per_cpu_s']} | {r['peak_rss_mb']} |")
        Path(f"{stem}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        Path(f"{stem}.svg").write_text(svg_plot(results), encoding="utf-8")
        print(f"\nwritten: {stem}.json, {stem}.md, {stem}.svg")


if __name__ == "__main__":
    main()
