"""Long Markdown is tokenized in pieces (Limits.max_markdown_piece_chars).

A clean cut must leave the Article exactly as a parse in one piece gives it; a
forced cut (one top-level block longer than a piece) keeps the text, warns, and
raises in strict mode.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlekit import (
    Article,
    ArticleKitError,
    Limits,
    ResourceLimitError,
    ValidationError,
    parse_markdown,
    to_json,
)
from articlekit._parsers._markdown_pieces import Cutter
from markdown_strategies import markdown_documents

SPEC = json.loads((Path(__file__).parent / "fixtures" / "markdown" / "commonmark.json").read_text("utf-8"))
WHOLE = Limits(max_markdown_piece_chars=10**9)

# Blocks that hold blank lines and lines in column 0, blocks that continue past blank
# lines, and definitions that act on the whole document.
_BLOCKS = [
    "```python\nimport os\n\ndef f():\n    return 1\n\n# not a heading\n```",
    "~~~\n\nplain *text* in a fence\n\n~~~",
    "<!--\n\nhidden\n\nstill hidden\n-->",
    "<pre>\n\nkept as it is\n\n</pre>",
    "<script>\n\nalert(1)\n\n</script>",
    "<div>\n*not emphasis inside the block*\n</div>",
    "- one\n\n  more of one\n\n- two",
    "1. first\n\n2. second\n\n   - nested\n\n3. third",
    "> quoted\n>\n> still quoted",
    "    indented code\n\n    more code",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Setext heading\n===",
    "# Heading",
    "---",
    "A [reference link][later] and [another] one.",
    "[later]: https://example.com/later \"Title\"",
    "[another]:\n  https://example.com/another",
    "Plain paragraph with *emphasis* and `code`.",
    "[d1]: /d1\n[d2]: /d2 'T'\n[d3]: /d3\n[later]: /first-wins",
    "A paragraph line\n[p]: /p\n[d2]: /p2",
    "Uses [d3], [p] and [d2][].",
    "- item\n  ```\n  fence opened in an item\n\nOutside again\n```\nafter",
]


def _same_as_whole(source: str, size: int) -> tuple[Article, Article]:
    return parse_markdown(source, quotes=False, limits=Limits(max_markdown_piece_chars=size)), parse_markdown(
        source, quotes=False, limits=WHOLE
    )


def _forced(article: Article) -> bool:
    return any("max_markdown_piece_chars" in warning for warning in article.warnings)


def test_short_documents_are_one_piece() -> None:
    text = "# Title\n\npara\n\n> quote\n"
    assert Cutter(text).cut(0, len(text)) == (len(text), False)


def test_no_cut_falls_inside_a_fence_or_a_comment() -> None:
    text = "intro\n\n```\ncode\n\nColumn zero\n```\n\n<!--\n\nhidden\n-->\n\nafter\n"
    cutter = Cutter(text)
    inside = [text.index("Column zero"), text.index("hidden")]
    for stop in range(1, len(text)):
        cut, forced = cutter.cut(0, stop)
        assert cut not in inside
        if not forced:
            assert cut in (text.index("```"), text.index("<!--"), text.index("after"))


@pytest.mark.parametrize("size", [8, 20, 40, 100])
def test_clean_cuts_change_nothing(size: int) -> None:
    source = "---\ntitle: Pieces\ntags: [a, b]\n---\n" + "\n\n".join(_BLOCKS[:-1]) + "\n"
    pieces, whole = _same_as_whole(source, size)
    if not _forced(pieces):
        assert to_json(pieces) == to_json(whole)
    assert pieces.title == "Pieces"
    assert pieces.tags == ("a", "b")


def test_a_reference_defined_at_the_end_resolves_in_an_earlier_piece() -> None:
    source = "See [the docs][docs].\n\n" + "Filler paragraph.\n\n" * 50 + "[docs]: https://example.com/docs\n"
    article = parse_markdown(source, quotes=False, limits=Limits(max_markdown_piece_chars=64))
    assert not article.warnings
    assert "https://example.com/docs" in to_json(article)
    assert to_json(article) == to_json(parse_markdown(source, quotes=False, limits=WHOLE))


def test_a_long_run_of_definitions_is_cut_between_its_lines() -> None:
    source = "Intro.\n\n" + "".join(f"[r{i}]: https://example.com/{i}\n" for i in range(3_000)) + "\nSee [r1] and [r2999].\n"
    pieces, whole = _same_as_whole(source, 2_000)
    assert not pieces.warnings
    assert to_json(pieces) == to_json(whole)
    assert "https://example.com/2999" in to_json(pieces)


def test_definition_lines_that_continue_a_paragraph_are_not_cut() -> None:
    source = "Para\n" + "".join(f"[r{i}]: /u{i}\n" for i in range(500)) + "\n[r1]\n"
    pieces, whole = _same_as_whole(source, 300)
    assert _forced(pieces) or to_json(pieces) == to_json(whole)
    assert '"/u1"' not in to_json(whole)  # they are paragraph text, not definitions: no link to /u1


def test_front_matter_stays_in_the_first_piece() -> None:
    source = "---\ntitle: T\nsummary: |\n  one\n\n  two\n---\n" + "Body.\n\n" * 20
    article = parse_markdown(source, quotes=False, limits=Limits(max_markdown_piece_chars=10))
    assert article.title == "T"
    assert to_json(article) == to_json(parse_markdown(source, quotes=False, limits=WHOLE))


def test_one_block_longer_than_a_piece_is_cut_with_a_warning_and_keeps_its_text() -> None:
    source = "".join(f"> - line {i} said \u201cx\u201d\n" for i in range(2_000))
    article = parse_markdown(source, quotes=False, limits=Limits(max_markdown_piece_chars=4_096))
    assert _forced(article)
    assert len(article.body) > 1  # the one block quote became several
    words = re.findall(r"\w+", article.text)
    assert words == re.findall(r"\w+", parse_markdown(source, quotes=False, limits=WHOLE).text)
    with pytest.raises(ResourceLimitError, match="max_markdown_piece_chars"):
        parse_markdown(source, quotes=False, limits=Limits(max_markdown_piece_chars=4_096, strict=True))


def test_a_long_fence_is_never_cut() -> None:
    source = "```\n" + "code line\n\nColumn zero line\n\n" * 500 + "```\n\nAfter.\n"
    pieces, whole = _same_as_whole(source, 1_000)
    assert not _forced(pieces)
    assert to_json(pieces) == to_json(whole)


def test_the_piece_size_is_validated() -> None:
    with pytest.raises(ValidationError, match="max_markdown_piece_chars"):
        Limits(max_markdown_piece_chars=0)


@pytest.mark.parametrize("size", [1, 16])
def test_commonmark_spec_examples_cut_cleanly_or_say_so(size: int) -> None:
    clean = 0
    for case in SPEC:
        pieces, whole = _same_as_whole(case["markdown"], size)
        if not _forced(pieces):
            assert to_json(pieces) == to_json(whole), case["markdown"]
            clean += 1
    assert clean > 100  # the check must not pass by every example being forced


def _check_cut(source: str, size: int) -> None:
    """Cut into pieces of *size*, *source* parses as in one piece (or fails alike), unless a cut is forced."""
    limits = Limits(max_markdown_piece_chars=size)
    try:
        whole = parse_markdown(source, quotes=False, limits=WHOLE)
    except ArticleKitError as error:  # front-matter and input errors come before any cut
        with pytest.raises(type(error)):
            parse_markdown(source, quotes=False, limits=limits)
        return
    pieces = parse_markdown(source, quotes=False, limits=limits)
    if not _forced(pieces):
        assert to_json(pieces) == to_json(whole)


@given(
    blocks=st.lists(st.sampled_from(_BLOCKS), min_size=1, max_size=14),
    joints=st.lists(st.sampled_from(["\n\n", "\n", "\n\n\n"]), min_size=14, max_size=14),
    size=st.integers(min_value=1, max_value=400),
)
@example(blocks=[_BLOCKS[-1], _BLOCKS[0], _BLOCKS[12]], joints=["\n\n"] * 14, size=30)
@example(blocks=["---", _BLOCKS[0], "---"], joints=["\n\n"] * 14, size=1)  # YAML error either way
# The scanner takes an item's fence to close at a later column-0 fence, which really opens one;
# the reference pre-pass must join that piece as the main pass does.
@example(blocks=[_BLOCKS[6], _BLOCKS[15], _BLOCKS[-1], _BLOCKS[15]], joints=["\n"] + ["\n\n"] * 13, size=80)
# A '---' block that is not YAML holds a fence opened in a list item; the top-level fence after
# it runs past the block's closing '---', where the cuts for front matter had placed a cut.
@example(
    blocks=["---", _BLOCKS[1], _BLOCKS[-1], "---", _BLOCKS[0]],
    joints=["\n\n"] * 14,
    size=65,
)
def test_cut_blocks_parse_as_the_whole(blocks: list[str], joints: list[str], size: int) -> None:
    _check_cut("".join(block + joint for block, joint in zip(blocks, joints, strict=False)), size)


@given(source=markdown_documents(), size=st.integers(min_value=1, max_value=200))
def test_cut_markdown_parses_as_the_whole(source: str, size: int) -> None:
    _check_cut(source, size)
