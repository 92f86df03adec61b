"""Metadata lines in plain text: bylines (``By Jane Doe``) and date lines.

A line is *metadata* only when all of it is: a byline, a date, or both
joined by a separator (``By Jane Doe | May 23, 2025``).  A line that merely
starts like one (``By the end of the year, ...``) is prose and stays in the
body.

Dates are read by :func:`articlekit._dates.match_date`, with an optional
label (``Published``, ``Posted on``, ``Updated:`` ...) before them: an
optional weekday, then

* ``May 23, 2025``, ``23 May 2025``, ``3. Juni 2025``, ``3 juin 2025`` (month
  names, full or short, in English, French, German, Spanish, Italian,
  Portuguese and Dutch: :data:`articlekit._dates.MONTHS`);
* ``2025-05-23`` (ISO 8601);
* ``23.05.2025`` (day first);
* ``05/23/2025`` or ``23/05/2025`` when only one reading is a valid date;

then an optional time (``10:30``, ``10:30 a.m.``, ``T10:30:00``) and an
optional zone (``Z``, ``UTC``, ``GMT``, ``+03:00``, ``UTC+3``, ``EST``, ``ET``
and the other abbreviations of :data:`articlekit._dates.ZONES`).

A byline is a label (``By``, ``Written by``, ``Author:`` ...) and a list of
names, read by :func:`articlekit._people.read_names`; a date may follow it
(``By Jane Doe, May 23, 2025``) or come first (``Posted on March 3, 2024 by
Jane Doe``).

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
from datetime import datetime

import attrs

from articlekit._dates import match_date
from articlekit._model import Person
from articlekit._people import byline_label, read_names

__all__ = ["MetaLine", "parse_date", "parse_meta_line"]

_LABEL = re.compile(
    r"(?:(first\s+)?published|posted|dated?|sent|issued|released|last\s+updated|updated|"
    r"last\s+modified|modified|revised)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_DATE_TRAILER = re.compile(r"[\s.,;)]*")


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
    found = match_date(text)
    if found is None:
        return None
    moment, end = found
    if _DATE_TRAILER.fullmatch(text, end) is None:
        return None
    return moment, modified


# --------------------------------------------------------------------------- bylines

_SEPARATORS = re.compile(r"\s+[|•·—–-]\s+|\s*[|•·]\s*")
_DATE_JOIN = re.compile(r",\s+|\s+on\s+|\s+at\s+|\s+-\s+")


@attrs.frozen
class MetaLine:
    """What one metadata line said: authors, credited organisations, dates."""

    authors: tuple[Person, ...] = ()
    credits: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None


def _names(text: str, *, handle: bool) -> tuple[list[Person], list[str]] | None:
    found = read_names(text, handle=handle)
    if found is None:
        return None
    people, credits = found
    return [Person(name, role=role) for name, role in people], credits


def _byline(text: str) -> MetaLine | None:
    end = byline_label(text)
    if end is None:
        return None
    rest = text[end:]
    handle = "posted" in text[:end].lower() or ":" in text[:end]
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
