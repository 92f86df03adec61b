"""Ablation of the extractor's rules on the WCXB development pages: each rule switched off in turn.

    PYTHONPATH=src python benchmarks/ablate_extractor.py --cv --pagetype-cache P --scoring-cache S \\
        --blocks-cache B [--rules NAME ...] [--out FILE]
    PYTHONPATH=src python benchmarks/ablate_extractor.py [--rules NAME ...]      # in-sample

**Figures on development pages**, each the mean over the five site folds (``wcxb.folds``) of
the folds' mean per page, as in ``bench_wcxb.py``.  For every rule of
``articlekit._parsers.html._extract`` (in chain order) the whole corpus is parsed with that
rule off, and the table gives the change against the full chain: word F1 overall, on the
worst and best fold, per page type, the change of the share of must-not (boilerplate)
snippets kept, and the Scrapinghub development pages' shingle F1 with the rule off (it must
stay at or above 0.975).  A positive F1 change means the rule costs F1.

With ``--cv`` (the figures the docs quote) every fold's pages are parsed with the fitted
models of the *other* four folds: the page-type classifier, the learned scoring
(``fit_scoring.py``) and the block model (``fit_blocks.py``), from the fitting scripts'
caches (built on first use, which is slow); the Scrapinghub pages are scored with the
models of their site's fold.  The models are fitted once, with every rule on: a row says what
switching the rule off does to the extractor as fitted, not what a chain refitted without
the rule would score.  Without ``--cv`` the shipped models are used, which were fitted on
all these pages: the rows of the rules ``learned`` and ``learned-blocks`` (and of every rule
the models see) are then in-sample.

``score`` and ``select`` are the extractor itself (without them nothing is chosen) and are
not switched off; ``warn-short`` only adds a warning.  Writes
``benchmarks/results/extract_ablation.md`` after every row, so an interrupted run keeps the
rows it measured.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_html  # noqa: E402
import wcxb  # noqa: E402
from _systems import make_extractor  # noqa: E402
from extract_cv import TYPES, Corpus, line  # noqa: E402

from articlekit._parsers.html import _extract  # noqa: E402
from articlekit._parsers.html._extract import blocks  # noqa: E402

OUT = HERE / "results" / "extract_ablation.md"
FIXED = ("score", "select", "warn-short")


class Measure(NamedTuple):
    """One configuration's figures."""

    f1: dict[str, dict[str, float]]  # group -> "mean" and each fold's mean
    without: dict[str, dict[str, float]]  # the same for the share of must-not snippets kept
    scrapinghub: float  # shingle F1 on the Scrapinghub development pages


class Runner:
    """Parses both corpora with some rules off: with the shipped models, or held out by fold."""

    def __init__(self, corpus: Corpus, cv: bool, caches: dict[str, Path | None]) -> None:
        self.corpus = corpus
        self.sh_html, self.sh_truth, sh_urls = bench_html.load_corpus(bench_html.DEFAULT_CORPUS)
        self.sh_urls = sh_urls
        self.sh_fold = {k: wcxb.fold_of(wcxb.site_of(wcxb.domain_of(sh_urls[k]))) for k in self.sh_html}
        self.extract = make_extractor("articlekit")
        self.cv = cv
        if cv:
            import fit_blocks

            self.folds = fit_blocks.Folds(corpus, caches["pagetype"], caches["scoring"])
            data = fit_blocks.block_data(corpus, self.folds, caches["blocks"])
            self.block_models = fit_blocks.fold_block_models(data, self.folds.fold)

    def _in_fold(self, k: int, job: Callable[[], Any]) -> Any:
        if not self.cv:
            return job()
        saved = blocks.MODEL["model"]
        blocks.MODEL["model"] = self.block_models[k]
        try:
            return self.folds.run(k, job)
        finally:
            blocks.MODEL["model"] = saved

    def measure(self, disabled: Iterable[str] = ()) -> Measure:
        off = frozenset(disabled)
        figures: dict[str, dict[str, Any]] = {}
        texts: dict[str, str] = {}
        for k in range(wcxb.FOLDS):
            ids = [key for key in self.corpus.ids if self.corpus.fold[key] == k]
            sh_ids = [key for key in self.sh_html if self.sh_fold[key] == k]
            figures |= self._in_fold(k, lambda ids=ids: self.corpus.figures(off, ids=ids))
            texts |= self._in_fold(k, lambda sh_ids=sh_ids: self._scrapinghub(off, sh_ids))
        return Measure(
            f1=self.corpus.summary({k: v["f1"] for k, v in figures.items()}),
            without=self.corpus.summary({k: v["without"] for k, v in figures.items()}),
            scrapinghub=bench_html.score(self.sh_truth, texts)["f1"],
        )

    def _scrapinghub(self, off: frozenset[str], ids: list[str]) -> dict[str, str]:
        _extract.DISABLED = off
        try:
            return {key: self.extract(self.sh_html[key], self.sh_urls[key]) for key in ids}
        finally:
            _extract.DISABLED = frozenset()


Row = tuple[str, Measure]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", nargs="*", default=None, help="rules to switch off (default: every rule)")
    parser.add_argument("--cv", action="store_true", help="each fold scored with models fitted on the other four")
    parser.add_argument("--pagetype-cache", type=Path, default=None, help="fit_pagetype's feature cache")
    parser.add_argument("--scoring-cache", type=Path, default=None, help="fit_scoring's candidate cache")
    parser.add_argument("--blocks-cache", type=Path, default=None, help="fit_blocks' block cache")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rules = args.rules or [r for r in _extract.rule_names() if r not in FIXED]
    corpus = Corpus()
    runner = Runner(corpus, args.cv, {"pagetype": args.pagetype_cache, "scoring": args.scoring_cache,
                                      "blocks": args.blocks_cache})
    command = _command(args)
    full = runner.measure()
    print(f"full chain: {line(full.f1)} | must-not {full.without['all']['mean']:.4f} | "
          f"scrapinghub {full.scrapinghub:.4f}", flush=True)
    rows: list[Row] = []
    for rule in rules:
        off = runner.measure([rule])
        print(f"without {rule}: {line(off.f1)} | must-not {off.without['all']['mean']:.4f} | "
              f"scrapinghub {off.scrapinghub:.4f}", flush=True)
        rows.append((rule, off))
        # Written after every rule, so that an interrupted run keeps what it measured.
        args.out.write_text(_table(full, rows, args.cv, command), encoding="utf-8")
    print(_table(full, rows, args.cv, command))


def _command(args: argparse.Namespace) -> str:
    parts = ["PYTHONPATH=src python benchmarks/ablate_extractor.py"]
    if args.cv:
        parts.append("--cv --pagetype-cache P --scoring-cache S --blocks-cache B")
    if args.rules:
        parts.append("--rules " + " ".join(args.rules))
    return " ".join(parts)


def _table(full: Measure, rows: list[Row], cv: bool, command: str) -> str:
    header = ["rule switched off", "F1 change", "fold min", "fold max", "must-not change", "scrapinghub-dev",
              *TYPES]
    how = (
        "cross-validated: each fold's pages parsed with the page-type, scoring and block models "
        "fitted on the other four folds (fitted once, with every rule on)"
        if cv else
        "**in-sample**: the shipped models, fitted on all these pages, are used for every fold"
    )
    lines = [
        "# Extractor ablation (development pages)",
        "",
        f"WCXB development pages (1,497), word F1, mean over 5 site folds; {how}. Generated "
        f"{datetime.date.today().isoformat()} by `{command}` (Python {platform.python_version()}).",
        "",
        f"Full chain: F1 {full.f1['all']['mean']:.4f} (folds "
        + ", ".join(f"{full.f1['all'][str(k)]:.3f}" for k in range(wcxb.FOLDS)) + "); "
        + ", ".join(f"{t} {full.f1[t]['mean']:.3f}" for t in TYPES)
        + f"; must-not snippets kept {full.without['all']['mean']:.4f}; "
        f"Scrapinghub development pages (shingle F1) {full.scrapinghub:.4f}.",
        "",
        "Each row: the change when that one rule is switched off (F1: negative means the rule helps; "
        "must-not: positive means the rule keeps boilerplate out). `fold min` / `fold max`: the "
        "smallest and largest F1 change over the five folds. `scrapinghub-dev`: the shingle F1 "
        "of the Scrapinghub development pages with the rule off.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" + "---:|" * (len(header) - 1),
    ]
    for rule, off in rows:
        deltas = [off.f1["all"][str(k)] - full.f1["all"][str(k)] for k in range(wcxb.FOLDS)]
        cells = [
            f"`{rule}`",
            f"{off.f1['all']['mean'] - full.f1['all']['mean']:+.4f}",
            f"{min(deltas):+.4f}",
            f"{max(deltas):+.4f}",
            f"{off.without['all']['mean'] - full.without['all']['mean']:+.4f}",
            f"{off.scrapinghub:.4f}",
            *(f"{off.f1[t]['mean'] - full.f1[t]['mean']:+.3f}" for t in TYPES),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
