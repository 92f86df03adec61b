"""Rules ``strip-code`` and ``strip-wrappers`` (stage: candidates, first and third): remove
what is never article text, with its content.

``strip-code`` removes scripts, styles, form controls, embedded objects and the document's
head; ``strip-wrappers`` then removes the page furniture HTML names as such (``nav``,
``aside``, ``footer``, ``menu``, ``noscript``, ``template``, ``button``, ``dialog``) -- after
:mod:`.keep_wrappers` has renamed those that hold the page's text.  Both run in C
(:func:`lxml.etree.strip_elements`).  Bound: one pass over the tree each, linear in the page.
"""

from __future__ import annotations

import lxml.etree

from articlekit._parsers.html._extract._common import State

CODE = "strip-code"
WRAPPERS_NAME = "strip-wrappers"

# Elements that never hold article text; removed with their content.
NEVER = (
    "script", "style", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "applet", "canvas", "input", "select", "textarea", "option",
    "datalist", "map", "audio", "video", "source", "track", "link", "meta", "head", "title",
)
# Wrappers that are furniture, unless they hold the page's text (see keep_wrappers).
WRAPPERS = ("noscript", "template", "button", "dialog", "nav", "aside", "footer", "menu")


def run_code(state: State) -> None:
    lxml.etree.strip_elements(state.body, *NEVER, with_tail=False)


def run_wrappers(state: State) -> None:
    lxml.etree.strip_elements(state.body, *WRAPPERS, with_tail=False)
