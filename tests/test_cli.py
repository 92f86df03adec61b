"""End-to-end tests of the ``articlekit`` command line, run as ``python -m articlekit`` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import articlekit
from articlekit import dumps, from_json
from test_batch import build_warc, page

ROOT = Path(__file__).parent.parent
REFERENCE = ROOT / "examples" / "reference-article.json"
ARTICLE = from_json(REFERENCE.read_bytes())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.pop("COLUMNS", None)
    return env


def run(*args: str | Path, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real command line; return the finished process (text output)."""
    command = [sys.executable, "-m", "articlekit", *map(str, args)]
    done = subprocess.run(command, input=stdin, capture_output=True, env=_env(), timeout=timeout, check=False)
    return subprocess.CompletedProcess(
        command, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


# --------------------------------------------------------------------------- help, version, usage


@pytest.mark.parametrize("command", [[], ["parse"], ["quotes"], ["batch"]])
def test_help_shows_examples_and_exit_codes(command):
    done = run(*command, "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: articlekit")
    assert "examples:" in done.stdout
    assert "exit codes:" in done.stdout
    assert "130  interrupted" in done.stdout


def test_version():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"articlekit {articlekit.__version__}"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["parse"],
        ["parse", str(REFERENCE), "--to", "docx"],
        ["parse", str(REFERENCE), "--from", "pdf"],
        ["quotes", str(REFERENCE), "--to", "xml"],
        ["batch", str(REFERENCE), "--jobs", "-1"],
        ["batch", str(REFERENCE), "--timeout", "0"],
        ["batch", str(REFERENCE), "--progress", "--no-progress"],
    ],
)
def test_usage_errors_exit_2(args):
    done = run(*args)
    assert done.returncode == 2
    assert "usage: articlekit" in done.stderr
    assert done.stdout == ""


# --------------------------------------------------------------------------- parse


@pytest.mark.parametrize("fmt", articlekit.formats())
def test_parse_writes_every_format(fmt):
    done = run("parse", REFERENCE, "--to", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n") == dumps(ARTICLE, fmt).rstrip("\n")


@pytest.mark.parametrize("fmt", articlekit.formats())
def test_parse_reads_standard_input(fmt):
    done = run("parse", "-", "--from", "json", "--to", fmt, stdin=REFERENCE.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n") == dumps(ARTICLE, fmt).rstrip("\n")


SOURCES = {
    "page.html": page("Council approves the tram", "“We will build it by 2030,” said Anna Berg, the mayor."),
    "notes.txt": "Council approves the tram\n\n“We will build it by 2030,” said Anna Berg, the mayor.\n\nWork starts in May.\n",
    "story.md": "---\ntitle: Council approves the tram\n---\n\n“We will build it by 2030,” said *Anna Berg*, the mayor.\n\n"
    "## Next steps\n\n- Work starts in May.\n",
}
_FORMAT_OF = {".html": "html", ".txt": "text", ".md": "markdown"}


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("fmt", articlekit.formats())
def test_parse_html_and_text_files(tmp_path: Path, name: str, fmt: str):
    path = tmp_path / name
    path.write_text(SOURCES[name], encoding="utf-8")
    expected = articlekit.parse(SOURCES[name].encode(), format=_FORMAT_OF[Path(name).suffix])
    done = run("parse", path, "--to", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n") == dumps(expected, fmt).rstrip("\n")
    piped = run("parse", "-", "--to", fmt, "--url", "https://news.example/tram", stdin=SOURCES[name].encode())
    assert piped.returncode == 0, piped.stderr
    sniffed = articlekit.parse(SOURCES[name].encode(), url="https://news.example/tram")
    assert piped.stdout.rstrip("\n") == dumps(sniffed, fmt).rstrip("\n")


def test_parse_to_json_carries_the_page_type(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(SOURCES["page.html"], encoding="utf-8")
    done = run("parse", path, "--to", "json")
    assert done.returncode == 0, done.stderr
    assert from_json(done.stdout).page_type == articlekit.parse_html(SOURCES["page.html"].encode()).page_type
    assert from_json(done.stdout).page_type is not None


def test_no_quotes_option(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(SOURCES["page.html"], encoding="utf-8")
    with_quotes = from_json(run("parse", path).stdout)
    without = from_json(run("parse", path, "--no-quotes").stdout)
    assert with_quotes.quotes == articlekit.parse(SOURCES["page.html"].encode(), format="html").quotes
    assert without.quotes == ()


def test_parse_writes_to_a_file(tmp_path: Path):
    out = tmp_path / "out.json"
    done = run("parse", REFERENCE, "-o", out)
    assert (done.returncode, done.stdout) == (0, "")
    assert from_json(out.read_bytes()) == ARTICLE


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the document is empty"),
        (b"   \n\n", "only white space"),
        (b"\x00\x01\x02binary" * 50, "binary"),
        (b'{"title": 3}', "schema_version"),
    ],
)
def test_parse_failures_exit_1_with_the_input_named(tmp_path: Path, content, message):
    path = tmp_path / "input.json"
    if content is not None:
        path.write_bytes(content)
    done = run("parse", path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("articlekit: ")
    assert str(path) in done.stderr
    assert message in done.stderr.lower()


def test_parse_over_max_bytes_is_refused(tmp_path: Path):
    done = run("parse", REFERENCE, "--max-bytes", "100")
    assert done.returncode == 1
    assert "--max-bytes" in done.stderr


# --------------------------------------------------------------------------- quotes


def test_quotes_as_jsonl():
    done = run("quotes", REFERENCE, "--to", "jsonl")
    assert done.returncode == 0, done.stderr
    assert done.stdout == dumps(ARTICLE, "quotes-jsonl")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["text"] for r in rows] == [q.text for q in ARTICLE.quotes]
    assert rows, "the reference article has quotes"


def test_quotes_as_csv_from_standard_input():
    done = run("quotes", "-", "--from", "json", "--to", "csv", stdin=REFERENCE.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout.replace("\r\n", "\n") == dumps(ARTICLE, "quotes-csv").replace("\r\n", "\n")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["speaker"] for r in rows] == [q.speaker.name if q.speaker else "" for q in ARTICLE.quotes]


def test_quotes_as_an_aligned_table():
    done = run("quotes", REFERENCE)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["SPEAKER", "KIND", "QUOTE"]
    assert len(lines) == 1 + len(ARTICLE.quotes)
    quote_column = lines[0].index("QUOTE")
    for line, quote in zip(lines[1:], ARTICLE.quotes, strict=True):
        assert line.startswith((quote.speaker.name if quote.speaker else "-")[:10])
        assert quote.text[:20] in line[quote_column:]
        assert len(line) <= 100


def test_quotes_of_an_html_page_match_the_library(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(SOURCES["page.html"], encoding="utf-8")
    expected = articlekit.parse(SOURCES["page.html"].encode(), format="html").quotes
    done = run("quotes", path, "--to", "jsonl")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["text"], r["speaker"], r["kind"]) for r in rows] == [
        (q.text, q.speaker.name if q.speaker else None, q.kind) for q in expected
    ]


def test_quotes_of_an_article_without_quotes(tmp_path: Path):
    path = tmp_path / "plain.json"
    path.write_text(articlekit.to_json(articlekit.Article(title="No one spoke")), encoding="utf-8")
    done = run("quotes", path)
    assert (done.returncode, done.stdout) == (0, "(no quotes)\n")
    assert run("quotes", path, "--to", "jsonl").stdout == ""


# --------------------------------------------------------------------------- batch


def _read_jsonl(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), "the file ends with a whole line"
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """A folder of good and corrupt files: (folder, good names, bad names)."""
    folder = tmp_path / "pages"
    (folder / "2024" / "05").mkdir(parents=True)
    good, bad = [], []
    contents = {
        "a.json": REFERENCE.read_bytes(),
        "2024/b.json": REFERENCE.read_bytes(),
        "2024/05/c.json": articlekit.to_json(articlekit.Article(title="C")).encode(),
        "2024/05/empty.json": b"",
        "2024/binary.json": bytes(range(256)) * 8,
        "2024/05/truncated.json": REFERENCE.read_bytes()[:500],
        "z.json": b'{"schema_version": 99}',
        "2024/05/story.html": SOURCES["page.html"].encode(),
        "2024/notes.txt": SOURCES["notes.txt"].encode(),
        "2024/05/story.md": SOURCES["story.md"].encode(),
        "2024/photo.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20,
        "2024/05/blank.html": b"\n \n",
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
        ok = name in ("a.json", "2024/b.json", "2024/05/c.json", "2024/05/story.html", "2024/notes.txt", "2024/05/story.md")
        (good if ok else bad).append(str(folder / name))
    return folder, sorted(good), sorted(bad)


@pytest.mark.parametrize("jobs", ["0", "2"])
def test_batch_over_a_folder_with_corrupt_files(tmp_path: Path, mixed, jobs):
    folder, good, bad = mixed
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    done = run("batch", folder, "--out", out, "--errors", errors, "--jobs", jobs)
    assert done.returncode == 1, done.stderr
    lines = _read_jsonl(out)
    assert [line["input"] for line in lines] == good
    for line in lines:
        path = Path(line["input"])
        expected = articlekit.parse(path.read_bytes(), format=_FORMAT_OF.get(path.suffix, "json"))
        assert articlekit.from_dict(line["article"]) == expected
        assert line["url"] is None
    failures = _read_jsonl(errors)
    assert sorted(f["input"] for f in failures) == bad
    assert all(f["error"] and f["message"] for f in failures)
    assert f"{len(bad) + len(good)} processed, {len(bad)} failed, 0 skipped in " in done.stderr


def test_batch_never_reads_its_own_output_files(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(REFERENCE.read_bytes())
    done = run("batch", folder, "--out", folder / "out.jsonl", "--errors", folder / "errors.jsonl", "--jobs", "0")
    assert done.returncode == 0, done.stderr
    assert [line["input"] for line in _read_jsonl(folder / "out.jsonl")] == [str(folder / "a.json")]
    assert (folder / "errors.jsonl").read_text() == ""


def test_batch_without_an_errors_file_reports_on_stderr(tmp_path: Path, mixed):
    folder, good, bad = mixed
    done = run("batch", folder, "--jobs", "1")
    assert done.returncode == 1
    assert [json.loads(line)["input"] for line in done.stdout.splitlines()] == good
    *reported, summary = [line for line in done.stderr.splitlines() if line.startswith("articlekit: ")]
    assert len(reported) == len(bad)
    assert summary.startswith(f"articlekit: {len(good) + len(bad)} processed, {len(bad)} failed, 0 skipped")
    for name in bad:
        assert any(line.startswith(f"articlekit: {name}: ") for line in reported)


@pytest.mark.parametrize("fmt", articlekit.formats())
def test_batch_writes_every_format(tmp_path: Path, fmt):
    out = tmp_path / "out.jsonl"
    done = run("batch", REFERENCE, REFERENCE, "--to", fmt, "--out", out, "--jobs", "1")
    assert done.returncode == 0, done.stderr
    lines = _read_jsonl(out)
    assert len(lines) == 2
    for line in lines:
        assert line["input"] == str(REFERENCE)
        if fmt == "json":
            assert articlekit.from_dict(line["article"]) == ARTICLE
        else:
            assert (line["format"], line["content"]) == (fmt, dumps(ARTICLE, fmt))


def test_batch_reads_the_html_pages_of_a_warc_archive(tmp_path: Path):
    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive)
    out = tmp_path / "out.jsonl"
    done = run("batch", archive, "--out", out, "--jobs", "2", "--to", "text")
    assert done.returncode == 0, done.stderr
    lines = _read_jsonl(out)
    assert [line["url"] for line in lines] == [
        "https://news.example/a",
        "https://news.example/b",
        "https://news.example/c",
    ]
    assert all(line["input"].startswith(f"{archive}#") for line in lines)
    assert lines[1]["content"].startswith("Zürich"), "the HTTP charset (ISO-8859-1) was used"
    assert "The bridge opens in May." in lines[0]["content"]


def test_batch_globs_and_names_from_standard_input(tmp_path: Path, mixed):
    folder, good, _ = mixed
    patterns = [str(folder / "**" / "[abc].json"), str(folder / "**" / "*.txt"), str(folder / "**" / "story.*")]
    by_glob = run("batch", *patterns, "--jobs", "2")
    assert by_glob.returncode == 0, by_glob.stderr
    expected = sorted(g for g in good if g.endswith(".json")) + [g for g in good if g.endswith(".txt")]
    expected += [g for g in good if g.endswith(".html")] + [g for g in good if g.endswith(".md")]
    assert [json.loads(line)["input"] for line in by_glob.stdout.splitlines()] == expected
    names = "\n".join(reversed(good)) + "\n"
    by_stdin = run("batch", "-", "--jobs", "2", stdin=names.encode())
    assert by_stdin.returncode == 0, by_stdin.stderr
    assert [json.loads(line)["input"] for line in by_stdin.stdout.splitlines()] == list(reversed(good))


def test_batch_progress_bar_when_asked_and_a_summary_line_always(tmp_path: Path):
    done = run("batch", REFERENCE, REFERENCE, "--progress", "--out", tmp_path / "o.jsonl", "--jobs", "1")
    assert done.returncode == 0
    assert "2/2" in done.stderr, "the total is known"
    assert "pages/s" in done.stderr
    quiet = run("batch", REFERENCE, "--out", tmp_path / "o.jsonl", "--jobs", "1", "--overwrite")
    assert re.fullmatch(r"articlekit: 1 processed, 0 failed, 0 skipped in [0-9.]+ s \([0-9.,]+ pages/s\)\n", quiet.stderr), (
        "no progress bar when standard error is not a terminal, but the summary line"
    )


def test_ctrl_c_in_the_middle_of_a_batch_leaves_whole_lines(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "articlekit", "batch", "-", "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert process.stdin is not None
    try:
        # Feed input names but keep standard input open: the batch is still running.
        process.stdin.write((f"{REFERENCE}\n" * 40).encode())
        process.stdin.flush()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 5):
            time.sleep(0.05)
        assert out.read_bytes().count(b"\n") >= 5, "the batch wrote lines"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert "interrupted" in stderr.decode()
    lines = _read_jsonl(out)
    assert 5 <= len(lines) <= 40
    assert all(articlekit.from_dict(line["article"]) == ARTICLE for line in lines)


def test_the_console_script_is_the_same_main():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"articlekit": "articlekit._cli:main"}
