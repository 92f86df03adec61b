"""Rule ``ui-lines`` (stage: blocks, after the content became blocks): drop user-interface labels.

Top-level paragraphs under 100 characters that are a page's labels ("Close",
"Advertisement", "Photo: AP", "3 min read") rather than article text.  Bound: one regular
expression match per top-level paragraph.
"""

from __future__ import annotations

import re

from articlekit._model import Block, Paragraph
from articlekit._model._text import inline_text

NAME = "ui-lines"

# Short paragraphs that are a page's user-interface labels, not article text.
_UI_LINE = re.compile(
    r"^(?:close|caption|advert|advertisement|ad|ads|iklan|anzeige|publicidad|publicit\u00e9|"
    r"sponsored|comments?|share|share this\b.{0,40}|more:|image caption|loading\W*|"
    r"this slideshow requires javascript\W*|tell us what you think\W*|"
    r"(?:photo|image|picture|foto|credit|source)s?\s*(?::|by\b)\s*[^.!?]{0,60}|"
    r"filed under:.{0,60}|.{0,30}\b\d{1,3}\s*min(?:ute)?s?\s+read|skip to (?:content|main content)|"
    r"(?:click|tap) here\b.{0,40}|advertisement\s*-\s*continue reading below|"
    r"getty images|ap photo|shutterstock|istock(?:photo)?)$",
    re.IGNORECASE,
)


def drop_ui_lines(blocks: list[Block]) -> list[Block]:
    """Drop top-level paragraphs that are user-interface labels ("Close", "Advertisement",
    "Photo: AP", "3 min read") rather than article text.

    >>> from articlekit._model import Paragraph, Text
    >>> [b.children[0].text for b in drop_ui_lines([Paragraph([Text("Advertisement")]), Paragraph([Text("Hi.")])])]
    ['Hi.']
    """
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = inline_text(block.children).strip()
            if len(text) < 100 and _UI_LINE.match(text):
                continue
        out.append(block)
    return out
