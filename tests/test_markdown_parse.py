"""parse_markdown: front matter, title rules, block and inline mapping, raw HTML, errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from articlekit import (
    Article,
    BlockQuote,
    CodeBlock,
    Emphasis,
    EmptyDocumentError,
    EncodingError,
    Figure,
    FrontMatterError,
    Heading,
    Image,
    InlineCode,
    InlineImage,
    Limits,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Person,
    ResourceLimitError,
    Strikethrough,
    Strong,
    Table,
    Text,
    ThematicBreak,
    dumps,
    formats,
    parse_markdown,
)

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def md(text: str, **kwargs: object) -> Article:
    return parse_markdown(text, quotes=False, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- front matter


def test_hugo_post_metadata() -> None:
    a = md((FIXTURES / "hugo_post.md").read_text("utf-8"))
    assert a.title == "Kremlin says it is ready for talks"
    assert a.standfirst == "The spokesman set out conditions on Tuesday"
    assert a.description == "A short summary for search engines."
    assert a.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert a.modified == datetime(2024, 3, 6, tzinfo=timezone.utc)  # a bare date is midnight UTC
    assert a.authors == (Person("Jane Doe", url="https://example.com/jane"), Person("John Smith"))
    assert a.tags == ("russia", "diplomacy", "talks")  # tags, then keywords not already there
    assert a.section == "World"
    assert a.extra["categories"] == ("World", "Europe")  # more than one category: all kept
    assert a.language == "en-GB"
    assert a.canonical_url == "https://example.com/world/talks"
    assert a.images == (Image("/img/kremlin.jpg", alt="The Kremlin at dusk", caption="Moscow, March 2024"),)
    assert a.extra["draft"] is False
    assert a.extra["weight"] == 10
    assert dict(a.extra["params"]) == {"featured": True, "published_again": "2024-03-07"}
    assert a.source_format == "markdown"
    assert a.warnings == ()


def test_hugo_post_body() -> None:
    a = md((FIXTURES / "hugo_post.md").read_text("utf-8"))
    kinds = [type(b).__name__ for b in a.body]
    assert kinds == ["Heading", "Paragraph", "Figure", "ListBlock", "BlockQuote", "CodeBlock", "Table"]
    assert a.body[0] == Heading(1, [Text("A heading that stays in the body")])  # front matter title wins
    para = a.body[1]
    assert isinstance(para, Paragraph)
    assert Strong([Text("Tuesday")]) in para.children
    assert Emphasis([Text("conditions")]) in para.children
    assert Link("https://example.com/conditions", [Text("well known")], title="Conditions") in para.children
    assert a.body[2] == Figure("/img/peskov.jpg", "Peskov speaking", "Dmitry Peskov")
    lst = a.body[3]
    assert isinstance(lst, ListBlock)
    assert lst.ordered
    assert lst.start == 1
    assert lst.items[1].blocks[1] == ListBlock([ListItem([Paragraph([Text("a nested bullet")])])])
    assert a.body[4] == BlockQuote([Paragraph([Text("A quoted passage over two lines.")])])
    assert a.body[5] == CodeBlock('print("hello")', "python")
    table = a.body[6]
    assert isinstance(table, Table)
    assert [c.align for c in table.header[0].cells] == ["left", "right"]
    assert table.rows[0].cells[1].children == (Text("42%"),)


def test_jekyll_post() -> None:
    a = md((FIXTURES / "jekyll_post.md").read_text("utf-8"))
    assert a.title == "Welcome to Jekyll!"
    assert a.published == datetime(2015, 11, 10, 21, 17, 43, tzinfo=timezone(timedelta(hours=1)))
    assert a.authors == (Person("Tom Preston"),)
    assert a.section == "jekyll update"
    assert a.tags == ("jekyll",)
    assert a.extra == {"layout": "post"}
    # A reference-style link resolves.
    assert Link("https://jekyllrb.com/docs/home", [Text("Jekyll docs")]) in a.body[1].children  # type: ignore[union-attr]
    assert InlineCode("_posts") in a.body[0].children  # type: ignore[union-attr]


def test_zola_toml_front_matter() -> None:
    a = md((FIXTURES / "zola_post.md").read_text("utf-8"))
    assert a.title == "Notes from the road"
    assert a.description == "Where we went"
    assert a.published == datetime(2023, 7, 1, 12, tzinfo=timezone.utc)
    assert dict(a.extra["extra"]) == {"mood": "good"}
    assert dict(a.extra["taxonomies"]) == {"tags": ("travel",)}
    # The setext heading is level 1 but the front matter has a title: it stays.
    assert a.body[0] == Heading(1, [Text("Notes")])
    assert a.body[1] == Paragraph([Text("Body text with a hard"), LineBreak(), Text("break.")])


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("---\ntitle: ok\ntags: [a, b\n---\nbody", 4),
        ("---\ntitle: ok\n  bad: indent\n---\nbody", 3),
        ("---\na: 1\nb: 2\nc: *missing\n---\nbody", 4),
    ],
)
def test_malformed_yaml_raises_with_line(source: str, line: int) -> None:
    with pytest.raises(FrontMatterError) as info:
        md(source)
    assert info.value.line == line
    assert info.value.source == "markdown"


def test_malformed_toml_raises_with_line() -> None:
    with pytest.raises(FrontMatterError) as info:
        md('+++\ntitle = "ok"\nbroken line\n+++\nbody')
    assert info.value.line == 3


def test_yaml_alias_bomb_is_refused() -> None:
    lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    lines += ["---", "body"]
    with pytest.raises(FrontMatterError, match="max_yaml_nodes"):
        md("\n".join(lines))


def test_small_aliases_are_counted_not_refused() -> None:
    a = md("---\nbase: &b {x: 1}\ncopy: *b\n---\nbody")
    assert dict(a.extra["copy"]) == {"x": 1}


def test_front_matter_byte_cap() -> None:
    big = "---\ntitle: " + "x" * 70_000 + "\n---\nbody"
    with pytest.raises(FrontMatterError, match="max_front_matter_bytes"):
        md(big)
    assert md(big, limits=Limits(max_front_matter_bytes=100_000, max_title_chars=80_000)).title == "x" * 70_000


def test_deep_yaml_nesting_is_refused() -> None:
    with pytest.raises(FrontMatterError, match="max_depth"):
        md("---\na: " + "[" * 100 + "]" * 100 + "\n---\nbody")


def test_unterminated_yaml_front_matter_is_an_error_with_its_line() -> None:
    with pytest.raises(FrontMatterError, match=r"'---' front matter is never closed.*line 1") as info:
        md("---\ntitle: never closed\n\nSome text.")
    assert info.value.line == 1


def test_a_dash_line_before_prose_that_is_never_closed_is_markdown_with_warning() -> None:
    # "---" then prose is a thematic break in CommonMark, not front matter left open.
    a = md("---\nJust a rule, then prose.\n\nSome text.")
    assert a.title is None
    assert a.body[0] == ThematicBreak()
    assert a.body[1] == Paragraph([Text("Just a rule, then prose.")])
    assert any("never closed" in w for w in a.warnings)


def test_a_yaml_block_closed_by_dots_is_front_matter() -> None:
    assert md("---\ntitle: Dots\n...\nBody").title == "Dots"


def test_unterminated_toml_front_matter_is_an_error_with_its_line() -> None:
    for source in ("+++\ntitle = 'x'\n", '+++\n"quoted key" = 1\nBody', "+++\n[params]\nBody", "+++\na.b = 1\n"):
        with pytest.raises(FrontMatterError, match=r"'\+\+\+' front matter is never closed.*line 1"):
            md(source)


def test_a_plus_line_before_prose_that_is_never_closed_is_markdown_with_warning() -> None:
    a = md("+++\nNot TOML at all\n")
    assert a.body == (Paragraph([Text("+++ Not TOML at all")]),)
    assert any("never closed" in w for w in a.warnings)


def test_yaml_that_is_not_a_mapping_is_markdown() -> None:
    a = md("---\nFoo\n---\nBar\n")
    assert a.body == (ThematicBreak(), Heading(2, [Text("Foo")]), Paragraph([Text("Bar")]))
    assert any("not a YAML mapping" in w for w in a.warnings)


def test_front_matter_values_of_other_types() -> None:
    a = md(
        "---\ntitle: 2024\ntags: [1, true]\ndate: not a date\nlang: 'English (UK)'\n"
        "author: {url: /x}\nnan: .nan\nwhen: 2020-01-02T03:04:05\n---\nx"
    )
    assert a.title == "2024"
    assert a.tags == ("1", "true")
    assert a.published is None
    assert a.extra["date"] == "not a date"
    assert a.language is None
    assert a.extra["lang"] == "English (UK)"
    assert a.authors == ()
    assert a.extra["nan"] == "nan"
    assert a.extra["when"] == "2020-01-02T03:04:05"
    assert len(a.warnings) == 4


def test_naive_datetime_is_utc() -> None:
    assert md("---\ndate: 2020-01-02 03:04:05\n---\nx").published == datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_metadata_limits_cut_with_warning_or_raise_in_strict_mode() -> None:
    source = "---\ntitle: " + "t" * 50 + "\ntags: [a, b, c]\n---\nx"
    a = md(source, limits=Limits(max_title_chars=10, max_tags=2))
    assert a.title == "t" * 10
    assert a.tags == ("a", "b")
    assert len(a.warnings) == 2
    with pytest.raises(ResourceLimitError):
        md(source, limits=Limits(max_title_chars=10, strict=True))


def test_url_argument_wins_and_front_matter_url_is_kept() -> None:
    a = md("---\nurl: /posts/x/\n---\nbody", url="https://example.com/posts/x/")
    assert a.url == "https://example.com/posts/x/"
    assert a.extra["url"] == "/posts/x/"


# --------------------------------------------------------------------------- title rules


def test_leading_h1_becomes_the_title() -> None:
    a = md("# The *title*\n\nBody.")
    assert a.title == "The title"
    assert a.body == (Paragraph([Text("Body.")]),)


def test_front_matter_title_key_disables_the_heading_rule() -> None:
    assert md("---\ntitle: null\n---\n# Heading\n").body == (Heading(1, [Text("Heading")]),)
    assert md("---\ntitle: FM\n---\n# Heading\n").title == "FM"


def test_only_a_leading_level_one_heading_is_a_title() -> None:
    a = md("Intro.\n\n# Later heading")
    assert a.title is None
    b = md("## Level two\n\ntext")
    assert b.title is None
    assert isinstance(b.body[0], Heading)


# --------------------------------------------------------------------------- blocks and inlines


def test_lists_code_breaks_and_strikethrough() -> None:
    a = md("7. seven\n8. eight\n\npara\n\n    indented code\n\n***\n\n~~gone~~ and `x`")
    assert a.body[0] == ListBlock(
        [ListItem([Paragraph([Text("seven")])]), ListItem([Paragraph([Text("eight")])])], ordered=True, start=7
    )
    assert a.body[2] == CodeBlock("indented code")
    assert a.body[3] == ThematicBreak()
    assert a.body[4] == Paragraph([Strikethrough([Text("gone")]), Text(" and "), InlineCode("x")])


def test_images_inline_and_as_figures() -> None:
    a = md('![alt *text*](a.png "T")\n\nSee ![icon](i.svg) here.')
    assert a.body[0] == Figure("a.png", "alt text", "T")
    assert a.body[1] == Paragraph([Text("See "), InlineImage("i.svg", "icon"), Text(" here.")])


def test_autolinks_and_link_urls_are_kept_as_written() -> None:
    a = md("<https://example.com/a b> and [x](<https://example.com/ü b>)")
    para = a.body[0]
    assert isinstance(para, Paragraph)
    assert Link("https://example.com/ü b", [Text("x")]) in para.children


def test_unsafe_urls_are_unlinked_or_dropped() -> None:
    a = md("[click](javascript:alert(1)) ![x](data:text/html,hi) ![ok](data:image/png;base64,AA==)")
    para = a.body[0]
    assert isinstance(para, Paragraph)
    assert para.children[0] == Text("click  ")  # the dropped image leaves its spaces
    assert InlineImage("data:image/png;base64,AA==", "ok") in para.children
    assert not any(isinstance(c, Link) for c in para.children)
    assert len(a.warnings) == 2


def test_raw_html_blocks_are_sanitised_through_the_html_parser() -> None:
    a = md("<div><p>Hello <b>there</b></p><script>alert(1)</script></div>\n\nafter")
    assert a.body[0] == Paragraph([Text("Hello "), Strong([Text("there")])])
    assert "alert" not in a.text
    assert a.body[-1] == Paragraph([Text("after")])


def test_inline_html_tags_map_or_drop() -> None:
    a = md('a<br>b <i>it</i> <b>bold</b> <s>x</s> <span onclick="evil()">kept</span> <!-- c -->')
    assert a.body[0] == Paragraph(
        [
            Text("a"),
            LineBreak(),
            Text("b "),
            Emphasis([Text("it")]),
            Text(" "),
            Strong([Text("bold")]),
            Text(" "),
            Strikethrough([Text("x")]),
            Text(" kept "),
        ]
    )


def test_bytes_input_records_the_encoding() -> None:
    a = parse_markdown("# Zürich\n\nText.".encode(), quotes=False)
    assert a.title == "Zürich"
    assert (a.encoding, a.encoding_source) == ("utf-8", "detected")


def test_quotes_are_extracted_by_default() -> None:
    a = parse_markdown("“We are ready for talks,” Dmitry Peskov told reporters.")
    assert a.quotes, "the quote extractor runs on Markdown articles"
    assert a.quotes[0].text in a.text


@pytest.mark.parametrize("data", ["", "   \n\t", b""])
def test_empty_input(data: str | bytes) -> None:
    with pytest.raises(EmptyDocumentError):
        parse_markdown(data)


def test_binary_input() -> None:
    with pytest.raises(EncodingError):
        parse_markdown(b"\x00\x01\x02" * 100)


def test_registered_as_markdown_format() -> None:
    assert "markdown" in formats()
    assert dumps(Article(title="x"), "markdown") == "---\ntitle: x\n---\n"


def test_depth_limit_flattens_with_a_warning_or_raises_in_strict_mode() -> None:
    source = "> " * 10 + "deep"
    a = md(source, limits=Limits(max_depth=5))
    assert a.text == "deep"
    assert any("flattened" in w for w in a.warnings)
    with pytest.raises(ResourceLimitError):
        md(source, limits=Limits(max_depth=5, strict=True))


def test_example_story_in_markdown() -> None:
    path = Path(__file__).resolve().parents[1] / "examples" / "pages" / "kremlin-talks.md"
    a = parse_markdown(path.read_bytes())
    assert a.title is not None
    assert a.title.startswith("“No New Talks Scheduled")
    assert a.standfirst is not None
    assert a.standfirst.startswith("No new date has been set")
    assert a.authors == (Person("Anna Kowalski"),)
    assert a.section == "World"
    assert a.language == "en"
    assert any(q.speaker is not None and "Peskov" in q.speaker.name for q in a.quotes)
    for quote in a.quotes:
        assert a.text[quote.span[0] : quote.span[1]] == quote.text


def test_a_lone_description_is_the_standfirst() -> None:
    a = md("---\ntitle: T\ndescription: The spokesman set out conditions.\n---\n\nBody text.\n")
    assert (a.standfirst, a.description) == (
        "The spokesman set out conditions.",
        "The spokesman set out conditions.",
    )


def test_a_description_the_body_repeats_or_beside_a_subtitle_is_no_standfirst() -> None:
    repeated = md("---\ndescription: Body text.\n---\n\nBody text.\n")
    assert (repeated.standfirst, repeated.description) == (None, "Body text.")
    empty_subtitle = md("---\ndescription: A summary.\nsubtitle: null\n---\n\nBody text.\n")
    assert (empty_subtitle.standfirst, empty_subtitle.description) == (None, "A summary.")
