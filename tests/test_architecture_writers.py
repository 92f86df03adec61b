"""Every writer handles every node kind of the model.

The model lists its node classes once (``articlekit._model.BLOCK_TYPES`` and
``INLINE_TYPES``), and each writer dispatches from a ``NodeTable`` keyed by them
(``articlekit._model._dispatch``).  These tests fail when a table misses a class
(or a new table is not listed here), and, end to end, when a registered output
format drops or refuses a node of any kind.  The article they write is built from
the model's classes and their fields' types, so a new node kind is in it as soon
as it is in the model's tuples.
"""

from __future__ import annotations

import importlib
import pkgutil
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, seed, settings

import articlekit as ak
from articlekit._model import BLOCK_TYPES, INLINE_TYPES, Block, Inline
from articlekit._model import _nodes as nodes_module
from articlekit._model._dispatch import NodeTable
from articlekit._model._text import block_text, inline_text

#: Every dispatch table in articlekit that must handle every node class: module -> names.
WRITER_TABLES: dict[str, tuple[str, ...]] = {
    "articlekit._model._text": ("_INLINE_TEXT", "_BLOCK_TEXT"),
    "articlekit._json": ("_INLINE_WRITERS", "_BLOCK_WRITERS", "_INLINE_READERS", "_BLOCK_READERS"),
    "articlekit._serializers.html": ("_INLINES", "_BLOCKS"),
    "articlekit._serializers.markdown": ("_EXPRESSIBLE_INLINES", "_EXPRESSIBLE_BLOCKS", "_PIECES", "_LINES"),
    "articlekit._serializers.text": ("_INLINES", "_BLOCKS"),
}

#: Tables that handle a subset and name the rest (``unhandled``), and what each module as a
#: whole leaves out: the own-HTML reader reads Text from text and tails, not from an element;
#: the strategies split every category into a leaf and a container table.
PARTIAL_TABLES: dict[str, tuple[str, ...]] = {
    "articlekit._parsers.html._own": ("_INLINE_READERS", "_BLOCK_READERS"),
    "articlekit.testing": ("_LEAF_INLINES", "_NESTED_INLINES", "_LEAF_BLOCKS", "_NESTED_BLOCKS"),
}
LEFT_OUT_BY_MODULE: dict[str, frozenset[type]] = {
    "articlekit._parsers.html._own": frozenset({ak.Text}),
    "articlekit.testing": frozenset(),
}

#: Attrs classes of the model's nodes module that are parts of a node, not nodes.
PARTS = frozenset({ak.ListItem, ak.TableRow, ak.TableCell})


def _tables(listing: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    return [(module, name) for module, names in listing.items() for name in names]


def _table(module: str, name: str) -> NodeTable[Any, Any]:
    table = getattr(importlib.import_module(module), name)
    assert isinstance(table, NodeTable), f"{module}.{name} is not a NodeTable"
    return table


def _all_modules() -> Iterator[types.ModuleType]:
    for info in pkgutil.walk_packages(ak.__path__, "articlekit."):
        if info.name == "articlekit.__main__":
            continue
        yield importlib.import_module(info.name)


# --------------------------------------------------------------------------- the model's list


def test_the_model_lists_its_node_classes_once() -> None:
    assert set(BLOCK_TYPES) == set(typing.get_args(Block))
    assert set(INLINE_TYPES) == set(typing.get_args(Inline))
    assert len(set(BLOCK_TYPES)) == len(BLOCK_TYPES)
    assert len(set(INLINE_TYPES)) == len(INLINE_TYPES)
    assert not set(BLOCK_TYPES) & set(INLINE_TYPES)
    defined = {
        value
        for value in vars(nodes_module).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == nodes_module.__name__
    }
    assert defined == set(BLOCK_TYPES) | set(INLINE_TYPES) | PARTS, "a node class missing from the tuples"
    for cls in (*BLOCK_TYPES, *INLINE_TYPES):
        assert getattr(ak, cls.__name__) is cls


# --------------------------------------------------------------------------- (a) the tables


def test_every_dispatch_table_is_listed_here() -> None:
    found = {
        (module.__name__, name)
        for module in _all_modules()
        for name, value in vars(module).items()
        if isinstance(value, NodeTable)
    }
    assert found == set(_tables(WRITER_TABLES)) | set(_tables(PARTIAL_TABLES))


@pytest.mark.parametrize(("module", "name"), _tables(WRITER_TABLES))
def test_writer_table_handles_every_node_class(module: str, name: str) -> None:
    table = _table(module, name)
    assert table.nodes in (BLOCK_TYPES, INLINE_TYPES)
    missing = [cls.__name__ for cls in table.nodes if cls not in table]
    assert not missing, f"{module}.{name} has no entry for {', '.join(missing)}"
    assert set(table) == set(table.nodes), f"{module}.{name} has entries for other classes"
    assert not table.unhandled, f"{module}.{name} is a writer: it leaves nothing out"


@pytest.mark.parametrize(("module", "name"), _tables(PARTIAL_TABLES))
def test_partial_table_handles_or_names_every_node_class(module: str, name: str) -> None:
    table = _table(module, name)
    assert table.nodes in (BLOCK_TYPES, INLINE_TYPES)
    assert not set(table) & set(table.unhandled), f"{module}.{name} both handles and leaves out a class"
    missing = [cls.__name__ for cls in table.nodes if cls not in table and cls not in table.unhandled]
    assert not missing, f"{module}.{name} neither handles nor names {', '.join(missing)}"
    assert set(table) | set(table.unhandled) == set(table.nodes)
    assert all(reason.strip() for reason in table.unhandled.values())


@pytest.mark.parametrize("module", sorted(PARTIAL_TABLES))
def test_partial_tables_of_a_module_together_cover_the_model(module: str) -> None:
    for nodes in (BLOCK_TYPES, INLINE_TYPES):
        tables = [_table(module, name) for name in PARTIAL_TABLES[module]]
        handled = {cls for table in tables if table.nodes is nodes for cls in table}
        assert handled == set(nodes) - LEFT_OUT_BY_MODULE[module]


def test_a_subclass_takes_its_base_class_handler() -> None:
    table = _table("articlekit._model._text", "_BLOCK_TEXT")
    sub = type("MyParagraph", (ak.Paragraph,), {})
    assert table[sub] is table[ak.Paragraph]
    assert sub not in table  # the lookup does not grow the table
    with pytest.raises(TypeError):
        table[int]


# --------------------------------------------------------------------------- (b) end to end


def _is_nodes(hint: object, nodes: tuple[type, ...]) -> bool:
    return set(typing.get_args(hint)) == set(nodes)


def _fill(hint: Any, marker: str, wrap: type | None) -> object:
    """A valid value for a field of type *hint* whose text is *marker*."""
    if hint is str:
        return marker
    if hint is int:
        return 2  # a heading level (the only int field without None)
    if hint is bool:
        return False
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if _is_nodes(item, INLINE_TYPES):
            return (ak.Text(marker),)
        if _is_nodes(item, BLOCK_TYPES):
            return (ak.Paragraph([ak.Text(marker)]),)
        if attrs.has(item):
            return (_build(item, marker, wrap),)
    args = typing.get_args(hint)
    if type(None) in args:
        return marker if [a for a in args if a is not type(None)] == [str] else None
    raise AssertionError(f"the test cannot fill a field of type {hint!r}: teach _fill")


def _build(cls: type, marker: str, wrap: type | None = None) -> Any:
    """An instance of the model class *cls* (of *wrap*, a subclass of it, when given) whose
    every string and whose content's text is *marker*, built from its fields' types."""
    hints = typing.get_type_hints(cls)
    values = {f.name: _fill(hints[f.name], marker, None) for f in attrs.fields(cls) if f.init}
    return (wrap or cls)(**values)


def _every_node(subclass: bool = False) -> tuple[ak.Article, list[tuple[object, str]]]:
    """An article holding a node of every class (a subclass of each with *subclass*), each
    with its own marker text, and a quote on each marker; and the (node, marker) pairs."""
    built: list[tuple[object, str]] = []
    body: list[Block] = []
    for i, cls in enumerate((*BLOCK_TYPES, *INLINE_TYPES)):
        marker = f"mark{i}{cls.__name__}"
        wrap = type(f"My{cls.__name__}", (cls,), {}) if subclass else None
        node = _build(cls, marker, wrap)
        built.append((node, marker))
        body.append(node if cls in BLOCK_TYPES else ak.Paragraph([node]))
    article = ak.Article(title="Every node", body=body)
    quotes = []
    for _node, marker in built:
        start = article.text.find(marker)
        if start >= 0:
            quotes.append(ak.Quote(marker, "direct", (start, start + len(marker))))
    return attrs.evolve(article, quotes=quotes), built


def _text_of(node: object) -> str:
    return block_text(node) if isinstance(node, BLOCK_TYPES) else inline_text((typing.cast(Inline, node),))


def _walk(node: object) -> Iterator[object]:
    """*node* and every model object inside it (through its fields, whatever the class)."""
    yield node
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(item)):
                yield from _walk(item)


def test_the_article_holds_every_node_class() -> None:
    article, built = _every_node()
    kinds = {type(n) for block in article.body for n in _walk(block)}
    assert kinds >= set(BLOCK_TYPES) | set(INLINE_TYPES)
    with_text = [marker for node, marker in built if _text_of(node).strip()]
    assert len(with_text) >= len(BLOCK_TYPES) + len(INLINE_TYPES) - 3  # all but breaks and images
    assert len(article.quotes) == len(with_text)


@pytest.mark.parametrize("format", ak.formats())
def test_every_format_writes_every_node_class(format: str) -> None:
    article, built = _every_node()
    out = ak.dumps(article, format)
    for node, marker in built:
        if _text_of(node).strip():
            assert marker in out, f"{format} dropped the text of {type(node).__name__}"


@pytest.mark.parametrize("format", ak.formats())
def test_every_format_writes_a_subclass_as_its_base_class(format: str) -> None:
    article, _ = _every_node()
    sub_article, _ = _every_node(subclass=True)
    assert ak.dumps(sub_article, format) == ak.dumps(article, format)


def test_every_node_class_reads_back() -> None:
    article, _ = _every_node()
    jsonschema.Draft202012Validator(ak.json_schema()).validate(ak.to_dict(article))
    assert ak.from_json(ak.to_json(article)) == article
    page = ak.parse_html(ak.to_html(article, standalone=True), quotes=False)  # the own-HTML reader
    assert {type(n) for block in page.body for n in _walk(block)} >= set(BLOCK_TYPES) | set(INLINE_TYPES)
    markdown = ak.parse_markdown(ak.to_markdown(article), quotes=False)
    from articlekit._serializers.markdown import markdown_expressible

    assert markdown == markdown_expressible(article)


def test_the_strategies_draw_every_node_class() -> None:
    from articlekit.testing import blocks

    seen: set[type] = set()

    @seed(21)
    @settings(max_examples=200, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(blocks())
    def collect(block: Block) -> None:
        seen.update(type(n) for n in _walk(block))

    collect()
    assert seen >= set(BLOCK_TYPES) | set(INLINE_TYPES)
