"""Time and memory of every entry point on hostile and growing inputs, beside trafilatura.

Each measurement runs in its own child process (so peak RSS is that run's alone) with a
hard kill after ``--kill`` seconds.  Two tables are printed:

1. the torture corpus (``tests/torture/make_corpus.py``): seconds and peak RSS per file and
   entry point, with the budget of reliability requirements R3/R4 (2 s + 1 s per MB;
   100 MB + 25 x input size) checked;
2. scaling: realistic and adversarial inputs of 1, 2, 4 and 8 MB, and the ratio t(8 MB)/t(1 MB)
   (linear growth keeps it near 8; the budget is 10).

Run: ``python benchmarks/bench_torture.py [--quick]``.  Results go to
``benchmarks/results/torture.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.torture.make_corpus import SPECS, generate  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
MB = 1024 * 1024

# What each entry point runs in the child.  The child reads the file, then times the call.
CHILD = r"""
import sys, time, resource
name, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if name == "trafilatura":
    import trafilatura
    call = lambda: trafilatura.extract(data)
else:
    import articlekit
    if name == "extract_quotes":
        text = data.decode("utf-8", "replace")
        article = articlekit.parse_text(text, quotes=False)
        call = lambda: articlekit.extract_quotes(article)
    elif name == "to_html":
        article = articlekit.parse(data, quotes=False)
        call = lambda: articlekit.to_html(article)
    else:
        fn = getattr(articlekit, name)
        call = lambda: fn(data)
start = time.perf_counter()
try:
    call()
    status = "ok"
except Exception as exc:  # the contract: articlekit errors only
    import articlekit
    status = "error" if isinstance(exc, articlekit.ArticleKitError) else "VIOLATION " + type(exc).__name__
print(status, time.perf_counter() - start)
"""

ENTRY_POINTS = ("parse_html", "parse_markdown", "parse_text", "extract_quotes", "to_html")


def run_child(name: str, path: Path, kill: float) -> tuple[str, float, float]:
    """Run one measurement; return (status, seconds, peak RSS in MB)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, name, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    deadline = time.monotonic() + kill
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return "KILLED", kill, usage.ru_maxrss / 1024
        time.sleep(0.01)
    assert proc.stdout is not None
    out = proc.stdout.read().decode().split()
    if len(out) < 2:
        return f"CRASH({status})", 0.0, usage.ru_maxrss / 1024
    return " ".join(out[:-1]), float(out[-1]), usage.ru_maxrss / 1024


def realistic(size: int) -> str:
    paragraph = (
        "Kremlin spokesperson Dmitry Peskov told reporters, \u201cThere is no specific agreement yet "
        "regarding the next meeting.\u201d He added that the work was moving swiftly, and the "
        "ministry confirmed that a list had been submitted. "
    )
    out, n = [], 0
    while n < size:
        out.append(paragraph)
        n += len(paragraph) + 2
    return "\n\n".join(out)


def adversarial(size: int) -> str:
    unit = "\u201cNo \"talks\u201d said Peskov, \u00ab '"
    return unit * (size // len(unit))


def scaling_inputs(tmp: Path) -> dict[str, dict[int, Path]]:
    files: dict[str, dict[int, Path]] = {}
    for label, make, suffix in (
        ("realistic text", realistic, ".txt"),
        ("adversarial text", adversarial, ".txt"),
        ("realistic html", lambda n: "<html><body><article>" + "".join(
            f"<p>{p}</p>" for p in realistic(n).split("\n\n")) + "</article></body></html>", ".html"),
    ):
        files[label] = {}
        for mb in (1, 2, 4, 8):
            path = tmp / f"{label.replace(' ', '_')}_{mb}mb{suffix}"
            path.write_text(make(mb * MB), "utf-8")
            files[label][mb] = path
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kill", type=float, default=30.0, help="hard kill after this many seconds")
    parser.add_argument("--quick", action="store_true", help="skip trafilatura and the 8 MB inputs")
    args = parser.parse_args()
    try:
        import trafilatura  # noqa: F401

        peers = () if args.quick else ("trafilatura",)
    except ImportError:
        peers = ()
    RESULTS.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {"torture": [], "scaling": []}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        paths = generate(tmp / "torture")
        print(f"{'file':36} {'entry point':16} {'status':10} {'s':>7} {'MB RSS':>8} {'budget':>7}")
        violations = 0
        for spec, path in zip(SPECS, paths, strict=False):
            size_mb = path.stat().st_size / MB
            time_budget = 2 + size_mb
            mem_budget = 100 + 25 * size_mb
            for name in (*ENTRY_POINTS, *(peers if spec.name.endswith(".html") else ())):
                status, secs, rss = run_child(name, path, args.kill)
                ok = status in ("ok", "error") and secs <= time_budget and rss <= mem_budget
                if name != "trafilatura" and not ok:
                    violations += 1
                print(f"{spec.name:36} {name:16} {status:10} {secs:7.2f} {rss:8.0f} {'ok' if ok else 'OVER':>7}")
                report["torture"].append(  # type: ignore[union-attr]
                    {"file": spec.name, "entry_point": name, "status": status, "seconds": secs,
                     "peak_rss_mb": rss, "size_mb": size_mb, "within_budget": ok}
                )
        print(f"\nbudget violations (articlekit): {violations}\n")
        print(f"{'input':18} {'entry point':16} " + " ".join(f"{mb:>6}MB" for mb in (1, 2, 4, 8)) + "  t8/t1  RSS8/size")
        for label, sizes in scaling_inputs(tmp / "scaling").items():
            names = ["parse_html", "trafilatura"] if "html" in label else ["parse_text", "parse_markdown", "extract_quotes"]
            for name in names:
                if name == "trafilatura" and not peers:
                    continue
                times, rss8 = {}, 0.0
                for mb, path in sizes.items():
                    if args.quick and mb == 8:
                        continue
                    status, secs, rss = run_child(name, path, args.kill)
                    times[mb] = secs
                    rss8 = rss
                ratio = times.get(8, float("nan")) / times[1] if times.get(1) else float("nan")
                cells = " ".join(f"{times.get(mb, float('nan')):8.2f}" for mb in (1, 2, 4, 8))
                last = max(times)
                print(f"{label:18} {name:16} {cells} {ratio:6.1f} {rss8 / last:8.1f}")
                report["scaling"].append(  # type: ignore[union-attr]
                    {"input": label, "entry_point": name, "seconds": times, "ratio_8_1": ratio,
                     "peak_rss_mb_largest": rss8}
                )
    (RESULTS / "torture.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
