"""The reference example (issue 5 acceptance): parsed exactly, and written back as text."""

from __future__ import annotations

from pathlib import Path

import articlekit
from articlekit import Heading, Paragraph, Text, parse_text, to_text

FIXTURES = Path(__file__).parent / "fixtures" / "text"
REFERENCE = FIXTURES / "reference.txt"

TITLE = (
    "\u201cNo New Talks Scheduled Beyond Prisoner Exchange in Istanbul\u201d \u2013 "
    "Kremlin Spokesperson Dmitry Peskov"
)
STANDFIRST = (
    "No new date has been set for direct peace talks between Russia and Ukraine, the Kremlin has "
    "confirmed. This announcement comes just days after former U.S. President Donald Trump stated "
    "that both sides would \u201cimmediately\u201d begin ceasefire negotiations."
)
BODY = [
    ("p", "Kremlin spokesperson Dmitry Peskov told reporters, \u201cThere is no specific agreement "
          "yet regarding the next meeting. It has not been finalized.\u201d"),
    ("p", "On May 16, Kyiv and Moscow held a face-to-face meeting in Istanbul lasting two hours, "
          "during which they agreed on the exchange of 1,000 prisoners of war each \u2014 potentially "
          "the largest such exchange between them to date. However, there was no significant "
          "progress beyond this agreement during the meeting."),
    ("p", "Despite months of pressure from the United States and Europe, there has been little "
          "notable advancement toward a ceasefire or peace negotiations. Meanwhile, according to "
          "Ukrainian government and military analysts, Russia is preparing for a summer offensive "
          "aimed at seizing more Ukrainian territory."),
    ("h", "Putin\u2019s Proposal"),
    ("p", "Russian President Vladimir Putin stated this week that Moscow is ready to work with "
          "Ukraine on defining the framework of a \u201cpotential future peace agreement.\u201d However, "
          "he effectively rejected a 30-day ceasefire proposal that Ukraine had already accepted. As "
          "part of any peaceful resolution, he demanded a halt to Ukraine\u2019s military mobilization "
          "and a suspension of Western arms supplies."),
    ("p", "European leaders have accused Putin of delaying the peace process, focusing instead on "
          "gaining battlefield advantage through Russia\u2019s larger military force."),
    ("p", "Peskov described the large-scale prisoner exchange as a \u201ccomplex process\u201d that "
          "\u201crequires some time,\u201d but added, \u201cThe work is moving swiftly, and everyone is "
          "eager to complete it quickly.\u201d"),
    ("p", "He told Russia\u2019s Interfax news agency that Moscow has submitted a list of prisoners it "
          "wants released to Ukraine: \u201cWe have not yet received a reciprocal list from Kyiv. We "
          "are waiting.\u201d"),
    ("p", "Ukrainian President Volodymyr Zelensky said on Thursday that preparations for a possible "
          "prisoner exchange are underway, calling it \u201cperhaps the only tangible outcome\u201d of "
          "the talks held in Turkey."),
]


def _expected_body() -> tuple[object, ...]:
    return tuple(
        Heading(2, [Text(text)]) if kind == "h" else Paragraph([Text(text)]) for kind, text in BODY
    )


def test_reference_parses_exactly():
    article = parse_text(REFERENCE.read_bytes())
    assert article.title == TITLE
    assert article.standfirst == STANDFIRST
    assert article.body == _expected_body()
    assert sum(isinstance(b, Paragraph) for b in article.body) == 8
    assert sum(isinstance(b, Heading) for b in article.body) == 1
    # Printed once: the headline three times and the lede twice in the source.
    assert article.text.count("No New Talks Scheduled") == 1
    assert article.text.count("No new date has been set") == 1
    assert "PostImage" not in article.text
    assert "PostImage" not in articlekit.to_json(article)
    assert article.source_format == "text"
    assert article.encoding == "utf-8"
    assert article.warnings == ()


def test_reference_same_from_str_and_through_parse():
    text = REFERENCE.read_text(encoding="utf-8")
    direct = parse_text(text, quotes=False)
    assert articlekit.parse(text, quotes=False).body == direct.body
    assert articlekit.parse(REFERENCE.read_bytes(), format="text", quotes=False).title == TITLE


def test_reference_windows_line_endings_and_nbsp_parse_the_same():
    text = REFERENCE.read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n").replace("Putin\u2019s Proposal", "Putin\u2019s\u00a0Proposal\t")
    article = parse_text(crlf, quotes=False)
    assert (article.title, article.standfirst, article.body) == (TITLE, STANDFIRST, _expected_body())


def test_reference_to_text_golden():
    article = parse_text(REFERENCE.read_bytes(), quotes=False)
    expected = (FIXTURES / "reference.expected.txt").read_text(encoding="utf-8")
    assert to_text(article) == expected


def test_reference_to_text_round_trips():
    article = parse_text(REFERENCE.read_bytes(), quotes=False)
    for width in (None, 40, 72):
        again = parse_text(to_text(article, width=width), quotes=False)
        assert (again.title, again.standfirst, again.body) == (TITLE, STANDFIRST, _expected_body())
