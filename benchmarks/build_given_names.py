"""Rebuild ``src/articlekit/_given_names.txt``: the 1990 US Census given names, less common words.

Run from the repository root, with the census lists of the ``names`` package (public domain,
derived from the 1990 US Census: ``pip download --no-deps names`` and unpack it)::

    python benchmarks/build_given_names.py /path/to/names-0.3.0/names

The list keeps every name already in the file (names added by hand: other countries' given
names) and adds each census name (``dist.male.first``, ``dist.female.first``) unless it reads
as a common word: a name is left out when, in the ground-truth text of the development
corpora (``../shared/corpus``), it is written in lower case more often than capitalised
("will", "grant", "golden"), or when it is shorter than three letters.  Nothing here looks
at any author label.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "articlekit" / "_given_names.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "wcxb-dev" / "ground-truth"
_WORD = re.compile(r"[A-Za-z]+")


def census_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in (folder / part).read_text(encoding="ascii").splitlines():
            if line.strip():
                names.add(line.split()[0].lower())
    return names


def word_cases(corpus: Path) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """How often each word is written in lower case, and capitalised, in the corpus's texts."""
    lower: collections.Counter[str] = collections.Counter()
    upper: collections.Counter[str] = collections.Counter()
    for path in sorted(corpus.glob("*.json")):
        text = (json.loads(path.read_text(encoding="utf-8")).get("ground_truth") or {}).get("main_content") or ""
        for word in _WORD.findall(text):
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and word[1:].islower():
                upper[word.lower()] += 1
    return lower, upper


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("census", type=Path, help="the folder holding dist.male.first and dist.female.first")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    lines = TARGET.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    kept = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    lower, upper = word_cases(args.corpus)
    added = {
        name for name in census_names(args.census)
        if len(name) >= 3 and lower[name] <= upper[name] and name not in kept
    }  # fmt: skip
    dropped = sorted(n for n in census_names(args.census) if len(n) < 3 or lower[n] > upper[n])
    TARGET.write_text("\n".join([*header, *sorted(kept | added)]) + "\n", encoding="utf-8")
    print(f"{len(kept)} names kept, {len(added)} census names added, {len(dropped)} left out as words: {', '.join(dropped[:60])} ...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
