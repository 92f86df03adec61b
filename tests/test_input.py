"""Decoding raw input: size limit, BOM, declared and meta charsets, detection, binary, empty."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit as ak
from articlekit._batch import Document, parse_many
from articlekit._input import (
    BOMS,
    EXTENSIONS,
    FORMAT_NAMES,
    INPUT_FORMATS,
    MEDIA_TYPES,
    binary_reason,
    decode_input,
    find_bom,
)
from articlekit._parsers._sniff import sniff

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


def test_unknown_declared_encoding_is_ignored_with_a_warning():
    decoded = decode_input(b"abc", source="text", encoding="no-such-codec")
    assert decoded.text == "abc"
    assert decoded.warnings == ("the declared encoding 'no-such-codec' is not an encoding label and was ignored",)


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


@pytest.mark.parametrize(("bom", "codec"), [(bom, codec) for bom, codec in BOMS])
def test_every_reader_takes_the_same_byte_order_marks(bom, codec):
    """One BOM table: the decoder, the sniffer and the batch's binary check agree (the batch's own
    table once lacked UTF-32 BE and refused such files as binary)."""
    data = bom + "Title\n\nSome text, in one paragraph.".encode(codec)
    assert find_bom(data) == (codec, len(bom))
    assert decode_input(data, source="text").encoding == codec
    assert sniff(data) == "text"
    [result] = parse_many([Document("a.txt", data)], jobs=0)
    assert result.ok, result.message


def test_one_binary_check_for_the_parsers_and_the_batch():
    data = bytes(range(1, 32)) * 100  # control bytes, no NUL
    assert binary_reason(data) == "control bytes"
    with pytest.raises(ak.EncodingError, match="binary"):
        decode_input(data, source="text")
    [result] = parse_many([Document("a.txt", data)], jobs=0)
    assert result.error == "EncodingError"


def test_one_format_table_for_names_media_types_and_extensions():
    assert set(FORMAT_NAMES.values()) == set(INPUT_FORMATS)
    assert set(MEDIA_TYPES.values()) | set(EXTENSIONS.values()) == set(INPUT_FORMATS) - {"auto"}
    for name, fmt in FORMAT_NAMES.items():
        if fmt == "json":
            assert ak.parse(ak.to_json(ak.Article(title="T")), format=name.upper()).title == "T"
        else:
            article = ak.parse(b"# Title\n\nSome text.", format=name.upper(), quotes=False)
            assert article.source_format == ("markdown" if fmt == "auto" else fmt)
