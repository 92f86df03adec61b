"""The batch runner: order, isolation of failures, limits, inputs of every kind."""

from __future__ import annotations

import gzip
import io
import itertools
import multiprocessing
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import articlekit
from articlekit import Article, Limits, to_json
from articlekit._batch import BatchResult, Document, iter_documents, parse_many
from articlekit._batch._inputs import _jobs
from articlekit._batch._pool import _WINDOW_PER_PROCESS, _Options, _Pool
from batch_helpers import title_parser

REFERENCE = Path(__file__).parent.parent / "examples" / "reference-article.json"


def _docs(*texts: str) -> list[Document]:
    return [Document(f"doc{i}", text.encode()) for i, text in enumerate(texts)]


def _summary(results: list[BatchResult]) -> list[tuple[str, str | None]]:
    return [(r.name, r.error) for r in results]


# --------------------------------------------------------------------------- order and isolation


def test_results_come_in_input_order_with_two_workers():
    texts = [f"<title>page {i}</title>" for i in range(40)]
    results = list(parse_many(_docs(*texts), jobs=2, parser=title_parser))
    assert [r.index for r in results] == list(range(40))
    assert [r.article.title for r in results] == [f"page {i}" for i in range(40)]
    pids = {r.article.body[0].children[0].text.split("|")[2] for r in results}
    assert str(os.getpid()) not in pids


def test_two_workers_run_at_the_same_time(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    docs = _docs(f"BARRIER {one} {two}", f"BARRIER {two} {one}", "after")
    results = list(parse_many(docs, jobs=2, parser=title_parser))
    assert _summary(results) == [("doc0", None), ("doc1", None), ("doc2", None)]
    pids = {r.article.body[0].children[0].text.split("|")[2] for r in results[:2]}
    assert len(pids) == 2


def test_a_worker_crash_is_an_error_for_that_document_only():
    results = list(parse_many(_docs("one", "CRASH", "three", "four"), jobs=1, parser=title_parser))
    assert _summary(results) == [("doc0", None), ("doc1", "WorkerCrash"), ("doc2", None), ("doc3", None)]
    assert "SIGABRT" in results[1].message
    assert [r.article.title for r in results if r.ok] == ["one", "three", "four"]


def test_a_stuck_document_is_stopped_at_the_time_limit():
    results = list(parse_many(_docs("one", "HANG", "three"), jobs=1, timeout=1.5, parser=title_parser))
    assert _summary(results) == [("doc0", None), ("doc1", "ResourceLimitError"), ("doc2", None)]
    assert "time limit (1.5 s)" in results[1].message


def test_a_document_over_the_memory_limit_fails_and_the_run_goes_on():
    docs = _docs("one", "HOG", "three")
    results = list(parse_many(docs, jobs=1, memory_limit=1024**3, parser=title_parser))
    assert _summary(results) == [("doc0", None), ("doc1", "ResourceLimitError"), ("doc2", None)], results[1].message
    assert "memory" in results[1].message


def test_a_result_sent_just_before_the_worker_exits_is_read_not_taken_for_a_crash():
    """The race at its cause: a worker reports a memory-limit result and exits; the parent
    finds the worker gone (a failed send, or its exit seen first) before reading that report.
    The report is the document's result, and the next job, never started, is retried."""
    options = _Options(title_parser, "auto", True, None, None, 1024**3)
    pool = _Pool(_jobs(_docs("HOG", "after"), None), options, processes=1, timeout=None, max_tasks_per_child=500)
    pool._dispatch()  # starts the worker
    while not pool.workers[0].ready:
        pool._wait()
    # Send both documents.  The worker may exit (doc0 is over the memory limit) before the
    # second is sent: then this failed send is the race itself, handled inside _dispatch.
    pool._dispatch()
    if pool.workers:
        worker = pool.workers[0]
        assert [job.name for _, job in worker.jobs] == ["doc0", "doc1"]
        worker.process.join(60)  # it reported doc0's memory limit and exited; nothing read yet
        assert not worker.process.is_alive()
        pool._lose(worker, None)  # what a failed send does
    assert pool.results[0].error == "ResourceLimitError", pool.results[0].message
    assert [job.name for _, job in pool.retry] == ["doc1"]
    assert _summary(list(pool)) == [("doc0", "ResourceLimitError"), ("doc1", None)]


def test_an_unexpected_exception_is_reported_not_raised():
    results = list(parse_many(_docs("BUG", "fine"), jobs=1, parser=title_parser))
    assert _summary(results) == [("doc0", "RuntimeError"), ("doc1", None)]
    assert results[0].message == "a bug in the parser"


def test_workers_are_replaced_after_max_tasks_per_child():
    results = list(parse_many(_docs(*"abcdefg"), jobs=1, max_tasks_per_child=2, parser=title_parser))
    pids = [r.article.body[0].children[0].text.split("|")[2] for r in results]
    assert len(set(pids)) == 4  # 2 + 2 + 2 + 1
    assert pids[0] == pids[1] != pids[2] == pids[3]


def test_closing_the_iterator_stops_even_stuck_workers():
    results = parse_many(_docs("quick", "HANG", "HANG", "HANG"), jobs=2, parser=title_parser)
    assert next(results).article.title == "quick"
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_breaking_out_early_leaves_no_process_behind():
    for result in parse_many(_docs(*(["x"] * 30)), jobs=2, parser=title_parser):
        assert result.ok
        break
    assert multiprocessing.active_children() == []


def test_inputs_are_read_lazily_a_bounded_window_ahead():
    pulled = 0

    def inputs():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Document(f"d{i}", b"text")

    results = parse_many(inputs(), jobs=2, parser=title_parser)
    first = [next(results) for _ in range(5)]
    results.close()
    assert [r.name for r in first] == ["d0", "d1", "d2", "d3", "d4"]
    assert pulled <= 5 + _WINDOW_PER_PROCESS * 2 + 1, "the runner must not read its input far ahead of its output"


# --------------------------------------------------------------------------- inputs


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    good = REFERENCE.read_bytes()
    (tmp_path / "a.json").write_bytes(good)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "b.json").write_bytes(good)
    (tmp_path / "sub" / "deeper" / "c.json.gz").write_bytes(gzip.compress(good))
    (tmp_path / "sub" / "empty.json").write_bytes(b"")
    (tmp_path / "sub" / "blank.json").write_bytes(b" \n\t\n")
    (tmp_path / "sub" / "image.json").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "sub" / "random.json").write_bytes(bytes((i * 7919) % 256 for i in range(5000)))
    (tmp_path / "sub" / "broken.json").write_bytes(b'{"title": ')
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skipped.json").write_bytes(good)
    return tmp_path


def test_folders_are_walked_recursively_in_sorted_order(folder: Path):
    results = list(parse_many([folder], jobs=0))
    names = [Path(r.name).relative_to(folder).as_posix() for r in results]
    assert names == [
        "a.json",
        "sub/b.json",
        "sub/blank.json",
        "sub/broken.json",
        "sub/deeper/c.json.gz",
        "sub/empty.json",
        "sub/image.json",
        "sub/random.json",
    ]
    errors = {Path(r.name).name: r.error for r in results if not r.ok}
    assert errors == {
        "blank.json": "EmptyDocumentError",
        "empty.json": "EmptyDocumentError",
        "image.json": "EncodingError",
        "random.json": "EncodingError",
        "broken.json": "JSONFormatError",
    }
    expected = articlekit.from_json(REFERENCE.read_bytes())
    assert all(r.article == expected for r in results if r.ok)


def test_globs_and_missing_paths(folder: Path):
    pattern = str(folder / "**" / "[bc].json*")
    missing = str(folder / "nope.html")
    no_match = str(folder / "*.xyz")
    results = list(parse_many([pattern, missing, no_match], jobs=0))
    assert [(Path(r.name).name, r.error) for r in results] == [
        ("b.json", None),
        ("c.json.gz", None),
        ("nope.html", "FileNotFoundError"),
        ("*.xyz", "FileNotFoundError"),
    ]
    assert results[3].message == "no file matches this pattern"


def test_iter_documents_lists_what_a_run_would_parse(folder: Path):
    names = list(iter_documents([folder / "sub" / "deeper", folder / "a.json"]))
    assert names == [str(folder / "sub" / "deeper" / "c.json.gz"), str(folder / "a.json")]


def test_the_size_limit_applies_to_files_and_to_what_gzip_expands_to(tmp_path: Path):
    (tmp_path / "big.json").write_bytes(b"x" * 5000)
    (tmp_path / "bomb.json.gz").write_bytes(gzip.compress(b" " * 1_000_000))
    (tmp_path / "fake.json.gz").write_bytes(b"not gzip at all")
    results = list(parse_many([tmp_path], jobs=0, limits=Limits(max_bytes=4096)))
    assert _summary(results) == [
        (str(tmp_path / "big.json"), "ResourceLimitError"),
        (str(tmp_path / "bomb.json.gz"), "ResourceLimitError"),
        (str(tmp_path / "fake.json.gz"), "EncodingError"),
    ]


def test_to_serialises_in_the_worker():
    article = articlekit.from_json(REFERENCE.read_bytes())
    doc = Document("ref.json", REFERENCE.read_bytes())
    [result] = parse_many([doc], jobs=1, to="json")
    assert result.article is None
    assert result.output == to_json(article)


def test_bad_arguments_are_refused_before_any_work():
    with pytest.raises(articlekit.ValidationError):
        parse_many([], jobs=-1)
    with pytest.raises(articlekit.UnknownFormatError):
        parse_many([], format="pdf")
    with pytest.raises(articlekit.UnknownFormatError):
        parse_many([], to="docx")
    with pytest.raises(articlekit.ValidationError):
        parse_many([], timeout=0)
    with pytest.raises(articlekit.ValidationError):
        Document("x", b"", format="pdf")


@given(st.lists(st.one_of(st.binary(max_size=300), st.text(max_size=300), st.just(REFERENCE.read_bytes())), max_size=8))
def test_any_documents_give_one_result_each_in_order(contents):
    docs = [Document(f"d{i}.json", c) for i, c in enumerate(contents)]
    results = list(parse_many(docs, jobs=0))
    assert [r.name for r in results] == [d.name for d in docs]
    for result, content in zip(results, contents, strict=True):
        assert result.ok == (result.article is not None)
        assert result.ok or (result.error and result.message)
        if result.ok:
            assert isinstance(result.article, Article)
            assert to_json(result.article) == to_json(articlekit.from_json(content))


# --------------------------------------------------------------------------- WARC


def _http(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK", **headers: str) -> None:
    http_headers = StatusAndHeaders(status, [("Content-Type", content_type), *headers.items()], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http_headers
    )
    writer.write_record(record)


def page(title: str, text: str) -> str:
    """A small but real-looking article page."""
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1><p>{text}</p><p>{text} The council meets again on Monday.</p></article>"
        "<footer>© News Example</footer></body></html>"
    )


def build_warc(path: Path) -> None:
    """A small archive: three HTML pages among records that are not pages."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        request = writer.create_warc_record(
            "https://news.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"), length=19
        )
        writer.write_record(request)
        _http(writer, "https://news.example/a", page("Page A", "The bridge opens in May.").encode(),
              "text/html; charset=utf-8")
        _http(writer, "https://news.example/logo.png", b"\x89PNG....", "image/png")
        _http(writer, "https://news.example/gone", page("Not found", "Gone.").encode(), "text/html", "404 Not Found")
        _http(writer, "https://news.example/b", page("Zürich", "Zürich voted on the tram line.").encode("latin-1"),
              "text/html; charset=ISO-8859-1")
        _http(writer, "https://news.example/c", gzip.compress(page("Page C", "Schools reopen.").encode()),
              "application/xhtml+xml", **{"Content-Encoding": "gzip"})


def test_warc_archives_give_their_html_responses(tmp_path: Path):
    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive)
    results = list(parse_many([archive], jobs=1, parser=title_parser))
    assert [(r.url, r.article.title) for r in results] == [
        ("https://news.example/a", "Page A"),
        ("https://news.example/b", "Z\ufffdrich"),  # latin-1 bytes; the charset goes to the parser
        ("https://news.example/c", "Page C"),
    ]
    notes = [r.article.body[0].children[0].text.rsplit("|", 1)[0] for r in results]
    assert notes == ["html|utf-8", "html|ISO-8859-1", "html|None"]
    assert all(r.name.startswith(f"{archive}#") for r in results)
    offsets = [int(r.name.rpartition("#")[2]) for r in results]
    assert offsets == sorted(offsets)
    assert len(set(offsets)) == 3


def test_an_uncompressed_warc_reads_the_same(tmp_path: Path):
    build_warc(tmp_path / "crawl.warc")
    build_warc(tmp_path / "crawl.warc.gz")
    plain = [r.article.title for r in parse_many([tmp_path / "crawl.warc"], jobs=0, parser=title_parser)]
    packed = [r.article.title for r in parse_many([tmp_path / "crawl.warc.gz"], jobs=0, parser=title_parser)]
    assert plain == packed == ["Page A", "Z\ufffdrich", "Page C"]


def test_a_corrupt_warc_is_one_error_and_the_run_goes_on(tmp_path: Path):
    build_warc(tmp_path / "good.warc.gz")
    data = (tmp_path / "good.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    (tmp_path / "junk.warc").write_bytes(b"this is not an archive\n" * 10)
    results = list(parse_many([tmp_path / "junk.warc", tmp_path / "cut.warc.gz", tmp_path / "good.warc.gz"],
                              jobs=0, parser=title_parser))
    kinds = [(Path(r.name.partition("#")[0]).name, r.error) for r in results]
    assert kinds[0] == ("junk.warc", "WARCFormatError")
    assert kinds[-3:] == [("good.warc.gz", None)] * 3
    # A truncated archive keeps the records before the cut (warcio stops quietly at a cut gzip member).
    cut = [r for r in results if r.name.startswith(str(tmp_path / "cut.warc.gz"))]
    assert [r.article.title for r in cut if r.ok] == ["Page A", "Z\ufffdrich", "Page C"][: len(cut)]
    assert len(cut) >= 1


def test_a_warc_record_declaring_a_codec_that_is_not_a_text_encoding_is_read(tmp_path: Path):
    # "charset=rot13" (or base64, zlib ...) names a Python codec, not a text encoding: the record
    # is parsed with the charset ignored and a warning, not lost to a LookupError.
    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        _http(writer, "https://news.example/r", page("Tram vote", "The tram line was approved.").encode(),
              "text/html; charset=rot13")
        _http(writer, "https://news.example/s", page("Schools", "Schools reopen.").encode(), "text/html; charset=base64")
    results = list(parse_many([archive], jobs=0, quotes=False))
    assert [r.error for r in results] == [None, None]
    assert [r.article.title for r in results] == ["Tram vote", "Schools"]
    assert all(any("rot13" in w or "base64" in w for w in r.article.warnings) for r in results)


# --------------------------------------------------------------------------- jobs=None


def _pid(result: BatchResult) -> int:
    assert result.article is not None, result.message
    return int(result.article.body[0].children[0].text.rsplit("|", 1)[1])


def test_jobs_none_parses_a_short_run_in_process_and_hands_a_long_one_to_workers(monkeypatch: pytest.MonkeyPatch):
    docs = [Document(f"{i}.html", f"<title>Page {i}</title>".encode()) for i in range(6)]
    short = list(parse_many(docs, jobs=None, parser=title_parser))
    assert [r.article.title for r in short] == [f"Page {i}" for i in range(6)]
    assert {_pid(r) for r in short} == {os.getpid()}, "six small pages: no worker started"
    # A run past the in-process budget at its first document, two CPUs free: the rest go to
    # workers, in order.
    monkeypatch.setattr(articlekit._batch, "AUTO_IN_PROCESS_SECONDS", -1.0)
    monkeypatch.setattr(articlekit._batch, "auto_processes", lambda running=0.0: 2)
    long = list(parse_many([*docs, Document("bad.html", b"")], jobs=None, parser=title_parser))
    assert [r.index for r in long] == list(range(7))
    assert [r.article.title for r in long[:6]] == [f"Page {i}" for i in range(6)]
    assert long[6].error == "EmptyDocumentError"
    assert _pid(long[0]) == os.getpid()
    assert all(_pid(r) != os.getpid() for r in long[1:6])


def test_jobs_none_on_a_busy_machine_stays_in_process_until_two_cpus_are_free(monkeypatch: pytest.MonkeyPatch):
    # One free CPU: a worker would parse no faster than this process and cost its start, so a
    # long run stays in process; the load is looked at again as the run goes on, and workers
    # take over once two CPUs are free.
    docs = [Document(f"{i}.html", f"<title>Page {i}</title>".encode()) for i in range(8)]
    monkeypatch.setattr(articlekit._batch, "AUTO_IN_PROCESS_SECONDS", -1.0)
    monkeypatch.setattr(articlekit._batch, "AUTO_BUSY_IN_PROCESS_SECONDS", 1e9)
    monkeypatch.setattr(articlekit._batch, "auto_processes", lambda running=0.0: 1)
    busy = list(parse_many(docs, jobs=None, parser=title_parser))
    assert [r.article.title for r in busy] == [f"Page {i}" for i in range(8)]
    assert {_pid(r) for r in busy} == {os.getpid()}, "no CPU free: no worker started"
    free = iter([1, 1, 2])
    monkeypatch.setattr(articlekit._batch, "auto_processes", lambda running=0.0: next(free, 2))
    later = list(parse_many(docs, jobs=None, parser=title_parser))
    assert [r.article.title for r in later] == [f"Page {i}" for i in range(8)]
    assert [_pid(r) == os.getpid() for r in later] == [True] * 3 + [False] * 5


def test_jobs_none_on_a_busy_machine_starts_one_worker_per_cpu_once_the_run_is_long(monkeypatch: pytest.MonkeyPatch):
    # No CPU free, but the run has taken AUTO_BUSY_IN_PROCESS_SECONDS in process: workers pay
    # (each its own share of the machine), one per CPU; on a single CPU none ever starts.
    docs = [Document(f"{i}.html", f"<title>Page {i}</title>".encode()) for i in range(6)]
    monkeypatch.setattr(articlekit._batch, "AUTO_IN_PROCESS_SECONDS", -1.0)
    monkeypatch.setattr(articlekit._batch, "AUTO_BUSY_IN_PROCESS_SECONDS", -1.0)
    monkeypatch.setattr(articlekit._batch, "auto_processes", lambda running=0.0: 1)
    monkeypatch.setattr(articlekit._batch, "_cpus", lambda: 2)
    long = list(parse_many(docs, jobs=None, parser=title_parser))
    assert [r.article.title for r in long] == [f"Page {i}" for i in range(6)]
    assert _pid(long[0]) == os.getpid()
    workers = {_pid(r) for r in long[1:]}
    assert os.getpid() not in workers
    assert 1 <= len(workers) <= 2
    monkeypatch.setattr(articlekit._batch, "_cpus", lambda: 1)
    single = list(parse_many(docs, jobs=None, parser=title_parser))
    assert {_pid(r) for r in single} == {os.getpid()}, "one CPU: a worker never pays"


def test_auto_processes_counts_free_cpus_without_the_calling_process_own_load(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(os, "getloadavg", lambda: (1.0, 1.0, 1.0))
    # At the start of a run a load of 1 is another program's: one CPU free.
    assert articlekit._batch.auto_processes(0.0) == 1
    # After ten minutes of parsing, the load of 1 is this process itself: both CPUs free.
    assert articlekit._batch.auto_processes(600.0) == 2
    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))
    assert articlekit._batch.auto_processes(600.0) == 1
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert articlekit._batch.auto_processes(0.0) == 2
