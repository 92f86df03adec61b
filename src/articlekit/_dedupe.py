"""Repeated content: one de-duplication rule for the text, HTML and Markdown parsers.

Scraped pages and copy-pasted text often print things twice: the headline
again at the top of the body (an ``<h1>`` inside the article, a dump that
repeats the page header), the lede again under it, or a whole paragraph
twice.  The rule, the same for every parser:

1. A body paragraph or heading whose text is the **title** or the
   **standfirst** is a repeat and is dropped, wherever it stands.
2. A paragraph whose text is an **earlier paragraph's** is a repeat and is
   dropped, when it has at least :data:`MIN_REPEAT_CHARS` characters.  Short
   paragraphs ("Yes.", "Thank you.") legitimately recur in transcripts and
   interviews; a long one printed twice is a scraping accident.

Texts are compared by :func:`dedupe_key`: case, white space, invisible
characters, quote and dash styles and Unicode compatibility forms do not
matter.  Only top-level paragraphs and headings are examined; lists, block
quotes, tables, figures and code are left alone.  A text whose key appears
once among the title, the standfirst and the body is never removed, and the
first copy of a repeated paragraph is the one kept.

Two entry points work on the same rule: :func:`dedupe_blocks` on model
blocks, :func:`repeated` (and :func:`dedupe_texts`) on plain strings, for a
parser that decides before it builds blocks.

>>> from articlekit import Heading, Paragraph, Text
>>> body = [Heading(1, [Text("Big News")]), Paragraph([Text("Lede.")]), Paragraph([Text("Body.")])]
>>> [type(b).__name__ for b in dedupe_blocks(body, title="Big  news", standfirst="Lede.")]
['Paragraph']
>>> dedupe_texts(["A paragraph long enough to count as a repeat.", "Other.",
...               "A paragraph long enough to count as a repeat."])
['A paragraph long enough to count as a repeat.', 'Other.']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from articlekit._errors import ValidationError
from articlekit._model import Block, Heading, Paragraph
from articlekit._model._text import inline_text
from articlekit._textutil import _INVISIBLE

__all__ = ["MIN_REPEAT_CHARS", "dedupe_blocks", "dedupe_key", "dedupe_texts", "repeated"]

#: A paragraph repeating an earlier one is dropped only when its key is at least this long.
MIN_REPEAT_CHARS = 40

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:!?])")


def dedupe_key(text: str) -> str:
    """The key two texts are compared by when looking for repeats.

    >>> dedupe_key("  \u201cNo New Talks\u201d \u2013 Kremlin\\n") == dedupe_key('"no new talks" - KREMLIN')
    True
    """
    # Parsers hand in clean text (no control characters), so folding white space and
    # dropping invisible characters is all the cleaning needed here.
    key = unicodedata.normalize("NFKC", " ".join(_INVISIBLE.sub("", text).split()))
    key = key.casefold().translate(_QUOTES)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", key) if " " in key else key


def repeated(
    texts: Sequence[str],
    *,
    title: str | None = None,
    standfirst: str | None = None,
    headings: Sequence[bool] | None = None,
) -> list[bool]:
    """For each of *texts*, whether it is a repeat that the rule drops.

    :param texts: the texts of the body's top-level blocks, in order (give
        ``""`` for a block the rule should not examine: it is never a repeat).
    :param headings: for each text, whether it is a heading (headings repeat
        only the title or standfirst, never each other); all paragraphs if omitted.

    >>> repeated(["Title", "Lede.", "Title"], title="Title")
    [True, False, True]
    """
    if headings is not None and len(headings) != len(texts):
        raise ValidationError("repeated(): headings must have one flag per text")
    top = {dedupe_key(t) for t in (title, standfirst) if t}
    top.discard("")
    seen: set[str] = set()
    out: list[bool] = []
    for i, text in enumerate(texts):
        key = dedupe_key(text) if text else ""
        if not key:
            out.append(False)
            continue
        if key in top:
            out.append(True)
            continue
        if headings is not None and headings[i]:
            out.append(False)
            continue
        out.append(key in seen and len(key) >= MIN_REPEAT_CHARS)
        seen.add(key)
    return out


def dedupe_texts(
    texts: Sequence[str], *, title: str | None = None, standfirst: str | None = None
) -> list[str]:
    """*texts* (paragraphs) without the repeats the rule drops, first copies kept."""
    flags = repeated(texts, title=title, standfirst=standfirst)
    return [t for t, rep in zip(texts, flags, strict=True) if not rep]


def dedupe_blocks(
    blocks: Sequence[Block], *, title: str | None = None, standfirst: str | None = None
) -> tuple[Block, ...]:
    """*blocks* without repeated paragraphs and headings (see the module's rule)."""
    texts = [inline_text(b.children) if isinstance(b, (Paragraph, Heading)) else "" for b in blocks]
    heads = [isinstance(b, Heading) for b in blocks]
    flags = repeated(texts, title=title, standfirst=standfirst, headings=heads)
    return tuple(b for b, rep in zip(blocks, flags, strict=True) if not rep)
