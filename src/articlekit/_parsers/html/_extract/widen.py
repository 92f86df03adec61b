"""Rule ``widen`` (stage: recall recovery): a chosen container that holds a small share of the
page's text mass grows to the ancestor that holds most of it.

Pages whose content is split into sibling sections (service and landing pages, product
descriptions and specs, long guides) give one section the best paragraph score.  When the
chosen element holds less than ``widen_share`` of the page's text mass (:mod:`.mass`), the
container becomes its nearest ancestor that holds at least that share, unless that ancestor
is mostly links, or (sub-rule ``widen-prose``) the container already holds ``prose_share`` of
the page's running text (an article beside unmarked teasers or comments, not a page of
sections).  Bound: one walk up the container's ancestor chain.
"""

from __future__ import annotations

from articlekit._parsers.html._extract._common import State
from articlekit._parsers.html._extract._weights import WEIGHTS

NAME = "widen"


def run(state: State) -> None:
    best = state.best
    if best is None or not state.mass:
        return
    share = WEIGHTS["widen_share"]
    total = state.mass.get(state.body, 0.0)
    if total <= 0 or state.mass.get(best, 0.0) >= share * total:
        return
    prose = state.prose.get(state.body, 0.0)
    if "widen-prose" not in state.disabled and prose > 0 and state.prose.get(best, 0.0) >= WEIGHTS["prose_share"] * prose:
        return  # the container holds most of the page's running text: an article, not sections
    node = best.getparent()
    while node is not None:
        if state.mass.get(node, 0.0) >= share * total:
            break
        node = node.getparent()
    if node is None or node.tag == "html":
        node = state.body
    if node is best or state.page.link_density(node) > WEIGHTS["widen_max_links"]:
        return
    state.best = node
    state.content = [node]
