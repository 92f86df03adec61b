"""Properties of the quote extractor on arbitrary and hostile text, and a lint of its regexes."""

from __future__ import annotations

import importlib
import pkgutil
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit._quotes
from articlekit import Article, Limits, Paragraph, Quote, Text
from articlekit._quotes import extract_quotes
from articlekit.testing import articles

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

PIECES = [
    "“", "”", '"', "„", "«", "»", "‹", "›", "‘", "’", "'", "「", "」", " said ", " Peskov", " he ", "She",
    " told", " reporters", ",", ".", ":", " —", " – ", "\n", "\n\n", " according to ", " the Kremlin",
    " Dmitry", " von der", " Dr.", " U.S.", " that", " a", " We", " are", " waiting", " don’t", " ’90s",
]  # fmt: skip
hostile = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def check_invariants(article: Article, quotes: tuple[Quote, ...]) -> None:
    text = article.text
    assert isinstance(quotes, tuple)
    spans = []
    for q in quotes:
        assert isinstance(q, Quote)
        # The extractor builds quotes without re-running the model's validators (Quote._trusted):
        # the same fields through the checked constructor give an equal, valid Quote.
        same = Quote(
            text=q.text, kind=q.kind, span=q.span, speaker=q.speaker, cue=q.cue, speaker_span=q.speaker_span
        )
        assert same == q
        start, end = q.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == q.text
        if q.kind == "scare":
            assert q.speaker is None
        if q.speaker_span is not None:
            # the speaker's mention: words of the text, no space at either end
            assert q.speaker is not None
            m0, m1 = q.speaker_span
            assert 0 <= m0 < m1 <= len(text)
            assert text[m0:m1].strip() == text[m0:m1]
        spans.append((start, end))
    # never overlapping unless nested
    for i, (a, b) in enumerate(spans):
        for c, d in spans[i + 1 :]:
            disjoint = b <= c or d <= a
            nested = (a <= c and d <= b) or (c <= a and b <= d)
            assert disjoint or nested, (text[a:b], text[c:d])
    # the article accepts them (the model validates spans)
    Article(title=article.title, standfirst=article.standfirst, body=article.body, quotes=quotes)


@given(hostile)
def test_hostile_text(text):
    article = Article(body=[Paragraph([Text(text)])] if text else [])
    check_invariants(article, extract_quotes(article))


@given(hostile, hostile)
def test_hostile_title_and_paragraphs(title, body):
    article = Article(
        title=title or None, body=[Paragraph([Text(p)]) for p in body.split("\n\n") if p]
    )
    check_invariants(article, extract_quotes(article))


@settings(max_examples=15)  # generating whole articles is slow; extraction on them is not
@given(articles(with_quotes=False))
def test_any_article(article):
    check_invariants(article, extract_quotes(article))


@given(hostile, st.integers(min_value=1, max_value=20), st.integers(min_value=1, max_value=50))
def test_limits_are_respected(text, max_quotes, max_chars):
    article = Article(body=[Paragraph([Text(text)])] if text else [])
    quotes = extract_quotes(
        article, limits=Limits(max_quotes=max_quotes, max_quote_chars=max_chars)
    )
    assert len(quotes) <= max_quotes
    check_invariants(article, quotes)


def test_deterministic():
    article = Article(
        body=[Paragraph([Text("“We are waiting,” he said. Peskov said “no” and ‘yes’.")])]
    )
    assert extract_quotes(article) == extract_quotes(article)


def _one(text: str) -> tuple[Quote, ...]:
    article = Article(body=[Paragraph([Text(text)])])
    quotes = extract_quotes(article, limits=Limits(max_quotes=1_000_000))
    check_invariants(article, quotes) if len(quotes) < 2_000 else None
    return quotes


def test_hundred_thousand_open_marks():
    assert _one("“" * 100_000) == ()


def test_hundred_thousand_close_marks():
    assert _one("”" * 100_000) == ()


def test_alternating_marks_give_every_quote():
    quotes = _one("“a” " * 25_000)
    assert len(quotes) == 25_000
    assert all(q.text == "a" for q in quotes)


def test_unbalanced_said_bait():
    quotes = _one("“a said Peskov " * 20_000)
    assert all(len(q.text) <= Limits().max_quote_chars for q in quotes)


def test_an_unclosed_mark_does_not_swallow_later_quotes():
    quotes = _one("He said “this never closes. Then “Real quote,” said Ana Diaz.")
    assert [q.text for q in quotes if q.kind != "indirect"] == ["Real quote"]


# --------------------------------------------------------------------------- regex lint

_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT} | (
    {sre_parse.POSSESSIVE_REPEAT} if hasattr(sre_parse, "POSSESSIVE_REPEAT") else set()
)


def _has_repeat(items, inside: bool) -> bool:
    """Whether a parsed pattern holds a repeat inside another (unbounded) repeat."""
    for op, av in items:
        if op in _REPEATS:
            _low, high, sub = av
            if inside and high != 1:
                return True
            if _has_repeat(sub, inside or high > 1):
                return True
        elif op == sre_parse.SUBPATTERN:
            if _has_repeat(av[-1], inside):
                return True
        elif op == sre_parse.BRANCH:
            if any(_has_repeat(branch, inside) for branch in av[1]):
                return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT) and _has_repeat(av[1], inside):
            return True
    return False


def _patterns():
    found = []
    for info in pkgutil.iter_modules(articlekit._quotes.__path__, "articlekit._quotes."):
        module = importlib.import_module(info.name)
        found += [
            (info.name, name, value)
            for name, value in vars(module).items()
            if isinstance(value, re.Pattern)
        ]
    return found


def test_the_lint_sees_nested_quantifiers():
    assert _has_repeat(sre_parse.parse(r"(?:a+)+"), False)
    assert _has_repeat(sre_parse.parse(r"(\w+\s?)*x"), False)
    assert not _has_repeat(sre_parse.parse(r"(?:[A-Za-z]\.){2,}|[\w']+"), False)


def test_quote_regexes_have_no_nested_quantifiers():
    patterns = _patterns()
    assert len(patterns) >= 2
    for module, name, pattern in patterns:
        assert not _has_repeat(sre_parse.parse(pattern.pattern, pattern.flags), False), (
            module,
            name,
        )


def test_strict_limits_raise_instead_of_cutting():
    import pytest

    from articlekit import ResourceLimitError

    article = Article(body=[Paragraph([Text("“a” “b” “c” “d”")])])
    assert len(extract_quotes(article, limits=Limits(max_quotes=4, strict=True))) == 4
    assert len(extract_quotes(article, limits=Limits(max_quotes=2))) == 2
    with pytest.raises(ResourceLimitError):
        extract_quotes(article, limits=Limits(max_quotes=2, strict=True))


def test_wrong_arguments_raise_validation_errors():
    import pytest

    from articlekit import ValidationError

    with pytest.raises(ValidationError):
        extract_quotes("“not an article,” he said")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        extract_quotes(Article(), limits={"max_quotes": 3})  # type: ignore[arg-type]
