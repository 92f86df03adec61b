"""Quote tables: one row per quote, as CSV (:func:`to_quotes_csv`) or JSON Lines (:func:`to_quotes_jsonl`).

The columns (:data:`QUOTE_COLUMNS`), in order:

``index``
    the quote's position in :attr:`Article.quotes` (0-based);
``text``, ``kind``, ``speaker``, ``role``
    the quote, its kind, and its speaker's name and role;
``speaker_mention``
    the words that name the speaker where the quote is attributed, as the
    text writes them (``He``, ``the spokesperson``), that is
    ``article.text[start:end]`` for the quote's :attr:`~articlekit.Quote.speaker_span`;
    missing when the quote has no ``speaker_span``;
``cue``
    the speech cue;
``start``, ``end``
    its span in :attr:`Article.text` (``article.text[start:end] == text``);
``article_url``, ``article_title``
    the article's canonical URL (its ``url`` when it has none) and title.

A missing value is an empty CSV cell and a JSON ``null``.  CSV is safe to open
in a spreadsheet by default (:func:`excel_cell`): a cell that would run as a
formula gets a leading ``'``; pass ``excel_safe=False`` for the text exactly as
it is (for programs, not spreadsheets).  To tabulate a
corpus, concatenate: ``"".join(to_quotes_csv(a, header=(i == 0)) for i, a in
enumerate(articles))``; :func:`quote_rows` gives the rows as dicts (for
``pandas.DataFrame``).

>>> from articlekit import Article, Paragraph, Quote, Speaker, Text, to_quotes_csv
>>> a = Article(title="T", body=[Paragraph([Text('He said "yes".')])])
>>> q = Quote("yes", "direct", (12, 15), Speaker("Jane Doe"), "said", speaker_span=(3, 5))
>>> a = Article(title="T", body=a.body, quotes=[q])
>>> print(to_quotes_csv(a), end="")
index,text,kind,speaker,role,speaker_mention,cue,start,end,article_url,article_title
0,yes,direct,Jane Doe,,He,said,12,15,,T
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from articlekit._errors import ValidationError
from articlekit._model import Article

__all__ = ["QUOTE_COLUMNS", "excel_cell", "quote_rows", "to_quotes_csv", "to_quotes_jsonl"]

#: The columns of a quote table, in order.
QUOTE_COLUMNS: tuple[str, ...] = (
    "index",
    "text",
    "kind",
    "speaker",
    "role",
    "speaker_mention",
    "cue",
    "start",
    "end",
    "article_url",
    "article_title",
)

# A formula starts a cell, or starts again after a separator: a spreadsheet in a locale whose
# list separator is ";" (most of Europe) splits an unquoted line on ";", so "a;=cmd()" in one
# comma-separated cell is two cells there, and the second is a formula.  Same for tab-separated.
_FORMULA = re.compile(r"(^\s*|[;,\t\r\n]\s*)([=+\-@\t\r]|\uff1d|\uff0b|\uff0d|\uff20)")


def excel_cell(value: object) -> str:
    """*value* as a CSV cell that no spreadsheet runs as a formula.

    A text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or
    their full-width forms) -- at its start, or after a ``,``, ``;``, tab or line break,
    where a spreadsheet using another list separator starts a new cell -- gets a ``'``
    before that character, as OWASP advises.  Numbers are left as they are.

    >>> excel_cell('=HYPERLINK("http://x.example","click")'), excel_cell("a;=1+1"), excel_cell(-3)
    ('\\'=HYPERLINK("http://x.example","click")', "a;'=1+1", '-3')
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return _FORMULA.sub(lambda m: m.group(1) + "'" + m.group(2), value)


def quote_rows(article: Article) -> list[dict[str, Any]]:
    """The quotes of *article* as rows: dicts with the keys of :data:`QUOTE_COLUMNS`.

    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`.
    """
    if not isinstance(article, Article):
        raise ValidationError(f"quote tables take an Article, got {type(article).__name__}")
    url = article.canonical_url if article.canonical_url is not None else article.url
    text = article.text if article.quotes else ""
    return [
        {
            "index": i,
            "text": q.text,
            "kind": q.kind,
            "speaker": None if q.speaker is None else q.speaker.name,
            "role": None if q.speaker is None else q.speaker.role,
            "speaker_mention": None if q.speaker_span is None else text[slice(*q.speaker_span)],
            "cue": q.cue,
            "start": q.span[0],
            "end": q.span[1],
            "article_url": url,
            "article_title": article.title,
        }
        for i, q in enumerate(article.quotes)
    ]


def _cell(value: object, excel_safe: bool) -> str:
    if excel_safe:
        return excel_cell(value)
    return "" if value is None else str(value)


def to_quotes_csv(article: Article, *, header: bool = True, excel_safe: bool = True) -> str:
    """The quotes of *article* as CSV (RFC 4180: comma, ``"`` quoting, CRLF line ends).

    :param header: start with the header row (:data:`QUOTE_COLUMNS`).
    :param excel_safe: (the default) make every text cell safe to open in a
        spreadsheet (:func:`excel_cell`): a ``'`` goes before a ``=``, ``+``,
        ``-``, ``@``, tab or CR that starts the cell or follows a ``,``, ``;``,
        tab or line break, where a spreadsheet in another locale would start a
        formula.  Pass ``False`` for the text exactly as it is, for programs
        that read the file (never for files people open in Excel or LibreOffice).
    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`, or an
        option is not a bool.
    """
    for name, flag in (("header", header), ("excel_safe", excel_safe)):
        if not isinstance(flag, bool):
            raise ValidationError(f"to_quotes_csv(): {name} must be True or False, got {flag!r:.40}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header:
        writer.writerow(QUOTE_COLUMNS)
    for row in quote_rows(article):
        writer.writerow([_cell(row[c], excel_safe) for c in QUOTE_COLUMNS])
    return buffer.getvalue()


def to_quotes_jsonl(article: Article) -> str:
    """The quotes of *article* as JSON Lines: one JSON object per quote, each line ending in ``\\n``.

    :raises ValidationError: if *article* is not an :class:`~articlekit.Article`.
    """
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in quote_rows(article))
