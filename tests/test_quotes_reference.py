"""The reference example: the nine marked quotes of issue 6, exactly, and the reported speech."""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit
from articlekit import Speaker
from articlekit._quotes import extract_quotes
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


PAGES = Path(__file__).resolve().parents[1] / "examples" / "pages"
SEED = Path(__file__).resolve().parent / "fixtures" / "text" / "reference.txt"

#: The reference article in its three input forms: the scraped text itself, and a web page
#: and a Markdown post that carry the same article (examples/pages/).
FORMS = {
    "text": lambda: articlekit.parse_text(SEED.read_bytes()),
    "html": lambda: articlekit.parse_html((PAGES / "kremlin-talks.html").read_bytes()),
    "markdown": lambda: articlekit.parse_markdown((PAGES / "kremlin-talks.md").read_bytes()),
}


@pytest.fixture(scope="module")
def quotes():
    return extract_quotes(reference_article())


@pytest.mark.parametrize("form", sorted(FORMS))
def test_marked_quotes_exactly_through_every_parser(form):
    article = FORMS[form]()
    marked = [(_norm(q.text), q.kind, q.speaker, q.cue) for q in article.quotes if q.kind != "indirect"]
    assert marked == [(_norm(t), k, s, c) for t, k, s, c in EXPECTED]
    for q in article.quotes:
        assert article.text[q.span[0] : q.span[1]] == q.text


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


#: Where the text names each of the nine quotes' speakers (``Quote.speaker_span``).
MENTIONS = [
    "Kremlin Spokesperson Dmitry Peskov",
    "former U.S. President Donald Trump",
    "Kremlin spokesperson Dmitry Peskov",
    "Russian President Vladimir Putin",
    "Peskov",
    "Peskov",
    "Peskov",
    "He",  # "He told Russia’s Interfax news agency …": the pronoun, resolved to Peskov
    "Ukrainian President Volodymyr Zelensky",
]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_speaker_mentions_through_every_parser(form):
    article = FORMS[form]()
    marked = [q for q in article.quotes if q.kind != "indirect"]
    assert [article.text[slice(*q.speaker_span)] for q in marked if q.speaker_span] == MENTIONS
    # the mention of the pronoun is the "He" that starts its paragraph, after the quote before it
    he = marked[7].speaker_span
    assert he is not None
    assert marked[6].span[1] < he[0]
    assert he[1] <= marked[7].span[0]


def test_reported_speech_mentions(quotes):
    text = reference_article().text
    told = [q for q in quotes if q.kind == "indirect" and q.text.startswith("Moscow has submitted")]
    assert len(told) == 1
    assert told[0].speaker_span is not None
    assert text[slice(*told[0].speaker_span)] == "He"
