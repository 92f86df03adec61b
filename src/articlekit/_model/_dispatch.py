"""One table per writer: ``{node class: handler}``, looked up by ``type(node)``.

Each writer of the model (the definition of :attr:`Article.text
<articlekit.Article.text>`, the JSON codec, the HTML, Markdown and text
serialisers, the reader of articlekit's own HTML, the hypothesis strategies)
dispatches on a node's class through a :class:`NodeTable` rather than an
``isinstance`` ladder, as markdown-it-py's renderer does with its rules table:

.. code-block:: python

    def _paragraph(node: Paragraph, out: list[str]) -> None: ...

    _BLOCKS = NodeTable(BLOCK_TYPES, [block_rule(Paragraph, _paragraph), ...])

    _BLOCKS[type(block)](block, out)

:func:`block_rule` and :func:`inline_rule` check that a handler takes the class
it is registered for (mypy rejects ``block_rule(Heading, _paragraph)``), so the
call through the table is typed.  A table says which classes it must cover
(:data:`~articlekit._model.BLOCK_TYPES` or :data:`~articlekit._model.INLINE_TYPES`)
and, where a reader or a strategy legitimately handles only some of them, which
it leaves out and why (``unhandled``).  ``tests/test_architecture_writers.py``
finds every table in articlekit and fails when one neither handles nor names a
node class, so a new node kind is added to the model's tuples and then to each
table the test lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Concatenate, Generic, ParamSpec, TypeVar, cast

from articlekit._model._nodes import Block, Inline

__all__ = ["NodeTable", "block_rule", "inline_rule"]

_K = TypeVar("_K")
_H = TypeVar("_H")
_B = TypeVar("_B", bound=Block)
_I = TypeVar("_I", bound=Inline)
_P = ParamSpec("_P")
_R = TypeVar("_R")


class NodeTable(dict[type[_K], _H], Generic[_K, _H]):
    """A writer's dispatch table: node class -> handler, read with ``table[type(node)]``.

    :param nodes: the classes the table must cover (the model's ``BLOCK_TYPES`` or
        ``INLINE_TYPES``).
    :param rules: ``(class, handler)`` pairs, from :func:`block_rule` or :func:`inline_rule`.
    :param unhandled: the classes of *nodes* the table leaves out on purpose, each
        with the reason (a reader that gets some node from text rather than markup,
        a strategy table that holds only leaves).  Writers leave out nothing.

    The lookup is by exact type.  A subclass of a model class (the model accepts
    one) takes the handler of its nearest base that has one.
    """

    __slots__ = ("nodes", "unhandled")

    def __init__(
        self,
        nodes: tuple[type[_K], ...],
        rules: Iterable[tuple[type[_K], _H]],
        *,
        unhandled: Mapping[type[_K], str] | None = None,
    ) -> None:
        super().__init__(rules)
        self.nodes = nodes
        self.unhandled: Mapping[type[_K], str] = unhandled or {}

    def __missing__(self, kind: type[_K]) -> _H:
        for base in kind.__mro__[1:]:
            if base in self:
                return self[cast("type[_K]", base)]
        raise TypeError(f"{kind.__name__} is not a node class this table handles")


def block_rule(
    kind: type[_B], handler: Callable[Concatenate[_B, _P], _R]
) -> tuple[type[Block], Callable[Concatenate[Block, _P], _R]]:
    """A table entry for the block class *kind*, whose *handler* takes that class first.

    The table calls a handler only with its own class, so widening its first
    parameter to :data:`Block` is sound; this is the one place that says so.
    """
    return cast("tuple[type[Block], Callable[Concatenate[Block, _P], _R]]", (kind, handler))


def inline_rule(
    kind: type[_I], handler: Callable[Concatenate[_I, _P], _R]
) -> tuple[type[Inline], Callable[Concatenate[Inline, _P], _R]]:
    """A table entry for the inline class *kind*, whose *handler* takes that class first."""
    return cast("tuple[type[Inline], Callable[Concatenate[Inline, _P], _R]]", (kind, handler))
