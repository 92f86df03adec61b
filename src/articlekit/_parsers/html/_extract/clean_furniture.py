"""Rule ``clean-furniture`` (stage: cleaning, first): drop hidden and furniture-named elements
inside the chosen content.

An element is dropped when it is hidden or its class / id names furniture, unless it wraps an
element that names the article body, or it is a layout wrapper holding most of the page's
text.  Bound: one pass over the content's elements with attributes (the others are plain), each
protected chain walked once.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from articlekit._parsers.html._extract._common import HIDDEN, HINT, NEGATIVE, State, remove

NAME = "clean-furniture"


# The elements below the content with an attribute: one without any is PLAIN (see
# :meth:`Page.verdict`), so only these are looked at (a C walk picks them out).
_WITH_ATTRIBUTES = lxml.etree.XPath("descendant::*[@*]")


def run(state: State, content: lxml.html.HtmlElement) -> None:
    page = state.page
    doomed: list[lxml.html.HtmlElement] = []
    protected: set[lxml.html.HtmlElement] = set()
    for el in _WITH_ATTRIBUTES(content):
        verdict = page.verdict(el)
        if verdict == HINT:
            node = el.getparent()
            while node is not None and node is not content and node not in protected:
                protected.add(node)
                node = node.getparent()
        elif verdict in (HIDDEN, NEGATIVE):
            doomed.append(el)
    for el in doomed:
        if el in protected or el.getparent() is None:
            continue
        if page.verdict(el) == NEGATIVE and page.is_layout(el):
            continue
        remove(el)
