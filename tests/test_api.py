"""The public surface: a small, deliberate __all__, the registry and the error tree."""

from __future__ import annotations

import importlib.metadata
import inspect
import re
from pathlib import Path

import pytest

import articlekit as ak

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_all_is_sorted_unique_and_complete():
    assert list(ak.__all__) == sorted(set(ak.__all__))
    public = {name for name in vars(ak) if not name.startswith("_")} | set(ak._LAZY)  # the batch names load on first use
    modules = {name for name in public if type(getattr(ak, name)).__name__ == "module"}
    assert public - modules == set(ak.__all__) - {"__version__"}


def test_every_public_name_is_in_the_api_reference():
    documented = set()
    for page in DOCS.rglob("*.rst"):
        documented |= set(re.findall(r"\.\. auto(?:class|function|exception|data):: (?:articlekit\.)?(\w+)", page.read_text("utf-8")))
    missing = set(ak.__all__) - documented
    assert not missing, f"not in the API reference: {sorted(missing)}"


def test_every_exception_derives_from_the_base_class():
    for name in ak.__all__:
        obj = getattr(ak, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            assert issubclass(obj, ak.ArticleKitError), name
    assert not hasattr(ak, "ArticlekitError")  # one spelling of the base class
    assert issubclass(ak.ParseError, ValueError)
    for sub in (ak.EmptyDocumentError, ak.EncodingError, ak.FrontMatterError, ak.JSONFormatError, ak.ResourceLimitError):
        assert issubclass(sub, ak.ParseError)


def test_parse_error_message_names_what_and_where():
    exc = ak.FrontMatterError("mapping values are not allowed here", source="markdown", line=3, column=7)
    assert str(exc) == "markdown input: mapping values are not allowed here (line 3, column 7)"
    assert exc.message == "mapping values are not allowed here"


def test_formats_and_dumps():
    assert "json" in ak.formats()
    assert ak.formats() == tuple(sorted(ak.formats()))
    article = ak.Article(title="x")
    assert ak.dumps(article) == ak.to_json(article)
    assert ak.dumps(article, "json", indent=2) == ak.to_json(article, indent=2)
    with pytest.raises(ak.UnknownFormatError, match="unknown output format 'pdf'"):
        ak.dumps(article, "pdf")
    with pytest.raises(ak.ValidationError):
        ak.dumps("not an article", "json")  # type: ignore[arg-type]


def test_plugin_formats_come_from_entry_points(monkeypatch):
    class FakeEntryPoint:
        name = "shout"

        def load(self):
            return lambda article, **options: (article.title or "").upper()

    def fake_entry_points(group):
        assert group == "articlekit.formats"
        return [FakeEntryPoint()]

    monkeypatch.setattr("articlekit._registry.entry_points", fake_entry_points)
    assert "shout" in ak.formats()
    assert ak.dumps(ak.Article(title="hi"), "shout") == "HI"


def test_version_is_defined_once_and_matches_metadata():
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+|a\d+|b\d+|rc\d+)?", ak.__version__)
    root = Path(__file__).resolve().parents[1]
    assert 'path = "src/articlekit/_version.py"' in (root / "pyproject.toml").read_text("utf-8")
    defined = [p for p in (root / "src").rglob("*.py") if "__version__ =" in p.read_text("utf-8")]
    assert [p.name for p in defined] == ["_version.py"]
    try:
        installed = importlib.metadata.version("articlekit")
    except importlib.metadata.PackageNotFoundError:
        return  # running from a source tree without installing: nothing more to compare
    assert installed == ak.__version__


def test_py_typed_is_shipped():
    assert (Path(ak.__file__).parent / "py.typed").exists()


_FIELD = re.compile(r"^\s*:(param|raises|returns?|rtype|type)\b")


@pytest.mark.parametrize("name", sorted(n for n in ak.__all__ if callable(getattr(ak, n)) and not isinstance(getattr(ak, n), type)))
def test_each_docstring_has_one_field_list(name):
    """Prose between two runs of :param:/:raises: lines makes Sphinx show a function's
    Parameters twice in the API reference (it adds the type hints to a second field list)."""
    lines = (inspect.getdoc(getattr(ak, name)) or "").splitlines()
    runs, inside = 0, False
    for line in lines:
        if _FIELD.match(line):
            runs += not inside
            inside = True
        elif line.strip() and not line.startswith((" ", "\t")):
            inside = False
    assert runs <= 1, f"{name}: {runs} separate field lists"
