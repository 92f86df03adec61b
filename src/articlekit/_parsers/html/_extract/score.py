"""Rule ``score`` (stage: scoring): score paragraph-like elements and credit their ancestors.

Every ``p pre td blockquote h2 h3 dd`` of at least 25 characters, and every ``div`` with 25
characters of its own text, scores ``1 + commas + min(length / 100, 3)``; its parent gets the
points, its grandparent half, the next two levels a sixth and a ninth (readability's scheme).
A candidate starts from its tag bonus and class weight.  A paragraph inside furniture
(:meth:`Page.blocked`) credits nothing.  Bound: each paragraph credits at most four
ancestors; the furniture walk is memoised, so linear in the page.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from articlekit._parsers.html._extract._common import TAG_BONUS, State, class_weight, count_commas

NAME = "score"

_PARA_TAGS = ("p", "pre", "td", "blockquote", "h2", "h3", "dd")
# Divs with a text node of their own that is not white space: found from the text nodes
# (``descendant::div/text()[...]/..``), a cheaper walk than a predicate on every div.
_TEXT_DIVS = lxml.etree.XPath("descendant::div/text()[normalize-space()]/..")


def run(state: State) -> None:
    page = state.page
    scores = state.scores

    def credit(el: lxml.html.HtmlElement, points: float) -> None:
        level = 0
        node = el.getparent()
        while node is not None and level < 4:
            if node not in scores:
                scores[node] = TAG_BONUS.get(node.tag, 0.0) + class_weight(node)
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[node] += points / divider
            node = node.getparent()
            level += 1

    body = page.body
    for para in body.iter(*_PARA_TAGS):
        # A paragraph without child elements (most of them) holds its text alone.
        text = (para.text or "") if len(para) == 0 else para.text_content()
        length = len(text.strip())
        if length < 25 or page.blocked(para):
            continue
        points = 1.0 + count_commas(text) + min(length / 100.0, 3.0)
        credit(para, points)
    divs = _TEXT_DIVS(body)
    for div in divs:
        own = (div.text or "") + "".join(child.tail or "" for child in div)
        length = len(own.strip())
        if length < 25 or page.blocked(div):
            continue
        points = 1.0 + count_commas(own) + min(length / 100.0, 3.0)
        # The div is itself a paragraph: its own text credits it and its ancestors.
        if div not in scores:
            scores[div] = TAG_BONUS.get(div.tag, 0.0) + class_weight(div)
        scores[div] += points
        credit(div, points / 2)
