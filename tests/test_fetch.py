"""The URL fetcher of ``articlekit parse URL``, against a local HTTP server the tests start."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from articlekit import FetchError, from_json, to_json
from articlekit._fetch import USER_AGENT, fetch
from http_server import QuietHandler, serve
from test_batch import page
from test_cli import ARTICLE, REFERENCE, run

BODY = REFERENCE.read_bytes()
PAGE = page("Zürich votes on the tram", "Zürich voted on Sunday to build the new tram line.")


class _Handler(QuietHandler):
    seen_agents: list[str]
    content_type = "application/json"

    def do_GET(self) -> None:
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article.json":
            self.send(200, BODY)
        elif path == "/news/zurich":
            self.send(200, PAGE.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/news/rot13":  # a codec that is not a text encoding, in the HTTP header
            self.send(200, PAGE.encode("utf-8"), "text/html; charset=rot13")
        elif path == "/redirect":
            self.send(302, b"", Location="/article.json")
        elif path == "/redirect-to-ftp":
            self.send(302, b"", Location="ftp://127.0.0.1/x")
        elif path == "/redirect-to-file":
            self.send(302, b"", Location="file:///etc/passwd")
        elif path == "/missing":
            self.send(404, b"not here", "text/plain")
        elif path == "/slow-headers":
            self.stop.wait(30)  # never answers within the client's timeout
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            while not self.stop.is_set():  # a byte every 0.2 s: each read succeeds, the whole never ends
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                self.stop.wait(0.2)
        elif path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: ")
            for _ in range(200):  # a header byte every 0.2 s, for 40 s: each read succeeds
                try:
                    self.wfile.write(b"a")
                    self.wfile.flush()
                except OSError:
                    return
                if self.stop.wait(0.2):
                    return
            self.close_connection = True
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
        elif path == "/huge-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b" " * 65536)
            except OSError:
                return
        else:
            self.send(500, b"oops", "text/plain")


AGENTS: dict[str, list[str]] = {}


@pytest.fixture
def server() -> Iterator[str]:
    seen_agents: list[str] = []
    # join_handlers: server_close() joins every handler, so all sockets are closed in the test.
    with serve(_Handler, join_handlers=True, seen_agents=seen_agents) as url:
        AGENTS[url] = seen_agents
        yield url


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_fetch_follows_redirects_and_sends_our_user_agent(server: str):
    page = fetch(f"{server}/redirect")
    assert page.data == BODY
    assert page.url == f"{server}/article.json"
    assert (page.media_type, page.charset) == ("application/json", None)
    assert AGENTS[server] == [USER_AGENT, USER_AGENT]
    assert USER_AGENT.startswith("articlekit/")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/error", "HTTP 500"),
        ("/redirect-to-file", "file:///etc/passwd"),
        ("/redirect-to-ftp", "refusing a redirect to 'ftp://127.0.0.1/x'"),
        ("/huge-declared", "over the 100,000-byte cap"),
        ("/huge-undeclared", "over the 100,000-byte cap"),
        ("/slow-headers", "within 1 s"),
        ("/trickle", "within 1 s"),
        ("/trickle-headers", "within 1 s"),
    ],
)
def test_fetch_failures_are_clean_fetch_errors(server: str, path: str, message: str):
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(server + path, timeout=1, max_bytes=100_000)
    assert message in str(caught.value)
    assert time.monotonic() - started < 30, "a slow server is cut off, not waited for"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "data:text/plain,hi", "/etc/passwd"])
def test_only_http_urls_are_fetched(url: str):
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url)


def test_a_closed_port_is_a_fetch_error():
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/", timeout=2)


# --------------------------------------------------------------------------- through the command line


def test_cli_parses_a_url(server: str):
    done = run("parse", f"{server}/article.json")
    assert done.returncode == 0, done.stderr
    assert from_json(done.stdout) == ARTICLE


def test_cli_parses_an_html_page_with_its_http_charset(server: str):
    done = run("parse", f"{server}/news/zurich")
    assert done.returncode == 0, done.stderr
    article = from_json(done.stdout)
    assert article.title == "Zürich votes on the tram"
    assert article.url == f"{server}/news/zurich"
    assert (article.encoding_source, article.source_format) == ("declared", "html")
    assert "Zürich voted on Sunday" in article.text


def test_cli_parses_a_page_whose_http_charset_is_not_a_text_encoding(server: str):
    # Content-Type: text/html; charset=rot13 -- only WHATWG labels count: the label is ignored
    # with a warning and the bytes decide (a LookupError traceback before).
    done = run("parse", f"{server}/news/rot13")
    assert done.returncode == 0, done.stderr
    article = from_json(done.stdout)
    assert article.title == "Zürich votes on the tram"
    assert article.encoding == "utf-8"
    assert any("rot13" in w and "not an encoding label" in w for w in article.warnings)


def test_cli_sends_the_user_agent(server: str):
    done = run("parse", f"{server}/article.json", "--to", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["title"] == ARTICLE.title
    assert to_json(from_json(done.stdout)) == to_json(ARTICLE)
    assert AGENTS[server] == [USER_AGENT]


@pytest.mark.parametrize(
    ("path", "args", "message"),
    [
        ("/missing", [], "HTTP 404"),
        ("/slow-headers", ["--timeout", "1"], "within 1 s"),
        ("/trickle", ["--timeout", "1"], "within 1 s"),
        ("/trickle-headers", ["--timeout", "1"], "within 1 s"),
        ("/huge-declared", ["--max-bytes", "100000"], "cap"),
        ("/huge-undeclared", ["--max-bytes", "100000"], "cap"),
    ],
)
def test_cli_url_failures_exit_1_without_hanging(server: str, path: str, args: list[str], message: str):
    done = run("parse", server + path, *args, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(f"articlekit: {server}{path}: ")
    assert message in done.stderr
    assert "Traceback" not in done.stderr
