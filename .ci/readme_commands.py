"""Print the README's Quick start commands, one a line, exactly as the README writes them.

``.ci/run`` runs them in a fresh copy of the repository, so the commands a new user copies
are the commands CI checks.  The commands are the ``console`` code blocks of the
"## Quick start" section, in order.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def commands(readme: str) -> list[str]:
    """The console commands of the README's Quick start section, in order."""
    section = readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```console\n(.*?)```", section, re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    print("\n".join(commands(path.read_text(encoding="utf-8"))))
