"""The nesting stack the three parsers share (``articlekit._parsers._blockstack``)."""

from __future__ import annotations

import pytest

from articlekit import (
    Block,
    BlockQuote,
    Limits,
    ListBlock,
    ListItem,
    Paragraph,
    Text,
    parse_html,
    parse_markdown,
    parse_text,
)
from articlekit._parsers._blockstack import BlockStack

INTRO = "No new date has been set for the talks, officials said on Friday, after weeks of pressure."
DOCUMENTS = {
    parse_html: f"<html><body><article><p>{INTRO}</p><ul><li>one<ul><li>two</li></ul></li><li>three</li></ul>"
    "<blockquote><p>Quoted words here.</p><blockquote><p>Quoted twice.</p></blockquote></blockquote>"
    "</article></body></html>",
    parse_markdown: f"{INTRO}\n\n- one\n  - two\n- three\n\n> Quoted words here.\n>\n> > Quoted twice.\n",
    parse_text: f"Talks Stall\n\n{INTRO}\n\nMore text:\n- one\n    - two\n- three\n\n"
    "> Quoted words here.\n>\n> > Quoted twice.\n",
}


def _shape(blocks: tuple[Block, ...]) -> list[object]:
    out: list[object] = []
    for block in blocks:
        if isinstance(block, BlockQuote):
            out.append(("quote", _shape(block.blocks)))
        elif isinstance(block, ListBlock):
            out.append(("list", [_shape(item.blocks) for item in block.items]))
        else:
            out.append(type(block).__name__)
    return out


@pytest.mark.parametrize("parse", list(DOCUMENTS))
def test_the_three_parsers_nest_lists_and_quotes_alike(parse):
    document = DOCUMENTS[parse]
    nested = [
        ("list", [["Paragraph", ("list", [["Paragraph"]])], ["Paragraph"]]),
        ("quote", ["Paragraph", ("quote", ["Paragraph"])]),
    ]
    assert _shape(parse(document, quotes=False).body)[-2:] == nested
    # Limits.max_depth=3: a list or a quote fits, not one inside another.
    limited = parse(document, quotes=False, limits=Limits(max_depth=3))
    assert any("flattened" in w for w in limited.warnings)
    if parse is parse_text:  # an item's text and its sublist's items become sibling items
        flat = [("list", [["Paragraph"], ["Paragraph"], ["Paragraph"]]), ("quote", ["Paragraph", "Paragraph"])]
    else:
        flat = [("list", [["Paragraph", "Paragraph"], ["Paragraph"]]), ("quote", ["Paragraph", "Paragraph"])]
    assert _shape(limited.body)[-2:] == flat


def _para(text: str) -> Paragraph:
    return Paragraph([Text(text)])


def test_frames_build_their_nodes_and_empty_ones_are_dropped_or_kept():
    stack = BlockStack(max_depth=32)
    assert stack.open_quote()
    assert stack.open_list(ordered=True, start=3)
    assert stack.open_item()
    stack.add(_para("a"))
    stack.close()
    assert stack.open_item()
    stack.close()  # an empty item: dropped
    stack.add(_para("stray"))  # straight in the list: an item of its own
    stack.close()
    stack.close()
    assert stack.depth == 0
    item = ListItem([_para("a")])
    assert stack.blocks == [BlockQuote([ListBlock([item, ListItem([_para("stray")])], ordered=True, start=3)])]

    keeping = BlockStack(max_depth=32, keep_empty=True)
    assert keeping.open_quote()
    keeping.close()
    assert keeping.blocks == [BlockQuote([])]


def test_depth_is_bounded_and_items_open_only_in_lists():
    stack = BlockStack(max_depth=4)
    assert not stack.open_item()
    assert stack.open_quote()
    assert stack.open_quote()
    assert not stack.room()
    assert not stack.open_quote()
    assert not stack.open_list(ordered=False, start=None)
    assert stack.depth == 2
    assert stack.open_list(ordered=False, start=None, force=True)
    assert stack.open_item()
    assert stack.outside_list() is stack.top.blocks
    stack.close()
    assert stack.outside_list() is stack.parent.blocks  # beside the open list, in the quote
