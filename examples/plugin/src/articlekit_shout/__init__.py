"""An example third-party serialiser: the headline and who said what, in capitals."""

from __future__ import annotations

from typing import Any

from articlekit import Article


def to_shout(article: Article, **options: Any) -> str:
    """Write the title, then one line per attributed quote, upper-cased."""
    lines = [(article.title or "UNTITLED").upper()]
    lines.extend(
        f"{quote.speaker.name.upper()}: {quote.text.upper()}"
        for quote in article.quotes
        if quote.speaker is not None and quote.kind != "indirect"
    )
    return "\n".join(lines)
