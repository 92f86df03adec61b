"""The page type: the classifier, its shipped weights, and Article.page_type through every format."""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import get_args

import attrs
import lxml.etree
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit as ak
from articlekit._limits import Limits
from articlekit._parsers.html._pagetype import (
    _COUNTED,
    FEATURES,
    PAGE_TYPES,
    _walk,
    classify_page,
    page_features,
    scores,
)
from articlekit._parsers.html._textform import normalise_text_form
from articlekit._parsers.html._tree import parse_tree
from articlekit.testing import HOSTILE_SNIPPETS, articles

FIXTURES = Path(__file__).parent / "fixtures" / "html" / "pagetype"

#: Each fixture (written for these tests, not taken from a corpus), the URL it is read from and its type.
EXAMPLES = {
    "article.html": ("https://riversidegazette.example/news/2025/05/14/cycle-bridge-approved/", "article"),
    "forum.html": ("https://breadbakers.example/threads/sourdough-starter-smells-like-acetone.1001/", "forum"),
    "product.html": ("https://northridge.example/products/trailmaster-40l", "product"),
    "collection.html": ("https://kilnandclay.example/collections/mugs", "collection"),
    "listing.html": ("https://commutersnotebook.example/tag/cycling/", "listing"),
    "documentation.html": ("https://quarry.example.org/en/3.2/config.html", "documentation"),
    "service.html": ("https://airevalleyplumbing.example/services/emergency-plumbing-leeds/", "service"),
}


def _root(html: str) -> object:
    root, _ = parse_tree(html, limits=Limits())
    return root


# --------------------------------------------------------------------------- named examples


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_pages_get_their_type(name: str) -> None:
    url, expected = EXAMPLES[name]
    article = ak.parse_html((FIXTURES / name).read_bytes(), url=url, quotes=False)
    assert article.page_type == expected


@pytest.mark.parametrize("name", ["article.html", "forum.html", "product.html", "documentation.html"])
def test_example_pages_get_their_type_without_a_url(name: str) -> None:
    _, expected = EXAMPLES[name]
    assert ak.parse_html((FIXTURES / name).read_bytes(), quotes=False).page_type == expected


def test_every_type_has_an_example() -> None:
    assert {expected for _, expected in EXAMPLES.values()} == set(PAGE_TYPES)
    assert {p.name for p in FIXTURES.glob("*.html")} == set(EXAMPLES)


def test_the_reference_example_is_an_article() -> None:
    page = (Path(__file__).parent / "fixtures" / "html" / "news_article.html").read_bytes()
    assert ak.parse_html(page, quotes=False).page_type == "article"


def test_a_page_without_a_body_still_gets_a_type() -> None:
    article = ak.parse_html("<html><head><title>x</title></head></html>", quotes=False)
    assert article.page_type in PAGE_TYPES


# --------------------------------------------------------------------------- the shipped weights


def test_the_weights_file_is_well_formed_and_matches_the_features() -> None:
    text = resources.files("articlekit._parsers.html").joinpath("pagetype_weights.json").read_text("utf-8")
    data = json.loads(text)
    assert data["features"] == list(FEATURES)
    assert len(set(FEATURES)) == len(FEATURES)
    assert data["classes"] == list(PAGE_TYPES) == list(get_args(ak.PageType))
    n, k = len(FEATURES), len(PAGE_TYPES)
    assert len(data["mean"]) == len(data["scale"]) == n
    assert len(data["coef"]) == k
    assert all(len(row) == n for row in data["coef"])
    assert len(data["intercept"]) == k
    numbers = [*data["mean"], *data["scale"], *data["intercept"], *(v for row in data["coef"] for v in row)]
    assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in numbers)
    assert all(v > 0 for v in data["scale"])


def test_features_are_every_named_feature_and_finite() -> None:
    html = (FIXTURES / "product.html").read_text("utf-8")
    features = page_features(_root(html), "https://x.example/products/a")
    assert list(features) == list(FEATURES)
    assert all(math.isfinite(v) for v in features.values())
    probabilities = scores(features)
    assert set(probabilities) == set(PAGE_TYPES)
    assert math.isclose(sum(probabilities.values()), 1.0)


# --------------------------------------------------------------------------- properties

_TAGS = ["div", "p", "a", "li", "ul", "article", "section", "pre", "code", "h1", "h2", "span", "button", "form",
         "script", "style", "time", "img", "table", "td", "nav"]
_ATTRS = ["", " class='product-card price'", " class='post reply'", " itemprop='price'",
          " itemtype='https://schema.org/Product'", " id='toc'", " type='application/ld+json'", " class=''"]


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            parts.append(f"<{draw(st.sampled_from(_TAGS))}{draw(st.sampled_from(_ATTRS))}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(_TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(HOSTILE_SNIPPETS)))
        elif kind == 3:
            parts.append('{"@type": ["Product", "QAPage"], "@type": "' + draw(st.text(max_size=10)) + '"}')
        else:
            parts.append(draw(st.text(max_size=40)))
    return "".join(parts)


_URLS = st.none() | st.sampled_from(
    ["", "https://x.example/", "https://docs.x.example/a/b.html", "http://[::1", "https://x.example/t/2025/a-b-c?p=2",
     "not a url", "https://x.example/" + "a/" * 50]
) | st.text(max_size=60)


@settings(max_examples=150, deadline=None)
@given(_html(), _URLS)
def test_the_classifier_never_raises_and_names_one_of_the_types(html: str, url: str | None) -> None:
    root = _root(html)
    assert classify_page(root, url) in PAGE_TYPES
    assert all(math.isfinite(v) for v in page_features(root, url).values())


@settings(max_examples=60, deadline=None)
@given(_html())
def test_parse_html_sets_a_page_type_on_any_page(html: str) -> None:
    try:
        article = ak.parse_html(html, quotes=False)
    except ak.ArticleKitError:
        return
    assert article.page_type in PAGE_TYPES


@settings(max_examples=60, deadline=None)
@given(articles(), st.none() | st.sampled_from(PAGE_TYPES))
def test_the_page_type_round_trips_through_json(article: ak.Article, page_type: ak.PageType | None) -> None:
    article = attrs.evolve(article, page_type=page_type)
    assert ak.from_json(ak.to_json(article)).page_type == page_type
    assert ak.from_json(ak.to_json(article)) == article


# --------------------------------------------------------------------------- the field in every format


def test_the_model_refuses_an_unknown_page_type() -> None:
    with pytest.raises(ak.ValidationError, match="page_type"):
        ak.Article(page_type="blog")  # type: ignore[arg-type]


def test_json_without_a_page_type_still_reads_and_a_wrong_one_is_refused() -> None:
    assert ak.from_dict({"schema_version": 1, "title": "Old"}).page_type is None
    with pytest.raises(ak.JSONFormatError):
        ak.from_dict({"schema_version": 1, "page_type": "blog"})
    assert ak.to_dict(ak.Article(page_type="forum"))["page_type"] == "forum"


def test_front_matter_sets_the_page_type() -> None:
    article = ak.parse_markdown("---\ntitle: Install\npage_type: Documentation\n---\n\nRun it.\n", quotes=False)
    assert article.page_type == "documentation"
    odd = ak.parse_markdown("---\npage_type: blog\n---\n\nText.\n", quotes=False)
    assert odd.page_type is None
    assert odd.extra["page_type"] == "blog"
    assert any("page type" in w for w in odd.warnings)


def test_markdown_and_text_parsers_leave_it_none() -> None:
    assert ak.parse_markdown("# Title\n\nText.\n", quotes=False).page_type is None
    assert ak.parse_text("Title\n\nSome text here.\n", quotes=False).page_type is None


def test_markdown_front_matter_and_own_html_carry_it() -> None:
    article = ak.Article(title="Pumps", page_type="product", body=[ak.Paragraph([ak.Text("A pump.")])])
    assert "page_type: product" in ak.to_markdown(article)
    assert ak.parse_markdown(ak.to_markdown(article), quotes=False).page_type == "product"
    page = ak.to_html(article, standalone=True)
    assert '<meta name="articlekit:page-type" content="product">' in page
    assert ak.parse_html(page, quotes=False).page_type == "product"


# --------------------------------------------------------------------------- the one-pass walk

# What the page-type features read, as the XPath definitions they were first written with:
# the one-pass walk must select exactly these text nodes and attribute values.
_VISIBLE_TEXT = lxml.etree.XPath(
    "descendant::text()[not(parent::script or parent::style or parent::noscript or parent::template)]",
    smart_strings=False,
)
_P_TEXT = lxml.etree.XPath("descendant::text()[ancestor::p]", smart_strings=False)
_A_TEXT = lxml.etree.XPath("descendant::text()[ancestor::a]", smart_strings=False)
_CODE_TEXT = lxml.etree.XPath("descendant::text()[ancestor::pre or ancestor::code]", smart_strings=False)
_HEADING_TEXT = lxml.etree.XPath("descendant::text()[ancestor::h1 or ancestor::h2 or ancestor::h3]", smart_strings=False)
_CLASS_VALUES = lxml.etree.XPath("descendant::*/@*[name()='class' or name()='id']", smart_strings=False)

_WALK_EXTRAS = ["<!-- a comment -->", "<noscript><p>Enable scripts</p></noscript>", "<template><b>t</b></template>",
                "<h3 id='x' class='y'>", "<p><a href=/ id=top>", "so\u00adft", "<pre><code>x = 1</code></pre>",
                "<h1><h2>", "<div id='a' class='b c'>", "<b>\u00ad</b>\u00ad", "<?php echo 1 ?>", "<ruby>漢<rt>かん</rt></ruby>"]


@st.composite
def _walk_html(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(_html() | st.sampled_from(_WALK_EXTRAS), max_size=8)))


@settings(max_examples=200, deadline=None)
@given(_walk_html())
def test_the_one_pass_walk_reads_what_the_xpath_definitions_select(html: str) -> None:
    root = _root(html)
    normalise_text_form(root, html)  # as parse_html does first: it can leave empty text nodes
    body = root.find("body")
    body = root if body is None else body
    counts = dict.fromkeys(_COUNTED.values(), 0)
    walk = _walk(body, counts)
    assert walk.texts == _VISIBLE_TEXT(body)
    assert walk.p_chars == sum(map(len, _P_TEXT(body)))
    assert walk.a_chars == sum(map(len, _A_TEXT(body)))
    assert walk.code_chars == sum(map(len, _CODE_TEXT(body)))
    assert walk.headings == _HEADING_TEXT(body)
    assert walk.classes is not None
    assert sorted(walk.classes) == sorted(_CLASS_VALUES(body))  # the order is each element's attribute order
    expected = dict.fromkeys(_COUNTED.values(), 0)
    for el in body.iter(*_COUNTED):
        expected[_COUNTED[el.tag]] += 1
    assert counts == expected


def test_the_walk_hands_class_values_past_the_cap_back_to_the_caller() -> None:
    html = "<div class='card'>x</div>" * 2600  # 2,600 class values and 2,600 ids: over 5,000
    html = html.replace("class='card'", "class='card' id='c'")
    body = _root(html).find("body")
    assert _walk(body, dict.fromkeys(_COUNTED.values(), 0)).classes is None
    # The features then read the first 5,000 values in attribute order: cards counted 2,500 times.
    assert page_features(_root(html))["c_card"] == math.log1p(2500)
