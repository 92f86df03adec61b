"""The reference example (``shared/seed/000_0a294081f9b24e16.txt``) as an Article built by hand.

The title, standfirst and body are what issue 5 says ``parse_text`` must
produce; the quotes are issue 6's table, with their spans found in
``Article.text``.  (To be replaced by ``parse_text`` of the seed file once it exists.)
"""

from __future__ import annotations

from datetime import datetime, timezone

import attrs

from articlekit import Article, Heading, Paragraph, Person, Quote, Speaker, Text

TITLE = (
    "\u201cNo New Talks Scheduled Beyond Prisoner Exchange in Istanbul\u201d \u2013 "
    "Kremlin Spokesperson Dmitry Peskov"
)
STANDFIRST = (
    "No new date has been set for direct peace talks between Russia and Ukraine, the Kremlin has "
    "confirmed. This announcement comes just days after former U.S. President Donald Trump stated "
    "that both sides would \u201cimmediately\u201d begin ceasefire negotiations."
)
PARAGRAPHS = [
    "Kremlin spokesperson Dmitry Peskov told reporters, \u201cThere is no specific agreement yet "
    "regarding the next meeting. It has not been finalized.\u201d",
    "On May 16, Kyiv and Moscow held a face-to-face meeting in Istanbul lasting two hours, during "
    "which they agreed on the exchange of 1,000 prisoners of war each \u2014 potentially the largest "
    "such exchange between them to date. However, there was no significant progress beyond this "
    "agreement during the meeting.",
    "Despite months of pressure from the United States and Europe, there has been little notable "
    "advancement toward a ceasefire or peace negotiations. Meanwhile, according to Ukrainian "
    "government and military analysts, Russia is preparing for a summer offensive aimed at seizing "
    "more Ukrainian territory.",
    None,  # the heading
    "Russian President Vladimir Putin stated this week that Moscow is ready to work with Ukraine on "
    "defining the framework of a \u201cpotential future peace agreement.\u201d However, he effectively "
    "rejected a 30-day ceasefire proposal that Ukraine had already accepted. As part of any peaceful "
    "resolution, he demanded a halt to Ukraine\u2019s military mobilization and a suspension of "
    "Western arms supplies.",
    "European leaders have accused Putin of delaying the peace process, focusing instead on gaining "
    "battlefield advantage through Russia\u2019s larger military force.",
    "Peskov described the large-scale prisoner exchange as a \u201ccomplex process\u201d that "
    "\u201crequires some time,\u201d but added, \u201cThe work is moving swiftly, and everyone is eager "
    "to complete it quickly.\u201d",
    "He told Russia\u2019s Interfax news agency that Moscow has submitted a list of prisoners it wants "
    "released to Ukraine: \u201cWe have not yet received a reciprocal list from Kyiv. We are waiting.\u201d",
    "Ukrainian President Volodymyr Zelensky said on Thursday that preparations for a possible "
    "prisoner exchange are underway, calling it \u201cperhaps the only tangible outcome\u201d of the "
    "talks held in Turkey.",
]
HEADING = "Putin\u2019s Proposal"

_PESKOV = Speaker("Dmitry Peskov", role="Kremlin spokesperson")
# (text, kind, speaker, cue): issue 6's table, in order.
QUOTES = [
    ("No New Talks Scheduled Beyond Prisoner Exchange in Istanbul", "headline",
     Speaker("Dmitry Peskov", role="Kremlin Spokesperson"), "\u2013"),
    ("immediately", "partial", Speaker("Donald Trump", role="former U.S. President"), "stated"),
    ("There is no specific agreement yet regarding the next meeting. It has not been finalized.",
     "direct", _PESKOV, "told"),
    ("potential future peace agreement", "partial",
     Speaker("Vladimir Putin", role="Russian President"), "stated"),
    ("complex process", "partial", _PESKOV, "described"),
    ("requires some time", "partial", _PESKOV, "described"),
    ("The work is moving swiftly, and everyone is eager to complete it quickly.", "direct", _PESKOV, "added"),
    ("We have not yet received a reciprocal list from Kyiv. We are waiting.", "direct", _PESKOV, "told"),
    ("perhaps the only tangible outcome", "partial",
     Speaker("Volodymyr Zelensky", role="Ukrainian President"), "calling"),
]


def reference_article() -> Article:
    """The reference example with its nine quotes and a little metadata."""
    body = [Heading(2, [Text(HEADING)]) if p is None else Paragraph([Text(p)]) for p in PARAGRAPHS]
    article = Article(
        title=TITLE,
        standfirst=STANDFIRST,
        body=body,
        language="en",
        site_name="Example News",
        url="https://news.example.com/world/peskov-no-new-talks",
        published=datetime(2025, 5, 23, 9, 30, tzinfo=timezone.utc),
        authors=[Person("Jane Doe", url="https://news.example.com/authors/jane-doe", role="Correspondent")],
        tags=["Russia", "Ukraine", "Kremlin"],
        section="World",
    )
    text = article.text
    quotes = []
    pos = 0
    for quote_text, kind, speaker, cue in QUOTES:
        start = text.index(quote_text, pos)
        pos = start + len(quote_text)
        quotes.append(Quote(quote_text, kind, (start, pos), speaker=speaker, cue=cue))
    return attrs.evolve(article, quotes=quotes)
