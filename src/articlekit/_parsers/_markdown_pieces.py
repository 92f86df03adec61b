"""Where a long Markdown document may be cut, so markdown-it can tokenize it a piece at a time.

markdown-it-py keeps every token of a document alive until its parse returns:
about 400 bytes a token, and up to a dozen tokens a source line, so eight
megabytes of Markdown can take the best part of a gigabyte.
:func:`~articlekit.parse_markdown` therefore tokenizes a document longer than
``Limits.max_markdown_piece_chars`` in pieces, and drops each piece's tokens
once its blocks are built.

A *clean* cut changes nothing in the result.  It falls before a line that
starts a new top-level block: a line in column 0, after a blank line, that is
not a block-quote or list marker and not inside a fenced code block or one of
the HTML blocks that may hold blank lines (``<pre>``, ``<script>``,
``<style>``, ``<textarea>``, comments, processing instructions, declarations,
CDATA).  Every container is closed there, so markdown-it produces the same
tokens for the two halves as for the whole.  Between two lines of a run of
one-line link reference definitions that follows a blank line is clean too
(each line is a definition on its own).  (Link reference definitions are
document-wide; the parser collects them from every piece first.)

When a stretch of ``max_markdown_piece_chars`` holds no clean cut (one block
quote or list around a whole document) the cut is *forced* at a line end: the
text is all kept, but a container that runs across the cut becomes two.  The
parser says so in :attr:`Article.warnings` (or raises, in strict mode).

>>> cutter = Cutter("one\\n\\ntwo\\n\\n> three\\n\\nfour\\n")
>>> cutter.cut(0, 12)
(5, False)
>>> cutter.cut(5, 22)
(19, False)
>>> cutter.cut(5, 15)
(10, True)
>>> Cutter("> a\\n> b\\n> c\\n").cut(0, 8)
(8, True)
>>> Cutter("Text.\\n\\n[a]: /a\\n[b]: /b 'B'\\n[c]: /c\\n").cut(0, 25)
(15, False)
"""

from __future__ import annotations

import bisect
import re

__all__ = ["Cutter"]

# A blank line, then a line that starts in column 0 and cannot continue a container.
_CLEAN = re.compile(r"\n\n(?=[^\s>+*\-0-9])")
# The blocks that may hold blank lines: fenced code, and HTML blocks of CommonMark's kinds 1-5.
_OPENER = re.compile(
    r"^ {0,3}(?:(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)"
    r"|<(?P<html>!--|\?|!\[CDATA\[|![A-Za-z]|(?i:script|pre|style|textarea)(?=[\s>]|$)))",
    re.MULTILINE,
)
_HTML_END = {
    "!--": re.compile(r"-->"),
    "?": re.compile(r"\?>"),
    "![CDATA[": re.compile(r"\]\]>"),
}
_DECLARATION_END = re.compile(r">")
# A link reference definition all on one line, in a form whose end is certain: a label without
# brackets or backslashes, a destination without spaces, parentheses, "<" or backslashes, and
# at most a title closed on the same line.  (A line starting with "[" is never a title.)
_DEFINITION = re.compile(
    r"^\[[^\[\]\\\n]*[^\[\]\\\s][^\[\]\\\n]*\]:[ \t]*[^\s<()\\]+"
    r"""(?:[ \t]+(?:"[^"\\\n]*"|'[^'\\\n]*'|\([^()\\\n]*\)))?[ \t]*\n""",
    re.MULTILINE,
)
_RAW_END = re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)


class Cutter:
    """Finds cuts in one document (the blocks no cut may fall into are found once, in linear time)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] = []
        self._ends: list[int] = []
        pos = 0
        while True:
            match = _OPENER.search(text, pos)
            if match is None:
                break
            fence = match.group("fence")
            if fence is not None:
                if fence[0] == "`" and "`" in match.group("info"):
                    pos = match.end()  # inline code, not a fence
                    continue
                closer = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
                end = closer.search(text, match.end())
            else:
                kind = match.group("html")
                if kind in _HTML_END:
                    end = _HTML_END[kind].search(text, match.end())
                elif kind.startswith("!"):
                    end = _DECLARATION_END.search(text, match.end())
                else:
                    end = _RAW_END.search(text, match.start())
            stop = len(text) if end is None else end.end()
            self._starts.append(match.start())
            self._ends.append(stop)
            pos = max(stop, match.end())
        # Cuts inside runs of definitions: each line of a run that starts after a blank line.
        self._definition_cuts: list[int] = []
        run_end = -1
        for match in _DEFINITION.finditer(text):
            begin = match.start()
            if begin == run_end or (begin >= 2 and text[begin - 2 : begin] == "\n\n"):
                if begin == run_end:
                    self._definition_cuts.append(begin)
                run_end = match.end()

    def _enclosing(self, pos: int) -> int | None:
        """The end of the blank-line-holding block that *pos* falls inside, if any."""
        index = bisect.bisect_right(self._starts, pos) - 1
        if index >= 0 and self._starts[index] < pos < self._ends[index]:
            return self._ends[index]
        return None

    def clean_cut(self, start: int, stop: int, *, first: bool = False) -> int | None:
        """The last (or *first*) clean cut after *start* and at most *stop*, if there is one."""
        best = None
        for match in _CLEAN.finditer(self.text, max(start - 1, 0), stop + 1):
            cut = match.end()
            if start < cut <= stop and self._enclosing(cut) is None:
                best = cut
                if first:
                    break
        cuts = self._definition_cuts
        low, high = bisect.bisect_right(cuts, start), bisect.bisect_right(cuts, stop)
        for index in range(low, high) if first else range(high - 1, low - 1, -1):
            cut = cuts[index]
            if self._enclosing(cut) is None:
                if best is None or (cut < best if first else cut > best):
                    best = cut
                break
        return best

    def cut(self, start: int, stop: int) -> tuple[int, bool]:
        """Where the piece that begins at *start* should end: ``(cut, forced)``.

        The last clean cut up to *stop* if there is one; otherwise the last line
        end up to *stop* (a blank line preferred), or the first line end after it
        when the line is longer, never inside a fenced code or raw HTML block
        (those are one token each, however long).
        """
        text = self.text
        if stop >= len(text):
            return len(text), False
        clean = self.clean_cut(start, stop)
        if clean is not None:
            return clean, False
        end = self._enclosing(stop)
        if end is not None:  # a fenced code or raw HTML block runs past *stop*: one token, however long
            clean = self.clean_cut(end, end + stop - start, first=True)
            if clean is not None:
                return clean, False
        blank = text.rfind("\n\n", start, stop)
        line = text.rfind("\n", start, stop)
        for cut in (blank + 2 if blank >= 0 else -1, line + 1 if line >= 0 else -1):
            if cut > start:
                index = bisect.bisect_right(self._starts, cut) - 1
                if index < 0 or not self._starts[index] < cut < self._ends[index]:
                    return cut, True
                if self._starts[index] > start:
                    return self._starts[index], True  # before the block, which stays whole
        # One line, or one fenced code or raw HTML block, runs from the piece's start past *stop*.
        pos = self._enclosing(stop) or stop
        after = text.find("\n", pos)
        return (len(text) if after < 0 else after + 1), True
