"""Parse functions for the batch tests: module-level, so worker processes can import them.

Each takes the :data:`articlekit._batch.Parser` shape.  The document's text
chooses the behaviour, so one batch can mix good and pathological documents:
``CRASH`` aborts the worker process, ``HANG`` sleeps for ever, ``HOG``
allocates far more memory than any test limit, ``BARRIER`` waits for a
second document (see below), ``BUG`` raises a plain
``RuntimeError``; anything else becomes an Article titled with its first line.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any

from articlekit import Article, Paragraph, Text

_TITLE = re.compile(rb"<title>([^<]{0,200})</title>", re.IGNORECASE)


def title_parser(data: bytes | str, *, format: str, url: str | None, quotes: bool, limits: Any, **extra: Any) -> Article:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if raw.startswith(b"CRASH"):
        os.abort()
    if raw.startswith(b"HANG"):
        time.sleep(3600)
    if raw.startswith(b"HOG"):
        hog = bytearray(4 * 1024**3)  # over every memory limit the tests set
        return Article(title=str(len(hog)))
    if raw.startswith(b"BARRIER"):
        # BARRIER MINE OTHER: create MINE, then wait for OTHER: two such documents
        # finish only if two workers run them at the same time.
        _, mine, other = raw.decode().split()
        open(mine, "w").close()
        for _ in range(3000):
            if os.path.exists(other):
                break
            time.sleep(0.01)
        else:
            raise RuntimeError("the other document never ran")
    if raw.startswith(b"BUG"):
        raise RuntimeError("a bug in the parser")
    match = _TITLE.search(raw)
    title = (match.group(1) if match else raw.splitlines()[0]).decode("utf-8", "replace").strip()
    note = f"{format}|{extra.get('encoding')}|{os.getpid()}"
    return Article(title=title or "untitled", url=url, body=[Paragraph([Text(note)])])
