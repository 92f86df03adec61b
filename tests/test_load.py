"""Parsing files and URLs from Python: paths, file objects, ``parse_file``, ``parse_url``, and
the warning for a ``str`` that names a file or a URL (it is parsed as the text it is)."""

from __future__ import annotations

import io
import os
import socket
from pathlib import Path

import pytest

import articlekit
from articlekit import (
    ParseError,
    ValidationError,
    parse,
    parse_file,
    parse_html,
    parse_markdown,
    parse_text,
    parse_url,
)
from test_fetch import (
    _no_proxy,  # noqa: F401
    server,  # noqa: F401  (the local HTTP server fixture)
)

PAGES = Path(__file__).resolve().parent.parent / "examples" / "pages"
HTML = PAGES / "kremlin-talks.html"
TITLE = parse_html(HTML.read_bytes(), quotes=False).title


def test_a_path_object_is_read_not_parsed_as_its_name():
    for function in (parse, parse_html):
        article = function(HTML, quotes=False)
        assert article.title == TITLE
        assert article.source_format == "html"


def test_parse_takes_the_format_of_a_path_from_its_extension():
    assert parse(PAGES / "kremlin-talks.md", quotes=False).source_format == "markdown"
    assert parse(PAGES / "kremlin-talks.txt", quotes=False).source_format == "text"


def test_a_binary_file_object_is_read():
    with HTML.open("rb") as handle:
        assert parse(handle, quotes=False).title == TITLE
    assert parse_text(io.BytesIO(b"Headline\n\nA first paragraph of text."), quotes=False).title == "Headline"
    assert parse_markdown(io.BytesIO(b"# Title\n\nBody."), quotes=False).title == "Title"


def test_parse_file_reads_a_file_named_by_a_str_and_says_nothing():
    article = parse_file(str(HTML), quotes=False)
    assert article.title == TITLE
    assert not any("parse_file" in w for w in article.warnings)


def test_parse_file_decompresses_gzip(tmp_path: Path):
    import gzip

    target = tmp_path / "page.md.gz"
    target.write_bytes(gzip.compress(b"# Gzipped\n\nBody text here."))
    article = parse_file(target, quotes=False)
    assert (article.title, article.source_format) == ("Gzipped", "markdown")


def test_a_str_naming_a_file_is_parsed_as_text_with_a_warning():
    name = str(HTML.relative_to(Path.cwd())) if HTML.is_relative_to(Path.cwd()) else str(HTML)
    article = parse(name, quotes=False)
    assert article.source_format == "text"
    assert any(f"did you mean articlekit.parse_file({name!r})" in w for w in article.warnings), article.warnings


def test_a_str_that_is_a_url_is_parsed_as_text_with_a_warning():
    article = parse("https://example.org/news/1", quotes=False)
    assert any("parse_url('https://example.org/news/1')" in w for w in article.warnings)
    assert not any("parse_url" in w for w in parse("Two words.", quotes=False).warnings)


def test_a_missing_file_raises_a_parse_error_naming_it(tmp_path: Path):
    with pytest.raises(ParseError, match=r"cannot read .*missing\.html.*No such file"):
        parse_file(tmp_path / "missing.html")
    with pytest.raises(ParseError, match="a folder"):
        parse(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_named_fifo_is_refused_at_once_not_waited_on(tmp_path: Path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(ParseError, match="named pipe"):
        parse_file(fifo)  # no writer: a plain open() would block forever


def test_a_socket_is_refused(tmp_path: Path):
    path = tmp_path / "s.html"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(ParseError, match="a socket"):
            parse_file(path)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(articlekit.ResourceLimitError):
        parse(big, limits=articlekit.Limits(max_bytes=1000))


def test_other_objects_are_refused_clearly():
    with pytest.raises(ValidationError, match=r"path .*or a binary file object, got int"):
        parse(5)  # type: ignore[arg-type]


def test_parse_url_fetches_and_parses(server: str):  # noqa: F811
    article = parse_url(f"{server}/news/zurich", quotes=False)
    assert article.title == "Zürich votes on the tram"  # latin-1, declared by the Content-Type header
    assert article.url == f"{server}/news/zurich"
    assert article.encoding_source == "declared"
    assert parse_url(f"{server}/redirect").title == articlekit.from_json(
        (Path(__file__).resolve().parent.parent / "examples" / "reference-article.json").read_text()
    ).title


def test_parse_url_failures_are_fetch_errors(server: str):  # noqa: F811
    with pytest.raises(articlekit.FetchError, match="HTTP 404"):
        parse_url(f"{server}/missing")
    with pytest.raises(articlekit.FetchError, match="over the 1,000-byte cap"):
        parse_url(f"{server}/huge-undeclared", max_bytes=1000)
    with pytest.raises(articlekit.FetchError, match="only http and https"):
        parse_url("file:///etc/passwd")


def test_import_articlekit_does_not_load_the_batch_runner_or_urllib():
    import subprocess
    import sys

    code = "import sys, articlekit; print(sorted(m for m in ('articlekit._batch', 'multiprocessing', 'urllib.request') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert articlekit.parse_many.__module__ == "articlekit._batch"


