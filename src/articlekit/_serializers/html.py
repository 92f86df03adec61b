"""Safe, semantic HTML5: :func:`to_html`.

The output is built by a small writer that escapes every text and attribute
value it is given and refuses any element or attribute outside a fixed
allow-list (:data:`ALLOWED_TAGS`, :data:`ALLOWED_ATTRIBUTES`); no value from
the article is ever pasted into the markup unescaped.  Whatever the article
holds, the output is **safe to embed**:

* text is escaped (``&``, ``<``, ``>`` and no-break spaces in text; those and
  ``"`` in attribute values), exactly as the HTML5 serialisation algorithm
  does, so the output is a fixed point of an HTML5 sanitiser run with the same
  allow-list (``nh3.clean(out, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
  link_rel=None, url_schemes=ALLOWED_URL_SCHEMES) == out``);
* URLs (``href``, ``src``) are kept only when :func:`safe_url` accepts them
  (``http``, ``https``, ``mailto`` or relative); an unsafe (or empty) URL is
  left out: the link or image is still written, without its ``href`` / ``src``;
* elements nest no deeper than the model allows
  (:data:`articlekit._model.MAX_DEPTH`), so the output depth is bounded.

A fragment (the default) is one ``<article>`` element.  With
``standalone=True`` the article is wrapped in a complete document whose head
carries ``<meta charset="utf-8">``, the language, a ``<title>``, OpenGraph
``<meta>`` tags and the schema.org JSON-LD of :func:`~articlekit.to_jsonld`
(in a ``<script type="application/ld+json">`` whose JSON escapes ``<``, ``>``
and ``&``, so no field can close the script).  That script is the only
``script`` element ever written, and only in a standalone document's head.

Quotes (:attr:`Article.quotes`) are marked up where they lie inside one block:
a ``<span>`` with ``data-kind`` (``direct``, ``partial``, ``headline``,
``scare``, ``indirect``), ``data-speaker``, ``data-role`` and ``data-cue``
attributes (at most 100 quotes in one block are marked up, which keeps the
writer linear); style them with ``span[data-kind]``.  Not ``<q>``: the quote
marks stay in the text as the source printed them, and a browser adds its own
around a ``<q>``, so every quote would show its marks twice.  With
``annotate_quotes=False`` no quote is marked up at all.  A quote's ``speaker_span`` (where
the text names its speaker) is not written: HTML does not carry it, as reading
a page back (:func:`~articlekit.parse_html`) re-extracts the quotes from its
text, speakers' mentions included.

Each node class is written by its entry in :data:`_BLOCKS` or :data:`_INLINES`
(``{node class: handler}``, see :mod:`articlekit._model._dispatch`); a new node
kind needs an entry in the table of its category (and an element in the
allow-lists if it needs one).  Inline handlers that open an element return the
children to write inside it, so inline content is written from a stack, not by
recursion.

>>> from articlekit import Article, Paragraph, Text, Link, to_html
>>> a = Article(title="Hi <there>", body=[Paragraph([Link("ftp://example.com/x", [Text("x")])])])
>>> print(to_html(a))
<article>
<header>
<h1>Hi &lt;there&gt;</h1>
</header>
<p><a>x</a></p>
</article>
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import TypeAlias

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
    Quote,
    Strikethrough,
    Strong,
    Table,
    TableRow,
    Text,
    ThematicBreak,
)
from articlekit._model._dispatch import NodeTable, block_rule, inline_rule
from articlekit._model._text import block_text, inline_text
from articlekit._schemaorg import script_json, to_schemaorg
from articlekit._urls import OUTPUT_SCHEMES, safe_url

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "ALLOWED_URL_SCHEMES",
    "GENERATOR",
    "to_html",
]

#: The elements a fragment may contain (a standalone document adds ``html``,
#: ``head``, ``body``, ``meta``, ``title`` and one JSON-LD ``script`` in the head).
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "article",
        "blockquote",
        "br",
        "caption",
        "code",
        "del",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "small",
        "span",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "time",
        "tr",
        "ul",
    }
)

_QUOTE_ATTRIBUTES = frozenset({"data-kind", "data-speaker", "data-role", "data-cue"})

#: The attributes each element may carry (elements not listed carry none).
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "rel"}),
    "article": frozenset({"lang"}),
    "code": frozenset({"class", "data-language"}),
    "img": frozenset({"src", "alt", "title"}),
    "ol": frozenset({"start"}),
    "p": frozenset({"class"}),
    "q": _QUOTE_ATTRIBUTES,
    "small": frozenset({"class"}),
    "span": _QUOTE_ATTRIBUTES | {"class"},
    "td": frozenset({"align"}),
    "th": frozenset({"align"}),
    "time": frozenset({"datetime", "class"}),
}

#: URL schemes kept in ``href`` and ``src`` (relative URLs are kept too).
ALLOWED_URL_SCHEMES: frozenset[str] = OUTPUT_SCHEMES

#: The ``<meta name="generator">`` value of a standalone document; articlekit's
#: HTML parser recognises its own pages by it and reads them back exactly.
GENERATOR = "articlekit"

_URL_ATTRIBUTES = frozenset({"href", "src"})
_VOID = frozenset({"br", "hr", "img", "meta"})
_HEAD_TAGS = frozenset({"html", "head", "body", "meta", "title", "script"})
_HEAD_ATTRIBUTES: dict[str, frozenset[str]] = {
    "html": frozenset({"lang"}),
    "meta": frozenset({"charset", "name", "property", "content"}),
    "script": frozenset({"type"}),
}

# Characters removed before a URL's scheme is looked at: what browsers strip or
# ignore (C0 controls, space, tab, newline), other controls, and invisible
# format characters and Unicode spaces someone could hide a scheme behind.


def _escape_text(text: str) -> str:
    # str.replace is far faster than str.translate with a mapping.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;")
    )


def _escape_attribute(value: str) -> str:
    return _escape_text(value).replace('"', "&quot;")

# How many quotes may nest inside one another in the markup (deeper ones are
# not marked up; they are still in the JSON-LD).
_MAX_QUOTE_NESTING = 8
# How many quotes are marked up in one block: placing each costs time in
# proportion to the pieces the block is already split into, so the cap keeps
# to_html linear on blocks with thousands of quotes.  The rest are not marked
# up (they are still in the JSON-LD).
_MAX_QUOTES_PER_BLOCK = 100


# --------------------------------------------------------------------------- the writer


class _Writer:
    """Writes HTML from tags, attributes and text; escapes everything it is given.

    It refuses (with an internal error) any element or attribute outside the
    allow-lists, so no code path can emit one by mistake.
    """

    __slots__ = ("_head", "parts")

    def __init__(self, *, head: bool = False) -> None:
        self.parts: list[str] = []
        self._head = head

    def _check(self, tag: str, name: str) -> None:
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset())
        if self._head and tag in _HEAD_TAGS:
            allowed = _HEAD_ATTRIBUTES.get(tag, frozenset())
        if name not in allowed:  # pragma: no cover - a programming error, not input
            raise AssertionError(f"attribute {name!r} is not allowed on <{tag}>")

    def open(self, tag: str, attributes: Iterable[tuple[str, str | None]] = ()) -> None:
        """Write a start tag; attributes whose value is None are left out."""
        if tag not in ALLOWED_TAGS and not (self._head and tag in _HEAD_TAGS):
            raise AssertionError(f"element <{tag}> is not allowed")  # pragma: no cover
        out = self.parts
        out.append("<" + tag)
        for name, value in attributes:
            self._check(tag, name)
            if value is None:
                continue
            if name in _URL_ATTRIBUTES:
                value = safe_url(value)
                if not value:  # unsafe, or empty: leave the attribute out
                    continue
            out.append(f' {name}="{_escape_attribute(value)}"')
        out.append(">")

    def close(self, tag: str) -> None:
        """Write an end tag."""
        self.parts.append(f"</{tag}>")

    def text(self, text: str) -> None:
        """Write escaped text."""
        if text:
            self.parts.append(_escape_text(text))

    def element(self, tag: str, text: str, attributes: Iterable[tuple[str, str | None]] = ()) -> None:
        """Write an element holding only text."""
        self.open(tag, attributes)
        self.text(text)
        self.close(tag)

    def newline(self) -> None:
        """Write a newline between blocks (never inside running text)."""
        self.parts.append("\n")

    def raw_json(self, json_text: str) -> None:
        """Write JSON inside a script element; it must not contain ``<`` (it is escaped)."""
        if "<" in json_text or ">" in json_text or "&" in json_text:  # pragma: no cover
            raise AssertionError("unescaped JSON in a script element")
        self.parts.append(json_text)

    def result(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------- quotes in inlines


class _Own:
    """The writer's own inline items, beside model nodes and str pieces (one isinstance tells)."""

    __slots__ = ()


class _Wrap(_Own):
    """A quote wrapped around a run of inline items (in the rewritten inline tree)."""

    __slots__ = ("children", "quote")

    def __init__(self, quote: Quote, children: list[_Item]) -> None:
        self.quote = quote
        self.children = children


class _Open(_Own):
    """A model container (emphasis, link ...) whose children were rewritten."""

    __slots__ = ("children", "node")

    def __init__(self, node: Emphasis | Strong | Strikethrough | Link, children: list[_Item]) -> None:
        self.node = node
        self.children = children


# A str item is a piece of a Text node split at a quote boundary.
_Item = Inline | _Wrap | _Open | str
_CONTAINERS = (Emphasis, Strong, Strikethrough, Link)


def _length(item: _Item) -> int:
    """How many characters of :attr:`Article.text` an item covers."""
    if isinstance(item, str):
        return len(item)
    if isinstance(item, Text):
        return len(item.text)  # the common case, without building a list (the same as below)
    if isinstance(item, (_Wrap, _Open)):
        return sum(_length(c) for c in item.children)
    return len(inline_text((item,)))


def _is_link(item: _Item) -> bool:
    return isinstance(item, Link) or (isinstance(item, _Open) and isinstance(item.node, Link))


def _splice_links(items: list[_Item]) -> None:
    """Replace each link in *items* by its content, in place (a loop, not a recursion).

    Inside a link, a link is written as its content alone (HTML has no nested
    links), so a page read back has no boundary there: placing quotes in the
    spliced list puts them where they go when the page is written again.
    """
    if not any(_is_link(item) for item in items):
        return
    out: list[_Item] = []
    stack: list[Iterator[_Item]] = [iter(items)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, Link):
                stack.append(iter(item.children))
                break
            if isinstance(item, _Open) and isinstance(item.node, Link):
                stack.append(iter(item.children))
                break
            out.append(item)
        else:
            stack.pop()
    items[:] = out


def _insert(items: list[_Item], start: int, end: int, quote: Quote, wraps: int, in_link: bool = False) -> bool:
    """Wrap the characters ``[start, end)`` of *items* in a quote, if the tree allows.

    Returns False (and changes nothing the writer would show) when the range
    crosses an element boundary or would nest quotes too deeply.  Only the
    boundaries the page shows count: a link inside a link has none.
    """
    if wraps >= _MAX_QUOTE_NESTING:
        return False
    if in_link:
        _splice_links(items)
    lengths = [_length(item) for item in items]
    offsets: list[int] = []
    pos = 0
    for n in lengths:
        offsets.append(pos)
        pos += n
    # Inside one container child (but not exactly around it): descend.
    for i, item in enumerate(items):
        a, b = offsets[i], offsets[i] + lengths[i]
        if a <= start and end <= b and (a, b) != (start, end):
            if isinstance(item, (_Wrap, _Open)):
                inner = 1 if isinstance(item, _Wrap) else 0
                return _insert(item.children, start - a, end - a, quote, wraps + inner, in_link or _is_link(item))
            if isinstance(item, _CONTAINERS):
                opened = _Open(item, list(item.children))
                if _insert(opened.children, start - a, end - a, quote, wraps, in_link or isinstance(item, Link)):
                    items[i] = opened
                    return True
                return False
            if not isinstance(item, (Text, str)):
                return False
    # Split text items at the boundaries; fail if a boundary falls inside anything else.
    split: list[_Item] = []
    for i, item in enumerate(items):
        a, b = offsets[i], offsets[i] + lengths[i]
        cuts = [p - a for p in (start, end) if a < p < b]
        if not cuts:
            split.append(item)
            continue
        if isinstance(item, str):
            text = item
        elif isinstance(item, Text):
            text = item.text
        else:
            return False
        last = 0
        for cut in cuts:
            split.append(text[last:cut])
            last = cut
        split.append(text[last:])
    first = last_ = -1
    pos = 0
    for i, item in enumerate(split):
        n = _length(item)
        a, b = pos, pos + n
        pos = b
        if start <= a and b <= end and not (n == 0 and a in (start, end)):
            if first < 0:
                first = i
            last_ = i
    if first < 0:
        return False
    items[:] = [*split[:first], _Wrap(quote, split[first : last_ + 1]), *split[last_ + 1 :]]
    return True


class _Quotes:
    """The article's quotes, sorted, looked up by the text range of a block."""

    __slots__ = ("_quotes", "_starts")

    def __init__(self, quotes: Sequence[Quote]) -> None:
        ordered = sorted((q for q in quotes if q.span[0] < q.span[1]), key=lambda q: (q.span[0], -q.span[1]))
        self._quotes = ordered
        self._starts = [q.span[0] for q in ordered]

    def within(self, start: int, end: int) -> list[Quote]:
        if not self._quotes:
            return []
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return [q for q in self._quotes[i:j] if q.span[1] <= end]


# --------------------------------------------------------------------------- body


class _Body:
    """Writes blocks and inlines; ``pos`` arguments are offsets into :attr:`Article.text`."""

    __slots__ = ("quotes", "w")

    def __init__(self, writer: _Writer, quotes: _Quotes) -> None:
        self.w = writer
        self.quotes = quotes

    # ----- inlines

    def holder(self, tag: str, children: tuple[Inline, ...], pos: int, attributes: Sequence[tuple[str, str | None]] = ()) -> None:
        """Write an element holding inline content that starts at *pos* in the article text."""
        self.w.open(tag, attributes)
        self.inline_content(children, pos)
        self.w.close(tag)

    def inline_content(self, children: tuple[Inline, ...], pos: int) -> None:
        items: list[_Item] = list(children)
        quotes = self.quotes.within(pos, pos + len(inline_text(children))) if children else []
        for quote in quotes[:_MAX_QUOTES_PER_BLOCK]:
            _insert(items, quote.span[0] - pos, quote.span[1] - pos, quote, 0)
        self.inlines(items, in_link=False)

    def inlines(self, items: Iterable[_Item], *, in_link: bool) -> None:
        """Write inline items: model nodes through :data:`_INLINES`, and the writer's own
        items (text split at quote boundaries, quotes, containers with rewritten children).

        A loop over a stack of open elements, not a recursion: a handler that opens an
        element returns the children to write inside it (see :data:`_Descent`).
        """
        w = self.w
        table = _INLINES
        # The open elements above the current one: (their remaining children, end tag, in a link?).
        stack: list[tuple[Iterator[_Item], str | None, bool]] = []
        children: Iterator[_Item] = iter(items)
        end: str | None = None
        while True:
            for item in children:
                if isinstance(item, str):
                    w.text(item)
                    continue
                if not isinstance(item, _Own):  # a model node: the common case first
                    descent: _Descent | None = table[type(item)](item, w, None, in_link)
                elif isinstance(item, _Wrap):
                    descent = _quote(item, w, in_link)
                else:
                    descent = table[type(item.node)](item.node, w, item.children, in_link)
                if descent is not None:  # an element opened: write its children, then come back
                    stack.append((children, end, in_link))
                    children, end, in_link = iter(descent[0]), descent[1], descent[2]
                    break
            else:  # the current element's children are written
                if end is not None:
                    w.close(end)
                if not stack:
                    return
                children, end, in_link = stack.pop()

    # ----- blocks

    def blocks(self, blocks: Iterable[Block], pos: int) -> None:
        """Blocks whose texts are joined by blank lines (the body, a block quote), each
        written by its :data:`_BLOCKS` handler and followed by a newline."""
        table = _BLOCKS
        for block in blocks:
            text = block_text(block)
            table[type(block)](block, self, pos)
            self.w.newline()
            if text:
                pos += len(text) + 2

    def table(self, table: Table, pos: int) -> None:
        w = self.w
        w.open("table")
        w.newline()
        if table.caption:
            self.holder("caption", table.caption, pos)
            w.newline()
            pos += len(inline_text(table.caption)) + 1
        if table.header:
            w.open("thead")
            w.newline()
            pos = self.rows(table.header, "th", pos)
            w.close("thead")
            w.newline()
        w.open("tbody")
        w.newline()
        self.rows(table.rows, "td", pos)
        w.close("tbody")
        w.newline()
        w.close("table")

    def rows(self, rows: Iterable[TableRow], cell_tag: str, pos: int) -> int:
        w = self.w
        for row in rows:
            w.open("tr")
            if not row.cells:
                pos += 1
            for cell in row.cells:
                self.holder(cell_tag, cell.children, pos, (("align", cell.align),))
                pos += len(inline_text(cell.children)) + 1
            w.close("tr")
            w.newline()
        return pos


# ----- inlines: (node, writer, its rewritten children or None, inside a link?)

#: What an inline handler that opens an element returns: the children to write inside
#: it, the end tag to write after them (None: none) and whether they are inside a link.
_Descent: TypeAlias = "tuple[Iterable[_Item], str | None, bool]"


def _text(node: Text, w: _Writer, children: Iterable[_Item] | None, in_link: bool) -> _Descent | None:
    if node.text:  # _Writer.text, inlined: the most frequent node
        w.parts.append(_escape_text(node.text))
    return None


def _inline_code(node: InlineCode, w: _Writer, children: Iterable[_Item] | None, in_link: bool) -> _Descent | None:
    w.element("code", node.code)
    return None


def _line_break(node: LineBreak, w: _Writer, children: Iterable[_Item] | None, in_link: bool) -> _Descent | None:
    w.open("br")
    return None


def _inline_image(
    node: InlineImage, w: _Writer, children: Iterable[_Item] | None, in_link: bool
) -> _Descent | None:
    w.open("img", (("src", node.src), ("alt", node.alt), ("title", node.title)))
    return None


def _markup(
    tag: str,
) -> Callable[[Emphasis | Strong | Strikethrough, _Writer, Iterable[_Item] | None, bool], _Descent | None]:
    def write(
        node: Emphasis | Strong | Strikethrough, w: _Writer, children: Iterable[_Item] | None, in_link: bool
    ) -> _Descent | None:
        w.open(tag)
        return (node.children if children is None else children), tag, in_link

    return write


def _link(node: Link, w: _Writer, children: Iterable[_Item] | None, in_link: bool) -> _Descent | None:
    items: Iterable[_Item] = node.children if children is None else children
    if in_link:
        # HTML forbids a link inside a link: write the inner one's content.
        return items, None, True
    w.open("a", (("href", node.href), ("title", node.title)))
    return items, "a", True


def _quote(item: _Wrap, w: _Writer, in_link: bool) -> _Descent:
    """A quote around a run of inline items (not a model node: the writer's own item)."""
    quote = item.quote
    tag = "span"  # never <q>: the text keeps its own quote marks, and a browser adds more to a <q>
    speaker = quote.speaker
    w.open(
        tag,
        (
            ("data-kind", quote.kind),
            ("data-speaker", None if speaker is None else speaker.name),
            ("data-role", None if speaker is None else speaker.role),
            ("data-cue", quote.cue),
        ),
    )
    return item.children, tag, in_link


#: Inline class -> how it is written.
_INLINES: NodeTable[Inline, Callable[[Inline, _Writer, Iterable[_Item] | None, bool], _Descent | None]] = NodeTable(
    INLINE_TYPES,
    [
        inline_rule(Text, _text),
        inline_rule(Emphasis, _markup("em")),
        inline_rule(Strong, _markup("strong")),
        inline_rule(Strikethrough, _markup("del")),
        inline_rule(InlineCode, _inline_code),
        inline_rule(Link, _link),
        inline_rule(LineBreak, _line_break),
        inline_rule(InlineImage, _inline_image),
    ],
)


# ----- blocks: (block, body, where its text starts in Article.text)


def _paragraph(block: Paragraph, body: _Body, pos: int) -> None:
    body.holder("p", block.children, pos)


def _heading(block: Heading, body: _Body, pos: int) -> None:
    body.holder(f"h{block.level}", block.children, pos)


def _list(block: ListBlock, body: _Body, pos: int) -> None:
    w = body.w
    tag = "ol" if block.ordered else "ul"
    start = None if block.start in (None, 1) else str(block.start)
    w.open(tag, (("start", start),) if block.ordered else ())
    w.newline()
    for item in block.items:
        w.open("li")
        if not item.blocks:
            pos += 1
        for child in item.blocks:
            _BLOCKS[type(child)](child, body, pos)
            w.newline()
            pos += len(block_text(child)) + 1
        w.close("li")
        w.newline()
    w.close(tag)


def _block_quote(block: BlockQuote, body: _Body, pos: int) -> None:
    body.w.open("blockquote")
    body.w.newline()
    body.blocks(block.blocks, pos)
    body.w.close("blockquote")


def _figure(block: Figure, body: _Body, pos: int) -> None:
    w = body.w
    w.open("figure")
    w.open("img", (("src", block.src), ("alt", block.alt), ("title", block.title)))
    if block.caption or block.credit is not None:
        w.open("figcaption")
        body.inline_content(block.caption, pos)
        if block.credit is not None:
            w.element("small", block.credit, (("class", "credit"),))
        w.close("figcaption")
    w.close("figure")


def _table(block: Table, body: _Body, pos: int) -> None:
    body.table(block, pos)


def _code_block(block: CodeBlock, body: _Body, pos: int) -> None:
    language = block.language
    css = None if language is None or not _is_class_token(language) else f"language-{language}"
    body.w.open("pre")
    body.w.element("code", block.code, (("class", css), ("data-language", language)))
    body.w.close("pre")


def _thematic_break(block: ThematicBreak, body: _Body, pos: int) -> None:
    body.w.open("hr")


#: Block class -> how it is written (the newline after it is the caller's).
_BLOCKS: NodeTable[Block, Callable[[Block, _Body, int], None]] = NodeTable(
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


_CLASS_TOKEN = re.compile(r"^[^\s]+$")


def _is_class_token(value: str) -> bool:
    return bool(_CLASS_TOKEN.match(value))


def _display_time(value: datetime) -> str:
    return value.isoformat(sep=" ", timespec="minutes")


def _has_header(article: Article) -> bool:
    return bool(
        article.title
        or article.standfirst
        or article.authors
        or article.credits
        or article.published is not None
        or article.modified is not None
    )


def _header(body: _Body, article: Article) -> None:
    w = body.w
    w.open("header")
    w.newline()
    pos = 0
    if article.title:
        body.holder("h1", (Text(article.title),), pos)
        w.newline()
        pos += len(article.title) + 2
    if article.standfirst:
        body.holder("p", (Text(article.standfirst),), pos, (("class", "standfirst"),))
        w.newline()
    if article.authors or article.credits:
        w.open("p", (("class", "byline"),))
        first = True
        for person in article.authors:
            if not first:
                w.text(", ")
            first = False
            w.element("a", person.name, (("rel", "author"), ("href", person.url)))
            if person.role is not None:
                w.text(" ")
                w.element("span", person.role, (("class", "role"),))
        for credit in article.credits:
            if not first:
                w.text(", ")
            first = False
            w.element("span", credit, (("class", "credit"),))
        w.close("p")
        w.newline()
    if article.published is not None or article.modified is not None:
        w.open("p", (("class", "dateline"),))
        if article.published is not None:
            w.text("Published ")
            w.element(
                "time",
                _display_time(article.published),
                (("class", "published"), ("datetime", article.published.isoformat())),
            )
        if article.modified is not None:
            w.text(" · Updated " if article.published is not None else "Updated ")
            w.element(
                "time",
                _display_time(article.modified),
                (("class", "modified"), ("datetime", article.modified.isoformat())),
            )
        w.close("p")
        w.newline()
    w.close("header")
    w.newline()


def _body_start(article: Article) -> int:
    pos = 0
    for part in (article.title, article.standfirst):
        if part:
            pos += len(part) + 2
    return pos


def _write_article(w: _Writer, article: Article, *, annotate_quotes: bool = True) -> None:
    body = _Body(w, _Quotes(article.quotes if annotate_quotes else ()))
    w.open("article", (("lang", article.language),))
    w.newline()
    if _has_header(article):
        _header(body, article)
    body.blocks(article.body, _body_start(article))
    w.close("article")


def _meta(w: _Writer, key: str, name: str, content: str | None) -> None:
    if content is not None:
        w.open("meta", ((key, name), ("content", content)))
        w.newline()


def _head(w: _Writer, article: Article) -> None:
    data = to_schemaorg(article)
    w.open("head")
    w.newline()
    w.open("meta", (("charset", "utf-8"),))
    w.newline()
    _meta(w, "name", "generator", GENERATOR)
    w.element("title", article.title or "")
    w.newline()
    _meta(w, "name", "description", article.description)
    _meta(w, "property", "og:type", "article")
    _meta(w, "property", "og:title", article.title)
    _meta(w, "property", "og:description", article.description or article.standfirst)
    page_urls = [safe_url(u) for u in (article.canonical_url, article.url) if u is not None]
    _meta(w, "property", "og:url", next((u for u in page_urls if u is not None), None))
    _meta(w, "property", "og:site_name", article.site_name)
    for image in article.images:
        url = safe_url(image.url)
        if url:
            _meta(w, "property", "og:image", url)
            _meta(w, "property", "og:image:alt", image.alt)
            break
    if article.published is not None:
        _meta(w, "property", "article:published_time", article.published.isoformat())
    if article.modified is not None:
        _meta(w, "property", "article:modified_time", article.modified.isoformat())
    _meta(w, "property", "article:section", article.section)
    _meta(w, "name", "articlekit:page-type", article.page_type)
    for person in article.authors:
        _meta(w, "property", "article:author", person.name)
    for tag in article.tags:
        _meta(w, "property", "article:tag", tag)
    w.open("script", (("type", "application/ld+json"),))
    w.raw_json(script_json(data))
    w.close("script")
    w.newline()
    w.close("head")
    w.newline()


def to_html(article: Article, *, standalone: bool = False, annotate_quotes: bool = True) -> str:
    """Write *article* as semantic HTML5 that is safe to embed (see the module docs).

    :param standalone: write a complete document (doctype, head with charset,
        language, title, OpenGraph and JSON-LD) instead of an ``<article>``
        fragment.  articlekit's HTML parser reads such a document back exactly.
    :param annotate_quotes: mark each quote up as a ``<span>`` with its kind,
        speaker, role and cue in ``data-*`` attributes (the default); ``False``
        writes the text alone.  The quote marks are the text's own either way,
        so a browser shows each once.
    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`, or an
        option is not a bool.

    >>> from articlekit import Article
    >>> print(to_html(Article(title="T", language="en"), standalone=True).splitlines()[:3])
    ['<!DOCTYPE html>', '<html lang="en">', '<head>']
    """
    if not isinstance(article, Article):
        raise ValidationError(f"to_html() takes an Article, got {type(article).__name__}")
    for name, flag in (("standalone", standalone), ("annotate_quotes", annotate_quotes)):
        if not isinstance(flag, bool):
            raise ValidationError(f"to_html(): {name} must be True or False, got {flag!r:.40}")
    if not standalone:
        w = _Writer()
        _write_article(w, article, annotate_quotes=annotate_quotes)
        return w.result()
    w = _Writer(head=True)
    w.parts.append("<!DOCTYPE html>\n")
    w.open("html", (("lang", article.language),))
    w.newline()
    _head(w, article)
    w.open("body")
    w.newline()
    _write_article(w, article, annotate_quotes=annotate_quotes)
    w.newline()
    w.close("body")
    w.newline()
    w.close("html")
    w.newline()
    return w.result()
