"""Command-line details a first-time user meets: options that belong, messages in command-line
terms, a host that does not resolve, and quote CSV that is safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from test_cli import run


def test_quotes_has_no_no_quotes_option():
    done = run("quotes", "-", "--no-quotes", stdin=b"Hello there.")
    assert done.returncode == 2
    assert "unrecognized arguments: --no-quotes" in done.stderr


def test_the_max_bytes_error_speaks_of_the_option_not_the_library(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    done = run("parse", big, "--max-bytes", "50")
    assert done.returncode == 1
    assert "--max-bytes" in done.stderr
    assert "Limits(" not in done.stderr


def test_a_host_that_does_not_resolve_is_said_in_words():
    done = run("parse", "http://no-such-host.invalid/page")
    assert done.returncode == 1
    assert "cannot find the host 'no-such-host.invalid'" in done.stderr
    assert "Errno" not in done.stderr


def test_quote_csv_is_safe_for_spreadsheets_by_default(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text(
        'Council news\n\n"=HYPERLINK(""http://evil.example"",""click"")" said Anna Berg, the mayor.\n\n'
        '"Vote;=1+1 now," said Anna Berg.\n'
    )
    safe = run("quotes", story, "--to", "csv")
    assert safe.returncode == 0, safe.stderr
    cells = [cell for row in csv.reader(io.StringIO(safe.stdout)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert not any(";=" in cell for cell in cells)
    raw = run("quotes", story, "--to", "csv", "--no-excel-safe")
    assert any(cell.startswith("=HYPERLINK") for row in csv.reader(io.StringIO(raw.stdout)) for cell in row)
