"""Markdown input: :func:`parse_markdown` reads CommonMark (with GFM tables and
strikethrough) and YAML or TOML front matter into an :class:`~articlekit.Article`.

Tokenizing is markdown-it-py's job (the ``commonmark`` preset, plus its
``table`` and ``strikethrough`` rules and mdit-py-plugins' ``front_matter``);
this module only maps its flat token stream onto the model, with an explicit
stack (:mod:`articlekit._parsers._blockstack`, no recursion on the input's nesting).  See ``docs/guide/markdown.rst``
for the front-matter keys, the title rule and what each construct becomes.

>>> from articlekit import parse_markdown
>>> a = parse_markdown("---\\ntitle: Hello\\ntags: [a, b]\\n---\\nSome *text*.\\n", quotes=False)
>>> a.title, a.tags
('Hello', ('a', 'b'))
>>> a.body
(Paragraph(children=(Text(text='Some '), Emphasis(children=(Text(text='text'),)), Text(text='.'))),)
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence
from html import unescape as html_unescape
from typing import Any, BinaryIO

import attrs
from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference, unescapeAll
from markdown_it.rules_inline import image as _image_rule
from markdown_it.rules_inline import link as _link_rule
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from articlekit._enrich import enrich
from articlekit._errors import ResourceLimitError
from articlekit._input import check_flags, check_url_argument, decode_input, read_source
from articlekit._limits import Limits
from articlekit._model import (
    Article,
    Block,
    CodeBlock,
    Emphasis,
    Figure,
    Heading,
    Inline,
    InlineCode,
    InlineImage,
    LineBreak,
    Link,
    Paragraph,
    Strikethrough,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    ThematicBreak,
)
from articlekit._model._text import inline_text
from articlekit._parsers import _frontmatter
from articlekit._parsers._blockstack import BlockStack
from articlekit._parsers._markdown_pieces import Cutter
from articlekit._parsers.html._blocks import fragment_blocks
from articlekit._urls import is_unsafe_url

#: An HTML block that is one ``<pre><code>`` of plain text (how ``to_markdown`` writes a code
#: block holding ``<`` inside a list item or a block quote): read as that code exactly, the
#: newline after the start tag dropped as an HTML parser drops it.
_PRE_BLOCK = re.compile(r'<pre><code(?: class="language-([^"<]*)")?>\n?([^<]*)</code></pre>\n?')

__all__ = ["parse_markdown"]

_DEFAULT_LIMITS = Limits()
_YAML_FENCE = re.compile(r"---[ \t]*(?:\n|$)")
_LABEL = re.compile(r"\[([^\[\]]{1,1000})\]")
_YAML_CLOSE = re.compile(r"\n(?:-{3,}|\.\.\.)[ \t]*(?:\n|$)")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,20})(?=[\s/>])")
_ALIGN = re.compile(r"text-align:\s*(left|center|right)")

#: Inline HTML tags kept as structure (everything else is dropped; the text between stays).
_HTML_INLINE = {
    "em": "em",
    "i": "em",
    "strong": "strong",
    "b": "strong",
    "del": "s",
    "s": "s",
    "strike": "s",
}
_MD_OPEN = {"em_open": "em", "strong_open": "strong", "s_open": "s", "link_open": "a"}
_MD_CLOSE = {"em_close": "em", "strong_close": "strong", "s_close": "s", "link_close": "a"}


class _MarkdownIt(MarkdownIt):
    """markdown-it with link URLs kept exactly as written (articlekit checks schemes itself)."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name
        return True

    def normalizeLink(self, url: str) -> str:  # noqa: N802 - markdown-it's name
        return url

    def normalizeLinkText(self, link: str) -> str:  # noqa: N802 - markdown-it's name
        return link


def _strip_markers(line: str) -> str:
    """A source line without its leading block-quote and list markers (a linear scan)."""
    pos, size = 0, len(line)
    while True:
        start = pos
        while pos < size and line[pos] in " \t":
            pos += 1
        if pos < size and line[pos] in ">-+*":
            pos += 1
        else:
            digits = pos
            while pos < size and pos - digits < 9 and line[pos].isdigit():
                pos += 1
            if pos == digits or pos >= size or line[pos] not in ".)":
                return line[start:]
            pos += 1
        if pos < size and line[pos] not in " \t":
            return line[start:]


def _nesting(limits: Limits) -> int:
    # markdown-it's maxNesting bounds its recursion, and its cost on bracket runs grows with
    # it (each unclosed "[" is rescanned up to that depth).  A list takes two token levels
    # (list, item), so lists nested more than about max_depth/2 deep are cut by the tokenizer;
    # their text is then kept as a paragraph (see _Builder.cut_text), with a warning.
    return limits.max_depth + 8


def _closes_after(state: StateInline) -> bool:
    """Whether a "]" follows the current position in the inline content (found once per content).

    A link or an image needs one; without this check markdown-it rescans every
    unclosed "[" of a long run, up to ``maxNesting`` levels each time.
    """
    last = getattr(state, "_articlekit_last_close", None)
    if last is None:
        last = state.src.rfind("]")
        state._articlekit_last_close = last  # type: ignore[attr-defined]
    return bool(last > state.pos)


def _link(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False  # markdown-it's own first test, before the cached search
    return _closes_after(state) and _link_rule(state, silent)


def _image(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "!":
        return False
    return _closes_after(state) and _image_rule(state, silent)


#: Block rules that only start at one of these characters (their own first test after
#: logging their entry): on any other line they are skipped at once.
_BLOCK_STARTS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}


def _starting_with(rule: Any, starts: str) -> Any:
    def guarded(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[start_line] + state.tShift[start_line]
        if pos < state.eMarks[start_line] and state.src[pos] not in starts:
            return False
        return bool(rule(state, start_line, end_line, silent))

    return guarded


def _indented(rule: Any) -> Any:
    # The indented-code rule's own first test: a line indented 4 columns past the block's.
    def guarded(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
        if state.sCount[start_line] - state.blkIndent < 4:
            return False
        return bool(rule(state, start_line, end_line, silent))

    return guarded


def make_markdown_it(*, limits: Limits | None = None, front_matter: bool = True) -> MarkdownIt:
    """A new markdown-it parser configured as :func:`parse_markdown` uses it.

    It expects text as :func:`parse_markdown` passes it: line ends normalised to
    ``\\n`` and no NUL characters; escaped characters come as ``text_special`` tokens.
    """
    limits = limits or Limits()
    md = _MarkdownIt("commonmark", {"html": True, "maxNesting": _nesting(limits)})
    md.enable(["table", "strikethrough"])
    # decode_input has normalised line ends and NULs already, and the builder joins runs of
    # text itself (a "text_special" token, an escaped character, reads as text there).
    md.core.ruler.disable(["normalize", "text_join"])
    # fragments_join only merges adjacent text tokens (and renumbers inline levels, which
    # the builder does not read): the builder joins runs of text pieces itself.
    md.inline.ruler2.disable(["fragments_join"])
    # The same rules, skipped at once where no "]" follows (runs of unclosed brackets).
    md.inline.ruler.at("link", _link)
    md.inline.ruler.at("image", _image)
    # Block rules tried on every line, skipped at once where their own first test fails
    # (each would log its entry first); a rule keeps its place in the terminator chains (alt).
    for rule in md.block.ruler.__rules__:
        if rule.name in _BLOCK_STARTS:
            md.block.ruler.at(rule.name, _starting_with(rule.fn, _BLOCK_STARTS[rule.name]), {"alt": list(rule.alt)})
        elif rule.name == "code":
            md.block.ruler.at(rule.name, _indented(rule.fn), {"alt": list(rule.alt)})
    if front_matter:
        md.use(front_matter_plugin)
    md.parse("")  # compile the rule chains now: the parser is never changed after this
    return md


@functools.lru_cache(maxsize=16)
def _shared_markdown_it(nesting_depth: int, front_matter: bool) -> MarkdownIt:
    # markdown-it keeps all parse state in a per-call state object; a configured
    # MarkdownIt with compiled rule chains is read-only, so it is safe to share
    # between calls and threads (building one costs more than parsing a short post).
    return make_markdown_it(limits=Limits(max_depth=nesting_depth), front_matter=front_matter)


# --------------------------------------------------------------------------- inline mapping


# Inline tokens that are text alone (a soft break reads as a space).
_PLAIN_INLINE = frozenset({"text", "text_special", "softbreak"})


class _Frame:
    """An inline container being built (emphasis, strong, strikethrough, link)."""

    __slots__ = ("flat", "href", "items", "kind", "origin", "title")

    def __init__(self, kind: str, origin: str, items: list[Inline | str], *, flat: bool = False,
                 href: str = "", title: str | None = None) -> None:
        self.kind = kind
        self.origin = origin
        self.items = items
        self.flat = flat
        self.href = href
        self.title = title

    def node(self) -> Inline:
        children = _joined(self.items)
        if self.kind == "em":
            return Emphasis(children)
        if self.kind == "strong":
            return Strong(children)
        if self.kind == "s":
            return Strikethrough(children)
        return Link(self.href, children, title=self.title)


def _joined(items: list[Inline | str]) -> list[Inline]:
    """Inline nodes with each run of text pieces joined into one Text (linear, not pairwise)."""
    out: list[Inline] = []
    run: list[str] = []
    for item in items:
        if isinstance(item, str):
            run.append(item)
            continue
        if run:
            out.append(Text("".join(run)))
            run = []
        out.append(item)
    if run:
        out.append(Text("".join(run)))
    return out


def _close(stack: list[_Frame], root: list[Inline | str], kind: str, origin: str) -> int:
    """Close the innermost open frame of *kind* from *origin* and those inside it (all, for kind "").

    Each closed frame's node goes to the items of the frame around it (or *root*);
    returns how many non-flat frames were closed.
    """
    index = 0
    if kind:
        for index in range(len(stack) - 1, -1, -1):
            if stack[index].kind == kind and stack[index].origin == origin:
                break
        else:
            return 0
    closed = 0
    while len(stack) > index:
        frame = stack.pop()
        if not frame.flat:
            closed += 1
            (stack[-1].items if stack else root).append(frame.node())
    return closed


class _Builder:
    """Maps one markdown-it token stream onto model blocks, iteratively."""

    def __init__(self, limits: Limits, source: str = "") -> None:
        self.limits = limits
        self.source = source
        self.warnings: list[str] = []
        self._lines: list[str] | None = None
        self._fragment_limits: dict[int, Limits] = {}

    def cut_text(self, token: Token) -> list[Block]:
        """The text of the lines markdown-it stopped following (nesting past ``maxNesting``).

        markdown-it leaves a container at its nesting limit empty; its source lines,
        less their container markers, are kept as one paragraph so nothing is lost.
        """
        if token.map is None:
            return []
        if self._lines is None:
            self._lines = self.source.split("\n")
        start, end = token.map
        text = " ".join(_strip_markers(line) for line in self._lines[start:end]).strip()
        self.flatten_warning()
        return [Paragraph([Text(text)])] if text else []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def flatten_warning(self) -> None:
        self.limits.exceeded(
            "max_depth",
            f"content nested more than Limits.max_depth ({self.limits.max_depth}) levels deep "
            "was flattened into the last allowed level",
            self.warn,
            source="markdown",
        )

    # -- inlines

    def alt_text(self, token: Token) -> str:
        parts: list[str] = []
        todo: list[Token] = list(reversed(token.children or []))
        while todo:
            child = todo.pop()
            if child.type in ("text", "text_special", "code_inline"):
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append(" ")
            elif child.type == "hardbreak":
                parts.append("\n")
            elif child.type == "image":
                todo.extend(reversed(child.children or []))
        return "".join(parts)

    def inlines(self, tokens: Sequence[Token], budget: int) -> list[Inline]:
        for token in tokens:
            if token.type not in _PLAIN_INLINE:
                break
        else:  # plain text (or nothing), the common case
            if not tokens:
                return []
            return [Text("".join(" " if t.type == "softbreak" else t.content for t in tokens))]
        root: list[Inline | str] = []
        stack: list[_Frame] = []
        sink = root  # where content goes: the innermost open frame's items (a flat frame shares its parent's)
        opened = 0
        for token in tokens:
            kind = token.type
            if kind == "text" or kind == "text_special":
                sink.append(token.content)
            elif kind == "softbreak":
                sink.append(" ")
            elif kind == "hardbreak":
                sink.append(LineBreak())
            elif kind == "code_inline":
                sink.append(InlineCode(token.content))
            elif kind in _MD_OPEN:
                if kind == "link_open":
                    href = str(token.attrGet("href") or "")
                    title = token.attrGet("title")
                    if is_unsafe_url(href):
                        self.warn("a link with an unsafe URL scheme was kept as plain text")
                        stack.append(_Frame("a", "md", sink, flat=True))
                        continue
                    frame = _Frame("a", "md", [], href=href, title=None if title is None else str(title))
                else:
                    frame = _Frame(_MD_OPEN[kind], "md", [])
                if opened >= budget:
                    self.flatten_warning()
                    frame = _Frame(frame.kind, "md", sink, flat=True)
                else:
                    opened += 1
                stack.append(frame)
                sink = frame.items
            elif kind in _MD_CLOSE:
                opened -= _close(stack, root, _MD_CLOSE[kind], "md")
                sink = stack[-1].items if stack else root
            elif kind == "image":
                src = str(token.attrGet("src") or "")
                if is_unsafe_url(src, image=True):
                    self.warn("an image with an unsafe URL scheme was dropped")
                    continue
                title = token.attrGet("title")
                sink.append(InlineImage(src, self.alt_text(token), None if title is None else str(title)))
            elif kind == "html_inline":
                match = _HTML_TAG.match(token.content + " ")
                if match is None:
                    continue
                closing, name = match.group(1), match.group(2).lower()
                if name == "br" and not closing:
                    sink.append(LineBreak())
                elif name in _HTML_INLINE:
                    if closing:
                        opened -= _close(stack, root, _HTML_INLINE[name], "html")
                    elif opened >= budget:
                        self.flatten_warning()
                        stack.append(_Frame(_HTML_INLINE[name], "html", sink, flat=True))
                    else:
                        opened += 1
                        stack.append(_Frame(_HTML_INLINE[name], "html", []))
                    sink = stack[-1].items if stack else root
        _close(stack, root, "", "")
        return _joined(root)

    # -- blocks

    def html_blocks(self, html: str, depth: int) -> list[Block]:
        """Raw HTML blocks go through the HTML parser's block mapping (sanitised, bounded)."""
        max_depth = max(1, self.limits.max_depth - depth)
        limits = self._fragment_limits.get(max_depth)
        if limits is None:
            limits = self._fragment_limits[max_depth] = attrs.evolve(self.limits, max_depth=max_depth)
        return list(fragment_blocks(html, base_url=None, limits=limits))

    def blocks(self, tokens: Sequence[Token]) -> list[Block]:
        max_depth = self.limits.max_depth
        cap = _nesting(self.limits) - 1
        # Open lists, items and quotes; markdown-it's empty ones ("> " alone) are kept.
        stack = BlockStack(max_depth, keep_empty=True)
        add = stack.add
        # Per open container token: whether it opened a frame (False: flattened into the level around it).
        opened: list[bool] = []
        children: list[Inline] = []  # the inlines of the paragraph, heading or cell being built
        align: str | None = None
        table: dict[str, Any] | None = None

        for token in tokens:
            kind = token.type
            if kind == "inline":
                budget = max_depth - stack.depth - (2 if table is not None else 1)
                children = self.inlines(token.children or [], max(budget, 0))
            elif kind == "paragraph_open":
                children = []
            elif kind == "paragraph_close":
                if len(children) == 1 and isinstance(children[0], InlineImage):
                    image = children[0]
                    add(Figure(image.src, image.alt, image.title))
                elif children:
                    add(Paragraph(children))
            elif kind == "heading_open":
                children = []
            elif kind == "heading_close":
                add(Heading(int(token.tag[1:]), children))
            elif kind in ("blockquote_open", "list_item_open") and token.level >= cap:
                # markdown-it stopped nesting here: the lines' text goes beside the list, not in it.
                stack.outside_list().extend(self.cut_text(token))
                opened.append(False)
            elif kind == "blockquote_open":
                if not stack.open_quote():
                    self.flatten_warning()
                    opened.append(False)
                else:
                    opened.append(True)
            elif kind == "bullet_list_open" or kind == "ordered_list_open":
                ordered = kind == "ordered_list_open"
                start = token.attrGet("start") if ordered else None
                if not stack.open_list(ordered, (1 if start is None else int(start)) if ordered else None):
                    self.flatten_warning()
                    opened.append(False)
                else:
                    opened.append(True)
            elif kind == "list_item_open":
                # An item of a flattened list is flattened too (its list is not the innermost frame).
                opened.append(stack.open_item())
            elif kind in ("blockquote_close", "bullet_list_close", "ordered_list_close", "list_item_close"):
                if opened.pop():
                    stack.close()
            elif kind in ("fence", "code_block"):
                code = token.content[:-1] if token.content.endswith("\n") else token.content
                info = unescapeAll(token.info).split() if kind == "fence" else []
                add(CodeBlock(code, info[0] if info else None))
            elif kind == "hr":
                add(ThematicBreak())
            elif kind == "html_block":
                pre = _PRE_BLOCK.fullmatch(token.content)
                if pre is not None:  # code written as an HTML <pre> block: its text exactly
                    language = html_unescape(pre.group(1)).split() if pre.group(1) else []
                    add(CodeBlock(html_unescape(pre.group(2)), language[0] if language else None))
                else:
                    for block in self.html_blocks(token.content, stack.depth):
                        add(block)
            elif kind == "table_open":
                table = {"header": [], "rows": [], "head": False, "cells": []}
            elif kind == "thead_open" and table is not None:
                table["head"] = True
            elif kind == "tbody_open" and table is not None:
                table["head"] = False
            elif kind in ("th_open", "td_open"):
                children = []
                match = _ALIGN.search(str(token.attrGet("style") or ""))
                align = match.group(1) if match else None
            elif kind in ("th_close", "td_close") and table is not None:
                table["cells"].append(TableCell(children, align))  # type: ignore[arg-type]
            elif kind == "tr_close" and table is not None:
                (table["header"] if table["head"] else table["rows"]).append(TableRow(table["cells"]))
                table["cells"] = []
            elif kind == "table_close" and table is not None:
                if all(not cell.children for row in table["header"] for cell in row.cells):
                    # A header row of empty cells is how GFM writes a table without a header
                    # (GFM requires the row; to_markdown writes a header-less table so).
                    table["header"] = []
                if table["header"] or table["rows"]:
                    add(Table(table["header"], table["rows"]))
                table = None
        return stack.blocks


# --------------------------------------------------------------------------- the parser


def _front_matter_data(
    text: str, limits: Limits, warnings: list[str]
) -> tuple[str, dict[str, Any] | None, bool, int]:
    """Find front matter: (markdown body, loaded mapping or None, use the YAML rule, body line offset)."""
    if _frontmatter.starts_with_toml_fence(text):
        split = _frontmatter.split_toml(text)
        if split is None:
            _frontmatter.check_closed(text, toml=True)
            warnings.append("the '+++' front matter is never closed; it was read as Markdown")
            return text, None, False, 0
        source, body, body_line = split
        return body, _frontmatter.load_toml(source, first_line=2, limits=limits), False, body_line - 1
    if _YAML_FENCE.match(text) is None:
        return text, None, False, 0
    _frontmatter.check_closed(text, toml=False)
    return text, None, True, 0


def _front_matter_is_mapping(text: str, limits: Limits) -> bool:
    """Whether the ``---`` block that opens *text* holds a YAML mapping (True when markdown-it
    reads no front matter there: the main pass then says why)."""
    closing = _YAML_CLOSE.search(text, 3)
    if closing is None:
        return True
    tokens = _tokens(text[: closing.end()], limits, front_matter=True)
    if not tokens or tokens[0].type != "front_matter":
        return True
    return _frontmatter.load_yaml(tokens[0].content, first_line=2, limits=limits) is not None


def _tokens(text: str, limits: Limits, *, front_matter: bool, env: dict[str, Any] | None = None) -> list[Token]:
    try:
        return _shared_markdown_it(limits.max_depth, front_matter).parse(text, env)
    except RecursionError:  # markdown-it recurses up to maxNesting; only a nearly full stack gets here
        raise ResourceLimitError(
            "the Markdown is nested too deeply for the space left on the call stack", source="markdown"
        ) from None


def _cuts(text: str, limits: Limits, *, front_matter: bool) -> list[tuple[int, bool]]:
    """Where *text* is cut into pieces to tokenize one at a time: ``(end, forced)`` per piece.

    One piece unless the text is longer than ``Limits.max_markdown_piece_chars``
    (see :mod:`articlekit._parsers._markdown_pieces`); the front matter stays in the first.
    """
    size = limits.max_markdown_piece_chars
    if len(text) <= size:
        return [(len(text), False)]
    cutter = Cutter(text)
    closing = _YAML_CLOSE.search(text, 3) if front_matter else None
    floor = closing.end() if closing else 0
    cuts: list[tuple[int, bool]] = []
    start = 0
    while start < len(text):
        low = max(start, floor)
        cut, forced = cutter.cut(low, low + size)
        cuts.append((cut, forced))
        start = cut
    return cuts


def _runs_off(tokens: list[Token], piece: str) -> bool:
    """Whether the piece ends inside a fenced code or raw HTML block (a cut fell inside it)."""
    last = tokens[-1] if tokens else None
    return (
        last is not None
        and last.type in ("fence", "html_block")
        and last.level == 0
        and last.map is not None
        and last.map[1] >= piece.count("\n")
    )


def _uses_any(piece: str, labels: list[str]) -> bool:
    """Whether *piece* may use one of the (normalised) link reference *labels*: ``[label]`` appears in it."""
    if not labels or "[" not in piece:
        return False
    wanted = set(labels)
    if any("[" in label or "]" in label or "\\" in label for label in wanted):
        return True  # labels with escaped brackets: do not try to be clever
    return any(normalizeReference(match.group(1)) in wanted for match in _LABEL.finditer(piece))


def _pieces(
    text: str,
    cuts: list[tuple[int, bool]],
    limits: Limits,
    *,
    front_matter: bool,
    env: dict[str, Any],
) -> Iterator[tuple[int, int, bool, list[Token]]]:
    """Tokenize *text* piece by piece: ``(start, end, forced, tokens)`` per piece.

    A piece that ends inside a fenced code or raw HTML block (the cut scanner
    missed the block) is joined to the next one and tokenized again, twice at
    most; then its cut counts as forced.
    """
    start = index = 0
    while index < len(cuts):
        cut, forced = cuts[index]
        first = front_matter and start == 0
        tokens = _tokens(text[start:cut], limits, front_matter=first, env=env)
        tries = 0
        while not forced and index + 1 < len(cuts) and _runs_off(tokens, text[start:cut]):
            tries += 1
            if tries > 2:
                forced = True
                break
            index += 1
            cut, forced = cuts[index]
            tokens = _tokens(text[start:cut], limits, front_matter=first, env=env)
        yield start, cut, forced, tokens
        tokens = []  # let the caller's drop free this piece's tokens before the next is made
        start = cut
        index += 1


# ----------------------------------------------------------------------------- work budget

# What markdown-it-py spends, measured per kind of input (CPU seconds): a list item, table
# row or block-quote line (``- x``, ``| a |``, ``> x``) 45 microseconds, an inline mark
# (``* _ ~ ` [ ] < ! \ & |``) 10, any character 0.2.  Prose costs 0.5 s per MB; a bullet
# list of short items 3.3 s per MB, a run of ``**a*`` 6 s per MB and 400 MB of tokens.
_ITEM_LINE = re.compile(r"^[ \t>]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|\||>)", re.MULTILINE)
_INLINE_MARKS = "*_~`[]<!\\&|"
_SECONDS_PER_ITEM_LINE = 45e-6
_SECONDS_PER_MARK = 10e-6
_SECONDS_PER_CHAR = 0.2e-6
#: The Markdown work budget, in estimated CPU seconds: a fixed part and a part per MB of
#: input.  What is left of the call's budget (2 s + 1 s per MB) is for quote extraction
#: and building the Article.
MARKDOWN_BUDGET_SECONDS = (1.5, 0.55)


def markdown_work(text: str) -> float:
    """markdown-it-py's CPU seconds on *text*, estimated from counts made in C (linear, cheap)."""
    items = sum(1 for _ in _ITEM_LINE.finditer(text))
    marks = sum(text.count(c) for c in _INLINE_MARKS)
    return items * _SECONDS_PER_ITEM_LINE + marks * _SECONDS_PER_MARK + len(text) * _SECONDS_PER_CHAR


def _check_budget(text: str, size: int) -> None:
    fixed, per_mb = MARKDOWN_BUDGET_SECONDS
    allowed = fixed + per_mb * size / (1024 * 1024)
    work = markdown_work(text)
    if work > allowed:
        raise ResourceLimitError(
            f"the Markdown is too dense to parse within the time and memory budget: about {work:.1f} CPU "
            f"seconds of list items, table rows and inline marks for {size:,} bytes (at most {allowed:.1f}); "
            "parse it with parse_text, or in smaller documents",
            source="markdown",
        )


_STANDFIRST_KEYS = frozenset(("subtitle", "standfirst"))


def _described(loaded: Any, body: list[Block]) -> bool:
    """Whether the front matter's ``description`` key is the standfirst: no ``subtitle`` or
    ``standfirst`` key (even empty) and a body whose first paragraph does not repeat it."""
    if not isinstance(loaded, dict):
        return False
    keys = {str(k).strip().lower() for k in loaded}
    if "description" not in keys or keys & _STANDFIRST_KEYS:
        return False
    value = next((v for k, v in loaded.items() if str(k).strip().lower() == "description"), None)
    first = next((b for b in body if isinstance(b, Paragraph)), None)
    if isinstance(value, str) and first is not None:
        return " ".join(inline_text(first.children).split()) != " ".join(value.split())
    return True


def parse_markdown(
    data: str | bytes | os.PathLike[str] | BinaryIO,
    *,
    url: str | None = None,
    quotes: bool = True,
    limits: Limits | None = None,
) -> Article:
    """Parse a Markdown document (with optional YAML or TOML front matter) into an Article.

    * Front matter fills the metadata (``docs/guide/markdown.rst`` has the key
      table); unknown keys go to :attr:`Article.extra`.  A ``---`` or ``+++``
      block whose first line is a key (``title: x``) but that is never closed
      raises :class:`~articlekit.FrontMatterError`; one whose first line is
      prose is read as Markdown, with a warning.  A
      ``---`` block holding valid YAML that is not a mapping (``---\\nFoo\\n---``
      is a thematic break and a heading in CommonMark) is read as Markdown too.
    * Title: the front matter ``title``; without that key, a level-1 heading
      that opens the body becomes the title and leaves the body.
    * Raw HTML is never passed through: HTML blocks become the blocks (or the
      visible text) they hold; inline ``<br>``, ``<em>``/``<i>``,
      ``<strong>``/``<b>`` and ``<del>``/``<s>`` become the matching nodes and
      other inline tags are dropped.  Links and images with ``javascript:``,
      ``vbscript:``, ``file:`` or (non-image) ``data:`` URLs are unlinked or
      dropped, with a warning.

    :param data: the document (str or bytes), or a path (:class:`os.PathLike`) or
        binary file object to read it from.
    :param url: where the document was read from (wins over a front-matter ``url``,
        which is then kept in ``extra``).
    :param quotes: extract quotes (see :func:`articlekit.extract_quotes`).
    :raises FrontMatterError: malformed front matter, with its line number.
    :raises ParseError: empty, binary or oversized input (see :class:`~articlekit.Limits`).
    :raises ResourceLimitError: the document is too dense to parse within the time and
        memory budget (:func:`markdown_work`: list items, table rows and inline marks,
        weighted by what markdown-it-py spends on each, against
        :data:`MARKDOWN_BUDGET_SECONDS`).

    >>> parse_markdown("# Title\\n\\nBody text.", quotes=False).title
    'Title'
    """
    limits = limits or _DEFAULT_LIMITS
    check_url_argument(url, source="markdown")
    check_flags("parse_markdown", quotes=quotes)
    raw = read_source(data, source="markdown", limits=limits)
    decoded = decode_input(raw, source="markdown", limits=limits)
    _check_budget(decoded.text, len(raw) if isinstance(raw, (bytes, bytearray)) else len(decoded.text.encode("utf-8", "replace")))
    warnings: list[str] = list(decoded.warnings)
    body_text, loaded, yaml_rule, _ = _front_matter_data(decoded.text, limits, warnings)

    builder = _Builder(limits)
    cuts = _cuts(body_text, limits, front_matter=yaml_rule)
    if yaml_rule and len(cuts) > 1 and not _front_matter_is_mapping(body_text, limits):
        # the cuts kept a '---' block whole as front matter; read as Markdown, it may open a
        # fence or a list that runs past it, so the cuts are placed again for Markdown
        warnings.append("the '---' block is not a YAML mapping; it was read as Markdown")
        yaml_rule = False
        cuts = _cuts(body_text, limits, front_matter=False)
    env: dict[str, Any] = {}
    read: list[tuple[int, int, bool, int]] = []  # per piece: start, end, front-matter rule, tokens skipped
    known: list[int] = []  # per piece: how many link reference definitions were known after it
    bodies: list[list[Block]] = []
    for start, cut, forced, tokens in _pieces(body_text, cuts, limits, front_matter=yaml_rule, env=env):
        if forced and cut < len(body_text):
            limits.exceeded(
                "max_markdown_piece_chars",
                f"a top-level Markdown block is longer than Limits.max_markdown_piece_chars "
                f"({limits.max_markdown_piece_chars:,} characters); it was tokenized in pieces, so a block "
                "quote, list, table or code block that runs across a cut was split in two "
                "(a table's rows after the cut become paragraphs)",
                builder.warn,
                source="markdown",
            )
        rule, skip = yaml_rule and start == 0, 0
        if rule:
            if tokens and tokens[0].type == "front_matter":
                loaded = _frontmatter.load_yaml(tokens[0].content, first_line=2, limits=limits)
                tokens, skip = tokens[1:], 1
                if loaded is None:
                    warnings.append("the '---' block is not a YAML mapping; it was read as Markdown")
                    rule, skip = False, 0
                    tokens = _tokens(body_text[start:cut], limits, front_matter=False, env=env if cuts[1:] else None)
            else:
                warnings.append("the '---' front matter is never closed; it was read as Markdown")
        builder.source, builder._lines = body_text[start:cut], None
        bodies.append(builder.blocks(tokens))
        del tokens  # each piece's tokens go before the next piece is tokenized
        read.append((start, cut, rule, skip))
        known.append(len(env.get("references", ())))
    if len(read) > 1:
        # A piece that uses a link reference defined in a later piece is read again, knowing it.
        labels = list(env.get("references", ()))
        for index, (start, cut, rule, skip) in enumerate(read):
            piece = body_text[start:cut]
            if _uses_any(piece, labels[known[index] :]):
                tokens = _tokens(piece, limits, front_matter=rule, env=env)[skip:]
                builder.source, builder._lines = piece, None
                bodies[index] = builder.blocks(tokens)
                del tokens
    body = [block for blocks in bodies for block in blocks]
    meta = _frontmatter.map_front_matter(loaded, limits=limits) if loaded else _frontmatter.Metadata()
    fields = meta.fields
    extra = meta.extra
    if url is not None:
        if "url" in fields:
            extra.setdefault("url", fields["url"])
        fields["url"] = url
    if "standfirst" not in fields and "description" in fields and _described(loaded, body):
        # Hugo, Jekyll and most generators print the front matter's description as the lede
        fields["standfirst"] = fields["description"]
    if not meta.has_title_key and body and isinstance(body[0], Heading) and body[0].level == 1:
        fields["title"] = limits.cut(
            inline_text(body[0].children), "max_title_chars", "title", warnings.append,
            f"the title is longer than Limits.max_title_chars ({limits.max_title_chars:,}); cut", source="markdown",
        )
        body = body[1:]
    article = Article(
        **fields,
        body=body,
        source_format="markdown",
        encoding=decoded.encoding,
        encoding_source=decoded.encoding_source,
        extra=extra,
        warnings=[*warnings, *meta.warnings, *builder.warnings],
    )
    return enrich(article, quotes=quotes, limits=limits)
