"""Markdown output: :func:`to_markdown` writes an Article as CommonMark (+ GFM tables
and strikethrough) with YAML front matter, so that
``parse_markdown(to_markdown(a)) == markdown_expressible(a)``.

The style (one, deterministic):

* metadata in a YAML front matter (``---``), keys in a fixed order, unknown
  keys (``Article.extra``) after them in sorted order; dates as ISO 8601 strings;
* ATX headings (``#``), ``***`` thematic breaks, fenced code (backticks, longer
  than any run inside; in a list item or a block quote, code holding ``<`` or ``[``
  as an escaped HTML ``<pre><code>`` block, which Python-Markdown too shows as code),
  ``-`` bullets (``+`` for a list that directly follows
  another bullet list), ``1.`` numbering (``1)`` after another ordered list),
  tight lists unless an item holds several blocks, ``>`` block quotes, GFM pipe
  tables;
* ``*emphasis*``, ``**strong**`` and ``~~strikethrough~~`` where CommonMark's
  flanking rules read them back unchanged, else ``<em>``, ``<strong>`` and
  ``<del>`` (intra-word emphasis, emphasis that starts or ends with a space or
  punctuation); hard line breaks as a backslash at the end of the line, or
  ``<br>`` where a backslash cannot work (end of a block, headings, table
  cells, before a code span);
* text escaped so that it reads back as text: ``\\ ` * _ [ ] ~ |`` always, ``<`` and
  ``&`` as ``&lt;`` and ``&amp;`` (a backslash before ``<`` is no escape to Python-Markdown),
  ``# > + - = :`` and ``1.`` at the start of a line, ``#`` in headings, ``!``
  before a link; a newline in text, leading/trailing white space of a block
  and U+FEFF as numeric character references (``&#10;``, ``&#32;``).

:func:`markdown_expressible` says exactly what Markdown cannot carry.

Four tables (``{node class: handler}``, see :mod:`articlekit._model._dispatch`)
hold the rules per node class: what Markdown carries of each inline and block
(:data:`_EXPRESSIBLE_INLINES`, :data:`_EXPRESSIBLE_BLOCKS`), the pieces of each
inline (:data:`_PIECES`) and the lines of each block (:data:`_LINES`).  A new node
kind needs an entry in the two tables of its category.

>>> from articlekit import Article, Paragraph, Text, Emphasis
>>> print(to_markdown(Article(title="Hi", body=[Paragraph([Text("a "), Emphasis([Text("b*")])])])), end="")
---
title: Hi
---
<BLANKLINE>
a <em>b\\*</em>
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape as _html_escape
from typing import Any

import attrs
import yaml
from markdown_it.common.utils import MD_TRIM_CHARS, isMdAsciiPunct, isPunctChar, isWhiteSpace

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
    Strikethrough,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    ThematicBreak,
)
from articlekit._model._dispatch import NodeTable, block_rule, inline_rule
from articlekit._syntax import FRONT_MATTER_KEYS as KEYS
from articlekit._textutil import visible
from articlekit._urls import is_unsafe_url

__all__ = ["markdown_expressible", "to_markdown"]

# --------------------------------------------------------------------------- what Markdown can carry

_FIELD_OF = {alias: field for field, aliases in KEYS.items() for alias in aliases}


def _inlines(nodes: Iterable[Inline], *, in_link: bool = False) -> list[Inline]:
    """*nodes* as Markdown carries them (each through its :data:`_EXPRESSIBLE_INLINES` entry)."""
    out: list[Inline] = []
    table = _EXPRESSIBLE_INLINES
    for node in nodes:
        table[type(node)](node, in_link, out)
    return out


# ----- inlines as Markdown carries them: (node, inside a link?, where to append it).
# Containers dispatch their children themselves: a nesting level costs one frame.


def _as_is(node: Text | LineBreak, in_link: bool, out: list[Inline]) -> None:
    out.append(node)


def _expressible_code(node: InlineCode, in_link: bool, out: list[Inline]) -> None:
    code = node.code.replace("\n", " ")
    if code:
        out.append(InlineCode(code))


def _expressible_image(node: InlineImage, in_link: bool, out: list[Inline]) -> None:
    if not is_unsafe_url(node.src, image=True):
        out.append(InlineImage(node.src, node.alt, node.title or None))


def _expressible_link(node: Link, in_link: bool, out: list[Inline]) -> None:
    table = _EXPRESSIBLE_INLINES
    if in_link or is_unsafe_url(node.href):
        for child in node.children:  # unwrapped: its content stays
            table[type(child)](child, in_link, out)
        return
    children: list[Inline] = []
    for child in node.children:
        table[type(child)](child, True, children)
    out.append(Link(node.href, children, title=node.title or None))


def _expressible_markup(node: Emphasis | Strong | Strikethrough, in_link: bool, out: list[Inline]) -> None:
    table = _EXPRESSIBLE_INLINES
    children: list[Inline] = []
    for child in node.children:
        table[type(child)](child, in_link, children)
    out.append(type(node)(children))


#: Inline class -> the inlines Markdown reads back for it.
_EXPRESSIBLE_INLINES: NodeTable[Inline, Callable[[Inline, bool, list[Inline]], None]] = NodeTable(
    INLINE_TYPES,
    [
        inline_rule(Text, _as_is),
        inline_rule(Emphasis, _expressible_markup),
        inline_rule(Strong, _expressible_markup),
        inline_rule(Strikethrough, _expressible_markup),
        inline_rule(InlineCode, _expressible_code),
        inline_rule(Link, _expressible_link),
        inline_rule(LineBreak, _as_is),
        inline_rule(InlineImage, _expressible_image),
    ],
)


def _paragraph(children: Iterable[Inline]) -> list[Block]:
    kids = _inlines(children)
    if not kids or all(isinstance(k, LineBreak) for k in kids):
        return []
    if len(kids) == 1 and isinstance(kids[0], InlineImage):
        return [Figure(kids[0].src, kids[0].alt, kids[0].title)]
    return [Paragraph(kids)]


def _table(table: Table) -> list[Block]:
    # GFM: one header row, which may be empty (a table without a header is written with
    # a header row of empty cells, and read back without a header); the first row sets the
    # columns and their alignment; a table without text in any row is nothing.
    out = _paragraph(table.caption)
    rows = [*table.header, *table.rows]
    if not rows or not rows[0].cells:
        return out
    aligns = [c.align for c in rows[0].cells]
    width = len(aligns)

    def row(r: TableRow) -> TableRow:
        cells = list(r.cells[:width]) + [TableCell()] * (width - len(r.cells))
        return TableRow([TableCell(_inlines(c.children), a) for c, a in zip(cells, aligns, strict=True)])

    head = [row(table.header[0])] if table.header else []
    body = [row(r) for r in [*table.header[1:], *table.rows]]
    if head and not any(c.children for c in head[0].cells):
        head = []
    if head or body:
        out.append(Table(head, body))
    return out


def _blocks(blocks: Iterable[Block]) -> list[Block]:
    """*blocks* as Markdown carries them (each through its :data:`_EXPRESSIBLE_BLOCKS` entry)."""
    out: list[Block] = []
    table = _EXPRESSIBLE_BLOCKS
    for block in blocks:
        table[type(block)](block, out)
    return out


# ----- blocks as Markdown carries them: (block, where to append them)


def _expressible_paragraph(block: Paragraph, out: list[Block]) -> None:
    out.extend(_paragraph(block.children))


def _expressible_heading(block: Heading, out: list[Block]) -> None:
    out.append(Heading(block.level, _inlines(block.children)))


def _expressible_code_block(block: CodeBlock, out: list[Block]) -> None:
    words = block.language.split() if block.language else []
    out.append(CodeBlock(block.code, words[0] if words else None))


def _expressible_figure(block: Figure, out: list[Block]) -> None:
    if not is_unsafe_url(block.src, image=True):
        out.append(Figure(block.src, block.alt, block.title or None))
    out.extend(_paragraph(block.caption))


def _expressible_table(block: Table, out: list[Block]) -> None:
    out.extend(_table(block))


def _expressible_list(block: ListBlock, out: list[Block]) -> None:
    if not block.items:
        return
    table = _EXPRESSIBLE_BLOCKS
    items: list[ListItem] = []
    for item in block.items:
        children: list[Block] = []
        for child in item.blocks:  # dispatched here: a nesting level costs one frame
            table[type(child)](child, children)
        items.append(ListItem(children))
    out.append(ListBlock(items, ordered=block.ordered, start=block.start))


def _expressible_block_quote(block: BlockQuote, out: list[Block]) -> None:
    table = _EXPRESSIBLE_BLOCKS
    children: list[Block] = []
    for child in block.blocks:
        table[type(child)](child, children)
    out.append(BlockQuote(children))


def _expressible_break(block: ThematicBreak, out: list[Block]) -> None:
    out.append(block)


#: Block class -> the blocks Markdown reads back for it.
_EXPRESSIBLE_BLOCKS: NodeTable[Block, Callable[[Block, list[Block]], None]] = NodeTable(
    BLOCK_TYPES,
    [
        block_rule(Heading, _expressible_heading),
        block_rule(Paragraph, _expressible_paragraph),
        block_rule(ListBlock, _expressible_list),
        block_rule(BlockQuote, _expressible_block_quote),
        block_rule(Figure, _expressible_figure),
        block_rule(Table, _expressible_table),
        block_rule(CodeBlock, _expressible_code_block),
        block_rule(ThematicBreak, _expressible_break),
    ],
)


def _extra_survives(key: str, article: Article) -> bool:
    """Whether an ``extra`` key reads back as ``extra`` (not as a field of its own)."""
    field = _FIELD_OF.get(key)
    if field is None:
        return True
    aliases = KEYS[field]
    if field in ("tags", "images") or key == aliases[0]:
        return False
    value = getattr(article, field)
    return value is not None and value != ()


def markdown_expressible(article: Article) -> Article:
    """The Article that ``parse_markdown(to_markdown(article), quotes=False)`` returns.

    Markdown carries everything else exactly; this is what it cannot carry:

    * ``quotes`` (a parser re-extracts them), ``comments`` (readers' text, not
      the article's: only JSON carries them), ``warnings``, ``encoding``,
      ``encoding_source`` and ``base_url`` (the links are written resolved) are
      not written; ``source_format`` becomes ``"markdown"``;
    * an ``extra`` key that is a front-matter key of a field (compared
      case-insensitively; see ``articlekit._syntax.FRONT_MATTER_KEYS``) is
      dropped when it would be read as that field: always for the field's
      first key (``title``, ``subtitle``, ``date`` ...) and for the merged
      ``tags``/``keywords`` and ``image``/``cover``/``images``; another key of a
      field (``summary``, ``updated``, ``categories`` ...) survives only when
      the field itself is set (then ``to_markdown`` writes the field's first key,
      which wins);
    * titles, names, sections, tags and credits lose their bidi controls and
      invisible characters (U+200B, U+200E/F, U+202A–E, U+2060, U+2066–9,
      U+FEFF), as every parser reads them; an author whose name is left blank
      is dropped;
    * an empty ``title`` of a link, image or figure (``""``) becomes None;
    * a figure's ``caption`` becomes a paragraph after it, its ``credit`` is dropped;
    * a table's caption becomes a paragraph before it; a table keeps at most one
      header row (its first; other header rows become body rows), and none when
      that row's cells are all empty (a table without a header is written with a
      header row of empty cells, as GFM requires, which reads back as none); every
      row has the first row's number of cells (padded with empty cells or cut),
      every cell takes its column's alignment (the first row's); a table whose
      first row has no cells, or without any row left, is dropped;
    * a paragraph that holds a single inline image is a figure; an empty
      paragraph, one of only line breaks, and a list without items are dropped;
    * a code span has no newlines (they become spaces) and is never empty (an
      empty one is dropped); a code block's language is the first word of
      its ``language``;
    * links inside links are unwrapped (their content stays), and so are links
      with ``javascript:``, ``vbscript:``, ``file:`` or ``data:`` URLs; images
      with such URLs (except ``data:image/...``) are dropped, as
      :func:`~articlekit.parse_markdown` does.

    >>> from articlekit import Article, Paragraph, InlineImage
    >>> markdown_expressible(Article(body=[Paragraph([InlineImage("a.png", "A")])])).body
    (Figure(src='a.png', alt='A', title=None, caption=(), credit=None),)
    """
    extra = {k: v for k, v in article.extra.items() if _extra_survives(k.lower(), article)}
    def shown(value: str | None) -> str | None:
        return None if value is None else visible(value)

    authors = [
        attrs.evolve(p, name=name) for p in article.authors if (name := visible(p.name)).strip()
    ]
    return attrs.evolve(
        article,
        title=shown(article.title),
        standfirst=shown(article.standfirst),
        description=shown(article.description),
        site_name=shown(article.site_name),
        section=shown(article.section),
        authors=authors,
        tags=[visible(t) for t in article.tags],
        credits=[visible(c) for c in article.credits],
        body=_blocks(article.body),
        quotes=(),
        comments=(),
        warnings=(),
        encoding=None,
        encoding_source=None,
        base_url=None,
        source_format="markdown",
        extra=extra,
    )


# --------------------------------------------------------------------------- front matter


class _Dumper(yaml.SafeDumper):
    """A SafeDumper that writes every multi-line string double-quoted (one line each), and
    every string holding a character a Markdown renderer could make markup of (``< > [ ] "``)
    double-quoted too, those characters escaped (:func:`_inert_front_matter`)."""


_QUOTED = frozenset('\n\x85\u2028\u2029<>[]"')


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(c in _QUOTED for c in value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_INERT = {"<": "\\x3C", ">": "\\x3E", "[": "\\x5B", "]": "\\x5D"}


def _inert_front_matter(dumped: str) -> str:
    """*dumped* YAML with ``< > [ ]`` escaped inside its double-quoted strings.

    A renderer that does not know front matter shows it as Markdown text: escaped,
    no string in it becomes an HTML tag or a link (YAML reads ``\\x3C`` back as ``<``).
    Every string holding one of these characters or ``"`` is double-quoted
    (:func:`_represent_str`), so a ``"`` outside an escape always opens or closes one;
    ``[`` and ``]`` outside strings are YAML's own (an empty list) and stay.
    """
    if not any(c in dumped for c in "<>[]"):
        return dumped
    out: list[str] = []
    quoted = False
    escaped = False
    for ch in dumped:
        if quoted:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
            elif ch in _INERT:
                out.append(_INERT[ch])
                continue
        elif ch == '"':
            quoted = True
        out.append(ch)
    return "".join(out)


_Dumper.add_representer(str, _represent_str)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _person(person: Person) -> Any:
    if person.url is None and person.role is None:
        return person.name
    entry: dict[str, str] = {"name": person.name}
    if person.url is not None:
        entry["url"] = person.url
    if person.role is not None:
        entry["role"] = person.role
    return entry


def _image(image: Image) -> Any:
    if image.alt is None and image.caption is None and image.credit is None:
        return image.url
    entry: dict[str, str] = {"url": image.url}
    for key in ("alt", "caption", "credit"):
        value = getattr(image, key)
        if value is not None:
            entry[key] = value
    return entry


def _front_matter(article: Article) -> dict[str, Any]:
    a = article
    data: dict[str, Any] = {}
    if a.title is not None or (a.body and isinstance(a.body[0], Heading) and a.body[0].level == 1):
        data["title"] = a.title
    optional: list[tuple[str, Any]] = [
        ("subtitle", a.standfirst),
        ("description", a.description),
        ("authors", [_person(p) for p in a.authors] or None),
        ("credits", list(a.credits) or None),
        ("date", a.published.isoformat() if a.published else None),
        ("lastmod", a.modified.isoformat() if a.modified else None),
        ("lang", a.language),
        ("site_name", a.site_name),
        ("url", a.url),
        ("canonical", a.canonical_url),
        ("section", a.section),
        ("page_type", a.page_type),
        ("tags", list(a.tags) or None),
        ("images", [_image(i) for i in a.images] or None),
    ]
    data.update((k, v) for k, v in optional if v is not None)
    if a.standfirst is None and a.description is not None:
        # an empty subtitle: parse_markdown reads a lone description as the standfirst
        data["subtitle"] = None
    data.update((k, _plain(v)) for k, v in sorted(a.extra.items()))
    return data


# --------------------------------------------------------------------------- inlines

_ALWAYS = frozenset("\\`*_[]~|")  # and < & as entities
_LINE_START = frozenset("#>+-=:")
_ORDERED = re.compile(r"[0-9]{1,9}[.)]")
_TRIM = frozenset(MD_TRIM_CHARS)
_BARE_URL = re.compile(r"[A-Za-z0-9\-._~:/?#@!$%*+,;='&]+")
_THEMATIC = re.compile(r"[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in _TRIM


def _entity(ch: str) -> str:
    return f"&#{ord(ch)};"


def _word(ch: str) -> bool:
    """Neither white space nor punctuation, as markdown-it's flanking rules classify it."""
    if not ch:
        return False
    return not (isWhiteSpace(ord(ch)) or isMdAsciiPunct(ord(ch)) or isPunctChar(ch))


def _escape_text(text: str, *, line_start: bool, block_end: bool, heading: bool, before_link: bool) -> str:
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch == "<":
            out.append("&lt;")  # not "\\<": Python-Markdown knows no such escape
        elif ch == "&":
            out.append("&amp;")
        elif ch in _ALWAYS or (ch == "#" and heading):
            out.append("\\" + ch)
        elif ch == "\n" or ch == "\ufeff" or ch == "\r" or (((i == 0 and line_start) or (i == last and block_end)) and _is_space(ch)):
            out.append(_entity(ch))
        elif i == 0 and line_start and ch in _LINE_START:
            out.append("\\" + ch)
        elif i == last and before_link and ch == "!":
            out.append("\\!")
        else:
            out.append(ch)
    if line_start:
        match = _ORDERED.match(text)
        if match:
            end = match.end() - 1
            out[end] = "\\" + text[end]
    return "".join(out)


def _code_span(code: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * (longest + 1)
    pad = code.startswith("`") or code.endswith("`") or (
        code.startswith(" ") and code.endswith(" ") and code.strip() != ""
    )
    return f"{fence} {code} {fence}" if pad else f"{fence}{code}{fence}"


def _destination(url: str) -> str:
    if url and _BARE_URL.fullmatch(url) and url.count("(") == 0:
        return url.replace("&", "\\&")
    escaped = []
    for ch in url:
        if ch in "\\<>&":
            escaped.append("\\" + ch)
        elif ch == "\n":
            escaped.append(_entity(ch))
        else:
            escaped.append(ch)
    return "<" + "".join(escaped) + ">"


def _title(title: str | None) -> str:
    if title is None:
        return ""
    escaped = []
    for ch in title:
        if ch in '\\"&':
            escaped.append("\\" + ch)
        elif ch == "\n":
            escaped.append(_entity(ch))
        else:
            escaped.append(ch)
    return ' "' + "".join(escaped) + '"'


def _alt(alt: str) -> str:
    return _escape_text(alt, line_start=False, block_end=False, heading=False, before_link=False)


class _Piece:
    """One unit of inline output; delimiters of emphasis-like nodes are decided late."""

    __slots__ = ("delimiters", "kind", "node", "partner", "text")

    def __init__(self, kind: str, text: str = "", node: Inline | None = None) -> None:
        self.kind = kind  # text | raw | br | open | close | link_open
        self.text = text
        self.node = node
        # A close piece's Markdown mark and HTML tag ("*", "em"): which one is chosen late.
        self.delimiters = ("", "")
        self.partner: _Piece | None = None


def _flatten(nodes: Sequence[Inline]) -> list[_Piece]:
    pieces: list[_Piece] = []
    todo: list[Inline | _Piece] = list(reversed(nodes))
    table = _PIECES
    while todo:
        node = todo.pop()
        if isinstance(node, _Piece):
            pieces.append(node)
        else:
            table[type(node)](node, pieces, todo)
    return pieces


# ----- inlines as pieces: (node, the pieces so far, the stack of what comes next)


def _text_piece(node: Text, pieces: list[_Piece], todo: list[Inline | _Piece]) -> None:
    pieces.append(_Piece("text", node.text))


def _code_piece(node: InlineCode, pieces: list[_Piece], todo: list[Inline | _Piece]) -> None:
    pieces.append(_Piece("raw", _code_span(node.code), node))


def _break_piece(node: LineBreak, pieces: list[_Piece], todo: list[Inline | _Piece]) -> None:
    pieces.append(_Piece("br"))


def _image_piece(node: InlineImage, pieces: list[_Piece], todo: list[Inline | _Piece]) -> None:
    pieces.append(_Piece("raw", f"![{_alt(node.alt)}]({_destination(node.src)}{_title(node.title)})", node))


def _link_pieces(node: Link, pieces: list[_Piece], todo: list[Inline | _Piece]) -> None:
    close = _Piece("raw", f"]({_destination(node.href)}{_title(node.title)})", node)
    todo.append(close)
    todo.extend(reversed(node.children))
    pieces.append(_Piece("link_open", "[", node))


def _delimited(mark: str, tag: str) -> Callable[[Emphasis | Strong | Strikethrough, list[_Piece], list[Inline | _Piece]], None]:
    """Pieces for an emphasis-like node: written ``*text*`` (*mark*) or ``<em>text</em>`` (*tag*)."""

    def pieces_of(node: Emphasis | Strong | Strikethrough, pieces: list[_Piece], todo: list[Inline | _Piece]) -> None:
        opener, closer = _Piece("open", node=node), _Piece("close", node=node)
        opener.partner, closer.partner = closer, opener
        closer.delimiters = (mark, tag)
        todo.append(closer)
        todo.extend(reversed(node.children))
        pieces.append(opener)

    return pieces_of


#: Inline class -> its pieces of Markdown.
_PIECES: NodeTable[Inline, Callable[[Inline, list[_Piece], list[Inline | _Piece]], None]] = NodeTable(
    INLINE_TYPES,
    [
        inline_rule(Text, _text_piece),
        inline_rule(Emphasis, _delimited("*", "em")),
        inline_rule(Strong, _delimited("**", "strong")),
        inline_rule(Strikethrough, _delimited("~~", "del")),
        inline_rule(InlineCode, _code_piece),
        inline_rule(Link, _link_pieces),
        inline_rule(LineBreak, _break_piece),
        inline_rule(InlineImage, _image_piece),
    ],
)


def _render(pieces: list[_Piece]) -> str:
    return "".join(p.text for p in pieces)


def _char_before(pieces: list[_Piece], start: int) -> str:
    """The character written just before ``pieces[start]`` ("" at the start of the block)."""
    if start == 0:
        return ""
    piece = pieces[start - 1]
    if piece.kind == "open":  # an enclosing node: it will be written as an HTML tag
        return ">"
    return piece.text[-1:]


def _char_after(pieces: list[_Piece], end: int) -> str:
    """The character written just after ``pieces[end]`` ("" at the end of the block)."""
    if end + 1 >= len(pieces):
        return ""
    piece = pieces[end + 1]
    if piece.kind in ("open", "close"):  # not decided yet; both forms start with punctuation
        return "<"
    return piece.text[:1]


def _inline_markdown(nodes: Sequence[Inline], *, heading: bool = False, cell: bool = False) -> str:
    pieces = _flatten(nodes)
    breaks_allowed = not (heading or cell)
    # Pass 1: line breaks and text (their form depends only on their neighbours' kinds).
    line_start = True
    for i, piece in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if piece.kind == "br":
            newline = breaks_allowed and nxt is not None and not (nxt.kind == "raw" and isinstance(nxt.node, InlineCode))
            piece.text = "\\\n" if newline else "<br>"
            line_start = newline
            continue
        if piece.kind == "text":
            piece.text = _escape_text(
                piece.text,
                line_start=line_start,
                block_end=nxt is None,
                heading=heading,
                before_link=nxt is not None and nxt.kind == "link_open",
            )
        line_start = False
    # Pass 2: emphasis-like delimiters, innermost first (closers come in that order).
    index = {id(p): i for i, p in enumerate(pieces)}
    for closer in pieces:
        if closer.kind != "close" or closer.partner is None:
            continue
        opener = closer.partner
        start, end = index[id(opener)], index[id(closer)]
        mark, tag = closer.delimiters
        inner = _render(pieces[start + 1 : end])
        before = _char_before(pieces, start)
        after = _char_after(pieces, end)
        markdown = (
            inner != ""
            and _word(inner[0])
            and _word(inner[-1])
            and not _word(before)
            and not _word(after)
            and before != mark[0]
            and after != mark[0]
        )
        opener.text, closer.text = (mark, mark) if markdown else (f"<{tag}>", f"</{tag}>")
    for left, right in itertools.pairwise(pieces):
        # Two code spans side by side would merge their backtick runs: an empty
        # HTML comment (which parse_markdown drops) keeps them apart.
        if left.kind == right.kind == "raw" and isinstance(left.node, InlineCode) and isinstance(right.node, InlineCode):
            right.text = "<!---->" + right.text
    text = _render(pieces)
    return text.replace("|", "\\|") if cell else text


# --------------------------------------------------------------------------- blocks


def _fence(code: str, language: str | None) -> list[str]:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    info = ""
    if language:
        # A backtick cannot stand in an info string, and a "|" there would let markdown-it read the
        # fence line as a table header when the code's first line looks like a delimiter row
        # ("--"): both are written as character references, which the info string decodes.
        info = "".join(
            _entity(ch) if ch in "`|" or _is_space(ch) else "\\" + ch if isMdAsciiPunct(ord(ch)) else ch
            for ch in language
        )
    lines = [fence + info]
    if code:
        lines.extend(code.split("\n"))
    lines.append(fence)
    return lines


def _table_lines(table: Table) -> list[str]:
    head = table.header[0] if table.header else table.rows[0]
    if table.header:
        lines = ["| " + " | ".join(_inline_markdown(c.children, cell=True) for c in head.cells) + " |"]
    else:
        lines = ["|" + "  |" * len(head.cells)]  # no header: a header row of empty cells
    rule = {None: "---", "left": ":---", "center": ":---:", "right": "---:"}
    lines.append("| " + " | ".join(rule[c.align] for c in head.cells) + " |")
    lines.extend(
        "| " + " | ".join(_inline_markdown(c.children, cell=True) for c in row.cells) + " |" for row in table.rows
    )
    return lines


def _list_lines(block: ListBlock, out: list[str], alternate: bool) -> None:
    loose = any(len(item.blocks) > 1 for item in block.items)
    for i, item in enumerate(block.items):
        if block.ordered:
            number = min((block.start or 0) + i, 999_999_999)
            marker = f"{number}{')' if alternate else '.'}"
        else:
            marker = "+" if alternate else "-"
        body = _block_lines(item.blocks, nested=True)
        if loose and i:
            out.append("")
        if not body:
            out.append(marker)
            continue
        indent = " " * (len(marker) + 1)
        first = f"{marker} {body[0]}"
        if _THEMATIC.match(first):
            # "- - -" would be a thematic break: start the item's content on the next line.
            out.append(marker)
            out.extend(indent + line if line else "" for line in body)
        else:
            out.append(first)
            out.extend(indent + line if line else "" for line in body[1:])


def _block_lines(blocks: Sequence[Block], *, nested: bool = False) -> list[str]:
    """The lines of *blocks*, a blank line between them (each through its :data:`_LINES` entry).

    *nested*: the blocks are in a list item or a block quote, where a code block that holds a
    ``<`` or a ``[`` is written as an HTML ``<pre>`` block (:func:`_pre_lines`), not fenced.
    """
    out: list[str] = []
    table = _LINES
    previous: Block | None = None
    alternate = False
    for block in blocks:
        if out:
            out.append("")
        if isinstance(block, ListBlock):
            # A list right after a list of its kind takes the other marker ("+" or "1)"),
            # or the two would read back as one list: every other list of a run alternates.
            same = isinstance(previous, ListBlock) and previous.ordered == block.ordered
            alternate = same and not alternate
        if nested and isinstance(block, CodeBlock) and ("<" in block.code or "[" in block.code):
            out.extend(_pre_lines(block))
        else:
            table[type(block)](block, out, alternate)
        previous = block
    return out


def _pre_lines(block: CodeBlock) -> list[str]:
    """A code block as an HTML ``<pre><code>`` block, its text escaped.

    Python-Markdown reads fenced code only at the top of a document: in a list item or a
    block quote a fence is text to it, so a ``<script>`` line of the code is raw HTML and a
    ``[link](javascript:...)`` a link.  Escaped in a ``<pre>`` block (``&``, ``<``, ``>``, ``[``
    and ``]`` as character references), the code is inert in every renderer, and
    ``parse_markdown`` reads the same code back (the newline after the start tag is the one
    an HTML parser drops).
    """
    words = block.language.split() if block.language else []
    language = f' class="language-{_html_escape(words[0], quote=True)}"' if words else ""
    code = _html_escape(block.code, quote=False).replace("[", "&#91;").replace("]", "&#93;")
    return f"<pre><code{language}>\n{code}</code></pre>".split("\n")


# ----- blocks as lines: (block, the lines so far, whether a list takes the other marker)


def _paragraph_lines(block: Paragraph, out: list[str], alternate: bool) -> None:
    out.extend(_inline_markdown(block.children).split("\n"))


def _heading_lines(block: Heading, out: list[str], alternate: bool) -> None:
    content = _inline_markdown(block.children, heading=True)
    out.append("#" * block.level + (" " + content if content else ""))


def _code_lines(block: CodeBlock, out: list[str], alternate: bool) -> None:
    out.extend(_fence(block.code, block.language))


def _break_lines(block: ThematicBreak, out: list[str], alternate: bool) -> None:
    out.append("***")


def _figure_lines(block: Figure, out: list[str], alternate: bool) -> None:
    image = InlineImage(block.src, block.alt, block.title)
    out.append(_inline_markdown([image]))


def _table_block_lines(block: Table, out: list[str], alternate: bool) -> None:
    out.extend(_table_lines(block))


def _quote_lines(block: BlockQuote, out: list[str], alternate: bool) -> None:
    inner = _block_lines(block.blocks, nested=True)
    out.extend(("> " + line if line else ">") for line in inner or [""])


#: Block class -> its lines of Markdown.
_LINES: NodeTable[Block, Callable[[Block, list[str], bool], None]] = NodeTable(
    BLOCK_TYPES,
    [
        block_rule(Heading, _heading_lines),
        block_rule(Paragraph, _paragraph_lines),
        block_rule(ListBlock, _list_lines),
        block_rule(BlockQuote, _quote_lines),
        block_rule(Figure, _figure_lines),
        block_rule(Table, _table_block_lines),
        block_rule(CodeBlock, _code_lines),
        block_rule(ThematicBreak, _break_lines),
    ],
)


def to_markdown(article: Article) -> str:
    """Write *article* as CommonMark with a YAML front matter (see the module docs for the style).

    ``parse_markdown(to_markdown(a), quotes=False) == markdown_expressible(a)``
    for every Article, and ``to_markdown`` is idempotent on its own output.
    The front matter is written whole: one larger than the reader's limits
    (``Limits.max_front_matter_bytes``, 64 KB, and ``Limits.max_yaml_nodes`` by
    default; a large ``extra`` can pass them) is refused by :func:`parse_markdown`
    with a :class:`~articlekit.FrontMatterError` that names the ``Limits`` which
    read it back.
    Anything but an Article raises :class:`~articlekit.ValidationError`.
    """
    if not isinstance(article, Article):
        raise ValidationError(f"to_markdown() takes an Article, got {type(article).__name__}")
    article = markdown_expressible(article)
    body = "\n".join(_block_lines(article.body))
    front = _front_matter(article)
    if not front and body:
        return body + "\n"
    dumped = yaml.dump(
        front, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=2**30
    ) if front else ""
    head = "---\n" + _inert_front_matter(dumped) + "---\n"
    return head + "\n" + body + "\n" if body else head
