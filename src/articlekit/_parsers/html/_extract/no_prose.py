"""Rule ``no-prose`` (stage: selection, first): a page without a paragraph of running text.

When scoring found no candidate, a very short document is its own content (the whole body,
cleaned afterwards).  A page of short blocks and links (a shop's grid, a listing of cards)
takes, with the sub-rule ``mass-region``, the smallest element holding ``region_share`` of
the page's text mass (:mod:`.mass`), when the page has any; otherwise it has no content.
Bound: two C passes over the body, and one walk over the massed elements.
"""

from __future__ import annotations

from articlekit._parsers.html._extract._common import State, text_len
from articlekit._parsers.html._extract._weights import WEIGHTS

NAME = "no-prose"


def run(state: State) -> None:
    if state.scores:
        return
    body = state.body
    if text_len(body) and state.page.link_density(body) < 0.5:
        state.content = [body]
        state.whole_body = True
        return
    total = state.mass.get(body, 0.0)
    if "mass-region" in state.disabled or total < 200:
        return
    need = WEIGHTS["region_share"] * total
    region = min(
        (el for el, m in state.mass.items() if m >= need), key=lambda el: state.mass[el], default=None
    )
    if region is not None:
        state.best = region
        state.best_score = 0.0
        state.content = [region]
