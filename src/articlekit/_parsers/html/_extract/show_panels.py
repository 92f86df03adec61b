"""Rule ``show-panels`` (stage: candidates, after ``keep-wrappers``): a collapsed tab,
accordion or FAQ answer is content, not hidden furniture.

Shops hide a product's description and specifications in tabs, documentation hides the
other languages of a code sample in tab panels, category and service pages fold their guides
and FAQ answers into accordions: the text is in the page, hidden (``hidden``,
``aria-hidden="true"``, ``display: none`` or ``visibility: hidden``) until a click shows it.
A hidden element is shown (its hiding attributes removed, so that scoring and cleaning treat
it as visible) when it is marked as such a panel:

- its ``role`` is ``tabpanel`` or ``region``, or it has ``aria-labelledby`` (a panel labelled
  by the button that opens it), or
- a word of its class or id (split on anything but letters and digits) is one of
  :data:`PANEL_WORDS` (``accordion__content``, ``faq-answer``, ``tab-pane``, ``collapse``);

and it is not furniture: no furniture ``role`` (``dialog``, ``navigation``, ``menu`` ...),
no furniture word in its class or id (``modal``, ``popup``, ``menu``, ``nav`` ... -- see
:func:`._common.is_negative`).  Other hidden elements (menus, pop-ups, mobile copies) stay
hidden.

Measured on the WCXB development pages (development pages), each fold scored with the models
fitted on the other four (``benchmarks/ablate_extractor.py --cv``), the rule switched off
against on: word F1 0.8428 -> 0.8462, no fold down (product pages 0.616 -> 0.632, collections
0.631 -> 0.646, listings 0.726 -> 0.736, documentation 0.925 -> 0.935), the boilerplate
snippets kept and the Scrapinghub development pages unchanged.

Bound: three C walks for the hiding attributes (as :mod:`.keep_wrappers`), then constant
work per hidden element.
"""

from __future__ import annotations

import lxml.etree

from articlekit._parsers.html._extract._common import (
    FURNITURE_ROLES,
    HIDDEN_STYLE,
    HIDING,
    SPLIT_NAMES,
    State,
    is_negative,
)

NAME = "show-panels"

#: Class / id words that name a collapsible panel.
PANEL_WORDS = frozenset(
    """collapse collapsible collapsed accordion tab tabs tabpanel panel faq answer expander
    expandable details description desc spec specs specification specifications content""".split()  # noqa: SIM905
)
#: Roles of a panel.
PANEL_ROLES = frozenset(("tabpanel", "region"))


def _hidden_style(el: lxml.etree._Element) -> bool:
    style = el.get("style")
    return style is not None and HIDDEN_STYLE.search(style) is not None


def is_panel(el: lxml.etree._Element) -> bool:
    """Whether the hidden element *el* is a collapsed panel of content (see the module)."""
    role = el.get("role")
    if role in FURNITURE_ROLES:
        return False
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if is_negative(names):
        return False
    if role in PANEL_ROLES or el.get("aria-labelledby") is not None:
        return True
    return not PANEL_WORDS.isdisjoint(SPLIT_NAMES.split(names.lower()))


def run(state: State) -> None:
    seen: set[lxml.etree._Element] = set()
    for path in HIDING:
        for el in path(state.body):
            if el in seen:
                continue
            seen.add(el)
            hidden_style = _hidden_style(el)
            if el.get("hidden") is None and el.get("aria-hidden") != "true" and not hidden_style:
                continue
            if not is_panel(el):
                continue
            el.attrib.pop("hidden", None)
            if el.get("aria-hidden") == "true":
                del el.attrib["aria-hidden"]
            if hidden_style:
                del el.attrib["style"]
