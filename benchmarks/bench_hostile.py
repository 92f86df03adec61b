"""Scaling of the hostile-input classes: 1, 4 and 8 MB of each, CPU seconds and peak memory.

One input per class of the torture corpus's second round (``tests/torture/make_corpus.py``),
grown to 1, 4 and 8 MB, each through the entry point it attacks, in a fresh child process
(its peak RSS is that run's alone: ``VmHWM`` of the whole process, interpreter and input
included).  The child warms up on a small document first, then times the one call
(``getrusage`` user + system CPU).  For each class: CPU seconds at each size, the ratio
t(8 MB) / t(1 MB) (linear growth keeps it near 8; the bound is 10), and whether every point
is within the budget (2 s + 1 s per MB of CPU; 100 MB + 25 x the input of memory; for the
gzip class the input is what the file expands to, as ``Limits.max_bytes`` counts it).  An
``ArticleKitError`` (a refusal, with its message) is a result like any other: the budget
is about how long it takes to answer.

Run (a few minutes)::

    PYTHONPATH=src python benchmarks/bench_hostile.py

Results: ``benchmarks/results/hostile.md`` and ``hostile.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
SIZES = (1, 4, 8)

PROSE = "The council met on Tuesday and voted on the tram plan, officials said after the meeting. "
ARTICLE = "<article><h1>Hostile</h1>" + "".join(f"<p>{PROSE * 3} ({i})</p>" for i in range(5)) + "</article>"


def _fill(head: str, unit: str, tail: str, size: int) -> str:
    n = max(1, (size - len(head) - len(tail)) // len(unit.encode("utf-8")))
    return head + unit * n + tail


def _prose_paragraphs(size: int) -> str:
    return "".join(f"<p>{PROSE * 4} ({i})</p>" for i in range(size // (len(PROSE) * 4 + 20)))


UNSAFE = ["javascript:alert(1)", "j&#9;" + "&#9;" * 16 + "avascript:x", " JaVa\tScRiPt:x", "data:text/html,x", "&#106;avascript:x"]


def make(kind: str, size: int) -> bytes:
    if kind == "deep-and-unclosed":
        return _fill("<html><body>" + "<div>" * 2100 + ARTICLE, "x <b", "", size).encode()
    if kind == "attribute-flood":
        body = "<p " + " ".join(f"a{i}=x" for i in range(size // 8)) + ">Hi there.</p>"
        return ("<html><body>" + ARTICLE + body + "</body></html>").encode()
    if kind == "single-mark-runs":
        return _fill("Title\n\n", " 'a 'b' c' 'd ", "", size).encode()
    if kind == "codec-label":
        return ('<html><head><meta charset="rot13"></head><body><article>' + _prose_paragraphs(size) + "</article></body></html>").encode()
    if kind == "big-ints":
        front = "---\ntitle: 0x" + "f" * 4000 + "\nn: [0o" + "7" * 5000 + "]\n---\n\n"
        return (front + "\n\n".join(f"{PROSE * 4} ({i})" for i in range(size // (len(PROSE) * 4 + 10)))).encode()
    if kind == "alias-amplification":
        front = "---\na: &a " + "x" * 28_000 + "\nb: [" + ", ".join(["*a"] * 8_000) + "]\n---\n\n"
        return (front + "\n\n".join(f"{PROSE * 4} ({i})" for i in range(size // (len(PROSE) * 4 + 10)))).encode()
    if kind == "dense-markdown":
        return "".join(f"- item {i}\n" for i in range(size // 12)).encode()
    if kind == "renderer-active-markdown":
        unit = "Text <script>alert(1)</script> and [x](javascript:alert(2)) with \\<b> and &lt;i&gt; words.\n\n"
        return _fill("---\ntitle: '<script>alert(0)</script>'\n---\n\n", unit, "", size).encode()
    if kind == "gzip-members":
        page = ("<html><body><article>" + _prose_paragraphs(size) + "</article></body></html>").encode()
        step = 64 * 1024
        return b"".join(gzip.compress(page[i : i + step], 1) for i in range(0, len(page), step))
    if kind == "unsafe-url-spellings":
        unit = "".join(f'<p>{PROSE} <a href="{u}">link</a> <img src="{u}"></p>' for u in UNSAFE)
        return _fill("<html><body><article><h1>URLs</h1>", unit, "</article></body></html>", size).encode()
    raise ValueError(kind)


# (class, entry point, warm-up input)
CLASSES = [
    ("deep-and-unclosed", "parse_html", b"<p>warm up</p>"),
    ("attribute-flood", "parse_html", b"<p>warm up</p>"),
    ("single-mark-runs", "parse_text", b"warm up"),
    ("codec-label", "parse_html", b"<p>warm up</p>"),
    ("big-ints", "parse_markdown", b"warm up"),
    ("alias-amplification", "parse_markdown", b"warm up"),
    ("dense-markdown", "parse_markdown", b"warm up"),
    ("renderer-active-markdown", "parse_markdown+to_markdown", b"warm up"),
    ("gzip-members", "gunzip+parse_html", b""),
    ("unsafe-url-spellings", "parse_html", b"<p>warm up</p>"),
]

CHILD = r"""
import json, resource, sys, gzip
import articlekit
from articlekit._batch._inputs import _gunzip
entry, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
def run(d):
    if entry == "gunzip+parse_html":
        return articlekit.parse_html(_gunzip(d, articlekit.Limits().max_bytes))
    if entry == "parse_markdown+to_markdown":
        return articlekit.to_markdown(articlekit.parse_markdown(d))
    return getattr(articlekit, entry)(d)
try:
    run(gzip.compress(b"<p>warm up text</p>") if entry.startswith("gunzip") else b"warm up text")
except articlekit.ArticleKitError:
    pass  # a warm-up refused by a limit still warms the imports and caches
r0 = resource.getrusage(resource.RUSAGE_SELF)
outcome = "ok"
try:
    run(data)
except articlekit.ArticleKitError as exc:
    outcome = type(exc).__name__
r1 = resource.getrusage(resource.RUSAGE_SELF)
hwm = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) * 1024
print(json.dumps({"cpu": (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime), "rss": hwm, "outcome": outcome}))
"""


def measure(entry: str, data: bytes) -> dict[str, object]:
    with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
        handle.write(data)
        handle.flush()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, entry, handle.name], capture_output=True, text=True, timeout=600, check=False
        )
    if done.returncode != 0:
        return {"cpu": None, "rss": None, "outcome": f"crash: {done.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "hostile")
    args = parser.parse_args(argv)
    rows = []
    for kind, entry, _ in CLASSES:
        points = []
        for mb in SIZES:
            data = make(kind, mb * MB)
            # The budget is per MB of what is parsed: for gzip, of what it expands to.
            size = len(gzip.decompress(data)) if kind == "gzip-members" else len(data)
            point = {"mb": mb, "bytes": size, **measure(entry, data)}
            size_mb = size / MB
            cpu, rss = point["cpu"], point["rss"]
            point["within"] = (
                isinstance(cpu, float) and isinstance(rss, int)
                and cpu <= 2 + size_mb and rss <= (100 + 25 * size_mb) * MB
            )
            points.append(point)
            print(kind, entry, point, flush=True)
        first, last = points[0]["cpu"], points[-1]["cpu"]
        ratio = last / first if isinstance(first, float) and isinstance(last, float) and first > 0 else None
        rows.append({"class": kind, "entry": entry, "points": points, "ratio": ratio})
    args.out.with_suffix(".json").write_text(json.dumps(rows, indent=1) + "\n")
    lines = [
        "| class | entry point | outcome | CPU s at 1 / 4 / 8 MB | t(8 MB) / t(1 MB) | peak RSS at 8 MB | every point within budget |",
        "|---|---|---|---|---:|---:|---|",
    ]
    for row in rows:
        pts = row["points"]
        cpus = " / ".join("n/a" if p["cpu"] is None else f"{p['cpu']:.2f}" for p in pts)
        ratio = "n/a" if row["ratio"] is None else f"{row['ratio']:.1f}"
        rss = pts[-1]["rss"]
        rss_text = "n/a" if rss is None else f"{rss / MB:.0f} MB"
        outcome = sorted({str(p["outcome"]) for p in pts})
        ok = "yes" if all(p["within"] for p in pts) else "**no**"
        lines.append(f"| {row['class']} | {row['entry']} | {', '.join(outcome)} | {cpus} | {ratio} | {rss_text} | {ok} |")
    lines += [
        "",
        "CPU seconds (user + system) of the one call in a fresh process; peak RSS of the whole child (VmHWM). "
        "Budget: 2 s + 1 s per MB of input, 100 MB + 25 x the input. A ratio whose 1 MB time is a few "
        "hundredths of a second (a refusal) mostly measures the clock's resolution.",
    ]
    args.out.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
