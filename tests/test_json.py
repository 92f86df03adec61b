"""Lossless JSON: round trips, the shipped schema, and malformed input."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timezone

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit as ak
from articlekit.testing import articles

SCHEMA = ak.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@given(articles())
def test_round_trip_is_identity(article):
    text = ak.to_json(article)
    again = ak.from_json(text)
    assert again == article
    assert ak.to_json(again) == text  # byte-identical: deterministic
    assert ak.from_dict(ak.to_dict(article)) == article


@given(articles())
def test_every_output_validates_against_the_schema(article):
    VALIDATOR.validate(json.loads(ak.to_json(article)))


@given(articles())
def test_bytes_and_indent_forms(article):
    assert ak.from_json(ak.to_json(article, indent=2).encode("utf-8")) == article


def test_known_document():
    a = ak.Article(
        title="T",
        authors=[ak.Person("Jane Doe", url="https://example.com/jane")],
        published=datetime(2025, 5, 17, 9, 30, tzinfo=timezone.utc),
        body=[ak.Heading(2, [ak.Text("H")]), ak.Paragraph([ak.Link("https://x.org", [ak.Text("x")], title="X")])],
    )
    data = ak.to_dict(a)
    assert data["schema_version"] == 1
    assert data["published"] == "2025-05-17T09:30:00+00:00"
    assert data["authors"] == [{"name": "Jane Doe", "url": "https://example.com/jane", "role": None}]
    assert data["body"][1] == {
        "type": "paragraph",
        "children": [
            {"type": "link", "href": "https://x.org", "title": "X", "children": [{"type": "text", "text": "x"}]}
        ],
    }


def test_optional_fields_may_be_left_out_and_z_is_utc():
    a = ak.from_json('{"schema_version": 1, "title": "x", "published": "2024-01-02T03:04:05Z"}')
    assert a.title == "x"
    assert a.published == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


VALID = ak.to_dict(ak.Article(title="t", body=[ak.Paragraph([ak.Text("p")])]))


def _with(path: list[object], value: object) -> str:
    data = json.loads(json.dumps(VALID))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return json.dumps(data)


_DELETE = object()


def _quote(**fields: object) -> dict[str, object]:
    """A quote of VALID's text ("t\n\np") with a speaker, changed by *fields*."""
    quote: dict[str, object] = {"text": "p", "kind": "direct", "span": [3, 4], "speaker": {"name": "A"}}
    quote.update(fields)
    return quote


def _deep_quotes(depth: int) -> list[object]:
    node: dict[str, object] = {"type": "paragraph", "children": []}
    for _ in range(depth):
        node = {"type": "blockquote", "blocks": [node]}
    return [node]


@pytest.mark.parametrize(
    ("document", "error", "where"),
    [
        ("", ak.JSONFormatError, "line 1"),
        ("{", ak.JSONFormatError, "line 1"),
        ('{"schema_version": 1, "title": "x"', ak.JSONFormatError, "line 1"),
        ("[]", ak.JSONFormatError, "at $"),
        ("null", ak.JSONFormatError, "at $"),
        ('"str"', ak.JSONFormatError, "at $"),
        ("{}", ak.JSONFormatError, "$.schema_version"),
        ('{"schema_version": 99}', ak.JSONFormatError, "$.schema_version"),
        ('{"schema_version": "1"}', ak.JSONFormatError, "$.schema_version"),
        ('{"schema_version": true}', ak.JSONFormatError, "$.schema_version"),
        ('{"schema_version": NaN}', ak.JSONFormatError, "NaN"),
        ('{"schema_version": 1e999}', ak.JSONFormatError, "$.schema_version"),
        ('{"schema_version": 1' + "0" * 5000 + "}", ak.JSONFormatError, "digit"),
        ("[" * 100_000 + "]" * 100_000, ak.ResourceLimitError, "deeply"),
        (_with(["title"], 5), ak.JSONFormatError, "$.title"),
        (_with(["surprise"], 1), ak.JSONFormatError, "$.surprise"),
        (_with(["body", 0, "type"], "video"), ak.JSONFormatError, "$.body[0].type"),
        (_with(["body", 0, "type"], _DELETE), ak.JSONFormatError, "$.body[0].type"),
        (_with(["body", 0, "children", 0, "text"], None), ak.JSONFormatError, "$.body[0].children[0].text"),
        (_with(["body", 0, "children", 0, "bold"], True), ak.JSONFormatError, "$.body[0].children[0].bold"),
        (_with(["body", 0, "children"], {"a": 1}), ak.JSONFormatError, "$.body[0].children"),
        (_with(["body"], [{"type": "heading", "level": 9}]), ak.JSONFormatError, "heading level"),
        (_with(["body"], [{"type": "heading", "level": 10**30}]), ak.JSONFormatError, "heading level"),
        (_with(["body"], [{"type": "heading"}]), ak.JSONFormatError, "$.body[0].level"),
        (_with(["published"], "yesterday"), ak.JSONFormatError, "$.published"),
        (_with(["published"], "2024-01-01T00:00:00"), ak.JSONFormatError, "timezone"),
        (_with(["quotes"], [{"text": "t", "kind": "direct", "span": [0]}]), ak.JSONFormatError, "span"),
        (_with(["quotes"], [{"text": "zz", "kind": "direct", "span": [0, 2]}]), ak.JSONFormatError, "quote"),
        (_with(["quotes"], [_quote(speaker_span=[3])]), ak.JSONFormatError, "$.quotes[0].speaker_span"),
        (_with(["quotes"], [_quote(speaker_span=[3, 4, 5])]), ak.JSONFormatError, "$.quotes[0].speaker_span"),
        (_with(["quotes"], [_quote(speaker_span=[3, "4"])]), ak.JSONFormatError, "$.quotes[0].speaker_span"),
        (_with(["quotes"], [_quote(speaker_span=[3, 4.0])]), ak.JSONFormatError, "$.quotes[0].speaker_span"),
        (_with(["quotes"], [_quote(speaker_span=[True, 4])]), ak.JSONFormatError, "$.quotes[0].speaker_span"),
        (_with(["quotes"], [_quote(speaker_span="3-4")]), ak.JSONFormatError, "$.quotes[0].speaker_span"),
        (_with(["quotes"], [_quote(speaker_span={"start": 3})]), ak.JSONFormatError, "$.quotes[0].speaker_span"),
        (_with(["quotes"], [_quote(speaker_span=[4, 4])]), ak.JSONFormatError, "Quote.speaker_span"),
        (_with(["quotes"], [_quote(speaker_span=[-1, 4])]), ak.JSONFormatError, "Quote.speaker_span"),
        (_with(["quotes"], [_quote(speaker_span=[3, 99])]), ak.JSONFormatError, "speaker_span .* lies outside"),
        (_with(["quotes"], [_quote(speaker=None, speaker_span=[0, 1])]), ak.JSONFormatError, "speaker is None"),
        (_with(["authors"], [{"url": "x"}]), ak.JSONFormatError, "$.authors[0].name"),
        (_with(["authors"], ["Jane"]), ak.JSONFormatError, "$.authors[0]"),
        (_with(["tags"], [1]), ak.JSONFormatError, "$.tags[0]"),
        (_with(["extra"], []), ak.JSONFormatError, "$.extra"),
        (_with(["title"], "a\u0000b"), ak.JSONFormatError, "U\\+0000"),
        (
            _with(["body"], _deep_quotes(40)),
            ak.ResourceLimitError,
            "nested",
        ),
    ],
)
def test_malformed_input_raises_the_documented_error(document, error, where):
    with pytest.raises(error, match=where.replace("$", r"\$").replace("[", r"\[").replace("]", r"\]")):
        ak.from_json(document)


def test_speaker_span_round_trips_and_is_written_only_when_set():
    body = [ak.Paragraph([ak.Text("“Hi,” he said.")])]
    speaker = ak.Speaker("Dmitry Peskov")
    with_span = ak.Quote("Hi,", "direct", (1, 4), speaker, "said", speaker_span=(6, 8))
    without = ak.Quote("Hi,", "direct", (1, 4), speaker, "said")
    article = ak.Article(body=body, quotes=[with_span, without])
    data = ak.to_dict(article)
    assert data["quotes"][0]["speaker_span"] == [6, 8]
    assert list(data["quotes"][0]) == ["text", "kind", "span", "speaker", "cue", "speaker_span"]
    assert "speaker_span" not in data["quotes"][1]
    VALIDATOR.validate(data)
    again = ak.from_json(ak.to_json(article))
    assert again == article
    assert again.quotes[0].speaker_span == (6, 8)
    assert again.quotes[1].speaker_span is None
    assert ak.from_dict(data) == article


def test_speaker_span_is_read_from_an_array_and_null_is_none():
    document = json.loads(_with(["quotes"], [_quote(speaker_span=[0, 1]), _quote(speaker_span=None)]))
    article = ak.from_dict(document)
    assert article.text == "t\n\np"
    assert article.quotes[0].speaker_span == (0, 1)
    assert article.text[slice(*article.quotes[0].speaker_span)] == "t"
    assert article.quotes[1].speaker_span is None
    assert ak.from_json(json.dumps(document)) == article
    VALIDATOR.validate(document)


def test_schema_rejects_a_bad_speaker_span():
    for bad in ([3], [3, 4, 5], [-1, 4], [3, "4"], "3-4"):
        document = json.loads(_with(["quotes"], [_quote(speaker_span=bad)]))
        assert not VALIDATOR.is_valid(document), bad
    # A mention needs a speaker.
    for speaker in (None, _DELETE):
        quote = _quote(speaker_span=[0, 1])
        if speaker is _DELETE:
            del quote["speaker"]
        else:
            quote["speaker"] = speaker
        assert not VALIDATOR.is_valid(json.loads(_with(["quotes"], [quote])))


def test_wrong_python_type_is_reported():
    with pytest.raises(ak.JSONFormatError, match="str or bytes"):
        ak.from_json(12)  # type: ignore[arg-type]
    with pytest.raises(ak.ValidationError):
        ak.to_json({"title": "x"})  # type: ignore[arg-type]


@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_articlekit_errors(data):
    with contextlib.suppress(ak.ArticleKitError):
        ak.from_json(data)


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.sampled_from(
        ["schema_version", "title", "body", "type", "children", "text", "level", "items", "blocks",
         "quotes", "span", "kind", "authors", "name", "extra", "x"]), kids, max_size=4),
    max_leaves=20,
))
def test_arbitrary_json_shapes_raise_only_articlekit_errors(value):
    if isinstance(value, dict):
        value.setdefault("schema_version", 1)
    try:
        document = json.dumps(value)
    except ValueError:
        return
    try:
        result = ak.from_json(document)
    except ak.ArticleKitError as exc:
        assert str(exc).strip(), "an error must say what was wrong"
    else:  # whatever was accepted is written back as the same article
        assert ak.from_json(ak.to_json(result)) == result


def test_parse_error_carries_position_and_pickles():
    import pickle

    with pytest.raises(ak.JSONFormatError) as info:
        ak.from_json('{"schema_version": 1,\n "title": }')
    exc = info.value
    assert (exc.line, exc.source) == (2, "json")
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is ak.JSONFormatError
    assert str(again) == str(exc)


@given(articles())
def test_from_dict_leaves_its_input_alone_and_from_json_agrees(article: ak.Article) -> None:
    # from_json drops each JSON block once it is read (its own parse); from_dict must not
    # change the caller's data.
    data = ak.to_dict(article)
    before = json.dumps(data, sort_keys=True)
    assert ak.from_dict(data) == article
    assert json.dumps(data, sort_keys=True) == before
    assert ak.from_json(ak.to_json(article)) == ak.from_dict(data)
