"""Unit tests for the plain-text rules: placeholders, metadata lines, headings, lists, limits."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import articlekit
from articlekit import (
    BlockQuote,
    EmptyDocumentError,
    EncodingError,
    Heading,
    Limits,
    ListBlock,
    Paragraph,
    ResourceLimitError,
    ThematicBreak,
    ValidationError,
    parse_text,
)
from articlekit._model._text import block_text
from articlekit._noise import is_placeholder
from articlekit._parsers._textmeta import parse_date, parse_meta_line
from articlekit._parsers.text import heading_like, title_like

UTC = timezone.utc


@pytest.mark.parametrize(
    "line",
    [
        "PostImage", "Image", "IMAGE", "[Image]", "(Photo)", "Advertisement", "ADVERTISEMENT",
        "Share this article", "Share this story", "Read more", "Read more…", "Read more >>",
        "Photo: Reuters/Jane Doe", "PHOTO: AP", "Image source, Getty Images", "Image 1 of 5",
        "Photo 3/12", "featured_image", "AdSlot", "video-embed", "Loading...", "Continue reading",
        "Story continues below advertisement", "Sign up for our newsletter", "Share on Facebook",
        "Follow us on Twitter", "Read more: Kremlin rules out new talks", "Related: Talks stall",
        "Anzeige", "Реклама", "Фото: ТАСС", "*** Advertisement ***", "FOR IMMEDIATE RELEASE",
    ],
)  # fmt: skip
def test_placeholders(line):
    assert is_placeholder(line)


@pytest.mark.parametrize(
    "line",
    [
        "Putin’s Proposal", "Images of War", "Imagery", "iPhone", "YouTube", "Kremlin",
        "Read more about the talks here.", "Photo: the talks lasted two hours. Peskov said so.",
        "Share prices fell sharply on Monday.", "Advertising revenue fell by a third last year.",
        "***", "", "Video games are the new cinema, says director", "Related party transactions",
        "x" * 200,
    ],
)  # fmt: skip
def test_not_placeholders(line):
    assert not is_placeholder(line)


@pytest.mark.parametrize(
    ("line", "authors", "credits", "published", "modified"),
    [
        ("By Jane Doe", ["Jane Doe"], [], None, None),
        ("BY JANE DOE", ["Jane Doe"], [], None, None),
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], [], None, None),
        ("By Jane Doe, John Smith & Li Wei", ["Jane Doe", "John Smith", "Li Wei"], [], None, None),
        ("By Jane Doe, Associated Press", ["Jane Doe"], ["Associated Press"], None, None),
        ("By Reuters", [], ["Reuters"], None, None),
        ("Written by Jean-Luc de la Fontaine", ["Jean-Luc de la Fontaine"], [], None, None),
        ("Author: Jane Doe <jane@example.com>", ["Jane Doe"], [], None, None),
        ("By Jane Doe | May 23, 2025", ["Jane Doe"], [], datetime(2025, 5, 23, tzinfo=UTC), None),
        ("By Jane Doe, May 23, 2025", ["Jane Doe"], [], datetime(2025, 5, 23, tzinfo=UTC), None),
        ("Posted by jdoe on 12 March 2024", ["jdoe"], [], datetime(2024, 3, 12, tzinfo=UTC), None),
        ("Posted on March 3, 2024 by Clara Moreau", ["Clara Moreau"], [], datetime(2024, 3, 3, tzinfo=UTC), None),
        ("May 23, 2025", [], [], datetime(2025, 5, 23, tzinfo=UTC), None),
        ("Updated: 2025-05-24T09:15:00Z", [], [], None, datetime(2025, 5, 24, 9, 15, tzinfo=UTC)),
        (
            "Published 3 June 2025, 10:30 a.m. EDT",
            [], [], datetime(2025, 6, 3, 10, 30, tzinfo=timezone(timedelta(hours=-4))), None,
        ),
        (
            "Thu, 22 May 2025 21:15:00 +0300",
            [], [], datetime(2025, 5, 22, 21, 15, tzinfo=timezone(timedelta(hours=3))), None,
        ),
        ("23.05.2025", [], [], datetime(2025, 5, 23, tzinfo=UTC), None),
        ("05/23/2025", [], [], datetime(2025, 5, 23, tzinfo=UTC), None),
        ("Monday, 3rd of June 2025", [], [], datetime(2025, 6, 3, tzinfo=UTC), None),
    ],
)  # fmt: skip
def test_meta_lines(line, authors, credits, published, modified):
    meta = parse_meta_line(line)
    assert meta is not None
    assert [p.name for p in meta.authors] == authors
    assert list(meta.credits) == credits
    assert meta.published == published
    assert meta.modified == modified


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices rose.", "By Jane Doe said nothing at all today, officials noted.",
        "05/06/2025", "May 2025", "On May 23, 2025 the talks ended.", "February 30, 2025",
        "2025-13-01", "Kremlin Spokesperson", "By", "Published", "By 2030, half of cars will be electric",
    ],
)  # fmt: skip
def test_not_meta_lines(line):
    assert parse_meta_line(line) is None


def test_role_after_name():
    meta = parse_meta_line("By Jane Doe, Staff Writer")
    assert meta is not None
    assert (meta.authors[0].name, meta.authors[0].role) == ("Jane Doe", "Staff Writer")


def test_parse_date_rejects_overflowing_values():
    assert parse_date("9999-12-31 23:59 -23:59") is not None
    assert parse_date("May 23, 2025 25:61") is None or parse_date("May 23, 2025 25:61")[0].hour == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Putin’s Proposal", True), ("BACKGROUND", True), ("The Road to a Ceasefire", True),
        ("What Happens Next?", True), ("“Quoted Title” in Court", True),
        ("What we know.", False), ("Kremlin spokesperson Dmitry Peskov told reporters,", False),
        ("Sentence case heading", False), ("- List Item", False), ("> Quoted", False),
        ("Заголовок", True), ("Заголовок новости", False), ("标题", False),
        ("Biden and", False), ("Talks in the", False), ("A B C D E F G H I J K L M", False), ("", False),
    ],
)  # fmt: skip
def test_heading_like(line, expected):
    assert heading_like(line) is expected


def test_title_like():
    assert title_like("No new talks, Kremlin says")
    assert title_like("Is this the end?")
    assert not title_like("Hi all,")
    assert not title_like("It ended here.")
    assert not title_like("- a list item")


def _kinds(article):
    return [type(b).__name__ for b in article.body]


def test_heading_must_not_come_from_wrapped_prose():
    text = (
        "Headline\n\n"
        "United States President Joe Biden and\n"
        "European leaders met on Friday in Brussels to discuss the war and sanctions.\n\n"
        "United States Officials Said\n"
        "that talks would continue next week, according to people familiar with them."
    )
    article = parse_text(text)
    assert article.standfirst == (
        "United States President Joe Biden and European leaders met on Friday in Brussels "
        "to discuss the war and sanctions."
    )
    assert _kinds(article) == ["Paragraph"]
    assert block_text(article.body[0]).startswith("United States Officials Said that talks")


def test_heading_alone_needs_something_after_it():
    article = parse_text("Headline\n\nSome text here.\n\nClosing Words")
    assert _kinds(article) == ["Paragraph"]
    assert article.standfirst == "Some text here."
    assert block_text(article.body[0]) == "Closing Words"


def test_lists_nest_by_indentation_and_continue_when_indented():
    article = parse_text("Title\n\n- one\n  continued\n  - one.a\n    - one.a.i\n- two\n3. three")
    first, second = article.body
    assert isinstance(first, ListBlock)
    assert not first.ordered
    assert block_text(first) == "one continued\none.a\none.a.i\ntwo"
    assert isinstance(first.items[0].blocks[1], ListBlock)
    assert isinstance(second, ListBlock)
    assert second.ordered
    assert second.start == 3


def test_list_marker_inside_prose_is_not_a_list():
    article = parse_text("Title\n\nThe figure rose by\n- 3 per cent, the report said.\n\nMore text.")
    assert _kinds(article) == ["Paragraph", "Paragraph"]
    assert block_text(article.body[0]) == "The figure rose by - 3 per cent, the report said."


def test_loose_lists_are_joined():
    article = parse_text("Title\n\n1. a\n\n2. b\n\n3. c\n\n- x\n\n- y")
    assert _kinds(article) == ["ListBlock", "ListBlock"]
    assert [len(b.items) for b in article.body] == [3, 2]


def test_quotes_nest_and_thematic_breaks():
    article = parse_text("Title\n\n> outer\n>\n> > inner\n\n* * *\n\nEnd.")
    quote, rule, end = article.body
    assert isinstance(quote, BlockQuote)
    assert isinstance(quote.blocks[1], BlockQuote)
    assert isinstance(rule, ThematicBreak)
    assert isinstance(end, Paragraph)


def test_speaker_labels_start_paragraphs():
    article = parse_text("Transcript\n\nSMITH: Hello there.\nJONES: Hi.\nJane Doe: Welcome back.")
    assert [block_text(b) for b in article.body] == [
        "SMITH: Hello there.", "JONES: Hi.", "Jane Doe: Welcome back."
    ]


def test_byline_further_down_stays_text():
    article = parse_text("Title\n\nFirst paragraph.\n\nBy Jane Doe\n\nSecond.\n\nThird.\n\nBy John Smith")
    assert [p.name for p in article.authors] == ["Jane Doe"]
    assert "By John Smith" in article.text


def test_email_header_block():
    article = parse_text(
        "From: Jane Doe <jane@example.com>\nSubject: FW: Re: Budget update\n"
        "Date: Tue, 3 Jun 2025 07:00:00 +0000\n\nHello team.\n\nThe budget is final."
    )
    assert article.title == "Re: Budget update"
    assert [p.name for p in article.authors] == ["Jane Doe"]
    assert article.published == datetime(2025, 6, 3, 7, tzinfo=UTC)


def test_only_placeholders_gives_an_empty_article_with_a_warning():
    article = parse_text("Advertisement\n\nPostImage\n\nShare this article")
    assert article.body == ()
    assert article.title is None
    assert article.warnings


def test_degenerate_input():
    with pytest.raises(EmptyDocumentError):
        parse_text("  \n\t\r\n")
    with pytest.raises(EmptyDocumentError):
        parse_text(b"")
    with pytest.raises(EncodingError):
        parse_text(b"\x00\x01\x02\x00" * 100)
    with pytest.raises(ValidationError):
        parse_text(3)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        parse_text("x", limits={"max_bytes": 1})  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        parse_text("x", url=5)  # type: ignore[arg-type]
    with pytest.raises(ResourceLimitError):
        parse_text("x" * 100, limits=Limits(max_bytes=10))


def test_limits_cut_with_warning_or_raise_when_strict():
    long_title = "Word " * 30 + "End"
    article = parse_text(long_title + "\n\nBody.", limits=Limits(max_title_chars=20))
    assert article.title is not None
    assert len(article.title) <= 20
    assert any("title" in w for w in article.warnings)
    with pytest.raises(ResourceLimitError):
        parse_text(long_title + "\n\nBody.", limits=Limits(max_title_chars=20, strict=True))
    names = " and ".join(f"Person{chr(65 + i)} Doe" for i in range(5))
    article = parse_text(f"Title\n\nBy {names}\n\nText.", limits=Limits(max_authors=2))
    assert len(article.authors) == 2
    assert article.warnings


def test_url_and_format_fields():
    article = parse_text(b"Title\n\nText.", url="https://example.com/a")
    assert article.url == "https://example.com/a"
    assert (article.source_format, article.encoding, article.encoding_source) == ("text", "utf-8", "detected")


def test_cp1251_bytes_are_detected():
    text = "Песков заявил журналистам, что новых переговоров пока нет.\n\n" * 5
    article = parse_text(("Заголовок новости\n\n" + text).encode("cp1251"))
    assert article.title == "Заголовок новости"
    assert "Песков" in article.text


def test_dumps_text_is_registered():
    article = parse_text("Title\n\nText.")
    assert "text" in articlekit.formats()
    assert articlekit.dumps(article, "text") == articlekit.to_text(article)
    assert articlekit.dumps(article, "text", width=3) == articlekit.to_text(article, width=3)


def test_to_text_rejects_bad_arguments():
    with pytest.raises(ValidationError):
        articlekit.to_text("not an article")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        articlekit.to_text(articlekit.Article(), width=0)
    assert articlekit.to_text(articlekit.Article()) == ""


def test_to_text_layout_of_every_block_kind():
    from articlekit import (
        Article,
        CodeBlock,
        Figure,
        Link,
        ListItem,
        Person,
        Strong,
        Table,
        TableCell,
        TableRow,
        Text,
    )

    cell = lambda s: TableCell([Text(s)])  # noqa: E731
    article = Article(
        title="T",
        standfirst="S.",
        authors=[Person("Jane Doe"), Person("John Smith")],
        credits=["Reuters"],
        published=datetime(2025, 5, 23, 10, 30, tzinfo=timezone(timedelta(hours=3))),
        modified=datetime(2025, 5, 24, tzinfo=UTC),
        body=[
            Heading(3, [Text("H")]),
            Paragraph([Strong([Text("bold")]), Text(" and "), Link("https://x", [Text("link")])]),
            ListBlock([ListItem([Paragraph([Text("a")]), ListBlock([ListItem([Paragraph([Text("b")])])])])]),
            CodeBlock("x = 1\n\ty = 2"),
            Figure("https://x/i.jpg", alt="alt", caption=[Text("Caption")], credit="AP"),
            Table([TableRow([cell("Name"), cell("Votes")])], [TableRow([cell("Alice"), cell("10")])]),
            ThematicBreak(),
        ],
    )
    assert articlekit.to_text(article) == (
        "T\n===\n\nS.\n\nBy Jane Doe and John Smith, Reuters\n"
        "Published: 23 May 2025, 10:30 UTC+03:00\nUpdated: 24 May 2025\n\n"
        "H\n---\n\nbold and link\n\n- a\n  - b\n\n    x = 1\n        y = 2\n\n"
        "[Image: Caption — AP]\n\nName  | Votes\n------+------\nAlice | 10\n\n* * *\n"
    )
