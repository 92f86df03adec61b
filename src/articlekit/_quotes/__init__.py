"""Quotations and who said them: :func:`extract_quotes`.

The extractor runs in stages, one module each:

1. :mod:`~articlekit._quotes._marks` finds the quotations by their quote marks,
   in a single left-to-right scan (apostrophes told apart, nesting and
   quotations over several paragraphs understood, spans bounded);
2. :mod:`~articlekit._quotes._text` cuts lines into words and sentences;
3. :mod:`~articlekit._quotes._cues` holds the cue lexicon (data files under
   ``cues/``), and :mod:`~articlekit._quotes._speakers` reads speakers (names,
   roles, titles, particles, organisations) and resolves later mentions and
   pronouns;
4. :mod:`~articlekit._quotes._attribute` attributes each quotation, on the state of
   :mod:`~articlekit._quotes._state`, with the kind rules of :mod:`~articlekit._quotes._kinds`,
   and :mod:`~articlekit._quotes._reported` reads reported speech (the clause readers are
   :mod:`~articlekit._quotes._indirect`), by the named rules of
   :mod:`~articlekit._quotes._rules` (each can be switched off).

>>> from articlekit import Article, Paragraph, Text
>>> from articlekit._quotes import extract_quotes
>>> article = Article(body=[Paragraph([Text("“We are waiting,” said Kremlin spokesperson Dmitry Peskov.")])])
>>> [(q.text, q.kind, q.speaker, q.cue) for q in extract_quotes(article)]
[('We are waiting', 'direct', Speaker(name='Dmitry Peskov', role='Kremlin spokesperson'), 'said')]
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from articlekit._errors import ValidationError
from articlekit._limits import Limits
from articlekit._model import Article, Quote
from articlekit._quotes._attribute import attribute
from articlekit._quotes._cues import CUE_TYPES, load_lexicon
from articlekit._quotes._rules import RULE_NAMES

__all__ = ["extract_quotes", "extract_quotes_and_cut"]


def _lines(article: Article, text: str) -> Iterator[tuple[int, int, bool]]:
    """The non-empty lines of *text*: ``(start, end, is_title)``, made as they are read."""
    title_end = len(article.title) if article.title else 0
    pos = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        if end > pos:
            yield pos, end, pos < title_end
        pos = end + 1


def extract_quotes(
    article: Article,
    *,
    limits: Limits | None = None,
    reported: Collection[str] = ("speech",),
    disabled: frozenset[str] = frozenset(),
) -> tuple[Quote, ...]:
    """Find the quotations in *article* and who said them.

    Returns the quotes in text order (an enclosing indirect quotation before
    the quotations nested in it).  Each quote's ``span`` indexes
    :attr:`Article.text`: ``article.text[start:end] == quote.text``.  Kinds:
    ``direct`` and ``partial`` quotations in quote marks, ``headline``
    quotations in the title, ``indirect`` (reported) speech, and ``scare``
    quotes that nobody is said to have said (their speaker is None).

    Reported speech is read only from speech cues (*say, tell, announce,
    according to*) unless *reported* names more cue types: ``"belief"``
    (*believe, think, expect*), ``"intention"`` (*plan, want, hope*) and
    ``"other"`` (stance and action verbs: *support, decline, vote*); what such
    a cue reports is not speech, but is returned as ``indirect`` when asked
    for.  A quotation in marks is attributed whatever its cue's type.

    A quotation longer than ``limits.max_quote_chars`` is not considered, and
    at most ``limits.max_quotes`` quotes are returned, the first in the text
    (with ``limits.strict``, :class:`~articlekit.ResourceLimitError` is raised
    instead of skipping or cutting; parsers record either in ``warnings``).  Anything but an Article (or a Limits) raises
    :class:`~articlekit.ValidationError`.
    The cue lexicon is chosen by ``article.language`` (English when there is
    no lexicon for it).

    *disabled* names attribution rules to switch off (for measuring what each
    brings; see ``articlekit/_quotes/_rules.py``); an unknown name raises
    :class:`~articlekit.ValidationError`.
    """
    if not isinstance(article, Article):
        raise ValidationError(f"extract_quotes: expected an Article, got {type(article).__name__}")
    if not isinstance(disabled, frozenset) or not disabled <= RULE_NAMES:
        raise ValidationError(
            f"extract_quotes: disabled must be a frozenset of rule names, got {disabled!r}"
        )
    if isinstance(reported, str) or not isinstance(reported, Collection) or not all(t in CUE_TYPES for t in reported):
        raise ValidationError(
            f"extract_quotes: reported must be a collection of cue types {CUE_TYPES}, got {reported!r}"
        )
    if limits is None:
        limits = Limits()
    elif not isinstance(limits, Limits):
        raise ValidationError(
            f"extract_quotes: limits must be a Limits, got {type(limits).__name__}"
        )
    return extract_quotes_and_cut(article, limits=limits, reported=reported, disabled=disabled)[0]


def extract_quotes_and_cut(
    article: Article,
    *,
    limits: Limits,
    reported: Collection[str] = ("speech",),
    disabled: frozenset[str] = frozenset(),
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """:func:`extract_quotes`, and the warnings to record: quotations skipped for
    ``limits.max_quote_chars``, and the list cut at ``limits.max_quotes``."""
    text = article.text
    if not text:
        return (), ()
    language = (article.language or "en").split("-")[0].lower()
    try:
        lex = load_lexicon(language)
    except (FileNotFoundError, OSError):
        lex = load_lexicon("en")
    quotes, truncated, overlong = attribute(
        text, _lines(article, text), lex, limits, frozenset(reported), disabled
    )
    messages: list[str] = []
    if overlong:
        message = (
            f"{overlong:,} quotation{'s' if overlong > 1 else ''} longer than {limits.max_quote_chars:,} "
            "characters (Limits.max_quote_chars) not extracted"
        )
        limits.refuse(message)
        messages.append(message)
    if truncated:
        message = f"more than {limits.max_quotes:,} quotes (Limits.max_quotes): kept the first {len(quotes):,}"
        limits.refuse(message)
        messages.append(message)
    return tuple(quotes), tuple(messages)
