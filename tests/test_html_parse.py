"""parse_html on real-looking pages: content extraction, boilerplate removal, repeats, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit import (
    Article,
    BlockQuote,
    Figure,
    Heading,
    Limits,
    Link,
    ListBlock,
    Paragraph,
    ResourceLimitError,
    Text,
)
from articlekit._model._text import block_text, inline_text
from articlekit._parsers.html import NO_ARTICLE_WARNING, parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"
CANARIES = ("SCRIPT-CANARY", "STYLE-CANARY", "NAV-CANARY", "FOOTER-CANARY", "ASIDE-CANARY", "COMMENT-CANARY")


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
def news() -> Article:
    return parse_html(_fixture("news_article.html"), url="https://gazette.example/news/2024/05/x", quotes=False)


def test_news_page_body_is_the_article(news: Article) -> None:
    kinds = [type(b).__name__ for b in news.body]
    assert kinds == [
        "Paragraph", "Figure", "Paragraph", "Heading", "Paragraph", "BlockQuote", "Paragraph", "ListBlock", "Paragraph",
    ]
    assert block_text(news.body[0]).startswith("The harbour bridge reopened to traffic on Monday morning")
    assert block_text(news.body[-1]).startswith("A ceremony to mark the reopening")


def test_news_page_drops_every_kind_of_boilerplate(news: Article) -> None:
    text = news.text
    for canary in CANARIES:
        assert canary not in text
    for furniture in ("Share on Facebook", "Related stories", "Sign up for the newsletter", "We use cookies",
                      "Most read", "3 comments", "Ferry fares to rise"):
        assert furniture not in text


def test_news_page_structure_survives(news: Article) -> None:
    heading = news.body[3]
    assert heading == Heading(2, [Text("Delays and costs")])
    figure = news.body[1]
    assert isinstance(figure, Figure)
    assert figure.src == "https://gazette.example/img/bridge.jpg"
    assert figure.alt == "Cars crossing the reopened bridge"
    assert inline_text(figure.caption) == "The first cars crossed at 6am."
    assert figure.credit == "Photo: Sam Lee"
    quote = news.body[5]
    assert isinstance(quote, BlockQuote)
    items = news.body[7]
    assert isinstance(items, ListBlock)
    assert len(items.items) == 3
    link_para = news.body[4]
    assert isinstance(link_para, Paragraph)
    links = [c for c in link_para.children if isinstance(c, Link)]
    assert links == [Link("https://gazette.example/news/2023/bridge-report", [Text("report published last year")])]


def test_news_page_metadata_and_provenance(news: Article) -> None:
    assert news.title == "Harbour bridge reopens after two-year repair"
    assert news.site_name == "The Coastal Gazette"
    assert news.language == "en-GB"
    assert news.source_format == "html"
    assert news.encoding == "utf-8"
    assert news.encoding_source == "meta"
    # The headline is the title, once: not repeated as the first block of the body.
    assert not any(isinstance(b, Heading) and block_text(b) == news.title for b in news.body)


def test_str_and_bytes_give_the_same_article() -> None:
    raw = _fixture("news_article.html")
    a = parse_html(raw, quotes=False)
    b = parse_html(raw.decode("utf-8"), quotes=False)
    assert a.body == b.body
    assert a.title == b.title


def test_seed_page_headline_and_lede_appear_once() -> None:
    article = parse_html(_fixture("seed_repeat.html"), quotes=False)
    lede = (
        "No new date has been set for direct peace talks between Russia and Ukraine, the Kremlin has confirmed."
    )
    headline = "“No New Talks Scheduled Beyond Prisoner Exchange in Istanbul” – Kremlin Spokesperson Dmitry Peskov"
    assert article.title == headline
    assert article.standfirst is not None
    assert article.standfirst.startswith(lede)
    assert article.text.count(lede) == 1
    assert article.text.count("No New Talks Scheduled") == 1
    assert "PostImage" not in article.text
    assert not any(isinstance(b, Figure) for b in article.body)
    assert block_text(article.body[0]).startswith("Kremlin spokesperson Dmitry Peskov told reporters,")


def test_page_without_an_article_gives_an_empty_body_and_a_warning() -> None:
    article = parse_html(_fixture("no_article.html"), quotes=False)
    assert article.body == ()
    assert NO_ARTICLE_WARNING in article.warnings
    # The <title> "Example Shop – Home" is cut at its separator: what follows is the page's place.
    assert article.title == "Example Shop"


def test_lede_printed_once_as_the_first_paragraph_stays_in_the_body() -> None:
    page = (
        "<html><body><article><h1>Rates rise again</h1>"
        "<p class='article-intro'>The central bank raised rates for the third time this year, to 4.5 percent.</p>"
        "<p>Economists had expected the move, which follows a rise in prices across the euro area in spring.</p>"
        "<p>The bank said further increases could not be ruled out if inflation stayed high through summer.</p>"
        "</article></body></html>"
    )
    article = parse_html(page, quotes=False)
    assert article.text.count("The central bank raised rates") == 1
    assert block_text(article.body[0]).startswith("The central bank raised rates")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("windows-1251", "Дмитрий Песков заявил журналистам, что новых переговоров пока не запланировано."),
     ("shift_jis", "ペスコフ報道官は、対話の準備はできていると記者団に語った。新たな協議の日程は決まっていない。")],
)
def test_charset_declared_only_in_a_meta_tag(encoding: str, text: str) -> None:
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
        f"<title>{text[:12]}</title></head><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    )
    article = parse_html(page.encode(encoding), quotes=False)
    assert article.encoding_source == "meta"
    assert text in article.text


def test_meta_charset_short_form() -> None:
    text = "Zürich: Die Stadt hat am Montag eine neue Brücke über die Limmat eröffnet, sagte der Sprecher."
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{text}</p></body></html>'
    article = parse_html(page.encode("cp1252"), quotes=False)
    assert text in article.text


def test_relative_links_resolve_against_base_href() -> None:
    page = (
        "<html><head><base href='https://cdn.example/base/'></head><body><article>"
        "<p>Read the <a href='doc.html'>full statement</a> published by the ministry on its website today.</p>"
        "</article></body></html>"
    )
    article = parse_html(page, url="https://site.example/a/b", quotes=False)
    (para,) = article.body
    assert isinstance(para, Paragraph)
    link = para.children[1]
    assert isinstance(link, Link)
    assert link.href == "https://cdn.example/base/doc.html"


def test_character_references_to_control_characters_are_cleaned() -> None:
    page = "<html><head><title>A&#1;B&#x7f;</title></head><body><p>Text with a control &#1;character&#x85; inside it, long enough.</p></body></html>"
    article = parse_html(page, quotes=False)
    assert "\x01" not in article.text
    assert "character" in article.text


def test_quotes_flag_is_passed_to_enrichment() -> None:
    article = parse_html(_fixture("news_article.html"), quotes=False)
    assert article.quotes == ()


def test_max_depth_limit_flattens_with_a_warning() -> None:
    html = "<html><body><article><p>Intro paragraph of the article, long enough to be kept as text.</p>"
    html += "<blockquote>" * 40 + "<p>Deep quoted words, long enough to be counted as paragraph text.</p>"
    html += "</blockquote>" * 40 + "</article></body></html>"
    article = parse_html(html, quotes=False, limits=Limits(max_depth=6))
    assert "Deep quoted words" in article.text
    assert any("flattened" in w for w in article.warnings)


def test_short_document_is_its_own_content() -> None:
    article = parse_html("<p>Short note.</p>", quotes=False)
    assert article.text == "Short note."
    assert NO_ARTICLE_WARNING not in article.warnings


def test_strict_limits_raise_instead_of_flattening() -> None:
    html = "<html><body><article><p>Intro paragraph of the article, long enough to be kept as text.</p>"
    html += "<blockquote>" * 40 + "<p>Deep quoted words, long enough to be counted as paragraph text.</p>"
    html += "</blockquote>" * 40 + "</article></body></html>"
    with pytest.raises(ResourceLimitError):
        parse_html(html, quotes=False, limits=Limits(max_depth=6, strict=True))


def test_markup_after_the_closing_html_tag_is_read_into_the_body() -> None:
    # A template that prints its story after "</html>": libxml2 opens a second top-level
    # <html> for it, which a reader of the first root never sees; browsers read it into
    # the body.
    story = " ".join(f"The council approved the budget for the new library, sentence {i}." for i in range(12))
    page = (
        "<html><head><title>Budget approved</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
        f"<html><body><article><h1>Budget approved</h1><p>{story}</p><p>Reporting continues below.</p>"
        "</article></body></html>"
    )
    article = parse_html(page, quotes=False)
    assert story in article.text
    assert "Reporting continues below." in article.text
