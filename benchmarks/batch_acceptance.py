"""Long runs of ``articlekit batch`` that CI does not run: stop, resume, URLs, kills.

Three checks, each printing one line of figures (``--check all`` runs them in turn):

``resume``
    1,000 HTML files, ``batch --output-dir DIR --resume``, stopped with SIGINT when about
    half the outputs exist, then run again with ``--resume``: exactly 1,000 outputs, one per
    input, each a complete JSON document, no temporary file left; the second run's summary
    line counts what it did and what it skipped.
``urls``
    ``batch --urls-from-file`` against local test servers (three hosts) serving good,
    slow, failing (500, 404), redirecting, oversized and robots-disallowed pages: every URL
    ends in the output or in the errors file, never both, never neither.
``kill``
    2,000 files written into a pipe (``batch DIR | cat > out``), the batch killed with SIGTERM
    or SIGKILL at a random moment, 20 times: the output never holds a partial line.

Run from the repository root::

    PYTHONPATH=src python benchmarks/batch_acceptance.py --check all

The figures are written to ``benchmarks/results/batch_acceptance.md`` too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from http_server import QuietHandler, serve  # noqa: E402 - the tests' local server

RESULTS = ROOT / "benchmarks" / "results" / "batch_acceptance.md"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def _batch(*args: str) -> list[str]:
    return [sys.executable, "-m", "articlekit", "batch", *args]


def _page(i: int) -> str:
    return (
        f"<!DOCTYPE html><html lang=en><head><title>Story {i}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Story {i}</h1><p>The council met on day {i} to vote on the new tram line, "
        f"officials said.</p><p>“We will build it by 2030,” said Anna Berg, the mayor, on day {i}.</p>"
        "</article><footer>© News Example</footer></body></html>"
    )


def _files(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"p{i:05d}.html").write_text(_page(i), encoding="utf-8")


def _summary(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if " processed, " in line]
    return lines[-1] if lines else "(no summary line)"


# --------------------------------------------------------------------------- resume


def check_resume(work: Path, count: int = 1000) -> str:
    source, target = work / "in", work / "out"
    _files(source, count)
    first = subprocess.Popen(
        _batch(str(source), "--output-dir", str(target), "--resume", "--jobs", "2"),
        stderr=subprocess.PIPE, env=_env(), text=True,
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and first.poll() is None:
        done = sum(1 for _ in target.rglob("*.json")) if target.exists() else 0
        if done >= count // 2:
            break
        time.sleep(0.05)
    first.send_signal(signal.SIGINT)
    _, first_err = first.communicate(timeout=120)
    halfway = sum(1 for _ in target.rglob("*.json"))
    second = subprocess.run(
        _batch(str(source), "--output-dir", str(target), "--resume", "--jobs", "2"),
        capture_output=True, env=_env(), text=True, timeout=1200, check=False,
    )
    outputs = sorted(target.rglob("*.json"))
    names = {p.name for p in outputs}
    complete = 0
    for path in outputs:
        data = json.loads(path.read_text(encoding="utf-8"))
        complete += data.get("schema_version") == 1
    leftovers = list(target.rglob("*.part"))
    ok = len(outputs) == count and len(names) == count and complete == count and not leftovers
    return (
        f"resume: {'PASS' if ok else 'FAIL'}: first run stopped by SIGINT (exit {first.returncode}) with "
        f"{halfway} outputs; rerun exit {second.returncode}; {len(outputs)} outputs, {len(names)} distinct, "
        f"{complete} complete JSON, {len(leftovers)} temporary files; first summary: {_summary(first_err)!r}; "
        f"second summary: {_summary(second.stderr)!r}"
    )


# --------------------------------------------------------------------------- urls


class _Site(QuietHandler):
    def do_GET(self) -> None:
        path = self.path
        kind, _, number = path.strip("/").partition("/")
        try:
            if path == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif kind == "page":
                self.send(200, _page(int(number or 0)).encode())
            elif kind == "redirect":
                self.send(302, b"", Location=f"/page/{number}")
            elif kind == "fail":
                self.send(500, b"server error", "text/plain")
            elif kind == "missing":
                self.send(404, b"not found", "text/plain")
            elif kind == "slow":
                self.stop.wait(4)  # over the client's --fetch-timeout
            elif kind == "huge":
                self.send(200, b"<p>" + b"x" * 400_000 + b"</p>")
            elif kind == "private":
                self.send(200, _page(0).encode())
            else:
                self.send(404, b"no", "text/plain")
        except OSError:
            pass  # the client gave up (slow pages)


def check_urls(work: Path, per_host: int = 40) -> str:
    with contextlib.ExitStack() as servers:
        bases = [servers.enter_context(serve(_Site)) for _ in range(3)]
        kinds = ["page", "page", "page", "redirect", "fail", "missing", "slow", "huge", "private", "page"]
        urls = []
        rng = random.Random(7)
        for base in bases:
            urls.extend(f"{base}/{kinds[i % len(kinds)]}/{i}" for i in range(per_host))
        rng.shuffle(urls)
        listing = work / "urls.txt"
        listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
        out, errors = work / "pages.jsonl", work / "errors.jsonl"
        started = time.monotonic()
        done = subprocess.run(
            _batch("--urls-from-file", str(listing), "--out", str(out), "--errors", str(errors), "--jobs", "1",
                   "--delay", "0.05", "--fetch-timeout", "2", "--max-bytes", "300000"),
            capture_output=True, env=_env(), text=True, timeout=1800, check=False,
        )
        elapsed = time.monotonic() - started
    good = [json.loads(line)["input"] for line in out.read_text(encoding="utf-8").splitlines()]
    bad = [json.loads(line)["input"] for line in errors.read_text(encoding="utf-8").splitlines()]
    listed = set(urls)
    both = set(good) & set(bad)
    neither = listed - set(good) - set(bad)
    once = len(good) + len(bad) == len(listed)
    ok = not both and not neither and once
    return (
        f"urls: {'PASS' if ok else 'FAIL'}: {len(listed)} URLs on 3 hosts; {len(good)} in the output, "
        f"{len(bad)} in the errors file, {len(both)} in both, {len(neither)} in neither; exit "
        f"{done.returncode}; {elapsed:.1f} s; summary: {_summary(done.stderr)!r}"
    )


# --------------------------------------------------------------------------- kill


_SLOW_READER = (
    "import sys, time\n"
    "out = open(sys.argv[1], 'wb')\n"
    "while True:\n"
    "    chunk = sys.stdin.buffer.read1(4096)\n"
    "    if not chunk:\n"
    "        break\n"
    "    out.write(chunk); out.flush()\n"
    "    time.sleep(0.002)\n"
)


def _lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def check_kill(work: Path, count: int = 2000, rounds: int = 20) -> str:
    """Each run is killed once a random number of lines (1 to 600) has come through.  The
    reader is slow (4 KiB per 2 ms), so the pipe is full most of the time and the batch is
    often blocked in a write when the signal comes: the case that cuts a line in two."""
    source = work / "in"
    _files(source, count)
    rng = random.Random(20)
    partial = 0
    lines_seen = []
    for round_ in range(rounds):
        out = work / f"out{round_}.jsonl"
        how = signal.SIGTERM if round_ % 2 == 0 else signal.SIGKILL
        target = rng.randint(1, 600)
        reader = subprocess.Popen([sys.executable, "-c", _SLOW_READER, str(out)], stdin=subprocess.PIPE)
        batch = subprocess.Popen(
            _batch(str(source), "--jobs", "2"), stdout=reader.stdin, stderr=subprocess.DEVNULL, env=_env()
        )
        assert reader.stdin is not None
        reader.stdin.close()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and batch.poll() is None and _lines_in(out) < target:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))
        batch.send_signal(how)
        batch.wait(120)
        reader.wait(300)
        data = out.read_bytes() if out.exists() else b""
        whole = data == b"" or data.endswith(b"\n")
        try:
            lines = [json.loads(line) for line in data.decode("utf-8").splitlines()]
        except ValueError:
            whole, lines = False, []
        partial += not whole
        lines_seen.append(f"{signal.Signals(how).name[3:]}:{len(lines)}")
        if out.exists():
            out.unlink()
    ok = partial == 0 and all(not item.endswith(":0") for item in lines_seen)
    return (
        f"kill: {'PASS' if ok else 'FAIL'}: {rounds} runs of {count} files into a slow pipe, killed after a random "
        f"number of lines (SIGTERM and SIGKILL in turn); {partial} outputs with a partial line; lines per run: "
        f"{' '.join(lines_seen)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", choices=["resume", "urls", "kill", "all"], default="all")
    args = parser.parse_args()
    checks = {"resume": check_resume, "urls": check_urls, "kill": check_kill}
    chosen = list(checks) if args.check == "all" else [args.check]
    lines = []
    for name in chosen:
        with tempfile.TemporaryDirectory(prefix=f"batch-{name}-") as work:
            line = checks[name](Path(work))
        print(line, flush=True)
        lines.append(line)
    if args.check == "all":
        RESULTS.write_text(
            "# `articlekit batch` acceptance runs\n\n"
            "`PYTHONPATH=src python benchmarks/batch_acceptance.py --check all` (synthetic pages and local "
            "servers; no development pages)\n\n" + "\n".join(f"- {line}" for line in lines) + "\n",
            encoding="utf-8",
        )
    return 0 if all(": PASS:" in line for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
