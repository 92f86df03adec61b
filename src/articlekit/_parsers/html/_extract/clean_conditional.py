"""Rule ``clean-conditional`` (stage: cleaning, last): readability's conditional cleaning.

A block inside the content (``table ul ol div section dl figure``) holding less than half its
text is dropped when its class weight is negative, or it has more pictures, list items or
form fields than paragraphs, or too many links for its weight.  Innermost blocks first.
When the content is itself mostly links (``link-cards``: a listing's or a collection's grid of
cards whose titles are links), links and pictures do not condemn a block.
Not run on pages recognised as listings or documentation (:data:`SKIP_TYPES`).
Bound: each block's counts are one C walk over its subtree and its lengths C XPath passes
(quadratic only in nesting depth, which the tree parser bounds).
"""

from __future__ import annotations

import lxml.html

from articlekit._parsers.html._extract._common import (
    State,
    class_weight,
    count_commas,
    known_link_density,
    link_density,
    remove,
    text_len,
)
from articlekit._parsers.html._extract._weights import WEIGHTS

NAME = "clean-conditional"

_COUNTED = ("p", "img", "li", "input")

#: Recognised page types the rule leaves alone.  Left off on pages recognised as listings or
#: documentation, the cross-validated word F1 of the WCXB development pages rose on both types
#: in every site fold (listings 0.689 -> 0.707, documentation 0.918 -> 0.922 fold means;
#: overall 0.8359 -> 0.8371, four folds of five up) with the boilerplate kept nearly unchanged
#: (must-not snippets 0.0593 -> 0.0597).  On service pages it cost F1 too but kept twice the
#: boilerplate out, so it stays on there.
SKIP_TYPES = frozenset(("listing", "documentation"))


def _counts(el: lxml.html.HtmlElement) -> dict[str, int]:
    """How many ``p``, ``img``, ``li`` and ``input`` elements *el* holds (one C walk)."""
    counts = dict.fromkeys(_COUNTED, 0)
    for node in el.iterdescendants(*_COUNTED):
        counts[node.tag] += 1
    return counts


def run(state: State, content: lxml.html.HtmlElement) -> None:
    if state.page_type in SKIP_TYPES:
        return
    total = text_len(content)
    cards = "link-cards" not in state.disabled and link_density(content, total) >= WEIGHTS["card_links"]
    # Each link's text is measured once: the blocks are visited innermost first, so whatever
    # is removed inside a link is removed before any block around the link is measured.
    links: dict[lxml.html.HtmlElement, int] = {}
    for el in reversed(list(content.iter("table", "ul", "ol", "div", "section", "dl", "figure"))):
        if el is content or el.getparent() is None:
            continue
        if text_len(el) > 0.5 * total:
            continue  # most of the content: never furniture (measured in C, before the text is built)
        weight = class_weight(el)
        if weight < 0:
            remove(el)  # furniture by its name: its text is not needed
        elif looks_like_furniture(el, " ".join(el.text_content().split()), weight, cards=cards, links=links):
            remove(el)


def _link_density(el: lxml.html.HtmlElement, length: int, links: dict[lxml.html.HtmlElement, int] | None) -> float:
    """:func:`link_density` of *el* (text length *length*), with each link's length kept in *links*."""
    return link_density(el, length) if links is None else known_link_density(el, length, links)


def looks_like_furniture(
    el: lxml.html.HtmlElement,
    text: str,
    weight: float,
    *,
    cards: bool = False,
    links: dict[lxml.html.HtmlElement, int] | None = None,
) -> bool:
    """Readability's conditional cleaning: a block inside the content with more pictures,
    list items or form fields than paragraphs, or too many links for its weight.

    With *cards* (the content is itself mostly links: a grid of link cards, rule
    ``link-cards``) links and pictures do not make a block furniture.  *links*, when given,
    keeps each link's text length between calls (see :func:`run`)."""
    if count_commas(text) >= 10:
        return False  # running text
    is_list = el.tag in ("ul", "ol")
    counts = _counts(el)
    n_p = counts["p"]
    n_img = counts["img"]
    if is_list and n_img >= 2:
        # An image gallery: most items are pictures.
        items = [li for li in el if li.tag == "li"]
        with_img = sum(1 for li in items if next(li.iterdescendants("img"), None) is not None)
        if with_img * 2 >= len(items):
            return True
    density = _link_density(el, len(text), links)
    if cards:
        return counts["input"] > n_p // 3 or (not text and n_img == 0 and el.tag != "table")
    if el.tag == "figure":
        return density > 0.5
    if n_img > 1 and n_p / n_img < 0.5 and len(text) < 200:
        return True
    if not is_list and counts["li"] - 100 > n_p:
        return True
    if counts["input"] > n_p // 3:
        return True
    if not text:
        return n_img == 0 and el.tag != "table"
    if next(el.iterdescendants("blockquote"), None) is not None and density < 0.5:
        return False  # an embedded post or a quotation: content, whatever its links
    if weight < 25 and density > WEIGHTS["clean_links"] and len(text) < 1000:
        return not (is_list and density < 0.5)
    return weight >= 25 and density > 0.5
