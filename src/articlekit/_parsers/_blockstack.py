"""The nesting stack of lists and block quotes, one for the three parsers.

Each parser reads its input in one pass and tells a :class:`BlockStack` what
opens and closes (HTML elements, markdown-it tokens, indented plain-text
markers); the stack builds the model's containers, in this order:

1. :meth:`~BlockStack.open_quote` and :meth:`~BlockStack.open_list` push a
   frame while there is room: a list or a quote opens only while
   ``depth + 3 <= Limits.max_depth`` (``depth`` counts the lists and quotes
   open; a list's items, their paragraphs and inline markup sit below it).
   Without room they push nothing and return False: the parser flattens the
   content into the current level and reports it (:meth:`Limits.exceeded`).
   :meth:`~BlockStack.open_item` pushes an item only directly inside a list.
2. :meth:`~BlockStack.add` puts a finished block in the innermost frame; a block
   that arrives directly in a list (HTML text between ``<li>`` elements)
   becomes an item of its own.
3. :meth:`~BlockStack.close` pops the innermost frame and adds what it builds
   -- a :class:`~articlekit.BlockQuote`, a :class:`~articlekit.ListBlock` or a
   :class:`~articlekit.ListItem` -- to the frame around it.  An empty one is
   dropped, unless the stack keeps empty containers (Markdown, where ``>``
   alone is an empty quote).

Bounds: at most ``max_depth`` list and quote frames are open (with one item
frame per list), whatever the input's nesting; nothing recurses.

>>> from articlekit import Paragraph, Text
>>> stack = BlockStack(max_depth=32)
>>> stack.open_list(ordered=False, start=None), stack.open_item()
(True, True)
>>> stack.add(Paragraph([Text("one")]))
>>> stack.close(); stack.close()
>>> stack.blocks
[ListBlock(items=(ListItem(blocks=(Paragraph(children=(Text(text='one'),)),)),), ordered=False, start=None)]
"""

from __future__ import annotations

from typing import Literal

from articlekit._model import Block, BlockQuote, ListBlock, ListItem

__all__ = ["BlockStack", "Frame", "FrameKind"]

#: What a frame stands for; the root frame holds the blocks of the whole body.
FrameKind = Literal["root", "quote", "list", "item"]


class Frame:
    """One open container: its kind, its children, and (for a list) how it is numbered.

    A root, quote or item frame holds :attr:`blocks`; a list frame holds
    :attr:`items`.  :attr:`indent` is where a plain-text list's markers stand.
    """

    __slots__ = ("blocks", "indent", "items", "kind", "ordered", "start")

    def __init__(self, kind: FrameKind, *, ordered: bool = False, start: int | None = None, indent: int = 0) -> None:
        self.kind: FrameKind = kind
        self.blocks: list[Block] = []
        self.items: list[ListItem] = []
        self.ordered = ordered
        self.start = start
        self.indent = indent

    def build(self, keep_empty: bool) -> Block | ListItem | None:
        """What closing this frame builds; None for an empty container unless *keep_empty*."""
        if self.kind == "list":
            if not self.items and not keep_empty:
                return None
            return ListBlock(tuple(self.items), ordered=self.ordered, start=self.start)
        if not self.blocks and not keep_empty:
            return None
        if self.kind == "item":
            return ListItem(tuple(self.blocks))
        return BlockQuote(tuple(self.blocks))


class BlockStack:
    """The open lists, list items and quotes of one body, innermost last (see the module docs).

    :param max_depth: ``Limits.max_depth``.
    :param keep_empty: build empty quotes, lists and items rather than drop them.
    """

    __slots__ = ("_frames", "depth", "keep_empty", "max_depth", "root")

    def __init__(self, max_depth: int, *, keep_empty: bool = False) -> None:
        self.max_depth = max_depth
        self.keep_empty = keep_empty
        self.root = Frame("root")
        self._frames = [self.root]
        #: How many lists and quotes are open.
        self.depth = 0

    @property
    def blocks(self) -> list[Block]:
        """The blocks of the body (the root frame's)."""
        return self.root.blocks

    @property
    def top(self) -> Frame:
        """The innermost open frame."""
        return self._frames[-1]

    @property
    def parent(self) -> Frame:
        """The frame around the innermost one (an item's list)."""
        return self._frames[-2]

    def room(self) -> bool:
        """Whether one more list or quote may open (``depth + 3 <= max_depth``)."""
        return self.depth + 3 <= self.max_depth

    def open_quote(self) -> bool:
        """Open a block quote; False (nothing opened) when there is no room."""
        if self.depth + 3 > self.max_depth:
            return False
        self._frames.append(Frame("quote"))
        self.depth += 1
        return True

    def open_list(self, ordered: bool, start: int | None, *, indent: int = 0, force: bool = False) -> bool:
        """Open a list (*start*: the first number of an ordered list, None for a bullet list).

        False (nothing opened) when there is no room, unless *force*: the
        plain-text parser opens the first list of a run of items even at the
        last level (so its lists may nest one level past ``max_depth``).
        """
        if self.depth + 3 > self.max_depth and not force:
            return False
        self._frames.append(Frame("list", ordered=ordered, start=start, indent=indent))
        self.depth += 1
        return True

    def open_item(self) -> bool:
        """Open an item of the innermost list; False (nothing opened) when the innermost frame is not a list."""
        if self._frames[-1].kind != "list":
            return False
        self._frames.append(Frame("item"))
        return True

    def add(self, block: Block) -> None:
        """Put *block* in the innermost frame (directly in a list, it becomes an item of its own)."""
        top = self._frames[-1]
        if top.kind == "list":
            top.items.append(ListItem((block,)))
        else:
            top.blocks.append(block)

    def outside_list(self) -> list[Block]:
        """The blocks of the innermost frame that is not a list: where a block goes beside an open list."""
        frames = self._frames
        return frames[-2].blocks if frames[-1].kind == "list" else frames[-1].blocks

    def close(self) -> None:
        """Close the innermost frame and add what it builds to the frame around it."""
        frame = self._frames.pop()
        if frame.kind != "item":
            self.depth -= 1
        node = frame.build(self.keep_empty)
        if node is None:
            return
        if isinstance(node, ListItem):
            self._frames[-1].items.append(node)
        else:
            self.add(node)
