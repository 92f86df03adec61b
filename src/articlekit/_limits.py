"""Per-call limits that keep parsing bounded in time and memory.

Every parser takes ``limits=`` (a :class:`Limits`); the defaults are safe for
untrusted input.  There are no global settings: pass a different ``Limits`` to
one call to change its bounds.

A limit is honoured in one of two ways, both decided here and nowhere else:

1. a value over its limit (a title, a name, a list of authors or tags) goes
   through :meth:`Limits.cut`: it is cut, with a warning, or, with
   ``strict=True``, :class:`~articlekit.ResourceLimitError` is raised naming
   the limit;
2. any other limit that is hit while parsing goes on (content nested deeper than
   ``max_depth`` flattened, a Markdown block tokenized in pieces) goes through
   :meth:`Limits.exceeded`: a warning, or the error under ``strict``.

Limits that are never worked around (``max_bytes``, the front matter's size and
nodes) always raise.

>>> from articlekit import Limits
>>> Limits().max_bytes
33554432
>>> Limits(max_bytes=1_000_000).max_bytes
1000000
>>> warnings = []
>>> Limits(max_title_chars=5).cut("Hello world", "max_title_chars", "title", warnings.append)
'Hello'
>>> warnings
['title cut to 5 characters (Limits.max_title_chars)']
>>> Limits(max_title_chars=5, strict=True).cut("Hello world", "max_title_chars", "title", warnings.append)
Traceback (most recent call last):
...
articlekit.ResourceLimitError: title: 11 characters, over Limits.max_title_chars (5)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar, overload

import attrs

from articlekit._errors import ResourceLimitError, ValidationError
from articlekit._model import MAX_DEPTH

__all__ = ["CutLimit", "LimitName", "Limits"]

#: The limits a value is cut to by :meth:`Limits.cut`: characters of text, or items of a list.
CutLimit = Literal["max_title_chars", "max_name_chars", "max_authors", "max_tags", "max_comments"]
#: The name of any bound of :class:`Limits`.
LimitName = Literal[
    CutLimit,
    "max_bytes",
    "max_front_matter_bytes",
    "max_yaml_nodes",
    "max_depth",
    "max_quote_chars",
    "max_quotes",
    "max_markdown_piece_chars",
]

_T = TypeVar("_T")


def _positive(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError(f"Limits.{attribute.name}: expected a positive int, got {value!r}")


def _depth(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _positive(owner, attribute, value)
    assert isinstance(value, int)
    if value > MAX_DEPTH:
        raise ValidationError(f"Limits.max_depth: at most {MAX_DEPTH} (the model's limit), got {value}")


def _flag(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise ValidationError(f"Limits.{attribute.name}: expected bool, got {value!r}")


@attrs.frozen
class Limits:
    """Bounds on what one parse may consume.

    A value over its limit is cut by :meth:`cut`, with a warning in
    ``Article.warnings``; any other limit hit while parsing goes on is reported by
    :meth:`exceeded`.  With ``strict=True`` both raise
    :class:`~articlekit.ResourceLimitError` instead, naming the limit: these two
    methods are the only place that reads ``strict``, in every parser.

    :param max_bytes: the largest input accepted, in bytes (UTF-8 for str
        input); checked before any parsing.  Larger input raises
        :class:`~articlekit.ResourceLimitError`.
    :param max_front_matter_bytes: the largest Markdown front matter.
    :param max_yaml_nodes: the most YAML nodes front matter may expand to
        (aliases count each time they are used).
    :param max_depth: how deeply lists, quotes and inline markup may nest in
        the result; deeper content is flattened into the last level, with a warning.
    :param max_title_chars: titles, standfirsts and descriptions are cut here.
    :param max_name_chars: author names, site names, tags and sections are cut here.
    :param max_authors: the most authors kept.
    :param max_tags: the most tags kept.
    :param max_quote_chars: the longest quotation the quote extractor considers.
    :param max_quotes: the most quotes extracted from one article.
    :param strict: raise :class:`~articlekit.ResourceLimitError` instead of
        cutting (or flattening) and warning when a limit is hit.  Every parser
        honours it through :meth:`cut` and :meth:`exceeded`.
    :param max_comments: the most reader comments kept by
        ``parse_html(..., comments=True)`` (the first ones, in page order).
    :param max_markdown_piece_chars: Markdown longer than this is tokenized in
        pieces of about this size, cut between top-level blocks, which bounds
        the tokenizer's memory and leaves the result unchanged.  A single
        top-level block longer than this (one block quote or list around a whole
        document) is cut at a line end: its text is kept, the container becomes
        two, and a warning says so.
    """

    max_bytes: int = attrs.field(default=32 * 1024 * 1024, validator=_positive)
    max_front_matter_bytes: int = attrs.field(default=64 * 1024, validator=_positive)
    max_yaml_nodes: int = attrs.field(default=10_000, validator=_positive)
    max_depth: int = attrs.field(default=MAX_DEPTH, validator=_depth)
    max_title_chars: int = attrs.field(default=2_000, validator=_positive)
    max_name_chars: int = attrs.field(default=200, validator=_positive)
    max_authors: int = attrs.field(default=50, validator=_positive)
    max_tags: int = attrs.field(default=100, validator=_positive)
    max_quote_chars: int = attrs.field(default=2_000, validator=_positive)
    max_quotes: int = attrs.field(default=10_000, validator=_positive)
    strict: bool = attrs.field(default=False, validator=_flag)
    max_markdown_piece_chars: int = attrs.field(default=512 * 1024, validator=_positive)
    max_comments: int = attrs.field(default=1_000, validator=_positive)

    @overload
    def cut(
        self,
        value: str,
        limit: CutLimit,
        what: str,
        warn: Callable[[str], object],
        message: str | None = None,
        *,
        source: str | None = None,
        trim: bool = False,
    ) -> str: ...

    @overload
    def cut(
        self,
        value: list[_T],
        limit: CutLimit,
        what: str,
        warn: Callable[[str], object],
        message: str | None = None,
        *,
        source: str | None = None,
        trim: bool = False,
    ) -> list[_T]: ...

    def cut(
        self,
        value: str | list[_T],
        limit: CutLimit,
        what: str,
        warn: Callable[[str], object],
        message: str | None = None,
        *,
        source: str | None = None,
        trim: bool = False,
    ) -> str | list[_T]:
        """*value* (text, or a list) cut to the limit named *limit*: the one place a value is cut.

        Within the limit, *value* itself is returned.  Over it, with ``strict``,
        :class:`~articlekit.ResourceLimitError` is raised naming the limit
        (``"title: 2,400 characters, over Limits.max_title_chars (2,000)"``);
        otherwise *warn* is called with *message* (by default ``"{what} cut to
        {limit} characters (Limits.{limit})"``, or ``"{what}: kept the first
        {limit} of {count} (Limits.{limit})"`` for a list) and the first
        characters or items up to the limit are returned.

        :param what: what *value* is, in the warning and the error (``"title"``, ``"authors"``).
        :param warn: where the warning goes (``warnings.append``, or a parser's
            own ``warn`` that skips repeats).
        :param source: the input format, for the error.
        :param trim: drop the white space a cut leaves at the end of text.
        """
        size: int = getattr(self, limit)
        if len(value) <= size:
            return value
        if self.strict:
            unit = " characters" if isinstance(value, str) else ""
            raise ResourceLimitError(f"{what}: {len(value):,}{unit}, over Limits.{limit} ({size:,})", source=source)
        if message is None:
            if isinstance(value, str):
                message = f"{what} cut to {size:,} characters (Limits.{limit})"
            else:
                message = f"{what}: kept the first {size:,} of {len(value):,} (Limits.{limit})"
        warn(message)
        kept = value[:size]
        return kept.rstrip() if trim and isinstance(kept, str) else kept

    def refuse(self, message: str, *, source: str | None = None) -> None:
        """A limit was hit where the caller records its own account of what it did.

        With ``strict``, :class:`~articlekit.ResourceLimitError` is raised with
        *message*; otherwise this returns, and the caller goes on around the limit
        and says so in its warnings (libxml2's nesting limit, ``max_quotes``).
        """
        if self.strict:
            raise ResourceLimitError(message, source=source)

    def exceeded(
        self, limit: LimitName | None, message: str, warn: Callable[[str], object], *, source: str | None = None
    ) -> None:
        """The limit named *limit* was hit and parsing goes on around it (content flattened, a block split).

        *warn* is called with *message*; with ``strict``,
        :class:`~articlekit.ResourceLimitError` is raised with it instead, naming
        the limit (``Limits.max_depth`` is added when *message* does not say it).
        *limit* is None for a limit of an underlying library (libxml2's nesting
        depth), which no field of :class:`Limits` sets.
        """
        if self.strict:
            named = limit is None or f"Limits.{limit}" in message
            raise ResourceLimitError(message if named else f"{message} (Limits.{limit})", source=source)
        warn(message)
