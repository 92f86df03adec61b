"""Plain text -> Article: scraped dumps, copy-pasted pages, newsletters, transcripts.

:func:`parse_text` reads text in this order (the user guide, ``docs/guide/text.rst``,
gives the rules with examples):

1. **Lines.**  ``\\r\\n`` and ``\\r`` become ``\\n``; tabs, non-breaking and
   other Unicode spaces become spaces (a leading tab counts as four spaces of
   indentation); trailing space is dropped.  Blank lines separate *chunks*.
2. **Noise.**  Placeholder lines (``PostImage``, ``Advertisement``,
   ``Photo: AP``, ``Read more`` ...; see :mod:`articlekit._noise`) are dropped.
3. **Head.**  An e-mail header block (``From:``, ``Subject:``, ``Date:``) at
   the very top gives the title, author and date.  Otherwise the **title** is
   the first meaningful line: a line underlined with ``===``/``---``, a single
   line standing alone that does not end like a sentence (``.``, ``,``,
   ``;``, ``:``), or a title-cased line followed by text.  The **standfirst**
   is the paragraph directly after the title, when it is one plain paragraph of
   at most 600 characters and more content follows.  **Bylines** (``By Jane
   Doe``) and **date lines** before the body become ``authors``, ``credits``,
   ``published`` and ``modified`` (:mod:`articlekit._parsers._textmeta`).
4. **Body.**  Within a chunk, lines are joined with a space (soft breaks),
   except: a short title-cased line without closing punctuation that is
   followed by a paragraph (on the next line: when it is at most 60% as long as
   that line, which does not start in lower case; or alone, before another
   chunk), or a line underlined with ``===``/``---``, is a **heading** (level 2); ``-``, ``*``, ``•`` ... and ``1.``/``1)`` lines are **list
   items** (at the start of a chunk, after another item, or after a line
   ending in ``:``), nested by indentation; ``>`` lines are a **block quote**;
   a ``SPEAKER:`` or ``Jane Doe:`` label starts a new paragraph (transcripts);
   a line of ``* * *`` or ``---`` alone is a **thematic break**.  Lists and
   quotes are built on the parsers' shared nesting stack
   (:mod:`articlekit._parsers._blockstack`), at most ``Limits.max_depth``
   levels deep (deeper ones are flattened, with a warning), except that the
   first list of a chunk always opens.
5. **Repeats.**  The headline or standfirst printed again in the body, and
   any long paragraph printed twice, appear once (:mod:`articlekit._dedupe`).

>>> from articlekit import parse_text
>>> a = parse_text("Big News Today\\n\\nThe lede, in one paragraph.\\n\\nBy Jane Doe\\n\\n"
...                "Background\\nThe body starts here.\\n\\nPostImage\\n\\nIt ends here.")
>>> a.title, a.standfirst, [p.name for p in a.authors]
('Big News Today', 'The lede, in one paragraph.', ['Jane Doe'])
>>> [(type(b).__name__, b.children[0].text) for b in a.body]
[('Heading', 'Background'), ('Paragraph', 'The body starts here.'), ('Paragraph', 'It ends here.')]
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from typing import BinaryIO

import attrs

from articlekit._dedupe import dedupe_blocks
from articlekit._enrich import enrich
from articlekit._errors import ValidationError
from articlekit._input import check_flags, check_url_argument, decode_input, read_source
from articlekit._limits import CutLimit, Limits
from articlekit._model import (
    Article,
    Block,
    Heading,
    ListBlock,
    Paragraph,
    Person,
    Text,
    ThematicBreak,
)
from articlekit._model._text import inline_text
from articlekit._parsers._blockstack import BlockStack, Frame
from articlekit._parsers._textlines import (
    Chunk,
    _chunks,
    _denoise,
    _ends_like_sentence,
    _is_meta,
    _Line,
    _many,
    _underlined,
    heading_like,
    title_like,
)
from articlekit._parsers._textmeta import parse_date, parse_meta_line
from articlekit._syntax import NUMBER as _NUMBER
from articlekit._syntax import RULE as _RULE
from articlekit._syntax import SPEAKER as _SPEAKER
from articlekit._syntax import UNDERLINE as _UNDERLINE
from articlekit._syntax import list_marker as _list_marker
from articlekit._syntax import structural as _structural
from articlekit._textutil import clean_name, clean_text

__all__ = ["heading_like", "parse_text", "title_like"]

#: The longest paragraph taken as the standfirst.
MAX_STANDFIRST_CHARS = 600

_EMAIL_HEADER = re.compile(r"(from|to|cc|bcc|subject|date|sent|reply-to)\s*:\s*(.*)", re.IGNORECASE)
_FORWARD = re.compile(r"(?:(?:fwd?|fw)\s*:\s*)+", re.IGNORECASE)
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}(?:,\s+[A-Z][A-Za-z.'’ -]{1,30})?,\s+(.{6,40}?)\s*(?:/[^/\n]{1,40}/\s*)?"
    r"(?:--|—|–)\s"
)

# --------------------------------------------------------------------------- state


@attrs.define
class _State:
    limits: Limits
    warnings: list[str] = attrs.Factory(list)
    authors: list[Person] = attrs.Factory(list)
    credits: list[str] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    bylined: bool = False

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def meta(self, text: str) -> bool:
        """Take *text* as a metadata line if it is one."""
        line = parse_meta_line(text)
        if line is None:
            return False
        if line.authors or line.credits:
            if not self.bylined:
                self.authors.extend(line.authors)
                self.credits.extend(line.credits)
            self.bylined = True
        self.published = self.published or line.published
        self.modified = self.modified or line.modified
        return True

    def flattened(self, message: str) -> None:
        """Content nested past ``Limits.max_depth`` was flattened: a warning, or an error under ``strict``."""
        self.limits.exceeded("max_depth", message, self.warn, source="text")

    def cut(self, value: str | None, limit: CutLimit, what: str) -> str | None:
        """*value* cut to *limit* with a warning (:meth:`Limits.cut`; it raises under ``strict``)."""
        if value is None:
            return None
        message = f"{what} cut to {getattr(self.limits, limit):,} characters"
        return self.limits.cut(value, limit, what, self.warn, message, source="text", trim=True) or None


# --------------------------------------------------------------------------- body


class _Items:
    """The list items of a chunk, nested by indentation, on the parse's :class:`BlockStack`.

    While a list is open the innermost frame is its last item, whose text lines
    wait in :attr:`lines` until the item closes or a list opens under it (an
    item is its paragraph, then its sublists).  One per parse: every chunk
    closes its lists at its end, and before a block quote.
    """

    def __init__(self, stack: BlockStack, state: _State) -> None:
        self.stack = stack
        self.state = state
        self.lists = 0  # lists of this chunk open on the stack
        self.indent = 0  # the indentation of the chunk's first list
        self.lines: list[str] = []

    def _end_item(self) -> None:
        self._flush_lines()
        self.stack.close()

    def _flush_lines(self) -> None:
        if self.lines:
            self.stack.add(Paragraph([Text(" ".join(self.lines))]))
            self.lines = []

    def close(self) -> None:
        """Close every list of the chunk (the text that follows is not an item)."""
        while self.lists:
            self._end_item()
            self.stack.close()
            self.lists -= 1

    def add(self, indent: int, marker: re.Match[str], text: str) -> None:
        """A new item: in the innermost list, a list under the last item, or an outer list."""
        stack = self.stack
        ordered = marker.re is _NUMBER
        start = int(marker.group(1)) if ordered else None
        while self.lists > 1 and indent < self._list().indent:
            self._end_item()
            stack.close()
            self.lists -= 1
        if not self.lists:
            stack.open_list(ordered, start, indent=indent, force=True)
            self.lists, self.indent = 1, indent
        elif indent > self._list().indent + 1 and stack.room():
            self._flush_lines()
            stack.open_list(ordered, start, indent=indent)
            self.lists += 1
        else:
            if indent > self._list().indent + 1:
                # A list item's paragraph sits two levels below the list's container.
                quotes = stack.depth - self.lists
                max_nest = max(1, self.state.limits.max_depth - quotes - 2)
                self.state.flattened(f"lists nested deeper than {max_nest} levels were flattened")
            self._end_item()
            current = stack.top
            if current.ordered != ordered:
                # A bullet after numbers (or numbers after bullets) starts a list beside this one.
                stack.close()
                stack.open_list(ordered, start, indent=current.indent, force=True)
        stack.open_item()
        self.lines = [text]

    def more(self, line: _Line) -> bool:
        """Take *line* as more text of the last item, if it is indented under the chunk's first list."""
        if self.lists and line.indent > self.indent:
            self.lines.append(line.text)
            return True
        return False

    def _list(self) -> Frame:
        """The innermost open list (the innermost frame is its last item)."""
        return self.stack.parent


class _Body:
    """Turns chunks into blocks on one :class:`BlockStack`; one instance per parse."""

    def __init__(self, state: _State) -> None:
        self.state = state
        self.stack = BlockStack(state.limits.max_depth)
        self.items = _Items(self.stack, state)

    def body(self, chunks: list[Chunk]) -> list[Block]:
        self.blocks(chunks)
        return self.stack.blocks

    def blocks(self, chunks: list[Chunk]) -> None:
        """Add the blocks of *chunks* to the innermost frame (the body or a quote)."""
        for ci, chunk in enumerate(chunks):
            lines = chunk
            if len(lines) == 1 and _RULE.fullmatch(lines[0].text):
                self.stack.add(ThematicBreak())
                continue
            self.chunk(lines, ci + 1 < len(chunks))
        frame = self.stack.top
        frame.blocks[:] = _merge_lists(frame.blocks)

    def chunk(self, lines: list[_Line], has_next: bool) -> None:
        add = self.stack.add
        first = lines[0].text
        i = 0
        if len(lines) >= 2 and _UNDERLINE.fullmatch(lines[1].text) and not _structural(first):
            add(Heading(2, [Text(first)]))
            i = 2
        elif heading_like(first) and not _SPEAKER.match(first):
            if len(lines) == 1 and has_next:
                add(Heading(2, [Text(first)]))
                return
            if len(lines) > 1 and _heading_before(first, lines[1:]):
                add(Heading(2, [Text(first)]))
                i = 1
        para: list[str] = []
        items = self.items

        def flush_para() -> None:
            if para:
                add(Paragraph([Text(" ".join(para))]))
                para.clear()

        while i < len(lines):
            line = lines[i]
            text = line.text
            if text.startswith(">"):
                flush_para()
                items.close()
                j = i
                while j < len(lines) and lines[j].text.startswith(">"):
                    j += 1
                self.quote(lines[i:j])
                i = j
                continue
            marker = _list_marker(text)
            if marker and (items.lists or not para or para[-1].endswith(":")):
                flush_para()
                items.add(line.indent, marker, text[marker.end() :])
                i += 1
                continue
            if items.more(line):
                i += 1
                continue
            items.close()
            if para and _SPEAKER.match(text):
                flush_para()
            para.append(text)
            i += 1
        flush_para()
        items.close()

    def quote(self, lines: list[_Line]) -> None:
        if not self.stack.open_quote():
            self.state.flattened("block quotes nested too deeply were flattened")
            flat = " ".join(line.text.lstrip("> ") for line in lines)
            if flat.strip():
                self.stack.add(Paragraph([Text(flat)]))
            return
        inner: list[Chunk] = [[]]
        for line in lines:
            text = line.text[1:]
            stripped = text.lstrip(" ")
            if not stripped:
                if inner[-1]:
                    inner.append([])
                continue
            inner[-1].append(_Line(len(text) - len(stripped), stripped))
        # Quotes nest by recursion here, at most Limits.max_depth levels (open_quote says no past that).
        self.blocks([c for c in inner if c])
        self.stack.close()


def _heading_before(first: str, rest: list[_Line]) -> bool:
    """Whether *first* is a heading running into the paragraph *rest* (``Putin’s Proposal``).

    Hard-wrapped prose must not qualify: its first line is about as long as the
    next, and the next often continues the sentence in lower case.  So the
    heading must be at most 60% as long as the next line, the next line must not
    start in lower case, and the rest must read as a paragraph.
    """
    following = rest[0].text
    if _structural(following) or following[0].islower() or len(first) > 0.6 * len(following):
        return False
    text = " ".join(line.text for line in rest)
    return len(text) >= 40 or _ends_like_sentence(text, ".!?…")


def _merge_lists(blocks: list[Block]) -> list[Block]:
    """Join lists split by blank lines ("loose" lists) back into one."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(block, ListBlock)
            and isinstance(prev, ListBlock)
            and prev.ordered == block.ordered
            and (not block.ordered or block.start == (prev.start or 0) + len(prev.items))
        ):
            out[-1] = ListBlock(_many([*prev.items, *block.items]), ordered=prev.ordered, start=prev.start)
        else:
            out.append(block)
    return out


# --------------------------------------------------------------------------- head


def _email_headers(chunks: list[Chunk], state: _State) -> tuple[str | None, list[Chunk]]:
    if not chunks:
        return None, chunks
    first = chunks[0]
    fields: dict[str, str] = {}
    n = 0
    for line in first:
        m = _EMAIL_HEADER.fullmatch(line.text)
        if not m:
            break
        fields.setdefault(m.group(1).lower(), m.group(2).strip())
        n += 1
    if n < 2 or not ({"subject", "from"} & fields.keys()):
        return None, chunks
    title = _FORWARD.sub("", fields.get("subject", "")).strip() or None
    sender = fields.get("from", "")
    name = clean_name(re.sub(r"<[^<>]{0,200}>", "", sender).strip(" \"'"))
    if name and "@" not in name:
        state.authors.append(Person(name))
        state.bylined = True
    date = parse_date(fields.get("date") or fields.get("sent") or "")
    if date is not None:
        state.published = date[0]
    rest = first[n:]
    return title, ([rest] if rest else []) + chunks[1:]


def _meta_prefix(lines: list[_Line], state: _State) -> int:
    """Take the metadata lines at the start of *lines*; return how many there were."""
    n = 0
    while n < len(lines) and state.meta(lines[n].text):
        n += 1
    return n


def _content_follows(chunks: list[Chunk], after: int) -> bool:
    return any(not _is_meta(line.text) for chunk in chunks[after + 1 :] for line in chunk)


def _head(chunks: list[Chunk], state: _State, title: str | None) -> tuple[str | None, str | None, list[Chunk]]:
    """Find the title, the standfirst and metadata lines; return what is left for the body."""
    i = 0
    if title is None:
        while i < len(chunks):
            lines = chunks[i]
            if not (len(lines) >= 2 and _UNDERLINE.fullmatch(lines[1].text)):
                lines = lines[_meta_prefix(lines, state) :]
            if not lines:
                i += 1
                continue
            first = lines[0].text
            rest = lines
            if len(lines) >= 2 and _UNDERLINE.fullmatch(lines[1].text):
                title, rest = first, lines[2:]
            elif title_like(first) and (
                len(lines) == 1 or heading_like(first) or all(_is_meta(line.text) for line in lines[1:])
            ):
                title, rest = first, lines[1:]
            rest = rest[_meta_prefix(rest, state) :]
            chunks = ([rest] if rest else []) + chunks[i + 1 :]
            break
        else:
            chunks = []
    standfirst: str | None = None
    meta_seen = state.bylined or state.published is not None
    pending: list[Chunk] = []
    j = 0
    while j < len(chunks):
        lines = chunks[j]
        taken = 0 if _underlined(lines) else _meta_prefix(lines, state)
        if taken:
            lines = lines[taken:]
            meta_seen = True
        if not lines:
            j += 1
            continue
        if pending:
            return title, standfirst, [*pending, lines, *chunks[j + 1 :]]
        if (
            title is not None
            and standfirst is None
            and not meta_seen
            and _standfirst_shaped(lines)
            and _content_follows(chunks, j)
        ):
            standfirst = " ".join(line.text for line in lines)
            j += 1
            continue
        if meta_seen:
            return title, standfirst, [lines, *chunks[j + 1 :]]
        # The first body chunk; a byline or date right after it still belongs to the head.
        pending = [lines]
        j += 1
    return title, standfirst, pending


def _standfirst_shaped(lines: list[_Line]) -> bool:
    if any(_structural(line.text) or _SPEAKER.match(line.text) for line in lines):
        return False
    if heading_like(lines[0].text):
        return False
    return sum(len(line.text) + 1 for line in lines) <= MAX_STANDFIRST_CHARS


def _dateline(texts: list[str]) -> datetime | None:
    """The date of a press-release dateline: ``LONDON, June 3, 2025 /PRNewswire/ -- ...``."""
    for text in texts:
        m = _DATELINE.match(text)
        if m:
            found = parse_date(m.group(1))
            if found is not None:
                return found[0]
    return None


# --------------------------------------------------------------------------- entry point


def parse_text(
    data: str | bytes | os.PathLike[str] | BinaryIO,
    *,
    url: str | None = None,
    quotes: bool = True,
    limits: Limits | None = None,
) -> Article:
    """Parse a plain-text article into an :class:`~articlekit.Article`.

    :param data: the text, as ``str`` or as bytes in any encoding (a BOM, then
        UTF-8, then a detector decide), or a path (:class:`os.PathLike`) or binary
        file object to read it from.
    :param url: where the text came from, stored as ``Article.url``.
    :param quotes: extract quotations and their speakers.
    :param limits: bounds on size and nesting (:class:`~articlekit.Limits`).
    :raises EmptyDocumentError: the input is empty or white space.
    :raises EncodingError: the input is binary.
    :raises ResourceLimitError: the input is larger than ``limits.max_bytes``
        (or, with ``limits.strict``, a title, name or list of authors is over
        its limit, or lists or quotes nest deeper than ``limits.max_depth``).
    :raises ValidationError: an argument has the wrong type.

    >>> parse_text(b"Headline\\n\\nBy Jane Doe\\nMay 23, 2025\\n\\nText.").published.isoformat()
    '2025-05-23T00:00:00+00:00'
    """
    if limits is None:
        limits = Limits()
    elif not isinstance(limits, Limits):
        raise ValidationError(f"limits must be a Limits, got {type(limits).__name__}")
    if url is not None and not isinstance(url, str):
        raise ValidationError(f"url must be a str or None, got {type(url).__name__}")
    check_url_argument(url, source="text")
    check_flags("parse_text", quotes=quotes)
    decoded = decode_input(read_source(data, source="text", limits=limits), source="text", limits=limits)
    state = _State(limits)
    for warning in decoded.warnings:
        state.warn(warning)
    chunks = [c for c in map(_denoise, _chunks(decoded.text)) if c]
    title, chunks = _email_headers(chunks, state)
    title, standfirst, body_chunks = _head(chunks, state, title)
    body = dedupe_blocks(_Body(state).body(body_chunks), title=title, standfirst=standfirst)
    if standfirst is not None and not body:
        # A standfirst needs a body under it; with none left, the lede is the body.
        body, standfirst = (Paragraph([Text(standfirst)]),), None
    if state.published is None:
        firsts = [standfirst] if standfirst else []
        firsts += [inline_text(b.children) for b in body[:1] if isinstance(b, Paragraph)]
        state.published = _dateline(firsts)
    authors = [
        Person(name, url=p.url, role=p.role)
        for p in state.authors
        if (name := state.cut(p.name, "max_name_chars", "an author's name")) is not None
    ]
    authors = limits.cut(
        authors, "max_authors", "authors", state.warn, f"only the first {limits.max_authors} authors were kept",
        source="text",
    )
    if not body and not title and not standfirst:
        state.warn("no article text was found (only placeholders or metadata)")
    article = Article(
        title=state.cut(clean_name(title) if title else None, "max_title_chars", "title") or None,
        standfirst=state.cut(standfirst, "max_title_chars", "standfirst"),
        authors=_many(authors),
        credits=_many(c for c in (state.cut(c, "max_name_chars", "a credit") for c in state.credits) if c),
        published=state.published,
        modified=state.modified,
        url=clean_text(url) if url is not None else None,
        body=_many(body),
        source_format="text",
        encoding=decoded.encoding,
        encoding_source=decoded.encoding_source,
        warnings=_many(state.warnings),
    )
    return enrich(article, quotes=quotes, limits=limits)
