"""articlekit.parse(): format names, sniffing order and dispatch."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit import Article, Paragraph, Text, UnknownFormatError, ValidationError
from articlekit._parsers import auto
from articlekit._parsers._sniff import sniff

HTML_DOC = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hi.</p></body></html>"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HTML_DOC, "html"),
        ("  \n<html lang='en'><body>x</body></html>", "html"),
        ("<?xml version='1.0'?>\n<!DOCTYPE html><html></html>", "html"),
        ("<article><h1>Title</h1><p>Text.</p></article>", "html"),
        ("<!-- saved page --><div>x</div>", "html"),
        ("Some intro line\n<div><p>a</p><p>b</p><p>c</p><br><span>d</span></div>", "html"),
        ("---\ntitle: Hello\n---\n\nBody text.", "markdown"),
        ("+++\ntitle = 'Hello'\n+++\n\nBody text.", "markdown"),
        ("# Title\n\nBody.", "markdown"),
        ("Intro.\n\n```python\nprint(1)\n```\n", "markdown"),
        ("See [the report](https://example.com/r) for details.", "markdown"),
        ("Some **bold** claim and `code` here.", "markdown"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", "markdown"),
        ('{"schema_version": 1, "title": "x"}', "json"),
        ('  {\n  "title": "x",\n  "schema_version": 1}', "json"),
        ("Title\n\nA paragraph.", "text"),
        ("Title\n=====\n\n- a list\n- of items\n\n> a quote", "text"),
        ("Only **one** weak signal.", "text"),
        ("<3 you all", "text"),
        ("#hashtag is not a heading", "text"),
        ('{"title": "not ours"}', "text"),
    ],
)
def test_sniff(data, expected):
    assert sniff(data) == expected
    assert sniff(data.encode("utf-8")) == expected


def test_sniff_bytes_with_bom():
    data = codecs.BOM_UTF16_LE + HTML_DOC.encode("utf-16-le")
    assert sniff(data) == "html"
    assert sniff(codecs.BOM_UTF8 + b"# Title\n") == "markdown"


def test_sniff_reads_only_the_head():
    assert sniff("Plain text.\n\n" + "x" * 20_000 + "\n# Late heading\n") == "text"


def test_reference_example_and_its_text_form_sniff_as_text():
    from pathlib import Path

    seed = Path(__file__).parent / "fixtures" / "text" / "reference.txt"
    assert sniff(seed.read_bytes()) == "text"
    assert sniff(articlekit.to_text(articlekit.parse_text(seed.read_bytes(), quotes=False))) == "text"


@pytest.mark.parametrize("name", ["text", "TXT", "plain", "text/plain", " Text "])
def test_text_format_names(name):
    assert articlekit.parse("Hello\n\nWorld.", format=name).source_format == "text"


def test_unknown_format_name():
    with pytest.raises(UnknownFormatError, match="docx"):
        articlekit.parse("x", format="docx")
    with pytest.raises(ValidationError):
        articlekit.parse("x", format=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        articlekit.parse(12)  # type: ignore[arg-type]


def test_json_dispatch_round_trips():
    article = Article(title="Hi", body=[Paragraph([Text("Hello.")])])
    text = articlekit.to_json(article)
    assert articlekit.parse(text) == article
    assert articlekit.parse(text.encode(), format="json") == article
    with pytest.raises(articlekit.ResourceLimitError):
        articlekit.parse(text, limits=articlekit.Limits(max_bytes=10))


@pytest.mark.parametrize(
    ("fmt", "data"),
    [("html", HTML_DOC), ("markdown", "# Title\n\nBody."), ("text", "Title\n\nBody.")],
)
def test_parse_dispatches_to_the_sniffed_formats_parser_with_every_argument(monkeypatch, fmt, data):
    calls = []

    def fake(data, *, url=None, quotes=True, limits=None):
        calls.append((data, url, quotes, limits))
        return Article(title="from " + fmt)

    monkeypatch.setitem(auto._PARSERS, fmt, fake)
    limits = articlekit.Limits()
    article = articlekit.parse(data, url="https://example.com/", quotes=False, limits=limits)
    assert article.title == "from " + fmt
    assert calls == [(data, "https://example.com/", False, limits)]


@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_sniff_always_names_a_format(data):
    assert sniff(data) in {"html", "markdown", "text", "json"}
