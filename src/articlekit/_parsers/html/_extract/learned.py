"""Rule ``learned`` (stage: recall recovery, after :mod:`.widen`): a fitted model chooses the
container among a few candidates.

The rules before it propose one container; this rule looks again at a handful of
candidates -- that container and its ancestors up to ``body``, its children holding much of
its text, and the best paragraph-scored elements with their parents -- and weighs each by a
small model fitted on the development pages (``benchmarks/fit_scoring.py``, weights shipped as
``scoring_weights.json`` next to this module).  The features of a candidate
(:func:`features`) are its text and link density, its share of the page's text mass and
running text, its paragraph score, its tag and class / id tokens, its place in the page and
against the proposed container, punctuation, the shape of its children and siblings, and
the recognised page type.  The model is a conditional logit: one dot product per
candidate, the highest wins (the proposed container keeps the place when nothing beats it).

The rule runs only when the page type is known (the model was fitted with it), and not on
pages recognised as articles: there the rules' container is as good
on the development pages (word F1 0.944 either way), and on news articles whose page also
holds teasers or comments the model's wider choice costs precision (Scrapinghub development
pages: shingle F1 0.963 with the rule on articles, 0.976 without).

Inference is pure Python; without a weights file the rule does nothing.  Bound: at most
:data:`MAX_CANDIDATES` candidates, each measured by a few C passes over its subtree.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from typing import Any

import lxml.etree
import lxml.html

from articlekit._parsers.html._extract._common import (
    HINT,
    NEGATIVE,
    POSITIVE,
    State,
    class_weight,
    count_commas,
    known_link_density,
    text_len,
)
from articlekit._parsers.html._pagetype import PAGE_TYPES

NAME = "learned"

#: The most candidates examined on one page.
MAX_CANDIDATES = 24

_TAGS = ("div", "section", "article", "main", "body", "td", "ul", "form")

#: The tags :func:`tag_counts` counts.
_COUNTED = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "a")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_COUNT_BEFORE = lxml.etree.XPath("count(preceding::*)")
_COUNT_ALL = lxml.etree.XPath("count(.//*)")
_STRING = lxml.etree.XPath("string()")

#: The features of one candidate on its own (:func:`features`).
BASE: tuple[str, ...] = (
    "len_log", "len_share", "mass_share", "prose_share", "links", "score_log", "score_rel",
    "is_proposed", "above", "above_log", "below", "is_top_scored", "is_body",
    *(f"tag_{t}" for t in _TAGS),
    "hint", "negative", "positive", "class_weight",
    "commas", "stops", "p_log", "h_log", "li_log", "tr_log", "a_per_100", "p_share_mass",
    "sections", "largest_child", "parent_gain", "siblings_massed", "depth_log", "position",
    "mass_vs_proposed_log",
    *(f"type_{t}" for t in PAGE_TYPES),
    *(f"type_{t}_x_mass" for t in PAGE_TYPES),
    *(f"type_{t}_x_above" for t in PAGE_TYPES),
)
#: The features of a candidate against the proposed container (:func:`in_context`).
CONTEXT: tuple[str, ...] = (
    "prose_gain", "gain_x_proposed_prose", "above_x_proposed_prose", "gain_x_proposed_mass",
    "above_x_proposed_mass", "links_gain", *(f"type_{t}_x_gain" for t in PAGE_TYPES),
)
#: The feature names the model's coefficients are for.
FEATURES: tuple[str, ...] = BASE + CONTEXT


def _load() -> dict[str, float] | None:
    try:
        text = resources.files("articlekit._parsers.html._extract").joinpath("scoring_weights.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(text)
    return {str(k): float(v) for k, v in data.get("coef", {}).items()}


#: The model in use: one coefficient per feature name (the fitting script replaces it in process).
MODEL: dict[str, dict[str, float] | None] = {"coef": _load()}


def candidates(state: State) -> list[lxml.html.HtmlElement]:
    """The elements the model weighs, the proposed container first (document order aside)."""
    body = state.body
    mass = state.mass
    out: list[lxml.html.HtmlElement] = []
    seen: set[lxml.html.HtmlElement] = set()

    def add(el: lxml.html.HtmlElement | None) -> None:
        if el is None or el in seen or len(out) >= MAX_CANDIDATES or el.tag == "html":
            return
        seen.add(el)
        out.append(el)

    best = state.best
    if best is not None:
        node: lxml.html.HtmlElement | None = best
        while node is not None and node.tag != "html":
            add(node)
            if node is body:
                break
            node = node.getparent()
        own = mass.get(best, 0.0)
        if own > 0:
            kids = sorted(
                (c for c in best if isinstance(c.tag, str) and mass.get(c, 0.0) >= 0.2 * own),
                key=lambda c: -mass.get(c, 0.0),
            )
            for child in kids[:3]:
                add(child)
    for el, _ in sorted(state.scores.items(), key=lambda kv: -kv[1])[:6]:
        add(el)
        add(el.getparent())
    return out


class Shared:
    """What the features of a page's candidates share, measured once per page: the number of
    elements in the body and each link's text length.  With *link_len* (the page's
    :attr:`Page._link_len <._common.Page>`, kept by the stages that read the tree without changing
    it) the links the scoring and selection measured are not measured again."""

    def __init__(self, body: lxml.html.HtmlElement, link_len: dict[lxml.html.HtmlElement, int] | None = None) -> None:
        self.n_all = float(_COUNT_ALL(body)) or 1.0
        self._link_len: dict[lxml.html.HtmlElement, int] = {} if link_len is None else link_len
        #: The best paragraph score of the page, once found (the scores do not change here).
        self.top: float | None = None

    def link_density(self, el: lxml.html.HtmlElement, length: int) -> float:
        """The link density of *el* (whose ``text_len`` is *length*), each link measured once."""
        return known_link_density(el, length, self._link_len)


def tag_counts(el: lxml.html.HtmlElement) -> dict[str, int]:
    """How many elements of each tag of :data:`_COUNTED` *el* holds (itself excluded): one C
    walk that yields only those elements (the same numbers as XPath ``count(.//p)`` and so on,
    which walk the subtree once per tag)."""
    counts = dict.fromkeys(_COUNTED, 0)
    for node in el.iterdescendants(*_COUNTED):
        counts[node.tag] += 1
    return counts


def features(
    state: State, el: lxml.html.HtmlElement, page_type: str | None, shared: Shared | None = None
) -> dict[str, float]:
    """The features of the candidate *el* (names in :data:`FEATURES`); *shared* holds what the
    page's candidates share (measured here when not given)."""
    if shared is None:
        shared = Shared(state.body)
    body = state.body
    mass = state.mass
    page_mass = mass.get(body, 0.0) or 1.0
    page_prose = state.prose.get(body, 0.0)
    length = text_len(el)
    page_len = state.page.page_len() or 1
    score = state.scores.get(el, 0.0)
    top = shared.top
    if top is None:
        top = shared.top = max(state.scores.values(), default=0.0)
    best = state.best
    above = 0
    below = 0.0
    if best is not None:
        node = best
        while node is not None and node is not el:
            node = node.getparent()
            above += 1
        if node is None:
            above = 0
            walker = el.getparent()
            while walker is not None and walker is not best:
                walker = walker.getparent()
            below = 1.0 if walker is not None else 0.0
    own_mass = mass.get(el, 0.0)
    text = _STRING(el) if length < 200_000 else ""
    chars = max(len(text), 1)
    children = [mass.get(c, 0.0) for c in el if isinstance(c.tag, str)]
    children = [m for m in children if m > 0]
    parent = el.getparent()
    parent_mass = mass.get(parent, own_mass) if parent is not None and el is not body else own_mass
    siblings = 0
    if parent is not None and el is not body:
        siblings = sum(1 for s in parent if s is not el and isinstance(s.tag, str) and mass.get(s, 0.0) >= 0.2 * max(own_mass, 1.0))
    depth = 0
    node = el
    while node is not None and node is not body:
        depth += 1
        node = node.getparent()
    verdict = state.page.verdict(el) if el is not body else 0
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    counts = tag_counts(el)
    n_p = float(counts["p"])
    n_all = shared.n_all
    mass_share = own_mass / page_mass
    f: dict[str, float] = {
        "len_log": math.log1p(length),
        "len_share": min(length / page_len, 1.0),
        "mass_share": mass_share,
        "prose_share": state.prose.get(el, 0.0) / page_prose if page_prose > 0 else 0.0,
        "links": shared.link_density(el, length),
        "score_log": math.log1p(max(score, 0.0)),
        "score_rel": max(min(score / top, 1.0), -1.0) if top > 0 else 0.0,
        "is_proposed": 1.0 if el is best else 0.0,
        "above": float(min(above, 6)),
        "above_log": math.log1p(above),
        "below": below,
        "is_top_scored": 1.0 if top > 0 and score >= top else 0.0,
        "is_body": 1.0 if el is body else 0.0,
        "hint": 1.0 if verdict == HINT else 0.0,
        "negative": 1.0 if verdict == NEGATIVE else 0.0,
        "positive": 1.0 if POSITIVE.search(names) else 0.0,
        "class_weight": class_weight(el) / 25.0 if el is not body else 0.0,
        "commas": 100.0 * count_commas(text) / chars,
        "stops": 100.0 * text.count(". ") / chars,
        "p_log": math.log1p(n_p),
        "h_log": math.log1p(float(sum(counts[h] for h in _HEADINGS))),
        "li_log": math.log1p(float(counts["li"])),
        "tr_log": math.log1p(float(counts["tr"])),
        "a_per_100": min(100.0 * float(counts["a"]) / chars, 10.0),
        "p_share_mass": state.prose.get(el, 0.0) / own_mass if own_mass > 0 else 0.0,
        "sections": math.log1p(sum(1 for m in children if m >= 0.1 * own_mass)),
        "largest_child": max(children) / own_mass if children and own_mass > 0 else 0.0,
        "parent_gain": math.log((parent_mass + 1.0) / (own_mass + 1.0)),
        "siblings_massed": math.log1p(siblings),
        "depth_log": math.log1p(depth),
        "position": float(_COUNT_BEFORE(el)) / n_all,
        "mass_vs_proposed_log": math.log((own_mass + 1.0) / (mass.get(best, 0.0) + 1.0)) if best is not None else 0.0,
    }
    for tag in _TAGS:
        f[f"tag_{tag}"] = 1.0 if el.tag == tag or (tag == "td" and el.tag in ("td", "table", "tbody")) or (tag == "ul" and el.tag == "ol") else 0.0
    for t in PAGE_TYPES:
        on = 1.0 if page_type == t else 0.0
        f[f"type_{t}"] = on
        f[f"type_{t}_x_mass"] = on * mass_share
        f[f"type_{t}_x_above"] = on * min(above, 6)
    return f


def in_context(rows: list[dict[str, float]]) -> None:
    """Add to each candidate's features (*rows*, the proposed container's among them) how it
    compares with the proposed container: what it adds in running text, mass and links, and
    how far it climbs, against how much of the page the proposed container already holds."""
    proposed = next((f for f in rows if f["is_proposed"]), rows[0])
    p_prose = proposed["prose_share"]
    p_mass = proposed["mass_share"]
    for f in rows:
        gain = f["mass_vs_proposed_log"]
        f["prose_gain"] = f["prose_share"] - p_prose
        f["gain_x_proposed_prose"] = gain * p_prose
        f["above_x_proposed_prose"] = f["above"] * p_prose
        f["gain_x_proposed_mass"] = gain * p_mass
        f["above_x_proposed_mass"] = f["above"] * p_mass
        f["links_gain"] = f["links"] - proposed["links"]
        for t in PAGE_TYPES:
            f[f"type_{t}_x_gain"] = f[f"type_{t}"] * gain


def weigh(coef: dict[str, float], f: dict[str, float]) -> float:
    """The model's value of one candidate's features (higher is better)."""
    return sum(coef.get(name, 0.0) * value for name, value in f.items())


def run(state: State) -> None:
    coef = MODEL["coef"]
    if coef is None or state.best is None or not state.mass or state.page_type in (None, "article"):
        return
    found = candidates(state)
    if len(found) < 2:
        return
    # The tree has not changed since the scoring measured its links, nor does it while the
    # candidates are measured: the page's link lengths serve.
    shared = Shared(state.body, state.page.link_lengths())
    rows = [features(state, el, state.page_type, shared) for el in found]
    in_context(rows)
    values: list[tuple[float, Any]] = [(weigh(coef, f), el) for f, el in zip(rows, found, strict=True)]
    chosen = max(values, key=lambda item: item[0])[1]
    if chosen is not state.best:
        state.best = chosen
        state.best_score = state.scores.get(chosen, state.best_score)
        state.content = [chosen]
