"""Plain-text rendering of model nodes: the definition of :attr:`Article.text`.

It reads the nodes alone (:mod:`articlekit._model._nodes`), never the Article,
so the Article can use it.  Two tables say what each node class contributes:
:data:`_INLINE_TEXT` (the pieces of an inline's text) and :data:`_BLOCK_TEXT`
(the text of a block); a new node kind needs an entry in the table of its
category, and ``tests/test_architecture_writers.py`` fails until it has one.

Nesting is bounded by :data:`articlekit._model.MAX_DEPTH`, so the recursion here
is bounded too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from articlekit._model._dispatch import NodeTable, block_rule, inline_rule
from articlekit._model._nodes import (
    BLOCK_TYPES,
    INLINE_TYPES,
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
    table = _INLINE_TEXT
    for node in nodes:
        table[type(node)](node, parts)
    return "".join(parts)


# ----- inlines: each appends its pieces of text to *out*


def _text(node: Text, out: list[str]) -> None:
    out.append(node.text)


def _code(node: InlineCode, out: list[str]) -> None:
    out.append(node.code)


def _line_break(node: LineBreak, out: list[str]) -> None:
    out.append("\n")


def _nothing(node: InlineImage, out: list[str]) -> None:
    """An inline image adds no text (Article.text's definition)."""


def _children(node: Emphasis | Strong | Strikethrough | Link, out: list[str]) -> None:
    table = _INLINE_TEXT  # dispatched here, not through inline_text: one frame a level
    for child in node.children:
        table[type(child)](child, out)


#: Inline class -> its pieces of :attr:`Article.text`.
_INLINE_TEXT: NodeTable[Inline, Callable[[Inline, list[str]], None]] = NodeTable(
    INLINE_TYPES,
    [
        inline_rule(Text, _text),
        inline_rule(Emphasis, _children),
        inline_rule(Strong, _children),
        inline_rule(Strikethrough, _children),
        inline_rule(InlineCode, _code),
        inline_rule(Link, _children),
        inline_rule(LineBreak, _line_break),
        inline_rule(InlineImage, _nothing),
    ],
)


# ----- blocks: each returns its text


def _cells(cells: Iterable[TableCell]) -> str:
    return "\t".join(inline_text(c.children) for c in cells)


def block_text(block: Block) -> str:
    """The text of one block, as :attr:`Article.text` defines it."""
    return _BLOCK_TEXT[type(block)](block)


def _holder(block: Paragraph | Heading) -> str:
    return inline_text(block.children)


def _list(block: ListBlock) -> str:
    # Loops that dispatch themselves (no generator, no block_text call): a nested list costs
    # one frame, which keeps the deepest article within a low recursion limit.
    table = _BLOCK_TEXT
    items: list[str] = []
    for item in block.items:
        texts: list[str] = []
        for child in item.blocks:
            texts.append(table[type(child)](child))  # noqa: PERF401 (a comprehension is a frame)
        items.append("\n".join(texts))
    return "\n".join(items)


def _block_quote(block: BlockQuote) -> str:
    return _join(block.blocks)


def _figure(block: Figure) -> str:
    return inline_text(block.caption)


def _code_block(block: CodeBlock) -> str:
    return block.code


def _table(block: Table) -> str:
    lines = [inline_text(block.caption)] if block.caption else []
    lines.extend(_cells(row.cells) for row in (*block.header, *block.rows))
    return "\n".join(lines)


def _thematic_break(block: ThematicBreak) -> str:
    return ""


#: Block class -> its text.
_BLOCK_TEXT: NodeTable[Block, Callable[[Block], str]] = NodeTable(
    BLOCK_TYPES,
    [
        block_rule(Heading, _holder),
        block_rule(Paragraph, _holder),
        block_rule(ListBlock, _list),
        block_rule(BlockQuote, _block_quote),
        block_rule(Figure, _figure),
        block_rule(Table, _table),
        block_rule(CodeBlock, _code_block),
        block_rule(ThematicBreak, _thematic_break),
    ],
)


def _join(blocks: Iterable[Block]) -> str:
    """The non-empty texts of *blocks*, joined by blank lines."""
    table = _BLOCK_TEXT
    texts: list[str] = []
    for block in blocks:
        text = table[type(block)](block)
        if text:
            texts.append(text)
    return "\n\n".join(texts)


def article_text(title: str | None, standfirst: str | None, body: Iterable[Block]) -> str:
    """The text of an article: title, standfirst and blocks joined by blank lines."""
    parts = [p for p in (title, standfirst) if p]
    body_text = _join(body)
    if body_text:
        parts.append(body_text)
    return "\n\n".join(parts)
