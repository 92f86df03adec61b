"""Rule ``strip`` (stage: candidates, first): remove what is never article text, with its content.

Scripts, styles, form controls, embedded objects and the page furniture HTML names as such
(``nav``, ``aside``, ``footer``, ``menu``) are removed in C by
:func:`lxml.etree.strip_elements`.  Bound: one pass over the tree, linear in the page.
"""

from __future__ import annotations

import lxml.etree

from articlekit._parsers.html._extract._common import State

NAME = "strip"

# Elements that never hold article text; removed with their content.
STRIP = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "applet", "canvas", "button", "input", "select", "textarea", "option",
    "datalist", "dialog", "map", "audio", "video", "source", "track", "nav", "aside", "footer",
    "menu", "link", "meta", "head", "title",
)


def run(state: State) -> None:
    lxml.etree.strip_elements(state.body, *STRIP, with_tail=False)
