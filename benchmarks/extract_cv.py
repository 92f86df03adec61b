"""Cross-validated word F1 of articlekit's extractor on the WCXB development pages, in process.

Shared by ``ablate_extractor.py`` and ``fit_extractor.py``, and a fast loop while developing
(figures on **development pages**)::

    PYTHONPATH=src python benchmarks/extract_cv.py [--disable RULE ...] [--per-page FILE]

Every page goes through ``parse_html(page_bytes, url=truth_url, quotes=False)`` and its text
is built as ``bench_wcxb.py`` builds it (``--articlekit-text standfirst``); the figures are the
mean over the five site folds of ``wcxb.folds`` (each fold's mean F1 per page type), as in
``bench_wcxb.py``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import wcxb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from articlekit import Figure  # noqa: E402
from articlekit._model._text import block_text  # noqa: E402
from articlekit._parsers.html import _extract, parse_html  # noqa: E402
from articlekit._parsers.html._extract._weights import WEIGHTS  # noqa: E402

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def article_text(html: bytes, url: str) -> str:
    """articlekit's benchmark text of a page: the standfirst, then the body blocks but figures."""
    article = parse_html(html, url=url or None, quotes=False)
    parts = [block_text(b) for b in article.body if not isinstance(b, Figure)]
    if article.standfirst:
        parts.insert(0, article.standfirst)
    return "\n\n".join(parts)


class Corpus:
    """The development pages, their truth and their folds, read once."""

    def __init__(self, corpus: Path = wcxb.DEFAULT_CORPUS) -> None:
        self.pages = wcxb.load_corpus(corpus)
        self.ids = sorted(self.pages)
        self.fold = wcxb.folds(self.ids, corpus)
        self.html = {key: wcxb.read_html(corpus, key) for key in self.ids}

    def _texts(self, disabled: Iterable[str], ids: Iterable[str] | None) -> Iterator[tuple[str, Any, str]]:
        """Each page's key, page and extracted text with the rules *disabled* switched off."""
        _extract.DISABLED = frozenset(disabled)
        try:
            for key in self.ids if ids is None else ids:
                page = self.pages[key]
                try:
                    text = article_text(self.html[key], page.url)
                except Exception:
                    text = ""
                yield key, page, text
        finally:
            _extract.DISABLED = frozenset()

    def f1s(self, disabled: Iterable[str] = (), ids: Iterable[str] | None = None) -> dict[str, float]:
        """Every page's word F1 with the rules *disabled* switched off."""
        return {key: wcxb.word_scores(page.main_content, text)[2] for key, page, text in self._texts(disabled, ids)}

    def figures(self, disabled: Iterable[str] = (), ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """Every page's figures (``wcxb.page_figures``: F1, must-have and must-not shares) with
        the rules *disabled* switched off."""
        return {key: wcxb.page_figures(page, text) for key, page, text in self._texts(disabled, ids)}

    def summary(self, f1: Mapping[str, float | None]) -> dict[str, dict[str, float]]:
        """Per group ("all" and each type): the mean over folds and each fold's mean of the
        per-page values (F1, or any per-page share; ``None`` values are skipped)."""
        out: dict[str, dict[str, float]] = {}
        for group in ("all", *TYPES):
            folds: dict[str, float] = {}
            for k in range(wcxb.FOLDS):
                values = [v for key, v in f1.items() if v is not None
                          and self.fold[key] == k and (group == "all" or self.pages[key].page_type == group)]
                if values:
                    folds[str(k)] = statistics.fmean(values)
            out[group] = {"mean": statistics.fmean(folds.values()) if folds else float("nan")} | folds
        return out


def line(summary: Mapping[str, Mapping[str, float]]) -> str:
    """One line: the fold mean overall, per fold, and per type."""
    allf = summary["all"]
    per_fold = " ".join(f"{allf[str(k)]:.3f}" for k in range(wcxb.FOLDS))
    types = " ".join(f"{t[:4]} {summary[t]['mean']:.3f}" for t in TYPES)
    return f"all {allf['mean']:.4f} (folds {per_fold}) | {types}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--disable", nargs="*", default=[], help="rules to switch off")
    parser.add_argument("--per-page", type=Path, default=None, help="write {id: F1} to FILE")
    parser.add_argument("--compare", type=Path, default=None, help="a --per-page FILE to compare with")
    parser.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="override fitted weights")
    args = parser.parse_args()
    for item in args.set:
        key, _, value = item.partition("=")
        WEIGHTS[key] = float(value)
    corpus = Corpus()
    f1 = corpus.f1s(args.disable)
    print(line(corpus.summary(f1)))
    if args.per_page:
        args.per_page.write_text(json.dumps(f1), encoding="utf-8")
    if args.compare:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        diffs = sorted(((f1[k] - old[k], k) for k in f1 if k in old), reverse=True)
        print("gains:", " ".join(f"{k}:{corpus.pages[k].page_type[:4]}{d:+.2f}" for d, k in diffs[:12] if d > 0))
        print("losses:", " ".join(f"{k}:{corpus.pages[k].page_type[:4]}{d:+.2f}" for d, k in diffs[::-1][:12] if d < 0))
        print(f"pages up {sum(d > 0.02 for d, _ in diffs)}, down {sum(d < -0.02 for d, _ in diffs)}")


if __name__ == "__main__":
    main()
