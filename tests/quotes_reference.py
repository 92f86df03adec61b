"""The reference article (shared/seed/000_0a294081f9b24e16.txt) built by hand, as issue 5 parses it."""

from __future__ import annotations

from articlekit import Article, Heading, Paragraph, Text

TITLE = "“No New Talks Scheduled Beyond Prisoner Exchange in Istanbul” – Kremlin Spokesperson Dmitry Peskov"
STANDFIRST = (
    "No new date has been set for direct peace talks between Russia and Ukraine, the Kremlin has "
    "confirmed. This announcement comes just days after former U.S. President Donald Trump stated "
    "that both sides would “immediately” begin ceasefire negotiations."
)
PARAGRAPHS = [
    "Kremlin spokesperson Dmitry Peskov told reporters, “There is no specific agreement yet regarding "
    "the next meeting. It has not been finalized.”",
    "On May 16, Kyiv and Moscow held a face-to-face meeting in Istanbul lasting two hours, during which "
    "they agreed on the exchange of 1,000 prisoners of war each — potentially the largest such exchange "
    "between them to date. However, there was no significant progress beyond this agreement during the meeting.",
    "Despite months of pressure from the United States and Europe, there has been little notable "
    "advancement toward a ceasefire or peace negotiations. Meanwhile, according to Ukrainian government "
    "and military analysts, Russia is preparing for a summer offensive aimed at seizing more Ukrainian territory.",
    None,  # the heading
    "Russian President Vladimir Putin stated this week that Moscow is ready to work with Ukraine on "
    "defining the framework of a “potential future peace agreement.” However, he effectively rejected a "
    "30-day ceasefire proposal that Ukraine had already accepted. As part of any peaceful resolution, he "
    "demanded a halt to Ukraine’s military mobilization and a suspension of Western arms supplies.",
    "European leaders have accused Putin of delaying the peace process, focusing instead on gaining "
    "battlefield advantage through Russia’s larger military force.",
    "Peskov described the large-scale prisoner exchange as a “complex process” that “requires some "
    "time,” but added, “The work is moving swiftly, and everyone is eager to complete it quickly.”",
    "He told Russia’s Interfax news agency that Moscow has submitted a list of prisoners it wants "
    "released to Ukraine: “We have not yet received a reciprocal list from Kyiv. We are waiting.”",
    "Ukrainian President Volodymyr Zelensky said on Thursday that preparations for a possible prisoner "
    "exchange are underway, calling it “perhaps the only tangible outcome” of the talks held in Turkey.",
]


def reference_article() -> Article:
    """The reference example as an Article (title, standfirst, 8 paragraphs and 1 heading)."""
    body = [
        Heading(2, [Text("Putin’s Proposal")]) if p is None else Paragraph([Text(p)])
        for p in PARAGRAPHS
    ]
    return Article(title=TITLE, standfirst=STANDFIRST, body=body)
