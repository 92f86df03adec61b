"""Rule ``clean-captions`` (stage: cleaning): captions outside ``<figure>``.

An element whose class says ``caption`` becomes a ``<figcaption>`` of the block holding the
picture (made a ``<figure>``) when there is one within two levels, and is dropped otherwise
(unless it is long or holds paragraphs).  Bound: one XPath pass, two levels up per caption.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from articlekit._parsers.html._extract._common import State, remove, text_len

NAME = "clean-captions"

_CAPTION_NAMES = lxml.etree.XPath(
    ".//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
    "[not(self::figure or self::figcaption or ancestor::figcaption)]"
)


def run(state: State, content: lxml.html.HtmlElement) -> None:
    for cap in _CAPTION_NAMES(content):
        if cap.getparent() is None or cap is content:
            continue
        holder = cap.getparent()
        for _ in range(2):
            if holder is None or holder is content or next(holder.iterdescendants("img"), None) is not None:
                break
            holder = holder.getparent()
        if (
            holder is not None
            and holder is not content
            and next(holder.iterdescendants("img"), None) is not None
            and text_len(holder) < 600
        ):
            if holder.tag != "figure":
                holder.tag = "figure"
            cap.tag = "figcaption"
        elif text_len(cap) < 1000 and next(cap.iterdescendants("p"), None) is None:
            remove(cap)
