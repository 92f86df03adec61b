"""Enrichers: the steps every parser runs on the Article it built (quote extraction).

Data flows one way: input -> parser -> Article -> enrichers -> serialiser.
"""

from __future__ import annotations

import attrs

from articlekit._limits import Limits
from articlekit._model import Article

__all__ = ["enrich"]


def enrich(article: Article, *, quotes: bool = True, limits: Limits | None = None) -> Article:
    """Return *article* with its quotes extracted (unless ``quotes=False``)."""
    if not quotes:
        return article
    from articlekit._quotes import extract_quotes

    return attrs.evolve(article, quotes=extract_quotes(article, limits=limits))
