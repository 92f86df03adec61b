"""Written passages, one per class of error seen on unseen news: each names its case.

The passages are written for these tests (no article is copied); each test fails when the
extractor makes the error its name describes.
"""

from __future__ import annotations

import pytest

from articlekit import Article, Paragraph, Text, ValidationError
from articlekit._quotes import extract_quotes


def _quotes(text: str, **options: object):
    body = [Paragraph([Text(p)]) for p in text.split("\n\n") if p]
    return extract_quotes(Article(body=body), **options)  # type: ignore[arg-type]


def _said(text: str, **options: object) -> list[tuple[str, str, str | None]]:
    return [
        (q.kind, q.text, q.speaker.name if q.speaker else None)
        for q in _quotes(text, **options)
        if q.kind != "scare"
    ]


# 1. Reported speech read from verbs that are not speech


@pytest.mark.parametrize(
    "passage",
    [
        "Carolina added three more goals in the second period.",
        "Ford plans to reorganize its European business next year.",
        "Police ruled out Taliban involvement in the attack.",
        "The minister believes the economy will recover by the spring.",
        "The union wants a shorter working week and higher pay.",
        "The committee declined to release the full report on Friday.",
    ],
    ids=["action-added-goals", "intention-plans", "action-ruled-out", "belief-believes",
         "intention-wants", "other-declined"],
)  # fmt: skip
def test_no_reported_speech_from_verbs_that_are_not_speech(passage: str) -> None:
    assert _said(passage) == []


def test_reported_speech_from_a_speech_verb_is_kept() -> None:
    assert _said("The minister said the economy will recover by the spring.") == [
        ("indirect", "the economy will recover by the spring", "minister")
    ]


def test_belief_is_returned_only_when_asked_for() -> None:
    passage = "The minister believes that the economy will recover by the spring."
    assert _said(passage) == []
    assert _said(passage, reported=("speech", "belief")) == [
        ("indirect", "the economy will recover by the spring", "minister")
    ]


def test_intention_is_returned_only_when_asked_for() -> None:
    passage = "Senator Jane Doe wants the committee to reopen the hearings."
    assert _said(passage, reported=("speech", "belief")) == []
    assert [s for _k, _t, s in _said(passage, reported=("speech", "intention"))] == ["Jane Doe"]


def test_words_in_marks_after_a_belief_verb_are_still_a_quote() -> None:
    got = _said("Jane Doe wants “a fair deal for every worker” before the vote.")
    assert [(k, s) for k, _t, s in got if k in ("partial", "indirect")]
    assert all(s == "Jane Doe" for _k, _t, s in got)


def test_an_unknown_cue_type_is_refused() -> None:
    with pytest.raises(ValidationError, match="cue types"):
        _quotes("He said so.", reported=("speech", "gossip"))
    with pytest.raises(ValidationError, match="cue types"):
        _quotes("He said so.", reported="speech")


# 2. Page furniture as quotes or speakers


@pytest.mark.parametrize(
    "furniture",
    ["Story continues below advertisement", "Article Continued Below", "Continue reading below"],
)
def test_page_furniture_is_never_a_quote_or_a_speaker(furniture: str) -> None:
    passage = (
        f"The mayor, Jane Doe, opened the bridge on Monday.\n\n{furniture}\n\n"
        "“We waited ten years for this,” she says."
    )
    got = _said(passage)
    assert got == [("direct", "We waited ten years for this", "Jane Doe")]
