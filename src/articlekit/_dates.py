"""Dates as articles write them: ISO 8601, RFC 2822 and written dates in several languages.

One reader per input shape; each returns a timezone-aware :class:`~datetime.datetime`
(a date without a zone is taken as UTC) or None, and none raises on any string:

* :func:`read_iso`: a whole value that is an ISO 8601 date or date-time, as front
  matter holds it (``2024-03-01``, ``2024-03-01T10:30:00+02:00``, ``...Z``, Jekyll's
  ``2015-11-10 21:17:43 +0100``);
* :func:`find_date`: the date somewhere in a short text, as a web page's metadata
  and visible dates hold it (``Published 11:26 pm EST, Tuesday, November 19,
  2019``).  Tried in this order: ISO 8601 (the whole value), RFC 2822 (``Tue, 19
  Nov 2019 13:03:00 GMT``), ``2019/11/19``, a written date with the month first
  (``Nov. 19, 2019``), a written date with the day first (``19 November 2019``,
  ``3. Juni 2025``), a written date with the year first (``2023 Jan 7``, as
  citation metadata writes it), an ISO date inside the text, ``23.07.2025`` (day first) or
  ``2/24/2026`` (only when one reading of the day and month is a date); then a
  time and a zone after the date (else before it).
  Relative dates, placeholders and dates in the future are rejected;
* :func:`match_date`: a date that starts at a given position, as a line of a
  plain-text dump holds it: an optional weekday, then ``May 23, 2025``, ``23 May
  2025``, ``3rd of June 2025``, ``2025-05-23``, ``23.05.2025`` or ``05/23/2025``
  (only when one reading of the day and month is a date), then an optional time
  and zone; it returns the date and where it ends.

Month names are data: :data:`MONTHS` holds one table per language (English,
French, German, Spanish, Italian, Portuguese, Dutch) and every written-date
reader knows all of them, compared case-insensitively.  Zone abbreviations are
data too: :data:`ZONES` (fixed offsets) and :data:`US_ZONES` (``ET``, ``CT``,
``MT``, ``PT``: standard or daylight time as the date falls).

Bounds: :func:`find_date` reads at most the first 200 characters of its value;
every pattern is matched or searched a fixed number of times, so each reader
runs in linear time on its input.

>>> find_date("3 juin 2025").isoformat(), find_date("3. Juni 2025 10:30 CEST").isoformat()
('2025-06-03T00:00:00+00:00', '2025-06-03T10:30:00+02:00')
>>> match_date("Monday, 3 June 2025, 07:00 GMT")[0].isoformat()
'2025-06-03T07:00:00+00:00'
>>> read_iso("2015-11-10 21:17:43 +0100").isoformat()
'2015-11-10T21:17:43+01:00'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from types import MappingProxyType
from typing import Final

from articlekit._textutil import clean_name

__all__ = [
    "FUTURE_TOLERANCE",
    "MONTHS",
    "US_ZONES",
    "WEEKDAYS",
    "ZONES",
    "aware",
    "find_date",
    "match_date",
    "read_iso",
]

# --------------------------------------------------------------------------- data

#: Month names per language, January first; each month lists its full name first,
#: then other spellings and abbreviations (compared case-insensitively, with or
#: without a final ``.``).
MONTHS: Final[Mapping[str, tuple[tuple[str, ...], ...]]] = MappingProxyType(
    {
        "en": (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        "fr": (
            ("janvier",), ("février", "fevrier"), ("mars",), ("avril",), ("mai",), ("juin",),
            ("juillet",), ("août", "aout"), ("septembre",), ("octobre",), ("novembre",),
            ("décembre", "decembre"),
        ),
        "de": (
            ("januar",), ("februar",), ("märz",), ("april",), ("mai",), ("juni",), ("juli",),
            ("august",), ("september",), ("oktober",), ("november",), ("dezember",),
        ),
        "es": (
            ("enero",), ("febrero",), ("marzo",), ("abril",), ("mayo",), ("junio",), ("julio",),
            ("agosto",), ("septiembre",), ("octubre",), ("noviembre",), ("diciembre",),
        ),
        "it": (
            ("gennaio",), ("febbraio",), ("marzo",), ("aprile",), ("maggio",), ("giugno",),
            ("luglio",), ("agosto",), ("settembre",), ("ottobre",), ("novembre",), ("dicembre",),
        ),
        "pt": (
            ("janeiro",), ("fevereiro",), ("março",), ("abril",), ("maio",), ("junho",),
            ("julho",), ("agosto",), ("setembro",), ("outubro",), ("novembro",), ("dezembro",),
        ),
        "nl": (
            ("januari",), ("februari",), ("maart",), ("april",), ("mei",), ("juni",), ("juli",),
            ("augustus",), ("september",), ("oktober",), ("november",), ("december",),
        ),
    }
)  # fmt: skip

#: Weekday names per language, Monday first, that may open a date line
#: (``Monday, 3 June 2025``, ``lundi 3 juin 2025``).  English also takes the
#: abbreviations ``Mon``, ``Tue``, ``Tues``, ``Wed``, ``Thu``, ``Thur``, ``Thurs`` ...
WEEKDAYS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
        "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
        "pt": (
            "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
            "sábado", "domingo",
        ),
        "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    }
)  # fmt: skip

#: Zone abbreviations with a fixed offset from UTC, in minutes (daylight-time names as such).
ZONES: Final[Mapping[str, int]] = MappingProxyType(
    {
        "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
        "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
        "PST": -480, "PDT": -420, "IST": 330, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
    }
)  # fmt: skip

#: US zones written without standard or daylight time: their standard offset in minutes
#: (one hour more in daylight saving time, as the date falls).
US_ZONES: Final[Mapping[str, int]] = MappingProxyType({"ET": -300, "CT": -360, "MT": -420, "PT": -480})

#: Dates further in the future than this (relative to *now*) are rejected by :func:`find_date`.
FUTURE_TOLERANCE: Final = timedelta(days=2)


def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for language, months in MONTHS.items():
        assert len(months) == 12, language
        for number, names in enumerate(months, start=1):
            for name in names:
                assert numbers.setdefault(name, number) == number, (language, name)
    return numbers


_MONTH_NUMBER: Final = _month_numbers()
#: Any month name (longest first, so that ``sept`` is not read as ``sep``).
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTH_NUMBER), key=len, reverse=True)) + ")"


def _month(name: str) -> int:
    return _MONTH_NUMBER[name.casefold().rstrip(".")]


_ZONE_BY_LOWER: Final = {name.lower(): minutes for name, minutes in ZONES.items()}
_US_ZONE_BY_LOWER: Final = {name.lower(): minutes for name, minutes in US_ZONES.items()}


def _zone_minutes(name: str, local: datetime) -> int | None:
    """The offset of the zone abbreviation *name* (any case) at the wall time *local*."""
    low = name.lower()
    fixed = _ZONE_BY_LOWER.get(low)
    if fixed is not None:
        return fixed
    us = _US_ZONE_BY_LOWER.get(low)
    if us is None:
        return None
    return us + (60 if _us_daylight_time(local) else 0)


def _us_daylight_time(local: datetime) -> bool:
    """US daylight saving time (since 2007): second Sunday of March to first Sunday of November, 2 am."""
    march = datetime(local.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7, hours=2)
    november = datetime(local.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7, hours=2)
    return start <= local.replace(tzinfo=None) < end


def _meridiem(hour: int, mark: str | None) -> int:
    """*hour* on the 24-hour clock, given ``a``/``am``/``a.m.`` or ``p``/``pm``/``p.m.`` (or nothing)."""
    mark = (mark or "").replace(".", "").lower()[:1]
    if mark == "p" and hour < 12:
        return hour + 12
    if mark == "a" and hour == 12:
        return 0
    return hour


# --------------------------------------------------------------------------- whole ISO values

_JEKYLL_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def aware(moment: datetime) -> datetime:
    """*moment* itself when it has a zone, else the same wall time in UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def read_iso(text: str) -> datetime | None:
    """The ISO 8601 date or date-time that *text* is, as a whole (white space around it aside).

    A bare date is midnight UTC; a date-time without an offset is taken as UTC.
    Also read: a final ``Z`` and Jekyll's ``2015-11-10 21:17:43 +0100``.

    >>> read_iso("2024-03-01")
    datetime.datetime(2024, 3, 1, 0, 0, tzinfo=datetime.timezone.utc)
    >>> read_iso("2024-03-01T10:30:00+02:00").isoformat()
    '2024-03-01T10:30:00+02:00'
    >>> read_iso("yesterday") is None, read_iso("2024-03-01 and more") is None
    (True, True)
    """
    text = text.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        return aware(datetime.fromisoformat(text))
    except ValueError:
        pass  # not a date and time: try a date alone, then the Jekyll forms
    try:
        return aware(datetime.combine(date.fromisoformat(text), time()))
    except ValueError:
        pass  # not a date alone either: try the Jekyll forms
    for fmt in _JEKYLL_FORMATS:
        parsed = _strptime(text, fmt)
        if parsed is not None:
            return aware(parsed)
    return None


def _strptime(text: str, fmt: str) -> datetime | None:
    try:
        return datetime.strptime(text, fmt)
    except ValueError:
        return None


# --------------------------------------------------------------------------- a date in a page's value

_ISO = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ]?(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d{1,9})?)?)?"
    r"\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$"
)
_SLASHED = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_ISO_DAY = re.compile(r"(?<![\d./-])(\d{4})-(\d{2})-(\d{2})(?![\d./-]|T\d)")
_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d./-])")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
#: ``November 19, 2019``, ``Nov. 19th 2019``: month, day, year.
_MONTH_DAY_YEAR = rf"({_MONTH})\.?\s+{_DAY},?\s+(\d{{4}})"
#: ``19 November 2019``, ``3. Juni 2025``, ``3rd of June, 2025``: day, month, year.
_DAY_MONTH_YEAR = rf"{_DAY}\.?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})"
_MONTH_FIRST = re.compile(rf"\b{_MONTH_DAY_YEAR}\b", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"\b{_DAY_MONTH_YEAR}\b", re.IGNORECASE)
#: ``2023 Jan 7``, as library catalogues and citation metadata write it: year, month, day.
_YEAR_FIRST = re.compile(rf"(?<![\d.,/-])(\d{{4}})\s+({_MONTH})\.?\s+{_DAY}\b(?![.,]?\d)", re.IGNORECASE)
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.IGNORECASE)
_OFFSET_AT_END = re.compile(r"(?:\b(?:UTC|GMT)\s*([+-]\d{1,2}(?::?\d{2})?)?|([+-]\d{2}:?\d{2}))\s*$")
_ZONE_WORD = re.compile(r"\b(" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b")
_US_ZONE = re.compile(r"\b(" + "|".join(US_ZONES) + r")\b")
_RELATIVE = re.compile(
    r"\b(?:ago|yesterday|today|just now|vor \d|il y a|hace \d|gestern|heute|hier|ayer|hoy)\b",
    re.IGNORECASE,
)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _offset(text: str | None) -> timezone:
    """The zone of an ISO or ``UTC+3`` offset (``Z``, ``UTC``, ``GMT`` or none: UTC); at most 14 hours."""
    if not text or text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2]) if len(digits) >= 2 else int(digits or 0)
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 14 or minutes > 59:
        raise ValueError("offset out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def find_date(value: str, *, now: datetime | None = None) -> datetime | None:
    """The date in *value*, a short text such as a page's metadata value or visible date line.

    Read as the module docstring says.  A date without a zone is taken as UTC.
    Rejected (None): relative dates (``"1 day ago"``), placeholders (years
    before 1800, 1900-01-01, the Unix epoch 1970-01-01 in any zone) and dates
    more than :data:`FUTURE_TOLERANCE` after *now* (default: the current time).

    >>> find_date("2023-01-15T10:30:00+01:00").isoformat()
    '2023-01-15T10:30:00+01:00'
    >>> find_date("Jan. 5, 2021").isoformat()
    '2021-01-05T00:00:00+00:00'
    >>> find_date("0001-01-01T00:00:00Z") is None, find_date("3 hours ago") is None
    (True, True)
    """
    text = clean_name(value[:200]) if isinstance(value, str) else ""
    if not text or _RELATIVE.search(text):
        return None
    try:
        result = _find_date(text)
    except (ValueError, OverflowError, TypeError, IndexError):
        return None
    if result is None:
        return None
    try:
        utc = result.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None
    if utc.year < 1800 or (utc.year == 1900 and utc.month == 1 and utc.day == 1):
        return None
    if abs(utc - _EPOCH) < timedelta(days=1):
        return None
    current = now or datetime.now(timezone.utc)
    if utc - FUTURE_TOLERANCE > current:  # (not current + ...: no overflow for any *now*)
        return None
    return result


def _numeric_date(text: str) -> tuple[re.Match[str] | None, tuple[int, int, int] | None]:
    """An ISO date inside a text (``2019-02-23, 09:14 PM``), else a day-first dotted date
    (``23.07.2025``), else a slashed date with one reading only (``2/24/2026``, ``15/12/2025``;
    ``3/4/2025`` is either, so none)."""
    found = _ISO_DAY.search(text)
    if found:
        return found, (int(found.group(1)), int(found.group(2)), int(found.group(3)))
    found = _NUMERIC.search(text)
    if found is None:
        return None, None
    first, second, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
    if found.group(2) == ".":
        return found, (year, second, first)
    dm, md = _day(year, second, first), _day(year, first, second)
    if dm is not None and md is not None and dm != md:
        return found, None
    if dm is None and md is None:
        return found, None
    return found, (year, first, second) if md is not None else (year, second, first)


def _find_date(text: str) -> datetime | None:
    m = _ISO.match(text)
    if m:
        year, month, day, hh, mm, ss, zone = m.groups()
        return datetime(
            int(year), int(month), int(day), int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=_offset(zone)
        )
    if text[:1].isalpha() and "," in text[:5]:
        try:
            rfc = parsedate_to_datetime(text)
        except (ValueError, TypeError, IndexError):
            rfc = None
        if rfc is not None:
            return aware(rfc)
    year = month = day = 0
    found = _SLASHED.search(text)
    if found:
        year, month, day = int(found.group(1)), int(found.group(2)), int(found.group(3))
    else:
        found = _MONTH_FIRST.search(text)
        if found:
            year, month, day = int(found.group(3)), _month(found.group(1)), int(found.group(2))
        else:
            found = _DAY_FIRST.search(text)
            if found:
                year, month, day = int(found.group(3)), _month(found.group(2)), int(found.group(1))
            else:
                found = _YEAR_FIRST.search(text)
                if found:
                    year, month, day = int(found.group(1)), _month(found.group(2)), int(found.group(3))
    if found is None:
        found, numeric = _numeric_date(text)
        if found is None or numeric is None:
            return None
        year, month, day = numeric
    rest = text[found.end() :]
    hour = minute = second = 0
    clock = _CLOCK.search(rest)
    if clock is None:
        # "Published 11:26 pm EST, Tuesday, November 19, 2019": the time comes first.
        before = text[: found.start()]
        clock = _CLOCK.search(before)
        if clock is not None:
            rest = before[clock.start() :]
    if clock:
        hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        hour = _meridiem(hour, clock.group(4))
    tz = timezone.utc
    offset = _OFFSET_AT_END.search(rest)
    if offset and (offset.group(1) or offset.group(2)):
        tz = _offset(offset.group(1) or offset.group(2))
    else:
        word = _ZONE_WORD.search(rest) or _US_ZONE.search(rest)
        if word:
            minutes = _zone_minutes(word.group(1), datetime(year, month, day, hour, minute, second))
            tz = timezone(timedelta(minutes=minutes or 0))
    return datetime(year, month, day, hour, minute, second, tzinfo=tz)


# --------------------------------------------------------------------------- a date at a position

_WEEKDAY = re.compile(
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?|"
    + "|".join(sorted({d for days in WEEKDAYS.values() for d in days}, key=len, reverse=True))
    + r")\.?,?\s+",
    re.IGNORECASE,
)
_LINE_FORMS = (
    ("mdy", re.compile(_MONTH_DAY_YEAR, re.IGNORECASE)),
    ("dmy", re.compile(_DAY_MONTH_YEAR, re.IGNORECASE)),
    ("iso", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("dot", re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")),
    ("slash", re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")),
)
_LINE_TIME = re.compile(
    r"(?:T|,?\s+(?:at\s+)?|\s*[|·•]\s*|\s+[-–—]\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?"
    r"(?:\s*([ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_LINE_ZONE = re.compile(
    r"\s*\(?(?:(utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?|([a-z]{1,4})\b)\)?", re.IGNORECASE
)


def _day(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:
        return None


def match_date(text: str, pos: int = 0) -> tuple[datetime, int] | None:
    """The date that starts at *pos* in *text* and where it ends, or None.

    Read as the module docstring says; what follows the date is not looked at.
    A zone is an offset (``+03:00``, ``UTC+3``: at most 23:59) or an abbreviation
    of :data:`ZONES` or :data:`US_ZONES` in any case; without one, UTC.

    >>> match_date("May 23, 2025 10:30 a.m. EDT, Washington")
    (datetime.datetime(2025, 5, 23, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=72000))), 27)
    >>> match_date("3 juin 2025")[0].date().isoformat(), match_date("05/06/2025") is None
    ('2025-06-03', True)
    """
    weekday = _WEEKDAY.match(text, pos)
    if weekday:
        pos = weekday.end()
    for form, pattern in _LINE_FORMS:
        m = pattern.match(text, pos)
        if not m:
            continue
        a, b, c = m.groups()
        if form == "mdy":
            day = _day(int(c), _month(a), int(b))
        elif form == "dmy":
            day = _day(int(c), _month(b), int(a))
        elif form == "iso":
            day = _day(int(a), int(b), int(c))
        elif form == "dot":
            day = _day(int(c), int(b), int(a))
        else:
            first, second = int(a), int(b)
            dm, md = _day(int(c), second, first), _day(int(c), first, second)
            day = dm if md is None else md if dm is None or dm == md else None
        if day is None:
            return None
        return _line_time(text, m.end(), day)
    return None


def _line_time(text: str, pos: int, day: datetime) -> tuple[datetime, int]:
    m = _LINE_TIME.match(text, pos)
    if not m:
        return _line_zone(text, pos, day)
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4) and 1 <= hour <= 12:
        hour = hour % 12 + (12 if m.group(4).lower() == "p" else 0)
    try:
        timed = day.replace(hour=hour, minute=minute, second=second)
    except ValueError:
        return day, pos
    return _line_zone(text, m.end(), timed)


def _line_zone(text: str, pos: int, moment: datetime) -> tuple[datetime, int]:
    m = _LINE_ZONE.match(text, pos)
    if not m:
        return moment, pos
    if m.group(2):
        hours, minutes = int(m.group(3)), int(m.group(4) or 0)
        if hours > 23 or minutes > 59:
            return moment, pos
        offset = timedelta(hours=hours, minutes=minutes)
        zone = timezone(offset if m.group(2) == "+" else -offset)
    else:
        found = _zone_minutes(m.group(5), moment) if m.group(5) else None
        if found is None:
            return moment, pos
        zone = timezone(timedelta(minutes=found))
    return moment.replace(tzinfo=zone), m.end()
