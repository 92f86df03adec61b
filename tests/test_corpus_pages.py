"""Every page of both development corpora parses, or raises only an articlekit error.

1,588 real pages (``shared/corpus/wcxb-dev`` and ``scrapinghub-dev``), in chunks so that
pytest-xdist spreads them over the workers.  A corpus that is missing fails the test
(:mod:`corpus`), never makes it smaller.
"""

from __future__ import annotations

import gzip

import pytest

import articlekit
from corpus import corpus_pages

PAGES = corpus_pages("wcxb-dev", 1497) + corpus_pages("scrapinghub-dev", 91)
CHUNKS = 16


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_real_pages_give_an_article_or_an_articlekit_error(chunk: int) -> None:
    foreign = []
    for page in PAGES[chunk::CHUNKS]:
        try:
            article = articlekit.parse_html(gzip.decompress(page.read_bytes()))
        except articlekit.ArticleKitError:
            continue
        except Exception as exc:  # the bug this test exists to find
            foreign.append(f"{page.parent.parent.name}/{page.name}: {type(exc).__name__}: {exc}")
            continue
        assert isinstance(article, articlekit.Article)
    assert foreign == []


def test_the_corpora_are_whole() -> None:
    assert len(PAGES) == 1588
