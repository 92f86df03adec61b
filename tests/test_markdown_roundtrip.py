"""to_markdown: parse_markdown(to_markdown(a)) == markdown_expressible(a), idempotence, the style,
and how what Markdown cannot carry degrades (as markdown_expressible documents)."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import articlekit as ak
from articlekit import (
    Article,
    BlockQuote,
    CodeBlock,
    Emphasis,
    EmptyDocumentError,
    Figure,
    Heading,
    Image,
    InlineCode,
    InlineImage,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Person,
    Quote,
    Strikethrough,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    ThematicBreak,
    extract_quotes,
    parse_html,
    parse_markdown,
)
from articlekit._serializers.markdown import markdown_expressible, to_markdown
from articlekit._urls import is_unsafe_url
from articlekit.testing import HOSTILE_SNIPPETS, SYNTAX_CHARACTERS, articles, blocks, inlines
from corpus import corpus_pages

SPEC = json.loads((Path(__file__).parent / "fixtures" / "markdown" / "commonmark.json").read_text("utf-8"))


def assert_round_trip(article: Article) -> str:
    written = to_markdown(article)
    parsed = parse_markdown(written, quotes=False)
    assert parsed == markdown_expressible(article), written
    assert to_markdown(parsed) == written, "to_markdown is idempotent on its own output"
    return written


# --------------------------------------------------------------------------- properties


@given(articles(with_quotes=True))
def test_any_article_round_trips(article: Article) -> None:
    assert_round_trip(article)


@given(st.lists(blocks(max_leaves=10), min_size=1, max_size=8))
# Found by a thorough run: a "|" in the fence's info string made markdown-it read the fence line
# and a first code line "--" as a table.
@example(body=[CodeBlock("--", "| a | b |")])
@example(body=[CodeBlock("|-|\nx", "a|b")])
def test_any_body_round_trips(body: list) -> None:  # type: ignore[type-arg]
    assert_round_trip(Article(body=body))


@given(st.lists(inlines(max_leaves=12), min_size=1, max_size=6), st.integers(min_value=1, max_value=6))
def test_any_inline_content_round_trips_in_paragraphs_headings_and_cells(children: list, level: int) -> None:  # type: ignore[type-arg]
    assert_round_trip(Article(title="t", body=[Paragraph(children)]))
    assert_round_trip(Article(title="t", body=[Heading(level, children)]))
    cell = TableCell(children, "center")
    assert_round_trip(Article(title="t", body=[Table([TableRow([cell, TableCell()])], [TableRow([TableCell(), cell])])]))


@settings(max_examples=max(10, settings().max_examples // 5))
@given(articles(with_quotes=False))
def test_quotes_are_re_extracted_from_what_to_markdown_writes(article: Article) -> None:
    expected = markdown_expressible(article)
    parsed = parse_markdown(to_markdown(article))
    assert parsed == attrs.evolve(expected, quotes=extract_quotes(expected))


@given(articles())
def test_markdown_expressible_is_idempotent_and_fixes_what_to_markdown_writes(article: Article) -> None:
    once = markdown_expressible(article)
    assert markdown_expressible(once) == once
    assert to_markdown(once) == to_markdown(article)


# --------------------------------------------------------------------------- adversarial text in every field

ADVERSARIAL = [
    *HOSTILE_SNIPPETS,
    SYNTAX_CHARACTERS,
    "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()),
    "  leading and trailing  ",
    "\ttabs\t",
    "# looks like a heading",
    "- looks like a list",
    "1. ordered",
    "12) ordered",
    "> quote",
    "```python",
    "~~~",
    "    indented code",
    "===",
    "---",
    "***",
    "___",
    "| a | b |\n|---|---|",
    "[link](http://x) ![img](y) <http://z> <b>html</b> &amp; &#65; \\*",
    "line one\nline two\n\nnew paragraph",
    "trailing backslash \\",
    "*a* **b** _c_ __d__ ~~e~~ `f`",
    "a*b*c a_b_c",
    "\u00a0non-breaking\u00a0",
    "\u2028\u2029\u3000\u200b\ufeff",
    "emoji \U0001f600 and \u202e bidi",
    "\\",
    "!",
    "+++",
    "...",
    "<!-- comment -->",
    "<script>alert(1)</script>",
    "2024-01-02",
    "null",
    "yes",
    "~",
    "'quoted'",
    '"double"',
    "key: value",
    "{a: b}",
    "[1, 2]",
    "&",
    "<",
    "@",
    "%",
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_text_round_trips_in_every_field(text: str) -> None:
    name = text if text.strip() else "x" + text
    href = "./" + text if is_unsafe_url(text) else text  # the model refuses unsafe URLs
    inline = [Text(text)]
    article = Article(
        title=text,
        standfirst=text,
        authors=[Person(name, url=href if text.strip() else name, role=name)],
        credits=[text],
        published=datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone(timedelta(hours=-4, minutes=-30))),
        modified=datetime(1, 1, 2, tzinfo=timezone.utc),
        language="pt-BR",
        site_name=text,
        url=href,
        canonical_url=href,
        section=text,
        tags=[text, text],
        description=text,
        images=[Image(href, alt=text, caption=text, credit=text), Image(href)],
        body=[
            Heading(2, inline),
            Paragraph([*inline, LineBreak(), *inline]),
            Paragraph([Emphasis(inline), Strong(inline), Strikethrough(inline), InlineCode(text.replace("\n", " ") or "x")]),
            Paragraph([Link(href, inline, title=text), InlineImage(href, text, text or None)]),
            Figure(href, text, text or None),
            CodeBlock(text, "py"),
            Table([TableRow([TableCell(inline, "right")])], [TableRow([TableCell(inline, "right")])]),
            ListBlock([ListItem([Paragraph(inline)]), ListItem([BlockQuote([Paragraph(inline)])])]),
            ListBlock([ListItem([Paragraph(inline)])], ordered=True, start=9),
            BlockQuote([Paragraph(inline), ThematicBreak()]),
        ],
        extra={text: text, "nested": {text: [text, 1, 2.5, None, True]}},
    )
    assert_round_trip(article)


# --------------------------------------------------------------------------- CommonMark spec examples


@pytest.mark.parametrize("example", SPEC, ids=[f"example-{e['example']}" for e in SPEC])
def test_commonmark_spec_examples_parse_and_round_trip(example: dict) -> None:  # type: ignore[type-arg]
    source = example["markdown"]
    try:
        article = parse_markdown(source, quotes=False)
    except EmptyDocumentError:
        assert not source.strip()
        return
    written = to_markdown(article)
    assert parse_markdown(written, quotes=False) == markdown_expressible(article)
    assert to_markdown(parse_markdown(written, quotes=False)) == written


# --------------------------------------------------------------------------- the style


def test_the_documented_style() -> None:
    article = Article(
        title="Title",
        authors=[Person("A. Writer")],
        published=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
        tags=["x"],
        body=[
            Heading(2, [Text("Part "), Emphasis([Text("one")])]),
            Paragraph([Text("Some "), Strong([Text("bold")]), Text(" and a"), LineBreak(), Text("break.")]),
            ListBlock([ListItem([Paragraph([Text("a")])]), ListItem([Paragraph([Text("b")])])]),
            ListBlock([ListItem([Paragraph([Text("c")])])]),
            ListBlock([ListItem([Paragraph([Text("d")])])], ordered=True, start=3),
            CodeBlock("x = 1\n```", "py"),
            ThematicBreak(),
            Table(
                [TableRow([TableCell([Text("h1")], "left"), TableCell([Text("h2")], "right")])],
                [TableRow([TableCell([Text("a|b")], "left"), TableCell([InlineCode("x")], "right")])],
            ),
        ],
    )
    assert to_markdown(article) == (
        "---\n"
        "title: Title\n"
        "authors:\n"
        "- A. Writer\n"
        "date: '2024-01-02T03:04:05+00:00'\n"
        "tags:\n"
        "- x\n"
        "---\n"
        "\n"
        "## Part *one*\n"
        "\n"
        "Some **bold** and a\\\n"
        "break.\n"
        "\n"
        "- a\n"
        "- b\n"
        "\n"
        "+ c\n"
        "\n"
        "3. d\n"
        "\n"
        "````py\n"
        "x = 1\n"
        "```\n"
        "````\n"
        "\n"
        "***\n"
        "\n"
        "| h1 | h2 |\n"
        "| :--- | ---: |\n"
        "| a\\\\|b | `x` |\n"
    )


def test_escaping_keeps_text_as_text() -> None:
    written = to_markdown(Article(body=[Paragraph([Text("# not a heading *nor emphasis* <b> &amp; 1. x ")])]))
    assert written == "\\# not a heading \\*nor emphasis\\* &lt;b> &amp;amp; 1. x&#32;\n"


def test_emphasis_falls_back_to_html_where_delimiters_would_not_read_back() -> None:
    written = to_markdown(Article(body=[Paragraph([Text("intra"), Emphasis([Text("word")]), Text(" and "), Strong([Text(" spaced ")])])]))
    assert written == "intra<em>word</em> and <strong> spaced </strong>\n"


def test_empty_article_is_an_empty_front_matter() -> None:
    assert to_markdown(Article()) == "---\n---\n"
    assert_round_trip(Article())


def test_untitled_article_starting_with_h1_keeps_it_in_the_body() -> None:
    article = Article(body=[Heading(1, [Text("Not the title")])])
    assert to_markdown(article).startswith("---\ntitle: null\n---\n")
    assert_round_trip(article)


# --------------------------------------------------------------------------- documented degradation


def test_what_markdown_cannot_carry_degrades_as_documented() -> None:
    article = Article(
        title="T",
        body=[
            Paragraph([Text("“Hi,” he said.")]),
            Figure("a.png", "A", "", caption=[Text("Caption")], credit="Agency"),
            Table(
                [],
                [
                    TableRow([TableCell([Text("1")], "left"), TableCell([Text("2")], "center")]),
                    TableRow([TableCell([Text("3")], "right")]),
                ],
                caption=[Text("Table caption")],
            ),
            Paragraph([InlineImage("b.png", "B")]),
            Paragraph([LineBreak()]),
            Paragraph([]),
            ListBlock([]),
            Paragraph([InlineCode("a\nb"), InlineCode(""), Link("/outer", [Link("/inner", [Text("x")])])]),
            Paragraph([Text("js")]),
            CodeBlock("code", "python extra words"),
        ],
        encoding="utf-8",
        encoding_source="detected",
        source_format="html",
        warnings=["w"],
        extra={"title": "x", "tags": ["t"], "summary": "kept only if description is set", "other": 1},
    )
    quote_text = "“Hi,”"
    start = article.text.index(quote_text)
    article = attrs.evolve(article, quotes=[Quote(quote_text, kind="direct", span=(start, start + len(quote_text)))])
    expected = Article(
        title="T",
        body=[
            Paragraph([Text("“Hi,” he said.")]),
            Figure("a.png", "A", None),
            Paragraph([Text("Caption")]),
            Paragraph([Text("Table caption")]),
            Table(
                [],
                [
                    TableRow([TableCell([Text("1")], "left"), TableCell([Text("2")], "center")]),
                    TableRow([TableCell([Text("3")], "left"), TableCell([], "center")]),
                ],
            ),
            Figure("b.png", "B"),
            Paragraph([InlineCode("a b"), Link("/outer", [Text("x")])]),
            Paragraph([Text("js")]),
            CodeBlock("code", "python"),
        ],
        source_format="markdown",
        extra={"other": 1},
    )
    assert markdown_expressible(article) == expected
    assert parse_markdown(to_markdown(article), quotes=False) == expected


# --------------------------------------------------------------------------- real pages


def _real_pages() -> list[Path]:
    root = Path(__file__).resolve().parents[1]
    pages = sorted((root / "examples" / "pages").glob("*.html"))
    assert pages, "examples/pages/*.html is missing"
    return pages + corpus_pages("scrapinghub-dev", 25)


@pytest.mark.parametrize("page", _real_pages(), ids=lambda p: p.name[:16])
def test_real_pages_round_trip_from_html_through_markdown(page: Path) -> None:
    data = page.read_bytes()
    article = parse_html(gzip.decompress(data) if page.suffix == ".gz" else data, quotes=False)
    assert_round_trip(article)


def test_a_table_without_a_header_row_keeps_no_header_through_markdown() -> None:
    # A README's two-column table of commands has no header row in HTML (td only).
    page = (
        "<article><h1>Install notes</h1><p>The commands for each platform we support today.</p>"
        "<table><tr><td>Linux</td><td>apt install tool</td></tr>"
        "<tr><td>macOS</td><td>brew install tool</td></tr></table></article>"
    )
    (table,) = [b for b in ak.parse_html(page).body if isinstance(b, ak.Table)]
    assert table.header == ()
    written = ak.to_markdown(ak.Article(title="Install notes", body=[table]))
    assert "|  |  |\n| --- | --- |\n| Linux | apt install tool |" in written
    (back,) = [b for b in ak.parse_markdown(written, quotes=False).body if isinstance(b, ak.Table)]
    assert back == table
    # A GFM table whose header row is empty is read as a table without a header.
    (read,) = ak.parse_markdown("|  |  |\n| --- | ---: |\n| a | b |\n", quotes=False).body
    assert isinstance(read, ak.Table)
    assert read.header == ()
    assert read.rows[0].cells[1].align == "right"
