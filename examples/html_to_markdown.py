"""Convert a web page to clean Markdown with front matter: the article only, no boilerplate.

Run: python examples/html_to_markdown.py [PAGE.html]   (default: examples/pages/kremlin-talks.html)
"""

from __future__ import annotations

import sys
from pathlib import Path

import articlekit

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else HERE / "pages" / "kremlin-talks.html"
    article = articlekit.parse_html(path.read_bytes(), url="https://dispatch.example/world/no-new-talks")
    markdown = articlekit.to_markdown(article)
    print(markdown)
    # The Markdown reads back to the same title and text.  (Markdown has no figure
    # captions: a caption comes back as the paragraph after the image.)
    again = articlekit.parse_markdown(markdown)
    assert again.title == article.title
    assert all(paragraph in again.text for paragraph in article.text.split("\n\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
