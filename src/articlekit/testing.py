"""Hypothesis strategies that generate valid articlekit model objects.

Use them to property-test code that consumes Articles::

    from hypothesis import given
    from articlekit.testing import articles

    @given(articles())
    def test_my_exporter_never_crashes(article):
        my_exporter(article)

The text they generate is hostile on purpose: characters from every Unicode
category the model accepts (all but surrogates and control characters),
Markdown and HTML syntax, leading and trailing white space, empty strings,
``<script>`` and ``javascript:`` payloads.  Requires ``hypothesis``
(``pip install articlekit[testing]``).

>>> from articlekit.testing import articles
>>> from hypothesis import HealthCheck, given, settings
>>> @settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
... @given(articles())
... def check(article):
...     assert article.text.startswith(article.title or article.standfirst or "")
>>> check()
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any, get_args

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "articlekit.testing needs hypothesis: pip install 'articlekit[testing]'"
    ) from exc

from articlekit._model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Comment,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    InlineCode,
    InlineImage,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    PageType,
    Paragraph,
    Person,
    Quote,
    Speaker,
    Strikethrough,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    ThematicBreak,
)
from articlekit._model._dispatch import NodeTable
from articlekit._urls import is_unsafe_url

_PAGE_TYPES: tuple[PageType, ...] = get_args(PageType)

__all__ = [
    "articles",
    "aware_datetimes",
    "blocks",
    "comments",
    "inlines",
    "names",
    "quotes_for",
    "speakers",
    "texts",
    "urls",
]

#: Characters that Markdown or HTML read as syntax.
SYNTAX_CHARACTERS = "\\`*_{}[]()<>#+-.!|~&;:\"'=/ \t\n"

#: Whole snippets that look like markup, entities or attacks.
HOSTILE_SNIPPETS = (
    "<script>alert(1)</script>",
    '" onerror="alert(1)',
    "javascript:alert(1)",
    "</textarea>",
    "<!--",
    "&amp;",
    "&#x3C;",
    "&nbsp;",
    "# ",
    "- ",
    "+ ",
    "1. ",
    "1) ",
    "> ",
    "```",
    "~~~",
    "    ",
    "---",
    "***",
    "===",
    "| a | b |",
    "[x]: /u",
    "![a](b)",
    "<http://a.b>",
    "\u201cquoted\u201d",
    "\u00ab\u00bb",
    "\u200b",
    "\u202e",
    "\U0001f600",
    "\u00a0",
)

# Every category but surrogates (Cs) and controls (Cc), without noncharacters;
# the controls the model allows (tab, newline) come from SYNTAX_CHARACTERS.
_NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
    chr(plane + low) for plane in range(0, 0x110000, 0x10000) for low in (0xFFFE, 0xFFFF)
]
_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=_NONCHARACTERS)
_ALPHABET = st.one_of(_CHARACTERS, st.sampled_from(SYNTAX_CHARACTERS))
_PIECES = st.one_of(st.text(_ALPHABET, min_size=1, max_size=8), st.sampled_from(HOSTILE_SNIPPETS))


@cache
def texts(*, min_size: int = 0, max_size: int = 30) -> st.SearchStrategy[str]:
    """Hostile strings the model accepts: any category, syntax characters, attack snippets."""
    strategy = (
        st.lists(_PIECES, min_size=min(min_size, 1), max_size=max(1, max_size // 6))
        .map("".join)
        .map(lambda s: s[:max_size])
    )
    return strategy.filter(lambda s: len(s) >= min_size) if min_size > 1 else strategy


@cache
def names() -> st.SearchStrategy[str]:
    """Non-blank hostile strings, for names (which the model requires not to be blank)."""
    return texts(min_size=1).filter(lambda s: s.strip() != "")


@cache
def urls() -> st.SearchStrategy[str]:
    """URL-ish strings the model accepts: web URLs, relative paths, odd but safe spellings and arbitrary text.

    Unsafe URLs (``javascript:``, ``data:`` and the like, however spelt) are left out:
    the model refuses them (:class:`~articlekit.ValidationError`).
    """
    plain = st.sampled_from(
        [
            "https://example.com/",
            "http://example.org/a?b=c&d=e#f",
            "/relative/path",
            "mailto:someone@example.com",
            "javascript-guide/alert(1)",
            "./javascript:alert(1)",
            "?q=data:text/html,<script>alert(1)</script>",
            "https://example.com/a b(c)<d>",
            "",
        ]
    )
    return st.one_of(plain, texts()).filter(lambda url: not is_unsafe_url(url))


@cache
def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes with fixed UTC offsets."""
    offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
        lambda m: timezone(timedelta(minutes=m))
    )
    return st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=offsets
    )


# Each node class is drawn by its entry in one of two tables per category: a leaf (drawn
# from its fields) or a container (drawn around children that st.recursive supplies).  Each
# table names the classes the other one draws, so together they cover every node class
# (tests/test_architecture_writers.py checks it); the order of the entries is the order
# of the choices hypothesis makes, so keep it.

#: Inline class -> a strategy for it, for the leaves (no inline children).
_LEAF_INLINES: NodeTable[Inline, Callable[[], st.SearchStrategy[Inline]]] = NodeTable(
    INLINE_TYPES,
    [
        (Text, lambda: st.builds(Text, texts(min_size=1))),
        (InlineCode, lambda: st.builds(InlineCode, texts())),
        (LineBreak, lambda: st.just(LineBreak())),
        (InlineImage, lambda: st.builds(InlineImage, urls(), texts(), st.none() | texts())),
    ],
    unhandled=dict.fromkeys((Emphasis, Strong, Strikethrough, Link), "a container: _NESTED_INLINES"),
)

#: Inline class -> a strategy for it around drawn children, for the containers.
_NESTED_INLINES: NodeTable[
    Inline, Callable[[st.SearchStrategy[list[Inline]]], st.SearchStrategy[Inline]]
] = NodeTable(
    INLINE_TYPES,
    [
        (Emphasis, lambda kids: st.builds(Emphasis, kids)),
        (Strong, lambda kids: st.builds(Strong, kids)),
        (Strikethrough, lambda kids: st.builds(Strikethrough, kids)),
        (Link, lambda kids: st.builds(Link, urls(), kids, st.none() | texts())),
    ],
    unhandled=dict.fromkeys((Text, InlineCode, LineBreak, InlineImage), "a leaf: _LEAF_INLINES"),
)


@cache
def _leaf_inlines() -> st.SearchStrategy[Inline]:
    return st.one_of([strategy() for strategy in _LEAF_INLINES.values()])


@cache
def inlines(*, max_leaves: int = 4) -> st.SearchStrategy[Inline]:
    """Inline nodes, nested: text, code, breaks, images, emphasis, strong, strike, links."""

    def extend(children: st.SearchStrategy[Inline]) -> st.SearchStrategy[Inline]:
        kids = st.lists(children, max_size=3)
        return st.one_of([strategy(kids) for strategy in _NESTED_INLINES.values()])

    return st.recursive(_leaf_inlines(), extend, max_leaves=max_leaves)


@cache
def _inline_lists(max_size: int = 3) -> st.SearchStrategy[list[Inline]]:
    return st.lists(inlines(), max_size=max_size)


@cache
def _cell() -> st.SearchStrategy[TableCell]:
    return st.builds(
        TableCell, _inline_lists(2), st.sampled_from([None, "left", "center", "right"])
    )


@st.composite
def _draw_table(draw: Any) -> Table:
    columns = draw(st.integers(min_value=1, max_value=4))
    row = st.lists(_cell(), min_size=columns, max_size=columns).map(TableRow)
    header = draw(st.lists(row, max_size=1))
    rows = draw(st.lists(row, max_size=3))
    return Table(header, rows, draw(_inline_lists(2)))


#: Block class -> a strategy for it, for the leaves (no block children).
_LEAF_BLOCKS: NodeTable[Block, Callable[[], st.SearchStrategy[Block]]] = NodeTable(
    BLOCK_TYPES,
    [
        (Paragraph, lambda: st.builds(Paragraph, _inline_lists())),
        (Heading, lambda: st.builds(Heading, st.integers(min_value=1, max_value=6), _inline_lists())),
        (CodeBlock, lambda: st.builds(CodeBlock, texts(max_size=60), st.none() | names())),
        (ThematicBreak, lambda: st.just(ThematicBreak())),
        (
            Figure,
            lambda: st.builds(Figure, urls(), texts(), st.none() | texts(), _inline_lists(3), st.none() | texts()),
        ),
        (Table, _draw_table),
    ],
    unhandled=dict.fromkeys((ListBlock, BlockQuote), "a container: _NESTED_BLOCKS"),
)


def _lists(children: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
    item = st.lists(children, max_size=3).map(ListItem)
    ordered = st.builds(
        lambda items, start: ListBlock(items, ordered=True, start=start),
        st.lists(item, min_size=1, max_size=3),
        st.integers(min_value=0, max_value=999_999_999),
    )
    unordered = st.builds(ListBlock, st.lists(item, min_size=1, max_size=3))
    return st.one_of(ordered, unordered)


#: Block class -> a strategy for it around drawn children, for the containers.
_NESTED_BLOCKS: NodeTable[Block, Callable[[st.SearchStrategy[Block]], st.SearchStrategy[Block]]] = NodeTable(
    BLOCK_TYPES,
    [
        (ListBlock, _lists),
        (BlockQuote, lambda children: st.builds(BlockQuote, st.lists(children, max_size=3))),
    ],
    unhandled=dict.fromkeys(
        (Heading, Paragraph, Figure, Table, CodeBlock, ThematicBreak), "a leaf: _LEAF_BLOCKS"
    ),
)


@cache
def _leaf_blocks() -> st.SearchStrategy[Block]:
    return st.one_of([strategy() for strategy in _LEAF_BLOCKS.values()])


@cache
def blocks(*, max_leaves: int = 4) -> st.SearchStrategy[Block]:
    """Block nodes, nested: paragraphs, headings, code, breaks, figures, tables, lists, quotes."""

    def extend(children: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
        return st.one_of([strategy(children) for strategy in _NESTED_BLOCKS.values()])

    return st.recursive(_leaf_blocks(), extend, max_leaves=max_leaves)


@cache
def comments() -> st.SearchStrategy[Comment]:
    """Reader comments: hostile text (never blank), optional author and date."""
    return st.builds(
        Comment, names(), st.none() | names(), st.none() | aware_datetimes()
    )


@cache
def speakers() -> st.SearchStrategy[Speaker]:
    """Speakers with hostile names and optional roles."""
    return st.builds(Speaker, names(), st.none() | names())


@st.composite
def quotes_for(draw: Any, article: Article, *, max_quotes: int = 4) -> tuple[Quote, ...]:
    """Quotes whose spans lie inside ``article.text`` (and slice out their text).

    A quote with a speaker sometimes has a ``speaker_span``: a non-empty range
    inside ``article.text`` (anywhere, not necessarily a name).
    """
    text = article.text
    quotes = []
    for _ in range(draw(st.integers(min_value=0, max_value=max_quotes if text else 0))):
        start = draw(st.integers(min_value=0, max_value=len(text)))
        end = draw(st.integers(min_value=start, max_value=min(len(text), start + 200)))
        kind = draw(st.sampled_from(["direct", "partial", "headline", "indirect", "scare"]))
        speaker = None if kind == "scare" else draw(st.none() | speakers())
        cue = draw(st.none() | names())
        mention = None
        if speaker is not None and draw(st.booleans()):  # text is not empty, or no quote is drawn
            m_start = draw(st.integers(min_value=0, max_value=len(text) - 1))
            m_end = draw(st.integers(min_value=m_start + 1, max_value=min(len(text), m_start + 60)))
            mention = (m_start, m_end)
        quote = Quote(text[start:end], kind, (start, end), speaker, cue, speaker_span=mention)
        quotes.append(quote)
    return tuple(quotes)


@cache
def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**53), max_value=2**53),
        st.floats(allow_nan=False, allow_infinity=False),
        texts(),
    )
    return st.recursive(
        scalars,
        lambda kids: st.lists(kids, max_size=3) | st.dictionaries(texts(max_size=8), kids, max_size=3),
        max_leaves=6,
    )


@st.composite
def articles(draw: Any, *, with_quotes: bool = True) -> Article:
    """Valid Articles with every field exercised and hostile text throughout."""
    article = Article(
        title=draw(st.none() | texts()),
        standfirst=draw(st.none() | texts()),
        authors=draw(st.lists(st.builds(Person, names(), st.none() | urls().filter(bool), st.none() | names()), max_size=3)),
        credits=draw(st.lists(texts(), max_size=2)),
        published=draw(st.none() | aware_datetimes()),
        modified=draw(st.none() | aware_datetimes()),
        language=draw(st.none() | st.sampled_from(["en", "en-GB", "ru", "zh-Hant-TW", "pt-BR", "ja"])),
        site_name=draw(st.none() | texts()),
        url=draw(st.none() | urls()),
        canonical_url=draw(st.none() | urls()),
        section=draw(st.none() | texts()),
        page_type=draw(st.none() | st.sampled_from(_PAGE_TYPES)),
        tags=draw(st.lists(texts(), max_size=3)),
        description=draw(st.none() | texts()),
        images=draw(st.lists(st.builds(Image, urls(), st.none() | texts(), st.none() | texts(), st.none() | texts()), max_size=2)),
        body=draw(st.lists(blocks(), max_size=5)),
        source_format=draw(st.none() | st.sampled_from(["html", "markdown", "text", "json"])),
        encoding=draw(st.none() | st.sampled_from(["utf-8", "windows-1251", "shift_jis"])),
        encoding_source=draw(st.none() | st.sampled_from(["bom", "declared", "meta", "detected", "default"])),
        extra=draw(st.dictionaries(texts(max_size=10), _json_values(), max_size=3)),
        warnings=draw(st.lists(texts(), max_size=2)),
        comments=draw(st.lists(comments(), max_size=2)),
    )
    if not with_quotes:
        return article
    quotes = draw(quotes_for(article))
    return attrs.evolve(article, quotes=quotes)
