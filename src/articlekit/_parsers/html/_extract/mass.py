"""Rule ``mass`` (stage: scoring): where the page's text is, whatever its form.

Every text block -- paragraphs, headings, list items, table cells, definition terms and
descriptions, block quotes, preformatted text -- of at least 10 characters that is not
inside furniture (:meth:`Page.blocked`) adds its non-link text length to every ancestor's
*mass*.  A div's own text outside any child element (div soup) is not counted: counted, it
did not help on held-out folds of the WCXB development pages (``extract_ablation.md``); the
block-level stage finds such text.  A block holding a paragraph is left to the paragraph (no double count).  Unlike the
paragraph score, the mass counts short and comma-free text (product specs, cards, service
sections): recall recovery compares the chosen content's mass with the page's.  The
*prose* mass counts running text only (``<p>`` of 100 characters or more, few links).  The blocks themselves
are kept in document order (:attr:`State.blocks`) for the block-level stage (:mod:`.blocks`).
Bound: one C walk over the blocks; each distinct parent of a block walks its ancestor chain
once (the tree parser bounds the depth).
"""

from __future__ import annotations

import lxml.html

from articlekit._parsers.html._extract._common import NORM_LEN, State

NAME = "mass"

_BLOCKS = ("p", "pre", "td", "th", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "li")
_CONTAINERS = frozenset(("td", "th", "blockquote", "dd", "li"))


def run(state: State) -> None:
    page = state.page
    body = state.body
    # Each block's value goes to its parent first; then every distinct parent walks up once.
    direct: dict[lxml.html.HtmlElement, float] = {}
    prose: dict[lxml.html.HtmlElement, float] = {}
    blocks = state.blocks
    link_len = page.link_len
    for el in body.iter(*_BLOCKS):
        if el.tag in _CONTAINERS and next(el.iterdescendants("p"), None) is not None:
            continue
        length = int(NORM_LEN(el))
        if length < 10 or page.blocked(el):
            continue
        links = sum([link_len(a) for a in el.iterdescendants("a")])
        blocks.append((el, length, links))
        parent = el.getparent()
        if parent is not None:
            direct[parent] = direct.get(parent, 0.0) + max(length - links, 0) + 0.25 * min(links, length)
            if el.tag == "p" and length >= 100 and links < 0.25 * length:
                prose[parent] = prose.get(parent, 0.0) + length
    _propagate(direct, state.mass, body)
    _propagate(prose, state.prose, body)


def _propagate(
    direct: dict[lxml.html.HtmlElement, float],
    out: dict[lxml.html.HtmlElement, float],
    body: lxml.html.HtmlElement,
) -> None:
    for node, value in direct.items():
        walker: lxml.html.HtmlElement | None = node
        while walker is not None:
            out[walker] = out.get(walker, 0.0) + value
            if walker is body:
                break
            walker = walker.getparent()
