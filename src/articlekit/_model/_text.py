"""Plain-text rendering of model nodes: the definition of :attr:`Article.text`.

Nesting is bounded by :data:`articlekit._model.MAX_DEPTH`, so the recursion here
is bounded too.
"""

from __future__ import annotations

from collections.abc import Iterable

from articlekit._model import (
    Block,
    BlockQuote,
    CodeBlock,
    Emphasis,
    Figure,
    Heading,
    Inline,
    InlineCode,
    InlineImage,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Strikethrough,
    Strong,
    Table,
    TableCell,
    Text,
    ThematicBreak,
)

__all__ = ["article_text", "block_text", "inline_text"]


def inline_text(nodes: Iterable[Inline]) -> str:
    """The text of a sequence of inline nodes (markup removed)."""
    parts: list[str] = []
    _inline_parts(nodes, parts)
    return "".join(parts)


def _inline_parts(nodes: Iterable[Inline], out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, InlineCode):
            out.append(node.code)
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, (Emphasis, Strong, Strikethrough, Link)):
            _inline_parts(node.children, out)
        elif isinstance(node, InlineImage):
            pass


def _cells(cells: Iterable[TableCell]) -> str:
    return "\t".join(inline_text(c.children) for c in cells)


def block_text(block: Block) -> str:
    """The text of one block, as :attr:`Article.text` defines it."""
    if isinstance(block, (Paragraph, Heading)):
        return inline_text(block.children)
    if isinstance(block, ListBlock):
        return "\n".join("\n".join(block_text(b) for b in item.blocks) for item in block.items)
    if isinstance(block, BlockQuote):
        return _join(block.blocks)
    if isinstance(block, Figure):
        return inline_text(block.caption)
    if isinstance(block, CodeBlock):
        return block.code
    if isinstance(block, Table):
        lines = [inline_text(block.caption)] if block.caption else []
        lines.extend(_cells(row.cells) for row in (*block.header, *block.rows))
        return "\n".join(lines)
    if isinstance(block, ThematicBreak):
        return ""
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover - the model rejects these


def _join(blocks: Iterable[Block]) -> str:
    return "\n\n".join(t for t in map(block_text, blocks) if t)


def article_text(title: str | None, standfirst: str | None, body: Iterable[Block]) -> str:
    """The text of an article: title, standfirst and blocks joined by blank lines."""
    parts = [p for p in (title, standfirst) if p]
    body_text = _join(body)
    if body_text:
        parts.append(body_text)
    return "\n\n".join(parts)
