"""API misuse: every public function given a wrong type, a wrong value or a wrong option.

Each call must raise a documented articlekit error -- ``ValidationError`` for an argument of
the wrong type or value, ``UnknownFormatError`` for a format name that does not exist,
``JSONFormatError`` for data ``from_json``/``from_dict`` cannot read, ``FetchError`` for a URL
that cannot be fetched -- never Python's own ``TypeError``/``AttributeError`` from deep inside,
and the message must name what was wrong.  Every argument is checked before any work: no file is
read and no URL fetched for a call that is wrong (``parse_url`` is given a closed local port, so
a check that came after the fetch would be a ``FetchError``).

The first three are the calls the hostile-input review named (``to_markdown(None)``,
``parse_html(encoding=5)``, ``dumps(a, "json", x=1)``).  Wrong keyword *names* on functions
with a fixed signature are Python's own ``TypeError`` and are left to Python.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import articlekit as ak

_A = ak.Article(title="T")
_CLOSED = "http://127.0.0.1:9/"  # the discard port: nothing listens there
_HERE = str(Path(__file__))

# (id, call, error class, words the message must contain)
CASES: list[tuple[str, Callable[[], object], type[ak.ArticleKitError], str]] = [
    # --- named in the review
    ("to_markdown-None", lambda: ak.to_markdown(None), ak.ValidationError, "to_markdown() takes an Article"),
    ("parse_html-encoding-int", lambda: ak.parse_html(b"<p>x</p>", encoding=5), ak.ValidationError, "encoding"),
    ("dumps-unknown-option", lambda: ak.dumps(_A, "json", x=1), ak.ValidationError, "x"),
    # --- serialisers: not an Article
    ("to_text-None", lambda: ak.to_text(None), ak.ValidationError, "to_text() takes an Article"),
    ("to_html-None", lambda: ak.to_html(None), ak.ValidationError, "to_html() takes an Article"),
    ("to_json-None", lambda: ak.to_json(None), ak.ValidationError, "to_json() takes an Article"),
    ("to_jsonld-None", lambda: ak.to_jsonld(None), ak.ValidationError, "takes an Article"),
    ("to_jsonld_dict-str", lambda: ak.to_jsonld_dict("x"), ak.ValidationError, "takes an Article"),
    ("to_dict-dict", lambda: ak.to_dict({}), ak.ValidationError, "to_dict() takes an Article"),
    ("to_quotes_csv-None", lambda: ak.to_quotes_csv(None), ak.ValidationError, "Article"),
    ("to_quotes_jsonl-None", lambda: ak.to_quotes_jsonl(None), ak.ValidationError, "Article"),
    ("quote_rows-None", lambda: ak.quote_rows(None), ak.ValidationError, "Article"),
    ("dumps-None", lambda: ak.dumps(None), ak.ValidationError, "dumps() takes an Article"),
    # --- serialisers: wrong options
    ("dumps-format-int", lambda: ak.dumps(_A, 5), ak.UnknownFormatError, "unknown output format"),
    ("dumps-format-unknown", lambda: ak.dumps(_A, "pdf"), ak.UnknownFormatError, "unknown output format 'pdf'"),
    ("dumps-option-of-another-format", lambda: ak.dumps(_A, "markdown", standalone=True), ak.ValidationError,
     "standalone"),
    ("dumps-html-flag-None", lambda: ak.dumps(_A, "html", annotate_quotes=None), ak.ValidationError,
     "annotate_quotes"),
    ("dumps-text-width-str", lambda: ak.dumps(_A, "text", width="x"), ak.ValidationError, "width"),
    ("to_html-standalone-str", lambda: ak.to_html(_A, standalone="yes"), ak.ValidationError, "standalone"),
    ("to_text-width-str", lambda: ak.to_text(_A, width="80"), ak.ValidationError, "width"),
    ("to_text-width-zero", lambda: ak.to_text(_A, width=0), ak.ValidationError, "width"),
    ("to_json-indent-str", lambda: ak.to_json(_A, indent="  "), ak.ValidationError, "indent"),
    ("to_json-indent-negative", lambda: ak.to_json(_A, indent=-1), ak.ValidationError, "indent"),
    ("to_quotes_csv-excel_safe-str", lambda: ak.to_quotes_csv(_A, excel_safe="no"), ak.ValidationError,
     "excel_safe"),
    ("to_quotes_csv-header-str", lambda: ak.to_quotes_csv(_A, header="no"), ak.ValidationError, "header"),
    # --- extract_quotes
    ("extract_quotes-None", lambda: ak.extract_quotes(None), ak.ValidationError, "Article"),
    ("extract_quotes-reported-int", lambda: ak.extract_quotes(_A, reported=5), ak.ValidationError, "reported"),
    ("extract_quotes-reported-str", lambda: ak.extract_quotes(_A, reported="speech"), ak.ValidationError,
     "reported"),
    ("extract_quotes-disabled-unknown", lambda: ak.extract_quotes(_A, disabled=frozenset({"nope"})),
     ak.ValidationError, "disabled"),
    ("extract_quotes-limits-int", lambda: ak.extract_quotes(_A, limits=5), ak.ValidationError, "limits"),
    # --- readers of articlekit JSON
    ("from_json-None", lambda: ak.from_json(None), ak.JSONFormatError, "from_json() takes str or bytes"),
    ("from_json-int", lambda: ak.from_json(5), ak.JSONFormatError, "from_json() takes str or bytes"),
    ("from_json-array", lambda: ak.from_json("[]"), ak.JSONFormatError, "expected an object"),
    ("from_dict-None", lambda: ak.from_dict(None), ak.JSONFormatError, "expected an object"),
    ("from_dict-unknown-field", lambda: ak.from_dict({"nope": 1}), ak.JSONFormatError, "unknown field"),
    # --- parsers: wrong input type
    ("parse-None", lambda: ak.parse(None), ak.ValidationError, "the input must be"),
    ("parse-list", lambda: ak.parse(["x"]), ak.ValidationError, "got list"),
    ("parse_html-int", lambda: ak.parse_html(5), ak.ValidationError, "html input must be"),
    ("parse_markdown-None", lambda: ak.parse_markdown(None), ak.ValidationError, "markdown input must be"),
    ("parse_text-float", lambda: ak.parse_text(3.5), ak.ValidationError, "text input must be"),
    # --- parsers: wrong options
    ("parse-format-int", lambda: ak.parse("x", format=5), ak.ValidationError, "format"),
    ("parse-format-unknown", lambda: ak.parse("x", format="pdf"), ak.UnknownFormatError, "'pdf'"),
    ("parse-url-float", lambda: ak.parse("x", url=3.5), ak.ValidationError, "url"),
    ("parse-url-unsafe", lambda: ak.parse("x", url="javascript:alert(1)"), ak.ValidationError, "unsafe URL"),
    ("parse-comments-None", lambda: ak.parse("x", comments=None), ak.ValidationError, "comments"),
    ("parse_html-url-int", lambda: ak.parse_html(b"<p>x</p>", url=5), ak.ValidationError, "url"),
    ("parse_html-limits-int", lambda: ak.parse_html(b"<p>x</p>", limits=5), ak.ValidationError, "limits"),
    ("parse_html-quotes-str", lambda: ak.parse_html(b"<p>x</p>", quotes="no"), ak.ValidationError, "quotes"),
    ("parse_html-comments-str", lambda: ak.parse_html(b"<p>x</p>", comments="y"), ak.ValidationError, "comments"),
    ("parse_markdown-url-list", lambda: ak.parse_markdown("x", url=[]), ak.ValidationError, "url"),
    ("parse_markdown-limits-str", lambda: ak.parse_markdown("x", limits="strict"), ak.ValidationError, "limits"),
    ("parse_markdown-quotes-int", lambda: ak.parse_markdown("x", quotes=0), ak.ValidationError, "quotes"),
    ("parse_text-url-int", lambda: ak.parse_text("x", url=3), ak.ValidationError, "url"),
    ("parse_text-limits-class", lambda: ak.parse_text("x", limits=ak.Limits), ak.ValidationError, "limits"),
    # --- parse_file
    ("parse_file-None", lambda: ak.parse_file(None), ak.ValidationError, "path"),
    ("parse_file-int", lambda: ak.parse_file(5), ak.ValidationError, "path"),
    ("parse_file-encoding-int", lambda: ak.parse_file(_HERE, encoding=5), ak.ValidationError, "encoding"),
    ("parse_file-format-unknown", lambda: ak.parse_file(_HERE, format="pdf"), ak.UnknownFormatError, "'pdf'"),
    ("parse_file-limits-int", lambda: ak.parse_file(_HERE, limits=5), ak.ValidationError, "limits"),
    ("parse_file-quotes-str", lambda: ak.parse_file(_HERE, quotes="no"), ak.ValidationError, "quotes"),
    # --- parse_url: every argument checked before the fetch
    ("parse_url-None", lambda: ak.parse_url(None), ak.ValidationError, "url must be a str"),
    ("parse_url-ftp", lambda: ak.parse_url("ftp://example.org/"), ak.FetchError, "only http and https"),
    ("parse_url-timeout-str", lambda: ak.parse_url(_CLOSED, timeout="5"), ak.ValidationError, "timeout"),
    ("parse_url-timeout-zero", lambda: ak.parse_url(_CLOSED, timeout=0), ak.ValidationError, "timeout"),
    ("parse_url-max_bytes-negative", lambda: ak.parse_url(_CLOSED, max_bytes=-1), ak.ValidationError,
     "max_bytes"),
    ("parse_url-format-unknown", lambda: ak.parse_url(_CLOSED, format="pdf"), ak.UnknownFormatError, "'pdf'"),
    ("parse_url-limits-int", lambda: ak.parse_url(_CLOSED, limits=5), ak.ValidationError, "limits"),
    ("parse_url-quotes-str", lambda: ak.parse_url(_CLOSED, quotes="no"), ak.ValidationError, "quotes"),
    # --- parse_many (checked when called, before any input is read)
    ("parse_many-int", lambda: ak.parse_many(5), ak.ValidationError, "inputs"),
    ("parse_many-jobs-negative", lambda: ak.parse_many(["x"], jobs=-1), ak.ValidationError, "jobs"),
    ("parse_many-jobs-str", lambda: ak.parse_many(["x"], jobs="2"), ak.ValidationError, "jobs"),
    ("parse_many-timeout-str", lambda: ak.parse_many(["a.html"], timeout="5"), ak.ValidationError, "timeout"),
    ("parse_many-format-unknown", lambda: ak.parse_many(["x"], format="pdf"), ak.UnknownFormatError, "'pdf'"),
    ("parse_many-to-unknown", lambda: ak.parse_many(["x"], to="pdf"), ak.UnknownFormatError, "'pdf'"),
    ("parse_many-language-int", lambda: ak.parse_many(["x"], language=5), ak.ValidationError, "language"),
    ("parse_many-memory_limit-negative", lambda: ak.parse_many(["x"], memory_limit=-5), ak.ValidationError,
     "memory_limit"),
    ("parse_many-max_tasks-zero", lambda: ak.parse_many(["x"], max_tasks_per_child=0), ak.ValidationError,
     "max_tasks_per_child"),
    ("parse_many-exclude-int", lambda: ak.parse_many(["x"], exclude=5), ak.ValidationError, "exclude"),
    ("parse_many-skip-int", lambda: ak.parse_many(["x"], skip=5), ak.ValidationError, "skip"),
    ("parse_many-parser-int", lambda: ak.parse_many(["x"], parser=5), ak.ValidationError, "parser"),
    # --- the model
    ("Limits-max_bytes-negative", lambda: ak.Limits(max_bytes=-1), ak.ValidationError, "Limits.max_bytes"),
    ("Limits-strict-str", lambda: ak.Limits(strict="yes"), ak.ValidationError, "Limits.strict"),
    ("Article-title-int", lambda: ak.Article(title=5), ak.ValidationError, "Article.title"),
    ("Article-body-str-items", lambda: ak.Article(body=["x"]), ak.ValidationError, "Article.body"),
    ("Article-extra-int", lambda: ak.Article(extra=5), ak.ValidationError, "Article.extra"),
    ("Document-name-int", lambda: ak.Document(5, b""), ak.ValidationError, "Document.name"),
    ("Text-int", lambda: ak.Text(5), ak.ValidationError, "Text.text"),
    ("Link-href-int", lambda: ak.Link(href=5), ak.ValidationError, "Link.href"),
]


@pytest.mark.parametrize(("call", "error", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_misused_public_function_raises_a_documented_error_that_names_the_mistake(
    call: Callable[[], object], error: type[ak.ArticleKitError], words: str
) -> None:
    with pytest.raises(error) as caught:
        call()
    message = str(caught.value)
    assert words in message, message
    assert not re.search(r"\b(\w+) \1\b", message), f"a word said twice: {message}"


def test_the_cases_cover_every_public_function() -> None:
    import inspect

    functions = {n for n in ak.__all__ if inspect.isfunction(getattr(ak, n))} - {"formats", "json_schema"}
    named = {re.split(r"[-(]", case_id)[0] for case_id, *_ in CASES}
    assert functions <= named, sorted(functions - named)


def test_a_text_file_object_is_read_as_text_not_refused() -> None:
    # The one "wrong" type that is accepted on purpose: read() giving str is text to parse.
    assert ak.parse_text(io.StringIO("A line of text.")).text == "A line of text."
