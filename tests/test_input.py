"""Decoding raw input: size limit, BOM, declared and meta charsets, detection, binary, empty."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit as ak
from articlekit._input import decode_input

TEXT = "Песков сказал: «Мы ждём». Zürich. 対話の準備"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
     (codecs.BOM_UTF32_LE, "utf-32-le")],
)
def test_bom_wins(bom, codec):
    decoded = decode_input(bom + TEXT.encode(codec), source="text", encoding="latin-1")
    assert decoded.text == TEXT
    assert decoded.encoding_source == "bom"


def test_declared_encoding_beats_meta():
    data = '<meta charset="shift_jis"><p>Песков</p>'.encode("windows-1251")
    decoded = decode_input(data, source="html", html=True, encoding="windows-1251")
    assert "Песков" in decoded.text
    assert (decoded.encoding, decoded.encoding_source) == ("cp1251", "declared")


@pytest.mark.parametrize(
    ("codec", "sample"),
    [("windows-1251", "Песков сказал, что переговоры продолжатся"), ("shift_jis", "対話の準備はできている")],
)
def test_meta_charset(codec, sample):
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={codec}"></head><body><p>{sample}</p></body></html>'
    decoded = decode_input(page.encode(codec), source="html", html=True)
    assert sample in decoded.text
    assert decoded.encoding_source == "meta"


def test_detector_used_when_nothing_is_declared():
    sample = "Это длинный русский текст о переговорах в Стамбуле, который пишется в кодировке windows-1251. " * 5
    decoded = decode_input(sample.encode("windows-1251"), source="text")
    assert decoded.text == sample
    assert decoded.encoding_source == "detected"


def test_invalid_utf8_is_replaced_not_fatal():
    page = "<p>Zürich, Genève, Köln: “quoted” — café</p>".encode() * 3 + b"<p>broken \xff\xfe here</p>"
    decoded = decode_input(page, source="html", html=True)
    assert "Zürich" in decoded.text
    assert "broken \ufffd\ufffd here" in decoded.text


@pytest.mark.parametrize("data", [b"", "", b"   \n\t ", "  \n "])
def test_empty_input(data):
    with pytest.raises(ak.EmptyDocumentError):
        decode_input(data, source="text")


def test_binary_input():
    with pytest.raises(ak.EncodingError, match="binary"):
        decode_input(bytes(range(256)) * 100, source="html")


def test_size_limit_checked_first():
    with pytest.raises(ak.ResourceLimitError, match="max_bytes"):
        decode_input(b"x" * 101, source="text", limits=ak.Limits(max_bytes=100))
    with pytest.raises(ak.ResourceLimitError):
        decode_input("é" * 60, source="text", limits=ak.Limits(max_bytes=100))


def test_unknown_declared_encoding():
    with pytest.raises(ak.EncodingError, match="unknown encoding"):
        decode_input(b"abc", source="text", encoding="no-such-codec")


def test_wrong_type():
    with pytest.raises(ak.ValidationError):
        decode_input(12, source="text")  # type: ignore[arg-type]


def test_text_is_cleaned():
    decoded = decode_input("a\r\nb\rc\x00d\x07e\ud800f", source="text")
    assert decoded.text == "a\nb\ncdef"


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_clean_text_or_an_articlekit_error(data):
    try:
        decoded = decode_input(data, source="html", html=True)
    except ak.ArticleKitError:
        return
    ak.Text(decoded.text)  # the model accepts it: no control characters, no surrogates


@given(st.text(max_size=500))
def test_arbitrary_text_gives_clean_text_or_an_articlekit_error(data):
    try:
        decoded = decode_input(data, source="text")
    except ak.ArticleKitError:
        return
    ak.Text(decoded.text)
