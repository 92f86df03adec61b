"""Metadata lines in plain text: bylines (``By Jane Doe``) and date lines.

A line is *metadata* only when all of it is: a byline, a date, or both
joined by a separator (``By Jane Doe | May 23, 2025``).  A line that merely
starts like one (``By the end of the year, ...``) is prose and stays in the
body.

Dates are read in these forms, with an optional weekday, an optional label
(``Published``, ``Posted on``, ``Updated:`` ...), an optional time (``10:30``,
``10:30 a.m.``, ``T10:30:00``) and an optional zone (``Z``, ``UTC``, ``GMT``,
``+03:00``, ``UTC+3``, ``EST`` and a few other common abbreviations):

* ``May 23, 2025`` and ``23 May 2025`` (English month names, full or short);
* ``2025-05-23`` (ISO 8601);
* ``23.05.2025`` (day first);
* ``05/23/2025`` or ``23/05/2025`` when only one reading is a valid date.

A date without a zone is taken as UTC (the model holds only aware datetimes).
A label starting with ``Updated`` or ``Modified`` makes it the modification
date; any other, the publication date.

>>> line = parse_meta_line("By Jane Doe and John Smith | Updated May 23, 2025 10:30 a.m. EDT")
>>> [p.name for p in line.authors], line.modified.isoformat()
(['Jane Doe', 'John Smith'], '2025-05-23T10:30:00-04:00')
>>> parse_meta_line("By the end of the year, prices rose.") is None
True
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import attrs

from articlekit._model import Person
from articlekit._textutil import clean_name

__all__ = ["MetaLine", "parse_date", "parse_meta_line"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ZONES = {
    "z": 0, "utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
}  # fmt: skip

_WEEKDAY = re.compile(
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+",
    re.IGNORECASE,
)
_DATE_FORMS = (
    ("mdy", re.compile(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)),
    ("dmy", re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})", re.IGNORECASE)),
    ("iso", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("dot", re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")),
    ("slash", re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")),
)
_TIME = re.compile(
    r"(?:T|,?\s+(?:at\s+)?|\s*[|·•]\s*|\s+[-–—]\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?"
    r"(?:\s*([ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_ZONE = re.compile(
    r"\s*\(?(?:(utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?|([a-z]{1,4})\b)\)?", re.IGNORECASE
)
_LABEL = re.compile(
    r"(?:(first\s+)?published|posted|dated?|sent|issued|released|last\s+updated|updated|"
    r"last\s+modified|modified|revised)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_DATE_TRAILER = re.compile(r"[\s.,;)]*")


def _build(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:
        return None


def _read_date(text: str) -> tuple[datetime, int] | None:
    """A date at the start of *text* and where it ends, or None."""
    pos = 0
    weekday = _WEEKDAY.match(text)
    if weekday:
        pos = weekday.end()
    for form, pattern in _DATE_FORMS:
        m = pattern.match(text, pos)
        if not m:
            continue
        a, b, c = m.groups()
        if form == "mdy":
            day = _build(int(c), _MONTHS[a.lower().rstrip(".")], int(b))
        elif form == "dmy":
            day = _build(int(c), _MONTHS[b.lower().rstrip(".")], int(a))
        elif form == "iso":
            day = _build(int(a), int(b), int(c))
        elif form == "dot":
            day = _build(int(c), int(b), int(a))
        else:
            first, second = int(a), int(b)
            dm, md = _build(int(c), second, first), _build(int(c), first, second)
            day = dm if md is None else md if dm is None or dm == md else None
        if day is None:
            return None
        return _read_time(text, m.end(), day)
    return None


def _read_time(text: str, pos: int, day: datetime) -> tuple[datetime, int]:
    m = _TIME.match(text, pos)
    if not m:
        return _read_zone(text, pos, day)
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    ampm = (m.group(4) or "").lower()
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    try:
        timed = day.replace(hour=hour, minute=minute, second=second)
    except ValueError:
        return day, pos
    return _read_zone(text, m.end(), timed)


def _read_zone(text: str, pos: int, moment: datetime) -> tuple[datetime, int]:
    m = _ZONE.match(text, pos)
    if not m:
        return moment, pos
    if m.group(2):
        hours, minutes = int(m.group(3)), int(m.group(4) or 0)
        if hours > 23 or minutes > 59:
            return moment, pos
        offset = timedelta(hours=hours, minutes=minutes)
        zone = timezone(offset if m.group(2) == "+" else -offset)
    elif m.group(5) and m.group(5).lower() in _ZONES:
        zone = timezone(timedelta(hours=_ZONES[m.group(5).lower()]))
    else:
        return moment, pos
    return moment.replace(tzinfo=zone), m.end()


def parse_date(text: str) -> tuple[datetime, bool] | None:
    """Read *text* as a date line: the date and whether it is a modification date.

    The whole line must be the date (with its optional label, weekday, time
    and zone); otherwise None.

    >>> parse_date("Published: Monday, 3 June 2025, 07:00 GMT")[0].isoformat()
    '2025-06-03T07:00:00+00:00'
    >>> parse_date("2025-05-23T10:30:00+03:00")[0].isoformat()
    '2025-05-23T10:30:00+03:00'
    >>> parse_date("On May 23, 2025 the talks ended.") is None
    True
    """
    text = text.strip()
    if len(text) > 80:
        return None
    modified = False
    label = _LABEL.match(text)
    if label:
        modified = bool(re.match(r"(?:last\s+)?(?:updated|modified|revised)", label.group(0), re.IGNORECASE))
        text = text[label.end() :]
    found = _read_date(text)
    if found is None:
        return None
    moment, end = found
    if _DATE_TRAILER.fullmatch(text, end) is None:
        return None
    return moment, modified


# --------------------------------------------------------------------------- bylines

_BYLINE = re.compile(
    r"(?:by|written\s+by|posted\s+by|reported\s+by|reporting\s+by|words\s+by|story\s+by|"
    r"text\s+by|interview\s+by|von|par|por)\s+(?=\S)|(?:authors?|author\(s\)|byline)\s*:\s*",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+[|•·—–-]\s+|\s*[|•·]\s*")
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*")
_DATE_JOIN = re.compile(r",\s+|\s+on\s+|\s+at\s+|\s+-\s+")
_PARTICLES = frozenset(
    ["de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "des", "bin", "binti", "al", "el", "y", "e", "dos", "das", "do", "ter", "ten", "zu", "af", "av"]
)
_ROLE_WORDS = frozenset(
    ["reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "writer", "writers", "staff", "contributor", "contributors", "columnist", "journalist", "journalists", "producer", "analyst", "bureau", "chief", "desk", "team", "newsroom"]
)
_AGENCIES = frozenset(
    ["reuters", "ap", "afp", "associated press", "agence france-presse", "bloomberg", "dpa", "pa", "pa media", "press association", "ansa", "efe", "xinhua", "tass", "interfax", "upi", "cnn", "bbc", "ria novosti", "kyodo", "anadolu", "yonhap", "the associated press", "staff"]
)
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_EMAIL = re.compile(r"\s*<[^<>\s]{1,200}>\s*$")


@attrs.frozen
class MetaLine:
    """What one metadata line said: authors, credited organisations, dates."""

    authors: tuple[Person, ...] = ()
    credits: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None


def _is_name(item: str, *, handle: bool) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 5 or len(item) > 80:
        return False
    if handle and len(words) == 1 and re.fullmatch(r"[\w.@-]{1,40}", item):
        return True
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _names(text: str, *, handle: bool) -> tuple[list[Person], list[str]] | None:
    people: list[Person] = []
    credits: list[str] = []
    for raw in _NAME_SPLIT.split(text.strip()):
        item = clean_name(_EMAIL.sub("", raw))
        if not item:
            continue
        low = item.casefold()
        if low in _AGENCIES:
            credits.append(item)
        elif people and any(w in _ROLE_WORDS for w in low.split()) and _is_name(item, handle=False):
            if people[-1].role is None:
                people[-1] = Person(people[-1].name, role=item)
            else:
                credits.append(item)
        elif _is_name(item, handle=handle):
            if item.isupper() and len(item) > 3:
                item = item.title()
            people.append(Person(item))
        else:
            return None
    if not people and not credits:
        return None
    return people, credits


def _byline(text: str) -> MetaLine | None:
    m = _BYLINE.match(text)
    if not m:
        return None
    rest = text[m.end() :]
    handle = "posted" in m.group(0).lower() or ":" in m.group(0)
    # A date may follow the names: "By Jane Doe, May 23, 2025", "Posted by jdoe on 12 March 2024".
    for join in _DATE_JOIN.finditer(rest):
        date = parse_date(rest[join.end() :])
        if date is not None:
            found = _names(rest[: join.start()], handle=handle)
            if found is None:
                return None
            moment, modified = date
            return MetaLine(
                tuple(found[0]),
                tuple(found[1]),
                None if modified else moment,
                moment if modified else None,
            )
    found = _names(rest, handle=handle)
    if found is None:
        return None
    return MetaLine(tuple(found[0]), tuple(found[1]))


_BY_AFTER_DATE = re.compile(r"\s+by\s+", re.IGNORECASE)


def _dated_byline(text: str) -> MetaLine | None:
    """A date, then the names: ``Posted on March 3, 2024 by Jane Doe``."""
    m = _BY_AFTER_DATE.search(text)
    if m is None:
        return None
    date = parse_date(text[: m.start()])
    found = _names(text[m.end() :], handle=True)
    if date is None or found is None:
        return None
    moment, modified = date
    return MetaLine(tuple(found[0]), tuple(found[1]), None if modified else moment, moment if modified else None)


def parse_meta_line(line: str) -> MetaLine | None:
    """Read *line* as a byline, a date line or both; None when it is anything else."""
    line = line.strip()
    if not line or len(line) > 200:
        return None
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    authors: list[Person] = []
    credits: list[str] = []
    published: datetime | None = None
    modified: datetime | None = None
    for i, part in enumerate(parts):
        date = parse_date(part)
        if date is not None:
            moment, is_mod = date
            if is_mod:
                modified = modified or moment
            else:
                published = published or moment
            continue
        by = _byline(part) or _dated_byline(part)
        if by is not None:
            authors.extend(by.authors)
            credits.extend(by.credits)
            published = published or by.published
            modified = modified or by.modified
            continue
        # After a byline, a bare organisation or role: "By Jane Doe | Reuters".
        if i > 0 and (authors or credits):
            extra = _names(part, handle=False)
            if extra is not None and not extra[0]:
                credits.extend(extra[1])
                continue
        return None
    return MetaLine(tuple(authors), tuple(credits), published, modified)
