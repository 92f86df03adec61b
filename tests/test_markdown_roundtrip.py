"""Round trips: parse_markdown(to_markdown(a)) == markdown_expressible(a), and idempotence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlekit import Article, parse_markdown
from articlekit.model import Paragraph
from articlekit.serializers.markdown import markdown_expressible, to_markdown
from articlekit.testing import articles, blocks, inlines


def _roundtrip(article: Article) -> None:
    written = to_markdown(article)
    parsed = parse_markdown(written, quotes=False)
    expected = markdown_expressible(article)
    assert parsed == expected, written
    assert to_markdown(parsed) == written


@given(articles(with_quotes=False))
def test_articles_round_trip(article):
    _roundtrip(article)


@given(st.lists(blocks(max_leaves=10), min_size=1, max_size=8))
def test_bodies_round_trip(body):
    _roundtrip(Article(title="t", body=body))


@given(st.lists(inlines(max_leaves=12), min_size=1, max_size=6))
def test_paragraph_inlines_round_trip(children):
    _roundtrip(Article(body=[Paragraph(children)]))
