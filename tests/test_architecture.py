"""The layering rules of ``docs/architecture.rst``, checked on the source.

Every ``import`` statement of ``src/articlekit`` is read with :mod:`ast` (those inside
functions too: a lazy import is still a dependency; those under ``if TYPE_CHECKING:``
too), and the module graph they make must have

* no cycle, and
* no edge between the parsers (``articlekit._parsers``) and the serialisers
  (``articlekit._serializers``), in either direction.

The public surface is pinned too: the public modules are ``articlekit``,
``articlekit.testing`` and ``articlekit.dask``; every other module's dotted name has a
part that starts with an underscore, and ``articlekit.__all__`` is the documented set.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import articlekit

SRC = Path(__file__).resolve().parent.parent / "src" / "articlekit"

PUBLIC_MODULES = frozenset({"articlekit", "articlekit.testing", "articlekit.dask"})

#: The names ``articlekit`` exports, as the API reference documents them (docs/api.rst).
DOCUMENTED = frozenset(
    {
        "Article", "ArticleKitError", "BatchResult", "Block", "BlockQuote", "CodeBlock", "Comment", "Document",
        "Emphasis", "EmptyDocumentError", "EncodingError", "FetchError", "Figure", "FrontMatterError",
        "Heading", "Image", "Inline", "InlineCode", "InlineImage", "JSONFormatError", "Limits",
        "LineBreak", "Link", "ListBlock", "ListItem", "Paragraph", "ParseError", "Person",
        "PageType", "Quote", "QuoteKind", "ResourceLimitError", "SourceFormat", "Speaker", "Strikethrough",
        "Strong", "Table", "TableCell", "TableRow", "Text", "ThematicBreak",
        "UnknownFormatError", "ValidationError", "__version__", "dumps", "extract_quotes",
        "formats", "from_dict", "from_json", "json_schema", "parse", "parse_file", "parse_html",
        "parse_many", "parse_markdown", "parse_text", "parse_url", "quote_rows", "to_dict", "to_html",
        "to_json", "to_jsonld", "to_jsonld_dict", "to_markdown", "to_quotes_csv",
        "to_quotes_jsonl", "to_text",
    }
)  # fmt: skip


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _imported(node: ast.AST, module: str, is_package: bool, known: dict[str, Path]) -> Iterator[str]:
    """The articlekit modules one import statement depends on."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] == "articlekit":
                yield alias.name
        return
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "articlekit":
        return
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        yield sub if sub in known else target


def import_graph() -> dict[str, set[str]]:
    """``{module: {articlekit modules it imports}}`` over every module of the package."""
    known = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        edges: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _imported(node, module, path.name == "__init__.py", known):
                    if target != module:
                        edges.add(target)
        graph[module] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_the_import_graph_sees_every_module():
    graph = import_graph()
    assert "articlekit._model" in graph
    assert "articlekit._parsers.html" in graph
    # an edge the package really has, so the walk is known to read imports
    assert "articlekit._model" in graph["articlekit._json"]


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_imports_have_no_cycle():
    assert _cycles(import_graph()) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [("articlekit._parsers", "articlekit._serializers"), ("articlekit._serializers", "articlekit._parsers")],
)
def test_parsers_and_serializers_never_import_each_other(source, target):
    edges = sorted(
        f"{module} -> {dep}"
        for module, deps in import_graph().items()
        if module.startswith(source)
        for dep in deps
        if dep == target or dep.startswith(target + ".")
    )
    assert edges == []


def _string_imports(tree: ast.AST) -> Iterator[str]:
    """The module names given as strings to ``import_module`` / ``__import__`` calls."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in {"import_module", "__import__"}:
            arg = node.args[0]
            yield arg.value if isinstance(arg, ast.Constant) else ast.unparse(arg)


def test_the_string_import_finder_finds_one():
    tree = ast.parse("import importlib\nimportlib.import_module('articlekit._json')")
    assert list(_string_imports(tree)) == ["articlekit._json"]


def test_no_module_imports_articlekit_through_strings():
    """``importlib.import_module("articlekit...")`` hides an edge from every tool."""
    hidden = [
        f"{module}: {target}"
        for module, path in _modules().items()
        for target in _string_imports(ast.parse(path.read_text(encoding="utf-8")))
        if not target.startswith(("dask", "pandas"))  # optional dependencies, loaded late
    ]
    assert hidden == []


def _walk_modules() -> Iterator[str]:
    yield "articlekit"
    for info in pkgutil.walk_packages(articlekit.__path__, "articlekit."):
        yield info.name


def test_the_only_public_modules_are_the_documented_ones():
    public = {
        name
        for name in _walk_modules()
        if not any(part.startswith("_") for part in name.split("."))
    }
    assert public == PUBLIC_MODULES


def test_the_public_names_are_the_documented_set():
    assert set(articlekit.__all__) == DOCUMENTED
    assert sorted(articlekit.__all__) == list(articlekit.__all__)
    for name in articlekit.__all__:
        assert hasattr(articlekit, name), name


@pytest.mark.parametrize("module", ["articlekit.testing", "articlekit.dask"])
def test_public_submodules_declare_their_names(module):
    mod = importlib.import_module(module)
    names = getattr(mod, "__all__", None)
    assert names, f"{module} has no __all__"
    for name in names:
        assert hasattr(mod, name), f"{module}.{name}"


def test_public_classes_resolve_their_type_hints():
    """Tools that read annotations (typing.get_type_hints, cattrs, pydantic) work on every class."""
    import typing

    for name in articlekit.__all__:
        obj = getattr(articlekit, name)
        if isinstance(obj, type):
            assert isinstance(typing.get_type_hints(obj), dict), name


def test_exceptions_show_their_public_name():
    assert articlekit.ValidationError.__module__ == "articlekit"
    assert repr(articlekit.ValidationError("x")).startswith("ValidationError(")


#: The longest function the metadata readers may have (a field's rules stay readable in one screenful or two).
MAX_METADATA_FUNCTION_LINES = 150
METADATA_PACKAGE = SRC / "_parsers" / "html" / "_metadata"


def _function_lengths(path: Path) -> Iterator[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno is not None
            yield f"{path.name}:{node.lineno} {node.name}", node.end_lineno - node.lineno + 1


def test_metadata_is_one_module_per_field():
    modules = {p.stem for p in METADATA_PACKAGE.glob("*.py")}
    fields = {"_title", "_site", "_authors", "_dates", "_language", "_images", "_tags", "_section"}
    assert fields | {"_sources", "_jsonld"} <= modules


def test_no_metadata_function_is_longer_than_the_limit():
    lengths = [item for path in sorted(METADATA_PACKAGE.glob("*.py")) for item in _function_lengths(path)]
    assert any(name.endswith(" extract_metadata") for name, _ in lengths)
    too_long = [f"{name}: {n} lines" for name, n in lengths if n > MAX_METADATA_FUNCTION_LINES]
    assert not too_long, too_long
