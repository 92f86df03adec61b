"""Parse a page (HTML, Markdown or text: the format is sniffed) and print what articlekit found.

Run: python examples/parse_page.py [FILE]   (default: examples/pages/kremlin-talks.html)
"""

from __future__ import annotations

import sys
from pathlib import Path

import articlekit

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else HERE / "pages" / "kremlin-talks.html"
    article = articlekit.parse(path.read_bytes(), url="https://dispatch.example/world/no-new-talks")
    print(f"title:      {article.title}")
    print(f"standfirst: {article.standfirst}")
    print(f"authors:    {', '.join(p.name for p in article.authors) or '-'}")
    print(f"published:  {article.published.isoformat() if article.published else '-'}")
    print(f"site:       {article.site_name or '-'}   section: {article.section or '-'}   language: {article.language or '-'}")
    print(f"tags:       {', '.join(article.tags) or '-'}")
    print(f"body:       {len(article.body)} blocks, {len(article.text.split())} words")
    print("quotes:")
    for quote in article.quotes:
        if quote.kind == "indirect":
            continue
        who = quote.speaker.name if quote.speaker else "(unattributed)"
        print(f"  [{quote.kind:8}] {who:20} {quote.cue or '':10} “{quote.text}”")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
