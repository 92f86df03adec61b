"""Enrichers: the steps every parser runs on the Article it built (quote extraction).

Data flows one way: input -> parser -> Article -> enrichers -> serialiser.
"""

from __future__ import annotations

import importlib

import attrs

from articlekit.limits import Limits
from articlekit.model import Article, Quote

__all__ = ["enrich"]


def enrich(article: Article, *, quotes: bool = True, limits: Limits | None = None) -> Article:
    """Return *article* with its quotes extracted (unless ``quotes=False``)."""
    if not quotes:
        return article
    try:
        quotes_module = importlib.import_module("articlekit.quotes")
    except ModuleNotFoundError as exc:  # pragma: no cover - until the quote extractor lands
        if exc.name != "articlekit.quotes":
            raise
        return article
    found: tuple[Quote, ...] = quotes_module.extract_quotes(article, limits=limits)
    return attrs.evolve(article, quotes=found)
