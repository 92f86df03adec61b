"""What each attribution rule brings: PolNeAR train and dev with one rule switched off at a time.

The rules are the named units of ``articlekit/_quotes/_rules.py``.  For each, the development
splits are scored with that rule off (``extract_quotes(..., disabled=frozenset({name}))``) and
the change of the five name-based figures of ``bench_quotes_polnear.py`` is printed: a positive
change means the figure drops without the rule, so the rule helps.  Development splits only (the
test split is never read here)::

    PYTHONPATH=src python benchmarks/ablate_quotes.py

Writes ``benchmarks/results/quotes_ablation.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import sys

import _report
from bench_quotes_polnear import ROOT, score

from articlekit._quotes._rules import RULES

FIGURES = ("quote_F1", "speaker_name_acc", "pronoun_rate", "e2e_F1", "all_R")
LABELS = ("quote F1", "speaker", "pronoun", "quote+speaker F1", "all attributions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    _report.add_out_option(parser, "quotes_ablation")
    parser.add_argument("--rules", default="", help="comma-separated rule names (default: all)")
    args = parser.parse_args(argv)
    if not ROOT.exists():
        print(f"PolNeAR not found at {ROOT}; see bench_quotes_polnear.py", file=sys.stderr)
        return 2
    names = [r.name for r in RULES] if not args.rules else args.rules.split(",")
    full = {split: score(split, 0, None) for split in ("train", "dev")}
    rows = [["all rules", ""] + [f"{full['train'][f]:.3f} / {full['dev'][f]:.3f}" for f in FIGURES]]
    record: dict[str, object] = {"all": full}
    for name in names:
        off = {
            split: score(split, 0, None, disabled=frozenset({name})) for split in ("train", "dev")
        }
        record[name] = off
        cells = [
            f"{full['train'][f] - off['train'][f]:+.3f} / {full['dev'][f] - off['dev'][f]:+.3f}"
            for f in FIGURES
        ]
        group = next(r.group for r in RULES if r.name == name)
        rows.append([name, group, *cells])
        print(" | ".join(rows[-1]), flush=True)
    markdown = _report.md_table(
        ["rule switched off (train / dev, development)", "group", *LABELS], rows, align="llrrrrr"
    )
    markdown += (
        "\nFirst row: the figures with every rule (train / dev). Other rows: each figure with all rules "
        "minus the figure without that rule (positive: the rule helps). Name-based figures of "
        "`bench_quotes_polnear.py`; PolNeAR development splits.\n"
    )
    command = "PYTHONPATH=src python benchmarks/ablate_quotes.py"
    _report.write(args.out, {**_report.environment(command), "scores": record}, markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
