"""Rule ``select`` (stage: selection): the best candidate is the article's container.

The eight best raw scores are weighed by ``1 - link density``; the highest wins.  A final
score is never above the raw one, so the search stops as soon as no raw score can win.
Bound: at most eight link-density passes over candidates' subtrees.
"""

from __future__ import annotations

import lxml.html

from articlekit._parsers.html._extract._common import State

NAME = "select"


def run(state: State) -> None:
    if not state.scores or state.whole_body:
        return
    ranked = sorted(state.scores.items(), key=lambda kv: -kv[1])[:8]
    best: lxml.html.HtmlElement | None = None
    best_score = float("-inf")
    for el, raw in ranked:
        if raw <= best_score:
            break  # a final score is never above the raw one: nothing left can win
        final = raw * (1.0 - state.page.link_density(el))
        if final > best_score:
            best, best_score = el, final
    state.best, state.best_score = best, best_score
    if best is not None:
        state.content = [best]
