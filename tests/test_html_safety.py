"""parse_html on hostile and huge input: entities, DTDs, depth, size, binary data."""

from __future__ import annotations

import socket
import sys

import pytest

from articlekit import EmptyDocumentError, EncodingError, Limits, ResourceLimitError
from articlekit._parsers.html import parse_html
from articlekit._parsers.html._tree import parse_tree

_ARTICLE = (
    "<article><p>The council approved the new budget on Tuesday, after a long debate about housing, "
    "roads and schools.</p><p>MARKER-TEXT The vote was close, with eleven members in favour and nine "
    "against the plan.</p></article>"
)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsing tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_xxe_doctype_resolves_nothing() -> None:
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/canary">]>'
        f"<html><body>{_ARTICLE}<p>&xxe; &net;</p></body></html>"
    )
    article = parse_html(page, quotes=False)
    assert "root:" not in article.text
    assert "MARKER-TEXT" in article.text


def test_entity_bomb_expands_nothing() -> None:
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    page = f"<!DOCTYPE html [{lol}]><html><body>{_ARTICLE}<p>&lol9;</p></body></html>"
    article = parse_html(page, quotes=False)
    assert "lollol" not in article.text
    assert "MARKER-TEXT" in article.text


def test_hundred_thousand_deep_nesting_keeps_the_text_with_a_warning() -> None:
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + _ARTICLE + "</div>" * depth + "</body></html>"
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        article = parse_html(page, quotes=False)
    finally:
        sys.setrecursionlimit(old)
    assert "MARKER-TEXT" in article.text
    assert any("2048 levels" in w for w in article.warnings)


def test_deep_nesting_before_the_article_is_not_silently_lost() -> None:
    page = "<html><body>" + "<div>" * 3000 + "</div>" * 3000 + _ARTICLE + "</body></html>"
    article = parse_html(page, quotes=False)
    assert "MARKER-TEXT" in article.text


def test_depth_problem_is_an_error_in_strict_mode() -> None:
    page = "<div>" * 5000 + _ARTICLE
    with pytest.raises(ResourceLimitError):
        parse_tree(page, limits=Limits(strict=True))


def test_twenty_megabyte_page() -> None:
    filler = "<div class='teaser'><a href='/x'>Another story</a></div>" * 60_000
    padding = "<p>" + "word " * 3_000_000 + "</p>"  # a 15 MB text node
    page = f"<html><body>{filler}{_ARTICLE}<aside>{padding}</aside>{filler}</body></html>"
    assert len(page) > 20_000_000
    article = parse_html(page, quotes=False)
    assert "MARKER-TEXT" in article.text


def test_size_cap_is_checked_before_parsing() -> None:
    with pytest.raises(ResourceLimitError):
        parse_html(b"<p>" + b"x" * 2000, limits=Limits(max_bytes=1000))


def test_empty_and_binary_input() -> None:
    with pytest.raises(EmptyDocumentError):
        parse_html(b"   \n ")
    with pytest.raises(EncodingError):
        parse_html(bytes([0, 255, 1, 200, 0, 7]) * 5000)


def test_nul_characters_inside_text_are_dropped() -> None:
    page = "<html><body>" + _ARTICLE.replace("MARKER-TEXT", "MARKER\x00-TEXT") + "</body></html>"
    article = parse_html(page, quotes=False)
    assert "MARKER-TEXT" in article.text
    assert "\x00" not in article.text


def test_comment_only_document_gives_an_empty_article() -> None:
    article = parse_html("<!-- nothing here -->", quotes=False)
    assert article.body == ()
    assert article.warnings
