"""Rule ``mass`` (stage: scoring): where the page's text is, whatever its form.

Every text block -- paragraphs, headings, list items, table cells, definition terms and
descriptions, block quotes, preformatted text -- of at least 10 characters that is not
inside furniture (:meth:`Page.blocked`) adds its non-link text length to every ancestor's
*mass*.  A block holding a paragraph is left to the paragraph (no double count).  Unlike the
paragraph score, the mass counts short and comma-free text (product specs, cards, service
sections): recall recovery compares the chosen content's mass with the page's.
Bound: each block walks its ancestor chain once (the tree parser bounds the depth).
"""

from __future__ import annotations

from articlekit._parsers.html._extract._common import NORM_LEN, State

NAME = "mass"

_BLOCKS = ("p", "pre", "td", "th", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "li")
_CONTAINERS = frozenset(("td", "th", "blockquote", "dd", "li"))


def run(state: State) -> None:
    page = state.page
    mass = state.mass
    body = state.body
    for el in body.iter(*_BLOCKS):
        if el.tag in _CONTAINERS and el.find(".//p") is not None:
            continue
        length = int(NORM_LEN(el))
        if length < 10 or page.blocked(el):
            continue
        links = sum([int(NORM_LEN(a)) for a in el.iter("a")])
        value = max(length - links, 0) + 0.25 * min(links, length)
        node = el.getparent()
        while node is not None:
            mass[node] = mass.get(node, 0.0) + value
            if node is body:
                break
            node = node.getparent()
