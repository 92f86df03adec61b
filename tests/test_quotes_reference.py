"""The reference example: the nine marked quotes of issue 6, exactly, and the reported speech."""

from __future__ import annotations

import pytest

from articlekit import Speaker
from articlekit.quotes import extract_quotes
from quotes_reference import reference_article

EXPECTED = [
    ("No New Talks Scheduled Beyond Prisoner Exchange in Istanbul", "headline",
     Speaker("Dmitry Peskov", role="Kremlin Spokesperson"), "–"),
    ("immediately", "partial", Speaker("Donald Trump", role="former U.S. President"), "stated"),
    ("There is no specific agreement yet regarding the next meeting. It has not been finalized.",
     "direct", Speaker("Dmitry Peskov", role="Kremlin spokesperson"), "told"),
    ("potential future peace agreement", "partial",
     Speaker("Vladimir Putin", role="Russian President"), "stated"),
    ("complex process", "partial", Speaker("Dmitry Peskov"), "described"),
    ("requires some time", "partial", Speaker("Dmitry Peskov"), "described"),
    ("The work is moving swiftly, and everyone is eager to complete it quickly.", "direct",
     Speaker("Dmitry Peskov"), "added"),
    ("We have not yet received a reciprocal list from Kyiv. We are waiting.", "direct",
     Speaker("Dmitry Peskov"), "told"),
    ("perhaps the only tangible outcome", "partial",
     Speaker("Volodymyr Zelensky", role="Ukrainian President"), "calling"),
]  # fmt: skip


def _norm(text: str) -> str:
    return text[:-1] if text.endswith((",", ".")) and not text.endswith("..") else text


@pytest.fixture(scope="module")
def quotes():
    return extract_quotes(reference_article())


def test_marked_quotes_exactly(quotes):
    marked = [(_norm(q.text), q.kind, q.speaker, q.cue) for q in quotes if q.kind != "indirect"]
    expected = [(_norm(t), k, s, c) for t, k, s, c in EXPECTED]
    assert marked == expected


def test_spans_slice_the_text(quotes):
    text = reference_article().text
    for q in quotes:
        assert text[q.span[0] : q.span[1]] == q.text


@pytest.mark.parametrize(
    ("start", "speaker", "cue"),
    [
        ("No new date has been set", "Kremlin", "confirmed"),
        ("both sides would “immediately” begin ceasefire negotiations", "Donald Trump", "stated"),
        ("Moscow is ready to work with Ukraine", "Vladimir Putin", "stated"),
        ("Moscow has submitted a list", "Dmitry Peskov", "told"),
        (
            "preparations for a possible prisoner exchange are underway",
            "Volodymyr Zelensky",
            "said",
        ),
    ],
)
def test_indirect(quotes, start, speaker, cue):
    found = [q for q in quotes if q.kind == "indirect" and q.text.startswith(start)]
    assert len(found) == 1
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert found[0].cue == cue
