"""The format registry: built-in formats and third-party formats from the ``articlekit.formats`` entry point.

The plugin tests install a fake distribution (a ``.dist-info`` folder with an
``entry_points.txt``) on ``sys.path``, so ``importlib.metadata`` finds it the
way it finds an installed package.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

import articlekit as ak
from articlekit._registry import BUILTIN_FORMATS, serializer
from reference_example import reference_article


@pytest.mark.parametrize(
    ("name", "func"),
    [
        ("html", ak.to_html),
        ("jsonld", ak.to_jsonld),
        ("quotes-csv", ak.to_quotes_csv),
        ("quotes-jsonl", ak.to_quotes_jsonl),
        ("json", ak.to_json),
    ],
)
def test_builtin_formats(name: str, func: object) -> None:
    assert name in BUILTIN_FORMATS
    assert name in ak.formats()
    assert serializer(name) is func
    article = reference_article()
    assert ak.dumps(article, name) == func(article)  # type: ignore[operator]


def test_options_reach_the_serialiser() -> None:
    article = reference_article()
    assert ak.dumps(article, "html", standalone=True) == ak.to_html(article, standalone=True)
    assert ak.dumps(article, "quotes-csv", header=False) == ak.to_quotes_csv(article, header=False)


def test_unknown_format() -> None:
    with pytest.raises(ak.UnknownFormatError, match="html"):
        ak.dumps(ak.Article(), "no-such-format")


@pytest.fixture
def fake_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    module = "articlekit_fake_plugin_mod"
    (tmp_path / f"{module}.py").write_text(
        "def to_shout(article, *, marks=1):\n"
        "    return (article.title or '').upper() + '!' * marks\n"
        "def hijack(article):\n"
        "    return 'hijacked'\n",
        "utf-8",
    )
    dist = tmp_path / "articlekit_fake_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: articlekit-fake-plugin\nVersion: 1.0\n", "utf-8")
    (dist / "entry_points.txt").write_text(
        f"[articlekit.formats]\nshout = {module}:to_shout\njson = {module}:hijack\n", "utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield module
    sys.modules.pop(module, None)


def test_plugin_format_from_an_entry_point(fake_plugin: str) -> None:
    assert "shout" in ak.formats()
    article = ak.Article(title="Hello")
    assert ak.dumps(article, "shout") == "HELLO!"
    assert ak.dumps(article, "shout", marks=3) == "HELLO!!!"


def test_plugin_cannot_replace_a_builtin(fake_plugin: str) -> None:
    article = ak.Article(title="Hello")
    assert ak.dumps(article, "json") == ak.to_json(article)


def test_no_plugin_without_the_distribution() -> None:
    assert "shout" not in ak.formats()


def test_a_plugin_installed_on_the_machine_changes_nothing_for_the_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    """``pip install ./examples/plugin`` in the development environment must not change what the
    tests see (conftest hides installed plugins; the tests above make their own)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="site-packages-") as site:
        dist = Path(site) / "articlekit_shout-1.0.0.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: articlekit-shout\nVersion: 1.0.0\n", "utf-8")
        (dist / "entry_points.txt").write_text("[articlekit.formats]\nshout = articlekit_shout:to_shout\n", "utf-8")
        monkeypatch.syspath_prepend(site)
        importlib.invalidate_caches()
        assert ak.formats() == tuple(sorted(BUILTIN_FORMATS))
