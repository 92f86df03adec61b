"""Run every example script (CI runs this against the installed wheel, not the source tree).

Each runs in a fresh temporary directory with a time limit; a non-zero exit or an empty
output fails the run.  The plugin example needs examples/plugin installed first (CI does).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["parse_page.py", "quotes_to_csv.py", "html_to_markdown.py", "batch_warc.py", "dask_job.py", "custom_serializer.py"]


def main() -> int:
    failures = 0
    for script in SCRIPTS:
        with tempfile.TemporaryDirectory() as cwd:
            proc = subprocess.run(
                [sys.executable, str(HERE / script)], cwd=cwd, capture_output=True, text=True, timeout=600
            )
        ok = proc.returncode == 0 and proc.stdout.strip() != ""
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {script} (exit {proc.returncode}, {len(proc.stdout.splitlines())} lines)")
        if not ok:
            print(proc.stdout[-2000:], proc.stderr[-4000:], sep="\n")
    print(f"examples that ran cleanly: {len(SCRIPTS) - failures} of {len(SCRIPTS)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
