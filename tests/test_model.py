"""The model: construction, validation, immutability, Article.text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit as ak
from articlekit._model import MAX_DEPTH
from articlekit.testing import articles, blocks, inlines, texts

UTC = timezone.utc


def test_empty_article_is_valid():
    a = ak.Article()
    assert a.text == ""
    assert a.body == ()
    assert a.quotes == ()


def test_lists_become_tuples_and_article_is_hashable():
    a = ak.Article(tags=["a", "b"], body=[ak.Paragraph([ak.Text("x")])])
    assert a.tags == ("a", "b")
    assert isinstance(a.body, tuple)
    assert hash(a) == hash(ak.Article(tags=("a", "b"), body=(ak.Paragraph((ak.Text("x"),)),)))


def test_frozen():
    a = ak.Article(title="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.title = "y"  # type: ignore[misc]


def test_adjacent_text_merged_and_empty_dropped():
    p = ak.Paragraph([ak.Text("a"), ak.Text(""), ak.Text("b"), ak.Emphasis([ak.Text("c")])])
    assert p.children == (ak.Text("ab"), ak.Emphasis((ak.Text("c"),)))


def test_text_definition():
    body = [
        ak.Heading(2, [ak.Text("Part "), ak.Strong([ak.Text("one")])]),
        ak.Paragraph([ak.Text("Line"), ak.LineBreak(), ak.InlineCode("x"), ak.InlineImage("i.png", "alt")]),
        ak.ThematicBreak(),
        ak.ListBlock(
            [ak.ListItem([ak.Paragraph([ak.Text("a")])]), ak.ListItem([ak.Paragraph([ak.Text("b")])])],
            ordered=True,
        ),
        ak.BlockQuote([ak.Paragraph([ak.Text("q1")]), ak.Paragraph([ak.Text("q2")])]),
        ak.Figure("f.png", caption=[ak.Text("cap")]),
        ak.Table(
            header=[ak.TableRow([ak.TableCell([ak.Text("h1")]), ak.TableCell([ak.Text("h2")])])],
            rows=[ak.TableRow([ak.TableCell([ak.Text("c1")]), ak.TableCell([ak.Text("c2")])])],
        ),
        ak.CodeBlock("print(1)", "python"),
    ]
    a = ak.Article(title="T", standfirst="S", body=body)
    assert a.text == (
        "T\n\nS\n\nPart one\n\nLine\nx\n\na\nb\n\nq1\n\nq2\n\ncap\n\nh1\th2\nc1\tc2\n\nprint(1)"
    )


def test_ordered_list_defaults_to_start_one():
    assert ak.ListBlock([], ordered=True).start == 1
    with pytest.raises(ak.ValidationError, match="unordered"):
        ak.ListBlock([], ordered=False, start=3)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ak.Heading(0), "heading level"),
        (lambda: ak.Heading(7), "heading level"),
        (lambda: ak.Heading(True), "heading level"),  # type: ignore[arg-type]
        (lambda: ak.Text(3), "expected str"),  # type: ignore[arg-type]
        (lambda: ak.Text("a\x00b"), "U\\+0000"),
        (lambda: ak.Text("a\ud800"), "U\\+D800"),
        (lambda: ak.Text("\ufffe"), "U\\+FFFE"),
        (lambda: ak.Paragraph(["text"]), "expected Text"),  # type: ignore[list-item]
        (lambda: ak.Paragraph("text"), "expected a sequence"),  # type: ignore[arg-type]
        (lambda: ak.Article(body=[ak.Text("x")]), "expected Heading"),  # type: ignore[list-item]
        (lambda: ak.Article(published=datetime(2024, 1, 1)), "naive"),
        (lambda: ak.Article(published="2024-01-01"), "expected datetime"),  # type: ignore[arg-type]
        (lambda: ak.Article(language="english!"), "BCP 47"),
        (lambda: ak.Article(source_format="pdf"), "expected one of"),  # type: ignore[arg-type]
        (lambda: ak.Article(tags=["ok", 3]), "item 1"),  # type: ignore[list-item]
        (lambda: ak.Article(extra={"k": object()}), "not a JSON value"),
        (lambda: ak.Article(extra={"k": float("nan")}), "NaN"),
        (lambda: ak.Person("  "), "must not be empty"),
        (lambda: ak.Quote("x", "rumour", (0, 1)), "expected one of"),  # type: ignore[arg-type]
        (lambda: ak.Quote("x", "direct", (2, 1)), "span"),
        (lambda: ak.Quote("xy", "direct", (0, 1)), "covers 1"),
        (lambda: ak.Quote("x", "scare", (0, 1), ak.Speaker("A")), "no speaker"),
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span=(3, 3)), "speaker_span"),
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span=(4, 3)), "speaker_span"),
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span=(-1, 3)), "speaker_span"),
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span=(1,)), "speaker_span"),
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span=(1, 2, 3)), "speaker_span"),
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span=(1.0, 2)), "speaker_span"),  # type: ignore[arg-type]
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span=(False, 2)), "speaker_span"),
        (lambda: ak.Quote("x", "direct", (0, 1), ak.Speaker("A"), speaker_span="ab"), "speaker_span"),  # type: ignore[arg-type]
        (lambda: ak.Quote("x", "direct", (0, 1), speaker_span=(2, 3)), "speaker is None"),
        (lambda: ak.Quote("x", "scare", (0, 1), speaker_span=(2, 3)), "speaker is None"),
        (lambda: ak.TableCell(align="middle"), "expected one of"),  # type: ignore[arg-type]
        (lambda: ak.CodeBlock("x", language=""), "non-empty"),
    ],
)
def test_invalid_construction_raises_validation_error(build, message):
    with pytest.raises(ak.ValidationError, match=message):
        build()


def test_validation_error_is_value_and_type_error():
    with pytest.raises(ValueError):
        ak.Heading(9)
    with pytest.raises(TypeError):
        ak.Text(None)  # type: ignore[arg-type]


def test_quote_span_must_slice_article_text():
    body = [ak.Paragraph([ak.Text("He said “hi” twice.")])]
    ok = ak.Quote("hi", "direct", (9, 11))
    assert ak.Article(body=body, quotes=[ok]).quotes == (ok,)
    with pytest.raises(ak.ValidationError, match="not the quote's text"):
        ak.Article(body=body, quotes=[ak.Quote("he", "direct", (9, 11))])
    with pytest.raises(ak.ValidationError, match="outside"):
        ak.Article(body=body, quotes=[ak.Quote("x", "direct", (100, 101))])


def test_quote_speaker_span_names_the_speaker_in_article_text():
    body = [ak.Paragraph([ak.Text("“Hi,” he said.")])]
    peskov = ak.Speaker("Dmitry Peskov")
    quote = ak.Quote("Hi,", "direct", [1, 4], peskov, "said", speaker_span=[6, 8])
    assert quote.span == (1, 4)
    assert quote.speaker_span == (6, 8)  # a list becomes a tuple, as for span
    article = ak.Article(body=body, quotes=[quote])
    assert article.text[slice(*article.quotes[0].speaker_span)] == "he"
    assert ak.Quote("Hi,", "direct", (1, 4), peskov).speaker_span is None
    assert quote != attrs.evolve(quote, speaker_span=None)
    assert attrs.evolve(quote, speaker_span=(0, 14)).speaker_span == (0, 14)  # the whole text
    with pytest.raises(ak.ValidationError, match=r"quotes\[0\]: speaker_span \(6, 15\) lies outside"):
        ak.Article(body=body, quotes=[attrs.evolve(quote, speaker_span=(6, 15))])
    with pytest.raises(ak.ValidationError, match="speaker_span"):
        ak.Article(body=body, quotes=[attrs.evolve(quote, speaker_span=(20, 22))])


def test_the_extractors_quote_builder_sets_speaker_span():
    from articlekit._quotes._attribute import new_quote

    speaker = ak.Speaker("Dmitry Peskov")
    built = new_quote("Hi,", "direct", (1, 4), speaker, "said", speaker_span=(6, 8))
    assert built == ak.Quote("Hi,", "direct", (1, 4), speaker, "said", speaker_span=(6, 8))
    assert new_quote("Hi,", "direct", (1, 4), speaker, "said").speaker_span is None


def test_nesting_is_bounded():
    node: ak.Block = ak.Paragraph([ak.Text("deep")])
    for _ in range(MAX_DEPTH - 1):
        node = ak.BlockQuote([node])
    ak.Article(body=[node])
    with pytest.raises(ak.ValidationError, match="nested"):
        ak.BlockQuote([node])


def test_extra_is_frozen_and_hash_safe():
    a = ak.Article(extra={"b": [1, {"c": "d"}], "a": None})
    assert list(a.extra) == ["a", "b"]
    assert a.extra["b"] == (1, {"c": "d"})
    assert type(a.extra).__name__ == "FrozenDict"
    with pytest.raises(TypeError):
        a.extra["x"] = 1  # type: ignore[index]
    same = ak.Article(extra={"a": None, "b": [1, {"c": "d"}]})
    assert same == a
    assert hash(same) == hash(a)  # equal articles hash alike, whatever extra holds


def test_datetimes_compare_by_instant():
    t1 = datetime(2024, 5, 16, 12, tzinfo=UTC)
    t2 = datetime(2024, 5, 16, 15, tzinfo=timezone(timedelta(hours=3)))
    assert ak.Article(published=t1) == ak.Article(published=t2)


@given(articles())
def test_generated_articles_are_valid_and_consistent(article):
    assert isinstance(hash(article), int)
    text = article.text
    for quote in article.quotes:
        start, end = quote.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == quote.text
        if quote.speaker_span is not None:
            assert quote.speaker is not None
            assert 0 <= quote.speaker_span[0] < quote.speaker_span[1] <= len(text)
    assert attrs.evolve(article) == article


@given(st.lists(blocks(), max_size=4), texts(), texts())
def test_text_is_a_pure_function_of_title_standfirst_body(body, title, standfirst):
    a = ak.Article(title=title or None, standfirst=standfirst or None, body=body, tags=["x"])
    b = ak.Article(title=title or None, standfirst=standfirst or None, body=body, url="https://x")
    assert a.text == b.text
    assert a.text.startswith(title or standfirst or "")


@given(inlines())
def test_inline_nodes_round_trip_through_evolve(node):
    assert attrs.evolve(node) == node


@given(articles())
def test_articles_pickle(article):
    import pickle

    again = pickle.loads(pickle.dumps(article))
    assert again == article
    assert again.text == article.text
