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
from articlekit._textutil import clean_name

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
