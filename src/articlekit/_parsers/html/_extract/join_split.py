"""Rule ``join-split`` (stage: recall recovery): an article split into sections by one component.

An article split into sections (between figures, pull quotes, ads) is rendered by one
component: elements of the best one's tag and class that hold good text too.  Their lowest
common ancestor is then the article's container (never ``body`` or ``html``).
Bound: one pass over the candidates, one ancestor chain per cousin.
"""

from __future__ import annotations

from articlekit._parsers.html._extract._common import State, ancestors

NAME = "join-split"


def run(state: State) -> None:
    best = state.best
    if best is None:
        return
    cls = best.get("class")
    if not cls:
        return
    threshold = max(10.0, state.best_score * 0.15)
    cousins = [
        el for el, score in state.scores.items()
        if el is not best and score >= threshold and el.tag == best.tag and el.get("class") == cls
    ]
    if not cousins:
        return
    common = ancestors(best)
    for el in cousins:
        chain = set(ancestors(el))
        while common and common[0] not in chain:
            common.pop(0)
    if not common or common[0].tag in ("body", "html"):
        return
    state.best = common[0]
    state.content = [common[0]]
