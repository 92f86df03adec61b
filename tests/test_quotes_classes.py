"""Written passages, one per class of error seen on unseen news: each names its case.

The passages are written for these tests (no article is copied); each test fails when the
extractor makes the error its name describes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit import Article, Paragraph, Speaker, Text, ValidationError
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


# 4. Names mis-parsed


@pytest.mark.parametrize(
    ("passage", "name", "role"),
    [
        ("“We are ready,” says Cambridge cartoonist Jane Doe.", "Jane Doe", "Cambridge cartoonist"),
        ("“We are ready,” Cambridge cartoonist Jane Doe said.", "Jane Doe", "Cambridge cartoonist"),
        ("“We have a deal,” Ms. May said.", "May", None),
        ("“We have a deal,” said Ms. May, who led the talks.", "May", None),
        ("“He loved the game,” says Wise's dad, Darrin.", "Darrin", "Wise's dad"),
    ],
    ids=["place-role-name-after-cue", "place-role-name-before-cue", "honorific-may",
         "honorific-after-cue", "possessive-kin"],
)  # fmt: skip
def test_names_with_places_honorifics_and_kin(passage: str, name: str, role: str | None) -> None:
    (quote,) = _quotes(passage)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == (name, role)


def test_a_verb_between_two_names_is_no_role() -> None:
    passage = "Hillary Clinton met John Kerry in Boston. “We agree on the plan,” she said."
    assert _said(passage) == [("direct", "We agree on the plan", "Hillary Clinton")]


# 3. Pronouns: the person just introduced, not the last speaker


def test_she_is_the_person_just_introduced_not_the_last_speaker() -> None:
    passage = (
        "“We need more money,” said Mary Smith, the school's principal. The council later met "
        "with accountant Jane Doe, 50. “The books were fine,” she says."
    )
    got = _quotes(passage)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in got] == [
        ("We need more money", "Mary Smith"),
        ("The books were fine", "Jane Doe"),
    ]


def test_a_name_met_in_passing_does_not_take_the_pronoun() -> None:
    passage = (
        "“We need more money,” said Mary Smith. The council met with Jane Doe on Monday. "
        "“The books were fine,” she says."
    )
    assert [s for _k, _t, s in _said(passage)] == ["Mary Smith", "Mary Smith"]


def test_a_pronoun_of_the_other_gender_skips_the_person_introduced() -> None:
    passage = (
        "“We need more money,” said John Smith. The council met with accountant Jane Doe, 50. "
        "“The books were a mess,” he says."
    )
    assert [s for _k, _t, s in _said(passage)] == ["John Smith", "John Smith"]


# 8. Markup between cue and quote; the README example


def test_a_line_break_between_cue_and_quotation_keeps_the_speech_cue() -> None:
    passage = (
        "Kremlin spokesperson Dmitry Peskov spoke on Friday. He told Russia’s Interfax news agency "
        "that Moscow has submitted a list of prisoners it wants released to Ukraine:\n"
        "“We have not yet received a reciprocal list from Kyiv. We are waiting.”"
    )
    quotes = [q for q in _quotes(passage) if q.kind == "direct"]
    assert [(q.speaker.name if q.speaker else None, q.cue) for q in quotes] == [
        ("Dmitry Peskov", "told")
    ]


def test_agreed_on_a_thing_is_not_speech() -> None:
    passage = (
        "Kyiv and Moscow held a meeting in Istanbul, during which they agreed on the exchange of "
        "1,000 prisoners of war each."
    )
    assert _said(passage) == []
    assert _said("The mayor agreed that the bridge must close.") == [
        ("indirect", "the bridge must close", "mayor")
    ]


def test_quote_8_of_the_reference_page_with_a_br_through_parse_html() -> None:
    import articlekit

    page = Path(__file__).resolve().parents[1] / "examples" / "pages" / "kremlin-talks.html"
    html = page.read_text(encoding="utf-8")
    assert "Ukraine: “We" in html
    article = articlekit.parse_html(html.replace("Ukraine: “We", "Ukraine:<br>“We").encode())
    (quote,) = [q for q in article.quotes if q.text.startswith("We have not yet")]
    assert (quote.speaker, quote.cue) == (Speaker("Dmitry Peskov"), "told")


def test_the_readme_example_gives_no_quote_to_the_kremlin_for_what_it_did_not_say() -> None:
    import articlekit

    page = Path(__file__).resolve().parents[1] / "examples" / "pages" / "kremlin-talks.html"
    article = articlekit.parse(page.read_bytes())
    kremlin = [q.text for q in article.quotes if q.speaker is not None and q.speaker.name == "Kremlin"]
    assert kremlin == [
        "No new date has been set for direct peace talks between Russia and Ukraine"
    ]


# 5. Content span: words between cue and content; a cue inside the clause


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("Smith said during an episode of his podcast that the deal was dead.", "the deal was dead"),
        ("Smith acknowledged before the judge that he had lied.", "he had lied"),
    ],
    ids=["said-during-an-episode", "acknowledged-before-the-judge"],
)
def test_words_between_the_cue_and_its_content_are_not_content(passage: str, content: str) -> None:
    assert _said("John Smith runs a trucking firm. " + passage) == [("indirect", content, "John Smith")]


@pytest.mark.parametrize(
    "passage",
    [
        "“We will not stop,” John Smith said during a speech in Milwaukee on Saturday night.",
        "“It works,” John Smith said at a news conference in Leeds in December.",
        "John Smith said in an email message through an aide on Friday.",
    ],
    ids=["said-during-a-speech", "said-at-a-news-conference", "said-in-an-email"],
)
def test_the_object_of_a_preposition_after_the_cue_is_not_what_was_said(passage: str) -> None:
    assert [q for q in _said(passage) if q[0] == "indirect"] == []


def test_the_clause_after_a_prepositional_phrase_without_that_is_read() -> None:
    passage = "John Smith said in an interview on Tuesday the talks had failed for good."
    assert _said(passage) == [("indirect", "the talks had failed for good", "John Smith")]


def test_a_cue_inside_its_clause() -> None:
    passage = (
        "John Smith runs a trucking firm. It's common, he explains, for the drivers to work "
        "twelve hours."
    )
    assert _said(passage) == [
        ("indirect", "It's common", "John Smith"),
        ("indirect", "for the drivers to work twelve hours", "John Smith"),
    ]


# 6. Mixed quotes with a cue outside the lexicon


def test_a_mixed_quote_after_an_unknown_verb_and_that() -> None:
    got = _said("The senator sniffed that “nobody reads those reports anyway.”")
    assert ("partial", "nobody reads those reports anyway.", "senator") in got
    assert all(s == "senator" for _k, _t, s in got)


# 7. The speaker in the next sentence


def test_the_speaker_in_the_next_sentence() -> None:
    passage = (
        "John Smith has been ill since March. “My condition is getting worse every day.” He said "
        "he would return to court."
    )
    assert _said(passage) == [
        ("direct", "My condition is getting worse every day.", "John Smith"),
        ("indirect", "he would return to court", "John Smith"),
    ]


def test_the_pieces_of_a_quotation_over_two_paragraphs_share_the_speaker_named_at_its_end() -> None:
    passage = (
        "“We waited ten years for this bridge.\n\n"
        "“It changes everything for the town,” said Jane Doe, the mayor."
    )
    got = [(q.text, q.speaker.name if q.speaker else None) for q in _quotes(passage)]
    assert got == [
        ("We waited ten years for this bridge.", "Jane Doe"),
        ("It changes everything for the town", "Jane Doe"),
    ]


def test_the_front_matter_description_is_the_standfirst_through_parse_markdown() -> None:
    import articlekit

    page = Path(__file__).resolve().parents[1] / "examples" / "pages" / "kremlin-talks.md"
    source = page.read_text(encoding="utf-8")
    assert "\nsubtitle:" in source
    article = articlekit.parse_markdown(source.replace("\nsubtitle:", "\ndescription:").encode())
    assert article.standfirst is not None
    assert article.standfirst.startswith("No new date has been set")
    (quote,) = [q for q in article.quotes if q.text == "immediately"]
    assert (quote.kind, quote.speaker, quote.cue) == (
        "partial",
        Speaker("Donald Trump", role="former U.S. President"),
        "stated",
    )


# Reported speech the cue lexicon reads without *that*, and sources that name no person


@pytest.mark.parametrize(
    ("passage", "content", "speaker"),
    [
        ("The mayor said residents were angry about the closures.",
         "residents were angry about the closures", "mayor"),
        ("Jane Doe says millions lost their homes in the crash.",
         "millions lost their homes in the crash", "Jane Doe"),
        ("John Roe said members of the board shouldn’t decide alone.",
         "members of the board shouldn’t decide alone", "John Roe"),
    ],
    ids=["aux-were", "irregular-past-lost", "modal-after-five-words"],
)  # fmt: skip
def test_a_clause_with_a_lower_case_subject_after_said(
    passage: str, content: str, speaker: str
) -> None:
    assert _said(passage) == [("indirect", content, speaker)]


@pytest.mark.parametrize(
    "passage",
    [
        "The mayor said goodbye to her staff on Friday.",
        "The mayor said hello to the crowd, which had waited in the rain.",
        "The senator said as he left the chamber that he was tired.",
    ],
    ids=["said-goodbye", "said-hello", "said-as"],
)
def test_a_lower_case_object_after_said_is_no_clause(passage: str) -> None:
    assert all(not t.startswith(("goodbye", "hello", "as he")) for _k, t, _s in _said(passage))


def test_the_clause_without_that_is_a_switchable_rule() -> None:
    passage = "The mayor said residents were angry about the closures."
    assert _said(passage, disabled=frozenset({"bare-clause"})) == []


@pytest.mark.parametrize(
    ("passage", "content", "speaker"),
    [
        ("Turnout rose by a third in the county, according to the results.",
         "Turnout rose by a third in the county", "results"),
        ("According to state law, no one may campaign within 150 feet of a polling place.",
         "no one may campaign within 150 feet of a polling place", "state law"),
    ],
    ids=["source-after", "source-before"],
)  # fmt: skip
def test_according_to_a_source_that_names_no_person(
    passage: str, content: str, speaker: str
) -> None:
    assert _said(passage) == [("indirect", content, speaker)]
    assert _said(passage, disabled=frozenset({"according-source"})) == []


@pytest.mark.parametrize("clause", ["he’s taken pains to stay neutral", "she'll leave the insults to others"])
def test_a_clause_opening_with_a_contracted_pronoun(clause: str) -> None:
    assert _said(f"Jane Doe says {clause}.") == [("indirect", clause, "Jane Doe")]


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("Jane Doe asked workers if they planned to attend the caucuses.",
         "if they planned to attend the caucuses"),
        ("Jane Doe asked whether the plan was the right one for the city.",
         "whether the plan was the right one for the city"),
    ],
    ids=["asked-object-if", "asked-whether"],
)  # fmt: skip
def test_an_embedded_question_after_asked(passage: str, content: str) -> None:
    assert _said(passage) == [("indirect", content, "Jane Doe")]
    assert _said(passage, disabled=frozenset({"embedded-question"})) == []


def test_a_passive_question_verb_gives_its_subject_no_question() -> None:
    assert _said("Jane Doe was asked whether the plan was the right one for the city.") == []


@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        ("Aides to the mayor said the plan will be ready by May.", "Aides to the mayor"),
        ("A full 79 percent of voters say the plan will be ready by May.",
         "full 79 percent of voters"),
    ],
    ids=["aides-to", "percent-of"],
)  # fmt: skip
def test_a_group_named_by_the_words_before_the_cue(passage: str, speaker: str) -> None:
    assert _said(passage) == [("indirect", "the plan will be ready by May", speaker)]
    # (a share of people is read by the rule quantity-subject too)
    assert _said(passage, disabled=frozenset({"group-subject", "quantity-subject"})) == []


@pytest.mark.parametrize(
    "passage",
    [
        "In a video posted on Monday she criticized the plan.",
        "Bill Clinton's comments come a few weeks before the primary.",
    ],
    ids=["introductory-phrase", "noun-cue"],
)
def test_no_group_speaker_from_an_introductory_phrase_or_a_noun_cue(passage: str) -> None:
    assert all(s is None or s[0].isupper() is False or " " not in s for _k, _t, s in _said(passage))
    assert _said(passage) == _said(passage, disabled=frozenset({"group-subject"}))


# Names read in a title in Title Case are no subjects for the body's pronouns


def _titled(title: str, text: str, **options: object) -> list[tuple[str, str, str | None]]:
    body = [Paragraph([Text(p)]) for p in text.split("\n\n") if p]
    quotes = extract_quotes(Article(title=title, body=body), **options)  # type: ignore[arg-type]
    return [
        (q.kind, q.text, q.speaker.name if q.speaker else None) for q in quotes if q.kind != "scare"
    ]


def test_a_pronoun_goes_to_the_body_person_not_title_case_words() -> None:
    title = "Miller’s Final Column Explains Why She Sees Good Qualities In The Mayor."
    body = (
        "Conservative icon Joan Miller, who died Monday at the age of 92, used her final column "
        "to praise the mayor.\n\n“The mayor came to our school in 1985,” she wrote."
    )
    said = _titled(title, body)
    assert ("direct", "The mayor came to our school in 1985", "Joan Miller") in said
    assert ("direct", "The mayor came to our school in 1985", "Final Column") in _titled(
        title, body, disabled=frozenset({"title-case"})
    )


# Nouns read as speech verbs, and verbs whose object is no content


@pytest.mark.parametrize(
    "passage",
    [
        "Voters went to the polls in Ohio and Michigan, Rust Belt states that have lost many "
        "factory jobs.",
        "The campaign hopes to win delegates in states that award them proportionally.",
        "The new supporters include Illinois state Rep. Jane Doe and state Sen. John Roe.",
        "Jane Doe spoke for 40 minutes, a long time for a rally in a small town.",
        "Jane Doe spoke to the county fair, her first appearance since the primary.",
        "Jane Doe maintained a large lead over the rest of the field.",
    ],
    ids=["rust-belt-states", "states-that", "state-rep", "spoke-for", "spoke-to",
         "maintained-a-lead"],
)
def test_no_reported_speech_from_a_noun_or_from_spoke(passage: str) -> None:
    assert _said(passage) == []



@pytest.mark.parametrize(
    ("passage", "said"),
    [
        ("Addressing the party’s annual gala on Thursday, Jane Doe said the South has treated "
         "her well.", [("indirect", "the South has treated her well", "Jane Doe")]),
        ("Holding open a book, Jane Doe said the plan would fail.",
         [("indirect", "the plan would fail", "Jane Doe")]),
        ("Reflecting on her career as a trial lawyer, Jane Doe said little.", []),
    ],
    ids=["addressing", "holding", "reflecting"],
)  # fmt: skip
def test_a_participle_phrase_before_the_speaker_is_not_content(
    passage: str, said: list[tuple[str, str, str | None]]
) -> None:
    assert _said(passage) == said


def test_an_appositive_after_an_inverted_speaker_is_not_content() -> None:
    passage = (
        "The party was overwhelmingly white then, said Jane Doe, a demographer at Emory "
        "University."
    )
    assert _said(passage) == [("indirect", "The party was overwhelmingly white then", "Jane Doe")]


@pytest.mark.parametrize(
    "passage",
    [
        "The campaign hired a data firm called Cambridge Analytica last year.",
        "She founded a movement called Ginbot 7 with another exile in Washington.",
        "The winners got a prize called the House to Home Prize.",
    ],
    ids=["firm-called", "movement-called", "prize-called-the"],
)
def test_a_thing_called_by_a_name_is_no_speech(passage: str) -> None:
    assert _said(passage) == []


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("The firm earned about $600 million last year, according to public filings, a huge "
         "sum for a firm with 35 partners.",
         "The firm earned about $600 million last year"),
        ("Young borrowers might not be so lucky, according to Jane Doe, who was an adviser to "
         "the campaign.", "Young borrowers might not be so lucky"),
    ],
    ids=["appositive-after-source", "relative-after-source"],
)  # fmt: skip
def test_the_words_after_an_according_to_source_say_who_it_is(passage: str, content: str) -> None:
    assert [t for _k, t, _s in _said(passage)] == [content]


@pytest.mark.parametrize(
    ("passage", "said"),
    [
        ("“The campaign goes on,” Jane Doe told a crowd in Berea, Ohio on Tuesday night.",
         [("direct", "The campaign goes on", "Jane Doe")]),
        ("Jane Doe told the delegates before the vote.", []),
        ("Jane Doe told the crowd the wall will be built next year.",
         [("indirect", "the wall will be built next year", "Jane Doe")]),
    ],
    ids=["told-a-crowd", "told-the-delegates", "told-the-crowd-a-clause"],
)  # fmt: skip
def test_who_was_told_is_not_what_was_said(
    passage: str, said: list[tuple[str, str, str | None]]
) -> None:
    assert _said(passage) == said


# Recall of reported speech: a share of people polled is a source


@pytest.mark.parametrize(
    ("passage", "said"),
    [
        ("Just 28 percent of voters said they had a positive view of the mayor.",
         [("indirect", "they had a positive view of the mayor", "Just 28 percent of voters")]),
        ("More than six in 10 say they are tired of the campaign.",
         [("indirect", "they are tired of the campaign", "More than six in 10")]),
        ("Among her backers, 22 percent said they might change their minds.",
         [("indirect", "they might change their minds", "22 percent")]),
        ("The mayor leads the field, while about a third say the race is still open.",
         [("indirect", "the race is still open", "about a third")]),
    ],
    ids=["percent-of-voters", "six-in-10", "after-an-introductory-phrase", "while-a-third"],
)  # fmt: skip
def test_a_share_of_people_polled_is_the_source(
    passage: str, said: list[tuple[str, str, str | None]]
) -> None:
    assert _said(passage) == said
    assert _said(passage, disabled=frozenset({"quantity-subject"})) != said


@pytest.mark.parametrize(
    "passage",
    [
        "Her 1,280 pledged delegates give her the lead.",
        "One month after announcing his support, the senator stayed home.",
        "It was one of the most elaborate plans the city had seen.",
    ],
    ids=["a-number-with-a-comma", "a-participle", "one-of-the-most"],
)
def test_no_quantity_source_from_a_number_that_is_no_subject(passage: str) -> None:
    assert _said(passage) == []


# The end of a reported clause: what contrasts it is the writer's


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("Jane Doe said 52 percent would back the plan, compared with 41 percent last year.",
         "52 percent would back the plan"),
        ("Jane Doe said the city would pay for the stadium, while the team would pay for the "
         "roads.", "the city would pay for the stadium"),
        ("Jane Doe said the plan would pass, though few in the council agree.",
         "the plan would pass"),
    ],
    ids=["compared-with", "while", "though"],
)  # fmt: skip
def test_a_contrasting_clause_after_a_comma_ends_the_content(passage: str, content: str) -> None:
    assert _said(passage) == [("indirect", content, "Jane Doe")]


# An introductory phrase before a content clause: the content starts with the phrase


@pytest.mark.parametrize(
    ("passage", "said"),
    [
        ("In all, thieves took 12 laptops and two servers, the report said.",
         [("indirect", "In all, thieves took 12 laptops and two servers", "report")]),
        ("After some setbacks, the new bridge has been meeting its targets, one city engineer "
         "said.", [("indirect", "After some setbacks, the new bridge has been meeting its targets",
                    "city engineer")]),
        ("In particular, Jane Doe said, the club had the free use of the golf courses.",
         [("indirect", "the club had the free use of the golf courses", "Jane Doe")]),
        ("During the debate, Jane Doe said the plan would fail.",
         [("indirect", "the plan would fail", "Jane Doe")]),
        ("During the debate, which lasted two hours, Jane Doe said the plan would fail.",
         [("indirect", "the plan would fail", "Jane Doe")]),
    ],
    ids=["in-all", "after-some-setbacks", "in-particular-interrupted", "no-clause-after-opener",
         "relative-after-opener"],
)  # fmt: skip
def test_an_introductory_phrase_opens_the_content_before_the_speaker(
    passage: str, said: list[tuple[str, str, str | None]]
) -> None:
    assert _said(passage) == said


def test_a_described_inverted_speaker_is_not_more_content() -> None:
    passage = (
        "In the world of politics, it is unusual for such a mistake to slip into a speech, said "
        "Jane Doe, another speechwriter who worked in the White House."
    )
    assert _said(passage) == [
        ("indirect", "In the world of politics, it is unusual for such a mistake to slip into a "
         "speech", "Jane Doe")
    ]  # fmt: skip


# The end of an object that is what was said


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("Jane Doe expressed concerns and made no further comment.", "concerns"),
        ("Jane Doe proposed taxing sugar and frequently appears on television.", "taxing sugar"),
        ("As Jane Doe described plans for the park, the crowd grew quiet.", "plans for the park"),
        ("Jane Doe expressed concerns and doubts about the plan.",
         "concerns and doubts about the plan"),
    ],
    ids=["and-a-second-verb", "and-an-adverb-and-a-verb", "comma-closing-the-opener",
         "and-a-second-noun"],
)  # fmt: skip
def test_the_object_of_a_speech_verb_ends_with_its_clause(passage: str, content: str) -> None:
    assert _said(passage) == [("indirect", content, "Jane Doe")]


# A decimal point does not end a sentence


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("The plan would cost about $1.38 trillion a year, according to the budget office.",
         "The plan would cost about $1.38 trillion a year"),
        ("The mayor leads with 24.6 percent of the vote, the election board said.",
         "The mayor leads with 24.6 percent of the vote"),
    ],
    ids=["dollars", "percent"],
)  # fmt: skip
def test_a_decimal_point_does_not_cut_the_content(passage: str, content: str) -> None:
    assert [t for _k, t, _s in _said(passage)] == [content]


# A long source after according to runs on to its comma


@pytest.mark.parametrize(
    ("passage", "content", "speaker"),
    [
        ("According to early results of exit polls conducted for the networks by a research "
         "firm, most voters in each county feel down about the economy.",
         "most voters in each county feel down about the economy",
         "early results of exit polls conducted for the networks by a research firm"),
        ("According to the officer in charge of the base that night, the scene in the film is "
         "untrue.", "the scene in the film is untrue", "officer"),
    ],
    ids=["exit-polls-conducted-for", "officer-in-charge-of"],
)  # fmt: skip
def test_a_long_source_after_according_to_ends_at_its_comma(
    passage: str, content: str, speaker: str
) -> None:
    assert _said(passage) == [("indirect", content, speaker)]
    assert _said(passage, disabled=frozenset({"long-source", "according-source"})) == []


# A noun phrase next to a quotation's cue is its speaker


@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        ("“Will she run for governor?” a Democratic staffer in the room wondered.",
         "Democratic staffer in the room"),
        ("“What if the mayor took singing lessons?” the 43-year-old asked in the video.",
         "43-year-old"),
        ("“Better watch out for the new rules,” tweeted another.", "another"),
        ("“The plan was finally ready,” said the second official.", "second official"),
    ],
    ids=["staffer-in-the-room", "the-43-year-old", "tweeted-another", "said-the-second-official"],
)  # fmt: skip
def test_a_noun_phrase_next_to_the_cue_speaks_the_quotation(passage: str, speaker: str) -> None:
    [(kind, _text, name)] = _said(passage)
    assert (kind, name) == ("direct", speaker)
    assert _said(passage, disabled=frozenset({"quote-phrase"}))[0][2] is None


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("Jane Doe said the emails were exchanges between the two men, who were old friends.",
         "the emails were exchanges between the two men"),
        ("Jane Doe said the court's ruling was final, which surprised the lawyers.",
         "the court's ruling was final"),
        ("Jane Doe said the plan was a mistake, and she repeated it on the radio on Thursday.",
         "the plan was a mistake"),
    ],
    ids=["comma-who", "comma-which", "comma-and-she"],
)  # fmt: skip
def test_a_relative_or_a_new_clause_after_a_comma_ends_the_content(
    passage: str, content: str
) -> None:
    assert _said(passage)[0] == ("indirect", content, "Jane Doe")


# Speech verbs that were outside the lexicon


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("Jane Doe voiced concerns about the new stadium.", "concerns about the new stadium"),
        ("Jane Doe assailed the mayor's budget at the meeting.", "the mayor's budget at the meeting"),
        ("Jane Doe likened the plan to a tax on the poor.", "the plan to a tax on the poor"),
        ("Jane Doe touched on the housing shortage.", "the housing shortage"),
        ("Jane Doe reaffirmed that the school would stay open.", "the school would stay open"),
        ("Jane Doe underscored that the deal was not final.", "the deal was not final"),
    ],
    ids=["voiced", "assailed", "likened", "touched-on", "reaffirmed", "underscored"],
)  # fmt: skip
def test_a_speech_verb_of_the_lexicon_reports_speech(passage: str, content: str) -> None:
    assert _said(passage) == [("indirect", content, "Jane Doe")]


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("Jane Doe mocked the council and its leading members, and made it clear that she "
         "would run.", "the council and its leading members"),
        ("Jane Doe voiced support for a new stadium and called herself a fan.",
         "support for a new stadium"),
    ],
    ids=["comma-and-a-past-tense", "and-another-cue"],
)  # fmt: skip
def test_a_second_verb_of_the_speaker_ends_the_content(passage: str, content: str) -> None:
    assert _said(passage)[0] == ("indirect", content, "Jane Doe")


@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        ("Experts on North Korea and nuclear nonproliferation said the mayor has forged a "
         "reputation as a hard worker on the council.",
         "Experts on North Korea and nuclear nonproliferation"),
        ("Although the mayor lacks a signature achievement, elected officials from both parties "
         "say the mayor has forged a reputation as a hard worker on the council.",
         "elected officials from both parties"),
    ],
    ids=["group-with-and", "group-after-a-comma"],
)  # fmt: skip
def test_a_group_subject_after_a_comma_or_with_and(passage: str, speaker: str) -> None:
    content = "the mayor has forged a reputation as a hard worker on the council"
    assert _said(passage) == [("indirect", content, speaker)]
    assert _said(passage, disabled=frozenset({"group-clause"})) == []


def test_the_speaker_and_its_description_are_not_content() -> None:
    passage = (
        "But Jane Doe, senior associate for organizing at the Annenberg Institute for School "
        "Reform, said the plan would fail."
    )
    assert [t for _k, t, _s in _said(passage)] == ["the plan would fail"]


def test_a_possessive_before_a_noun_is_no_pronoun_subject() -> None:
    passage = (
        "Jane Doe won the primary. Her advisers and allies say she will spend the coming weeks "
        "honing her message."
    )
    assert _said(passage) == [
        ("indirect", "she will spend the coming weeks honing her message", "Her advisers and allies")
    ]
    assert _said(passage, disabled=frozenset({"possessive-group"}))[0][2] == "Jane Doe"


@pytest.mark.parametrize(
    "passage",
    [
        "“The plan will fail,” said Republican political consultant Jane Doe.",
        "“The plan will fail,” said Monmouth political consultant Jane Doe.",
    ],
    ids=["party-modifier-role", "place-modifier-role"],
)  # fmt: skip
def test_lower_case_role_modifiers_between_capitalised_words_and_a_name(passage: str) -> None:
    assert _said(passage) == [("direct", "The plan will fail", "Jane Doe")]


@pytest.mark.parametrize(
    "passage",
    [
        "“The plan will fail. It is wrong,” said 9/11 widow Jane Doe.",
        "“The plan will fail. It is wrong,” said 9/11 responder Jane Doe.",
    ],
    ids=["number-and-kin-role", "number-and-agent-noun"],
)  # fmt: skip
def test_a_description_led_by_a_number_before_a_name(passage: str) -> None:
    assert _said(passage) == [("direct", "The plan will fail. It is wrong", "Jane Doe")]


@pytest.mark.parametrize(
    ("passage", "content"),
    [
        ("LA CROSSE, Wis. — Gov. Jane Doe on Thursday blamed the media for the row, saying "
         "that reporters were nitpicking at the wording.",
         "reporters were nitpicking at the wording"),
        ("LOS ANGELES (AP) — Jane Doe dove deeper into the record Tuesday, calling the plan "
         "“a disgrace.”",
         "the plan “a disgrace.”"),
        ("NEW YORK, Feb. 2 (UPI) — The next record is almost complete, singer Jane Doe "
         "recently revealed.",
         "The next record is almost complete"),
    ],
    ids=["place-and-state", "place-and-agency", "place-date-and-agency"],
)  # fmt: skip
def test_a_dateline_is_no_speaker_and_no_content(passage: str, content: str) -> None:
    assert [(t, s) for k, t, s in _said(passage) if k == "indirect"] == [(content, "Jane Doe")]
    assert _said(passage, disabled=frozenset({"dateline"})) != _said(passage)


@pytest.mark.parametrize(
    "intro",
    [
        "On July 6, 2015, Doe made the following comment:",
        "Jane Doe released the following statement:",
        "Doe made the following comment:",
    ],
    ids=["surname-after-an-introductory-phrase", "full-name", "surname"],
)  # fmt: skip
def test_a_line_ending_in_a_colon_introduces_the_next_lines_quotation(intro: str) -> None:
    passage = intro + "\n\n“For young people who left school, the jobless rate is 33 percent.”"
    said = _said(passage)
    assert [(k, s) for k, _t, s in said] == [("direct", "Jane Doe" if "Jane" in intro else "Doe")]
    assert _said(passage, disabled=frozenset({"colon-line"}))[0][2] is None


@pytest.mark.parametrize(
    "passage",
    [
        "The White House issued the following statement: “The president is committed to the plan.”",
        "The mayor announced the following decision: “The bridge will close on Monday.”",
        "The ministry issued the following warning to travellers: “Do not travel to the region.”",
    ],
)
def test_an_object_pointing_ahead_to_the_quotation_is_no_content(passage: str) -> None:
    # "issued the following statement:" announces what comes after the colon; the noun phrase
    # itself was returned as reported speech ("the following statement").
    said = _said(passage)
    assert [k for k, _t, _s in said] == ["direct"]
    assert not any("following" in t for _k, t, _s in said)
    off = _said(passage, disabled=frozenset({"cataphoric-object"}))
    assert any(t.startswith("the following") for _k, t, _s in off)


@pytest.mark.parametrize(
    "intro",
    ["Senator Jane Doe made the following remarks:", "Senator Jane Doe gave the following comments to reporters:"],
)
def test_a_cue_word_after_the_following_is_a_noun_and_the_line_introduces_the_quotation(intro: str) -> None:
    # "the following remarks": "remarks" is a noun here (as after "the"), so "following" is
    # no speaker; the line's subject speaks the quotation on the next line.
    said = _said(intro + "\n\n“We will not accept this budget.”")
    assert said == [("direct", "We will not accept this budget.", "Jane Doe")]
