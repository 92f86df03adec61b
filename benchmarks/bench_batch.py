"""Batch throughput and memory: ``articlekit batch`` on the development corpus.

Prints pages/second for ``--jobs 1`` and ``--jobs 2`` (the real command line,
in a subprocess, wall clock from start to exit) and the peak resident memory
of a 1,000-page and a 10,000-page run (pages repeated from the corpus through
symbolic links), sampled over the whole process tree (the main process and
its worker processes).

    PYTHONPATH=src python benchmarks/bench_batch.py [--repeat 10] [--small 1000] [--large 10000] [--out STEM]

The speed runs parse the corpus ``--repeat`` times over (910 pages by default, about
ten seconds of work for one process): long enough that the fixed start-up of the
command and its workers (a fraction of a second) does not decide the ratio, as it
does not in the batch runs of thousands of pages the command is made for.

Results go to ``benchmarks/results/batch.md`` and ``batch.json``.  A run with ``--skip-speed``
or ``--skip-memory`` replaces only the part it measured and keeps the other part of an
existing ``batch.json``, so the two parts can be measured at different times.

The figures depend on the load of the machine: the load average is printed
before and after each run, and a control measures how much parallel CPU the
machine gives this session right now (two CPU-bound processes against one).
With Linux autogroup scheduling (``/proc/sys/kernel/sched_autogroup_enabled``),
CPU time is shared fairly between sessions, not processes: while other
sessions keep the cores busy, a second worker in this session cannot get more
CPU and the speed-up stays near 1x whatever the batch runner does.
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

import _report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent.parent / "shared" / "corpus" / "scrapinghub-dev" / "html"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/scrapinghub-dev/html")


def _pages(folder: Path, count: int) -> Path:
    """A folder of *count* symbolic links to the corpus pages, repeated in order."""
    sources = sorted(CORPUS.glob("*.html.gz"))
    for i in range(count):
        source = sources[i % len(sources)]
        (folder / f"{i:06d}-{source.name}").symlink_to(source)
    return folder


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


_SPIN = "s = 0\nfor i in range(20_000_000):\n    s += i\n"


def capacity() -> float:
    """How many cores this machine gives us right now: 2 CPU-bound processes vs 1 (2.0 on an idle 2-core machine)."""
    def spin(count: int) -> float:
        start = time.perf_counter()
        processes = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(count)]
        for process in processes:
            process.wait()
        return time.perf_counter() - start

    return 2 * spin(1) / spin(2)


def _child_env() -> dict[str, str]:
    """The environment of the batch command: the source tree, and byte code allowed.

    An installed articlekit comes with compiled byte code (pip compiles it);
    with ``PYTHONDONTWRITEBYTECODE`` set, every worker process would compile the
    package from source at start-up instead, a cost no installation pays.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def precompile() -> None:
    """Compile the package's byte code once, before anything is timed."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "articlekit")],
                   env=_child_env(), check=True)


def run(folder: Path, jobs: int, *, sample: bool) -> dict[str, float]:
    out = folder.parent / f"out-{jobs}.jsonl"
    command = [sys.executable, "-m", "articlekit", "batch", str(folder), "--out", str(out),
               "--jobs", str(jobs), "--no-progress", "--errors", str(folder.parent / "errors.jsonl")]
    env = _child_env()
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env)
    main_peak = tree_peak = worker_peak = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        pids = _descendants(process.pid)
        for pid in pids:
            cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
        if sample:
            sizes = {pid: _rss_kib(pid) for pid in pids}
            main_peak = max(main_peak, sizes.get(process.pid, 0))
            tree_peak = max(tree_peak, sum(sizes.values()))
            worker_peak = max([worker_peak, *(v for k, v in sizes.items() if k != process.pid)])
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    lines = out.read_bytes().count(b"\n")
    return {
        "pages": lines, "seconds": elapsed, "rate": lines / elapsed, "rc": process.returncode,
        "main_mib": main_peak / 1024, "tree_mib": tree_peak / 1024, "worker_mib": worker_peak / 1024,
        "load_before": load, "load_after": os.getloadavg()[0],
        "cpu": sum(cpu.values()), "main_cpu": cpu.get(process.pid, 0.0),
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--repeat", type=int, default=10, help="corpus copies for the speed runs")
    options.add_argument("--small", type=int, default=1000)
    options.add_argument("--large", type=int, default=10000)
    options.add_argument("--skip-memory", action="store_true")
    options.add_argument("--skip-speed", action="store_true")
    _report.add_out_option(options, "batch")
    args = options.parse_args()
    previous = Path(f"{args.out}.json")
    data = json.loads(previous.read_text("utf-8")) if previous.exists() else {}
    pages = len(list(CORPUS.glob("*.html.gz")))
    try:
        autogroup = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        autogroup = False
    print(f"corpus: {pages} pages; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}; "
          f"autogroup scheduling {'on' if autogroup else 'off'}")
    precompile()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "speed").mkdir()
        folder = _pages(Path(tmp) / "speed", 0 if args.skip_speed else pages * args.repeat)
        rates = {}
        speed_runs = {}
        for jobs in () if args.skip_speed else (1, 2):
            r = run(folder, jobs, sample=False)
            rates[jobs] = r["rate"]
            speed_runs[str(jobs)] = r
            print(f"batch --jobs {jobs}: {r['pages']} pages in {r['seconds']:.1f} s = {r['rate']:.1f} pages/s "
                  f"(exit {r['rc']}; load {r['load_before']:.2f} -> {r['load_after']:.2f}); CPU {r['cpu']:.1f} s "
                  f"in all, {r['main_cpu']:.1f} s in the main process, {r['pages'] / max(r['cpu'], 1e-9):.1f} pages/CPU-s")
        if rates:
            control = capacity()
            print(f"speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x (target >= 1.7x); control: two CPU-bound "
                  f"processes get {control:.2f}x the work of one done in the same time right now")
            data["speed"] = {**_report.environment("PYTHONPATH=src python benchmarks/bench_batch.py --skip-memory"),
                             "autogroup": autogroup, "pages": pages * args.repeat, "runs": speed_runs,
                             "speed_up": round(rates[2] / rates[1], 2), "control_capacity": round(control, 2)}
    if args.skip_memory:
        write_results(args.out, data)
        return
    peaks = {}
    for count in (args.small, args.large):
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "pages").mkdir()
            folder = _pages(Path(tmp) / "pages", count)
            r = run(folder, 2, sample=True)
            peaks[count] = r
            print(f"{count:,} pages, --jobs 2: {r['seconds']:.1f} s, {r['rate']:.1f} pages/s; peak RSS: main "
                  f"{r['main_mib']:.0f} MiB, largest worker {r['worker_mib']:.0f} MiB, whole tree {r['tree_mib']:.0f} MiB")
    small, large = peaks[args.small], peaks[args.large]
    print(f"peak RSS ratio {args.large:,} / {args.small:,} pages: main {large['main_mib'] / small['main_mib']:.2f}x, "
          f"whole tree {large['tree_mib'] / small['tree_mib']:.2f}x (target <= 1.5x)")
    data["memory"] = {**_report.environment("PYTHONPATH=src python benchmarks/bench_batch.py --skip-speed"),
                      "runs": {str(k): v for k, v in peaks.items()},
                      "main_ratio": round(large["main_mib"] / small["main_mib"], 2),
                      "tree_ratio": round(large["tree_mib"] / small["tree_mib"], 2)}
    write_results(args.out, data)


def write_results(stem: Path, data: dict[str, object]) -> None:
    """The Markdown tables of the parts measured so far (speed, memory) and the JSON."""
    parts = []
    speed = data.get("speed")
    if isinstance(speed, dict):
        rows = []
        for jobs, r in speed["runs"].items():
            rows.append([f"--jobs {jobs}", r["pages"], f"{r['seconds']:.1f}", f"{r['rate']:.1f}",
                         f"{r['cpu']:.1f}", f"{r['pages'] / max(r['cpu'], 1e-9):.1f}",
                         f"{r['load_before']:.2f} -> {r['load_after']:.2f}"])
        parts.append(_report.md_table(["run", "pages", "wall s", "pages / s", "CPU s (all processes)",
                                       "pages / CPU-s", "load average"], rows, align="lrrrrrl"))
        parts.append(f"\nSpeed-up with 2 jobs: **{speed['speed_up']:.2f}x** (target 1.7x); control: two CPU-bound "
                     f"processes got {speed['control_capacity']:.2f}x the work of one in the same time "
                     f"(measured {speed['date']}, {speed['cpus']} CPUs).\n")
    memory = data.get("memory")
    if isinstance(memory, dict):
        rows = []
        for count, r in memory["runs"].items():
            rows.append([f"{int(count):,} pages, --jobs 2", f"{r['seconds']:.1f}", f"{r['rate']:.1f}",
                         f"{r['main_mib']:.0f}", f"{r['worker_mib']:.0f}", f"{r['tree_mib']:.0f}"])
        if parts:
            parts.append("")
        parts.append(_report.md_table(["run", "wall s", "pages / s", "peak RSS main (MiB)",
                                       "largest worker (MiB)", "whole tree (MiB)"], rows, align="lrrrrr"))
        parts.append(f"\nPeak RSS ratio, large run / small run: main process **{memory['main_ratio']:.2f}x**, "
                     f"whole process tree **{memory['tree_ratio']:.2f}x** (target at most 1.5x; measured "
                     f"{memory['date']}).\n")
    _report.write(stem, data, "\n".join(parts))


if __name__ == "__main__":
    main()
