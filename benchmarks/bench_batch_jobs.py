"""The default ``--jobs`` of ``articlekit batch`` against ``-j 0`` and ``-j 2``, small runs and large.

``articlekit batch`` runs in a subprocess (wall clock from start to exit, as a user sees it)
on runs of 20, 200 and 2,000 pages (the Scrapinghub development pages repeated through
symbolic links), with the default ``--jobs`` (chosen by the size of the run), ``-j 0`` (in
process, no workers) and ``-j 2`` (two workers from the start).  The three settings are run
one after another in rotating order, ``--repeat`` times, and the median of each is kept: the
figure is the ratio *default / -j 0* and *default / -j 2* measured in one run (the machine's
load moves the seconds, much less the ratios).

    PYTHONPATH=src python benchmarks/bench_batch_jobs.py [--sizes 20,200,2000] [--repeat 3]

Results go to ``benchmarks/results/batch_jobs.md`` and ``batch_jobs.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "scrapinghub-dev" / "html"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/scrapinghub-dev/html")

SETTINGS: dict[str, list[str]] = {"default": [], "-j 0": ["-j", "0"], "-j 2": ["-j", "2"]}


def _pages(folder: Path, count: int) -> Path:
    sources = sorted(CORPUS.glob("*.html.gz"))
    if not sources:
        raise SystemExit(f"{CORPUS}: no pages")
    folder.mkdir()
    for i in range(count):
        source = sources[i % len(sources)]
        (folder / f"{i:06d}-{source.name}").symlink_to(source)
    return folder


def _run(folder: Path, extra: list[str], out: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    command = [sys.executable, "-m", "articlekit", "batch", str(folder), "--out", str(out), "--overwrite",
               "--no-progress", *extra]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    lines = out.read_bytes().count(b"\n")
    if lines == 0:
        raise SystemExit(f"{' '.join(command)} wrote nothing")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,200,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "batch_jobs")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = _pages(Path(tmp) / f"pages{size}", size)
            times: dict[str, list[float]] = {name: [] for name in SETTINGS}
            names = list(SETTINGS)
            for r in range(args.repeat):
                for name in names[r % len(names):] + names[: r % len(names)]:
                    times[name].append(_run(folder, SETTINGS[name], Path(tmp) / "out.jsonl"))
            median = {name: statistics.median(t) for name, t in times.items()}
            row = {
                "pages": size,
                "seconds": median,
                "default/-j 0": median["default"] / median["-j 0"],
                "default/-j 2": median["default"] / median["-j 2"],
                "load": os.getloadavg()[0],
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    args.out.with_suffix(".json").write_text(json.dumps(rows, indent=2) + "\n")
    lines = [
        "# `articlekit batch`: the default `--jobs` against `-j 0` and `-j 2`",
        "",
        f"Median wall seconds of {args.repeat} runs each, the settings in rotating order; ratios from one run "
        "(`PYTHONPATH=src python benchmarks/bench_batch_jobs.py`). Scrapinghub development pages, repeated.",
        "",
        "| pages | default s | -j 0 s | -j 2 s | default / -j 0 | default / -j 2 | load average |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        s = row["seconds"]
        lines.append(
            f"| {row['pages']:,} | {s['default']:.2f} | {s['-j 0']:.2f} | {s['-j 2']:.2f} "
            f"| {row['default/-j 0']:.2f} | {row['default/-j 2']:.2f} | {row['load']:.1f} |"
        )
    args.out.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
