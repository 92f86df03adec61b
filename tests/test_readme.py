"""The README's Quick start is what a new user on a stock system can run, and CI runs it as written."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    spec = importlib.util.spec_from_file_location("readme_commands", ROOT / ".ci" / "readme_commands.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.commands((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_first_command_makes_and_uses_a_virtual_environment_before_installing():
    first, second = _commands()
    steps = [step.strip() for step in first.split("&&")]
    assert steps[0].startswith("python3 -m venv ")
    assert steps[1].startswith(". ")
    assert steps[1].endswith("/bin/activate")
    assert steps[2].startswith('pip install -e ".[dev,docs]"')
    assert any(step.startswith("articlekit parse examples/pages/") for step in steps[3:])
    assert second == "python -m pytest -n auto"


def test_ci_runs_the_readme_commands_from_the_readme_text():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "readme_commands.py README.md" in ci
    assert "python -m pytest" not in ci, "the tests run through the README's own command"


def test_the_readme_example_parses_the_shipped_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'articlekit.parse_file("examples/pages/kremlin-talks.html")' in readme
    assert (ROOT / "examples" / "pages" / "kremlin-talks.html").is_file()
