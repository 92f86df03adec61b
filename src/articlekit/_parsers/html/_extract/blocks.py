"""Rule ``learned-blocks`` (stage: recall recovery, last): a fitted model weighs every text
block of the page against the chosen content.

The rules before it choose containers; this rule looks at the page's text blocks (the
paragraphs, headings, list items, table cells, definitions, block quotes and preformatted
text that made the page's text mass, :attr:`State.blocks`, in document order).  Each block
gets a few features (:func:`features`): its own length, link density, tag and punctuation,
its place in the page, whether it lies inside the chosen content, and for a block outside:
how far it is from the content (levels up to the common ancestor and down from it, blocks
between), whether it is of the same kind as the content's blocks (same tag under the same
kind of parent), how much more text the common ancestor holds than the content, and the
recognised page type.  Two small logistic models fitted on the development pages
(``benchmarks/fit_blocks.py``, weights shipped as ``block_weights.json`` next to this module)
give each block the probability that it is main content: a block outside the content whose
probability passes the *add* threshold joins it (product specs, service sections, forum
posts, cards that the single container missed), a block inside whose probability is under the
*drop* threshold is removed (widget headings, labels).  The content stays in document order.

Inference is pure Python, one dot product per block; without a weights file the rule does
nothing.  Bound: one pass over the blocks, each block's ancestor chain walked once in total
(memoised), at most :data:`MAX_BLOCKS` blocks.
"""

from __future__ import annotations

import json
import math
import operator
from importlib import resources
from typing import NamedTuple

import lxml.etree
import lxml.html

from articlekit._parsers.html._extract._common import (
    NEGATIVE,
    NORM_LEN,
    SENTENCE_END,
    State,
    count_commas,
    remove,
)
from articlekit._parsers.html._pagetype import PAGE_TYPES

NAME = "learned-blocks"

#: Pages with more blocks than this are left as the rules before chose them.
MAX_BLOCKS = 5000

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_MASS_TAGS = frozenset(("p", "pre", "td", "th", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "li"))
_STRING = lxml.etree.XPath("string()")

#: The features of a block, in the order :func:`features` returns them.
BASE: tuple[str, ...] = (
    "bias", "len_log", "links", "tag_li", "tag_cell", "tag_head", "tag_def", "tag_pre", "tag_other",
    "sentence", "commas", "short", "position", "content_share", "same_kind", "same_parent",
    "up_log", "down_log", "lca_body", "before", "after", "dist_log", "adjacent", "lca_gain_log",
    "negative", "len_vs_content",
)
#: The names of the model's coefficients: the block's features, then the page type's and
#: its products with the length and the same-kind flag (:func:`expand`).
FEATURES: tuple[str, ...] = (
    *BASE,
    *(f"type_{t}" for t in PAGE_TYPES),
    *(f"type_{t}_x_len" for t in PAGE_TYPES),
    *(f"type_{t}_x_kind" for t in PAGE_TYPES),
)


def _load() -> Model | None:
    try:
        text = resources.files("articlekit._parsers.html._extract").joinpath("block_weights.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(text)
    return Model(
        add=[float(data["add"][n]) for n in FEATURES],
        drop=[float(data["drop"][n]) for n in FEATURES],
        thresholds={str(t): (float(a), float(d)) for t, (a, d) in data["thresholds"].items()},
    )


class Model(NamedTuple):
    """The two fitted models (coefficients in :data:`FEATURES` order) and, per page type,
    the probability a block outside the content needs to join it and the one a block inside
    needs to stay (a type not listed is left alone)."""

    add: list[float]
    drop: list[float]
    thresholds: dict[str, tuple[float, float]]


#: The model in use (the fitting script replaces it in process).
MODEL: dict[str, Model | None] = {"model": _load()}


class Layout:
    """Where each block lies against the chosen content (computed once per page)."""

    def __init__(self, state: State) -> None:
        body = state.body
        content = state.content
        self.content_set = set(content)
        #: For each ancestor of a content element (the content excluded): levels down to it.
        self.down: dict[lxml.html.HtmlElement, int] = {}
        for el in content:
            node = el.getparent()
            level = 1
            while node is not None:
                if node in self.content_set:
                    break
                known = self.down.get(node)
                if known is None or level < known:
                    self.down[node] = level
                if node is body:
                    break
                node = node.getparent()
                level += 1
        self.body = body
        self._memo: dict[lxml.html.HtmlElement, tuple[int, int, lxml.html.HtmlElement | None]] = {}

    def where(self, el: lxml.html.HtmlElement) -> tuple[int, int, lxml.html.HtmlElement | None]:
        """(kind, levels up, anchor): kind 1 inside the content (anchor: its content element),
        0 outside (anchor: the common ancestor), -1 holding content or outside ``body``."""
        memo = self._memo
        path = []
        node: lxml.html.HtmlElement | None = el
        while True:
            if node is None:
                result: tuple[int, int, lxml.html.HtmlElement | None] = (-1, 0, None)
                break
            known = memo.get(node)
            if known is not None:
                result = known
                break
            if node in self.content_set:
                result = (1, 0, node)
                break
            if node in self.down:
                result = (-1 if node is el else 0, 0, node)
                break
            path.append(node)
            node = node.getparent()
        kind, up, anchor = result
        for step in reversed(path):
            if kind == 0:
                up += 1
            memo[step] = (kind, up, anchor)
        return memo[el] if path else result


def expand(row: list[float], page_type: str | None) -> list[float]:
    """A block's features (:data:`BASE`) with the page type's (:data:`FEATURES` order)."""
    types = [1.0 if page_type == t else 0.0 for t in PAGE_TYPES]
    len_log = row[BASE.index("len_log")]
    same_kind = row[BASE.index("same_kind")]
    return [*row, *types, *(t * len_log for t in types), *(t * same_kind for t in types)]


def for_type(coef: list[float], page_type: str | None) -> list[float]:
    """Coefficients over :data:`FEATURES` folded into coefficients over :data:`BASE` for one
    page type (the type's terms are constant on a page, or multiply a base feature)."""
    out = list(coef[: len(BASE)])
    if page_type in PAGE_TYPES:
        k = PAGE_TYPES.index(page_type)
        n, m = len(BASE), len(PAGE_TYPES)
        out[0] += coef[n + k]
        out[BASE.index("len_log")] += coef[n + m + k]
        out[BASE.index("same_kind")] += coef[n + 2 * m + k]
    return out


#: The sub-rule that adds the page's other text holders to the blocks (:func:`page_blocks`).
LEAVES = "block-leaves"

_TEXT_PARENTS = lxml.etree.XPath("descendant::text()[normalize-space()]/..")
_INLINE = frozenset(
    """a span b strong em i u s small big font label time abbr cite q mark sup sub code kbd var
    strike del ins bdi bdo data tt dfn samp""".split()  # noqa: SIM905
)

Blocks = list[tuple[lxml.html.HtmlElement, int, int]]


def page_blocks(state: State) -> Blocks:
    """The page's text blocks in document order: the mass's (:attr:`State.blocks`) and, unless
    the sub-rule ``block-leaves`` is off, every other element that holds text of its own (or
    through inline elements: the nearest element that is not inline), outside those blocks and
    furniture, with 10 characters or more (cards, div soup, spans).  Bound: one C pass over
    the text nodes; each element's ancestor chain is walked once in total (memoised)."""
    if LEAVES in state.disabled:
        return state.blocks
    known = {el: (el, length, links) for el, length, links in state.blocks}
    body = state.body
    page = state.page
    # For each element met: the innermost mass block it lies in (itself included), or None;
    # found by walking up from the text's element, each element's answer kept (so every
    # element is walked once), and only for elements that hold text or lie above them.
    within: dict[lxml.html.HtmlElement, lxml.html.HtmlElement | None] = {}
    out: Blocks = []
    seen: set[lxml.html.HtmlElement] = set()
    for parent in _TEXT_PARENTS(body):
        owner = within.get(parent, _UNKNOWN)
        if owner is _UNKNOWN:
            path = []
            walker: lxml.html.HtmlElement | None = parent
            owner = None
            while walker is not None and walker is not body:
                known_owner = within.get(walker, _UNKNOWN)
                if known_owner is not _UNKNOWN:
                    owner = known_owner
                    break
                if walker in known:
                    owner = walker
                    break
                path.append(walker)
                walker = walker.getparent()
            for step in path:
                within[step] = owner
        if owner is not None:
            if owner not in seen:
                seen.add(owner)
                out.append(known[owner])
            continue
        block = parent
        while block.tag in _INLINE and block is not body:
            up = block.getparent()
            if up is None:
                break
            block = up
        if block in seen or not isinstance(block.tag, str):
            continue
        seen.add(block)
        if block is body:
            continue
        length = int(NORM_LEN(block))
        if length < 10 or page.blocked(block):
            continue
        # The tree is unchanged since the scoring: the page's link lengths serve.
        links = sum([page.link_len(a) for a in block.iterdescendants("a")])
        out.append((block, length, links))
    return out


#: A key not looked up yet (None is an answer: in no block).
_UNKNOWN: lxml.html.HtmlElement = lxml.html.HtmlElement()


def features(state: State, blocks: Blocks) -> tuple[list[list[float]], list[int], list[lxml.html.HtmlElement | None]]:
    """Every block's features (rows in :data:`BASE` order), where it lies (1 inside the
    content, 0 outside, -1 not a candidate) and its anchor (content element or common ancestor)."""
    layout = Layout(state)
    where = [layout.where(el) for el, _, _ in blocks]
    n = len(blocks)
    inside_idx = [i for i, w in enumerate(where) if w[0] == 1]
    mass = state.mass
    page_mass = mass.get(state.body, 0.0) or 1.0
    content_mass = sum(mass.get(el, 0.0) for el in state.content) or float(
        sum(length - links for (_, length, links), w in zip(blocks, where, strict=True) if w[0] == 1)
    )
    content_share = min(content_mass / page_mass, 1.0)
    content_len = max(sum(blocks[i][1] for i in inside_idx), 1)
    kinds: set[tuple[str, str, str]] = set()
    parents: set[lxml.html.HtmlElement] = set()
    for i in inside_idx:
        el = blocks[i][0]
        parent = el.getparent()
        if parent is not None:
            parents.add(parent)
            kinds.add((el.tag, parent.tag, parent.get("class") or ""))
    first = inside_idx[0] if inside_idx else n
    last = inside_idx[-1] if inside_idx else -1
    # Distance in blocks to the nearest inside block, both ways.
    dist = [n] * n
    gap = n
    for i in range(n):
        gap = 0 if where[i][0] == 1 else gap + 1
        dist[i] = gap
    gap = n
    for i in range(n - 1, -1, -1):
        gap = 0 if where[i][0] == 1 else gap + 1
        dist[i] = min(dist[i], gap)
    verdict = state.page.verdict
    rows: list[list[float]] = []
    for i, (el, length, links) in enumerate(blocks):
        kind, up, anchor = where[i]
        tag = el.tag
        parent = el.getparent()
        text = _STRING(el) if length < 5000 else ""
        tail = text.rstrip()[-3:]
        chars = max(len(text), 1)
        same_kind = 1.0 if parent is not None and (tag, parent.tag, parent.get("class") or "") in kinds else 0.0
        len_log = math.log1p(length)
        if kind == 0 and anchor is not None:
            down = layout.down.get(anchor, 0)
            lca_mass = mass.get(anchor, 0.0)
            rel = [
                math.log1p(up), math.log1p(down), 1.0 if anchor is state.body else 0.0,
                1.0 if i < first else 0.0, 1.0 if i > last else 0.0, math.log1p(dist[i]),
                1.0 if dist[i] == 1 else 0.0, math.log((lca_mass + 1.0) / (content_mass + 1.0)),
            ]
        else:
            rel = [0.0] * 8
        negative = 1.0 if verdict(el) == NEGATIVE or (parent is not None and verdict(parent) == NEGATIVE) else 0.0
        row = [
            1.0, len_log, links / length if length else 0.0,
            1.0 if tag == "li" else 0.0, 1.0 if tag in ("td", "th") else 0.0, 1.0 if tag in _HEADINGS else 0.0,
            1.0 if tag in ("dd", "dt") else 0.0, 1.0 if tag in ("pre", "blockquote") else 0.0,
            1.0 if tag not in _MASS_TAGS else 0.0,
            1.0 if SENTENCE_END.search(tail) else 0.0, min(100.0 * count_commas(text) / chars, 10.0),
            1.0 if length < 30 else 0.0, i / n, content_share, same_kind,
            1.0 if parent is not None and parent in parents else 0.0,
            *rel, negative, math.log((length + 1.0) / (content_len + 1.0)),
        ]
        rows.append(row)
    return rows, [w[0] for w in where], [w[2] for w in where]


def _probability(coef: list[float], row: list[float]) -> float:
    value = sum(map(operator.mul, coef, row))
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))


def run(state: State) -> None:
    model = MODEL["model"]
    if model is None or not state.content or len(state.blocks) > MAX_BLOCKS:
        return
    limits = model.thresholds.get(state.page_type or "")
    if limits is None:
        return
    add_at, drop_at = limits
    blocks = page_blocks(state)
    if not blocks or len(blocks) > MAX_BLOCKS:
        return
    rows, where, anchors = features(state, blocks)
    add = for_type(model.add, state.page_type)
    drop = for_type(model.drop, state.page_type)
    decide(state, blocks, where, anchors, [
        (_probability(add, row) >= add_at) if w == 0 else
        (_probability(drop, row) >= drop_at) if w == 1 else False
        for row, w in zip(rows, where, strict=True)
    ])


def decide(
    state: State,
    blocks: Blocks,
    where: list[int],
    anchors: list[lxml.html.HtmlElement | None],
    keep: list[bool],
) -> None:
    """Apply the verdicts: outside blocks kept join the content, inside blocks not kept leave
    it; the content stays in document order."""
    dropped: set[lxml.html.HtmlElement] = set()
    out: list[lxml.html.HtmlElement] = []
    emitted: set[lxml.html.HtmlElement] = set()
    pending = list(state.content)
    last_added: lxml.html.HtmlElement | None = None
    changed = False
    for (el, _, _), w, anchor, ok in zip(blocks, where, anchors, keep, strict=True):
        if w == 1 and anchor is not None:
            while anchor not in emitted and pending:
                nxt = pending.pop(0)
                emitted.add(nxt)
                out.append(nxt)
            if not ok:
                dropped.add(el)
        elif w == 0 and ok:
            if last_added is not None and _inside(el, last_added):
                continue
            out.append(el)
            last_added = el
            changed = True
    out.extend(pending)
    for el in dropped:
        changed = True
        if el in emitted:
            out.remove(el)  # a content element that is itself a block
        elif el.getparent() is not None:
            remove(el)
    if changed:
        state.content = out


def _inside(el: lxml.html.HtmlElement, ancestor: lxml.html.HtmlElement) -> bool:
    node = el.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False
