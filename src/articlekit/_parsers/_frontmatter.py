"""Markdown front matter: find it, load it safely, and map its keys onto Article fields.

Two kinds are read:

* YAML between ``---`` lines (found by mdit-py-plugins' ``front_matter`` rule),
  loaded with ``yaml.CSafeLoader`` (``yaml.SafeLoader`` without libyaml);
* TOML between ``+++`` lines (found here), loaded with :mod:`tomllib` (``tomli``
  before Python 3.11).

Both are bounded: the front matter may hold at most ``Limits.max_front_matter_bytes``
bytes, YAML at most ``Limits.max_yaml_nodes`` nodes *after alias expansion*
(an alias counts every node of what it repeats, so an alias bomb is refused
before anything is built) and nesting at most ``Limits.max_depth`` levels.
Anything malformed or over budget raises :class:`~articlekit.FrontMatterError`
with the line number in the whole document.

The key table lives in :data:`KEYS`; see ``docs/guide/markdown.rst``.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timezone
from typing import Any, get_args

import attrs
import yaml

from articlekit._dates import aware, read_iso
from articlekit._errors import FrontMatterError
from articlekit._limits import CutLimit, Limits
from articlekit._model import MAX_INT_BITS, Image, PageType, Person
from articlekit._syntax import FRONT_MATTER_KEYS
from articlekit._textutil import clean_text, visible
from articlekit._urls import is_unsafe_url

if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
    import tomllib
else:  # pragma: no cover - depends on the interpreter
    import tomli as tomllib

__all__ = [
    "KEYS",
    "Metadata",
    "load_toml",
    "load_yaml",
    "map_front_matter",
    "split_toml",
]

_SafeLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Front-matter keys: see :data:`articlekit._syntax.FRONT_MATTER_KEYS`.
KEYS = FRONT_MATTER_KEYS

_PAGE_TYPES = frozenset(get_args(PageType))
_MERGED = frozenset({"tags", "images"})
#: Every recognised key, lower-cased.
RECOGNISED = frozenset(k for keys in KEYS.values() for k in keys)

_TOML_FENCE = re.compile(r"\+\+\+[ \t]*\n?")
_TOML_LINE = re.compile(r"line (\d+), column (\d+)")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


# --------------------------------------------------------------------------- finding and loading


def split_toml(text: str) -> tuple[str, str, int] | None:
    """Split a ``+++`` TOML front matter off *text*.

    Returns ``(toml_source, body, body_first_line)`` (``body_first_line`` is the
    1-based line of the document where the body starts), or None when *text*
    does not start with a terminated ``+++`` block.

    >>> split_toml('+++\\ntitle = "Hi"\\n+++\\nBody')
    ('title = "Hi"\\n', 'Body', 4)
    >>> split_toml("+++\\nnever closed") is None
    True
    """
    first = _TOML_FENCE.match(text)
    if first is None or (first.end() < len(text) and not first.group().endswith("\n")):
        return None
    pos = first.end()
    line = 2
    while pos < len(text):
        end = text.find("\n", pos)
        stop = len(text) if end < 0 else end
        if _TOML_FENCE.fullmatch(text, pos, stop):
            body_start = len(text) if end < 0 else end + 1
            return text[first.end() : pos], text[body_start:], line + 1
        pos = stop + 1
        line += 1
    return None


# The first line inside an opening fence, when it reads as a key: then the block was meant
# as front matter, and a missing closing fence is an error, not a thematic break and prose.
_YAML_KEY_LINE = re.compile(r"[ \t]*[A-Za-z_][\w .-]*:(?:[ \t]|$)")
_TOML_KEY_LINE = re.compile(r"[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*')[ \t]*(?:=|\.)|[ \t]*\[")
# What ends a "---" block for markdown-it's front matter rule: a line of three or more
# dashes (up to three spaces before) or "...", each with trailing spaces only.
_YAML_CLOSE = re.compile(r"^(?: {0,3}-{3,}|\.\.\.)[ \t]*$", re.MULTILINE)


def check_closed(text: str, *, toml: bool) -> None:
    """Raise :class:`FrontMatterError` when *text* opens front matter that never closes.

    *text* starts with a ``---`` (or, with *toml*, ``+++``) fence.  The block
    counts as front matter when its first line reads as a key (``title: x``,
    ``title = "x"``); without a closing fence the document is malformed.  A
    fence followed by prose is left alone (``---`` is then a thematic break).

    >>> check_closed("---\\nNot a key\\n", toml=False) is None
    True
    >>> check_closed("---\\ntitle: x\\nBody", toml=False)
    Traceback (most recent call last):
    ...
    articlekit.FrontMatterError: markdown input: the '---' front matter is never closed (no closing '---' line) (line 1)
    """
    newline = text.find("\n")
    if newline < 0:
        return
    end = text.find("\n", newline + 1)
    first = text[newline + 1 : len(text) if end < 0 else end]
    if toml:
        if not _TOML_KEY_LINE.match(first) or split_toml(text) is not None:
            return
    elif not _YAML_KEY_LINE.match(first) or _YAML_CLOSE.search(text, newline + 1) is not None:
        return
    fence = "+++" if toml else "---"
    raise FrontMatterError(
        f"the {fence!r} front matter is never closed (no closing {fence!r} line)", source="markdown", line=1
    )


def starts_with_toml_fence(text: str) -> bool:
    """True when the first line of *text* is a ``+++`` fence."""
    match = _TOML_FENCE.match(text)
    return match is not None and (match.end() == len(text) or match.group().endswith("\n"))


def _check_size(source: str, limits: Limits, first_line: int) -> None:
    if len(source) > limits.max_front_matter_bytes // 4:
        size = len(source.encode("utf-8"))
        if size > limits.max_front_matter_bytes:
            # (to_markdown writes an Article's front matter whole, whatever its size: the
            # message says what reads it back.)
            raise FrontMatterError(
                f"the front matter is {size:,} bytes, larger than Limits.max_front_matter_bytes "
                f"({limits.max_front_matter_bytes:,} bytes); to read it, pass "
                f"limits=Limits(max_front_matter_bytes={size})",
                source="markdown",
                line=first_line,
            )


def _yaml_error(exc: BaseException, first_line: int) -> FrontMatterError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = first_line + mark.line if mark is not None else first_line
    column = mark.column + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return FrontMatterError(f"malformed YAML front matter: {problem}", source="markdown", line=line, column=column)


def _count_yaml(source: str, limits: Limits, first_line: int) -> None:
    """Walk the YAML events: count nodes and characters (aliases count what they repeat) and nesting.

    The characters of the scalars, aliases expanded, may not pass
    ``limits.max_front_matter_bytes``: aliases do not make the data bigger than a front
    matter written out in full may be (a 33 KB string aliased 8,000 times is refused).
    """
    sizes: dict[str, tuple[int, int]] = {}
    stack: list[tuple[str | None, int, int]] = []
    total = 0
    chars = 0
    budget = limits.max_front_matter_bytes
    for event in yaml.parse(source, Loader=_SafeLoader):
        line = first_line + event.start_mark.line if event.start_mark is not None else first_line
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor or "")
            if size is None:
                raise FrontMatterError(
                    f"YAML alias *{event.anchor} refers to an unknown or enclosing anchor",
                    source="markdown",
                    line=line,
                )
            total += size[0]
            chars += size[1]
            if chars > budget:
                raise FrontMatterError(
                    f"the front matter's aliases expand it past Limits.max_front_matter_bytes ({budget:,} characters)",
                    source="markdown",
                    line=line,
                )
        elif isinstance(event, yaml.ScalarEvent):
            total += 1
            chars += len(event.value)
            if event.anchor:
                sizes[event.anchor] = (1, len(event.value))
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            total += 1
            stack.append((event.anchor, total, chars))
            if len(stack) > limits.max_depth:
                raise FrontMatterError(
                    f"the front matter nests more than Limits.max_depth ({limits.max_depth}) levels",
                    source="markdown",
                    line=line,
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, start, start_chars = stack.pop()
            if anchor:
                sizes[anchor] = (total - start + 1, chars - start_chars)
        if total > limits.max_yaml_nodes:
            raise FrontMatterError(
                f"the front matter expands to more than Limits.max_yaml_nodes ({limits.max_yaml_nodes:,}) "
                "YAML nodes (aliases count every node they repeat); to read it, pass a larger "
                "limits=Limits(max_yaml_nodes=...)",
                source="markdown",
                line=line,
            )


def load_yaml(source: str, *, first_line: int, limits: Limits) -> dict[str, Any] | None:
    """Load YAML front matter safely; None when it is valid YAML but not a mapping.

    An empty front matter gives ``{}``.  *first_line* is the document line the
    YAML starts on (2 for a front matter opened on line 1).

    :raises FrontMatterError: malformed YAML, too big, too many nodes, too deep.
    """
    _check_size(source, limits, first_line)
    try:
        _count_yaml(source, limits, first_line)
        data = yaml.load(source, Loader=_SafeLoader)
    except FrontMatterError:
        raise
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise _yaml_error(exc, first_line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        return None
    return data


def load_toml(source: str, *, first_line: int, limits: Limits) -> dict[str, Any]:
    """Load TOML front matter.

    :raises FrontMatterError: malformed TOML, too big, too deep.
    """
    _check_size(source, limits, first_line)
    try:
        data: dict[str, Any] = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        lineno = getattr(exc, "lineno", None)
        colno = getattr(exc, "colno", None)
        msg = getattr(exc, "msg", None) or str(exc)
        if lineno is None:
            found = _TOML_LINE.search(str(exc))
            if found:
                lineno, colno = int(found.group(1)), int(found.group(2))
                msg = str(exc)[: found.start()].rstrip(" (")
        raise FrontMatterError(
            f"malformed TOML front matter: {msg}",
            source="markdown",
            line=first_line + (lineno - 1 if lineno else 0),
            column=colno,
        ) from None
    except RecursionError:
        raise FrontMatterError(
            "the TOML front matter nests too deeply", source="markdown", line=first_line
        ) from None
    except ValueError as exc:  # a decimal integer past Python's digit limit
        raise FrontMatterError(f"malformed TOML front matter: {exc}", source="markdown", line=first_line) from None
    _check_depth(data, limits, first_line)
    return data


def _check_depth(data: object, limits: Limits, first_line: int) -> None:
    todo: list[tuple[object, int]] = [(data, 0)]
    while todo:
        value, depth = todo.pop()
        if depth > limits.max_depth:
            raise FrontMatterError(
                f"the front matter nests more than Limits.max_depth ({limits.max_depth}) levels",
                source="markdown",
                line=first_line,
            )
        if isinstance(value, Mapping):
            todo.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, (list, tuple)):
            todo.extend((v, depth + 1) for v in value)


# --------------------------------------------------------------------------- mapping


@attrs.define
class Metadata:
    """Article fields found in front matter, the unknown keys and what went wrong."""

    fields: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)
    warnings: list[str] = attrs.field(factory=list)
    #: True when the front matter has a ``title`` key (even an empty one); the
    #: leading-heading title rule applies only when it has none.
    has_title_key: bool = False


def _key(key: object) -> str:
    if isinstance(key, str):
        return clean_text(key)
    if isinstance(key, bool) or key is None:
        return json.dumps(key)
    if isinstance(key, (datetime, date, time)):
        return key.isoformat()
    return clean_text(str(key))


def _big_int(value: int, warnings: list[str], where: str) -> str:
    warnings.append(f"front matter {where}: an integer of {value.bit_length():,} bits is too large for a number; kept as a hexadecimal string")
    return hex(value)


def to_json_value(value: object, warnings: list[str], where: str) -> Any:
    """A JSON-compatible copy of a loaded YAML/TOML value (dates become ISO strings).

    Integers wider than :data:`MAX_INT_BITS` become hexadecimal strings, with a warning.
    Depth is bounded by the loaders (``Limits.max_depth``), so recursion is bounded.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        return _big_int(value, warnings, where)
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            warnings.append(f"front matter {where}: {value} is not a JSON number; kept as a string")
            return str(value)
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_json_value(v, warnings, where) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json_value(v, warnings, where) for v in value), key=repr)
    if isinstance(value, Mapping):
        return {_key(k): to_json_value(v, warnings, where) for k, v in value.items()}
    if isinstance(value, bytes):
        warnings.append(f"front matter {where}: binary data dropped")
        return None
    return clean_text(str(value))  # pragma: no cover - loaders give no other types


def _scalar_text(value: object) -> str | None:
    """A front-matter scalar as text: strings as they are, numbers and booleans spelt out."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        return hex(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return None


def to_datetime(value: object) -> datetime | None:
    """A timezone-aware datetime from a YAML/TOML date or an ISO 8601 string.

    A bare date is midnight UTC; a datetime without an offset is taken as UTC
    (strings are read by :func:`articlekit._dates.read_iso`).

    >>> to_datetime("2024-03-01")
    datetime.datetime(2024, 3, 1, 0, 0, tzinfo=datetime.timezone.utc)
    >>> to_datetime("2024-03-01T10:30:00+02:00").isoformat()
    '2024-03-01T10:30:00+02:00'
    >>> to_datetime("yesterday") is None
    True
    """
    if isinstance(value, datetime):
        return aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, str):
        return read_iso(value)
    return None


class _Mapper:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.out = Metadata()

    def warn(self, message: str) -> None:
        self.out.warnings.append(message)

    def cut(self, text: str, limit: CutLimit, what: str) -> str:
        """*text* cut to *limit* with a warning (:meth:`Limits.cut`; it raises under ``strict``)."""
        message = f"front matter {what} longer than Limits.{limit} ({getattr(self.limits, limit):,} characters); cut"
        return self.limits.cut(text, limit, f"front matter {what}", self.warn, message, source="markdown")

    def keep(self, key: str, value: object) -> None:
        self.out.extra[key] = to_json_value(value, self.out.warnings, repr(key))

    def visible(self, text: str, what: str) -> str:
        """*text* without bidi controls and invisible characters (as names and titles are
        read from HTML), saying so: they would make a name or title display as other text."""
        cleaned = visible(text)
        if len(cleaned) != len(text):
            self.warn(
                f"front matter {what}: {len(text) - len(cleaned):,} bidi-control or invisible "
                "character(s) removed"
            )
        return cleaned

    def text_field(self, field: str, key: str, value: object) -> None:
        text = _scalar_text(value)
        if text is None:
            self.warn(f"front matter {key!r} is not text; kept in Article.extra")
            self.keep(key, value)
            return
        if field in ("url", "canonical_url") and is_unsafe_url(text):
            self.warn(f"front matter {key!r}: an unsafe URL (javascript:, data: and the like) was dropped")
            return
        if field in ("title", "standfirst", "description"):
            text = self.cut(self.visible(text, repr(key)), "max_title_chars", key)
        elif field in ("site_name", "section"):
            text = self.cut(self.visible(text, repr(key)), "max_name_chars", key)
        self.out.fields[field] = text

    def text_list(self, key: str, value: object) -> list[str] | None:
        if isinstance(value, str):
            items = [self.visible(clean_text(v), repr(key)).strip() for v in value.split(",") if v.strip()]
            return [v for v in items if v]
        if isinstance(value, (list, tuple)):
            texts = [_scalar_text(v) for v in value]
            if any(v is None for v in texts):
                self.warn(f"front matter {key!r} holds something other than text; kept in Article.extra")
                return None
            return [self.visible(v, repr(key)) for v in texts if v is not None]
        text = _scalar_text(value)
        if text is None:
            self.warn(f"front matter {key!r} is not a list of text; kept in Article.extra")
            return None
        return [self.visible(text, repr(key))]

    def person(self, key: str, value: object) -> Person | None:
        if isinstance(value, Mapping):
            name = _scalar_text(value.get("name"))
            url = _scalar_text(next((value[k] for k in ("url", "link", "website") if k in value), None))
            role = _scalar_text(value.get("role"))
        else:
            name, url, role = _scalar_text(value), None, None
        if name is not None:
            name = self.visible(name, f"{key!r} (an author's name)")
        if name is None or not name.strip():
            self.warn(f"front matter {key!r}: an author without a name was skipped")
            return None
        name = self.cut(name, "max_name_chars", "author name")
        if url and is_unsafe_url(url):
            self.warn(f"front matter {key!r}: an author's unsafe URL (javascript:, data: and the like) was dropped")
            url = None
        return Person(name, url=url or None, role=role or None)

    def authors(self, key: str, value: object) -> None:
        items = value if isinstance(value, (list, tuple)) else [value]
        people = [p for p in (self.person(key, v) for v in items if v is not None) if p is not None]
        self.out.fields["authors"] = self.limits.cut(
            people, "max_authors", "authors", self.warn,
            f"more than Limits.max_authors ({self.limits.max_authors}) authors; the rest were dropped",
            source="markdown",
        )

    def image(self, key: str, value: object) -> Image | None:
        if isinstance(value, Mapping):
            url = _scalar_text(next((value[k] for k in ("url", "src", "image") if k in value), None))
            alt = _scalar_text(value.get("alt"))
            caption = _scalar_text(value.get("caption"))
            credit = _scalar_text(value.get("credit"))
        else:
            url, alt, caption, credit = _scalar_text(value), None, None, None
        if url is None:
            self.warn(f"front matter {key!r}: an image without a URL was skipped")
            return None
        if is_unsafe_url(url, image=True):
            self.warn(f"front matter {key!r}: an image with an unsafe URL (javascript:, data: and the like) was skipped")
            return None
        return Image(url, alt=alt, caption=caption, credit=credit)

    def date(self, field: str, key: str, value: object) -> None:
        when = to_datetime(value)
        if when is None:
            self.warn(f"front matter {key!r}: {value!r} is not a date; kept in Article.extra")
            self.keep(key, value)
            return
        self.out.fields[field] = when

    def language(self, key: str, value: object) -> None:
        text = _scalar_text(value)
        tag = text.strip().replace("_", "-") if text else ""
        if not _LANGUAGE_TAG.match(tag):
            self.warn(f"front matter {key!r}: {value!r} is not a language tag; kept in Article.extra")
            self.keep(key, value)
            return
        self.out.fields["language"] = tag

    def section(self, key: str, value: object) -> None:
        if isinstance(value, (list, tuple)):
            if not value:
                return
            if len(value) > 1:
                self.keep(key, value)
            value = value[0]
        self.text_field("section", key, value)

    def page_type(self, key: str, value: object) -> None:
        text = _scalar_text(value)
        kind = text.strip().lower() if text else ""
        if kind not in _PAGE_TYPES:
            self.warn(f"front matter {key!r}: {value!r} is not a page type; kept in Article.extra")
            self.keep(key, value)
            return
        self.out.fields["page_type"] = kind

    def run(self, data: Mapping[Any, Any]) -> Metadata:
        by_lower: dict[str, list[tuple[str, object]]] = {}
        for raw_key, value in data.items():
            key = _key(raw_key)
            by_lower.setdefault(key.lower(), []).append((key, value))
        used: set[str] = set()
        self.out.has_title_key = "title" in by_lower
        for field, aliases in KEYS.items():
            present = [(k, v) for alias in aliases for (k, v) in by_lower.get(alias, [])]
            if not present:
                continue
            chosen = present if field in _MERGED else present[:1]
            used.update(k for k, _ in chosen)
            for key, value in chosen:
                self.field(field, key, value)
        for key, value in ((k, v) for pairs in by_lower.values() for k, v in pairs):
            if key not in used:
                self.keep(key, value)
        return self.out

    def field(self, field: str, key: str, value: object) -> None:
        if value is None:
            return
        if field == "authors":
            self.authors(key, value)
        elif field in ("published", "modified"):
            self.date(field, key, value)
        elif field == "language":
            self.language(key, value)
        elif field == "section":
            self.section(key, value)
        elif field == "page_type":
            self.page_type(key, value)
        elif field in ("tags", "credits"):
            items = self.text_list(key, value)
            if items is None:
                self.keep(key, value)
                return
            if field not in self.out.fields:
                self.out.fields[field] = items
            else:
                seen = set(self.out.fields[field])
                self.out.fields[field].extend(t for t in items if field == "credits" or t not in seen)
            if field == "tags":
                self.out.fields[field] = self.limits.cut(
                    self.out.fields[field], "max_tags", "tags", self.warn,
                    f"more than Limits.max_tags ({self.limits.max_tags}) tags; the rest were dropped",
                    source="markdown",
                )
        elif field == "images":
            entries: Sequence[object] = value if isinstance(value, (list, tuple)) else [value]
            images: list[Image] = self.out.fields.setdefault("images", [])
            images.extend(i for i in (self.image(key, v) for v in entries if v is not None) if i is not None)
        else:
            self.text_field(field, key, value)


def map_front_matter(data: Mapping[Any, Any], *, limits: Limits) -> Metadata:
    """Map a loaded front-matter mapping onto Article fields (see :data:`KEYS`).

    >>> meta = map_front_matter({"title": "Hi", "tags": "a, b", "draft": True}, limits=Limits())
    >>> meta.fields["title"], meta.fields["tags"], dict(meta.extra)
    ('Hi', ['a', 'b'], {'draft': True})
    """
    return _Mapper(limits).run(data)
