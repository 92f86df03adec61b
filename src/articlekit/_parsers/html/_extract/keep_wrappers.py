"""Rule ``keep-wrappers`` (stage: candidates, between ``strip-code`` and ``strip-wrappers``):
a furniture wrapper that holds the page's text is layout, not furniture.

A ``noscript``, ``template``, ``button``, ``dialog``, ``nav``, ``aside``, ``footer`` or
``menu`` element that holds more than half of the page's text (and at least 500 characters)
is renamed ``div``, so that it is scored, not stripped: forums that render their posts inside
``<noscript>`` for crawlers, articles that broken markup puts inside ``<nav>`` or ``<aside>``.
Not on pages recognised as product pages (:data:`WRAPPER_SKIP_TYPES`), whose wrappers
holding most of the text are mega-menus and mega-footers.  Elements that hide what they hold
(``hidden``, ``aria-hidden``, ``display: none``) are shown on the same condition (a script reveals them: React's streaming render,
``<div hidden id="S:0">``).  Bound: one C walk for the wrappers, three for the hiding attributes, one per
wrapper for its text length; linear in the page.
"""

from __future__ import annotations

import lxml.etree

from articlekit._parsers.html._extract._common import HIDING, State, text_len
from articlekit._parsers.html._extract.strip import WRAPPERS

NAME = "keep-wrappers"

#: Recognised page types on which furniture wrappers are never renamed (hidden containers are
#: still shown): a shop's page holds little text of its own, and the wrapper holding most of
#: its text is a mega-menu or a mega-footer.
#: Measured on the WCXB development pages, each fold scored with the models (of the chain
#: before this change) fitted on the other four (development pages): word F1 0.8445 -> 0.8465,
#: product pages 0.610 -> 0.626, no fold down, boilerplate snippets kept 0.0576 -> 0.0575.
#: Most of the gain is from one shop's pages whose whole text is its footer (their main
#: content is empty); also skipping listings and collections, or service pages, moved single
#: pages, one fold down.
WRAPPER_SKIP_TYPES = frozenset(("product",))

def _hides(el: lxml.etree._Element) -> bool:
    return el.get("hidden") is not None or el.get("aria-hidden") == "true" or "none" in (el.get("style") or "")


def _major(length: int, page: int) -> bool:
    return length >= 500 and length > 0.5 * page


def run(state: State) -> None:
    body = state.body
    # The page's length is measured only when an element could hold half of it: an element
    # never holds more text than the page, so with none of 500 characters nothing changes.
    wrappers = (
        []
        if state.page_type in WRAPPER_SKIP_TYPES
        else [(el, length) for el in body.iter(*WRAPPERS) if (length := text_len(el)) >= 500]
    )
    seen: set[lxml.etree._Element] = set()
    hiding = []
    for path in HIDING:
        for el in path(body):
            if el not in seen and _hides(el):
                seen.add(el)
                length = text_len(el)
                if length >= 500:
                    hiding.append((el, length))
    if not wrappers and not hiding:
        return
    page = text_len(body)
    if page < 500:
        return
    for el, length in wrappers:
        if _major(length, page):
            el.tag = "div"
    for el, length in hiding:
        if _major(length, page):
            for name in ("hidden", "aria-hidden", "style"):
                el.attrib.pop(name, None)
