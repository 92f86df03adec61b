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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, ClassVar, Literal, TypeAlias, get_args

import attrs

from articlekit._errors import ValidationError
from articlekit._textutil import UNCLEAN, find_unclean

__all__ = [
    "MAX_DEPTH",
    "Article",
    "Block",
    "BlockQuote",
    "CodeBlock",
    "Emphasis",
    "Figure",
    "Heading",
    "Image",
    "Inline",
    "InlineCode",
    "InlineImage",
    "LineBreak",
    "Link",
    "ListBlock",
    "ListItem",
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

#: How deeply containers (lists, block quotes, emphasis, links ...) may nest.
MAX_DEPTH = 32

#: The kinds of quote: ``direct`` (a whole quoted sentence), ``partial`` (a
#: quoted fragment inside a sentence), ``headline`` (a quote in the title),
#: ``indirect`` (reported speech, no quote marks) and ``scare`` (a quoted term
#: nobody in the text is said to have said; its speaker is always ``None``).
QuoteKind: TypeAlias = Literal["direct", "partial", "headline", "indirect", "scare"]

#: The format an article was parsed from.
SourceFormat: TypeAlias = Literal["html", "markdown", "text", "json"]

#: Table cell alignment, as Markdown tables and HTML ``align`` express it.
Alignment: TypeAlias = Literal["left", "center", "right"]

_QUOTE_KINDS = frozenset(get_args(QuoteKind))
_SOURCE_FORMATS = frozenset(get_args(SourceFormat))
_ALIGNMENTS = frozenset(get_args(Alignment))
_unclean_search = UNCLEAN.search
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")



# --------------------------------------------------------------------------- validators


def _fail(attribute: attrs.Attribute[Any], owner: object, message: str) -> ValidationError:
    return ValidationError(f"{type(owner).__name__}.{attribute.name}: {message}")


def _check_str(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, owner, f"expected str, got {type(value).__name__}")
    if _unclean_search(value) is None:  # find_unclean's test, without its call (run for every string)
        return
    bad = find_unclean(value)
    if bad >= 0:
        raise _fail(
            attribute,
            owner,
            f"character U+{ord(value[bad]):04X} at index {bad} is not allowed in text "
            "(control characters, lone surrogates and noncharacters are rejected; "
            "articlekit's parsers remove them)",
        )


def _check_opt_str(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(owner, attribute, value)


def _check_opt_nonempty_str(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(owner, attribute, value)
        if not value:
            raise _fail(attribute, owner, "must be None or a non-empty string")


def _check_name(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_str(owner, attribute, value)
    assert isinstance(value, str)
    if not value.strip():
        raise _fail(attribute, owner, "a name must not be empty")


def _to_tuple(value: Any) -> Any:
    kind = type(value)
    if kind is tuple:
        return value
    if kind is list:
        return tuple(value)
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        # Left as is: the validator reports the wrong type with the field's name.
        return value
    return tuple(value)


# Typed converters: they give attrs' generated __init__ precise parameter types.
def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple else _to_tuple(value)


def _span(value: Iterable[int]) -> tuple[int, int]:
    return _to_tuple(value)  # type: ignore[no-any-return]


def _opt_span(value: Iterable[int] | None) -> tuple[int, int] | None:
    return None if value is None else _to_tuple(value)


def _members(*types: type) -> Any:
    names = " or ".join(t.__name__ for t in types)

    def check(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise _fail(attribute, owner, f"expected a sequence of {names}")
        for i, item in enumerate(value):
            if not isinstance(item, types):
                raise _fail(attribute, owner, f"item {i} is {type(item).__name__}, expected {names}")
            if types == (str,):
                _check_str(owner, attribute, item)

    return check


def _check_bool(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise _fail(attribute, owner, f"expected bool, got {type(value).__name__}")


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
    result: tuple[Inline, ...] = value if kind is tuple else _to_tuple(value)  # type: ignore[assignment]
    if type(result) is tuple:
        return _merge_text(result)
    return result


def _validate_inline_children(node: Any) -> None:
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
    _set_depth(node, _checked_depth(node, "children", children, _INLINE_TYPES, _INLINE_TYPE_SET) + 1)


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

    src: str = attrs.field(validator=_check_str)
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

    href: str = attrs.field(validator=_check_str)
    children: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    title: str | None = attrs.field(default=None, validator=_check_opt_str)
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    __attrs_post_init__ = _validate_inline_children


#: Any inline node.
Inline: TypeAlias = Text | Emphasis | Strong | Strikethrough | InlineCode | Link | LineBreak | InlineImage
_INLINE_TYPES: tuple[type, ...] = (
    Text,
    Emphasis,
    Strong,
    Strikethrough,
    InlineCode,
    Link,
    LineBreak,
    InlineImage,
)


_INLINE_TYPE_SET = frozenset(_INLINE_TYPES)


def _check_nodes(owner: Any, name: str, value: object, types: tuple[type, ...], exact: frozenset[type]) -> None:
    """Check that *value* is a tuple of *types*: a fast exact-type pass, the full check on a miss."""
    if type(value) is tuple and all(type(item) in exact for item in value):
        return
    _members(*types)(owner, attrs.fields_dict(type(owner))[name], value)


def _checked_depth(owner: Any, name: str, value: object, types: tuple[type, ...], exact: frozenset[type]) -> int:
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
    return _depth_of(value)  # type: ignore[arg-type]


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

    src: str = attrs.field(validator=_check_str)
    alt: str = attrs.field(default="", validator=_check_str)
    title: str | None = attrs.field(default=None, validator=_check_opt_str)
    caption: tuple[Inline, ...] = attrs.field(converter=_inlines, default=())
    credit: str | None = attrs.field(default=None, validator=_check_opt_str)
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _set_depth(self, _checked_depth(self, "caption", self.caption, _INLINE_TYPES, _INLINE_TYPE_SET) + 1)


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
    return _to_tuple(value)  # type: ignore[no-any-return]


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
    return _to_tuple(value)  # type: ignore[no-any-return]


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
        caption = _checked_depth(self, "caption", self.caption, _INLINE_TYPES, _INLINE_TYPE_SET)
        _set_depth(self, max(_depth_of(self.header), _depth_of(self.rows), caption) + 1)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return value if type(value) is tuple else _to_tuple(value)


@attrs.frozen
class ListItem:
    """One item of a list: a sequence of blocks (usually one paragraph, maybe a nested list)."""

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, default=())
    _depth: int = attrs.field(init=False, default=0, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _set_depth(self, _checked_depth(self, "blocks", self.blocks, _BLOCK_TYPES, _BLOCK_TYPE_SET))


def _check_start(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 999_999_999:
        raise _fail(attribute, owner, f"a list start is None or an int from 0 to 999999999, got {value!r}")


def _items(value: Iterable[ListItem]) -> tuple[ListItem, ...]:
    return _to_tuple(value)  # type: ignore[no-any-return]


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
        _set_depth(self, _checked_depth(self, "blocks", self.blocks, _BLOCK_TYPES, _BLOCK_TYPE_SET) + 1)


#: Any block node.
Block: TypeAlias = Heading | Paragraph | ListBlock | BlockQuote | Figure | Table | CodeBlock | ThematicBreak
_BLOCK_TYPES: tuple[type, ...] = (
    Heading,
    Paragraph,
    ListBlock,
    BlockQuote,
    Figure,
    Table,
    CodeBlock,
    ThematicBreak,
)


_BLOCK_TYPE_SET = frozenset(_BLOCK_TYPES)


# --------------------------------------------------------------------------- people and images


@attrs.frozen
class Person:
    """An author: a ``name``, and optionally a profile ``url`` and a ``role``."""

    name: str = attrs.field(validator=_check_name)
    url: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)
    role: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)


@attrs.frozen
class Speaker:
    """Who said a quote: a ``name`` (a person or an organisation) and their ``role`` if given.

    >>> from articlekit import Speaker
    >>> Speaker("Dmitry Peskov", role="Kremlin spokesperson")
    Speaker(name='Dmitry Peskov', role='Kremlin spokesperson')
    """

    name: str = attrs.field(validator=_check_name)
    role: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)


@attrs.frozen
class Image:
    """An image of the article (lead image and others): URL, alt text, caption, credit."""

    url: str = attrs.field(validator=_check_str)
    alt: str | None = attrs.field(default=None, validator=_check_opt_str)
    caption: str | None = attrs.field(default=None, validator=_check_opt_str)
    credit: str | None = attrs.field(default=None, validator=_check_opt_str)


# --------------------------------------------------------------------------- quotes


def _check_kind(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in _QUOTE_KINDS:
        raise _fail(attribute, owner, f"expected one of {sorted(_QUOTE_KINDS)}, got {value!r}")


def _is_span(value: object, *, empty: bool) -> bool:
    """Whether *value* is a pair of ints ``(start, end)``, ``0 <= start <= end`` (``< end``
    unless *empty*)."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] <= value[1]
        and (empty or value[0] < value[1])
    )


def _check_span(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _is_span(value, empty=True):
        raise _fail(attribute, owner, f"a span is a pair of ints (start, end), 0 <= start <= end; got {value!r}")


def _check_opt_span(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not _is_span(value, empty=False):
        raise _fail(
            attribute,
            owner,
            f"expected None or a pair of ints (start, end), 0 <= start < end; got {value!r}",
        )


def _check_speaker(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Speaker):
        raise _fail(attribute, owner, f"expected Speaker or None, got {type(value).__name__}")


@attrs.frozen
class Quote:
    """A quotation found in an article, and who said it.

    ``span`` is the ``(start, end)`` character range of ``text`` inside
    :attr:`Article.text`: ``article.text[start:end] == quote.text``.
    ``cue`` is the speech cue that attributes it (``"told"``, ``"said"``,
    ``"according to"``, a dash in a headline ``"–"``).

    ``speaker`` is who said it; ``speaker_span`` is the ``(start, end)``
    character range in :attr:`Article.text` of the words that name the speaker
    where this quote is attributed, the mention as the text writes it
    (``"He"``, ``"the spokesperson"``, ``"Kremlin spokesperson Dmitry Peskov"``,
    ``"Peskov"``): ``article.text[start:end]`` is that mention.  ``speaker`` is
    who the mention resolves to, so for ``“…,” he said`` the mention is
    ``"he"`` while ``speaker`` is the named person.  ``speaker_span`` is None
    when ``speaker`` is None, or when the text names the speaker nowhere the
    extractor can point at; when set, ``start < end``.  A quote that takes its
    speaker from an earlier attribution (the next paragraph of a quotation, a
    headline the body repeats) points at that attribution's mention.
    """

    text: str = attrs.field(validator=_check_str)
    kind: QuoteKind = attrs.field(validator=_check_kind)
    span: tuple[int, int] = attrs.field(converter=_span, validator=_check_span)
    speaker: Speaker | None = attrs.field(default=None, validator=_check_speaker)
    cue: str | None = attrs.field(default=None, validator=_check_opt_nonempty_str)
    speaker_span: tuple[int, int] | None = attrs.field(
        default=None, converter=_opt_span, validator=_check_opt_span
    )

    def __attrs_post_init__(self) -> None:
        if self.kind == "scare" and self.speaker is not None:
            raise ValidationError("Quote.speaker: a scare quote has no speaker")
        if self.speaker_span is not None and self.speaker is None:
            raise ValidationError(
                f"Quote.speaker_span: {self.speaker_span} points at a speaker's mention, "
                "but the quote has no speaker (speaker is None)"
            )
        if self.span[1] - self.span[0] != len(self.text):
            raise ValidationError(
                f"Quote.span: {self.span} covers {self.span[1] - self.span[0]} characters, "
                f"but the quote's text has {len(self.text)}"
            )


# --------------------------------------------------------------------------- the article


def _check_datetime(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        raise _fail(attribute, owner, f"expected datetime or None, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise _fail(attribute, owner, "a naive datetime is ambiguous; give it a timezone")


def _check_language(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _LANGUAGE_TAG.match(value):
        raise _fail(attribute, owner, f"expected a BCP 47 language tag such as 'en' or 'pt-BR', got {value!r}")


def _check_source_format(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in _SOURCE_FORMATS:
        raise _fail(attribute, owner, f"expected one of {sorted(_SOURCE_FORMATS)} or None, got {value!r}")


#: A JSON value, frozen: what :attr:`Article.extra` holds.
FrozenJSON: TypeAlias = bool | int | float | str | tuple["FrozenJSON", ...] | Mapping[str, "FrozenJSON"] | None


class FrozenDict(Mapping[str, "FrozenJSON"]):
    """A read-only mapping (what :attr:`Article.extra` and the mappings inside it are).

    Unlike :class:`types.MappingProxyType` it can be pickled, so Articles travel
    between processes (multiprocessing, Dask, Spark).
    """

    __slots__ = ("_data",)
    _data: dict[str, FrozenJSON]

    def __init__(self, data: dict[str, FrozenJSON] | None = None) -> None:
        object.__setattr__(self, "_data", dict(data or {}))

    def __getitem__(self, key: str) -> FrozenJSON:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FrozenDict is read-only")

    def __reduce__(self) -> tuple[object, ...]:
        return (FrozenDict, (self._data,))


_EMPTY_EXTRA = FrozenDict()


def _freeze(value: object, path: str) -> FrozenJSON:
    # Iterative deep freeze of a JSON-like value (lists -> tuples, dicts -> read-only mappings).
    if value is None or isinstance(value, (bool, int, str)):
        if isinstance(value, str):
            bad = find_unclean(value)
            if bad >= 0:
                raise ValidationError(f"Article.extra{path}: character U+{ord(value[bad]):04X} is not allowed")
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(f"Article.extra{path}: NaN and infinity are not JSON values")
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v, f"{path}[{i}]") for i, v in enumerate(value))
    if isinstance(value, Mapping):
        out: dict[str, FrozenJSON] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValidationError(f"Article.extra{path}: keys must be str, got {type(k).__name__}")
            out[k] = _freeze(v, f"{path}[{k!r}]")
        return FrozenDict(dict(sorted(out.items())))
    raise ValidationError(f"Article.extra{path}: {type(value).__name__} is not a JSON value")


def _freeze_extra(value: object) -> Mapping[str, FrozenJSON]:
    if not value and (type(value) is FrozenDict or type(value) is dict):
        return _EMPTY_EXTRA  # the common case: nothing to freeze or check
    if not isinstance(value, Mapping):
        raise ValidationError(f"Article.extra: expected a mapping, got {type(value).__name__}")
    frozen = _freeze(value, "")
    assert isinstance(frozen, Mapping)
    return frozen


def _persons(value: Iterable[Person]) -> tuple[Person, ...]:
    return value if type(value) is tuple else _to_tuple(value)


def _images(value: Iterable[Image]) -> tuple[Image, ...]:
    return value if type(value) is tuple else _to_tuple(value)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return value if type(value) is tuple else _to_tuple(value)


@attrs.frozen
class Article:
    """An article: metadata, a structured body and the quotes in it.

    Every field has a default, so an ``Article()`` is valid (and empty).

    :param title: the headline, as a reader sees it.
    :param standfirst: the lede or subtitle printed under the headline.
    :param authors: the people who wrote it (organisations go in ``credits``).
    :param credits: organisations credited with it: an agency, a desk, a staff account.
    :param published: when it was first published (timezone-aware).
    :param modified: when it was last modified (timezone-aware).
    :param language: a BCP 47 tag (``"en"``, ``"pt-BR"``).
    :param site_name: the publication's name.
    :param url: where it was read from; ``canonical_url`` where it says it lives.
    :param section: the section or category it belongs to.
    :param tags: keywords and tags.
    :param description: the summary a page gives in its metadata.
    :param images: the lead image first, then others.
    :param body: the block nodes of the body, in order.
    :param quotes: quotations with their speakers; spans index :attr:`text`.
    :param source_format: what it was parsed from.
    :param encoding: the character encoding of the bytes it was parsed from, and
        ``encoding_source`` how that was decided (``"bom"``, ``"declared"``,
        ``"meta"``, ``"detected"``, ``"default"``).
    :param extra: metadata the source carried that has no field of its own
        (unknown front-matter keys), as a read-only JSON-like mapping.
    :param warnings: what the parser had to cut, guess or skip.
    """

    title: str | None = attrs.field(default=None)
    standfirst: str | None = attrs.field(default=None)
    authors: tuple[Person, ...] = attrs.field(converter=_persons, default=())
    credits: tuple[str, ...] = attrs.field(converter=_strs, default=())
    published: datetime | None = attrs.field(default=None)
    modified: datetime | None = attrs.field(default=None)
    language: str | None = attrs.field(default=None)
    site_name: str | None = attrs.field(default=None)
    url: str | None = attrs.field(default=None)
    canonical_url: str | None = attrs.field(default=None)
    section: str | None = attrs.field(default=None)
    tags: tuple[str, ...] = attrs.field(converter=_strs, default=())
    description: str | None = attrs.field(default=None)
    images: tuple[Image, ...] = attrs.field(converter=_images, default=())
    body: tuple[Block, ...] = attrs.field(converter=_blocks, default=())
    quotes: tuple[Quote, ...] = attrs.field(converter=_quotes, default=())
    source_format: SourceFormat | None = attrs.field(default=None)
    encoding: str | None = attrs.field(default=None)
    encoding_source: str | None = attrs.field(default=None)
    extra: Mapping[str, FrozenJSON] = attrs.field(
        converter=_freeze_extra, default=_EMPTY_EXTRA, hash=False
    )
    warnings: tuple[str, ...] = attrs.field(converter=_strs, default=())
    # Article.text, computed on first use (most articles built in a parse are never asked).
    _text: str | None = attrs.field(init=False, default=None, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        _check_article(self)
        _check_nodes(self, "body", self.body, _BLOCK_TYPES, _BLOCK_TYPE_SET)
        if self.quotes:
            self._check_quotes()

    def _check_quotes(self) -> None:
        text = self.text
        for i, quote in enumerate(self.quotes):
            start, end = quote.span
            if end > len(text):
                raise ValidationError(
                    f"Article.quotes[{i}]: span {quote.span} lies outside Article.text "
                    f"({len(text)} characters)"
                )
            mention = quote.speaker_span
            if mention is not None and mention[1] > len(text):
                raise ValidationError(
                    f"Article.quotes[{i}]: speaker_span {mention} lies outside Article.text "
                    f"({len(text)} characters)"
                )
            if text[start:end] != quote.text:
                raise ValidationError(
                    f"Article.quotes[{i}]: Article.text[{start}:{end}] is {text[start:end]!r}, "
                    f"not the quote's text {quote.text!r}"
                )

    def _with_quotes(self, quotes: Iterable[Quote]) -> Article:
        """This article with *quotes* (the enrichers' step), its text reused rather than rebuilt."""
        article = attrs.evolve(self, quotes=())
        object.__setattr__(article, "_text", self._text)
        object.__setattr__(article, "quotes", _quotes(quotes))
        if article.quotes:
            article._check_quotes()
        return article

    @property
    def text(self) -> str:
        """The article's plain text; quote spans index into it.

        It is a pure function of ``title``, ``standfirst`` and ``body``: the
        title, the standfirst and the text of each block, in order, the
        non-empty ones joined by a blank line (``"\\n\\n"``).  The text of a
        block is:

        * heading, paragraph, table cell: the text of its inlines, where a
          :class:`Text` gives its text, :class:`InlineCode` its code, a
          :class:`LineBreak` ``"\\n"``, an :class:`InlineImage` nothing, and
          emphasis, strong, strikethrough and links the text of their children;
        * list: the text of each item on its own line (``"\\n"``), an item
          being the text of its blocks joined by ``"\\n"``; no list markers;
        * block quote: the text of its blocks joined by ``"\\n\\n"``;
        * figure: the text of its caption; code block: its code;
        * table: the caption, then each row on its own line, cells joined by a tab;
        * thematic break: nothing (it adds no blank line either).
        """
        text = self._text
        if text is None:  # a pure function of frozen fields: computing it twice is harmless
            text = article_text(self.title, self.standfirst, self.body)
            object.__setattr__(self, "_text", text)
        return text


_ARTICLE_FIELDS = attrs.fields(Article)
_STR_ITEMS = _members(str)
_PERSON_ITEMS = _members(Person)
_IMAGE_ITEMS = _members(Image)
_QUOTE_ITEMS = _members(Quote)


def _check_article(article: Article) -> None:
    """Article's field checks, in field order.

    Straight-line code: an optional field is checked unless None, a sequence unless it
    is an empty tuple, and most of an article's fields are one or the other (a loop over
    a table of checks costs several times more per field, checked or not).
    """
    a, f = article, _ARTICLE_FIELDS
    if a.title is not None:
        _check_str(a, f.title, a.title)
    if a.standfirst is not None:
        _check_str(a, f.standfirst, a.standfirst)
    if type(a.authors) is not tuple or a.authors:
        _PERSON_ITEMS(a, f.authors, a.authors)
    if type(a.credits) is not tuple or a.credits:
        _STR_ITEMS(a, f.credits, a.credits)
    if a.published is not None:
        _check_datetime(a, f.published, a.published)
    if a.modified is not None:
        _check_datetime(a, f.modified, a.modified)
    if a.language is not None:
        _check_language(a, f.language, a.language)
    if a.site_name is not None:
        _check_str(a, f.site_name, a.site_name)
    if a.url is not None:
        _check_str(a, f.url, a.url)
    if a.canonical_url is not None:
        _check_str(a, f.canonical_url, a.canonical_url)
    if a.section is not None:
        _check_str(a, f.section, a.section)
    if type(a.tags) is not tuple or a.tags:
        _STR_ITEMS(a, f.tags, a.tags)
    if a.description is not None:
        _check_str(a, f.description, a.description)
    if type(a.images) is not tuple or a.images:
        _IMAGE_ITEMS(a, f.images, a.images)
    if type(a.quotes) is not tuple or a.quotes:
        _QUOTE_ITEMS(a, f.quotes, a.quotes)
    if a.source_format is not None:
        _check_source_format(a, f.source_format, a.source_format)
    if a.encoding is not None:
        _check_opt_nonempty_str(a, f.encoding, a.encoding)
    if a.encoding_source is not None:
        _check_opt_nonempty_str(a, f.encoding_source, a.encoding_source)
    if type(a.warnings) is not tuple or a.warnings:
        _STR_ITEMS(a, f.warnings, a.warnings)


# At the end: _render reads the node classes defined above (Article.__attrs_post_init__ uses it).
from articlekit._model._text import article_text  # noqa: E402
