"""The HTML-to-blocks mapping (``fragment_blocks``): every element kind, white space, depth."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import (
    Article,
    ArticleKitError,
    BlockQuote,
    CodeBlock,
    Emphasis,
    Figure,
    Heading,
    InlineCode,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
    ThematicBreak,
)
from articlekit._limits import Limits
from articlekit._model import MAX_DEPTH
from articlekit._model._text import block_text
from articlekit._parsers.html import fragment_blocks


def test_headings_and_paragraphs() -> None:
    blocks = fragment_blocks("<h2>Part  one</h2><p>Hello\n   <b>big</b> <i>world</i></p>")
    assert blocks == (
        Heading(2, [Text("Part one")]),
        Paragraph([Text("Hello "), Strong([Text("big")]), Text(" "), Emphasis([Text("world")])]),
    )


def test_links_resolve_against_base_and_unsafe_links_lose_the_link() -> None:
    blocks = fragment_blocks(
        '<p><a href="../b.html" title="T">rel</a> <a href="javascript:alert(1)">js</a></p>',
        base_url="https://example.com/a/c/page",
    )
    assert blocks == (
        Paragraph([Link("https://example.com/a/b.html", [Text("rel")], title="T"), Text(" js")]),
    )


def test_double_br_splits_paragraphs_single_br_is_a_line_break() -> None:
    blocks = fragment_blocks("<div>one<br>two<br><br>three</div>")
    assert blocks == (Paragraph([Text("one"), LineBreak(), Text("two")]), Paragraph([Text("three")]))


def test_nested_lists_and_quotes() -> None:
    blocks = fragment_blocks("<ol start=3><li>a<ul><li>b</li></ul></li></ol><blockquote><p>q</p></blockquote>")
    assert isinstance(blocks[0], ListBlock)
    assert blocks[0].ordered
    assert blocks[0].start == 3
    inner = blocks[0].items[0].blocks[1]
    assert isinstance(inner, ListBlock)
    assert not inner.ordered
    assert blocks[1] == BlockQuote([Paragraph([Text("q")])])


def test_figure_with_caption_and_credit() -> None:
    (fig,) = fragment_blocks(
        '<figure><img src="/i.jpg" alt="A cat"><figcaption>The cat. <span class="credit">Photo: Bob</span>'
        "</figcaption></figure>",
        base_url="https://example.com/",
    )
    assert fig == Figure("https://example.com/i.jpg", alt="A cat", caption=[Text("The cat.")], credit="Photo: Bob")


def test_placeholder_images_are_dropped() -> None:
    assert fragment_blocks('<p><img src="/i.jpg" alt="PostImage"></p><figure><img src="x.png" alt="image"></figure>') == ()


def test_lazy_image_source() -> None:
    (fig,) = fragment_blocks('<p><img src="data:image/gif;base64,R0l" data-src="https://e.com/r.jpg" alt="Real"></p>')
    assert isinstance(fig, Figure)
    assert fig.src == "https://e.com/r.jpg"


def test_table_code_and_rule() -> None:
    blocks = fragment_blocks(
        "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td align=right>2</td></tr></table>"
        '<pre><code class="language-python">x = 1\n  y = 2\n</code></pre><hr><p>use <code>f( )</code></p>'
    )
    table, code, rule, para = blocks
    assert isinstance(table, Table)
    assert block_text(table) == "a\tb\n1\t2"
    assert table.rows[0].cells[1].align == "right"
    assert code == CodeBlock("x = 1\n  y = 2", language="python")
    assert rule == ThematicBreak()
    assert para == Paragraph([Text("use "), InlineCode("f( )")])


def test_layout_table_is_walked_as_a_container() -> None:
    blocks = fragment_blocks("<table><tr><td><p>one</p><p>two</p></td></tr></table>")
    assert blocks == (Paragraph([Text("one")]), Paragraph([Text("two")]))


def test_scripts_and_styles_never_reach_the_blocks() -> None:
    blocks = fragment_blocks("<p>a<script>evil()</script><style>.x{}</style>b</p>")
    assert blocks == (Paragraph([Text("ab")]),)


def test_deep_inline_nesting_is_flattened() -> None:
    html = "<p>" + "<b><i>" * 100 + "deep" + "</i></b>" * 100 + "</p>"
    (para,) = fragment_blocks(html)
    assert block_text(para) == "deep"
    assert para._depth <= MAX_DEPTH


def test_deep_list_nesting_respects_limits() -> None:
    html = "<ul><li>x" * 200 + "</li></ul>" * 200
    blocks = fragment_blocks(html, limits=Limits(max_depth=8))
    assert all(b._depth <= 8 for b in blocks)
    assert "\n".join(block_text(b) for b in blocks).count("x") == 200


def test_very_deep_divs_do_not_recurse() -> None:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        blocks = fragment_blocks("<div>" * 100_000 + "<p>deep text</p>" + "</div>" * 100_000)
    finally:
        sys.setrecursionlimit(old)
    assert any("deep text" in block_text(b) for b in blocks)


@given(st.text(max_size=300))
def test_any_string_gives_blocks(html: str) -> None:
    try:
        blocks = fragment_blocks(html)
    except ArticleKitError:  # pragma: no cover - fragment_blocks documents that it never raises
        pytest.fail("fragment_blocks raised")
    assert all(b._depth <= MAX_DEPTH for b in blocks)
    assert fragment_blocks(html) == blocks


@given(st.lists(st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<ul>", "<li>", "</ul>", "<table>", "<td>",
                                 "<blockquote>", "<figure>", "<img src=x alt=y>", "<br>", "<pre>", "<a href=/x>",
                                 "</a>", "text ", "<h2>", "<code>", "</div>", "<div>"]), max_size=60))
def test_tag_soup_gives_valid_blocks(parts: list[str]) -> None:
    blocks = fragment_blocks("".join(parts), base_url="https://e.com/")
    article = Article(body=blocks)  # the model accepts them: types, nesting, clean text
    texts = [block_text(b) for b in blocks]
    assert article.text == "\n\n".join(t for t in texts if t)
    if "text " in parts:
        assert "text" in article.text


def test_no_break_spaces_at_paragraph_edges_are_trimmed_inside_kept() -> None:
    blocks = fragment_blocks("<p>&nbsp; Said he&nbsp;would.&nbsp;</p><p><b>&nbsp;Bold</b> end&nbsp;</p>")
    assert blocks == (
        Paragraph([Text("Said he\u00a0would.")]),
        Paragraph([Strong([Text("Bold")]), Text(" end")]),
    )


# -- fragments that map to nothing are recognised without the HTML parser

_SILENT_PIECES = [
    "<div>", "</div>", "<DIV CLASS=\"foo\">", "<div class>", "<a href=\"/x?a=1&b=2\">", "</a>", "<table>", "<tr>", "</tr>",
    "</table>", "<ul>", "<li>", "</ul>", "<p/>", "<del>", "</del>", "<span title='a > b'>", "<h2 id=x>",
    "<section\n  class=\"a\">", "<!-- note -->", "<!-- a\n\nb -->", " ", "\n", "\t",
]
_LOUD_PIECES = [
    "text", "&nbsp;", "&amp;", "<td>", "<th>", "</td>", "<hr>", "<br>", "</br>", "<img src=\"i.png\" alt=\"A\">",
    "<pre>", "<script>", "<!-->", "<!--->", "<!-- a -- b -->", "<div *x>", "<?php ?>",
    "<!DOCTYPE html>", "<textarea>", "\u00a0", "<foo>", "x",
]


def _through_the_parser(html: str) -> tuple[object, ...]:
    from articlekit._parsers.html._blocks import BlockBuilder
    from articlekit._parsers.html._tree import parse_tree
    from articlekit._textutil import clean_text

    root, _ = parse_tree(clean_text(html), limits=Limits())
    return BlockBuilder(base_url=None, limits=Limits()).build(next(root.iterchildren("body"), root))


@given(st.lists(st.sampled_from(_SILENT_PIECES), min_size=1, max_size=12))
def test_fragments_of_silent_tags_are_known_empty(parts: list[str]) -> None:
    from articlekit._parsers.html._blocks import _is_silent

    html = "".join(parts)
    assert _is_silent(html)
    assert fragment_blocks(html) == ()
    assert _through_the_parser(html) == ()


@given(st.lists(st.sampled_from(_SILENT_PIECES + _LOUD_PIECES), min_size=1, max_size=12))
def test_the_silent_shortcut_agrees_with_the_parser(parts: list[str]) -> None:
    from articlekit._parsers.html._blocks import _is_silent

    html = "".join(parts)
    assert fragment_blocks(html) == _through_the_parser(html)
    if any(p.strip() and p in _LOUD_PIECES for p in parts):
        assert not _is_silent(html)


def test_silent_shortcut_examples() -> None:
    from articlekit._parsers.html._blocks import _is_silent

    assert _is_silent('<div id="foo"\n  class="bar">\n</div>\n')
    assert _is_silent("  <!-- foo -->\n")
    assert not _is_silent('<div id="foo"\n*hi*\n')  # not a complete tag
    assert not _is_silent("<table><tr><td></td></tr></table>")  # an empty cell still makes a table
    assert fragment_blocks("<table><tr><td></td></tr></table>") != ()
