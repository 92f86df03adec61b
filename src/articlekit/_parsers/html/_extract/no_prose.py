"""Rule ``no-prose`` (stage: selection, first): a page without a paragraph of running text.

When scoring found no candidate, a very short document is its own content (the whole body,
cleaned afterwards), and a page of links and furniture (a home page, a shop) has none.
Bound: two C passes over the body.
"""

from __future__ import annotations

from articlekit._parsers.html._extract._common import State, link_density, text_len

NAME = "no-prose"


def run(state: State) -> None:
    if state.scores:
        return
    body = state.body
    if text_len(body) and link_density(body) < 0.5:
        state.content = [body]
        state.whole_body = True
