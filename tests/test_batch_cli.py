"""``articlekit batch`` as people run it: output folders, resume, refusing to clobber, locks,
whole lines under signals and a full disk, closed pipes, odd files in a folder, globs through
symbolic-link loops, CSV tables, a language filter, and URLs fetched politely."""

from __future__ import annotations

import csv
import fcntl
import io
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from articlekit._batch._inputs import _jobs
from http_server import QuietHandler, serve
from test_batch import page
from test_cli import _env, run

PY = sys.executable


_SENTENCES = {
    "en": "The council met on day {i} to vote on the new tram line.",
    "de": "Der Stadtrat hat am Tag {i} über die neue Straßenbahnlinie abgestimmt, und die Bürger sind froh.",
}


def _pages(folder: Path, count: int, *, lang: str = "en") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"p{i:04d}.html"
        text = page(f"Story {i}", _SENTENCES[lang.split("-")[0]].format(i=i))
        path.write_text(text.replace("<html>", f"<html lang={lang}>", 1), encoding="utf-8")
        paths.append(path)
    return paths


def _lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "whole lines only"
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# --------------------------------------------------------------------------- odd inputs


def test_a_file_name_that_is_not_utf8_is_written_and_the_run_goes_on(tmp_path: Path):
    folder = os.fsencode(tmp_path / "d")
    os.mkdir(folder)
    for name in (b"a", b"\xff", b"z"):
        with open(folder + b"/" + name + b".html", "wb") as handle:
            handle.write(b"<p>Hello there, reader.</p>")
    out = tmp_path / "o.jsonl"
    done = run("batch", tmp_path / "d", "--out", out, "--jobs", "1")
    assert done.returncode == 0, done.stderr
    names = [line["input"] for line in _lines(out)]
    assert len(names) == 3
    assert os.fsencode(names[2]).endswith(b"/\xff.html"), "the name's bytes come back with os.fsencode"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_fifos_sockets_and_broken_links_in_a_folder_are_reported_not_skipped_or_waited_on(tmp_path: Path):
    folder = tmp_path / "d"
    _pages(folder, 1)
    os.mkfifo(folder / "pipe.html")
    (folder / "broken.html").symlink_to(tmp_path / "nowhere")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.html"))
    try:
        out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
        done = run("batch", folder, "--out", out, "--errors", errors, "--jobs", "1", timeout=60)
        direct = run("batch", folder / "pipe.html", "--jobs", "0", timeout=60)
    finally:
        server.close()
    assert done.returncode == 1
    failed = {Path(line["input"]).name: line["message"] for line in _lines(errors)}
    assert set(failed) == {"pipe.html", "broken.html", "sock.html"}
    assert "named pipe" in failed["pipe.html"]
    assert "broken symbolic link" in failed["broken.html"]
    assert "socket" in failed["sock.html"]
    assert len(_lines(out)) == 1
    assert direct.returncode == 1, "a FIFO named on the command line never blocks"
    assert "named pipe" in direct.stderr


def test_a_run_with_a_bad_name_a_fifo_and_a_symlink_loop_completes_with_each_reported(tmp_path: Path):
    folder = tmp_path / "d"
    _pages(folder, 2)
    with open(os.fsencode(folder) + b"/odd-\xff.html", "wb") as handle:
        handle.write(b"<p>Hello there, reader of this odd name.</p>")
    os.mkfifo(folder / "pipe.html")
    (folder / "loop").symlink_to(folder)
    (tmp_path / "other").mkdir()
    (folder / "elsewhere").symlink_to(tmp_path / "other")  # not a loop: skipped, as documented
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    done = run("batch", folder, "--out", out, "--errors", errors, "--jobs", "1", timeout=120)
    assert done.returncode == 1
    assert len(_lines(out)) == 3
    failed = {Path(line["input"]).name: line["message"] for line in _lines(errors)}
    assert set(failed) == {"pipe.html", "loop"}
    assert "a loop" in failed["loop"]
    assert "5 processed, 2 failed, 0 skipped" in done.stderr


def test_a_recursive_glob_through_symlink_loops_ends_and_is_lazy(tmp_path: Path):
    root = tmp_path / "site"
    _pages(root / "a" / "b", 2)
    (root / "a" / "loop").symlink_to(root)
    (root / "a" / "b" / "loop2").symlink_to(root / "a")
    jobs = _jobs([f"{root}/**/*.html"], None)
    first = next(jobs)  # lazy: the first file comes before the walk is over
    assert first.name.endswith("p0000.html")
    rest = list(jobs)
    assert [Path(j.name).name for j in rest] == ["p0001.html"], "links to folders are not followed"


# --------------------------------------------------------------------------- outputs: refuse, lock, resume


def test_a_rerun_refuses_to_overwrite_unless_told(tmp_path: Path):
    pages = _pages(tmp_path / "in", 3)
    out = tmp_path / "o.jsonl"
    assert run("batch", *pages[:2], "--out", out, "--jobs", "0").returncode == 0
    again = run("batch", *pages, "--out", out, "--jobs", "0")
    assert again.returncode == 2
    assert "--resume" in again.stderr
    assert "--overwrite" in again.stderr
    assert len(_lines(out)) == 2, "the earlier output is untouched"
    resumed = run("batch", *pages, "--out", out, "--jobs", "0", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert [Path(line["input"]).name for line in _lines(out)] == ["p0000.html", "p0001.html", "p0002.html"]
    assert "1 processed, 0 failed, 2 skipped" in resumed.stderr
    replaced = run("batch", pages[2], "--out", out, "--jobs", "0", "--overwrite")
    assert replaced.returncode == 0
    assert [Path(line["input"]).name for line in _lines(out)] == ["p0002.html"]


def test_resume_drops_a_last_line_cut_short(tmp_path: Path):
    pages = _pages(tmp_path / "in", 3)
    out = tmp_path / "o.jsonl"
    assert run("batch", *pages[:2], "--out", out, "--jobs", "0").returncode == 0
    data = out.read_bytes()
    out.write_bytes(data[: len(data) - 40])  # the second line lost its end (a crash)
    done = run("batch", *pages, "--out", out, "--jobs", "0", "--resume")
    assert done.returncode == 0, done.stderr
    assert [Path(line["input"]).name for line in _lines(out)] == ["p0000.html", "p0001.html", "p0002.html"]


def test_the_same_file_for_output_and_errors_is_refused(tmp_path: Path):
    pages = _pages(tmp_path / "in", 1)
    done = run("batch", *pages, "--out", tmp_path / "x.jsonl", "--errors", f"{tmp_path}/./x.jsonl")
    assert done.returncode == 2
    assert "the same file" in done.stderr


def test_two_runs_never_write_one_file(tmp_path: Path):
    pages = _pages(tmp_path / "in", 1)
    out = tmp_path / "o.jsonl"
    with open(out, "wb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another run is writing it
        done = run("batch", *pages, "--out", out, "--resume")
    assert done.returncode == 2
    assert "being written by another articlekit batch run" in done.stderr


def test_output_dir_writes_one_file_per_input_and_resumes(tmp_path: Path):
    pages = _pages(tmp_path / "in", 3)
    target = tmp_path / "md"
    first = run("batch", *pages[:2], "--output-dir", target, "--to", "markdown", "--jobs", "1")
    assert first.returncode == 0, first.stderr
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file() and not p.name.startswith("."))
    expected_names = [f"{str(p).lstrip('/')}.md" for p in pages[:2]]
    assert written == expected_names
    assert (target / expected_names[0]).read_text(encoding="utf-8").startswith("---\n")
    refused = run("batch", *pages, "--output-dir", target, "--to", "markdown")
    assert refused.returncode == 2
    assert "--resume" in refused.stderr
    resumed = run("batch", *pages, "--output-dir", target, "--to", "markdown", "--resume", "--jobs", "1")
    assert "1 processed, 0 failed, 2 skipped" in resumed.stderr
    assert len(list(target.rglob("*.md"))) == 3
    assert not list(target.rglob("*.part")), "no temporary file is left"


# --------------------------------------------------------------------------- whole lines


def test_sigterm_stops_a_batch_between_lines(tmp_path: Path):
    pages = _pages(tmp_path / "in", 300)
    out = tmp_path / "o.jsonl"
    process = subprocess.Popen(
        [PY, "-m", "articlekit", "batch", tmp_path / "in", "--out", out, "--jobs", "1"],
        stderr=subprocess.PIPE, env=_env(),
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 3):
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 128 + signal.SIGTERM, stderr.decode()[-2000:]
    assert "interrupted by SIGTERM" in stderr.decode()
    assert 3 <= len(_lines(out)) < len(pages)


def test_a_sigterm_whose_interrupt_was_swallowed_still_stops_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    # The handler raises KeyboardInterrupt wherever the main thread is; code that swallows
    # it there (a finaliser, a library's bare except) must not make the run go on to the end.
    import articlekit._batch as batch
    from articlekit._cli import main

    real = batch.parse_many

    def swallowing(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for number, result in enumerate(real(*args, **kwargs)):
            if number == 2:
                try:
                    os.kill(os.getpid(), signal.SIGTERM)
                    time.sleep(5)  # the handler runs here and its interrupt ends the sleep
                except KeyboardInterrupt:
                    pass  # swallowed
            yield result

    monkeypatch.setattr(batch, "parse_many", swallowing)
    pages = _pages(tmp_path / "in", 12)
    out = tmp_path / "o.jsonl"
    code = main(["batch", str(tmp_path / "in"), "--out", str(out), "--jobs", "0"])
    assert code == 128 + signal.SIGTERM
    assert "interrupted by SIGTERM" in capsys.readouterr().err
    assert 2 <= len(_lines(out)) < len(pages)


def test_a_full_disk_leaves_no_half_line(tmp_path: Path):
    import resource

    pages = _pages(tmp_path / "in", 20)
    out = tmp_path / "o.jsonl"
    limit = 9000  # bytes: a few lines fit, then a write fails part way (EFBIG, as a full disk gives ENOSPC)

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [PY, "-m", "articlekit", "batch", *map(str, pages), "--out", str(out), "--jobs", "0"],
        capture_output=True, env=_env(), preexec_fn=small_disk, timeout=120, check=False,
    )
    assert done.returncode == 1
    assert b"cannot write the output" in done.stderr
    lines = _lines(out)
    assert 1 <= len(lines) < 20


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path):
    _pages(tmp_path / "in", 200)
    command = f"{PY} -m articlekit batch {tmp_path / 'in'} --jobs 1 | head -n 2"
    done = subprocess.run(["bash", "-c", "set -o pipefail; " + command], capture_output=True, env=_env(), timeout=120)
    assert done.stdout.decode().count("\n") == 2
    assert b"Broken pipe" not in done.stderr
    assert b"Traceback" not in done.stderr
    assert b"the reader closed the output" in done.stderr
    assert done.returncode == 0


# --------------------------------------------------------------------------- csv and language


def test_to_csv_is_a_table_of_articles_safe_in_a_spreadsheet(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(page('=HYPERLINK("http://evil.example","x")', "Text of the first story, long enough."))
    (folder / "b.md").write_text("---\ntitle: Second\nauthor: Ann Lee\ntags: [a, b]\n---\n\nBody;=1+1 here.\n")
    out = tmp_path / "t.csv"
    done = run("batch", folder, "--to", "csv", "--out", out, "--jobs", "0")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [Path(r["input"]).name for r in rows] == ["a.html", "b.md"]
    assert rows[0]["title"].startswith("'=HYPERLINK("), "a formula is never live"
    assert (rows[1]["title"], rows[1]["authors"], rows[1]["tags"]) == ("Second", "Ann Lee", "a; b")
    assert int(rows[1]["words"]) >= 2


def test_language_keeps_only_articles_in_that_language(tmp_path: Path):
    _pages(tmp_path / "in" / "en", 2, lang="en-GB")
    _pages(tmp_path / "in" / "de", 2, lang="de")
    out = tmp_path / "o.jsonl"
    done = run("batch", tmp_path / "in", "--language", "en", "--out", out, "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert [line["article"]["language"] for line in _lines(out)] == ["en-GB", "en-GB"]
    assert "2 processed, 0 failed, 2 skipped" in done.stderr


# --------------------------------------------------------------------------- URLs


class _Site(QuietHandler):
    hits: list[tuple[float, str]]
    active: list[int]
    overlaps: list[str]

    def before_answer(self) -> None:
        # Done before the client can read the answer: it may send its next request (a
        # redirect's target) the moment it has it, while this thread is still here.
        self._finish()

    def _finish(self) -> None:
        if getattr(self, "counted", False):
            self.counted = False
            self.active.pop()

    def do_GET(self) -> None:
        path = self.path
        self.hits.append((time.monotonic(), path))
        if path == "/slow":  # never answers in time; the client gives up and goes on
            self.stop.wait(5)
            return
        self.active.append(1)
        self.counted = True
        try:
            if len(self.active) > 1:
                self.overlaps.append(path)  # two requests at once to one host
            if path == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
            elif path.startswith("/page/"):
                n = path.rsplit("/", 1)[1]
                self.send(200, page(f"Page {n}", f"The story number {n} is told here in a few words.").encode())
            elif path == "/redirect":
                self.send(301, b"", Location="/page/r")
            elif path == "/fail":
                self.send(500, b"oops", "text/plain")
            elif path == "/missing":
                self.send(404, b"no", "text/plain")
            elif path == "/huge":
                self.send(200, b"<p>" + b"x" * 300_000 + b"</p>")
            elif path == "/private/secret":
                self.send(200, page("Secret", "Nobody should fetch this page.").encode())
            else:
                self.send(404, b"no", "text/plain")
        finally:
            self._finish()


@pytest.fixture
def site() -> Iterator[tuple[str, list[tuple[float, str]]]]:
    hits: list[tuple[float, str]] = []
    overlaps: list[str] = []
    with serve(_Site, hits=hits, active=[], overlaps=overlaps) as url:
        yield url, hits
        assert overlaps == [], "never two requests at once to one host"


def test_urls_from_a_file_each_end_in_the_output_or_the_errors_never_both(tmp_path: Path, site):
    base, hits = site
    paths = ["/page/1", "/redirect", "/fail", "/slow", "/huge", "/private/secret", "/missing", "/page/2", "/page/1"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# a comment\n\n" + "\n".join(base + p for p in paths) + "\n")
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    done = run(
        "batch", "--urls-from-file", listing, "--out", out, "--errors", errors, "--jobs", "1",
        "--delay", "0.2", "--fetch-timeout", "2", "--max-bytes", "200000", timeout=120,
    )
    assert done.returncode == 1, done.stderr
    good = [line["input"] for line in _lines(out)]
    bad = {line["input"]: line["message"] for line in _lines(errors)}
    assert set(good) | set(bad) == {base + p for p in paths}
    assert not set(good) & set(bad)
    assert good == [base + "/page/1", base + "/redirect", base + "/page/2"]
    assert _lines(out)[1]["url"] == base + "/page/r", "the final URL after a redirect"
    assert "robots.txt" in bad[base + "/private/secret"]
    assert "HTTP 500" in bad[base + "/fail"]
    assert "cap" in bad[base + "/huge"]
    assert not any(path == "/private/secret" for _, path in hits), "robots.txt is honoured"
    starts = [t for t, path in hits if path != "/page/r"]  # a redirect is followed at once, within its fetch
    assert all(b - a >= 0.19 for a, b in itertools.pairwise(starts)), "a delay between two requests to one host"
    assert [p for _, p in hits].count("/page/1") == 1, "a URL listed twice is fetched once"


def test_url_options_and_url_arguments_are_fetched(tmp_path: Path, site):
    base, _ = site
    out = tmp_path / "o.jsonl"
    done = run("batch", base + "/page/7", "--url", base + "/page/8", "--out", out, "--delay", "0", "--jobs", "0")
    assert done.returncode == 0, done.stderr
    assert sorted(line["article"]["title"] for line in _lines(out)) == ["Page 7", "Page 8"]


def test_resume_skips_urls_already_done(tmp_path: Path, site):
    base, hits = site
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{base}/page/1\n{base}/fail\n")
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    args = ("batch", "--urls-from-file", listing, "--out", out, "--errors", errors, "--delay", "0", "--jobs", "0")
    run(*args)
    listing.write_text(f"{base}/page/1\n{base}/fail\n{base}/page/2\n")
    before = len(hits)
    done = run(*args, "--resume")
    assert "1 processed, 0 failed, 2 skipped" in done.stderr
    assert [p for _, p in hits[before:]] == ["/robots.txt", "/page/2"]


