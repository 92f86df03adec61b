"""The exceptions articlekit raises.

Every public function of articlekit either returns its documented result or
raises a subclass of :class:`ArticleKitError`; nothing else escapes.  Each
class below also subclasses the built-in exception it refines, so existing
``except ValueError`` handlers keep working.

The hierarchy::

    ArticleKitError
    ├── ParseError (ValueError)              the input could not be read
    │   ├── EmptyDocumentError               nothing to parse (empty / whitespace only)
    │   ├── EncodingError                    bytes that are not text in any encoding
    │   ├── FrontMatterError                 malformed Markdown front matter
    │   ├── JSONFormatError                  JSON that is not a serialised Article
    │   └── ResourceLimitError               input over a configured limit (see Limits)
    ├── ValidationError (ValueError, TypeError)   a model object built with wrong values
    ├── UnknownFormatError (ValueError)      a format name that is not registered
    └── FetchError                           the command line could not fetch a URL

>>> import articlekit
>>> try:
...     articlekit.from_json("{")
... except articlekit.ParseError as exc:
...     print(type(exc).__name__, exc.line, exc.column)
JSONFormatError 1 2
"""

from __future__ import annotations

__all__ = [
    "ArticleKitError",
    "EmptyDocumentError",
    "EncodingError",
    "FetchError",
    "FrontMatterError",
    "JSONFormatError",
    "ParseError",
    "ResourceLimitError",
    "UnknownFormatError",
    "ValidationError",
]


class ArticleKitError(Exception):
    """The base class of every exception articlekit raises."""


class ParseError(ArticleKitError, ValueError):
    """The input could not be turned into an :class:`~articlekit.Article`.

    Attributes give what and where, when known:

    * ``message`` -- what was wrong, in words;
    * ``source`` -- the input format (``"html"``, ``"markdown"``, ``"text"``, ``"json"``);
    * ``line`` and ``column`` -- 1-based position in the input;
    * ``path`` -- for JSON input, the JSON path of the offending value (``$.body[2].level``).
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.path is not None:
            where.append(f"at {self.path}")
        if self.line is not None:
            where.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        prefix = f"{self.source} input: " if self.source else ""
        suffix = f" ({'; '.join(where)})" if where else ""
        return f"{prefix}{self.message}{suffix}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments survive pickling (batch runs send errors between processes).
        return (
            _rebuild,
            (type(self), self.message, self.source, self.line, self.column, self.path),
        )


def _rebuild(
    cls: type[ParseError],
    message: str,
    source: str | None,
    line: int | None,
    column: int | None,
    path: str | None,
) -> ParseError:
    return cls(message, source=source, line=line, column=column, path=path)


class EmptyDocumentError(ParseError):
    """The input holds nothing to parse: it is empty or only white space."""


class EncodingError(ParseError):
    """The input bytes are not text (binary data, or undecodable in every candidate encoding)."""


class FrontMatterError(ParseError):
    """Markdown front matter (YAML ``---`` or TOML ``+++``) is malformed or over its budget."""


class JSONFormatError(ParseError):
    """JSON input is malformed or is not a serialised Article; ``path`` says where."""


class ResourceLimitError(ParseError):
    """The input exceeds a limit of :class:`~articlekit.Limits` (size, depth, nodes, time)."""


class ValidationError(ArticleKitError, ValueError, TypeError):
    """A model object was constructed with a value of the wrong type or out of range."""


class UnknownFormatError(ArticleKitError, ValueError):
    """A format name that neither articlekit nor an installed plugin provides."""


class FetchError(ArticleKitError):
    """The command line could not fetch a URL (network error, timeout, size cap, HTTP status)."""
