"""Quote tables: CSV and JSON Lines, one row per quote."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import attrs
import pytest
from hypothesis import given

import articlekit as ak
from articlekit._serializers.quotes_table import QUOTE_COLUMNS, excel_cell
from articlekit.testing import articles
from reference_example import QUOTES, reference_article

# Property tests generate many articles: no time limit in the dedicated thorough run.
PROPERTY_TIMEOUT = 0 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1800


def _read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_reference_example_csv() -> None:
    article = reference_article()
    text = ak.to_quotes_csv(article)
    assert text.splitlines()[0] == ",".join(QUOTE_COLUMNS)
    rows = _read_csv(text)
    assert len(rows) == 9
    assert [r["text"] for r in rows] == [q[0] for q in QUOTES]
    assert [r["speaker"] for r in rows] == [q[2].name for q in QUOTES]
    assert [r["kind"] for r in rows] == [q[1] for q in QUOTES]
    assert [r["cue"] for r in rows] == [q[3] for q in QUOTES]
    assert rows[2]["role"] == "Kremlin spokesperson"
    assert {r["article_url"] for r in rows} == {article.url}
    assert {r["article_title"] for r in rows} == {article.title}
    for row, quote in zip(rows, article.quotes, strict=True):
        assert article.text[int(row["start"]) : int(row["end"])] == quote.text


def test_reference_example_jsonl() -> None:
    article = reference_article()
    lines = ak.to_quotes_jsonl(article).splitlines()
    assert len(lines) == 9
    first = json.loads(lines[0])
    assert list(first) == list(QUOTE_COLUMNS)
    assert first == {
        "index": 0,
        "text": "No New Talks Scheduled Beyond Prisoner Exchange in Istanbul",
        "kind": "headline",
        "speaker": "Dmitry Peskov",
        "role": "Kremlin Spokesperson",
        "speaker_mention": None,
        "cue": "\u2013",
        "start": 1,
        "end": 60,
        "article_url": article.url,
        "article_title": article.title,
    }


def test_canonical_url_wins_and_missing_values() -> None:
    article = ak.Article(
        url="https://a.example/read", canonical_url="https://c.example/x",
        body=[ak.Paragraph([ak.Text("the so-called \u201cpeace plan\u201d")])],
    )
    article = attrs.evolve(article, quotes=[ak.Quote("peace plan", "scare", (15, 25))])
    (row,) = _read_csv(ak.to_quotes_csv(article))
    assert row["article_url"] == "https://c.example/x"
    assert row["speaker"] == row["role"] == row["cue"] == row["article_title"] == ""
    assert row["speaker_mention"] == ""
    (obj,) = map(json.loads, ak.to_quotes_jsonl(article).splitlines())
    assert obj["speaker"] is None
    assert obj["speaker_mention"] is None
    assert obj["article_title"] is None
    assert obj["text"] == "peace plan"


def test_speaker_mention_is_the_text_at_speaker_span() -> None:
    body = [ak.Paragraph([ak.Text("“Hi,” the spokesperson said. “Bye,” said Dmitry Peskov.")])]
    peskov = ak.Speaker("Dmitry Peskov", role="Kremlin spokesperson")
    article = ak.Article(
        body=body,
        quotes=[
            ak.Quote("Hi,", "direct", (1, 4), peskov, "said", speaker_span=(6, 22)),
            ak.Quote("Bye,", "direct", (30, 34), peskov, "said", speaker_span=(41, 54)),
            ak.Quote("Bye,", "direct", (30, 34), peskov, "said"),
        ],
    )
    assert QUOTE_COLUMNS.index("speaker_mention") == QUOTE_COLUMNS.index("role") + 1
    rows = _read_csv(ak.to_quotes_csv(article))
    assert [r["speaker_mention"] for r in rows] == ["the spokesperson", "Dmitry Peskov", ""]
    assert [r["speaker"] for r in rows] == ["Dmitry Peskov"] * 3
    objs = [json.loads(line) for line in ak.to_quotes_jsonl(article).splitlines()]
    assert [o["speaker_mention"] for o in objs] == ["the spokesperson", "Dmitry Peskov", None]


_FORMULA_AT_A_CELL_START = re.compile(r"(^|[;,\t\r\n])\s*[=+\-@\uff1d\uff0b\uff0d\uff20]")


def test_no_quotes() -> None:
    article = ak.Article(title="x")
    assert ak.to_quotes_csv(article) == ",".join(QUOTE_COLUMNS) + "\r\n"
    assert ak.to_quotes_csv(article, header=False) == ""
    assert ak.to_quotes_jsonl(article) == ""


def test_excel_safe() -> None:
    text = "=HYPERLINK(1)"
    article = ak.Article(title=text, body=[ak.Paragraph([ak.Text(text)])])
    article = attrs.evolve(article, quotes=[ak.Quote(text, "scare", (len(text) + 2, 2 * len(text) + 2))])
    (row,) = _read_csv(ak.to_quotes_csv(article))  # safe by default
    assert row["text"] == "'" + text
    assert row["article_title"] == "'" + text
    assert row["start"] == str(len(text) + 2)
    (plain,) = _read_csv(ak.to_quotes_csv(article, excel_safe=False))
    assert plain["text"] == text


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("-2", "'-2"),
        ("a;=HYPERLINK(1)", "a;'=HYPERLINK(1)"),  # a ;-separated locale starts a new cell at ;
        ("a, @SUM(A1)", "a, '@SUM(A1)"),
        ("line\n+cmd", "line\n'+cmd"),
        ("＝1+1", "'＝1+1"),  # full-width equals sign
        ("He said: no.", "He said: no."),
    ],
)
def test_excel_safe_cells_after_separators_too(cell: str, safe: str) -> None:
    assert excel_cell(cell) == safe


def test_to_quotes_csv_is_safe_by_default_in_semicolon_separated_locales() -> None:
    # A spreadsheet in a ;-separated locale splits the cell at ';': a formula after it runs
    # unless it is escaped too (and excel_safe was off by default).
    text = "Costs; =HYPERLINK(\"http://x.example\", \"click\")"
    article = ak.Article(title="T", body=[ak.Paragraph([ak.Text(text)])])
    start = article.text.index(text)
    article = attrs.evolve(article, quotes=[ak.Quote(text, "scare", (start, start + len(text)))])
    (row,) = _read_csv(ak.to_quotes_csv(article))
    assert row["text"] == "Costs; '=HYPERLINK(\"http://x.example\", \"click\")"


@pytest.mark.timeout(PROPERTY_TIMEOUT)
@given(articles())
def test_tables_round_trip_for_any_article(article: ak.Article) -> None:
    rows = ak.quote_rows(article)
    assert len(rows) == len(article.quotes)
    assert [json.loads(line) for line in ak.to_quotes_jsonl(article).splitlines()] == rows
    read = _read_csv(ak.to_quotes_csv(article, excel_safe=False))
    assert len(read) == len(rows)
    for row in _read_csv(ak.to_quotes_csv(article)):
        assert not any(_FORMULA_AT_A_CELL_START.search(value) for value in row.values()), row
    for got, want in zip(read, rows, strict=True):
        assert got == {k: "" if v is None else str(v) for k, v in want.items()}
    for row, quote in zip(rows, article.quotes, strict=True):
        if quote.speaker_span is None:
            assert row["speaker_mention"] is None
        else:
            assert row["speaker_mention"] == article.text[quote.speaker_span[0] : quote.speaker_span[1]]
