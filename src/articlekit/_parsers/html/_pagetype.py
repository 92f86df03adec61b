"""What kind of page this is: article, forum, product, collection, listing, documentation or service.

:func:`classify_page` reads cheap signals from the parsed page and scores the seven
types of :data:`articlekit.PageType` with a multinomial logistic regression.  The
signals (:func:`page_features`) are:

* the schema.org types the page declares, in JSON-LD (``"@type"``) and microdata
  (``itemtype``), grouped (``Product``/``Offer`` → product, ``DiscussionForumPosting``/
  ``QAPage`` → forum, ``ItemList``/``CollectionPage`` → collection ...), and ``og:type``;
* the tokens of the URL's path and host (``/product/``, ``/t/``, ``/docs/``,
  ``/category/``, ``/tag/``, a date in the path, ``docs.`` or ``forum.`` hosts ...);
* counts of elements (paragraphs, headings, list items, links, images,
  ``<pre>``/``<code>``, forms and buttons, ``<article>`` and ``<time>`` elements) and
  shares of the visible text in paragraphs, links and code, all read in one pass over the
  body (:func:`_walk`), which also collects the ``class`` and ``id`` values;
* words of the visible text and of the ``class`` and ``id`` attributes, looked up in
  small vocabularies: prices (a currency and digits), "cart"/"checkout", "reply"/
  "joined"/"posts", "parameters"/"syntax", "results"/"older", "consultation"/"clients",
  ``card``/``product``/``post``/``comment``/``toc`` class tokens.

Every feature is a number, squashed with ``log1p`` or a share in ``[0, 1]``; the
weights (``pagetype_weights.json``, next to this module) are fitted by
``benchmarks/fit_pagetype.py`` on the development pages and shipped as data, so
inference is pure Python: about a hundred features, seven dot products and a
softmax.  The work is linear in the page, and the words are read from the first
:data:`_MAX_WORDS_TEXT` characters of its text only.  It costs a few milliseconds of CPU
time on a typical page (``benchmarks/results/pagetype.md``), a small part of what
parsing and extraction cost.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any, Final, NamedTuple, cast
from urllib.parse import urlsplit

import lxml.etree

from articlekit._model import PageType

__all__ = ["FEATURES", "PAGE_TYPES", "classify_page", "page_features", "scores"]

#: The seven page types, in the order the weights file lists them.
PAGE_TYPES: Final[tuple[PageType, ...]] = (
    "article", "forum", "product", "collection", "listing", "documentation", "service",
)

_MAX_JSONLD = 400_000  # characters of JSON-LD read for "@type"s

# ---------------------------------------------------------------------- schema.org types

#: schema.org types (lower case) → the group feature they raise.
_SCHEMA_GROUPS: Final[dict[str, str]] = {}
for _group, _names in {
    "product": "product productgroup offer aggregateoffer offercatalog productmodel individualproduct vehicle car",
    "forum": "discussionforumposting qapage question answer socialmediaposting",
    "faq": "faqpage",
    "list": "itemlist collectionpage searchresultspage",
    "tech": "techarticle apireference softwaresourcecode softwareapplication webapplication",
    "news": "newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle reviewnewsarticle backgroundnewsarticle",
    "blog": "blogposting blog liveblogposting",
    "article": "article scholarlyarticle medicalscholarlyarticle report",
    "service": "service localbusiness professionalservice legalservice medicalbusiness homeandconstructionbusiness "
    "financialservice store autorepair dentist physician lodgingbusiness restaurant foodestablishment "
    "healthandbeautybusiness realestateagent travelagency",
    "organization": "organization corporation",
    "recipe": "recipe howto",
    "review": "review aggregaterating",
    "profile": "profilepage person",
    "event": "event course jobposting",
    "breadcrumb": "breadcrumblist",
    "webpage": "webpage aboutpage contactpage medicalwebpage",
    "video": "videoobject",
}.items():
    for _name in _names.split():
        _SCHEMA_GROUPS[_name] = _group
_SCHEMA_FEATURES: Final[tuple[str, ...]] = tuple(f"schema_{g}" for g in dict.fromkeys(_SCHEMA_GROUPS.values()))

_JSONLD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,400}\]|"[^"]{0,100}")')
_TYPE_NAME = re.compile(r'"([^"]{1,100})"')

_OG_TYPES: Final[tuple[str, ...]] = ("article", "product", "website", "other")

# ---------------------------------------------------------------------- URL tokens

_URL_GROUPS: Final[dict[str, str]] = {}
for _group, _names in {
    "product": "product products p dp item items buy sku pd gp",
    "shop": "shop store",
    "forum": "forum forums t thread threads topic topics discussion discussions community communities "
    "questions question q r board boards viewtopic showthread comments answers",
    "docs": "docs doc documentation api reference manual manuals guide guides wiki learn kb "
    "knowledge-base knowledgebase handbook sdk developer developers reference-guide",
    "help": "help support faq faqs tutorial tutorials howto how-to",
    "collection": "collections collection category categories c catalog catalogue department departments "
    "browse brands brand range",
    "listing": "tag tags search archive archives author authors list lists results page jobs events "
    "directory listings listing",
    "article": "article articles news blog blogs post posts story stories insights press stories opinion",
    "service": "services service solutions solution pricing plans features about contact industries "
    "consulting what-we-do our-services company",
}.items():
    for _name in _names.split():
        _URL_GROUPS.setdefault(_name, _group)
_URL_GROUP_FEATURES: Final[tuple[str, ...]] = tuple(f"url_{g}" for g in dict.fromkeys(_URL_GROUPS.values()))
_HOST_GROUPS: Final[dict[str, str]] = {
    "docs": "docs", "doc": "docs", "developer": "docs", "developers": "docs", "learn": "docs", "wiki": "docs",
    "api": "docs", "help": "help", "support": "help", "kb": "help",
    "forum": "forum", "forums": "forum", "community": "forum", "discuss": "forum", "discourse": "forum",
    "answers": "forum", "boards": "forum",
    "shop": "shop", "store": "shop", "blog": "article", "news": "article",
}
_HOST_FEATURES: Final[tuple[str, ...]] = tuple(f"host_{g}" for g in dict.fromkeys(_HOST_GROUPS.values()))
_SEGMENT = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBER = re.compile(r"^\d+$")
_HTML_EXT = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$")

# ---------------------------------------------------------------------- the tree

#: The elements counted, each a feature ``n_<tag>`` (h4 counts as h3, select and
#: textarea as input, video as iframe).
_COUNTED: Final[dict[str, str]] = {
    "p": "n_p", "h1": "n_h1", "h2": "n_h2", "h3": "n_h3", "h4": "n_h3", "li": "n_li", "a": "n_a",
    "img": "n_img", "pre": "n_pre", "code": "n_code", "table": "n_table", "form": "n_form",
    "input": "n_input", "select": "n_input", "textarea": "n_input", "button": "n_button",
    "article": "n_article", "time": "n_time", "blockquote": "n_blockquote", "nav": "n_nav",
    "section": "n_section", "dl": "n_dl", "iframe": "n_iframe", "video": "n_iframe",
}
_COUNT_FEATURES: Final[tuple[str, ...]] = (*dict.fromkeys(_COUNTED.values()), "n_itemprop_price", "n_itemprop_review")
_PRICE_PROPS = frozenset(("price", "offers", "pricecurrency", "sku", "availability"))
_REVIEW_PROPS = frozenset(("review", "comment", "answer", "suggestedanswer", "acceptedanswer", "upvotecount"))
#: The elements whose text :func:`_walk` measures: index into its counts of open elements.
_KINDS: Final[dict[str, int]] = {"p": 0, "a": 1, "pre": 2, "code": 2, "h1": 3, "h2": 3, "h3": 3}
#: Elements whose text is not visible text.
_HIDDEN_TEXT = frozenset(("script", "style", "noscript", "template"))
# One location path each, no union ("a|b" merges node sets, quadratic in libxml2: 80,000
# elements with a class and an id took 10 s, 0.08 s now).
_CLASSES = lxml.etree.XPath("descendant::*/@*[name()='class' or name()='id']", smart_strings=False)
_MAX_MICRODATA = 5_000
# Testing each attribute's name() is slower than two name tests.
_ITEMPROP = lxml.etree.XPath("descendant-or-self::*/@itemprop", smart_strings=False)
_ITEMTYPE = lxml.etree.XPath("descendant-or-self::*/@itemtype", smart_strings=False)
_MICRODATA = lxml.etree.XPath("descendant-or-self::*/@*[name()='itemprop' or name()='itemtype']", smart_strings=False)
_OG_TYPE = lxml.etree.XPath("head/meta[@property='og:type' or @name='og:type']/@content", smart_strings=False)

# ---------------------------------------------------------------------- words

_MAX_WORDS_TEXT = 20_000  # characters of visible text tokenised for the word features


def _vocabulary(groups: dict[str, str]) -> dict[str, str]:
    return {word: feature for feature, words in groups.items() for word in words.split()}


#: Words of the visible text (lower case) → the feature they count.
_TEXT_WORDS: Final[dict[str, str]] = _vocabulary({
    "w_cart": "cart basket bag trolley checkout wishlist stock shipping sku qty quantity warenkorb panier "
    "carrito carrello delivery returns",
    "w_reviews": "review reviews rating ratings stars",
    "w_forum": "reply replies posted joined posts member members thread threads upvote upvotes votes vote "
    "reputation permalink solved registered moderator topic quote",
    "w_ago": "ago",
    "w_docs": "parameters parameter returns syntax api install installation configuration configure deprecated "
    "example examples documentation reference function method class module argument arguments default "
    "command version",
    "w_service": "contact consultation services clients solutions experts testimonials pricing plans book "
    "schedule team expertise customers call appointment free",
    "w_listing": "more results filter sort categories older newer showing view previous next",
    "w_article": "read published updated share comments subscribe newsletter author editor reporter",
    "w_said": "said says told according",
})
_TEXT_FEATURES: Final[tuple[str, ...]] = ("w_price", *dict.fromkeys(_TEXT_WORDS.values()))
_PRICE = re.compile(r"[$€£¥₹₩]\s?\d|\d\s?(?:€|£|zł|kr)")
#: What every match of :data:`_PRICE` contains: a text without any of these has no price.
_PRICE_MARKS = ("$", "€", "£", "¥", "₹", "₩", "zł", "kr")
_WORD = re.compile(r"[^\W\d_]+")

#: Words of the ``class`` and ``id`` attributes → the feature they count.
_CLASS_WORDS: Final[dict[str, str]] = _vocabulary({
    "c_card": "card cards tile tiles grid teaser thumbnail thumb excerpt",
    "c_product": "product price cart basket checkout sku variant swatch add addtocart pdp buy",
    "c_post": "post posts reply replies thread topic message forum answer question vote avatar username user",
    "c_comment": "comment comments",
    "c_docs": "doc docs toc sidebar highlight language hljs prism api sphinx mkdocs docusaurus markdown "
    "admonition rst headerlink code",
    "c_article": "article entry story byline author dateline published headline blog",
    "c_listing": "pagination pager listing results archive feed filter facet sort",
    "c_service": "hero cta testimonial testimonials service services pricing feature features banner contact "
    "team faq accordion",
    "c_collection": "collection collections category catalog plp",
})
_CLASS_FEATURES: Final[tuple[str, ...]] = tuple(dict.fromkeys(_CLASS_WORDS.values()))
_MAX_CLASS_VALUES = 5_000

# ---------------------------------------------------------------------- the feature list

_SHARE_FEATURES: Final[tuple[str, ...]] = (
    "text_len", "p_share", "link_share", "code_share", "heading_len", "words_per_p", "text_per_a",
    "li_per_p", "img_per_p",
)
_URL_FEATURES: Final[tuple[str, ...]] = (
    "url_none", "url_root", "url_depth", "url_date", "url_number", "url_slug_words", "url_query",
    "url_trailing_slash", "url_html_ext",
)

#: Every feature, in the order of the weights file.
FEATURES: Final[tuple[str, ...]] = (
    _SCHEMA_FEATURES
    + tuple(f"og_{t}" for t in _OG_TYPES)
    + _URL_GROUP_FEATURES
    + _HOST_FEATURES
    + _URL_FEATURES
    + _COUNT_FEATURES
    + _SHARE_FEATURES
    + _TEXT_FEATURES
    + _CLASS_FEATURES
)


def _schema_types(root: Any) -> set[str]:
    """The schema.org type names (lower case, without the vocabulary URL) the page declares."""
    names: set[str] = set()
    budget = _MAX_JSONLD
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind not in ("application/ld+json", "application/json+ld"):
            continue
        text = script.text or ""
        text = text[:budget]
        budget -= len(text)
        for match in _JSONLD_TYPE.finditer(text):
            for name in _TYPE_NAME.findall(match.group(1)):
                names.add(name.rsplit("/", 1)[-1].rsplit(":", 1)[-1].strip().lower())
        if budget <= 0:
            break
    return names


def _microdata(root: Any, counts: dict[str, int]) -> set[str]:
    """The microdata types (``itemtype``, lower case, without the vocabulary URL) of the page;
    counts the ``itemprop`` names of offers and of replies into *counts*."""
    names: set[str] = set()
    values = _ITEMPROP(root) + _ITEMTYPE(root)  # the order matters only past the cap
    if len(values) > _MAX_MICRODATA:
        values = _MICRODATA(root)[:_MAX_MICRODATA]
    for value in values:
        if "/" in value:  # an itemtype: a URL
            for part in value.split()[:4]:
                names.add(part.rstrip("/").rsplit("/", 1)[-1].lower())
            continue
        for prop in value.lower().split()[:4]:
            if prop in _PRICE_PROPS:
                counts["n_itemprop_price"] += 1
            elif prop in _REVIEW_PROPS:
                counts["n_itemprop_review"] += 1
    return names


class _Walk(NamedTuple):
    """What one pass over the body reads (see :func:`_walk`)."""

    texts: list[str]
    p_chars: int
    a_chars: int
    code_chars: int
    headings: list[str]
    classes: list[str] | None


def _walk(body: Any, counts: dict[str, int]) -> _Walk:
    """One pass over *body* in document order.

    Reads the visible text nodes (those not in ``<script>``, ``<style>``, ``<noscript>``
    or ``<template>``), the characters of the text nodes inside ``<p>``, ``<a>`` and
    ``<pre>``/``<code>``, the text nodes inside ``<h1>``-``<h3>``, and the ``class`` and
    ``id`` values of the elements below *body* (``None`` when there are more than
    :data:`_MAX_CLASS_VALUES`: the caller then reads them in attribute order); counts the
    elements of :data:`_COUNTED` into *counts*.  Each node is visited once, by lxml's
    :func:`~lxml.etree.iterwalk` (the tree is walked in C, its start and end events handled
    here), its place known from counts of the open elements, so the work is linear in the
    page (no recursion: the open elements' tags are a list).
    """
    texts: list[str] = []
    headings: list[str] = []
    classes: list[str] = []
    add_text, add_class = texts.append, classes.append
    p_chars = a_chars = code_chars = 0
    kinds, counted, hidden = _KINDS, _COUNTED, _HIDDEN_TEXT
    inside = [0, 0, 0, 0]  # open <p>, <a>, <pre>/<code>, <h1>-<h3> elements
    for ancestor in body.iterancestors():
        kind = kinds.get(ancestor.tag)
        if kind is not None:
            inside[kind] += 1
    open_tags: list[str] = []
    walker = lxml.etree.iterwalk(body, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":  # an element starts; its text is its first child node
            tag = node.tag
            kind = kinds.get(tag)
            if kind is not None:
                inside[kind] += 1
            feature = counted.get(tag)
            if feature is not None:
                counts[feature] += 1
            if open_tags:
                value = node.get("class")
                if value is not None:
                    add_class(value)
                value = node.get("id")
                if value is not None:
                    add_class(value)
            text = node.text
            parent_tag = tag
            open_tags.append(tag)
        elif event == "end":
            kind = kinds.get(open_tags.pop())
            if kind is not None:
                inside[kind] -= 1
            if not open_tags:
                break  # the body's own tail is outside it
            text = node.tail
            parent_tag = open_tags[-1]
        else:  # a comment or processing instruction: only its tail is text
            text = node.tail
            parent_tag = open_tags[-1]
        if text is not None:  # an empty text node (the text-form stage leaves some) counts too
            if parent_tag not in hidden:
                add_text(text)
            if inside[0]:
                p_chars += len(text)
            if inside[1]:
                a_chars += len(text)
            if inside[2]:
                code_chars += len(text)
            if inside[3]:
                headings.append(text)
    return _Walk(texts, p_chars, a_chars, code_chars, headings, classes if len(classes) <= _MAX_CLASS_VALUES else None)


def _url_features(url: str | None, out: dict[str, float]) -> None:
    if not url:
        out["url_none"] = 1.0
        return
    try:
        parts = urlsplit(url.strip()[:2000])
        host = (parts.hostname or "").lower()
    except ValueError:
        out["url_none"] = 1.0
        return
    path = parts.path.lower()
    segments = [s for s in path.split("/") if s]
    out["url_root"] = float(not segments)
    out["url_depth"] = math.log1p(len(segments))
    out["url_query"] = float(bool(parts.query))
    out["url_trailing_slash"] = float(path.endswith("/") and bool(segments))
    out["url_html_ext"] = float(bool(segments) and bool(_HTML_EXT.search(segments[-1])))
    for segment in segments[:12]:
        if _YEAR.match(segment):
            out["url_date"] = 1.0
        elif _NUMBER.match(segment):
            out["url_number"] = 1.0
        group = _URL_GROUPS.get(_HTML_EXT.sub("", segment))
        if group is not None:
            out[f"url_{group}"] = 1.0
    if segments:
        last = _HTML_EXT.sub("", segments[-1])
        out["url_slug_words"] = math.log1p(len([w for w in re.split(r"[-_]", last) if w]))
    for label in host.split(".")[:-1][:4]:
        group = _HOST_GROUPS.get(label)
        if group is not None:
            out[f"host_{group}"] = 1.0


def page_features(root: Any, url: str | None = None) -> dict[str, float]:
    """The features of the page *root* (an lxml HTML root) read from *url*: every name of
    :data:`FEATURES`, each a finite float."""
    out = dict.fromkeys(FEATURES, 0.0)
    counts = dict.fromkeys(_COUNT_FEATURES, 0)
    types = _schema_types(root) | _microdata(root, counts)
    for name in types:
        group = _SCHEMA_GROUPS.get(name)
        if group is not None:
            out[f"schema_{group}"] = 1.0
    og = [str(v).strip().lower() for v in _OG_TYPE(root)[:4]]
    if og:
        first = og[0].split(".", 1)[0].split(":", 1)[0]
        out[f"og_{first}" if first in _OG_TYPES else "og_other"] = 1.0
    _url_features(url, out)

    body = root.find("body") if isinstance(root.tag, str) and root.tag.lower() != "body" else root
    if body is None:
        body = root
    tree = _walk(body, counts)
    for name, value in counts.items():
        out[name] = math.log1p(value)
    n_p, n_a, n_li, n_img = counts["n_p"], counts["n_a"], counts["n_li"], counts["n_img"]

    strings = tree.texts
    chars = max(sum(map(len, strings)), 1)
    text = _joined(strings, _MAX_WORDS_TEXT).lower()
    words = _WORD.findall(text)
    total = len(words) * chars / max(len(text), 1)  # the page's words, estimated past the cap
    p_chars = tree.p_chars
    out["text_len"] = math.log1p(total)
    out["p_share"] = min(p_chars / chars, 1.0)
    out["link_share"] = min(tree.a_chars / chars, 1.0)
    out["code_share"] = min(tree.code_chars / chars, 1.0)
    out["heading_len"] = math.log1p(len(_joined(tree.headings, 20_000).split()))
    out["words_per_p"] = math.log1p(p_chars / 6.0 / (n_p + 1.0))
    out["text_per_a"] = math.log1p(total / (n_a + 1.0))
    out["li_per_p"] = math.log1p(n_li / (n_p + 1.0))
    out["img_per_p"] = math.log1p(n_img / (n_p + 1.0))

    prices = len(_PRICE.findall(text)) if any(mark in text for mark in _PRICE_MARKS) else 0
    found: dict[str, int] = {"w_price": prices}
    # The vocabularies are small: each of their words is looked up in the page's counts.
    word_counts = Counter(words)
    for word, feature in _TEXT_WORDS.items():
        count = word_counts.get(word)
        if count:
            found[feature] = found.get(feature, 0) + count
    # Pages repeat their class values: each distinct value is split once, its words
    # counted as often as it occurs.
    values = tree.classes if tree.classes is not None else _CLASSES(body)[:_MAX_CLASS_VALUES]
    class_words = _CLASS_WORDS
    for value, times in Counter(values).items():
        for word in value.lower().replace("-", " ").replace("_", " ").split():
            group = class_words.get(word)
            if group is not None:
                found[group] = found.get(group, 0) + times
    for key, value in found.items():
        out[key] = math.log1p(value)
    return out


def _joined(strings: list[Any], cap: int) -> str:
    """*strings* joined by spaces, at most about *cap* characters."""
    parts: list[str] = []
    size = 0
    for s in strings:
        parts.append(s)
        size += len(s) + 1
        if size >= cap:
            break
    return " ".join(parts)[:cap]


# ---------------------------------------------------------------------- the model


@lru_cache(maxsize=1)
def _weights() -> tuple[tuple[str, ...], tuple[PageType, ...], list[float], list[float], list[list[float]], list[float]]:
    """The shipped model: features, classes, means, scales, coefficients (one row per
    class) and intercepts."""
    text = resources.files("articlekit._parsers.html").joinpath("pagetype_weights.json").read_text("utf-8")
    data = json.loads(text)
    return (
        tuple(data["features"]),
        tuple(cast("list[PageType]", data["classes"])),
        [float(v) for v in data["mean"]],
        [float(v) for v in data["scale"]],
        [[float(v) for v in row] for row in data["coef"]],
        [float(v) for v in data["intercept"]],
    )


def scores(features: dict[str, float]) -> dict[PageType, float]:
    """The probability of each page type given *features* (from :func:`page_features`)."""
    names, classes, mean, scale, coef, intercept = _weights()
    x = [(features.get(n, 0.0) - m) / s for n, m, s in zip(names, mean, scale, strict=True)]
    logits = [b + sum(w * v for w, v in zip(row, x, strict=True)) for row, b in zip(coef, intercept, strict=True)]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return {c: e / total for c, e in zip(classes, exps, strict=True)}


def classify_page(root: Any, url: str | None = None) -> PageType:
    """The most likely :data:`~articlekit.PageType` of the page *root* read from *url*."""
    probabilities = scores(page_features(root, url))
    return max(probabilities, key=lambda c: probabilities[c])
