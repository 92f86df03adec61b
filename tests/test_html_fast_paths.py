"""The HTML parser's fast paths give the answers of the slow tests they stand for.

Parsing is sped up by cheaper tests in front of (or instead of) case-blind patterns and
full-text scans.  A fast path must never change an answer: each property here checks one
against the test it replaces, on any text, ASCII or not (the fast paths take ASCII only).
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

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


@given(st.text(alphabet=st.sampled_from(list("0123456789 $€£¥₹₩złkrKR.,a")) | st.characters(), max_size=30))
@example("5 zł")
@example("12kr")
def test_every_price_holds_a_currency_mark(text: str) -> None:
    if _PRICE.search(text):
        assert any(mark in text for mark in _PRICE_MARKS)
