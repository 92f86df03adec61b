"""From a cleaned lxml subtree to the model's blocks and inlines.

One iterative walk (:func:`lxml.etree.iterwalk`, no recursion on the page's
depth) turns elements into blocks:

* ``h1``-``h6`` -> :class:`~articlekit.Heading`; ``p`` and any text that sits
  directly in a block container -> :class:`~articlekit.Paragraph` (two ``<br>``
  in a row also end a paragraph);
* ``ul`` / ``ol`` / ``li`` -> :class:`~articlekit.ListBlock` (nested lists
  nest); ``blockquote`` -> :class:`~articlekit.BlockQuote` (built on the
  parsers' shared nesting stack, :mod:`articlekit._parsers._blockstack`);
* ``figure`` (and an image standing alone in a paragraph) ->
  :class:`~articlekit.Figure`, with its ``figcaption`` and credit;
* ``table`` -> :class:`~articlekit.Table` (layout tables, whose cells hold
  blocks, are walked as containers instead); ``pre`` ->
  :class:`~articlekit.CodeBlock`; ``hr`` -> :class:`~articlekit.ThematicBreak`;
* inline ``a``, ``em``/``i``, ``strong``/``b``, ``s``/``del``, ``code``,
  ``br`` and ``img`` -> the matching inline nodes; other inline elements are
  transparent.

White space is collapsed the way a browser renders it.  Links and images are
resolved against the base URL; ``javascript:`` and similar links keep their
text and lose the link.  Content nested deeper than ``Limits.max_depth`` is
flattened into the deepest allowed level, with a warning (with
``Limits(strict=True)``, :class:`~articlekit.ResourceLimitError`).
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias

import attrs
import lxml.etree
import lxml.html

from articlekit._limits import Limits
from articlekit._model import (
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
from articlekit._parsers._blockstack import BlockStack
from articlekit._parsers.html._tree import drop_tree, parse_tree
from articlekit._textutil import clean_text
from articlekit._urls import resolve_url as _resolve

__all__ = ["BlockBuilder", "fragment_blocks", "is_placeholder_alt", "resolve_url"]

# HTML white space; a run of it renders as one space (:func:`_collapse_space`).
_WS = re.compile(r"[ \t\n\r\f]+")
# Trimmed from both ends of a paragraph: spaces, and the no-break spaces pages pad with.
_EDGE_SPACE = " \u00a0\u2002\u2003\u2009\u202f"
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that break the flow of text: their start and end end a paragraph.
_BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form", "header", "hgroup", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "section", "summary", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "noscript", "option", "optgroup", "select", "frameset", "frame", "iframe", "video", "audio", "canvas", "map", "object", "embed", "hr", "br-block"]
)
_EMPHASIS = frozenset(("em", "i", "cite", "dfn", "var"))
_STRONG = frozenset(("strong", "b"))
_STRIKE = frozenset(("s", "del", "strike"))
_CODE = frozenset(("code", "kbd", "samp", "tt"))
# Elements whose content is never text of the article.
_SKIP = frozenset(
    ["script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "button", "input", "select", "textarea", "option", "optgroup", "datalist", "iframe", "frame", "frameset", "object", "embed", "applet", "audio", "video", "canvas", "map", "area", "source", "track", "param", "base"]
)
_PLACEHOLDER_ALT = re.compile(
    r"^(?:post[ _-]?image|image|img|photo|picture|pic|placeholder|thumbnail|thumb|"
    r"loading|spacer|blank|icon|logo|default|featured[ _-]?image|untitled|null|none|"
    r"image\d{0,4}|img\d{0,4}|dsc\d{0,8}|[\w-]{0,40}\.(?:jpe?g|png|gif|webp|avif|svg))$",
    re.IGNORECASE,
)
_LANG_CLASS = re.compile(r"(?:^|\s)(?:language|lang)-([A-Za-z0-9_+#.-]{1,30})")
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|photographer|source|attribution", re.IGNORECASE)
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src")

# An inline frame under construction: [kind, argument, children].  Children are
# strings, frames, _BR or image tuples.
_Frame: TypeAlias = "list[Any]"
_BR = ("br",)



_FIGURE_BLOCKS = ("p", "table", "blockquote", "ul", "ol", "h2", "h3")
_TABLE_BLOCKS = ("table", "p", "ul", "ol", "h1", "h2", "h3", "blockquote", "pre", "figure", "div")


def _collapse_space(text: str) -> str:
    """Each run of HTML white space in *text* as one space: ``_WS.sub(" ", text)``, faster.

    The pattern substitutes at every single space too (a paragraph of 500 characters
    took 16 us); C string methods do the same in about 1 us: the other white-space
    characters become spaces, then each four spaces in a row, and then each two, become
    one until no two are left.
    """
    if "\n" in text:
        text = text.replace("\n", " ")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\r" in text:
        text = text.replace("\r", " ")
    if "\f" in text:
        text = text.replace("\f", " ")
    if "  " in text:
        while "    " in text:
            text = text.replace("    ", " ")
        while "  " in text:
            text = text.replace("  ", " ")
    return text


def _holds_blocks(el: lxml.html.HtmlElement, tags: tuple[str, ...]) -> bool:
    """Whether *el* holds (below itself) a block of one of *tags* with text.

    One C-level walk; (an XPath union would be quadratic in libxml2 on large trees).
    """
    for node in el.iter(*tags):
        if node is el:
            continue
        if node.tag == "div":
            if next(node.iter("p"), None) is None:
                continue
        elif node.tag == "p":
            if not node.text_content().strip():
                continue
            parent = node.getparent()
            if parent is not None and parent.tag == "figcaption":
                continue
        return True
    return False


def is_placeholder_alt(alt: str) -> bool:
    """True for alt text that only says "an image is here" (``PostImage``, ``image``, ``photo.jpg``).

    >>> is_placeholder_alt("PostImage"), is_placeholder_alt("Dmitry Peskov in Moscow")
    (True, False)
    """
    alt = alt.strip()
    return not alt or bool(_PLACEHOLDER_ALT.match(alt))


def resolve_url(url: str | None, base: str | None) -> str | None:
    """Resolve *url* against *base*; None for empty and unsafe URLs (:mod:`articlekit._urls`).

    >>> resolve_url("/a/b.html", "https://example.com/x/y")
    'https://example.com/a/b.html'
    >>> resolve_url("javascript:alert(1)", None) is None
    True
    """
    if not url:
        return None
    url = clean_text(url).strip()
    if not url or url == "#":
        return None
    return _resolve(url, base)


def _image_src(img: lxml.html.HtmlElement, base: str | None) -> str | None:
    src = img.get("src")
    if not src or src.startswith("data:") or "blank" in src or "spacer" in src or "pixel" in src:
        for name in _LAZY_SRC:
            value = img.get(name)
            if value and not value.startswith("data:"):
                src = value
                break
        else:
            srcset = img.get("srcset") or img.get("data-srcset")
            if srcset:
                src = srcset.strip().split(",")[0].strip().split(" ")[0]
    if img.get("width") in ("1", "0") or img.get("height") in ("1", "0"):
        return None
    return resolve_url(src, base)


class BlockBuilder:
    """Turns lxml subtrees into blocks; one builder per parse (it collects warnings).

    >>> import lxml.html
    >>> root = lxml.html.fromstring("<div><h2>Hi</h2><p>One <em>two</em></p><ul><li>a</li></ul></div>")
    >>> [type(b).__name__ for b in BlockBuilder(base_url=None, limits=Limits()).build(root)]
    ['Heading', 'Paragraph', 'ListBlock']
    """

    def __init__(self, *, base_url: str | None, limits: Limits) -> None:
        self.base_url = base_url
        self.limits = limits
        self.max_depth = limits.max_depth
        self.warnings: list[str] = []
        self._flattened = False

    # ------------------------------------------------------------------ helpers

    def _flatten_warning(self) -> None:
        """Content nested past ``Limits.max_depth`` was flattened: one warning, or an error under ``strict``."""
        if not self._flattened:
            self._flattened = True
            self.limits.exceeded(
                "max_depth",
                f"content nested more than {self.max_depth} levels deep was flattened (Limits.max_depth)",
                self.warnings.append,
                source="html",
            )

    def build(self, root: lxml.html.HtmlElement) -> tuple[Block, ...]:
        """The blocks of *root*'s content (the root's own tail is not included)."""
        # Open lists, items and quotes (:mod:`articlekit._parsers._blockstack`); empty ones are dropped.
        stack = BlockStack(self.max_depth)
        _add_block = stack.add
        # What each open element pushed, to undo at its end.
        pushed: list[object] = []
        inl: list[_Frame] = [["p", 0, []]]

        def flush() -> None:
            frame = inl[0]
            if len(inl) > 1:
                # Close inline elements still open (a block started inside an inline).
                while len(inl) > 1:
                    child = inl.pop()
                    inl[-1][2].append(child)
            children = frame[2]
            if not children:
                if frame[0] != "p":
                    inl[0] = ["p", 0, []]
                return  # an empty paragraph frame stays as it is (most flushes)
            inl[0] = ["p", 0, []]
            if len(children) == 1:
                only = children[0]
                if type(only) is str and (not only or only.isspace()):
                    # White space between two blocks (most flushes): no paragraph.
                    return
            block = self._paragraph(frame)
            if block is not None:
                _add_block(block)

        def add_text(text: str | None) -> None:
            if text:
                inl[-1][2].append(text)

        walker = lxml.etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if not isinstance(tag, str):
                if event == "end" and el is not root:
                    add_text(el.tail)
                continue
            if event == "start":
                if tag in _SKIP:
                    walker.skip_subtree()
                    pushed.append("skip")
                    continue
                if tag in _HEADINGS:
                    flush()
                    inl[0] = ["h", _HEADINGS[tag], []]
                    pushed.append("heading")
                elif tag == "p":
                    flush()
                    if len(el) == 0:
                        # A paragraph of plain text (the most common kind): no frames needed.
                        walker.skip_subtree()
                        pushed.append("skip")
                        para = self.inlines([el.text or ""])
                        if para:
                            _add_block(Paragraph(para))
                        continue
                    pushed.append("block")
                elif tag in ("ul", "ol", "menu", "dir"):
                    flush()
                    if stack.room():
                        start: int | None = None
                        if tag == "ol":
                            try:
                                start = min(max(int((el.get("start") or "1").strip()), 0), 999_999_999)
                            except ValueError:
                                start = 1
                        stack.open_list(tag == "ol", start)
                        pushed.append("container")
                    else:
                        self._flatten_warning()
                        pushed.append("block")
                elif tag == "li":
                    flush()
                    pushed.append("container" if stack.open_item() else "block")
                elif tag == "blockquote":
                    flush()
                    if stack.open_quote():
                        pushed.append("container")
                    else:
                        self._flatten_warning()
                        pushed.append("block")
                elif tag == "pre":
                    flush()
                    walker.skip_subtree()
                    pushed.append("skip")
                    code = self._code_block(el)
                    if code is not None:
                        _add_block(code)
                    continue
                elif tag == "figure":
                    flush()
                    fig = self._figure(el)
                    if fig is not None:
                        walker.skip_subtree()
                        pushed.append("skip")
                        if fig is not False:
                            _add_block(fig)  # type: ignore[arg-type]
                        continue
                    pushed.append("block")
                elif tag == "table":
                    flush()
                    table = self._table(el, stack.depth)
                    if table is not None:
                        walker.skip_subtree()
                        pushed.append("skip")
                        _add_block(table)
                        continue
                    pushed.append("block")
                elif tag == "figcaption":
                    # A caption whose figure has no usable image: nothing to caption.
                    flush()
                    walker.skip_subtree()
                    pushed.append("skip")
                    continue
                elif tag == "hr":
                    flush()
                    _add_block(ThematicBreak())
                    pushed.append("block")
                elif tag == "br":
                    frame = inl[-1]
                    kids = frame[2]
                    if len(inl) == 1 and inl[0][0] == "p":
                        # Two <br> in a row (white space between) end a paragraph.
                        j = len(kids) - 1
                        while j >= 0 and isinstance(kids[j], str) and not kids[j].strip():
                            j -= 1
                        if j >= 0 and kids[j] is _BR:
                            del kids[j:]
                            flush()
                        else:
                            kids.append(_BR)
                    else:
                        kids.append(_BR)
                    pushed.append("none")
                elif tag == "img":
                    src = _image_src(el, self.base_url)
                    if src is not None:
                        inl[-1][2].append(("img", src, clean_text(el.get("alt") or ""), el.get("title") or ""))
                    pushed.append("none")
                elif tag in _BLOCK_TAGS:
                    flush()
                    pushed.append("block")
                else:
                    kind = self._inline_kind(el, tag)
                    if kind is not None:
                        if stack.depth + 1 + len(inl) + 1 <= self.max_depth:
                            inl.append(kind)
                            pushed.append(kind)
                        else:
                            self._flatten_warning()
                            pushed.append("none")
                        if kind[0] == "code":
                            code_text = _collapse_space(clean_text(el.text_content()))
                            inl[-1][2].append(code_text)
                            walker.skip_subtree()
                            continue
                    else:
                        pushed.append("none")
                add_text(el.text)
            else:  # end
                what = pushed.pop()
                if what == "heading" or what == "block":
                    flush()
                elif isinstance(what, list):
                    # An inline element: close its frame (and any left open inside it).
                    # A block inside it may have flushed it already.
                    if any(f is what for f in inl):
                        while True:
                            child = inl.pop()
                            inl[-1][2].append(child)
                            if child is what:
                                break
                elif what == "container":
                    # A list, item or quote: what it holds becomes its node (dropped when empty).
                    flush()
                    stack.close()
                if el is not root:
                    add_text(el.tail)
        flush()
        # Frames left open (cannot happen with a well-formed walk) are dropped.
        return tuple(stack.blocks)

    # ------------------------------------------------------------------ inlines

    def _inline_kind(self, el: lxml.html.HtmlElement, tag: str) -> _Frame | None:
        if tag in _EMPHASIS:
            return ["em", None, []]
        if tag in _STRONG:
            return ["strong", None, []]
        if tag == "a":
            href = resolve_url(el.get("href"), self.base_url)
            if href is None:
                return None
            return ["a", (href, el.get("title")), []]
        if tag in _STRIKE:
            return ["s", None, []]
        if tag in _CODE:
            return ["code", None, []]
        return None

    def _paragraph(self, frame: _Frame) -> Block | None:
        children = frame[2]
        if all(type(c) is str for c in children):
            # Plain text only: no image, no figure (inlines() takes its own fast path).
            plain = self.inlines(children)
            if not plain:
                return None
            return Heading(frame[1], plain) if frame[0] == "h" else Paragraph(plain)
        # A paragraph that is only an image is a figure.
        images = [c for c in children if isinstance(c, tuple) and c is not _BR]
        if len(images) == 1 and all(
            c is images[0] or c is _BR or (isinstance(c, str) and not c.strip()) for c in children
        ):
            _, src, alt, title = images[0]
            if is_placeholder_alt(alt):
                return None
            return Figure(src, alt=alt, title=title or None)
        inlines = self.inlines(children)
        if not inlines:
            return None
        if frame[0] == "h":
            return Heading(frame[1], inlines)
        return Paragraph(inlines)

    def inlines(self, children: list[object]) -> list[Inline]:
        """Normalise white space in a frame tree and build inline nodes."""
        if all(type(c) is str for c in children):
            # Plain text only (most paragraphs of many pages): one string, one Text.
            text = _collapse_space("".join(children)).strip(_EDGE_SPACE)  # type: ignore[arg-type]
            return [Text(clean_text(text))] if text.strip() else []
        _normalise_space(children)
        out = _to_inlines(children)
        if not any(_has_text(n) for n in out):
            return []
        return out

    # ------------------------------------------------------------------ units

    def _collect_inline(self, el: lxml.html.HtmlElement, max_inline: int) -> list[object]:
        """The inline frames of *el*'s content, block boundaries becoming spaces or breaks."""
        stack: list[_Frame] = [["root", None, []]]
        pushed: list[bool] = []
        walker = lxml.etree.iterwalk(el, events=("start", "end"))
        for event, node in walker:
            tag = node.tag
            if event == "start":
                if node is el:
                    if node.text:
                        stack[-1][2].append(node.text)
                    continue
                if not isinstance(tag, str) or tag in _SKIP:
                    walker.skip_subtree()
                    pushed.append(False)
                    continue
                opened = False
                if tag == "br":
                    stack[-1][2].append(_BR)
                elif tag == "img":
                    src = _image_src(node, self.base_url)
                    if src is not None:
                        stack[-1][2].append(("img", src, clean_text(node.get("alt") or ""), node.get("title") or ""))
                elif tag in _BLOCK_TAGS or tag in _HEADINGS or tag in ("figure", "table", "pre", "blockquote"):
                    stack[-1][2].append(" ")
                else:
                    kind = self._inline_kind(node, tag)
                    if kind is not None and len(stack) <= max_inline:
                        stack.append(kind)
                        opened = True
                        if kind[0] == "code":
                            kind[2].append(_collapse_space(clean_text(node.text_content())))
                            walker.skip_subtree()
                            pushed.append(True)
                            continue
                    elif kind is not None:
                        self._flatten_warning()
                pushed.append(opened)
                if node.text:
                    stack[-1][2].append(node.text)
            else:
                if node is el:
                    continue
                if pushed.pop():
                    child = stack.pop()
                    stack[-1][2].append(child)
                if isinstance(tag, str) and (tag in _BLOCK_TAGS or tag in _HEADINGS):
                    stack[-1][2].append(" ")
                if node.tail:
                    stack[-1][2].append(node.tail)
        while len(stack) > 1:  # pragma: no cover - the walk closes every frame
            child = stack.pop()
            stack[-1][2].append(child)
        result: list[object] = stack[0][2]
        return result

    def _code_block(self, el: lxml.html.HtmlElement) -> CodeBlock | None:
        code = clean_text(el.text_content())
        if code.startswith("\n"):
            code = code[1:]
        code = code.rstrip()
        if not code.strip():
            return None
        language = None
        for node in (el, el.find("code")):
            if node is not None:
                m = _LANG_CLASS.search(node.get("class") or "")
                if m:
                    language = m.group(1)
                    break
        return CodeBlock(code, language=language)

    def _figure(self, el: lxml.html.HtmlElement) -> Figure | bool | None:
        """A Figure; False to drop the figure (a placeholder); None to walk it as a container."""
        imgs = list(el.iter("img"))
        if not imgs:
            return None
        if _holds_blocks(el, _FIGURE_BLOCKS):
            return None
        src = None
        alt = ""
        title = None
        for img in imgs:
            src = _image_src(img, self.base_url)
            if src is not None:
                alt = clean_text(img.get("alt") or "").strip()
                title = img.get("title") or None
                break
        if src is None:
            return False
        caption: list[Inline] = []
        credit: str | None = None
        cap = el.find(".//figcaption")
        if cap is None:
            # No figcaption: the figure's own short text is its caption.
            text_len = len(el.text_content().strip())
            if 0 < text_len <= 400:
                cap = el
        if cap is not None:
            for node in cap.iter():
                if node is not cap and isinstance(node.tag, str) and _CREDIT_CLASS.search(node.get("class") or ""):
                    credit_text = _collapse_space(clean_text(node.text_content())).strip()
                    if credit_text:
                        credit = credit_text
                    drop_tree(node)
                    break
            caption = self.inlines(self._collect_inline(cap, self.max_depth - 1))
        if not caption and is_placeholder_alt(alt):
            return False
        return Figure(src, alt=alt, title=clean_text(title) if title else None, caption=caption, credit=credit)

    def _table(self, el: lxml.html.HtmlElement, level: int) -> Table | None:
        """A Table, or None for a layout table (cells holding blocks): walk it as a container."""
        if _holds_blocks(el, _TABLE_BLOCKS):
            return None
        max_inline = self.max_depth - level - 2
        if max_inline < 1:
            self._flatten_warning()
            return None
        header: list[TableRow] = []
        rows: list[TableRow] = []
        for tr in el.iter("tr"):
            cells: list[TableCell] = []
            all_th = True
            for cell in tr:
                if cell.tag not in ("td", "th"):
                    continue
                if cell.tag == "td":
                    all_th = False
                align = (cell.get("align") or "").strip().lower()
                cells.append(
                    TableCell(
                        self.inlines(self._collect_inline(cell, max_inline)),
                        align=align if align in ("left", "center", "right") else None,  # type: ignore[arg-type]
                    )
                )
            if not cells:
                continue
            parent = tr.getparent()
            in_head = parent is not None and parent.tag == "thead"
            if (in_head or (all_th and not rows)) and not rows:
                header.append(TableRow(cells))
            else:
                rows.append(TableRow(cells))
        caption: list[Inline] = []
        cap = el.find("caption")
        if cap is not None:
            caption = self.inlines(self._collect_inline(cap, max_inline))
        if not header and not rows:
            return None
        return Table(header, rows, caption=caption)


# ---------------------------------------------------------------------- frame helpers


def _normalise_space(children: list[object]) -> None:
    """Collapse white space across a frame tree in place; trim both ends."""
    leaves: list[tuple[list[object], int]] = []
    stack: list[tuple[list[object], int]] = [(children, 0)]
    # Iterative pre-order over frames (depth is capped by the builder anyway).
    while stack:
        lst, i = stack.pop()
        while i < len(lst):
            child = lst[i]
            if isinstance(child, str):
                leaves.append((lst, i))
            elif isinstance(child, list):
                stack.append((lst, i + 1))
                stack.append((child[2], 0))
                break
            elif child is _BR:
                leaves.append((lst, i))
            i += 1
    prev_space = True
    first = True
    last_text: tuple[list[object], int] | None = None
    for lst, i in leaves:
        child = lst[i]
        if child is _BR:
            if last_text is not None:
                tl, ti = last_text
                s = tl[ti]
                assert isinstance(s, str)
                tl[ti] = s.rstrip(" ")
            prev_space = True
            last_text = None
            continue
        assert isinstance(child, str)
        s = _collapse_space(child)
        if first:
            s = s.lstrip(_EDGE_SPACE)
        elif prev_space and s.startswith(" "):
            s = s[1:]
        if s:
            first = False
            prev_space = s.endswith(" ")
            lst[i] = s
            last_text = (lst, i)
        else:
            lst[i] = ""
    if last_text is not None:
        tl, ti = last_text
        s = tl[ti]
        assert isinstance(s, str)
        tl[ti] = s.rstrip(_EDGE_SPACE)


def _to_inlines(children: list[object]) -> list[Inline]:
    out: list[Inline] = []
    for child in children:
        if isinstance(child, str):
            if child:
                out.append(Text(clean_text(child)))
        elif child is _BR:
            if out:
                out.append(LineBreak())
        elif isinstance(child, tuple):
            _, src, alt, title = child
            if not is_placeholder_alt(alt):
                out.append(InlineImage(src, alt=alt, title=clean_text(title) or None))
        elif isinstance(child, list):
            kind, arg, kids = child
            inner = _to_inlines(kids)
            if kind == "code":
                code = "".join(t.text for t in inner if isinstance(t, Text))
                if code:
                    out.append(InlineCode(code))
                continue
            if not inner:
                continue
            if kind == "em":
                out.append(Emphasis(inner))
            elif kind == "strong":
                out.append(Strong(inner))
            elif kind == "s":
                out.append(Strikethrough(inner))
            elif kind == "a":
                href, title = arg
                out.append(Link(clean_text(href), inner, title=clean_text(title) if title else None))
            else:  # pragma: no cover
                out.extend(inner)
    # Trailing line breaks carry nothing.
    while out and isinstance(out[-1], LineBreak):
        out.pop()
    return out


def _has_text(node: Inline) -> bool:
    if isinstance(node, Text):
        return bool(node.text.strip())
    if isinstance(node, InlineCode):
        return bool(node.code.strip())
    if isinstance(node, InlineImage):
        return True
    if isinstance(node, (Emphasis, Strong, Strikethrough, Link)):
        return any(_has_text(c) for c in node.children)
    return False


# Tags that yield no block and no inline when nothing inside them is text (no cell, no
# image, no rule, no break, no raw-text element): a fragment made only of these tags,
# comments and white space (markdown-it's HTML blocks often are: "<div>", "</table>")
# maps to nothing, and is known to without building a tree.
_SILENT_TAGS = frozenset(
    ["a", "abbr", "article", "aside", "b", "blockquote", "center", "cite", "del", "div", "dl", "dd", "dt", "em", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "i", "ins", "li", "main", "mark", "nav", "ol", "p", "s", "section", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "tfoot", "thead", "tr", "u", "ul"]
)
_HTML_SPACE = " \t\n\r\f"
_OPEN_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})")
# One attribute: white space, a name, and an optional (quoted or bare) value.
_ATTRIBUTE = re.compile(
    r"""[ \t\n\r\f]+[A-Za-z_:][A-Za-z0-9_:.-]{0,40}(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:"[^"]*"|'[^']*'|[^ \t\n\r\f"'=<>`]+))?"""
)
_TAG_END = re.compile(r"[ \t\n\r\f]*/?>")


def _is_silent(html: str) -> bool:
    """Whether *html* is only silent tags, plain comments and white space (a linear scan).

    Anything else (text, an entity, another tag, a malformed tag or comment) says no:
    the fragment then goes through the HTML parser.
    """
    pos, size = 0, len(html)
    while True:
        while pos < size and html[pos] in _HTML_SPACE:
            pos += 1
        if pos == size:
            return True
        if html.startswith("<!--", pos):
            end = html.find("-->", pos + 4)
            if end < 0:
                return False
            body = html[pos + 4 : end]
            if body.startswith((">", "->")) or body.endswith("-") or "--" in body:
                return False
            pos = end + 3
            continue
        match = _OPEN_TAG.match(html, pos)
        if match is None or match.group(2).lower() not in _SILENT_TAGS:
            return False
        pos = match.end()
        if not match.group(1):
            attribute = _ATTRIBUTE.match(html, pos)
            while attribute is not None:
                pos = attribute.end()
                attribute = _ATTRIBUTE.match(html, pos)
        end_match = _TAG_END.match(html, pos)
        if end_match is None or (match.group(1) and "/" in end_match.group()):
            return False
        pos = end_match.end()


def fragment_blocks(html: str, *, base_url: str | None = None, limits: Limits | None = None) -> tuple[Block, ...]:
    """Parse an HTML fragment (raw HTML inside Markdown, a snippet) into blocks.

    Scripts, styles, forms and embedded objects are dropped; no boilerplate
    removal is done (the fragment is taken as content).  Never raises on any
    string.

    >>> [type(b).__name__ for b in fragment_blocks("<p>Hi <b>there</b></p><hr>")]
    ['Paragraph', 'ThematicBreak']
    """
    limits = limits or Limits()
    text = clean_text(html)
    if not text.strip() or _is_silent(text):
        return ()
    # Never strict here: a fragment is taken as far as the parser gets.
    if limits.strict:
        limits = attrs.evolve(limits, strict=False)
    root, _ = parse_tree(text, limits=limits)
    body = next(root.iterchildren("body"), root)
    return BlockBuilder(base_url=base_url, limits=limits).build(body)
