"""The article model: one typed, immutable representation for every input format.

An :class:`Article` holds metadata, a *body* of block nodes and the *quotes*
found in it.  Blocks that hold running text (headings, paragraphs, table cells,
captions) hold *inline* nodes, so that emphasis and links survive a trip
through HTML or Markdown.

Every class is a frozen, slotted attrs class: instances are immutable,
hashable and safe to share between threads.  Collections are tuples (lists are
converted on construction).  Construction validates its arguments and raises
:class:`~articlekit.ValidationError` on a wrong type or value; use
:func:`attrs.evolve` to derive a changed copy.

>>> from articlekit import Article, Paragraph, Text, Heading
>>> a = Article(title="Hello", body=[Heading(2, [Text("Part one")]), Paragraph([Text("Hi.")])])
>>> a.body[0].level
2
>>> print(a.text)
Hello
<BLANKLINE>
Part one
<BLANKLINE>
Hi.

**Nesting.**  Block quotes and lists may nest, and inline nodes may nest inside
one another, up to :data:`MAX_DEPTH` levels in all; deeper structures are
rejected (parsers flatten deeper input and record a warning).

The package's modules, each importing only those before it:

* :mod:`._fields` -- the field checks and converters every class shares;
* :mod:`._nodes` -- the body's block and inline nodes, and ``BLOCK_TYPES`` /
  ``INLINE_TYPES``, the one list of the node classes;
* :mod:`._dispatch` -- ``NodeTable``, the ``{node class: handler}`` table each
  writer dispatches from;
* :mod:`._text` -- the definition of :attr:`Article.text` (on the nodes alone);
* :mod:`._article` -- :class:`Article`, with the people, images and quotes it holds.

This module only re-exports.  ``BLOCK_TYPES``, ``INLINE_TYPES``, ``Alignment``,
``FrozenDict`` and ``FrozenJSON`` are for articlekit's own modules (the top-level
package does not export them).
"""

from __future__ import annotations

from articlekit._model._article import (
    MAX_INT_BITS,
    Article,
    Comment,
    FrozenDict,
    FrozenJSON,
    Image,
    PageType,
    Person,
    Quote,
    QuoteKind,
    SourceFormat,
    Speaker,
)
from articlekit._model._nodes import (
    BLOCK_TYPES,
    INLINE_TYPES,
    MAX_DEPTH,
    Alignment,
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
    ListItem,
    Paragraph,
    Strikethrough,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    ThematicBreak,
)

__all__ = [
    "BLOCK_TYPES",
    "INLINE_TYPES",
    "MAX_DEPTH",
    "MAX_INT_BITS",
    "Alignment",
    "Article",
    "Block",
    "BlockQuote",
    "CodeBlock",
    "Comment",
    "Emphasis",
    "Figure",
    "FrozenDict",
    "FrozenJSON",
    "Heading",
    "Image",
    "Inline",
    "InlineCode",
    "InlineImage",
    "LineBreak",
    "Link",
    "ListBlock",
    "ListItem",
    "PageType",
    "Paragraph",
    "Person",
    "Quote",
    "QuoteKind",
    "SourceFormat",
    "Speaker",
    "Strikethrough",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "ThematicBreak",
]
