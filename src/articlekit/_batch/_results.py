"""What a batch run gives back: :class:`BatchResult`, and the JSON lines written of it.

Below the pool and the inputs: both build results, neither is imported here.
"""

from __future__ import annotations

import json

import attrs

from articlekit._errors import ValidationError
from articlekit._model import Article

__all__ = ["BatchResult", "error_line", "result_line"]


@attrs.frozen
class BatchResult:
    """What became of one document of a batch.

    Exactly one of ``article`` / ``output`` (on success) or ``error`` (on
    failure) is set: ``output`` instead of ``article`` when :func:`parse_many`
    was given ``to=``.

    :param index: the document's position in the run (0, 1, 2 ...).
    :param name: the input name: a path, or ``archive.warc.gz#OFFSET`` for a
        WARC record (the byte offset of the record in the archive).
    :param url: the document's URL when known (WARC target URI).
    :param error: on failure, the kind of error: the exception class name
        (``"EmptyDocumentError"``, ``"ResourceLimitError"`` for time and
        memory limits, ``"OSError"`` ...) or ``"WorkerCrash"``.
    :param message: on failure, what went wrong, in words.
    """

    index: int
    name: str
    url: str | None = None
    article: Article | None = None
    output: str | None = None
    error: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was parsed."""
        return self.error is None

    @property
    def skipped(self) -> bool:
        """Whether the document was parsed but left out (``parse_many(language=...)``)."""
        return self.error == "Skipped"

    def to_line(self, to: str = "json") -> str:
        """The JSON line ``articlekit batch`` writes for this parsed document (no newline).

        ``{"input": NAME, "url": URL, "article": {...}}`` for ``to="json"``, else
        ``{"input": NAME, "url": URL, "format": TO, "content": "..."}``.  The result must
        come from :func:`~articlekit.parse_many` called with the same ``to=``.

        >>> from articlekit import BatchResult
        >>> BatchResult(0, "a.md", None, output="# Hi").to_line("markdown")
        '{"input": "a.md", "url": null, "format": "markdown", "content": "# Hi"}'

        :raises ValidationError: the document failed, or holds no serialised output.
        """
        return result_line(self, to)

    def to_error_line(self) -> str:
        """The JSON line ``articlekit batch --errors`` writes for this failed document.

        >>> from articlekit import BatchResult
        >>> BatchResult(3, "x.html", None, error="EmptyDocumentError", message="empty").to_error_line()
        '{"input": "x.html", "url": null, "error": "EmptyDocumentError", "message": "empty"}'
        """
        return error_line(self)


def result_line(result: BatchResult, to: str = "json") -> str:
    """The JSON line ``articlekit batch`` writes for a parsed document (no newline).

    ``{"input": NAME, "url": URL, "article": {...}}`` for ``to="json"``, else
    ``{"input": NAME, "url": URL, "format": TO, "content": "..."}``.  The
    result must come from :func:`parse_many` called with the same ``to=``.

    >>> from articlekit._batch import BatchResult, result_line
    >>> r = BatchResult(0, "a.md", None, output="# Hi")
    >>> result_line(r, "markdown")
    '{"input": "a.md", "url": null, "format": "markdown", "content": "# Hi"}'

    :raises ValidationError: *result* failed or holds no serialised output.
    """
    if result.output is None:
        raise ValidationError("result_line() needs a successful result of parse_many(..., to=...)")
    head = f'{{"input": {_string(result.name)}, "url": {_string(result.url)}'
    if to == "json":
        return f'{head}, "article": {result.output}}}'
    return f'{head}, "format": {json.dumps(to)}, "content": {json.dumps(result.output, ensure_ascii=False)}}}'


def error_line(result: BatchResult) -> str:
    """The JSON line ``articlekit batch --errors`` writes for a failed document (no newline).

    >>> from articlekit._batch import BatchResult, error_line
    >>> error_line(BatchResult(3, "x.html", None, error="EmptyDocumentError", message="the document is empty"))
    '{"input": "x.html", "url": null, "error": "EmptyDocumentError", "message": "the document is empty"}'
    """
    fields = {"input": result.name, "url": result.url, "error": result.error, "message": result.message}
    return "{" + ", ".join(f"{json.dumps(key)}: {_string(value)}" for key, value in fields.items()) + "}"


def _string(value: str | None) -> str:
    """*value* as JSON: non-ASCII characters as they are, but a file name that is not valid
    UTF-8 (its undecodable bytes are lone surrogates, as :func:`os.fsdecode` gives them) in
    ASCII escapes, so the line is valid UTF-8 and ``os.fsencode(json.loads(...))`` gives
    the name's bytes back.
    """
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return text
