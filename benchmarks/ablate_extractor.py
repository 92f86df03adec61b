"""Ablation of the extractor's rules on the WCXB development pages: each rule switched off in turn.

    PYTHONPATH=src python benchmarks/ablate_extractor.py [--rules NAME ...] [--out FILE]

**Figures on development pages**, each the mean over the five site folds (``wcxb.folds``) of
the folds' mean word F1, as in ``bench_wcxb.py``; nothing is fitted here.  For every rule of
``articlekit._parsers.html._extract`` (in chain order) the whole corpus is parsed with that
rule off, and the table gives the change of F1 against the full chain: overall, on the worst
fold (the smallest change over the five folds) and per page type.  A positive change means
the rule costs F1: such a rule is removed.  ``score`` and ``select`` are the extractor
itself (without them nothing is chosen) and are not switched off; ``warn-short`` only adds a
warning.  Writes ``benchmarks/results/extract_ablation.md``.
"""

from __future__ import annotations

import argparse
import datetime
import platform
from pathlib import Path

import wcxb
from extract_cv import TYPES, Corpus, line

from articlekit._parsers.html import _extract

HERE = Path(__file__).resolve().parent
OUT = HERE / "results" / "extract_ablation.md"
FIXED = ("score", "select", "warn-short")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", nargs="*", default=None, help="rules to switch off (default: every rule)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rules = args.rules or [r for r in _extract.rule_names() if r not in FIXED]
    corpus = Corpus()
    full = corpus.summary(corpus.f1s())
    print("full chain:", line(full), flush=True)
    rows: list[tuple[str, float, float, float, list[float]]] = []
    for rule in rules:
        off = corpus.summary(corpus.f1s([rule]))
        print(f"without {rule}:", line(off), flush=True)
        fold_deltas = [off["all"][str(k)] - full["all"][str(k)] for k in range(wcxb.FOLDS)]
        rows.append((rule, off["all"]["mean"] - full["all"]["mean"], min(fold_deltas), max(fold_deltas),
                     [off[t]["mean"] - full[t]["mean"] for t in TYPES]))
        # Written after every rule, so that an interrupted run keeps what it measured.
        args.out.write_text(_table(full, rows), encoding="utf-8")
    print(_table(full, rows))


def _table(full: dict[str, dict[str, float]], rows: list[tuple[str, float, float, float, list[float]]]) -> str:
    header = ["rule switched off", "F1 change", "fold min", "fold max", *TYPES]
    lines = [
        "# Extractor ablation (development pages)",
        "",
        f"WCXB development pages (1,497), word F1, mean over 5 site folds; generated "
        f"{datetime.date.today().isoformat()} by `PYTHONPATH=src python benchmarks/ablate_extractor.py` "
        f"(Python {platform.python_version()}).",
        "",
        f"Full chain: F1 {full['all']['mean']:.4f}; "
        + ", ".join(f"{t} {full[t]['mean']:.3f}" for t in TYPES) + ".",
        "",
        "Each row: the change in F1 when that one rule is switched off (negative: the rule helps). "
        "`fold min` / `fold max`: the smallest and largest change over the five folds.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" + "---:|" * (len(header) - 1),
    ]
    for rule, delta, lo, hi, per_type in rows:
        cells = [f"`{rule}`", f"{delta:+.4f}", f"{lo:+.4f}", f"{hi:+.4f}", *(f"{d:+.3f}" for d in per_type)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
