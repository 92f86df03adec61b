"""The torture suite: every parser and serialiser on every hostile file.

Asserted for each file and each parser:

* the error contract: an Article, or an ``ArticleKitError`` whose message says something;
* no silent loss: the file's marker text is in ``Article.text``, or a warning says what was cut;
* no active content in ``to_html`` output (checked by parsing it with lxml), nor in
  ``to_markdown`` output rendered by markdown-it-py with raw HTML on;
* the canary (a local file the XXE payloads point at) never appears in any output, the file
  is never opened while parsing, and no socket is connected.

Timing is not asserted here (that is ``benchmarks/bench_torture.py``); pytest-timeout is the
hang guard.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import articlekit as ak
from safety import assert_inert_html, assert_safe_html
from torture.make_corpus import CANARY, MARKER, SPECS, Spec, generate

PARSERS: dict[str, Callable[..., ak.Article]] = {
    "html": ak.parse_html,
    "markdown": ak.parse_markdown,
    "text": ak.parse_text,
    "auto": ak.parse,
}

_opened: list[str] = []
_guard = threading.local()


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and getattr(_guard, "active", False) and args and isinstance(args[0], (str, Path)):
        _opened.append(str(args[0]))


sys.addaudithook(_audit)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    paths = generate(tmp_path_factory.mktemp("torture"))
    return {p.name: p for p in paths}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a parser tried to open a network connection: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _parse(parser: str, data: bytes) -> ak.Article | ak.ArticleKitError:
    _guard.active = True
    _opened.clear()
    try:
        return PARSERS[parser](data)
    except ak.ArticleKitError as exc:
        return exc
    finally:
        _guard.active = False


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_torture(spec: Spec, parser: str, corpus: dict[str, Path]) -> None:
    path = corpus[spec.name]
    result = _parse(parser, path.read_bytes())
    assert not [p for p in _opened if "canary" in p], f"the parser opened {_opened}"
    if isinstance(result, ak.ArticleKitError):
        assert str(result).strip(), "an error must say what was wrong"
        if spec.marker is not None and parser in (spec.kind, "auto"):
            # Losing the article is only acceptable when the input is over a limit
            # (a YAML alias bomb in front matter is a FrontMatterError naming the node budget).
            assert isinstance(result, (ak.ResourceLimitError, ak.FrontMatterError)), f"{type(result).__name__}: {result}"
        return
    article = result
    assert isinstance(article, ak.Article)
    if spec.marker is not None and parser in (spec.kind, "auto"):
        assert spec.marker in article.text or article.warnings, "silent loss: marker gone, no warning"
    for fmt in ak.formats():
        out = ak.dumps(article, fmt)
        assert CANARY not in out
        assert "root:x:0:0" not in out
    assert_safe_html(ak.to_html(article))
    assert_safe_html(ak.to_html(article, standalone=True), standalone=True)
    markdown = ak.to_markdown(article)
    if len(markdown) <= _RENDER_AT_MOST:
        assert_inert_html(_render_markdown(markdown))


# to_markdown output is rendered (markdown-it-py, raw HTML on) when it is at most this long:
# rendering the multi-megabyte files would only repeat what the small ones show, slowly.
_RENDER_AT_MOST = 256 * 1024


def _render_markdown(source: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(source)


def test_every_member_of_a_gzip_file_is_read(corpus: dict[str, Path]) -> None:
    from articlekit._batch import parse_many

    [result] = list(parse_many([str(corpus["gzip_two_members.html.gz"])], jobs=0))
    assert result.article is not None, result.message
    assert MARKER in result.article.text


def test_xss_payloads_never_become_active(corpus: dict[str, Path]) -> None:
    article = ak.parse_html(corpus["xss_in_article_body.html"].read_bytes())
    html = ak.to_html(article)
    assert_safe_html(html)
    assert "alert" not in "".join(
        link.href for block in article.body for link in _links(block)
    ), "a javascript: URL survived into the model"


def _links(node: object) -> Iterator[ak.Link]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ak.Link):
            yield current
        for attr in ("children", "blocks", "items", "caption", "cells", "header", "rows"):
            stack.extend(getattr(current, attr, ()))


def test_names_with_bidi_and_zero_width_characters_are_one_speaker(corpus: dict[str, Path]) -> None:
    article = ak.parse_text(corpus["bidi_zero_width_names.txt"].read_bytes())
    speakers = {q.speaker.name for q in article.quotes if q.speaker is not None}
    assert speakers == {"Peskov"}


def test_a_replaced_default_parser_changes_nothing(corpus: dict[str, Path]) -> None:
    from lxml import etree

    data = corpus["xxe_local_file.html"].read_bytes()
    before = ak.to_json(ak.parse_html(data))
    etree.set_default_parser(etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False))
    try:
        after = ak.to_json(ak.parse_html(data))
    finally:
        etree.set_default_parser(None)
    assert after == before
    assert CANARY not in after
