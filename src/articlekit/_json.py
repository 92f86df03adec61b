"""Lossless JSON: :func:`to_json` / :func:`from_json` and their dict forms.

The format is documented by the JSON Schema shipped in the package
(``articlekit/schema/article.schema.json``, see :func:`json_schema`).  Every
field of the model is written, always in the same order (a quote's optional
``speaker_span`` and the article's ``comments`` only when they are set: an
absent key reads as None or empty), so the same article always gives the same
bytes.  ``from_json(to_json(a)) == a`` for every article.

Each node class is written by its entry in :data:`_INLINE_WRITERS` or
:data:`_BLOCK_WRITERS` and read by its entry in :data:`_INLINE_READERS` or
:data:`_BLOCK_READERS` (its ``"type"`` name, its fields, its reader): tables of
``{node class: handler}`` (see :mod:`articlekit._model._dispatch`).  A new node
kind needs an entry in the writer and the reader table of its category, and its
definition in the JSON Schema.

>>> from articlekit import Article, Paragraph, Text, to_json, from_json
>>> a = Article(title="Hi", body=[Paragraph([Text("Hello, world.")])])
>>> from_json(to_json(a)) == a
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from datetime import datetime
from importlib import resources
from typing import Any, Generic, NoReturn, TypeVar

from articlekit._errors import (
    ArticleKitError,
    JSONFormatError,
    ParseError,
    ResourceLimitError,
    ValidationError,
)
from articlekit._model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    MAX_DEPTH,
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Comment,
    Emphasis,
    Figure,
    FrozenJSON,
    Heading,
    Image,
    Inline,
    InlineCode,
    InlineImage,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Person,
    Quote,
    Speaker,
    Strikethrough,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    ThematicBreak,
)
from articlekit._model._dispatch import NodeTable, block_rule, inline_rule

__all__ = ["SCHEMA_VERSION", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]

#: The version of the JSON format written by :func:`to_json`.
SCHEMA_VERSION = 1

_N = TypeVar("_N")

# --------------------------------------------------------------------------- writing
#
# Each node class is written by its entry in _INLINE_WRITERS or _BLOCK_WRITERS and
# read back by its entry in _INLINE_READERS or _BLOCK_READERS (which also give its
# "type" name and fields).  A new node kind needs one entry in each table of its
# category; tests/test_architecture_writers.py fails until it has them.


def _text(node: Text) -> dict[str, Any]:
    return {"type": "text", "text": node.text}


def _inline_code(node: InlineCode) -> dict[str, Any]:
    return {"type": "code", "code": node.code}


def _line_break(node: LineBreak) -> dict[str, Any]:
    return {"type": "line_break"}


def _inline_image(node: InlineImage) -> dict[str, Any]:
    return {"type": "image", "src": node.src, "alt": node.alt, "title": node.title}


# Containers dispatch their children themselves (not through _inlines): a nesting level
# costs two frames, the handler and its comprehension.


def _link(node: Link) -> dict[str, Any]:
    t = _INLINE_WRITERS
    return {"type": "link", "href": node.href, "title": node.title, "children": [t[type(n)](n) for n in node.children]}


def _emphasis(node: Emphasis) -> dict[str, Any]:
    t = _INLINE_WRITERS
    return {"type": "emphasis", "children": [t[type(n)](n) for n in node.children]}


def _strong(node: Strong) -> dict[str, Any]:
    t = _INLINE_WRITERS
    return {"type": "strong", "children": [t[type(n)](n) for n in node.children]}


def _strikethrough(node: Strikethrough) -> dict[str, Any]:
    t = _INLINE_WRITERS
    return {"type": "strikethrough", "children": [t[type(n)](n) for n in node.children]}


_INLINE_WRITERS: NodeTable[Inline, Callable[[Inline], dict[str, Any]]] = NodeTable(
    INLINE_TYPES,
    [
        inline_rule(Text, _text),
        inline_rule(Emphasis, _emphasis),
        inline_rule(Strong, _strong),
        inline_rule(Strikethrough, _strikethrough),
        inline_rule(InlineCode, _inline_code),
        inline_rule(Link, _link),
        inline_rule(LineBreak, _line_break),
        inline_rule(InlineImage, _inline_image),
    ],
)


def _inlines(nodes: tuple[Inline, ...]) -> list[dict[str, Any]]:
    table = _INLINE_WRITERS
    return [table[type(n)](n) for n in nodes]


def _row(row: TableRow) -> dict[str, Any]:
    return {"cells": [{"children": _inlines(c.children), "align": c.align} for c in row.cells]}


def _blocks(nodes: tuple[Block, ...]) -> list[dict[str, Any]]:
    table = _BLOCK_WRITERS
    return [table[type(n)](n) for n in nodes]


def _paragraph(node: Paragraph) -> dict[str, Any]:
    return {"type": "paragraph", "children": _inlines(node.children)}


def _heading(node: Heading) -> dict[str, Any]:
    return {"type": "heading", "level": node.level, "children": _inlines(node.children)}


def _list(node: ListBlock) -> dict[str, Any]:
    t = _BLOCK_WRITERS
    return {
        "type": "list",
        "ordered": node.ordered,
        "start": node.start,
        "items": [{"blocks": [t[type(b)](b) for b in item.blocks]} for item in node.items],
    }


def _block_quote(node: BlockQuote) -> dict[str, Any]:
    t = _BLOCK_WRITERS
    return {"type": "blockquote", "blocks": [t[type(b)](b) for b in node.blocks]}


def _figure(node: Figure) -> dict[str, Any]:
    return {
        "type": "figure",
        "src": node.src,
        "alt": node.alt,
        "title": node.title,
        "caption": _inlines(node.caption),
        "credit": node.credit,
    }


def _table(node: Table) -> dict[str, Any]:
    return {
        "type": "table",
        "header": [_row(r) for r in node.header],
        "rows": [_row(r) for r in node.rows],
        "caption": _inlines(node.caption),
    }


def _code_block(node: CodeBlock) -> dict[str, Any]:
    return {"type": "code_block", "code": node.code, "language": node.language}


def _thematic_break(node: ThematicBreak) -> dict[str, Any]:
    return {"type": "thematic_break"}


_BLOCK_WRITERS: NodeTable[Block, Callable[[Block], dict[str, Any]]] = NodeTable(
    BLOCK_TYPES,
    [
        block_rule(Heading, _heading),
        block_rule(Paragraph, _paragraph),
        block_rule(ListBlock, _list),
        block_rule(BlockQuote, _block_quote),
        block_rule(Figure, _figure),
        block_rule(Table, _table),
        block_rule(CodeBlock, _code_block),
        block_rule(ThematicBreak, _thematic_break),
    ],
)


def _thaw(value: FrozenJSON) -> Any:
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    return value


def _date(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _quote(q: Quote) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": q.text,
        "kind": q.kind,
        "span": list(q.span),
        "speaker": None if q.speaker is None else {"name": q.speaker.name, "role": q.speaker.role},
        "cue": q.cue,
    }
    if q.speaker_span is not None:  # written only when set: None is the key's absence
        out["speaker_span"] = list(q.speaker_span)
    return out


def _comment(c: Comment) -> dict[str, Any]:
    return {"text": c.text, "author": c.author, "published": _date(c.published)}


def to_dict(article: Article) -> dict[str, Any]:
    """The article as a dict of JSON types (what :func:`to_json` writes).

    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`.
    """
    if not isinstance(article, Article):
        from articlekit._errors import ValidationError  # type: ignore[unreachable]

        raise ValidationError(f"to_dict() takes an Article, got {type(article).__name__}")
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": article.title,
        "standfirst": article.standfirst,
        "authors": [{"name": p.name, "url": p.url, "role": p.role} for p in article.authors],
        "credits": list(article.credits),
        "published": _date(article.published),
        "modified": _date(article.modified),
        "language": article.language,
        "site_name": article.site_name,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "section": article.section,
        "page_type": article.page_type,
        "tags": list(article.tags),
        "description": article.description,
        "images": [
            {"url": i.url, "alt": i.alt, "caption": i.caption, "credit": i.credit} for i in article.images
        ],
        "body": _blocks(article.body),
        "quotes": [_quote(q) for q in article.quotes],
        "source_format": article.source_format,
        "encoding": article.encoding,
        "encoding_source": article.encoding_source,
        "extra": _thaw(article.extra),
        "warnings": list(article.warnings),
    }
    if article.comments:  # written only when set (comments are opt-in): absent reads as none
        out["comments"] = [_comment(c) for c in article.comments]
    if article.base_url is not None:  # written only when set: absent reads as none
        out["base_url"] = article.base_url
    return out


def to_json(article: Article, *, indent: int | None = None) -> str:
    """Serialise *article* as JSON, losslessly and deterministically.

    :param indent: pretty-print with this indent (``None``: one line).
    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`, or
        *indent* is not an int from 0 to 16 or None.
    """
    if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int) or not 0 <= indent <= 16):
        raise ValidationError(f"to_json(): indent must be an int from 0 to 16 or None, got {indent!r:.40}")
    if not isinstance(article, Article):
        raise ValidationError(f"to_json() takes an Article, got {type(article).__name__}")
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent, allow_nan=False)


# --------------------------------------------------------------------------- reading


# Whether the JSON being read is from_json's own parse, whose arrays may be emptied as they are
# read (a context variable: set per call, so threads and tasks never see each other's).
_CONSUME: ContextVar[bool] = ContextVar("articlekit_json_consume", default=False)


class _Reader:
    """Reads one JSON object with its path, raising JSONFormatError with that path."""

    __slots__ = ("data", "path")

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, dict):
            _fail(path, f"expected an object, got {_jtype(data)}")
        self.data: dict[str, Any] = data
        self.path = path

    def check_keys(self, allowed: frozenset[str], required: frozenset[str] = frozenset()) -> None:
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            _fail(f"{self.path}.{unknown[0]}", "unknown field")
        missing = sorted(required - set(self.data))
        if missing:
            _fail(f"{self.path}.{missing[0]}", "required field is missing")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None, *, optional: bool = True) -> Any:
        if key not in self.data:
            return default
        value = self.data[key]
        if value is None and optional:
            return None
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = " or ".join(_JSON_NAMES[k] for k in kinds)
            _fail(f"{self.path}.{key}", f"expected {names}, got {_jtype(value)}")
        return value

    def items(self, key: str, depth: int, read: Callable[[object, str, int], Any]) -> list[Any]:
        value = self.get(key, list, default=[], optional=False)
        if not _CONSUME.get():
            return [read(v, f"{self.path}.{key}[{i}]", depth) for i, v in enumerate(value)]
        # The list is ours (from_json's own parse): drop each JSON subtree once it is read, so
        # the garbage collector does not walk the JSON and the Article both as they grow.
        out = []
        for i, v in enumerate(value):
            out.append(read(v, f"{self.path}.{key}[{i}]", depth))
            value[i] = None
        return out


_JSON_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    bool: "a boolean",
    list: "an array",
    dict: "an object",
    float: "a number",
}


def _jtype(value: object) -> str:
    if value is None:
        return "null"
    return _JSON_NAMES.get(type(value), type(value).__name__)


def _fail(path: str, message: str) -> NoReturn:
    raise JSONFormatError(message, source="json", path=path)


def _check_depth(depth: int, path: str) -> None:
    if depth > MAX_DEPTH + 1:
        raise ResourceLimitError(f"content nested more than {MAX_DEPTH} levels deep", source="json", path=path)


class _NodeReader(Generic[_N]):
    """How one node class is read: its ``"type"`` name, its fields and the function that reads it."""

    __slots__ = ("allowed", "name", "read", "required")

    def __init__(
        self, name: str, read: Callable[[_Reader, int], _N], fields: Iterable[str] = (), required: Iterable[str] = ()
    ) -> None:
        self.name = name
        self.read = read  # (the node's reader, its depth) -> the node
        self.allowed = frozenset({"type", *fields})
        self.required = frozenset(required)


def _node_type(r: _Reader, known: Mapping[str, object]) -> str:
    kind = r.get("type", str, optional=False)
    if kind is None:
        _fail(f"{r.path}.type", "required field is missing")
    if kind not in known:
        _fail(f"{r.path}.type", f"unknown node type {kind!r} (expected one of {', '.join(sorted(known))})")
    return str(kind)


def _read_inline(data: object, path: str, depth: int) -> Inline:
    _check_depth(depth, path)
    r = _Reader(data, path)
    reader = _INLINE_BY_NAME[_node_type(r, _INLINE_BY_NAME)]
    r.check_keys(reader.allowed, reader.required)
    return reader.read(r, depth)


# The readers of the node classes: (the node's reader, its depth) -> the node.  Each reads
# its fields in the order the writer writes them (which decides the error reported first).


def _read_text(r: _Reader, depth: int) -> Text:
    return Text(r.get("text", str, optional=False))


def _read_emphasis(r: _Reader, depth: int) -> Emphasis:
    return Emphasis(r.items("children", depth + 1, _read_inline))


def _read_strong(r: _Reader, depth: int) -> Strong:
    return Strong(r.items("children", depth + 1, _read_inline))


def _read_strikethrough(r: _Reader, depth: int) -> Strikethrough:
    return Strikethrough(r.items("children", depth + 1, _read_inline))


def _read_inline_code(r: _Reader, depth: int) -> InlineCode:
    return InlineCode(r.get("code", str, optional=False))


def _read_link(r: _Reader, depth: int) -> Link:
    children = r.items("children", depth + 1, _read_inline)
    return Link(r.get("href", str, optional=False), children, title=r.get("title", str))


def _read_line_break(r: _Reader, depth: int) -> LineBreak:
    return LineBreak()


def _read_inline_image(r: _Reader, depth: int) -> InlineImage:
    return InlineImage(r.get("src", str, optional=False), r.get("alt", str, ""), r.get("title", str))


_INLINE_READERS: NodeTable[Inline, _NodeReader[Inline]] = NodeTable(
    INLINE_TYPES,
    [
        (Text, _NodeReader("text", _read_text, {"text"}, {"text"})),
        (Emphasis, _NodeReader("emphasis", _read_emphasis, {"children"})),
        (Strong, _NodeReader("strong", _read_strong, {"children"})),
        (Strikethrough, _NodeReader("strikethrough", _read_strikethrough, {"children"})),
        (InlineCode, _NodeReader("code", _read_inline_code, {"code"}, {"code"})),
        (Link, _NodeReader("link", _read_link, {"href", "title", "children"}, {"href"})),
        (LineBreak, _NodeReader("line_break", _read_line_break)),
        (InlineImage, _NodeReader("image", _read_inline_image, {"src", "alt", "title"}, {"src"})),
    ],
)
_INLINE_BY_NAME = {reader.name: reader for reader in _INLINE_READERS.values()}


def _read_row(data: object, path: str, depth: int) -> TableRow:
    r = _Reader(data, path)
    r.check_keys(frozenset({"cells"}))
    return TableRow(r.items("cells", depth, _read_cell))


def _read_cell(data: object, path: str, depth: int) -> TableCell:
    r = _Reader(data, path)
    r.check_keys(frozenset({"children", "align"}))
    return TableCell(r.items("children", depth + 1, _read_inline), align=r.get("align", str))


def _read_item(data: object, path: str, depth: int) -> ListItem:
    r = _Reader(data, path)
    r.check_keys(frozenset({"blocks"}))
    return ListItem(r.items("blocks", depth, _read_block))


def _read_block(data: object, path: str, depth: int) -> Block:
    _check_depth(depth, path)
    r = _Reader(data, path)
    reader = _BLOCK_BY_NAME[_node_type(r, _BLOCK_BY_NAME)]
    r.check_keys(reader.allowed, reader.required)
    return reader.read(r, depth)


def _read_list(r: _Reader, depth: int) -> ListBlock:
    return ListBlock(
        r.items("items", depth + 1, _read_item),
        ordered=r.get("ordered", bool, False, optional=False),
        start=r.get("start", int),
    )


def _read_figure(r: _Reader, depth: int) -> Figure:
    return Figure(
        r.get("src", str, optional=False),
        alt=r.get("alt", str, ""),
        title=r.get("title", str),
        caption=r.items("caption", depth + 1, _read_inline),
        credit=r.get("credit", str),
    )


def _read_table(r: _Reader, depth: int) -> Table:
    return Table(
        header=r.items("header", depth + 1, _read_row),
        rows=r.items("rows", depth + 1, _read_row),
        caption=r.items("caption", depth + 1, _read_inline),
    )


def _read_heading(r: _Reader, depth: int) -> Heading:
    return Heading(r.get("level", int, optional=False), r.items("children", depth + 1, _read_inline))


def _read_paragraph(r: _Reader, depth: int) -> Paragraph:
    return Paragraph(r.items("children", depth + 1, _read_inline))


def _read_block_quote(r: _Reader, depth: int) -> BlockQuote:
    return BlockQuote(r.items("blocks", depth + 1, _read_block))


def _read_code_block(r: _Reader, depth: int) -> CodeBlock:
    return CodeBlock(r.get("code", str, optional=False), language=r.get("language", str))


def _read_thematic_break(r: _Reader, depth: int) -> ThematicBreak:
    return ThematicBreak()


_BLOCK_READERS: NodeTable[Block, _NodeReader[Block]] = NodeTable(
    BLOCK_TYPES,
    [
        (Heading, _NodeReader("heading", _read_heading, {"level", "children"}, {"level"})),
        (Paragraph, _NodeReader("paragraph", _read_paragraph, {"children"})),
        (ListBlock, _NodeReader("list", _read_list, {"ordered", "start", "items"})),
        (BlockQuote, _NodeReader("blockquote", _read_block_quote, {"blocks"})),
        (Figure, _NodeReader("figure", _read_figure, {"src", "alt", "title", "caption", "credit"}, {"src"})),
        (Table, _NodeReader("table", _read_table, {"header", "rows", "caption"})),
        (CodeBlock, _NodeReader("code_block", _read_code_block, {"code", "language"}, {"code"})),
        (ThematicBreak, _NodeReader("thematic_break", _read_thematic_break)),
    ],
)
_BLOCK_BY_NAME = {reader.name: reader for reader in _BLOCK_READERS.values()}


def _read_person(data: object, path: str, depth: int) -> Person:
    r = _Reader(data, path)
    r.check_keys(frozenset({"name", "url", "role"}), frozenset({"name"}))
    return Person(r.get("name", str, optional=False), url=r.get("url", str), role=r.get("role", str))


def _read_image(data: object, path: str, depth: int) -> Image:
    r = _Reader(data, path)
    r.check_keys(frozenset({"url", "alt", "caption", "credit"}), frozenset({"url"}))
    return Image(
        r.get("url", str, optional=False),
        alt=r.get("alt", str),
        caption=r.get("caption", str),
        credit=r.get("credit", str),
    )


def _read_str(data: object, path: str, depth: int) -> str:
    if not isinstance(data, str):
        _fail(path, f"expected a string, got {_jtype(data)}")
    return data


_QUOTE_KEYS = frozenset({"text", "kind", "span", "speaker", "cue", "speaker_span"})


def _read_span(r: _Reader, key: str, *, optional: bool) -> Any:
    """A ``[start, end]`` array as a tuple (None for an absent or null optional one)."""
    span = r.get(key, list, optional=optional)
    if span is None:
        return None
    if len(span) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in span):
        _fail(f"{r.path}.{key}", "expected an array of two integers [start, end]")
    return (span[0], span[1])


def _read_quote(data: object, path: str, depth: int) -> Quote:
    r = _Reader(data, path)
    r.check_keys(_QUOTE_KEYS, frozenset({"text", "kind", "span"}))
    span = _read_span(r, "span", optional=False)
    speaker_span = _read_span(r, "speaker_span", optional=True)
    speaker = None
    if r.data.get("speaker") is not None:
        s = _Reader(r.data["speaker"], f"{path}.speaker")
        s.check_keys(frozenset({"name", "role"}), frozenset({"name"}))
        speaker = Speaker(s.get("name", str, optional=False), role=s.get("role", str))
    return Quote(
        r.get("text", str, optional=False),
        kind=r.get("kind", str, optional=False),
        span=span,
        speaker=speaker,
        cue=r.get("cue", str),
        speaker_span=speaker_span,
    )


def _read_comment(data: object, path: str, depth: int) -> Comment:
    r = _Reader(data, path)
    r.check_keys(frozenset({"text", "author", "published"}), frozenset({"text"}))
    return Comment(r.get("text", str, optional=False), author=r.get("author", str), published=_read_date(r, "published"))


def _read_date(r: _Reader, key: str) -> datetime | None:
    value = r.get(key, str)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        _fail(f"{r.path}.{key}", f"{value!r} is not an ISO 8601 date-time")
    if parsed.tzinfo is None:
        _fail(f"{r.path}.{key}", f"{value!r} has no timezone offset")
    return parsed


_ARTICLE_KEYS = frozenset(
    {
        "schema_version",
        "title",
        "standfirst",
        "authors",
        "credits",
        "published",
        "modified",
        "language",
        "site_name",
        "url",
        "canonical_url",
        "section",
        "page_type",
        "tags",
        "description",
        "images",
        "body",
        "quotes",
        "source_format",
        "encoding",
        "encoding_source",
        "extra",
        "warnings",
        "comments",
        "base_url",
    }
)


def from_dict(data: Mapping[str, Any]) -> Article:
    """Build an Article from the dict form written by :func:`to_dict`.

    Fields other than ``schema_version`` may be left out (they take their
    defaults); unknown fields are an error.  *data* is not changed.

    :raises JSONFormatError: the data is not a serialised Article (``path`` says where).
    :raises ResourceLimitError: content nested deeper than the model allows.
    """
    return _from_dict(data, consume=False)


def _from_dict(data: Mapping[str, Any], *, consume: bool) -> Article:
    token = _CONSUME.set(consume)
    try:
        return _read_article(data)
    finally:
        _CONSUME.reset(token)


def _read_article(data: Mapping[str, Any]) -> Article:
    r = _Reader(dict(data) if isinstance(data, Mapping) else data, "$")
    r.check_keys(_ARTICLE_KEYS, frozenset({"schema_version"}))
    version = r.get("schema_version", int, optional=False)
    if version != SCHEMA_VERSION:
        _fail("$.schema_version", f"unsupported schema version {version!r} (this articlekit reads {SCHEMA_VERSION})")
    try:
        return Article(
            title=r.get("title", str),
            standfirst=r.get("standfirst", str),
            authors=r.items("authors", 0, _read_person),
            credits=r.items("credits", 0, _read_str),
            published=_read_date(r, "published"),
            modified=_read_date(r, "modified"),
            language=r.get("language", str),
            site_name=r.get("site_name", str),
            url=r.get("url", str),
            canonical_url=r.get("canonical_url", str),
            section=r.get("section", str),
            page_type=r.get("page_type", str),
            tags=r.items("tags", 0, _read_str),
            description=r.get("description", str),
            images=r.items("images", 0, _read_image),
            body=r.items("body", 1, _read_block),
            quotes=r.items("quotes", 0, _read_quote),
            source_format=r.get("source_format", str),
            encoding=r.get("encoding", str),
            encoding_source=r.get("encoding_source", str),
            extra=r.get("extra", dict, default={}, optional=False),
            warnings=r.items("warnings", 0, _read_str),
            comments=r.items("comments", 0, _read_comment),
            base_url=r.get("base_url", str),
        )
    except ParseError:
        raise
    except ArticleKitError as exc:
        # A model validation error: the value has the right JSON type but is invalid.
        raise JSONFormatError(str(exc), source="json", path="$") from exc


def from_json(data: str | bytes) -> Article:
    """Read an Article from JSON written by :func:`to_json`.

    :raises JSONFormatError: malformed JSON (``line`` and ``column`` say where)
        or JSON that is not a serialised Article (``path`` says where).
    :raises ResourceLimitError: JSON nested too deeply to read.
    """
    if not isinstance(data, (str, bytes, bytearray)):
        raise JSONFormatError(f"from_json() takes str or bytes, got {type(data).__name__}", source="json")
    try:
        loaded = json.loads(data, parse_constant=_reject_constant)
    except JSONFormatError:
        raise
    except json.JSONDecodeError as exc:
        raise JSONFormatError(exc.msg, source="json", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ResourceLimitError("JSON nested too deeply to read", source="json") from None
    except UnicodeDecodeError as exc:
        raise JSONFormatError(f"the bytes are not UTF-8/16/32 JSON text: {exc.reason}", source="json") from None
    except ValueError as exc:  # e.g. an integer literal over Python's digit limit
        raise JSONFormatError(str(exc), source="json") from None
    try:
        return _from_dict(loaded, consume=True)  # the parsed JSON is ours to drop as it is read
    except RecursionError:
        raise ResourceLimitError("JSON nested too deeply to read", source="json") from None


def _reject_constant(name: str) -> NoReturn:
    raise JSONFormatError(f"{name} is not a JSON value", source="json")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format :func:`to_json` writes."""
    text = resources.files("articlekit").joinpath("schema/article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
