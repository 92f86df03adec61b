"""Per-call limits that keep parsing bounded in time and memory.

Every parser takes ``limits=`` (a :class:`Limits`); the defaults are safe for
untrusted input.  There are no global settings: pass a different ``Limits`` to
one call to change its bounds.

>>> from articlekit import Limits
>>> Limits().max_bytes
33554432
>>> Limits(max_bytes=1_000_000).max_bytes
1000000
"""

from __future__ import annotations

from typing import Any

import attrs

from articlekit._errors import ValidationError
from articlekit._model import MAX_DEPTH

__all__ = ["Limits"]


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
        cutting and warning when a limit is hit.
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
