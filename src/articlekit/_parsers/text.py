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
   a line of ``* * *`` or ``---`` alone is a **thematic break**.
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

import re
from datetime import datetime

import attrs

from articlekit._dedupe import dedupe_blocks
from articlekit._enrich import enrich
from articlekit._errors import ValidationError
from articlekit._input import decode_input
from articlekit._limits import CutLimit, Limits
from articlekit._model import (
    Article,
    Block,
    BlockQuote,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Person,
    Text,
    ThematicBreak,
)
from articlekit._model._text import inline_text
from articlekit._parsers._textlines import (
    _NUMBER,
    _RULE,
    _SPEAKER,
    _UNDERLINE,
    Chunk,
    _chunks,
    _denoise,
    _ends_like_sentence,
    _is_meta,
    _Line,
    _list_marker,
    _many,
    _structural,
    _underlined,
    heading_like,
    title_like,
)
from articlekit._parsers._textmeta import parse_date, parse_meta_line
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


@attrs.define
class _ItemB:
    lines: list[str]
    sub: list[_ListB] = attrs.Factory(list)


@attrs.define
class _ListB:
    ordered: bool
    start: int | None
    indent: int
    items: list[_ItemB] = attrs.Factory(list)


def _build_list(lst: _ListB) -> ListBlock:
    # Nesting is bounded by _Body.max_nest (at most Limits.max_depth levels).
    items = [
        ListItem(_many([Paragraph([Text(" ".join(item.lines))]), *(_build_list(s) for s in item.sub)]))
        for item in lst.items
    ]
    return ListBlock(_many(items), ordered=lst.ordered, start=lst.start)


class _Body:
    """Turns chunks into blocks; one instance per parse."""

    def __init__(self, state: _State) -> None:
        self.state = state

    def blocks(self, chunks: list[Chunk], depth: int) -> list[Block]:
        out: list[Block] = []
        for ci, chunk in enumerate(chunks):
            lines = chunk
            if len(lines) == 1 and _RULE.fullmatch(lines[0].text):
                out.append(ThematicBreak())
                continue
            out.extend(self.chunk(lines, ci + 1 < len(chunks), depth))
        return _merge_lists(out)

    def chunk(self, lines: list[_Line], has_next: bool, depth: int) -> list[Block]:
        out: list[Block] = []
        first = lines[0].text
        i = 0
        if len(lines) >= 2 and _UNDERLINE.fullmatch(lines[1].text) and not _structural(first):
            out.append(Heading(2, [Text(first)]))
            i = 2
        elif heading_like(first) and not _SPEAKER.match(first):
            if len(lines) == 1 and has_next:
                return [Heading(2, [Text(first)])]
            if len(lines) > 1 and _heading_before(first, lines[1:]):
                out.append(Heading(2, [Text(first)]))
                i = 1
        para: list[str] = []
        roots: list[_ListB] = []
        stack: list[_ListB] = []

        def flush_para() -> None:
            if para:
                out.append(Paragraph([Text(" ".join(para))]))
                para.clear()

        def flush_list() -> None:
            out.extend(_build_list(r) for r in roots)
            roots.clear()
            stack.clear()

        while i < len(lines):
            line = lines[i]
            text = line.text
            if text.startswith(">"):
                flush_para()
                flush_list()
                j = i
                while j < len(lines) and lines[j].text.startswith(">"):
                    j += 1
                quote = self.quote(lines[i:j], depth)
                if quote is not None:
                    out.append(quote)
                i = j
                continue
            marker = _list_marker(text)
            if marker and (stack or not para or para[-1].endswith(":")):
                flush_para()
                self.add_item(roots, stack, line.indent, marker, text[marker.end() :], depth)
                i += 1
                continue
            if stack:
                if line.indent > stack[0].indent:
                    stack[-1].items[-1].lines.append(text)
                    i += 1
                    continue
                flush_list()
            if para and _SPEAKER.match(text):
                flush_para()
            para.append(text)
            i += 1
        flush_para()
        flush_list()
        return out

    def add_item(
        self, roots: list[_ListB], stack: list[_ListB], indent: int, marker: re.Match[str], text: str, depth: int
    ) -> None:
        ordered = marker.re is _NUMBER
        start = int(marker.group(1)) if ordered else None
        # A list item's paragraph sits two levels below the list's container.
        max_nest = max(1, self.state.limits.max_depth - depth - 2)
        while len(stack) > 1 and indent < stack[-1].indent:
            stack.pop()
        if not stack:
            lst = _ListB(ordered, start, indent)
            roots.append(lst)
            stack.append(lst)
        elif indent > stack[-1].indent + 1:
            if len(stack) < max_nest:
                lst = _ListB(ordered, start, indent)
                stack[-1].items[-1].sub.append(lst)
                stack.append(lst)
            else:
                self.state.flattened(f"lists nested deeper than {max_nest} levels were flattened")
        top = stack[-1]
        if top.ordered != ordered:
            lst = _ListB(ordered, start, top.indent)
            if len(stack) == 1:
                roots.append(lst)
            else:
                stack[-2].items[-1].sub.append(lst)
            stack[-1] = lst
            top = lst
        top.items.append(_ItemB([text]))

    def quote(self, lines: list[_Line], depth: int) -> Block | None:
        if depth + 3 > self.state.limits.max_depth:
            self.state.flattened("block quotes nested too deeply were flattened")
            flat = " ".join(line.text.lstrip("> ") for line in lines)
            return Paragraph([Text(flat)]) if flat.strip() else None
        inner: list[Chunk] = [[]]
        for line in lines:
            text = line.text[1:]
            stripped = text.lstrip(" ")
            if not stripped:
                if inner[-1]:
                    inner.append([])
                continue
            inner[-1].append(_Line(len(text) - len(stripped), stripped))
        blocks = self.blocks([c for c in inner if c], depth + 1)
        return BlockQuote(_many(blocks)) if blocks else None


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
    data: str | bytes,
    *,
    url: str | None = None,
    quotes: bool = True,
    limits: Limits | None = None,
) -> Article:
    """Parse a plain-text article into an :class:`~articlekit.Article`.

    :param data: the text, as ``str`` or as bytes in any encoding (a BOM, then
        UTF-8, then a detector decide).
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
    decoded = decode_input(data, source="text", limits=limits)
    state = _State(limits)
    chunks = [c for c in map(_denoise, _chunks(decoded.text)) if c]
    title, chunks = _email_headers(chunks, state)
    title, standfirst, body_chunks = _head(chunks, state, title)
    body = dedupe_blocks(_Body(state).blocks(body_chunks, 0), title=title, standfirst=standfirst)
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
