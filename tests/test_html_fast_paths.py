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


@given(st.text(alphabet=st.sampled_from(list(",，、،;. a\u060b")) | st.characters(), max_size=40))
@example("a, b，c、d،e")
def test_commas_are_counted_as_the_pattern_finds_them(text: str) -> None:
    assert _common.count_commas(text) == len(_common.COMMAS.findall(text))


# Small pages for the cleaning rules: nested blocks, links (a block inside a link too),
# pictures, furniture and body names, hidden elements, text with and without commas.
_ATTRIBUTES = st.sampled_from(
    ["", " class='share'", " class='entry-content'", " class='caption'", " id='related'", " style='display:none'",
     " hidden", " itemprop='articleBody'", " class='x'", " role='navigation'"]
)
_TEXTS = st.sampled_from(["", "Words", "A sentence, with, commas, here, and, there, then, more, and, more, yes.",
                          "Link text " * 12, " "])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tags = st.sampled_from(["div", "ul", "li", "a", "p", "table", "td", "section", "figure", "span", "dl", "ol"])
    return st.builds(
        lambda tag, attrs, text, kids, tail: f"<{tag}{attrs}>{text}{''.join(kids)}</{tag}>{tail}",
        tags, _ATTRIBUTES, _TEXTS, st.lists(children, max_size=4), _TEXTS,
    )


_CONTENT = st.recursive(
    st.sampled_from(["<img src='a.png'>", "<input>", "text, ", "<p>Short.</p>", "<br>"]),
    _element,
    max_leaves=25,
).map(lambda inner: f"<html><body><div class='story'>{inner}</div></body></html>")


def _cleaning_state(html: str) -> tuple[_common.State, object]:
    import lxml.html

    root = lxml.html.fromstring(html)
    body = root.find("body")
    return _common.State(root=root, body=body, page=_common.Page(body)), body[0]


def _text_of(content: object) -> str:
    import lxml.etree

    return lxml.etree.tostring(content, encoding="unicode")


@given(_CONTENT)
def test_conditional_cleaning_measures_each_link_once_with_the_same_result(html: str) -> None:
    # The rule keeps each link's length between blocks; the reference measures every link of
    # every block again.
    from articlekit._parsers.html._extract import clean_conditional as rule

    state, content = _cleaning_state(html)
    rule.run(state, content)
    _, ref_content = _cleaning_state(html)
    total = _common.text_len(ref_content)
    cards = _common.link_density(ref_content, total) >= rule.WEIGHTS["card_links"]
    for el in reversed(list(ref_content.iter("table", "ul", "ol", "div", "section", "dl", "figure"))):
        if el is ref_content or el.getparent() is None or _common.text_len(el) > 0.5 * total:
            continue
        weight = _common.class_weight(el)
        if weight < 0 or rule.looks_like_furniture(el, " ".join(el.text_content().split()), weight, cards=cards):
            _common.remove(el)
    assert _text_of(content) == _text_of(ref_content)


@given(_CONTENT)
def test_furniture_cleaning_looks_only_at_elements_with_attributes_with_the_same_result(html: str) -> None:
    from articlekit._parsers.html._extract import clean_furniture as rule

    state, content = _cleaning_state(html)
    rule.run(state, content)
    ref_state, ref_content = _cleaning_state(html)
    page = ref_state.page
    doomed, protected = [], set()
    for el in ref_content.iter():
        if el is ref_content or not isinstance(el.tag, str):
            continue
        verdict = page.verdict(el)
        if verdict == _common.HINT:
            node = el.getparent()
            while node is not None and node is not ref_content and node not in protected:
                protected.add(node)
                node = node.getparent()
        elif verdict in (_common.HIDDEN, _common.NEGATIVE):
            doomed.append(el)
    for el in doomed:
        if el in protected or el.getparent() is None:
            continue
        if page.verdict(el) == _common.NEGATIVE and page.is_layout(el):
            continue
        _common.remove(el)
    assert _text_of(content) == _text_of(ref_content)


@given(_CONTENT.map(lambda page: page.replace("<div class='story'>", "<div class='story'><nav>" + "Menu " * 120 + "</nav>")))
def test_keep_wrappers_measures_the_page_only_when_it_matters_with_the_same_result(html: str) -> None:
    from articlekit._parsers.html._extract import keep_wrappers as rule

    state, _ = _cleaning_state(html)
    rule.run(state)
    ref_state, _ = _cleaning_state(html)
    body = ref_state.body
    page = _common.text_len(body)
    if page >= 500:
        for el in list(body.iter(*rule.WRAPPERS)):
            if rule._major(_common.text_len(el), page):
                el.tag = "div"
        for el in [el for el in body.xpath("descendant::*[@hidden or @aria-hidden or @style]") if rule._hides(el)]:
            if rule._major(_common.text_len(el), page):
                for name in ("hidden", "aria-hidden", "style"):
                    el.attrib.pop(name, None)
    assert _text_of(state.body) == _text_of(body)


@given(_CONTENT)
def test_the_page_measures_each_link_once_with_the_same_density(html: str) -> None:
    state, _ = _cleaning_state(html)
    page = state.page
    for el in [state.body, *state.body.iter("div", "p", "a", "ul")]:
        assert page.link_density(el) == _common.link_density(el)
        assert page.link_density(el) == _common.link_density(el)  # measured again: from the memo
