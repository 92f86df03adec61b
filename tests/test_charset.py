"""Bytes with no declared encoding that are not UTF-8: the WHATWG fallback (windows-1252 for
Latin-script text), other scripts by the detector, and a warning whenever the choice was a guess."""

from __future__ import annotations

import pytest

from articlekit import parse_html, parse_markdown, parse_text

FRENCH = "Le projet de loi a été présentée à l'Assemblée nationale mardi. Crème brûlée, déjà vu, où est-il ?"
GERMAN = "Die Bürger müssen für die Straße zahlen, sagte der Bürgermeister am Dienstag in Köln."
SPANISH = "El señor dijo que la canción está en el corazón de la región. ¿Qué pasó ayer?"
CZECH = "Vláda České republiky schválila návrh zákona o státním rozpočtu. Příliš žluťoučký kůň úpěl ďábelské ódy."
POLISH = "Rząd przyjął projekt ustawy o budżecie państwa na przyszły rok. Zażółć gęślą jaźń."
RUSSIAN = "Правительство России одобрило проект федерального бюджета на следующий год, сообщил Песков."
JAPANESE = "日本政府は来年度の予算案を閣議決定したと官房長官が記者会見で述べた。"
CHINESE = "国务院总理在新闻发布会上表示，中国经济将继续保持稳定增长。"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (FRENCH, "latin-1", "cp1252"),
        (GERMAN, "latin-1", "cp1252"),
        (SPANISH, "cp1252", "cp1252"),
        (CZECH, "cp1250", "cp1250"),
        (POLISH, "cp1250", "cp1250"),
        (RUSSIAN, "cp1251", "cp1251"),
        (JAPANESE, "shift_jis", "cp932"),
        (CHINESE, "gb18030", "gb18030"),
    ],
    ids=["latin-1-french", "latin-1-german", "windows-1252-spanish", "windows-1250-czech", "windows-1250-polish",
         "windows-1251-russian", "shift-jis", "gb18030"],
)
def test_undeclared_bytes_decode_right_and_the_guess_is_a_warning(text: str, codec: str, expected: str):
    page = f"<html><head><title>News</title></head><body><article><p>{text}</p></article></body></html>"
    article = parse_html(page.encode(codec), quotes=False)
    assert text in article.text
    assert (article.encoding, article.encoding_source) == (expected, "detected")
    assert any("no encoding was declared" in w and "guessed" in w for w in article.warnings), article.warnings


def test_the_reported_latin_1_page_is_not_read_as_windows_1250():
    text = "Le texte présentée à l'Assemblée. Crème brûlée."
    article = parse_text(f"Titre\n\n{text}".encode("latin-1"), quotes=False)
    assert text in article.text
    assert article.encoding == "cp1252"
    assert any("guessed windows-1252" in w for w in article.warnings)


def test_markdown_records_the_guess_too():
    article = parse_markdown(f"# Titre\n\n{FRENCH}".encode("latin-1"), quotes=False)
    assert FRENCH in article.text
    assert any("guessed windows-1252" in w for w in article.warnings)


def test_utf8_declared_or_marked_bytes_give_no_warning():
    for data in (FRENCH.encode("utf-8"), b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), b"plain ascii text here"):
        assert not any("no encoding was declared" in w for w in parse_text(b"Title\n\n" + data, quotes=False).warnings)
    page = f"<meta charset=iso-8859-1><p>{FRENCH}</p>".encode("latin-1")
    article = parse_html(page, quotes=False)
    assert article.encoding_source == "meta"
    assert not any("no encoding was declared" in w for w in article.warnings)


def test_mostly_utf8_with_broken_bytes_is_a_guess_with_a_warning():
    data = ("Titre\n\n" + FRENCH).encode("utf-8") + b" \xff"
    article = parse_text(data, quotes=False)
    assert article.encoding == "utf-8"
    assert any("guessed utf-8" in w for w in article.warnings)


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "iso-8859-2", "windows-1251"])
def test_a_page_declaring_a_code_page_whose_bytes_are_utf8_is_read_as_utf8_with_a_warning(declared: str):
    # The server's header said UTF-8 and the template's <meta> a code page: read by the
    # <meta>, every "ü" would be "Ã¼".
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"></head>'
        f"<body><article><p>{GERMAN}</p><p>{FRENCH}</p></article></body></html>"
    )
    article = parse_html(page.encode("utf-8"), quotes=False)
    assert article.encoding == "utf-8"
    assert GERMAN in article.text
    assert FRENCH in article.text
    assert any(f"declares {declared}" in w or "valid UTF-8" in w for w in article.warnings)


def test_a_declared_code_page_is_kept_when_its_bytes_are_not_utf8_or_plain_ascii():
    latin = parse_html(f"<meta charset=iso-8859-1><p>{GERMAN}</p>".encode("latin-1"), quotes=False)
    assert latin.encoding_source == "meta"
    assert GERMAN in latin.text
    ascii_only = parse_html(b"<meta charset=windows-1252><p>Plain words only, nothing to decide.</p>", quotes=False)
    assert ascii_only.encoding_source == "meta"
    assert not any("valid UTF-8" in w for w in ascii_only.warnings)
    # A caller's declared encoding is the caller's word, UTF-8 bytes or not.
    declared = parse_html(f"<p>{GERMAN}</p>".encode(), encoding="windows-1252", quotes=False)
    assert declared.encoding_source == "declared"
