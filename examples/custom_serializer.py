"""Use a third-party output format registered through the ``articlekit.formats`` entry point.

The plugin lives in examples/plugin/ (its pyproject.toml declares the entry point).
Install it, then every articlekit function that takes a format knows it:

    pip install ./examples/plugin
    python examples/custom_serializer.py
    articlekit parse examples/pages/kremlin-talks.txt --to shout
"""

from __future__ import annotations

import sys
from pathlib import Path

import articlekit

HERE = Path(__file__).resolve().parent


def main() -> int:
    if "shout" not in articlekit.formats():
        print("the example plugin is not installed: pip install ./examples/plugin", file=sys.stderr)
        return 1
    article = articlekit.parse_text((HERE / "pages" / "kremlin-talks.txt").read_bytes())
    print(articlekit.dumps(article, "shout"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
