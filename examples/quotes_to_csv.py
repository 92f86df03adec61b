"""Extract the quotes of every article in a folder into one CSV file: who said what, where.

Run: python examples/quotes_to_csv.py [FOLDER] [OUT.csv]   (default: examples/pages, quotes.csv)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import articlekit

HERE = Path(__file__).resolve().parent
COLUMNS = ("file", "kind", "speaker", "role", "cue", "start", "end", "text")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else HERE / "pages"
    out = Path(argv[1]) if len(argv) > 1 else Path("quotes.csv")
    rows = 0
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for path in sorted(folder.iterdir()):
            if not path.is_file():
                continue
            try:
                article = articlekit.parse(path.read_bytes())
            except articlekit.ArticleKitError as exc:
                print(f"skipped {path.name}: {exc}", file=sys.stderr)
                continue
            for quote in article.quotes:
                speaker = quote.speaker
                writer.writerow(
                    (path.name, quote.kind, speaker.name if speaker else "", (speaker.role or "") if speaker else "",
                     quote.cue or "", *quote.span, quote.text)
                )
                rows += 1
    print(f"wrote {rows} quotes to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
