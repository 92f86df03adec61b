"""``import articlekit.dask`` without the extra says what to install."""

from __future__ import annotations

import subprocess
import sys


def test_importing_articlekit_dask_without_dask_names_the_extra():
    code = (
        "import sys\n"
        "sys.modules['dask'] = None\n"  # as if dask were not installed
        "try:\n"
        "    import articlekit.dask\n"
        "except ImportError as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("ImportError articlekit.dask needs dask")
    assert "pip install 'articlekit[dask]'" in out
