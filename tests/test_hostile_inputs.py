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
from articlekit._urls import is_unsafe_url


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


# --------------------------------------------------------------------------- serialisers and the model


def test_the_model_refuses_integers_too_wide_for_json_in_extra() -> None:
    with pytest.raises(ak.ValidationError, match="13,000 bits"):
        ak.Article(extra={"n": 10**5000})


def _nested(depth: int) -> object:
    value: object = "leaf"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [32, 400, 900])
def test_extra_nested_deeper_than_the_model_allows_is_refused_not_a_recursion_error(depth: int) -> None:
    with pytest.raises(ak.ValidationError, match="nested more than 31 levels"):
        ak.Article(extra={"deep": _nested(depth)})
    document = ak.to_dict(ak.Article(title="T"))
    document["extra"] = {"deep": _nested(depth)}
    with pytest.raises(ak.JSONFormatError, match="nested more than 31 levels"):
        ak.from_dict(document)


def test_extra_as_deep_as_the_model_allows_is_written_and_read_back_by_every_serialiser() -> None:
    article = ak.Article(title="T", body=[ak.Paragraph([ak.Text("Body.")])], extra={"deep": _nested(31)})
    for fmt in ak.formats():
        ak.dumps(article, fmt)
    assert ak.from_json(ak.to_json(article)) == article
    assert ak.parse_markdown(ak.to_markdown(article), quotes=False).extra == article.extra


# --------------------------------------------------------------------------- unsafe URLs


UNSAFE_SPELLINGS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "j&#9;" + "&#9;" * 16 + "avascript:alert(1)",
    "j" + "\t" * 40 + "avascript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&amp;#58;alert(1)",
    "\u200bjavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("url", UNSAFE_SPELLINGS)
def test_the_model_never_holds_an_unsafe_url(url: str) -> None:
    for build in (
        lambda: ak.Link(url, [ak.Text("x")]),
        lambda: ak.InlineImage(url),
        lambda: ak.Figure(url),
        lambda: ak.Image(url),
        lambda: ak.Person("Ann", url=url),
        lambda: ak.Article(url=url),
        lambda: ak.Article(canonical_url=url),
    ):
        with pytest.raises(ak.ValidationError, match="unsafe"):
            build()


def test_a_raster_data_image_is_still_an_image() -> None:
    assert ak.Image("data:image/png;base64,AAAA").url.startswith("data:image/png")
    with pytest.raises(ak.ValidationError):
        ak.Link("data:image/png;base64,AAAA")


@pytest.mark.parametrize("url", UNSAFE_SPELLINGS)
def test_a_page_claiming_to_be_articlekit_html_keeps_no_unsafe_url(url: str) -> None:
    safe = "https://safe.example/x"
    article = ak.Article(
        title="Own page",
        url=safe + "u",
        canonical_url=safe + "c",
        authors=[ak.Person("Ann", url=safe + "p")],
        images=[ak.Image(safe + "i")],
        body=[
            ak.Paragraph([ak.Text("Words of the article. "), ak.Link(safe + "l", [ak.Text("x")]), ak.InlineImage(safe + "ii", "alt")]),
            ak.Figure(safe + "f", alt="a", caption=[ak.Text("Caption.")]),
        ],
    )
    page = ak.to_html(article, standalone=True).replace(safe, url.replace("&", "&amp;") if "&#" in url else url)
    parsed = ak.parse_html(page)
    assert [u for u in _urls(parsed) if u is not None and is_unsafe_url(u)] == []
    assert "Words of the article." in parsed.text


def _urls(article: ak.Article) -> set[str | None]:
    found: set[str | None] = {article.url, article.canonical_url}
    found.update(p.url for p in article.authors)
    found.update(i.url for i in article.images)
    stack: list[object] = list(article.body)
    while stack:
        node = stack.pop()
        for name in ("href", "src"):
            if hasattr(node, name):
                found.add(getattr(node, name))
        for name in ("children", "blocks", "items", "caption", "cells", "header", "rows"):
            stack.extend(getattr(node, name, ()))
    return found


def test_front_matter_urls_that_are_unsafe_are_dropped_with_a_warning() -> None:
    document = (
        "---\ntitle: T\nurl: 'javascript:alert(1)'\ncanonical_url: ' java\tscript:x'\n"
        "authors:\n  - name: Ann\n    url: 'data:text/html,x'\nimages:\n  - url: 'vbscript:x'\n---\nBody of the post.\n"
    )
    article = ak.parse_markdown(document)
    assert article.url is None
    assert article.canonical_url is None
    assert article.authors == (ak.Person("Ann"),)
    assert article.images == ()
    assert sum("unsafe" in w for w in article.warnings) == 4


def test_json_with_an_unsafe_url_is_refused() -> None:
    document = ak.to_dict(ak.Article(title="T", url="https://example.com/"))
    document["url"] = "javascript:alert(1)"
    with pytest.raises(ak.JSONFormatError, match="unsafe URL"):
        ak.from_dict(document)


# --------------------------------------------------------------------------- silent losses


def test_quotes_cut_at_max_quotes_are_said_so() -> None:
    text = "Title\n\n" + " ".join(f"\u201cQuote number {i} here,\u201d she said." for i in range(30))
    article = ak.parse_text(text, limits=ak.Limits(max_quotes=5))
    assert len(article.quotes) == 5
    assert any("Limits.max_quotes" in w for w in article.warnings)
    with pytest.raises(ak.ResourceLimitError, match="max_quotes"):
        ak.parse_text(text, limits=ak.Limits(max_quotes=5, strict=True))


def test_a_quotation_over_max_quote_chars_is_said_so_and_its_closing_mark_opens_nothing() -> None:
    # A 2,500-character speech in straight marks, then a short quotation in the same paragraph.
    speech = " ".join(["We will rebuild the harbour and the schools"] * 57)
    text = f'Harbour plan\n\nThe mayor said: "{speech}", and left the hall. Then "we start Monday," she said.\n'
    article = ak.parse_text(text)
    assert any("Limits.max_quote_chars" in w and "1 quotation" in w for w in article.warnings)
    # The long quotation's closing mark did not open a quotation of the narration after it.
    assert [q.text for q in article.quotes] == ["we start Monday"]
    with pytest.raises(ak.ResourceLimitError, match="max_quote_chars"):
        ak.parse_text(text, limits=ak.Limits(strict=True))
    # Within the limit, nothing is said.
    assert not any("max_quote_chars" in w for w in ak.parse_text(text, limits=ak.Limits(max_quote_chars=5000)).warnings)


def test_yaml_aliases_are_counted_by_the_size_of_what_they_repeat() -> None:
    # 8,000 aliases of one 33 KB string: few nodes, a 266 MB article.
    document = "---\na: &a " + "x" * 33_000 + "\nb: [" + ", ".join(["*a"] * 8_000) + "]\n---\nBody.\n"
    with pytest.raises(ak.FrontMatterError, match=r"aliases expand it past Limits\.max_front_matter_bytes"):
        ak.parse_markdown(document)


def test_yaml_aliases_of_modest_size_are_expanded() -> None:
    document = "---\na: &a [" + ", ".join(["word"] * 100) + "]\nb: [*a, *a]\n---\nBody.\n"
    assert ak.parse_markdown(document).extra["b"][1][99] == "word"


# --------------------------------------------------------------------------- the Markdown work budget


@pytest.mark.parametrize(
    "document",
    [
        "".join(f"- item {i}\n" for i in range(100_000)),
        "**a*" * 250_000,
        "| a | b |\n|---|---|\n" + "".join(f"| {i} | v |\n" for i in range(80_000)),
    ],
    ids=["short-bullets-1mb", "star-runs-1mb", "table-rows-1.1mb"],
)
def test_markdown_too_dense_for_the_budget_is_refused_before_tokenizing(document: str) -> None:
    from articlekit._parsers import markdown as markdown_parser

    calls: list[int] = []
    original = markdown_parser._tokens

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown_parser, "_tokens", counting)
        with pytest.raises(ak.ResourceLimitError, match="too dense"):
            ak.parse_markdown(document)
    assert calls == []  # refused before markdown-it built a token


def test_ordinary_markdown_is_within_the_budget() -> None:
    from articlekit._parsers.markdown import MARKDOWN_BUDGET_SECONDS, markdown_work

    paragraph = "The council met on *Tuesday* and voted on the [tram](https://example.com/tram) plan. " * 8
    document = "".join(f"## Part {i}\n\n{paragraph}\n\n- one point\n- another point\n\n" for i in range(2_000))
    size_mb = len(document.encode()) / (1024 * 1024)
    assert markdown_work(document) < MARKDOWN_BUDGET_SECONDS[0] + MARKDOWN_BUDGET_SECONDS[1] * size_mb
    assert ak.parse_markdown(document, quotes=False).body


def test_every_member_of_a_multi_member_gzip_file_is_read(tmp_path: Any) -> None:
    import gzip

    from articlekit._batch import parse_many

    first = b"<html><body><article><h1>Two members</h1><p>The first member holds this paragraph of text.</p>"
    second = b"<p>The second member holds the end of the article, which must not be lost.</p></article></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(first) + gzip.compress(second))
    [result] = list(parse_many([tmp_path], jobs=0))
    assert result.article is not None, result.message
    assert "The second member holds the end of the article" in result.article.text


# (API misuse: tests/test_api_misuse.py)


def test_a_table_longer_than_a_markdown_piece_is_named_in_the_warning() -> None:
    rows = "".join(f"| row {i} with some words in it | and a second cell of text {i} |\n" for i in range(200))
    document = "| a | b |\n|---|---|\n" + rows
    article = ak.parse_markdown(document, quotes=False, limits=ak.Limits(max_markdown_piece_chars=2_000))
    assert any("table" in w for w in article.warnings)


# --------------------------------------------------------------------------- XPath node-set merges


def test_the_page_queries_use_one_location_path_each() -> None:
    # libxml2 merges node sets with a duplicate check per node: a union ("a | b"), a step after
    # "//x" (descendant::p//text()) or a parent step after attributes (@itemprop/..) is
    # quadratic in the matches (80,000 elements with a class and an id: 10 s for one query).
    from articlekit._parsers.html import _comments, _pagetype, _textform
    from articlekit._parsers.html._metadata import _sources

    queries = [
        _pagetype._CLASSES, _pagetype._MICRODATA, _pagetype._ITEMPROP, _pagetype._ITEMTYPE,
        _textform._RUBY_ANNOTATIONS, _comments._CANDIDATES,
        _sources._XP_ITEMPROPS,
    ]
    for query in queries:
        path = query.path
        assert "|" not in path, path
        assert "/.." not in path, path
        assert "//" not in path.split("[", 1)[0].lstrip("/"), path


def test_pages_with_many_classed_paragraphs_and_ruby_keep_their_text() -> None:
    paragraphs = "".join(
        f'<p class="story c{i}" id="p{i}" itemprop="x"><a href="/a{i}">Link {i}</a> text <ruby>漢<rt>kan</rt></ruby></p>'
        for i in range(20_000)
    )
    article = ak.parse_html(f"<html><body><article>{paragraphs}</article></body></html>", comments=True, quotes=False)
    assert "Link 19999 text 漢" in article.text
    assert "kan" not in article.text


def test_bidi_controls_in_front_matter_names_and_titles_are_removed_with_a_warning() -> None:
    # U+202E turns "Bank gnp.exe" into "Bank exe.png" on screen; U+2066/U+2069 isolate a name.
    document = (
        '---\ntitle: "Bank \u202egnp.exe"\nauthor: "Ann \u2066Lee\u2069"\ntags: ["cli\u200bmate"]\n'
        'site_name: "Daily\u202d Post"\n---\nThe body of the post.\n'
    )
    article = ak.parse_markdown(document)
    assert article.title == "Bank gnp.exe"
    assert [p.name for p in article.authors] == ["Ann Lee"]
    assert article.tags == ("climate",)
    assert article.site_name == "Daily Post"
    said = [w for w in article.warnings if "bidi-control" in w]
    assert len(said) == 4
    assert any("'title'" in w for w in said)


def test_front_matter_over_64_kb_written_by_to_markdown_is_refused_with_the_limits_that_read_it_back() -> None:
    import re

    from articlekit._serializers.markdown import markdown_expressible

    # Notes kept in extra from a JSON archive: a 70 KB front matter.
    article = ak.Article(
        title="Archive notes",
        body=[ak.Paragraph([ak.Text("The body of the page.")])],
        extra={"notes": "Reviewed by the desk. " * 3_200},
    )
    document = ak.to_markdown(article)
    with pytest.raises(ak.FrontMatterError, match=r"Limits\.max_front_matter_bytes") as caught:
        ak.parse_markdown(document, quotes=False)
    needed = re.search(r"limits=Limits\(max_front_matter_bytes=([0-9]+)\)", str(caught.value))
    assert needed is not None, str(caught.value)
    limits = ak.Limits(max_front_matter_bytes=int(needed.group(1)))
    assert ak.parse_markdown(document, quotes=False, limits=limits) == markdown_expressible(article)


def test_a_page_made_of_tags_past_the_memory_bound_is_refused_before_parsing() -> None:
    # "word<br>" repeated (2 MB: 262,000 tags) or a row of 210,000 cells: libxml2's tree and
    # the nodes built from it would take ~75 bytes per byte of input, three times the bound.
    with pytest.raises(ak.ResourceLimitError, match="memory bound"):
        ak.parse_html("<html><body><p>" + "word<br>" * 262_144 + "</p></body></html>")
    with pytest.raises(ak.ResourceLimitError, match="memory bound"):
        ak.parse_html("<table><tr>" + "<td>x</td>" * 210_000 + "</tr></table>")
    # Half a megabyte of it is within the bound, and parsed whole.
    article = ak.parse_html("<html><body><article><p>" + "word<br>" * 65_536 + "</p></article></body></html>", quotes=False)
    assert article.text.count("word") == 65_536


def test_unclosed_tag_starts_are_not_counted_as_tags_and_the_page_is_parsed() -> None:
    # "x <b" repeated: each "<b" sits inside the tag the previous one opened and never closed,
    # so libxml2 builds no element for it; a count of every "<b" (250,000 in 1 MB) took the
    # page for 143 MB of tree and refused it with a false figure.
    page = "<html><body><p>Warm up.</p><p>" + "x <b" * 250_000
    article = ak.parse_html(page, quotes=False)
    assert article.text.startswith("Warm up.")
