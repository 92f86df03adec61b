"""The format registry: :func:`dumps` writes an Article in any registered format.

Built-in formats are listed in :data:`BUILTIN_FORMATS`.  Other packages add
formats through the ``articlekit.formats`` entry-point group: each entry point
names a function ``(article, **options) -> str``.  In a plugin's
``pyproject.toml``::

    [project.entry-points."articlekit.formats"]
    csv-lite = "mypackage.export:to_csv_lite"

The registry holds no mutable state: entry points are looked up when asked.

>>> import articlekit
>>> "json" in articlekit.formats()
True
>>> articlekit.dumps(articlekit.Article(title="Hi"), "json")[:20]
'{"schema_version": 1'
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from articlekit._errors import UnknownFormatError, ValidationError
from articlekit._json import to_json
from articlekit._model import Article
from articlekit._serializers.html import to_html
from articlekit._serializers.jsonld import to_jsonld
from articlekit._serializers.markdown import to_markdown
from articlekit._serializers.quotes_table import to_quotes_csv, to_quotes_jsonl
from articlekit._serializers.text import to_text

__all__ = ["BUILTIN_FORMATS", "ENTRY_POINT_GROUP", "dumps", "formats"]

#: The entry-point group third-party serialisers register under.
ENTRY_POINT_GROUP = "articlekit.formats"

Serializer = Callable[..., str]

#: Built-in format names and the function that writes each.
BUILTIN_FORMATS: dict[str, Serializer] = {
    "json": to_json,
    "markdown": to_markdown,
    "text": to_text,
    "html": to_html,
    "jsonld": to_jsonld,
    "quotes-csv": to_quotes_csv,
    "quotes-jsonl": to_quotes_jsonl,
}


def _plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in BUILTIN_FORMATS}


def formats() -> tuple[str, ...]:
    """The names of every format :func:`dumps` can write, sorted (built-ins and plugins)."""
    return tuple(sorted({*BUILTIN_FORMATS, *_plugins()}))


def serializer(format: str) -> Serializer:
    """The function that writes *format*.

    :raises UnknownFormatError: no built-in format or installed plugin has that name.
    """
    if format in BUILTIN_FORMATS:
        return BUILTIN_FORMATS[format]
    plugin = _plugins().get(format)
    if plugin is None:
        raise UnknownFormatError(
            f"unknown output format {format!r}; available: {', '.join(formats())}"
        )
    func: Serializer = plugin.load()
    return func


def dumps(article: Article, format: str = "json", **options: Any) -> str:
    """Write *article* in *format* (see :func:`formats`), passing *options* to its serialiser.

    :raises UnknownFormatError: *format* is not registered.
    :raises ValidationError: *article* is not an Article, or *options* are not the
        serialiser's.
    """
    if not isinstance(article, Article):
        raise ValidationError(
            f"dumps() takes an Article, got {type(article).__name__}"
        )
    writer = serializer(format)
    if options:
        try:
            inspect.signature(writer).bind(article, **options)
        except TypeError as exc:
            raise ValidationError(f"dumps(..., {format!r}): {exc}") from None
        except ValueError:  # pragma: no cover - a callable without a signature: let it check
            pass
    return writer(article, **options)
