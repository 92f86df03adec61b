"""Hostile inputs found by an attacker's pass over every entry point, one test per finding.

Time is never asserted here (``benchmarks/bench_torture.py`` measures it): where a finding
was super-linear work, the test counts the work deterministically (elements moved, scans
restarted) or checks the limit that now bounds it and the warning that names it.
"""

from __future__ import annotations

from typing import Any

import pytest

import articlekit as ak
from articlekit._quotes import _marks


class _CountingList(list):  # type: ignore[type-arg]
    moved = 0

    def extend(self, items: Any) -> None:
        items = list(items)
        _CountingList.moved += len(items)
        super().extend(items)


class _CountingFrame(_marks._Frame):
    def __init__(self, mark: str, pos: int) -> None:
        super().__init__(mark, pos)
        self.children = _CountingList()


def test_runs_of_single_marks_move_each_nested_quote_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # " 'a 'b' c' 'd ": opening marks left open pile up and are dropped at max_chars, each
    # handing its nested quotes to the next; copying the growing list every time was quadratic.
    monkeypatch.setattr(_marks, "_Frame", _CountingFrame)
    _CountingList.moved = 0
    text = "T\n\n" + " 'a 'b' c' 'd " * 20_000
    quotes = _marks.scan_quotes(text, max_chars=2000, max_quotes=10**9)
    assert quotes
    assert _CountingList.moved <= 20 * len(text) // 14
