"""Rule ``keep-wrappers`` (stage: candidates, between ``strip-code`` and ``strip-wrappers``):
a furniture wrapper that holds the page's text is layout, not furniture.

A ``noscript``, ``template``, ``button``, ``dialog``, ``nav``, ``aside``, ``footer`` or
``menu`` element that holds more than half of the page's text (and at least 500 characters)
is renamed ``div``, so that it is scored, not stripped: forums that render their posts inside
``<noscript>`` for crawlers, articles that broken markup puts inside ``<nav>`` or ``<aside>``.
Elements that hide what they hold (``hidden``, ``aria-hidden``, ``display: none``) are shown
on the same condition (a script reveals them: React's streaming render,
``<div hidden id="S:0">``).  Bound: one C walk for the wrappers, one per wrapper for its
text length; linear in the page.
"""

from __future__ import annotations

import lxml.etree

from articlekit._parsers.html._extract._common import State, text_len
from articlekit._parsers.html._extract.strip import WRAPPERS

NAME = "keep-wrappers"

# Elements with a hiding attribute (C walks of the attributes: much cheaper than a predicate
# on every element); :func:`_hides` then reads the values.
_HIDING = lxml.etree.XPath("descendant::*/@hidden/.. | descendant::*/@aria-hidden/.. | descendant::*/@style/..")


def _hides(el: lxml.etree._Element) -> bool:
    return el.get("hidden") is not None or el.get("aria-hidden") == "true" or "none" in (el.get("style") or "")


def _major(length: int, page: int) -> bool:
    return length >= 500 and length > 0.5 * page


def run(state: State) -> None:
    body = state.body
    page = text_len(body)
    if page < 500:
        return
    for el in list(body.iter(*WRAPPERS)):
        if _major(text_len(el), page):
            el.tag = "div"
    for el in [el for el in _HIDING(body) if _hides(el)]:
        if _major(text_len(el), page):
            for name in ("hidden", "aria-hidden", "style"):
                el.attrib.pop(name, None)
