"""The development set: short news passages with their expected quotes and speakers.

``tests/fixtures/quotes/dev.json`` holds one case per shape the extractor must
read (conventions of quote marks, apostrophes, nesting, quotes over several
paragraphs, partial and scare quotes, headlines, reported speech, roles, titles,
name particles, appositives, later mentions, pronouns, organisations).  Each
case lists *every* marked quote expected (kind, speaker name; role, cue and
the speaker's mention, the words of ``Quote.speaker_span``, when given) and
some expected reported-speech quotes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit import Article, Paragraph, Text
from articlekit._quotes import extract_quotes

CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "quotes" / "dev.json").read_text(encoding="utf-8")
)


def _article(case: dict) -> Article:
    paragraphs = [p for p in case["text"].split("\n\n") if p]
    return Article(title=case.get("title"), body=[Paragraph([Text(p)]) for p in paragraphs])


def _norm(text: str) -> str:
    return text.rstrip(",.")


def test_the_set_is_large_enough():
    assert len(CASES) >= 40
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_marked_quotes(case):
    article = _article(case)
    quotes = [q for q in extract_quotes(article) if q.kind != "indirect"]
    got = [(_norm(q.text), q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    want = [(_norm(e["text"]), e["kind"], e["speaker"]) for e in case["quotes"]]
    assert got == want
    for q, e in zip(quotes, case["quotes"], strict=True):
        if "role" in e:
            assert (q.speaker.role if q.speaker else None) == e["role"], e["text"]
        if "cue" in e:
            assert q.cue == e["cue"], e["text"]
        if "mention" in e:
            assert q.speaker_span is not None, e["text"]
            assert article.text[q.speaker_span[0] : q.speaker_span[1]] == e["mention"], e["text"]
        assert article.text[q.span[0] : q.span[1]] == q.text


@pytest.mark.parametrize("case", [c for c in CASES if c.get("indirect")], ids=lambda c: c["id"])
def test_reported_speech(case):
    quotes = [q for q in extract_quotes(_article(case)) if q.kind == "indirect"]
    for e in case["indirect"]:
        found = [q for q in quotes if _norm(q.text) == _norm(e["text"])]
        assert len(found) == 1, (e, [q.text for q in quotes])
        assert found[0].speaker is not None
        assert found[0].speaker.name == e["speaker"]
        if "cue" in e:
            assert found[0].cue == e["cue"]


@pytest.mark.parametrize("invisible", ["\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\u2060"])
def test_invisible_characters_do_not_change_the_speaker(invisible):
    plain = _article(
        {"text": "Kremlin spokesperson Dmitry Peskov spoke. “We are waiting,” said Peskov."}
    )
    spoofed = _article(
        {
            "text": f"Kremlin spokesperson Dmitry Peskov spoke. “We are waiting,” said Pe{invisible}skov."
        }
    )
    [a] = [q for q in extract_quotes(plain) if q.kind == "direct"]
    [b] = [q for q in extract_quotes(spoofed) if q.kind == "direct"]
    assert a.speaker == b.speaker
    assert a.speaker is not None
    assert a.speaker.name == "Dmitry Peskov"


@pytest.mark.parametrize("case", [c for c in CASES if c.get("not_indirect")], ids=lambda c: c["id"])
def test_not_reported_speech(case):
    """Words that are not reported speech (a place, an occasion, a show's name after the cue)."""
    texts = {_norm(q.text) for q in extract_quotes(_article(case)) if q.kind == "indirect"}
    for text in case["not_indirect"]:
        assert _norm(text) not in texts, text
