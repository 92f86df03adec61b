"""Stage 1: find the quotations, by their quote marks, in one left-to-right scan.

:func:`scan_quotes` walks the marks of one text once.  It keeps a small stack of
open quotations (at most :data:`MAX_NESTING` deep), so nested quotes (‘…’
inside “…”) do not close their outer quote, and a quotation may not grow past
``max_chars`` characters: an opening mark left open that long is dropped, and
the quotes found inside it count as top-level quotes again.  Every mark is
looked at a bounded number of times, so the scan is linear in the text.

Conventions understood: “…” (English), „…“ and „…” (German, Polish), «…»
and »…« (French, Danish), ‹…›, 「…」 and 『…』, straight "…" and both single
forms ‘…’ and '…'.  A single mark between two letters (``don’t``,
``Russia’s``), before a year (``’90s``) or after a plural (``the Smiths’``
when no single quote is open) is an apostrophe, not a quote mark.

A line that ends inside an open quotation, when the next line reopens it with
the same mark, is a quotation running over several paragraphs: each piece is
returned, with the same ``group``.

>>> [(q.start, q.end) for q in scan_quotes("He said “yes” and ‘don’t’.")]
[(9, 12), (19, 24)]
"""

from __future__ import annotations

import re

__all__ = ["MAX_NESTING", "RawQuote", "scan_quotes", "scan_quotes_counted"]

#: How deeply quotations may nest inside one another; deeper openers are ignored.
MAX_NESTING = 8

# Every character that may be a quote mark, and the line break.
# A doubled apostrophe or backtick (``…'' or ''…'', ASCII news text) is a double quote mark.
_MARKS = re.compile(
    "''|``|[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f\u2018\u2019\u201a\"'\n]"
)

# Openers and the closers that end them.
_CLOSERS: dict[str, str] = {
    "\u201c": '\u201d"\u201c',  # “ ” (or a straight mark, mixed; or a mistyped “ … “)
    "\u201f": "\u201d",  # ‟ ”
    "\u201e": "\u201c\u201d",  # „ “ or „ ”
    "\u00ab": "\u00bb",  # « »
    "\u2039": "\u203a",  # ‹ ›
    "\u300c": "\u300d",  # 「 」
    "\u300e": "\u300f",  # 『 』
    "\u2018": "\u2019",  # ‘ ’
    "\u201a": "\u2018\u2019",  # ‚ ‘
    '"': '"\u201d',
    "``": "''",
    "''": "''",
    "'": "'\u2019",
    "\u00bb": "\u00ab",  # » « (Danish, German book style)
    "\u203a": "\u2039",  # › ‹
}
_SINGLE = "\u2018\u2019'\u201a"
_DOUBLE_FAMILY = {"\u201c": "d", "\u201f": "d", "\u201e": "d", '"': "d", "\u00ab": "g", "\u00bb": "g",
                  "\u2039": "s", "\u203a": "s", "\u300c": "c", "\u300e": "c",
                  "\u2018": "q", "'": "q", "\u201a": "q"}  # fmt: skip
_OPEN_CONTEXT = ' \t\n([{\u2014\u2013-/\u201c\u201e\u00ab\u2039\u300c\u300e"'
_ELISIONS = ("em ", "cause ", "til ", "tis ", "twas ", "n ", "n’ ")


class RawQuote:
    """A quotation found by its marks: ``open``/``close`` are the marks' positions.

    ``start``/``end`` delimit the text inside the marks; ``closed`` is False for
    a piece of a quotation that the next paragraph continues; pieces of one
    quotation share ``group`` (-1 for a single-paragraph quotation).
    """

    __slots__ = ("close", "close_len", "closed", "end", "group", "open", "start")

    def __init__(
        self,
        open_: int,
        close: int,
        closed: bool,
        group: int = -1,
        open_len: int = 1,
        close_len: int = 1,
    ) -> None:
        self.open = open_
        self.close = close
        self.closed = closed
        self.group = group
        self.start = open_ + open_len
        self.end = close
        self.close_len = close_len

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"RawQuote({self.open}, {self.close}, closed={self.closed}, group={self.group})"


class _Frame:
    __slots__ = ("children", "closers", "mark", "pos")

    def __init__(self, mark: str, pos: int) -> None:
        self.mark = mark
        self.pos = pos
        self.closers = _CLOSERS[mark]
        self.children: list[RawQuote] = []


def _single_role(text: str, i: int, ch: str, stack: list[_Frame]) -> str:
    """What a single mark at *i* is: ``open``, ``close`` or ``none`` (apostrophe)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return "none"  # don’t, Russia’s
    if nxt.isdigit() and i + 2 < len(text) and text[i + 2].isdigit():
        return "none"  # ’90s, '16
    open_single = _open(stack, _SINGLE)
    if (prev.isspace() or prev in _OPEN_CONTEXT) and nxt.isalnum():
        if ch == "\u2019" and not open_single:
            return "none"  # ’em, ’til written with a right mark
        if text.startswith(_ELISIONS, i + 1):
            return "none"
        return "open" if ch != "\u2019" else "none"
    if ch in "\u2019'" and open_single and not prev.isspace():
        if nxt.isalnum():
            return "none"
        return "close"
    return "none"


class QuoteTexts:
    """The text inside each quotation's marks, by quote index, sliced when asked (not held)."""

    __slots__ = ("raw", "text")

    def __init__(self, text: str, raw: list[RawQuote]) -> None:
        self.text = text
        self.raw = raw

    def __getitem__(self, index: int) -> str:
        quote = self.raw[index]
        return self.text[quote.start : quote.end]


def scan_quotes(text: str, *, max_chars: int = 2000, max_quotes: int = 100_000) -> list[RawQuote]:
    """Find the top-level quotations of *text*, in order (see the module docstring).

    Nested quotations are not returned (they are part of their outer quote).
    """
    return scan_quotes_counted(text, max_chars=max_chars, max_quotes=max_quotes)[0]


def scan_quotes_counted(
    text: str, *, max_chars: int = 2000, max_quotes: int = 100_000
) -> tuple[list[RawQuote], int]:
    """:func:`scan_quotes`, and how many quotations were skipped for being longer than *max_chars*.

    A double-mark quotation (“…”, "…", «…», „…“ …) whose opening mark was dropped
    for length, and whose closing mark then comes before the paragraph ends, is
    counted; its closing mark opens nothing.  Single marks are not counted: a
    stray apostrophe left open is too common to tell from a long ‘…’ quotation.
    """
    out: list[RawQuote] = []
    overlong: _Frame | None = None  # the last double-mark opener dropped for length, in this paragraph
    skipped = 0
    stack: list[_Frame] = []
    line_start = 0
    groups = 0
    pending: RawQuote | None = None  # an unclosed piece waiting for the next line to reopen it
    pending_mark = ""
    pending_children: list[RawQuote] = []
    cont_pos = -1  # position of the mark that reopened a continued quotation on this line
    cont_group = -1
    n = len(text)

    def emit(quote: RawQuote) -> None:
        if len(out) < max_quotes:
            out.append(quote)

    def drop_bottom() -> None:
        frame = stack.pop(0)
        if stack:
            # The smaller list joins the larger, so that a run of unclosed marks moving
            # many nested quotes from frame to frame stays O(n log n), not O(n^2).
            below = stack[0]
            if len(frame.children) > len(below.children):
                frame.children.extend(below.children)
                below.children = frame.children
            else:
                below.children.extend(frame.children)
        else:
            for child in frame.children:
                emit(child)

    def flush_pending() -> None:
        nonlocal pending
        for child in pending_children:
            emit(child)
        pending = None

    for m in _MARKS.finditer(text):
        i = m.start()
        ch = m.group()
        if ch == "\n":
            if i == line_start or text[line_start:i].isspace():
                line_start = i + 1  # an empty line: a pending quotation keeps waiting
                continue
            if pending is not None:
                flush_pending()
            if stack:
                bottom = stack[0]
                j = i + 1
                while j < n and text[j] in " \t\n":
                    j += 1
                if j < n and text.startswith(bottom.mark, j) and i - bottom.pos <= max_chars:
                    if bottom.pos == cont_pos:
                        group = cont_group
                    else:
                        group = groups
                        groups += 1
                    pending = RawQuote(
                        bottom.pos, i, closed=False, group=group, open_len=len(bottom.mark)
                    )
                    pending_mark = bottom.mark
                    pending_children = [c for f in stack for c in f.children]
                    stack.clear()
                else:
                    while stack:
                        drop_bottom()
            line_start = i + 1
            overlong = None
            continue
        while stack and i - stack[0].pos > max_chars:
            if stack[0].mark not in _SINGLE:
                overlong = stack[0]
            drop_bottom()
        if pending is not None:
            # The first mark of the line decides whether the quotation continues.
            if ch == pending_mark and (i == line_start or text[line_start:i].isspace()):
                emit(pending)
                cont_pos, cont_group = i, pending.group
                pending = None
            else:
                flush_pending()
        role = _role(text, i, ch, stack)
        if (
            overlong is not None
            and ch in overlong.closers
            and not any(ch in frame.closers for frame in stack)
            and _role(text, i, ch, [overlong]) == "close"
        ):
            # The closing mark of a quotation longer than max_chars: the quotation is skipped.
            skipped += 1
            overlong = None
            continue
        if role == "close":
            k = len(stack) - 1
            while k >= 0 and ch not in stack[k].closers:
                k -= 1
            if k < 0:
                continue
            frame = stack[k]
            del stack[k:]
            quote = RawQuote(frame.pos, i, closed=True, open_len=len(frame.mark), close_len=len(ch))
            if stack:
                stack[-1].children.append(quote)
            else:
                if frame.pos == cont_pos:
                    quote.group = cont_group
                emit(quote)
        elif role == "open" and len(stack) < MAX_NESTING:
            stack.append(_Frame(ch, i))
    if pending is not None:
        flush_pending()
    while stack:
        drop_bottom()
    out.sort(key=lambda q: q.open)
    return out, skipped


# (Loops, not any() over a generator: the stack is short and these run for every mark.)
def _open(stack: list[_Frame], marks: str | tuple[str, ...]) -> bool:
    """Whether a quotation opened by one of *marks* is open."""
    for frame in stack:  # noqa: SIM110
        if frame.mark in marks:
            return True
    return False


def _closes(stack: list[_Frame], ch: str) -> bool:
    """Whether *ch* closes one of the open quotations."""
    for frame in stack:  # noqa: SIM110
        if ch in frame.closers:
            return True
    return False


def _role(text: str, i: int, ch: str, stack: list[_Frame]) -> str:
    """Whether the mark at *i* opens a quotation, closes one, or neither."""
    if ch == "``":
        return "open"
    if ch == "''":
        if _open(stack, ("``", "''")):
            return "close"
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 2] if i + 2 < len(text) else " "
        return "open" if (prev.isspace() or prev in _OPEN_CONTEXT) and not nxt.isspace() else "none"
    if ch in _SINGLE:
        if ch == "\u201a":
            return "open"
        if ch == "\u2018" and stack and "\u2018" in stack[-1].closers:
            return "close"  # ‚…‘ (German single)
        return _single_role(text, i, ch, stack)
    if ch == '"':
        if _open(stack, ('"',)):
            return "close"
        nxt = text[i + 1] if i + 1 < len(text) else " "
        prev = text[i - 1] if i > 0 else " "
        if stack and stack[-1].mark == "\u201c" and not prev.isspace() and not nxt.isalnum():
            return "close"  # “…" (mixed marks)
        return "open" if not nxt.isspace() else "none"
    if ch == "\u201c":
        if _open(stack, ("\u201e",)):
            return "close"  # „ is closed by “
        if stack and stack[-1].mark == "\u201c" and i > 0 and text[i - 1] in ",.?!":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if nxt.isspace():
                return "close"  # “It’s unusual,“ said Jane Doe (a mistyped closing mark)
        return "open"
    if ch == "\u201d":
        if _closes(stack, ch):
            return "close"
        if stack and stack[-1].mark == '"':
            return "close"  # "…” (mixed marks)
        return "none"
    if ch in "\u00bb\u203a":
        if _closes(stack, ch):
            return "close"
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return "open" if nxt.isalnum() else "none"
    if ch in "\u00ab\u2039":
        if _closes(stack, ch):
            return "close"
        return "open"
    if ch in "\u300c\u300e\u201f\u201e":
        return "open"
    if ch in "\u300d\u300f":
        return "close" if _closes(stack, ch) else "none"
    return "none"  # pragma: no cover - every mark is handled above
