"""Hostile inputs found by an attacker's pass over every entry point, one test per finding.

Time is never asserted here (``benchmarks/bench_torture.py`` measures it): where a finding
was super-linear work, the test counts the work deterministically (elements moved, scans
restarted) or checks the limit that now bounds it and the warning that names it.
"""

from __future__ import annotations

from typing import Any

import pytest

import articlekit as ak
from articlekit._quotes import _marks


class _CountingList(list):  # type: ignore[type-arg]
    moved = 0

    def extend(self, items: Any) -> None:
        items = list(items)
        _CountingList.moved += len(items)
        super().extend(items)


class _CountingFrame(_marks._Frame):
    def __init__(self, mark: str, pos: int) -> None:
        super().__init__(mark, pos)
        self.children = _CountingList()


def test_runs_of_single_marks_move_each_nested_quote_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # " 'a 'b' c' 'd ": opening marks left open pile up and are dropped at max_chars, each
    # handing its nested quotes to the next; copying the growing list every time was quadratic.
    monkeypatch.setattr(_marks, "_Frame", _CountingFrame)
    _CountingList.moved = 0
    text = "T\n\n" + " 'a 'b' c' 'd " * 20_000
    quotes = _marks.scan_quotes(text, max_chars=2000, max_quotes=10**9)
    assert quotes
    assert _CountingList.moved <= 20 * len(text) // 14


@pytest.mark.timeout(30)  # a hang guard, not a timing: the old scan took minutes here
def test_tag_starts_without_a_closing_bracket_in_a_page_deeper_than_libxml2_allows() -> None:
    # The recovery pass for pages deeper than 2048 levels scanned to the end of the text
    # again from every "<b" that no ">" follows.
    article = ak.parse_html("<div>" * 2100 + "<p>Deep text kept.</p>" + "x <b" * 60_000)
    assert "Deep text kept." in article.text
    assert any("2048 levels" in w for w in article.warnings)


def test_flattening_deep_tags_reads_a_tag_to_the_next_bracket() -> None:
    from articlekit._parsers.html._tree import _flatten_deep_tags

    text = "<i>a<b>b<u x='<s'>c</u></b></i>d<q"
    assert _flatten_deep_tags(text, 1) == "<i>a b c  </i>d<q"


@pytest.mark.parametrize(
    "spelling",
    [
        "a{i}=x",
        'a{i}="<x>"',
        "a{i}='x'\n",
        "a{i}",
        "/a{i}",
    ],
    ids=["bare", "quoted-with-bracket", "single-quoted-newline", "no-value", "slash-separated"],
)
def test_a_start_tag_with_an_attribute_flood_keeps_its_first_attributes_with_a_warning(spelling: str) -> None:
    attributes = " ".join(spelling.format(i=i) for i in range(40_000))
    article = ak.parse_html(f"<html><body><article><p {attributes}>Hi there, reader of this page.</p></article></body></html>")
    assert "Hi there, reader of this page." in article.text
    assert any("more than 256 attributes" in w for w in article.warnings)


def test_an_attribute_flood_is_an_error_with_strict_limits() -> None:
    attributes = " ".join(f"a{i}=x" for i in range(1000))
    with pytest.raises(ak.ResourceLimitError, match="256 attributes"):
        ak.parse_html(f"<p {attributes}>Hi there.</p>", limits=ak.Limits(strict=True))


def test_a_tag_with_as_many_attributes_as_allowed_is_kept_whole() -> None:
    from articlekit._parsers.html._tree import MAX_ATTRIBUTES, _cap_attributes

    text = "<p " + " ".join(f"a{i}=x" for i in range(MAX_ATTRIBUTES)) + ">Hi</p>"
    assert _cap_attributes(text) == (text, 0)


@pytest.mark.parametrize(
    "label", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "idna", "punycode", "utf-32", "cp500"]
)
def test_a_charset_that_is_not_an_encoding_label_is_ignored_with_a_warning(label: str) -> None:
    page = f"<meta charset={label}><p>Hi there, reader of this page.</p>".encode()
    article = ak.parse_html(page)
    assert article.text == "Hi there, reader of this page."
    assert article.encoding == "utf-8"
    assert any(repr(label) in w and "not an encoding label" in w for w in article.warnings)
    declared = ak.parse_html(b"<p>Hi there, reader of this page.</p>", encoding=label if label != "utf-32" else "hex")
    assert declared.text == "Hi there, reader of this page."
    assert any("not an encoding label" in w for w in declared.warnings)


def test_http_equiv_content_type_with_a_codec_that_is_not_a_text_encoding() -> None:
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=zlib"><p>Hi there, reader.</p>'
    assert ak.parse_html(page).text == "Hi there, reader."


@pytest.mark.parametrize("codec", ["utf-16le", "utf-16be", "utf-32le", "utf-32be"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_read_when_the_caller_declares_them(codec: str) -> None:
    data = "<p>Zürich, a page without a byte-order mark.</p>".encode(codec)
    article = ak.parse_html(data, encoding=codec)
    assert article.text == "Zürich, a page without a byte-order mark."


def test_whatwg_labels_map_latin1_to_windows_1252_and_gbk_to_gb18030() -> None:
    from articlekit._input import encoding_for_label

    assert encoding_for_label("ISO-8859-1") == "cp1252"
    assert encoding_for_label("gbk") == "gb18030"
    assert encoding_for_label("utf-32") is None
    assert encoding_for_label("utf-32", caller=True) == "utf-32"


@pytest.mark.parametrize(
    "document",
    [
        "---\ntitle: 0x" + "f" * 4000 + "\n---\nBody of the post.",
        "---\nn: 0x" + "f" * 4000 + "\n---\nBody of the post.",
        "+++\nn = 0x" + "f" * 4000 + "\n+++\nBody of the post.",
        "---\nn: [0o" + "7" * 5000 + "]\n---\nBody of the post.",
    ],
    ids=["yaml-hex-title", "yaml-hex-extra", "toml-hex-extra", "yaml-octal-in-list"],
)
def test_front_matter_integers_too_wide_for_decimal_become_hex_strings(document: str) -> None:
    article = ak.parse_markdown(document)
    assert article.text.endswith("Body of the post.")
    for fmt in ak.formats():
        ak.dumps(article, fmt)
    assert ak.from_json(ak.to_json(article)) == article


@pytest.mark.parametrize(
    "document",
    ["+++\nn = " + "9" * 5000 + "\n+++\nBody.", "---\nn: " + "9" * 5000 + "\n---\nBody."],
    ids=["toml", "yaml"],
)
def test_decimal_integers_past_the_digit_limit_are_a_front_matter_error(document: str) -> None:
    with pytest.raises(ak.FrontMatterError, match="4300 digits"):
        ak.parse_markdown(document)
