"""Enrichers: the steps every parser runs on the Article it built (quote extraction).

Data flows one way: input -> parser -> Article -> enrichers -> serialiser.
"""

from __future__ import annotations

import attrs

from articlekit._limits import Limits
from articlekit._model import Article

__all__ = ["enrich"]


def enrich(article: Article, *, quotes: bool = True, limits: Limits | None = None) -> Article:
    """Return *article* with its quotes extracted (unless ``quotes=False``).

    Quotations skipped for ``limits.max_quote_chars`` and quotes cut at
    ``limits.max_quotes`` are said so in the warnings (or raise
    :class:`~articlekit.ResourceLimitError` with ``limits.strict``).
    """
    if not quotes:
        return article
    from articlekit._quotes import extract_quotes_and_cut

    found, said = extract_quotes_and_cut(article, limits=limits or Limits())
    if said:
        return attrs.evolve(article, quotes=found, warnings=(*article.warnings, *said))
    return attrs.evolve(article, quotes=found)
