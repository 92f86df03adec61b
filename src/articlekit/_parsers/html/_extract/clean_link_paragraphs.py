"""Rule ``clean-link-paragraphs`` (stage: cleaning): paragraphs that are mostly links.

"SEE MORE: ...", "Related: ..." paragraphs (three quarters link text, two links or short) are
not article text; hover cards inside running text (a picture and links) go too.
Bound: one pass over the content's paragraphs and their inline boxes.
"""

from __future__ import annotations

import lxml.html

from articlekit._parsers.html._extract._common import State, link_density, remove

NAME = "clean-link-paragraphs"


def run(state: State, content: lxml.html.HtmlElement) -> None:
    for para in list(content.iter("p")):
        links = para.findall(".//a")
        if not links:
            continue
        # Hover cards inside running text (a picture and links about a linked name).
        # Innermost first: the card goes, the linked name it hangs from stays.
        for box in reversed(list(para.iter("span", "div"))):
            if box.getparent() is not None and box.find(".//img") is not None and link_density(box) > 0.8:
                remove(box)
        links = para.findall(".//a")
        text = " ".join(para.text_content().split())
        if not text:
            continue
        linked = sum(len(" ".join(a.text_content().split())) for a in links)
        if linked >= 0.75 * len(text) and (len(links) >= 2 or len(text) < 150):
            remove(para)
