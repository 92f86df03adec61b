"""Plain-text fixtures of many shapes, each with the structure it must parse to.

Each ``tests/fixtures/text/shapes/NAME.txt`` has a ``NAME.expected.json``:
the title, standfirst, authors, credits, dates, warnings and the body as a
list of ``[kind, ...]`` entries (see :func:`summarise`), and optionally
``"absent"``: strings that must not appear anywhere in the article's text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from articlekit import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    ThematicBreak,
    parse_text,
)
from articlekit._model._text import block_text, inline_text

SHAPES = Path(__file__).parent / "fixtures" / "text" / "shapes"
CASES = sorted(SHAPES.glob("*.txt"))


def _block(block: Block) -> list[Any]:
    if isinstance(block, Heading):
        return ["heading", block.level, inline_text(block.children)]
    if isinstance(block, Paragraph):
        return ["paragraph", inline_text(block.children)]
    if isinstance(block, ListBlock):
        items = [[_block(b) for b in item.blocks] for item in block.items]
        flat = [i[0][1] if len(i) == 1 and i[0][0] == "paragraph" else i for i in items]
        return ["ordered", block.start, flat] if block.ordered else ["list", flat]
    if isinstance(block, BlockQuote):
        return ["quote", [_block(b) for b in block.blocks]]
    if isinstance(block, ThematicBreak):
        return ["break"]
    assert isinstance(block, (Figure, Table, CodeBlock))
    return [type(block).__name__.lower(), block_text(block)]


def summarise(article: Article) -> dict[str, Any]:
    """The parts of an Article a fixture asserts, as JSON-ready data."""
    return {
        "title": article.title,
        "standfirst": article.standfirst,
        "authors": [[p.name, p.role] if p.role else p.name for p in article.authors],
        "credits": list(article.credits),
        "published": article.published.isoformat() if article.published else None,
        "modified": article.modified.isoformat() if article.modified else None,
        "encoding": article.encoding,
        "warnings": list(article.warnings),
        "body": [_block(b) for b in article.body],
    }


def test_there_are_at_least_twenty_shapes():
    assert len(CASES) >= 20
    assert all(p.with_suffix(".expected.json").exists() for p in CASES)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_shape(path: Path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    absent = expected.pop("absent", [])
    article = parse_text(path.read_bytes(), quotes=False)
    assert summarise(article) == expected
    for text in absent:
        assert text not in article.text
        assert text != article.title
