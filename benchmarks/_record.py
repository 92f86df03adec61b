"""The fitting scripts' loop: every page through ``parse_html`` with one rule swapped for a recorder.

Shared by ``fit_scoring.py`` (rule ``learned``) and ``fit_blocks.py`` (rule
``learned-blocks``).  :func:`record` replaces the named rule of the extractor's rule chain
(``_extract.RULES``) by ``recorder(key, state)`` for the duration of the run, parses each
page in order, and puts the chain back however the run ends.  A page whose parse raises is
skipped (crashes are measured by the benchmarks, not here).

The scripts run as ``python benchmarks/<script>.py``, so this module is imported as
``_record`` (the script's folder is on ``sys.path``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from articlekit._parsers.html import _extract, parse_html
from articlekit._parsers.html._extract._common import State

#: ``(page id, state)``: called where the swapped rule would run.
Recorder = Callable[[str, State], None]


def record(pages: Mapping[str, tuple[Any, ...]], rule: str, recorder: Recorder) -> None:
    """Parse every page of *pages* (id -> (html, url, ...)) with the rule named *rule*
    replaced by *recorder*; progress every 300 pages on standard error."""
    current = {"key": ""}

    def step(state: State) -> None:
        recorder(current["key"], state)

    original = _extract.RULES
    if rule not in {r.name for r in original}:
        raise ValueError(f"no rule named {rule!r}")
    _extract.RULES = tuple(_extract.Rule(r.name, r.stage, step) if r.name == rule else r for r in original)
    try:
        for n, (key, (html, url, *_)) in enumerate(pages.items()):
            current["key"] = key
            try:
                parse_html(html, url=url or None, quotes=False)
            except Exception:  # a crash is scored elsewhere
                continue
            if n % 300 == 299:
                print(f"  collected {n + 1} pages", file=sys.stderr, flush=True)
    finally:
        _extract.RULES = original
