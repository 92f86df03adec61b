"""The shared de-duplication rule (articlekit._dedupe)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import BlockQuote, Heading, ListBlock, ListItem, Paragraph, Text, ValidationError
from articlekit._dedupe import MIN_REPEAT_CHARS, dedupe_blocks, dedupe_key, dedupe_texts, repeated
from articlekit.testing import blocks, texts

LONG = "No new date has been set for direct peace talks between Russia and Ukraine."


def test_title_and_standfirst_repeats_dropped_anywhere():
    body = [
        Paragraph([Text("\u201cTitle\u201d \u2013 Kremlin")]),
        Paragraph([Text(LONG)]),
        Paragraph([Text("Kept.")]),
        Heading(2, [Text("\u201ctitle\u201d - kremlin")]),
    ]
    out = dedupe_blocks(body, title="\u201cTitle\u201d \u2013 Kremlin", standfirst=LONG)
    assert out == (Paragraph([Text("Kept.")]),)


def test_second_copy_of_long_paragraph_dropped_first_kept():
    body = [Paragraph([Text(LONG)]), Paragraph([Text("Other.")]), Paragraph([Text("  " + LONG.upper())])]
    assert dedupe_blocks(body) == (Paragraph([Text(LONG)]), Paragraph([Text("Other.")]))


def test_short_repeats_and_headings_kept():
    body = [
        Paragraph([Text("Thank you.")]),
        Heading(2, [Text("Background")]),
        Paragraph([Text("Thank you.")]),
        Heading(2, [Text("Background")]),
    ]
    assert dedupe_blocks(body) == tuple(body)


def test_other_blocks_untouched():
    quote = BlockQuote([Paragraph([Text(LONG)])])
    lst = ListBlock([ListItem([Paragraph([Text(LONG)])])])
    body = [Paragraph([Text(LONG)]), quote, lst]
    assert dedupe_blocks(body, standfirst="x") == tuple(body)


def test_threshold_boundary():
    just = "x" * MIN_REPEAT_CHARS
    under = "y" * (MIN_REPEAT_CHARS - 1)
    assert repeated([just, just, under, under]) == [False, True, False, False]


def test_dedupe_texts_and_mismatched_flags():
    assert dedupe_texts(["Title", LONG, LONG], title="TITLE") == [LONG]
    with pytest.raises(ValidationError):
        repeated(["a"], headings=[True, False])


def test_key_ignores_spacing_before_punctuation_and_compat_forms():
    assert dedupe_key("Hello , world !") == dedupe_key("hello, world!")
    assert dedupe_key("\uff21\u200bB") == dedupe_key("ab")


@given(st.lists(texts(max_size=60), max_size=12), st.none() | texts(), st.none() | texts())
def test_never_removes_a_text_that_appears_once(items, title, standfirst):
    flags = repeated(items, title=title, standfirst=standfirst)
    counts = Counter(dedupe_key(t) for t in [*items, title or "", standfirst or ""] if t)
    for text, rep in zip(items, flags, strict=True):
        if rep:
            # Every removal is a real repeat, of the title/standfirst or of an earlier text.
            assert counts[dedupe_key(text)] >= 2
        if counts[dedupe_key(text)] == 1:
            assert not rep
    # The first copy of each key not matching the title/standfirst is always kept.
    top = {dedupe_key(t) for t in (title, standfirst) if t}
    firsts: dict[str, int] = {}
    for i, text in enumerate(items):
        firsts.setdefault(dedupe_key(text), i)
    for key, i in firsts.items():
        if key and key not in top:
            assert not flags[i]


@given(st.lists(blocks(max_leaves=4), max_size=5), st.none() | texts())
def test_dedupe_blocks_is_a_subsequence_and_idempotent(body, title):
    out = dedupe_blocks(body, title=title)
    it = iter(body)
    assert all(any(b is c for c in it) for b in out)
    assert dedupe_blocks(out, title=title) == out
