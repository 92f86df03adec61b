"""The body's nodes: block and inline classes, with their validators.

Blocks (:data:`BLOCK_TYPES`) make up :attr:`Article.body <articlekit.Article.body>`;
blocks that hold running text (headings, paragraphs, table cells, figure and
table captions) hold inlines (:data:`INLINE_TYPES`).  :class:`ListItem`,
:class:`TableRow` and :class:`TableCell` are parts of a list or a table, not
blocks of their own.

**Adding a node kind.**  :data:`BLOCK_TYPES` and :data:`INLINE_TYPES` (with the
:data:`Block` and :data:`Inline` unions beside them) are the one list of the
node classes.  Every writer dispatches from a :class:`~articlekit._model._dispatch.NodeTable`
keyed by these classes, and ``tests/test_architecture_writers.py`` fails until each
table has an entry for the new class: the definition of :attr:`Article.text
<articlekit.Article.text>` (:mod:`articlekit._model._text`), the JSON codec (its
reader too), the HTML, Markdown and text writers, the reader of articlekit's own
HTML and the hypothesis strategies of :mod:`articlekit.testing`.

Nesting (lists, block quotes, emphasis, links ...) is bounded by
:data:`MAX_DEPTH`; each container records its depth when it is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Literal, Protocol, TypeAlias, get_args

import attrs

from articlekit._errors import ValidationError
from articlekit._model._fields import (
    _check_bool,
    _check_image_url,
    _check_opt_nonempty_str,
    _check_opt_str,
    _check_str,
    _check_url,
    _fail,
    _members,
    _to_tuple,
)

__all__ = [
    "BLOCK_TYPES",
    "INLINE_TYPES",
    "MAX_DEPTH",
    "Alignment",
    "Block",
    "BlockQuote",
    "CodeBlock",
    "Emphasis",
    "Figure",
    "Heading",
    "Inline",
    "InlineCode",
    "InlineImage",
    "LineBreak",
    "Link",
    "ListBlock",
    "ListItem",
    "Paragraph",
    "Strikethrough",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "ThematicBreak",
]

#: How deeply containers (lists, block quotes, emphasis, links ...) may nest.
MAX_DEPTH = 32

#: Table cell alignment, as Markdown tables and HTML ``align`` express it.
Alignment: TypeAlias = Literal["left", "center", "right"]

_ALIGNMENTS = frozenset(get_args(Alignment))


class _HoldsInlines(attrs.AttrsInstance, Protocol):
    """A node whose ``children`` are inlines (emphasis, a link, a paragraph, a cell ...)."""

    @property
    def children(self) -> tuple[Inline, ...]: ...


# --------------------------------------------------------------------------- depth and children


def _depth_of(nodes: Iterable[object]) -> int:
    depth = 0
    for node in nodes:
        d = getattr(node, "_depth", 0)
        if d > depth:
            depth = d
    return depth


def _set_depth(node: object, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValidationError(
            f"{type(node).__name__}: content nested {depth} levels deep; at most {MAX_DEPTH} "
            "levels are allowed (articlekit._model.MAX_DEPTH)"
        )
    object.__setattr__(node, "_depth", depth)


def _merge_text(children: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Canonical inline sequences: adjacent Text nodes merged, empty Text dropped."""
    after_text = False
    for child in children:
        if isinstance(child, Text):
            if after_text or not child.text:
                break
            after_text = True
        else:
            after_text = False
    else:
        return children  # already canonical: the common case, no copy
    out: list[Inline] = []
    for child in children:
        if isinstance(child, Text):
            if not child.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + child.text)
                continue
        out.append(child)
    return tuple(out)


def _inlines(value: Iterable[Inline]) -> tuple[Inline, ...]:
    kind = type(value)
    if kind is list:
        return _merge_text(tuple(value))
    result = _to_tuple(value)  # a tuple as it is; anything but an iterable left for the validator
    return _merge_text(result) if type(result) is tuple else result


def _validate_inline_children(node: _HoldsInlines) -> None:
    """An inline container's ``__attrs_post_init__``: check its children, set its depth.

    The common case (a tuple of exact inline types, not too deep) in one loop, without
    further calls; anything else takes :func:`_checked_depth`'s full check and message.
    """
    children = node.children
    depth = 0
    if type(children) is tuple:
        for item in children:
            if type(item) not in _INLINE_TYPE_SET:
                break
            if item._depth > depth:
                depth = item._depth
        else:
            if depth < MAX_DEPTH:
                object.__setattr__(node, "_depth", depth + 1)
                return
    _set_depth(node, _checked_depth(node, "children", children, INLINE_TYPES, _INLINE_TYPE_SET) + 1)


# --------------------------------------------------------------------------- inlines


@attrs.frozen
class Text:
    """Plain text inside a paragraph-like block."""

    _depth: ClassVar[int] = 0  # a leaf: no nesting below it

    text: str = attrs.field(validator=_check_str)


@attrs.frozen
class InlineCode:
    """Code inside running text (Markdown ```code```, HTML ``<code>``)."""

    _depth: ClassVar[int] = 0  # a leaf: no nesting below it

    code: str = attrs.field(validator=_check_str)


@attrs.frozen
class LineBreak:
    """A hard line break inside a paragraph (HTML ``<br>``)."""

    _depth: ClassVar[int] = 0  # a leaf: no nesting below it


@attrs.frozen
class InlineImage:
    """An image that stands inside running text (an icon or badge), not a figure."""

    _depth: ClassVar[int] = 0  # a leaf: no nesting below it

    src: str = attrs.field(validator=_check_image_url)
    alt: str = attrs.field(default="", validator=_check_str)
    title: str | None = attrs.field(default=None, validator=_check_opt_str)


@attrs.frozen
class Emphasis:
    """Emphasised text (``<em>``, Markdown ``*text*``)."""

    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


@attrs.frozen
class Strong:
    """Strongly emphasised text (``<strong>``, Markdown ``**text**``)."""

    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


@attrs.frozen
class Strikethrough:
    """Struck-out text (``<del>``/``<s>``, GFM ``~~text~~``)."""

    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


@attrs.frozen
class Link:
    """A hyperlink: its target ``href``, an optional ``title`` and the linked content."""

    href: str = attrs.field(validator=_check_url)
    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    title: str | None = attrs.field(default=None, validator=_check_opt_str)
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


#: Any inline node.
Inline: TypeAlias = Text | Emphasis | Strong | Strikethrough | InlineCode | Link | LineBreak | InlineImage
#: The inline classes, in the order of :data:`Inline`: what every writer must handle.
INLINE_TYPES: tuple[type[Inline], ...] = (
    Text,
    Emphasis,
    Strong,
    Strikethrough,
    InlineCode,
    Link,
    LineBreak,
    InlineImage,
)


_INLINE_TYPE_SET: frozenset[type] = frozenset(INLINE_TYPES)


def _check_nodes(owner: attrs.AttrsInstance, name: str, value: object, types: tuple[type, ...], exact: frozenset[type]) -> None:
    """Check that *value* is a tuple of *types*: a fast exact-type pass, the full check on a miss."""
    if type(value) is tuple and all(type(item) in exact for item in value):
        return
    _members(*types)(owner, attrs.fields_dict(type(owner))[name], value)


def _checked_depth(owner: attrs.AttrsInstance, name: str, value: object, types: tuple[type, ...], exact: frozenset[type]) -> int:
    """Check *value* as :func:`_check_nodes` does and return the depth of its deepest member.

    One pass, for a tuple of exact model types (what parsers build); the full check otherwise.
    """
    depth = 0
    if type(value) is tuple:
        for item in value:
            if type(item) not in exact:
                break
            if item._depth > depth:
                depth = item._depth
        else:
            return depth
    _check_nodes(owner, name, value, types, exact)
    assert isinstance(value, tuple)  # _check_nodes passed it
    return _depth_of(value)


# --------------------------------------------------------------------------- blocks


def _check_level(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 6:
        raise _fail(attribute, owner, f"a heading level is an int from 1 to 6, got {value!r}")


@attrs.frozen
class Heading:
    """A section heading of ``level`` 1 to 6."""

    level: int = attrs.field(validator=_check_level)
    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


@attrs.frozen
class Paragraph:
    """A paragraph of running text."""

    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


@attrs.frozen
class CodeBlock:
    """A block of preformatted code, with its ``language`` when known."""

    _depth: ClassVar[int] = 0  # a leaf: no nesting below it

    code: str = attrs.field(validator=_check_str)
    language: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)


@attrs.frozen
class ThematicBreak:
    """A thematic break between sections (``<hr>``, Markdown ``---``)."""

    _depth: ClassVar[int] = 0  # a leaf: no nesting below it


@attrs.frozen
class Figure:
    """An image with its caption (``<figure>``, or a Markdown image on its own line).

    ``caption`` holds inline content; ``credit`` the photographer or agency.
    """

    src: str = attrs.field(validator=_check_image_url)
    alt: str = attrs.field(default="", validator=_check_str)
    title: str | None = attrs.field(default=None, validator=_check_opt_str)
    caption: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    credit: str | None = attrs.field(default=None, validator=_check_opt_str)
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _set_depth(self, _checked_depth(self, "caption", self.caption, INLINE_TYPES, _INLINE_TYPE_SET) + 1)


def _check_align(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in _ALIGNMENTS:
        raise _fail(attribute, owner, f"expected one of {sorted(_ALIGNMENTS)} or None")


@attrs.frozen
class TableCell:
    """One cell of a table: inline content and an optional alignment."""

    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    align: Alignment | None = attrs.field(default=None, validator=_check_align)
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


def _cells(value: Iterable[TableCell]) -> tuple[TableCell, ...]:
    return _to_tuple(value)


@attrs.frozen
class TableRow:
    """One row of table cells."""

    cells: tuple[TableCell, ...] = attrs.field(
        converter=_cells, validator=_members(TableCell), default=()
    )
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _set_depth(self, _depth_of(self.cells))


def _rows(value: Iterable[TableRow]) -> tuple[TableRow, ...]:
    return _to_tuple(value)


@attrs.frozen
class Table:
    """A table: ``header`` rows (usually one), body ``rows`` and an optional caption."""

    header: tuple[TableRow, ...] = attrs.field(
        converter=_rows, validator=_members(TableRow), default=()
    )
    rows: tuple[TableRow, ...] = attrs.field(
        converter=_rows, validator=_members(TableRow), default=()
    )
    caption: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        caption = _checked_depth(self, "caption", self.caption, INLINE_TYPES, _INLINE_TYPE_SET)
        _set_depth(self, max(_depth_of(self.header), _depth_of(self.rows), caption) + 1)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return value if type(value) is tuple else _to_tuple(value)


@attrs.frozen
class ListItem:
    """One item of a list: a sequence of blocks (usually one paragraph, maybe a nested list)."""

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _set_depth(self, _checked_depth(self, "blocks", self.blocks, BLOCK_TYPES, _BLOCK_TYPE_SET))


def _check_start(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 999_999_999:
        raise _fail(attribute, owner, f"a list start is None or an int from 0 to 999999999, got {value!r}")


def _items(value: Iterable[ListItem]) -> tuple[ListItem, ...]:
    return _to_tuple(value)


@attrs.frozen
class ListBlock:
    """A list of items, ``ordered`` (numbered from ``start``) or not.

    ``start`` is None for an unordered list; for an ordered list it is the first
    number (1 when the source did not say).
    """

    items: tuple[ListItem, ...] = attrs.field(
        converter=_items, validator=_members(ListItem), default=()
    )
    ordered: bool = attrs.field(default=False, validator=_check_bool)
    start: int | None = attrs.field(default=None, validator=_check_start)
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.ordered and self.start is None:
            object.__setattr__(self, "start", 1)
        if not self.ordered and self.start is not None:
            raise ValidationError("ListBlock.start: an unordered list has no start number")
        _set_depth(self, _depth_of(self.items) + 1)


@attrs.frozen
class BlockQuote:
    """A block quotation, holding blocks (``<blockquote>``, Markdown ``>``)."""

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _set_depth(self, _checked_depth(self, "blocks", self.blocks, BLOCK_TYPES, _BLOCK_TYPE_SET) + 1)


#: Any block node.
Block: TypeAlias = Heading | Paragraph | ListBlock | BlockQuote | Figure | Table | CodeBlock | ThematicBreak
#: The block classes, in the order of :data:`Block`: what every writer must handle.
BLOCK_TYPES: tuple[type[Block], ...] = (
    Heading,
    Paragraph,
    ListBlock,
    BlockQuote,
    Figure,
    Table,
    CodeBlock,
    ThematicBreak,
)


_BLOCK_TYPE_SET: frozenset[type] = frozenset(BLOCK_TYPES)
