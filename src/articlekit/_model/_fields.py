"""Field checks and converters shared by every class of the model.

The validators raise :class:`~articlekit.ValidationError` naming the class and
the field (``Paragraph.children: item 0 is str, expected Text or ...``).  The
converters turn any iterable into a tuple and leave anything else (a string, a
mapping, a number) as it is, so that the field's validator reports the wrong
type with the field's name: their return types describe well-typed input,
which is all that type checkers see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias, TypeVar, cast

import attrs

from articlekit._errors import ValidationError
from articlekit._textutil import UNCLEAN, find_unclean
from articlekit._urls import is_unsafe_url

__all__: list[str] = []

_T = TypeVar("_T")
_unclean_search = UNCLEAN.search

#: An attrs validator: ``(instance, attribute, value)``, raising on a bad value.
Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _fail(attribute: attrs.Attribute[Any], owner: object, message: str) -> ValidationError:
    return ValidationError(f"{type(owner).__name__}.{attribute.name}: {message}")


def _check_str(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, owner, f"expected str, got {type(value).__name__}")
    if _unclean_search(value) is None:  # find_unclean's test, without its call (run for every string)
        return
    bad = find_unclean(value)
    if bad >= 0:
        raise _fail(
            attribute,
            owner,
            f"character U+{ord(value[bad]):04X} at index {bad} is not allowed in text "
            "(control characters, lone surrogates and noncharacters are rejected; "
            "articlekit's parsers remove them)",
        )


def _check_url(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A link target: a str that is not an unsafe URL (:func:`articlekit._urls.is_unsafe_url`)."""
    _check_str(owner, attribute, value)
    assert isinstance(value, str)
    if is_unsafe_url(value):
        raise _fail(attribute, owner, f"unsafe URL {value[:80]!r}: javascript:, data:, file: and the like never enter the model")


def _check_image_url(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An image source: as :func:`_check_url`, but a raster ``data:image/...`` is allowed."""
    _check_str(owner, attribute, value)
    assert isinstance(value, str)
    if is_unsafe_url(value, image=True):
        raise _fail(attribute, owner, f"unsafe image URL {value[:80]!r}: javascript:, data: (but raster images), file: and the like never enter the model")


def _check_opt_url(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_url(owner, attribute, value)


def _check_opt_str(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(owner, attribute, value)


def _check_opt_nonempty_str(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(owner, attribute, value)
        if not value:
            raise _fail(attribute, owner, "must be None or a non-empty string")


def _check_name(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_str(owner, attribute, value)
    assert isinstance(value, str)
    if not value.strip():
        raise _fail(attribute, owner, "a name must not be empty")


def _check_bool(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise _fail(attribute, owner, f"expected bool, got {type(value).__name__}")


def _to_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """*value* as a tuple; a string, bytes, a mapping or a non-iterable is returned as is.

    The one converter every sequence field goes through.  Returning ill-typed
    input unchanged (rather than raising here) lets the field's validator report
    it with the field's name; the declared type is what well-typed input gets.
    """
    if isinstance(value, tuple):
        return value
    if type(value) is list:
        return tuple(value)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        # Left as is: the validator reports the wrong type with the field's name.
        return cast("tuple[_T, ...]", value)
    return tuple(value)


# Typed converters: they give attrs' generated __init__ precise parameter types.
def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple else _to_tuple(value)


def _span(value: Iterable[int]) -> tuple[int, int]:
    # A pair once the validator (_check_span) has passed it.
    return cast("tuple[int, int]", _to_tuple(value))


def _opt_span(value: Iterable[int] | None) -> tuple[int, int] | None:
    return None if value is None else _span(value)


def _members(*types: type) -> Validator:
    """A validator: the value is a tuple whose items are all instances of *types*."""
    names = " or ".join(t.__name__ for t in types)

    def check(owner: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise _fail(attribute, owner, f"expected a sequence of {names}")
        for i, item in enumerate(value):
            if not isinstance(item, types):
                raise _fail(attribute, owner, f"item {i} is {type(item).__name__}, expected {names}")
            if types == (str,):
                _check_str(owner, attribute, item)

    return check
