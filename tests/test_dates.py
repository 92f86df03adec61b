"""The date reader (``articlekit._dates``): its forms, its month table and its properties."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import articlekit
from articlekit._dates import MONTHS, ZONES, find_date, match_date, read_iso
from articlekit._parsers._textmeta import parse_meta_line
from articlekit.testing import texts

UTC = timezone.utc
#: A *now* far enough ahead that no generated date is "in the future".
LATER = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


def test_a_text_dump_reads_a_french_date() -> None:
    # Before _dates.py, "3 juin 2025" was read in HTML metadata but stayed a paragraph of a text dump.
    doc = (
        "Le sommet de Genève\n\nPar Jeanne Dupont\n3 juin 2025\n\n"
        "Les deux délégations se sont retrouvées mardi matin pour une longue séance de travail.\n"
    )
    article = articlekit.parse_text(doc)
    assert [p.name for p in article.authors] == ["Jeanne Dupont"]
    assert article.published == datetime(2025, 6, 3, tzinfo=UTC)
    assert all("juin" not in str(block) for block in article.body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 June 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("June 3, 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("3 juin 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("3. Juni 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("3 junio 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("3 giugno 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("3 junho 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("3 juni 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("12 März 2024", datetime(2024, 3, 12, tzinfo=UTC)),
        ("12 março 2024", datetime(2024, 3, 12, tzinfo=UTC)),
        ("3rd of June 2025", datetime(2025, 6, 3, tzinfo=UTC)),
        ("Sept. 5, 2019 10:30 a.m. ET", datetime(2019, 9, 5, 10, 30, tzinfo=timezone(timedelta(hours=-4)))),
        ("5 Dec 2019 10:30 ET", datetime(2019, 12, 5, 10, 30, tzinfo=timezone(timedelta(hours=-5)))),
        ("5 Dec 2019 10:30 MSK", datetime(2019, 12, 5, 10, 30, tzinfo=timezone(timedelta(hours=3)))),
    ],
)
def test_written_dates_read_alike_in_pages_and_text_lines(text: str, expected: datetime) -> None:
    for got in (find_date(text), match_date(text)[0]):  # type: ignore[index]
        assert got == expected
        assert got is not None
        assert got.utcoffset() == expected.utcoffset()


def test_text_lines_take_a_weekday_in_any_language() -> None:
    for line in ("lundi 3 juin 2025", "Dienstag, 3. Juni 2025", "quinta-feira, 3 junho 2025"):
        meta = parse_meta_line(line)
        assert meta is not None
        assert meta.published is not None
        assert meta.published.date().isoformat() == "2025-06-03"


def test_every_language_has_twelve_months_and_no_name_is_two_months() -> None:
    seen: dict[str, int] = {}
    for language, months in MONTHS.items():
        assert len(months) == 12, language
        for number, names in enumerate(months, start=1):
            for name in names:
                assert name == name.casefold()
                assert seen.setdefault(name, number) == number, (language, name)


# --------------------------------------------------------------------------- properties

_WORDS = sorted({n for months in MONTHS.values() for names in months for n in names} | set(ZONES))
_pieces = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(["Monday", "lundi", "of", "de", "T", "Z", "a.m.", "PM", "ET", "ago", "UTC+3", "+05:30", "-23:59"]),
    st.integers(0, 10_000).map(str),
    st.sampled_from([" ", ", ", ". ", "-", "/", ":", ".", "  ", "\u00a0", "\u200b", "|"]),
    texts(max_size=4),
)
_date_soup = st.lists(_pieces, max_size=14).map("".join)
_any_text = st.one_of(st.text(max_size=80), texts(max_size=80), _date_soup)


def _aware_or_none(value: datetime | None) -> bool:
    return value is None or (value.tzinfo is not None and value.utcoffset() is not None)


@given(value=_any_text)
def test_find_date_returns_none_or_an_aware_datetime(value: str) -> None:
    assert _aware_or_none(find_date(value))
    assert _aware_or_none(find_date(value, now=LATER))


@given(value=_any_text, pos=st.integers(0, 90))
def test_match_date_returns_none_or_an_aware_datetime_and_its_end(value: str, pos: int) -> None:
    pos = min(pos, len(value))
    found = match_date(value, pos)
    if found is not None:
        moment, end = found
        assert _aware_or_none(moment)
        assert pos < end <= len(value)


@given(value=_any_text)
def test_read_iso_returns_none_or_an_aware_datetime(value: str) -> None:
    assert _aware_or_none(read_iso(value))


_offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
_moments = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 30)),
    _offsets | st.just(UTC),
)


@given(moment=_moments)
def test_iso_output_reads_back(moment: datetime) -> None:
    def same(got: datetime | None, want: datetime) -> bool:
        return got == want and got is not None and got.utcoffset() == want.utcoffset()

    assert same(read_iso(moment.isoformat()), moment)
    whole = moment.replace(microsecond=0)
    assert match_date(whole.isoformat()) == (whole, len(whole.isoformat()))
    assert same(match_date(whole.isoformat())[0], whole)  # type: ignore[index]
    offset = whole.utcoffset()
    assume(offset is not None and abs(offset) <= timedelta(hours=14))
    try:
        utc = whole.astimezone(UTC)
    except OverflowError:
        return
    assume(utc.year >= 1800 and utc.date().isoformat() not in ("1900-01-01", "1969-12-31", "1970-01-01", "1970-01-02"))
    assert same(find_date(whole.isoformat(), now=LATER), whole)


@given(day=st.dates(min_value=datetime(1800, 1, 2).date(), max_value=datetime(2200, 12, 31).date()), data=st.data())
def test_every_month_name_reads_in_both_orders(day: object, data: st.DataObject) -> None:
    assert isinstance(day, type(datetime(2000, 1, 1).date()))
    assume(day.isoformat() not in ("1900-01-01", "1969-12-31", "1970-01-01", "1970-01-02"))
    language = data.draw(st.sampled_from(sorted(MONTHS)))
    name = data.draw(st.sampled_from(MONTHS[language][day.month - 1]))
    name = data.draw(st.sampled_from([name, name.title(), name.upper()]))
    want = datetime(day.year, day.month, day.day, tzinfo=UTC)
    for text in (f"{day.day} {name} {day.year}", f"{name} {day.day}, {day.year}"):
        assert find_date(text, now=LATER) == want, text
        assert match_date(text) == (want, len(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23.07.2025", datetime(2025, 7, 23, tzinfo=timezone.utc)),  # day first, as Europe writes it
        ("Posted on the 15/12/2025 at 19:00 by", datetime(2025, 12, 15, 19, 0, tzinfo=timezone.utc)),
        ("2/24/2026", datetime(2026, 2, 24, tzinfo=timezone.utc)),  # only one reading is a date
        ("2019-02-23, 09:14 PM", datetime(2019, 2, 23, 21, 14, tzinfo=timezone.utc)),
    ],
)
def test_a_page_reads_numeric_dates_with_one_reading(text: str, expected: datetime) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize("text", ["3/4/2025", "v1.2.2025.3", "31.02.2025", "2019-01-22T13:16:36.69Z+00:00"])
def test_a_numeric_date_with_two_readings_or_none_is_not_read(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023 Jan 7", datetime(2023, 1, 7, tzinfo=timezone.utc)),  # citation metadata
        ("Accepted 2024 Jun 30; Collection date 2024 Jun.", datetime(2024, 6, 30, tzinfo=timezone.utc)),
        ("2019 Dec. 12 10:30 GMT", datetime(2019, 12, 12, 10, 30, tzinfo=timezone.utc)),
    ],
)
def test_a_page_reads_a_written_date_with_the_year_first(text: str, expected: datetime) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize("text", ["2023 Mar 15.5", "1,2023 Jan 7", "2023 Jan"])
def test_a_year_and_month_without_a_day_of_their_own_are_not_read(text: str) -> None:
    assert find_date(text) is None
