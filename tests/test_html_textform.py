"""The text form of parse_html's output: soft hyphens removed, ruby annotations dropped, NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from articlekit import Figure, Link, Paragraph, to_html
from articlekit._parsers.html import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def _page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_soft_hyphens_are_removed_from_body_caption_and_metadata() -> None:
    article = parse_html(_page("text_form_de.html"), quotes=False)
    assert article.title == "Die Stadtentwicklung in Köln"
    assert article.description == "Ein Bericht über Stadtentwicklung und Verkehrsplanung."
    assert "Verkehrsplanung der Stadt" in article.text
    assert "monatelangen" in article.text
    assert "Bürgermeisterin" in article.text
    figures = [b for b in article.body if isinstance(b, Figure)]
    assert figures
    assert figures[0].alt == "Der Bahnhof am Abend"
    assert "Hauptbahnhof" in article.text
    assert "\u00ad" not in article.text + (article.description or "") + figures[0].alt


def test_ruby_annotations_are_not_inlined() -> None:
    article = parse_html(_page("text_form_ruby.html"), quotes=False)
    assert "東京に新しい図書館が開館しました。" in article.text
    assert "本を読む喜び" in article.text
    for annotation in ("とうきょう", "(", "（", "しょ", "かん", "ほん"):
        assert annotation not in article.text


def test_text_is_nfc_normalised() -> None:
    article = parse_html(_page("text_form_nfd.html"), quotes=False)
    assert article.title == "Le caf\u00e9 de la rue, une institution"
    assert "rue Saint-Andr\u00e9 ouvre" in article.text
    assert "\u0301" not in article.text
    assert unicodedata.is_normalized("NFC", article.text)


def test_nfc_does_not_touch_markup_or_urls() -> None:
    # A combining mark right after a tag would compose with ">" if the source were normalised.
    page = (
        "<html><body><article><p>\u0338 starts the text of this paragraph, which is long enough "
        "to be the article body of the page.</p><p><a href='/cafe\u0301'>Cafe\u0301</a> and more text "
        "follows here, in a second paragraph of running text.</p></article></body></html>"
    )
    article = parse_html(page, url="https://example.com/", quotes=False)
    assert "Caf\u00e9 and more text" in article.text
    assert article.text.startswith("\u0338 starts")  # not composed with the tag's ">"
    links = [i for b in article.body if isinstance(b, Paragraph) for i in b.children if isinstance(i, Link)]
    assert [link.href for link in links] == ["https://example.com/cafe\u0301"]  # URLs are left as written


def test_own_html_is_read_exactly() -> None:
    from articlekit import Article, Paragraph, Text

    article = Article(title="Stadt\u00adentwicklung", body=[Paragraph([Text("Cafe\u0301 au lait.")])])
    again = parse_html(to_html(article, standalone=True), quotes=False)
    assert again.title == article.title
    assert again.body == article.body
