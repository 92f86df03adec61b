"""Bylines, names and organisations (``articlekit._people``), shared by HTML, text and quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis.strategies import booleans, integers, sampled_from

from articlekit import Person
from articlekit._people import (
    AGENCIES,
    PARTICLES,
    byline_label,
    is_organisation,
    opens_byline,
    read_names,
    split_byline,
)
from articlekit._quotes._cues import load_lexicon
from articlekit.testing import texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe and John Smith", ([("Jane Doe", None), ("John Smith", None)], [])),
        ("JANE DOE, Associated Press", ([("Jane Doe", None)], ["Associated Press"])),
        ("Jane Doe, Staff Writer", ([("Jane Doe", "Staff Writer")], [])),
        ("Jane Doe, Staff", ([("Jane Doe", None)], ["Staff"])),
        ("Jane Doe, Editor", ([("Jane Doe", "Editor")], [])),
        ("Maria Silva e Costa", ([("Maria Silva e Costa", None)], [])),
        ("Ludwig van Beethoven & Jane Doe <jane@example.org>", ([("Ludwig van Beethoven", None), ("Jane Doe", None)], [])),
        ("the end of the year", None),
        ("Jane Doe said nothing", None),
    ],
)  # fmt: skip
def test_read_names(text: str, expected: object) -> None:
    assert read_names(text) == expected


def test_a_handle_is_a_name_only_where_a_handle_is_expected() -> None:
    assert read_names("jdoe") is None
    assert read_names("jdoe", handle=True) == ([("jdoe", None)], [])


def test_both_readers_credit_the_same_agencies() -> None:
    for name in ("Reuters", "BBC", "Interfax", "RIA Novosti", "The Canadian Press"):
        assert split_byline(f"By Jane Doe, {name}") == (["Jane Doe"], [name])
        assert read_names(f"Jane Doe, {name}") == ([("Jane Doe", None)], [name])


def test_labels() -> None:
    assert byline_label("By Jane Doe") == 3
    assert byline_label("Reported by Jane Doe") == len("Reported by ")
    assert byline_label("Author: Jane Doe") == len("Author: ")
    assert byline_label("Door Hardware") is None  # a plain-text line: English words first
    assert opens_byline("Door Jan de Vries")
    assert opens_byline("By: Jane Doe")
    assert not opens_byline("Bypass")


def test_organisations() -> None:
    assert is_organisation("Reuters")
    assert is_organisation("CNN Business", ["cnn"], [["cnn"]])
    assert is_organisation("admin")
    assert is_organisation("NATO")
    assert not is_organisation("Jane Doe")
    assert "reuters" in AGENCIES


def test_quote_speakers_read_the_same_particles() -> None:
    assert load_lexicon("en").particles >= PARTICLES


@given(value=texts(max_size=120))
def test_read_names_gives_none_or_clean_names(value: str) -> None:
    found = read_names(value)
    if found is not None:
        people, credits = found
        assert people or credits
        for name, role in people:
            Person(name, role=role)
        for credit in credits:
            Person(credit)


@pytest.mark.parametrize(
    "byline",
    [
        "by Jane Doe » Mon Jan 06, 2025",  # "Mon" was read as "M" + the label "on"
        "By Jane Doe on Mon Jan 06, 2025",
        "by Jane Doe » Tue Jan 07, 2025",
        "By Jane Doe - Wed, 8 Jan 2025",
        "By Jane Doe, Thurs. Jan. 9, 2025",
        "By Jane Doe | Friday, January 10, 2025",
        "By Jane Doe » Saturday 11 January 2025",
        "By Jane Doe » Sun Jan 12, 2025",
        "By Jane Doe » Mar 4, 2025",
    ],
)
def test_a_weekday_and_date_after_the_name_are_no_part_of_it(byline: str) -> None:
    assert split_byline(byline) == (["Jane Doe"], [])


@pytest.mark.parametrize(("name", "date"), [("Simon", "Jan 5, 2025"), ("Ramon", "Sunday Jan 5 2025"), ("Jon Mon", "")])
def test_a_name_ending_in_on_or_a_weekday_keeps_its_letters(name: str, date: str) -> None:
    # "Simon Jan 5" was "Sim": the label "on" was read inside the name.
    assert split_byline(f"By {name} {date}".strip()) == ([name], [])


_WEEKDAYS = ("Mon", "Monday", "Tue", "Tues.", "Tuesday", "Wed", "Wednesday", "Thu", "Thurs", "Thursday",
             "Fri", "Friday", "Sat", "Saturday", "Sun", "Sunday")  # fmt: skip
_SEPARATORS = (" ", " » ", " | ", " - ", ", ", " on ", " · ")


@given(
    weekday=sampled_from(_WEEKDAYS),
    separator=sampled_from(_SEPARATORS),
    comma=sampled_from(("", ",")),
    day=integers(1, 28),
    month=sampled_from(("Jan", "January", "Feb.", "Mar", "May", "June", "Sept.", "Dec")),
    day_first=booleans(),
)
def test_any_dated_byline_gives_the_name_alone(
    weekday: str, separator: str, comma: str, day: int, month: str, day_first: bool
) -> None:
    date = f"{day} {month} 2025" if day_first else f"{month} {day}, 2025"
    assert split_byline(f"By Jane Doe{separator}{weekday}{comma} {date}") == (["Jane Doe"], [])


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe in Project Management", (["Jane Doe"], [])),
        ("By Jane Doe in", (["Jane Doe"], [])),
        ("Posted by admin in Uncategorized", ([], ["admin"])),
    ],
)
def test_the_section_a_post_is_filed_in_is_no_part_of_its_byline(byline: str, expected: object) -> None:
    assert split_byline(byline) == expected


def test_a_bullet_operator_separates_byline_items() -> None:
    assert split_byline("Jane Doe ∙ Nov 02, 2025 ∙ Paid") == (["Jane Doe"], [])
    assert split_byline("∙ Paid") == ([], [])


def test_an_item_beginning_with_the_sites_whole_name_is_its_desk() -> None:
    names, credits = split_byline("Thomson Reuters Tax & Accounting", site_names=["thomsonreuters"])
    assert "Thomson Reuters Tax" in credits
    assert "Thomson Reuters Tax" not in names
    # A person's name that begins with the site's letters but not its words stays a person.
    assert split_byline("Jeff T. Kaufman", site_names=["jefftk"]) == (["Jeff T. Kaufman"], [])


# --------------------------------------------------------------------------- bylines in six more languages


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # German first: the held-out pages are mostly German.
        ("Veröffentlicht am 12. März 2025 von Chris Jung", ["Chris Jung"]),
        ("Geschrieben am 3. Mai 2024 von Chris Jung", ["Chris Jung"]),
        ("Veröffentlicht: 12.03.2025, 10:15 Uhr von Chris Jung", ["Chris Jung"]),
        ("Veröffentlicht von Chris Jung am 12. März 2025", ["Chris Jung"]),
        ("Von Chris Jung am 12.03.2025 um 10:15 Uhr", ["Chris Jung"]),
        ("Chris Jung Mittwoch, 12. März 2025", ["Chris Jung"]),
        ("Par Jean Dupont le 12 mars 2025 à 10h15", ["Jean Dupont"]),
        ("Por Juan Pérez el 12 de marzo de 2025", ["Juan Pérez"]),
        ("Di Mario Rossi il 12 marzo 2025", ["Mario Rossi"]),
        ("Por Ana Silva em 12 de março de 2025", ["Ana Silva"]),
        ("Door Jan de Vries op 12 maart 2025", ["Jan de Vries"]),
        ("Von unserem Redakteur Chris Jung", ["Chris Jung"]),
        ("Von unserer Korrespondentin Anna Schmidt", ["Anna Schmidt"]),
        ("Par notre envoyé spécial Jean Dupont", ["Jean Dupont"]),
        ("Por nuestra corresponsal Ana Ruiz", ["Ana Ruiz"]),
        ("Kommentar von Chris Jung", ["Chris Jung"]),
        ("Von Chris Jung, Berlin", ["Chris Jung"]),
        ("Por Juan Pérez, corresponsal en Madrid", ["Juan Pérez"]),
        ("Ein Gastbeitrag von Chris Jung", ["Chris Jung"]),
        ("Eine Analyse von Chris Jung", ["Chris Jung"]),
        ("Text: Chris Jung | Fotos: Anna Schmidt", ["Chris Jung"]),
        ("Text: Chris Jung, Fotos: Anna Schmidt", ["Chris Jung"]),
        ("Chris Jung Alle Beiträge", ["Chris Jung"]),
        ("Von Chris Jung Mehr Artikel", ["Chris Jung"]),
        ("Chris Jung Zum Autorenprofil", ["Chris Jung"]),
        ("Chris Jung Redakteur Wirtschaft", ["Chris Jung"]),
        ("Publié le 12 mars 2025 par Jean Dupont", ["Jean Dupont"]),
        ("Texte : Jean Dupont", ["Jean Dupont"]),
        ("Publicado el 12 de marzo de 2025 por Juan Pérez", ["Juan Pérez"]),
        ("Texto: Juan Pérez", ["Juan Pérez"]),
        ("Pubblicato il 12 marzo 2025 da Mario Rossi", ["Mario Rossi"]),
        ("Testo di Mario Rossi", ["Mario Rossi"]),
        ("Publicado em 12 de março de 2025 por Ana Silva", ["Ana Silva"]),
        ("Gepubliceerd op 12 maart 2025 door Jan de Vries", ["Jan de Vries"]),
        ("Door Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"]),
        ("Tekst: Jan de Vries | Foto's: Piet Jansen", ["Jan de Vries"]),
    ],
)
def test_a_language_byline_label_or_photo_credit_is_no_part_of_the_names(byline: str, expected: list[str]) -> None:
    assert split_byline(byline) == (expected, [])


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Par Jean Dupont, journaliste", "Jean Dupont"),
        ("Mario Rossi, caporedattore", "Mario Rossi"),
        ("Jan de Vries, hoofdredacteur", "Jan de Vries"),
        ("Ana Silva, editora", "Ana Silva"),
        ("Juan Pérez, reportero", "Juan Pérez"),
        ("Chris Jung, Chefreporterin", "Chris Jung"),
    ],
)
def test_a_job_title_in_lower_case_after_the_name_is_no_credit(byline: str, name: str) -> None:
    assert split_byline(byline) == ([name], [])


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Nicole Burke As founder of Rooted Garden", []),  # a sentence: the title is not capitalised
        ("CM Craig McCarthy Last updated", []),  # an avatar's initials, and no job after the name
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("Jean Dupont, rédacteur en chef", ["Jean Dupont"]),  # "en" inside a job title splits nothing
    ],
)
def test_where_a_role_or_link_label_after_a_name_stops(byline: str, expected: list[str]) -> None:
    assert split_byline(byline)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Veröffentlicht am 12. März 2025 von Chris Jung",
        "Ein Gastbeitrag von Chris Jung",
        "Text: Chris Jung | Fotos: Anna Schmidt",
        "Autorin: Anna Schmidt",
        "Publié le 12 mars 2025 par Jean Dupont",
        "Texto: Ana Silva",
        "Pubblicato il 12 marzo 2025 da Mario Rossi",
    ],
)
def test_a_language_byline_opens_a_byline_after_a_headline(text: str) -> None:
    assert opens_byline(text)


@pytest.mark.parametrize("text", ["Fotos: Anna Schmidt", "Textilien im Test", "Veröffentlicht am 12. März 2025"])
def test_a_photo_credit_a_word_beginning_with_a_label_or_a_date_alone_opens_no_byline(text: str) -> None:
    assert not opens_byline(text)


_LANGUAGE_LABELS = [
    "Von", "Veröffentlicht von", "Ein Beitrag von", "Ein Gastbeitrag von", "Autor:", "Text:", "Par", "Publié par",
    "Texte :", "Por", "Publicado por", "Texto:", "Di", "Testo di", "Scritto da", "Door", "Geschreven door",
    "Tekst:", "Veröffentlicht am 1. Mai 2025 von", "Publié le 3 mai par", "Gepubliceerd op 2 juni 2024 door",
]  # fmt: skip
_GIVEN = ["Chris", "Anna", "Jean", "María", "Giulia", "João", "Piet", "Ümit"]
_FAMILY = ["Jung", "Schmidt", "Dupont", "Pérez", "Rossi", "Silva", "Jansen", "Öztürk"]


@given(sampled_from(_LANGUAGE_LABELS), sampled_from(_GIVEN), sampled_from(_FAMILY), sampled_from(["", " Alle Beiträge", ", Redakteurin", " | Fotos: Bo Li"]))
def test_any_language_label_and_name_gives_the_name_alone(label: str, given_name: str, family: str, tail: str) -> None:
    name = f"{given_name} {family}"
    assert split_byline(f"{label} {name}{tail}") == ([name], [])


def test_contributors_after_the_writer_are_no_authors() -> None:
    byline = "By Ben Applebaum-Bauch, Contributions From: Trish Matheny, Sam Schild"
    assert split_byline(byline) == (["Ben Applebaum-Bauch"], [])


@pytest.mark.parametrize("name", ["Mai Nguyen", "Simon Mai", "Anna Am Rhein", "Luis Mayo"])
def test_a_month_or_date_word_of_another_language_in_a_name_without_a_date_stays(name: str) -> None:
    assert split_byline(f"By {name}") == ([name], [])


@given(
    sampled_from(["Von", "Par", "Por", "Di", "Door", ""]),
    sampled_from(_GIVEN),
    sampled_from(_FAMILY),
    sampled_from(["am", "le", "el", "il", "em", "op", "|", ","]),
    sampled_from(["", "Mittwoch, ", "mardi "]),
    integers(min_value=1, max_value=31),
    sampled_from(["März", "Dezember", "mars", "de marzo", "marzo", "de março", "maart", "Mai"]),
    booleans(),
)
def test_any_name_then_a_date_in_another_language_gives_the_name_alone(
    label: str, given_name: str, family: str, word: str, weekday: str, day: int, month: str, dot: bool
) -> None:
    name = f"{given_name} {family}"
    byline = f"{label} {name} {word} {weekday}{day}{'.' if dot else ''} {month} 2025".strip()
    assert split_byline(byline) == ([name], [])


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von Chris Jung / dpa", (["Chris Jung"], ["dpa"])),
        ("Quelle: dpa", ([], ["dpa"])),
    ],
)
def test_an_agency_after_a_slash_or_a_source_label_is_a_credit(byline: str, expected: object) -> None:
    assert split_byline(byline) == expected
