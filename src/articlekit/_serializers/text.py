"""Plain text: :func:`to_text` writes an Article the way a person would type it.

The layout, every part optional:

* the **title**, underlined with ``=``;
* the **standfirst**, as a paragraph;
* a **byline** (``By Jane Doe and John Smith, Reuters``: authors, then
  credited organisations) and **date lines** (``Published: 23 May 2025,
  10:30 UTC+03:00``, ``Updated: ...``);
* the **body**: paragraphs separated by blank lines (a hard line break stays
  a line break), headings underlined with ``-``, list items with ``-`` or
  ``1.`` and nested items indented, block quotes prefixed with ``>``, code
  indented by four spaces, tables as aligned columns, figures as
  ``[Image: caption — credit]`` and thematic breaks as ``* * *``.

Inline markup is dropped: emphasis shows as its text, a link as its text
(as in :attr:`Article.text`).  White space inside a paragraph is folded to
single spaces.  With ``width``, paragraphs, list items and quotes are wrapped
to that many columns (long words and URLs are not broken); the title,
headings, code and tables are never wrapped.

:func:`articlekit.parse_text` reads this layout back: the title, standfirst,
byline, dates, headings, lists and quotes are recognised (see the user guide
for which articles come back exactly).

Each node class is laid out by its entry in :data:`_BLOCKS` or :data:`_INLINES`
(``{node class: handler}``, see :mod:`articlekit._model._dispatch`); a new node
kind needs an entry in the table of its category.

>>> from articlekit import Article, Heading, Paragraph, Person, Text, to_text
>>> print(to_text(Article(title="Hello", authors=[Person("Jane Doe")],
...                       body=[Heading(2, [Text("Part one")]), Paragraph([Text("Hi  there.")])])), end="")
Hello
=====
<BLANKLINE>
By Jane Doe
<BLANKLINE>
Part one
--------
<BLANKLINE>
Hi there.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime

from articlekit._errors import ValidationError
from articlekit._model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    Article,
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
from articlekit._model._dispatch import NodeTable, block_rule, inline_rule
from articlekit._syntax import reads_as_markup

__all__ = ["to_text"]

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _fold(text: str) -> str:
    return " ".join(text.split())


def _width(text: str) -> int:
    """Columns *text* takes in a terminal: wide East Asian characters count two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def _inline_lines(nodes: Iterable[Inline]) -> list[str]:
    """The text of inline nodes split at hard line breaks, white space folded, blank lines dropped."""
    lines: list[list[str]] = [[]]
    # Nesting is bounded by the model (MAX_DEPTH), so an explicit stack stays small.
    stack: list[Iterator[Inline]] = [iter(nodes)]
    table = _INLINES
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        table[type(node)](node, lines, stack)
    return [folded for parts in lines if (folded := _fold("".join(parts)))]


# ----- inlines: each adds to the current line, starts a line, or pushes its children


def _text(node: Text, lines: list[list[str]], stack: list[Iterator[Inline]]) -> None:
    lines[-1].append(node.text)


def _code(node: InlineCode, lines: list[list[str]], stack: list[Iterator[Inline]]) -> None:
    lines[-1].append(node.code)


def _line_break(node: LineBreak, lines: list[list[str]], stack: list[Iterator[Inline]]) -> None:
    lines.append([])


def _children(
    node: Emphasis | Strong | Strikethrough | Link, lines: list[list[str]], stack: list[Iterator[Inline]]
) -> None:
    stack.append(iter(node.children))  # markup dropped: its text only


def _image(node: InlineImage, lines: list[list[str]], stack: list[Iterator[Inline]]) -> None:
    pass  # an inline image has no text (as in Article.text)


#: Inline class -> what it adds to the lines of a paragraph.
_INLINES: NodeTable[Inline, Callable[[Inline, list[list[str]], list[Iterator[Inline]]], None]] = NodeTable(
    INLINE_TYPES,
    [
        inline_rule(Text, _text),
        inline_rule(Emphasis, _children),
        inline_rule(Strong, _children),
        inline_rule(Strikethrough, _children),
        inline_rule(InlineCode, _code),
        inline_rule(Link, _children),
        inline_rule(LineBreak, _line_break),
        inline_rule(InlineImage, _image),
    ],
)


def _wrap(line: str, width: int | None, indent: int = 0) -> list[str]:
    """Greedy word wrap that never starts a line with what parse_text reads as markup.

    Words are never broken.  Where a line would start with a list marker, ``>``, a
    rule or a speaker label, the break moves one word earlier; when that line too
    would read as markup, the word stays on the line before, even past *width*.
    """
    if width is None or _width(line) + indent <= width:
        return [line]
    limit = max(1, width - indent)
    words = line.split()
    if not words:
        return [line]
    sizes = [_width(w) for w in words]
    count = len(words)

    def fill(first: int) -> int:  # the end of a greedy line that starts at word *first*
        end, used = first + 1, sizes[first]
        while end < count and used + 1 + sizes[end] <= limit:
            used += 1 + sizes[end]
            end += 1
        return end

    def markup_at(first: int) -> tuple[bool, int]:  # would a line from word *first* read as markup?
        end = fill(first)
        return reads_as_markup(" ".join(words[first:end])), end

    out: list[str] = []
    start, end = 0, fill(0)
    while end < count:
        bad, following = markup_at(end)
        if bad:
            # No break here: the next line would read as markup ("29. Most of ...").  Break a
            # word earlier if that line reads as prose ("Sept. 29. Most ..."), else overflow.
            earlier = end - 1
            bad_earlier, earlier_end = markup_at(earlier) if earlier > start else (True, 0)
            if not bad_earlier:
                out.append(" ".join(words[start:earlier]))
                start, end = earlier, earlier_end
            else:
                end += 1
            continue
        out.append(" ".join(words[start:end]))
        start, end = end, following
    out.append(" ".join(words[start:end]))
    return out


def _underline(line: str, char: str) -> list[str]:
    return [line, char * max(3, _width(line))]


def _date(label: str, moment: datetime) -> str:
    text = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year:04d}"
    offset = moment.utcoffset()
    if (moment.hour, moment.minute, moment.second) != (0, 0, 0) or offset:
        text += f", {moment.hour:02d}:{moment.minute:02d}"
        if moment.second:
            text += f":{moment.second:02d}"
        if not offset:
            text += " UTC"
        else:
            minutes = int(offset.total_seconds()) // 60
            sign = "+" if minutes >= 0 else "-"
            text += f" UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{label}: {text}"


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _cell(cell: TableCell) -> str:
    return " ".join(_inline_lines(cell.children))


def _table(table: Table) -> list[str]:
    rows = [[_cell(c) for c in row.cells] for row in (*table.header, *table.rows)]
    columns = max((len(r) for r in rows), default=0)
    widths = [max((_width(r[i]) for r in rows if i < len(r)), default=0) for i in range(columns)]

    def line(row: list[str]) -> str:
        cells = [c + " " * (widths[i] - _width(c)) for i, c in enumerate(row)]
        return " | ".join(cells).rstrip()

    out = [" ".join(_inline_lines(table.caption))] if table.caption else []
    out += [line(r) for r in rows[: len(table.header)]]
    if table.header and table.rows:
        out.append("-+-".join("-" * max(1, w) for w in widths))
    out += [line(r) for r in rows[len(table.header) :]]
    return [o for o in out if o.strip()]


# ----- blocks: each gives its lines (without a trailing blank line), wrapped to *width*
# where it wraps, *indent* columns in.  A container dispatches its children itself, so a
# nesting level costs one or two frames; recursion is bounded by MAX_DEPTH.


def _paragraph(block: Paragraph, width: int | None, indent: int) -> list[str]:
    return [w for line in _inline_lines(block.children) for w in _wrap(line, width, indent)]


def _heading(block: Heading, width: int | None, indent: int) -> list[str]:
    text = " ".join(_inline_lines(block.children))
    return _underline(text, "-") if text else []


def _block_quote(block: BlockQuote, width: int | None, indent: int) -> list[str]:
    inner = _blocks(block.blocks, width, indent + 2)
    return [f"> {line}" if line else ">" for line in inner]


def _figure(block: Figure, width: int | None, indent: int) -> list[str]:
    caption = " ".join(_inline_lines(block.caption)) or _fold(block.alt)
    credit = _fold(block.credit or "")
    text = " — ".join(t for t in (caption, credit) if t)
    return [f"[Image: {text}]"] if text else []


def _code_block(block: CodeBlock, width: int | None, indent: int) -> list[str]:
    return [("    " + line).rstrip() for line in block.code.expandtabs(4).split("\n")] if block.code.strip() else []


def _table_block(block: Table, width: int | None, indent: int) -> list[str]:
    return _table(block)


def _thematic_break(block: ThematicBreak, width: int | None, indent: int) -> list[str]:
    return ["* * *"]


def _list(block: ListBlock, width: int | None, indent: int) -> list[str]:
    out: list[str] = []
    number = block.start or 0
    for item in block.items:
        marker = f"{number}. " if block.ordered else "- "
        number += 1
        lines: list[str] = []
        for child in item.blocks:
            lines.extend(_BLOCKS[type(child)](child, width, indent + len(marker)))
        if not lines:
            continue
        pad = " " * len(marker)
        out.append(marker + lines[0])
        out.extend(pad + line if line else "" for line in lines[1:])
    return out


def _blocks(blocks: Iterable[Block], width: int | None, indent: int = 0) -> list[str]:
    """The lines of *blocks*, a blank line between blocks that have any."""
    table = _BLOCKS
    out: list[str] = []
    for block in blocks:
        lines = table[type(block)](block, width, indent)
        if lines:
            if out:
                out.append("")
            out.extend(lines)
    return out


#: Block class -> its lines.
_BLOCKS: NodeTable[Block, Callable[[Block, int | None, int], list[str]]] = NodeTable(
    BLOCK_TYPES,
    [
        block_rule(Heading, _heading),
        block_rule(Paragraph, _paragraph),
        block_rule(ListBlock, _list),
        block_rule(BlockQuote, _block_quote),
        block_rule(Figure, _figure),
        block_rule(Table, _table_block),
        block_rule(CodeBlock, _code_block),
        block_rule(ThematicBreak, _thematic_break),
    ],
)


def to_text(article: Article, *, width: int | None = None) -> str:
    """Write *article* as readable plain text (see the module for the layout).

    :param width: wrap paragraphs, list items and quotes at this many columns;
        ``None`` (the default) writes each paragraph on one line.
    :raises ValidationError: *article* is not an Article, or *width* is not a positive int.

    >>> from articlekit import Article, ListBlock, ListItem, Paragraph, Text
    >>> items = [ListItem([Paragraph([Text("one two three four")])])]
    >>> print(to_text(Article(body=[ListBlock(items, ordered=True)]), width=12), end="")
    1. one two
       three four
    """
    if not isinstance(article, Article):
        raise ValidationError(f"to_text() takes an Article, got {type(article).__name__}")
    if width is not None and (not isinstance(width, int) or isinstance(width, bool) or width < 1):
        raise ValidationError(f"width must be a positive int or None, got {width!r}")
    sections: list[list[str]] = []
    title = _fold(article.title or "")
    if title:
        sections.append(_underline(title, "="))
    standfirst = _fold(article.standfirst or "")
    if standfirst:
        sections.append(_wrap(standfirst, width))
    names = [n for n in (_fold(p.name) for p in article.authors) if n]
    credits = [c for c in map(_fold, article.credits) if c]
    head: list[str] = []
    if names or credits:
        by = "By " + _join_names(names) if names else "By " + credits.pop(0)
        head.append(", ".join([by, *credits]))
    if article.published is not None:
        head.append(_date("Published", article.published))
    if article.modified is not None:
        head.append(_date("Updated", article.modified))
    if head:
        sections.append(head)
    body = _blocks(article.body, width)
    if body:
        sections.append(body)
    lines: list[str] = []
    for section in sections:
        if lines:
            lines.append("")
        lines.extend(section)
    return "\n".join(line.rstrip() for line in lines) + "\n" if lines else ""
