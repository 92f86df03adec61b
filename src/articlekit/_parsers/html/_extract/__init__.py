"""Main-content extraction: find the article body of a page, drop its boilerplate.

The extractor is an ordered chain of named rules, one module each (the shape of
markdown-it-py's rule chains).  Each rule reads and updates one :class:`State`; the stages
run in this order:

1. **candidates** -- ``strip-code`` (:mod:`.strip`) removes what is never article text,
   :mod:`.keep_wrappers` renames furniture wrappers and shows hidden containers that hold
   most of the page's text, :mod:`.show_panels` shows collapsed tabs, accordions and FAQ
   answers, ``strip-wrappers`` (:mod:`.strip`) removes the other wrappers;
2. **scoring** -- :mod:`.score` scores paragraph-like elements and credits their ancestors;
   :mod:`.mass` measures where the page's text is, whatever its form;
3. **selection** -- :mod:`.no_prose` (a page without running text), :mod:`.select` (the
   best candidate, weighed by link density);
4. **recall recovery** -- :mod:`.join_split` (one component's sections joined at their
   common ancestor), :mod:`.widen` (a container holding a small share of the page's text
   grows to the ancestor holding most of it), :mod:`.learned` (a model fitted on the
   development pages weighs the proposed container against its ancestors, its large children
   and the other best-scored elements, using the recognised page type), :mod:`.blocks` (a
   second fitted model weighs every text block of the page against the chosen content:
   blocks of the same kind outside it join, boilerplate blocks inside it leave);
5. **cleaning** -- run on each chosen element: :mod:`.clean_furniture`,
   :mod:`.clean_product` (product pages only), :mod:`.clean_captions`,
   :mod:`.clean_link_paragraphs`, :mod:`.clean_conditional`;
   then ``warn-short``: a result holding under 15 % of the page's text mass is returned with
   a warning (an empty one gets the parser's own warning), never silently;
6. **blocks** -- after the content became blocks, :mod:`.ui_lines` drops UI labels.

Every rule can be switched off by name (``extract_content(root, disabled={...})``, or
:data:`DISABLED` for the whole process), which the ablation script
(``benchmarks/ablate_extractor.py``) uses to measure what each rule is worth.  Every rule is
linear in the page, or bounded as its docstring says; only paragraphs, their ancestors and
the chosen content are examined in Python.

This follows the published ideas of the readability family (paragraph scores credited to
ancestors, class weights, link density, sibling joining) and of trafilatura (tag semantics,
boilerplate vocabularies), written afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import lxml.html

from articlekit._model import Block
from articlekit._parsers.html._extract import (
    blocks,
    clean_captions,
    clean_conditional,
    clean_furniture,
    clean_link_paragraphs,
    clean_product,
    join_split,
    keep_wrappers,
    learned,
    mass,
    no_prose,
    score,
    select,
    show_panels,
    strip,
    ui_lines,
    widen,
)
from articlekit._parsers.html._extract._common import Page, State, text_len

__all__ = [
    "CLEANING", "DISABLED", "RULES", "SHORT_WARNING", "Rule", "drop_ui_lines", "extract_content", "rule_names",
]


class Rule(NamedTuple):
    """A named rule of a stage."""

    name: str
    stage: str
    run: Callable[[State], None]


class CleaningRule(NamedTuple):
    """A named cleaning rule, run on each chosen element."""

    name: str
    run: Callable[[State, lxml.html.HtmlElement], None]


#: The rules before cleaning, in order.
RULES: tuple[Rule, ...] = (
    Rule(strip.CODE, "candidates", strip.run_code),
    Rule(keep_wrappers.NAME, "candidates", keep_wrappers.run),
    Rule(show_panels.NAME, "candidates", show_panels.run),
    Rule(strip.WRAPPERS_NAME, "candidates", strip.run_wrappers),
    Rule(score.NAME, "scoring", score.run),
    Rule(mass.NAME, "scoring", mass.run),
    Rule(no_prose.NAME, "selection", no_prose.run),
    Rule(select.NAME, "selection", select.run),
    Rule(join_split.NAME, "recovery", join_split.run),
    Rule(widen.NAME, "recovery", widen.run),
    Rule(learned.NAME, "recovery", learned.run),
    Rule(blocks.NAME, "recovery", blocks.run),
)

#: The cleaning rules, in order, run on each chosen element in turn.
CLEANING: tuple[CleaningRule, ...] = (
    CleaningRule(clean_furniture.NAME, clean_furniture.run),
    CleaningRule(clean_product.NAME, clean_product.run),
    CleaningRule(clean_captions.NAME, clean_captions.run),
    CleaningRule(clean_link_paragraphs.NAME, clean_link_paragraphs.run),
    CleaningRule(clean_conditional.NAME, clean_conditional.run),
)

#: Rules switched off for every call that does not pass ``disabled`` (for ablation only).
DISABLED: frozenset[str] = frozenset()


def rule_names() -> list[str]:
    """Every rule's name, in the order the rules run."""
    return [r.name for r in RULES] + [r.name for r in CLEANING] + [ui_lines.NAME, "link-cards", "mass-region", "widen-prose", blocks.LEAVES, SHORT_RESULT]


def extract_content(
    root: lxml.html.HtmlElement,
    *,
    disabled: frozenset[str] | None = None,
    warnings: list[str] | None = None,
    page_type: str | None = None,
) -> list[lxml.html.HtmlElement]:
    """Find the article body in *root* (modified in place) and return its elements, in order.

    The result is a list because an article is sometimes split across sibling
    elements.  An empty list means the page has no article text.  Notes for the
    user are appended to *warnings* when given.  *page_type* is the recognised page type
    (:mod:`.._pagetype`), a feature of the learned scoring.

    >>> import lxml.html
    >>> page = lxml.html.fromstring(
    ...     "<html><body><nav><a href=/>Home</a></nav><div class=story>"
    ...     "<p>First paragraph of the story, long enough to count, with commas, yes.</p>"
    ...     "<p>Second paragraph of the story, also long enough to count as text.</p></div>"
    ...     "<footer>(c) Site</footer></body></html>")
    >>> [el.get("class") for el in extract_content(page)]
    ['story']
    """
    off = DISABLED if disabled is None else disabled
    body = root.find("body")
    if body is None:
        body = root
    state = State(root=root, body=body, page=Page(body), disabled=off, page_type=page_type)
    for rule in RULES:
        if rule.name not in off:
            rule.run(state)
        if state.done:
            break
    for el in state.content:
        for cleaner in CLEANING:
            if cleaner.name not in off:
                cleaner.run(state, el)
    if state.whole_body and not text_len(body):
        state.content = []
    if SHORT_RESULT not in off:
        _check_short(state)
    if warnings is not None:
        warnings.extend(state.warnings)
    return state.content


#: The name of the check that warns about a short result.
SHORT_RESULT = "warn-short"

#: The warning recorded when the body is small against the page's text.
SHORT_WARNING = (
    "the extracted body is short against the page's text ({found} of {total} characters of text "
    "blocks); the page's main content may have been missed"
)


def _check_short(state: State) -> None:
    """Warn when the content holds a small share of the page's text mass (see :mod:`.mass`)."""
    total = state.mass.get(state.body, 0.0)
    if not state.content or total < 1000:
        return  # an empty body has its own warning; a short page is short
    found = sum(text_len(el) for el in state.content)
    if found < 0.15 * total:
        state.warnings.append(SHORT_WARNING.format(found=found, total=int(total)))


def drop_ui_lines(blocks: list[Block], *, disabled: frozenset[str] | None = None) -> list[Block]:
    """The rule ``ui-lines`` (see :mod:`.ui_lines`), unless switched off."""
    off = DISABLED if disabled is None else disabled
    if ui_lines.NAME in off:
        return blocks
    return ui_lines.drop_ui_lines(blocks)
