"""Parse on a Dask cluster: a list of files or WARC archives -> a bag of parsed articles.

Needs the ``articlekit[dask]`` extra (dask, distributed, pyarrow).  The same
code runs on one machine (Dask's default scheduler) and on a cluster of many
(create a :class:`distributed.Client` first); only where the files live
changes (a shared file system, or paths every worker can read).

Each path becomes one partition, parsed by :func:`articlekit.parse_many` in
the Dask worker (``jobs=0``: Dask already runs partitions in separate
processes).  A failed document is a record with ``ok=False``, never a failed
task.  Records are dicts with the keys of :data:`COLUMNS`:

* ``input`` -- the document name (path, or ``archive.warc.gz#OFFSET``);
* ``url`` -- its URL, if known;
* ``ok`` -- whether it was parsed;
* ``format`` -- the output format of ``content``;
* ``content`` -- the article serialised in that format (articlekit JSON by
  default), or ``None``;
* ``error`` and ``message`` -- on failure, the kind of error and what went wrong.

Typical use::

    from distributed import Client
    from articlekit.dask import read_articles, to_jsonl, to_parquet

    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    bag = read_articles(["s3://bucket/crawl-00000.warc.gz", ...])
    to_jsonl(bag, "out/articles")                    # out/articles/0.jsonl, 1.jsonl, ...
    to_parquet(bag, "out/articles.parquet")
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from articlekit._batch import BatchResult, parse_many, result_line
from articlekit._errors import UnknownFormatError, ValidationError
from articlekit._input import INPUT_FORMATS
from articlekit._limits import Limits

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag


def _require_dask() -> None:
    """Fail at import, in words, when the ``articlekit[dask]`` extra is not installed."""
    missing = []
    for name in ("dask", "distributed"):
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    if missing:
        raise ImportError(
            f"articlekit.dask needs {' and '.join(missing)}: install the extra with pip install 'articlekit[dask]'"
        )


_require_dask()

__all__ = ["COLUMNS", "read_articles", "records", "to_jsonl", "to_parquet"]

#: The keys of each record, in order (and the Parquet columns).
COLUMNS = ("input", "url", "ok", "format", "content", "error", "message")


def _record(result: BatchResult, to: str) -> dict[str, Any]:
    return {
        "input": result.name,
        "url": result.url,
        "ok": result.ok,
        "format": to,
        "content": result.output,
        "error": result.error,
        "message": result.message,
    }


def records(
    paths: Sequence[str | os.PathLike[str]],
    *,
    format: str = "auto",
    to: str = "json",
    quotes: bool = True,
    limits: Limits | None = None,
) -> list[dict[str, Any]]:
    """Parse *paths* in this process and return their records (one Dask partition's work).

    >>> from articlekit import Article, to_json
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.json").write_text(to_json(Article(title="A")))
    >>> [(r["input"].endswith("a.json"), r["ok"], r["format"]) for r in records([folder / "a.json"])]
    [(True, True, 'json')]
    """
    return [
        _record(result, to)
        for result in parse_many(list(paths), jobs=0, format=format, quotes=quotes, limits=limits, to=to)
    ]


def _partition(paths: list[str], options: dict[str, Any]) -> list[dict[str, Any]]:
    return records(paths, **options)


def read_articles(
    paths: Sequence[str | os.PathLike[str]],
    *,
    format: str = "auto",
    to: str = "json",
    quotes: bool = True,
    limits: Limits | None = None,
) -> dask.bag.Bag:
    """A Dask bag of records (see the module docs), one partition per path, in order.

    :param paths: files or WARC archives every worker can read.
    :raises ValidationError: *paths* is empty.
    :raises UnknownFormatError: *format* or *to* is not known.
    """
    from articlekit._registry import formats

    bags: Any = importlib.import_module("dask.bag")

    if format not in INPUT_FORMATS:
        raise UnknownFormatError(f"unknown input format {format!r}; available: {', '.join(INPUT_FORMATS)}")
    if to not in formats():
        raise UnknownFormatError(f"unknown output format {to!r}; available: {', '.join(formats())}")
    names = [os.fspath(p) for p in paths]
    if not names:
        raise ValidationError("read_articles() needs at least one path")
    options = {"format": format, "to": to, "quotes": quotes, "limits": limits}
    bag: dask.bag.Bag = bags.from_sequence(names, npartitions=len(names)).map_partitions(_partition, options)
    return bag


def _line(record: dict[str, Any]) -> str:
    result = BatchResult(0, record["input"], record["url"], output=record["content"])
    return result_line(result, record["format"])


def _join_lines(lines: list[str]) -> list[str]:
    return ["".join(line + "\n" for line in lines)]


def to_jsonl(bag: dask.bag.Bag, directory: str | os.PathLike[str], *, errors: bool = False) -> list[str]:
    """Write the parsed articles as JSON Lines, one file per partition (``0.jsonl``, ``1.jsonl`` ...).

    Lines are those of ``articlekit batch``; concatenating the files in
    numeric order gives the single-machine output.  With ``errors=True`` the
    failed documents are written instead, as ``articlekit batch --errors``
    does.  Returns the paths written.
    """
    items: Any = bag
    if errors:
        lines = items.filter(lambda r: not r["ok"]).map(
            lambda r: json.dumps({k: r[k] for k in ("input", "url", "error", "message")}, ensure_ascii=False)
        )
    else:
        lines = items.filter(lambda r: r["ok"]).map(_line)
    # One text per partition, each line ending in a newline; an empty partition gives an empty file.
    texts = lines.map_partitions(_join_lines)
    written: list[str] = texts.to_textfiles(os.path.join(os.fspath(directory), "*.jsonl"))
    return written


def _part_name(index: int) -> str:
    return f"part.{index:06d}.parquet"


def to_parquet(bag: dask.bag.Bag, path: str | os.PathLike[str]) -> None:
    """Write every record (parsed and failed) as a Parquet dataset at *path* (needs pyarrow).

    One file per partition, ``part.000000.parquet``, ``part.000001.parquet`` ...,
    so reading the folder in file-name order gives the records in input order.
    """
    pd: Any = importlib.import_module("pandas")

    meta = pd.DataFrame(
        {
            "input": pd.Series(dtype="string"),
            "url": pd.Series(dtype="string"),
            "ok": pd.Series(dtype="bool"),
            "format": pd.Series(dtype="string"),
            "content": pd.Series(dtype="string"),
            "error": pd.Series(dtype="string"),
            "message": pd.Series(dtype="string"),
        }
    )
    frame = cast(Any, bag).to_dataframe(meta=meta)
    # Zero-padded part names: readers that sort file names read the rows in input order.
    frame.to_parquet(os.fspath(path), engine="pyarrow", write_index=False, name_function=_part_name)
