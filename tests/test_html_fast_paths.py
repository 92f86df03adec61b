"""The HTML parser's fast paths give the answers of the slow tests they stand for.

Parsing is sped up by cheaper tests in front of (or instead of) case-blind patterns and
full-text scans.  A fast path must never change an answer: each property here checks one
against the test it replaces, on any text, ASCII or not (the fast paths take ASCII only).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlekit import EmptyDocumentError
from articlekit._input import check_not_empty
from articlekit._parsers.html._extract import _common
from articlekit._parsers.html._metadata import _sources
from articlekit._parsers.html._pagetype import _PRICE, _PRICE_MARKS

# Class-like text: the letters of the vocabularies in both cases, separators, and the
# non-ASCII letters that a case-blind pattern matches to ASCII ones (Kelvin sign, long s,
# dotted and dotless i).
_CLASSY = st.text(
    alphabet=st.sampled_from(list("abcdeilnoprstuwyABCDEILNOPRSTUWY -_ſıİKé")) | st.characters(),
    max_size=40,
)
_WORDS = ["article-body", "entry-content", "post", "story", "ByLine", "AUTHOR", "posted-by", "timestamp",
          "headline", "Date", "poſted", "tıtle", "Publish"]


@given(st.lists(st.sampled_from(_WORDS) | _CLASSY, max_size=4).map(" ".join))
@example("ArticleBody main")
@example("poſted-by")
@example("tıtle")
def test_class_gate_matches_the_case_blind_pattern(key: str) -> None:
    assert _sources._gate(key) == (_sources._CLASS_GATE.search(key) is not None)


@given(st.lists(st.sampled_from(_WORDS) | _CLASSY, max_size=4).map(" ".join))
@example("Story-Body")
@example("rich-text ſection")
def test_content_patterns_match_the_case_blind_ones(names: str) -> None:
    for pattern, lowered in ((_common.POSITIVE, _common._POSITIVE_LOWER), (_common._BODY_HINT, _common._BODY_HINT_LOWER)):
        assert _common._search(pattern, lowered, names) == (pattern.search(names) is not None)


def test_a_pattern_with_an_escape_is_not_lowered() -> None:
    pattern = re.compile(r"\bAd\b", re.IGNORECASE)
    assert _common._lowered(pattern) is pattern


@given(st.text(alphabet=st.sampled_from(list("0123456789 $€£¥₹₩złkrKR.,a")) | st.characters(), max_size=30))
@example("5 zł")
@example("12kr")
def test_every_price_holds_a_currency_mark(text: str) -> None:
    if _PRICE.search(text):
        assert any(mark in text for mark in _PRICE_MARKS)


@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u3000x")), max_size=8))
def test_an_empty_document_is_found_without_stripping_it(text: str) -> None:
    for data in (text, text.encode("utf-8")):
        if data.strip():
            check_not_empty(data)
        else:
            with pytest.raises(EmptyDocumentError):
                check_not_empty(data)


def test_slashes_in_an_unquoted_value_belong_to_the_value() -> None:
    # The tokenizer reads href=a/b/c as one attribute; read as three (a/, b/, c), 256 of them
    # would pass the cap, and minified script (<z&&a/b/c...) would have exponentially many
    # readings for the attribute pattern to try.
    from articlekit._parsers.html._tree import MAX_ATTRIBUTES, _cap_attributes

    text = "<p " + " ".join(f"a{i}=x/y/z" for i in range(MAX_ATTRIBUTES)) + ">Hi</p>"
    assert _cap_attributes(text) == (text, 0)
    script = "<script>if(a<z&&" + "b/c/d/" * 40 + "e)f()</script>"
    assert _cap_attributes(script) == (script, 0)


_TAG_SOUP = st.lists(
    st.sampled_from([" ", "/", "a", "b=", "=", '"', "'", ">", "<", "<p", "x/y", "\n", "c='>'", 'd="q"', "e=f"]),
    max_size=30,
).map("".join)


@given(_TAG_SOUP)
@example("<p a=x/y b c='>' d")
@example("<p a =b c= d e")
def test_the_attribute_cap_reads_each_attribute_once_with_the_same_result(text: str) -> None:
    # The cap's pattern takes every attribute atomically; the backtracking pattern it stands
    # for (here with a cap of 3) finds the same tags and ends its matches at the same place.
    from articlekit._parsers.html._tree import _attr, _flood_pattern

    backtracking = re.compile(rf"<[A-Za-z][^\s/>]*(?:{_attr(1)}){{3}}(?={_attr(2)})")
    found = [m.span() for m in _flood_pattern(3).finditer(text)]
    assert found == [m.span() for m in backtracking.finditer(text)]
