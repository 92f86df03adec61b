"""Rule ``join-siblings`` (stage: recall recovery): siblings that look like more of the article join it.

A sibling of the container joins when its score (plus a fifth of the container's when it has
the same class) reaches ``max(10, 0.2 * best)``, or when it is a ``<p>`` of running text
with few links.  Bound: one pass over the container's siblings.
"""

from __future__ import annotations

import lxml.html

from articlekit._parsers.html._extract._common import SENTENCE_END, Page, State, link_density

NAME = "join-siblings"


def _is_content_sibling(
    sib: lxml.html.HtmlElement,
    threshold: float,
    top: lxml.html.HtmlElement,
    scores: dict[lxml.html.HtmlElement, float],
    page: Page,
) -> bool:
    if not isinstance(sib.tag, str) or page.blocked(sib):
        return False
    bonus = 0.0
    top_class = top.get("class")
    if top_class and sib.get("class") == top_class:
        bonus = scores.get(top, 0.0) * 0.2
    if sib in scores and scores[sib] + bonus >= threshold:
        return True
    if sib.tag == "p":
        text = " ".join(sib.text_content().split())
        density = link_density(sib, len(text))
        if len(text) > 80 and density < 0.25:
            return True
        if 0 < len(text) <= 80 and density == 0 and SENTENCE_END.search(text):
            return True
    return False


def run(state: State) -> None:
    best = state.best
    if best is None:
        return
    parent = best.getparent()
    if parent is None or best.tag in ("body", "html"):
        return
    threshold = max(10.0, state.best_score * 0.2)
    state.content = [
        sib for sib in parent
        if sib is best or _is_content_sibling(sib, threshold, best, state.scores, state.page)
    ]
