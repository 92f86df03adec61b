"""Rule ``clean-furniture`` (stage: cleaning, first): drop hidden and furniture-named elements
inside the chosen content.

An element is dropped when it is hidden or its class / id names furniture, unless it wraps an
element that names the article body, or it is a layout wrapper holding most of the page's
text.  Not run on pages recognised as service pages (:data:`SKIP_TYPES`): there it
removed more of the main content than boilerplate.  Bound: one pass over the content's
elements with attributes (the others are plain), each protected chain walked once.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from articlekit._parsers.html._extract._common import HIDDEN, HINT, NEGATIVE, State, remove

NAME = "clean-furniture"

#: Recognised page types the rule leaves alone.  Left off on pages recognised as service
#: pages, the cross-validated word F1 of the WCXB development pages rose in every site fold
#: (0.8359 -> 0.8375 fold mean; service pages 0.763 -> 0.777) while the boilerplate kept hardly
#: moved (must-not snippets 0.0593 -> 0.0595); on the other types the folds disagreed or the
#: rule helped (``benchmarks/results/extract_ablation.md``).
SKIP_TYPES = frozenset(("service",))


# The elements below the content with an attribute: one without any is PLAIN (see
# :meth:`Page.verdict`), so only these are looked at (a C walk picks them out).
_WITH_ATTRIBUTES = lxml.etree.XPath("descendant::*[@*]")


def run(state: State, content: lxml.html.HtmlElement) -> None:
    if state.page_type in SKIP_TYPES:
        return
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
