"""German and French: written development passages, one case each, read with their lexicon.

``tests/fixtures/quotes/de.json`` and ``fr.json`` hold passages written for these tests (quote
conventions „…“, »…«, «…» and « … », inverted cues, *so* and *dass*, *dit-elle* and *a-t-il
ajouté*, *que*, titles, pronouns by gender, page furniture, verbs of belief and intention).
Each case lists every marked quote (text, kind, speaker and, when given, cue) and every
reported-speech quote expected; the English rules and the English cues do not run on them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit import Article, Paragraph, Text
from articlekit._quotes import extract_quotes
from articlekit._quotes._cues import load_lexicon
from articlekit._quotes._rules import RULES, for_language

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
CASES = [
    case
    for language in ("de", "fr")
    for case in json.loads((FIXTURES / f"{language}.json").read_text(encoding="utf-8"))
]


def _article(case: dict) -> Article:
    paragraphs = [p for p in case["text"].split("\n\n") if p]
    return Article(language=case["language"], body=[Paragraph([Text(p)]) for p in paragraphs])


def _norm(text: str) -> str:
    return text.rstrip(",.")


@pytest.mark.parametrize("language", ["de", "fr"])
def test_each_language_has_at_least_30_passages(language: str) -> None:
    cases = [c for c in CASES if c["language"] == language]
    assert len(cases) >= 30
    assert len({c["id"] for c in cases}) == len(cases)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_marked_quotes(case: dict) -> None:
    article = _article(case)
    quotes = [q for q in extract_quotes(article) if q.kind != "indirect"]
    got = [(_norm(q.text), q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == [(_norm(e["text"]), e["kind"], e["speaker"]) for e in case["quotes"]]
    for q, e in zip(quotes, case["quotes"], strict=True):
        if "cue" in e:
            assert q.cue == e["cue"], e["text"]
        assert article.text[q.span[0] : q.span[1]] == q.text


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reported_speech(case: dict) -> None:
    got = sorted(
        (_norm(q.text), q.speaker.name if q.speaker else None)
        for q in extract_quotes(_article(case))
        if q.kind == "indirect"
    )
    assert got == sorted((_norm(e["text"]), e["speaker"]) for e in case["indirect"])


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_english_rules_do_not_run(language: str) -> None:
    english_only = {r.name for r in RULES if r.languages == frozenset({"en"})}
    assert english_only
    assert not english_only & for_language(language)
    assert english_only <= for_language("en")


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_lexicon_is_the_language_s_own(language: str) -> None:
    lex = load_lexicon(language)
    assert lex.language == language
    assert lex.cue_kind("said") is None
    assert lex.cue_type({"de": "sagte", "fr": "déclaré"}[language]) == "speech"
    assert lex.cue_type({"de": "glaubt", "fr": "croit"}[language]) == "belief"
