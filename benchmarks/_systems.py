"""The extractors the body-text benchmarks run, and the timed loop each runs in a child process.

Shared by ``bench_html.py`` (Scrapinghub pages) and ``bench_wcxb.py`` (WCXB pages).  Each
system is a function ``(html, url) -> text``; :func:`make_extractor` builds it, importing the
peer only then, so a child process loads one system and nothing else.  :func:`timed_run`
calls it on every page, timing each call with :func:`time.process_time` (CPU seconds), and
:func:`spawn` runs a benchmark script's worker mode in a fresh interpreter and reads back what
it wrote.

The scripts run as ``python benchmarks/<script>.py``, so this module is imported as
``_systems`` (the script's folder is on ``sys.path``).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: ``(html, url) -> body text``; articlekit takes bytes or str, the peers str.
Extractor = Callable[[Any, str], str]

#: Distribution names, where they differ from the system's name.
_DISTRIBUTIONS = {
    "trafilatura-fast": "trafilatura",
    "justext": "jusText",
    "resiliparse": "Resiliparse",
}

#: articlekit's text for the benchmarks: which parts of the Article count.
ARTICLEKIT_TEXTS = ("body", "standfirst", "title", "title+standfirst")

_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "blockquote",
     "pre", "figcaption", "section", "article", "ul", "ol", "table", "dd", "dt"}
)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, a line break around every block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    text: str = root.text_content()
    return text


def make_extractor(name: str, *, articlekit_text: str = "body") -> Extractor:
    """A function ``(html, url) -> body text`` for the system *name*.

    *articlekit_text* says which parts of articlekit's Article make its text: ``body`` (the
    body blocks, figures excepted), optionally preceded by the ``standfirst``, the ``title``,
    or both (``title+standfirst``).
    """
    if name == "articlekit":
        if articlekit_text not in ARTICLEKIT_TEXTS:
            raise SystemExit(f"unknown articlekit text {articlekit_text!r}")
        sys.path.insert(0, str(ROOT / "src"))
        from articlekit import Figure
        from articlekit._model._text import block_text
        from articlekit._parsers.html import parse_html

        with_title = "title" in articlekit_text
        with_standfirst = "standfirst" in articlekit_text

        def run_articlekit(html: str | bytes, url: str) -> str:
            article = parse_html(html, url=url or None, quotes=False)
            parts = [block_text(b) for b in article.body if not isinstance(b, Figure)]
            if with_standfirst and article.standfirst:
                parts.insert(0, article.standfirst)
            if with_title and article.title:
                parts.insert(0, article.title)
            return "\n\n".join(parts)

        return run_articlekit
    if name in ("trafilatura", "trafilatura-fast"):
        import trafilatura

        fast = name.endswith("fast")

        def run_trafilatura(html: str, url: str) -> str:
            return trafilatura.extract(html, url=url or None, fast=fast) or ""

        return run_trafilatura
    if name == "readability-lxml":
        from readability import Document

        def run_readability(html: str, url: str) -> str:
            return html_to_text(Document(html, url=url or None).summary(html_partial=True))

        return run_readability
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        def run_resiliparse(html: str, url: str) -> str:
            return extract_plain_text(html, main_content=True)

        return run_resiliparse
    if name == "boilerpy3":
        from boilerpy3 import extractors

        extractor = extractors.ArticleExtractor()

        def run_boilerpy3(html: str, url: str) -> str:
            return extractor.get_content(html) or ""

        return run_boilerpy3
    if name == "justext":
        import justext

        stoplist = justext.get_stoplist("English")

        def run_justext(html: str, url: str) -> str:
            return "\n\n".join(p.text for p in justext.justext(html, stoplist) if not p.is_boilerplate)

        return run_justext
    if name == "newspaper4k":
        import newspaper

        def run_newspaper(html: str, url: str) -> str:
            article = newspaper.Article(url, fetch_images=False)
            article.download(input_html=html)
            article.parse()
            return article.text or ""

        return run_newspaper
    if name == "goose3":
        from goose3 import Goose

        goose = Goose({"enable_image_fetching": False})

        def run_goose(html: str, url: str) -> str:
            return goose.extract(raw_html=html).cleaned_text or ""

        return run_goose
    raise SystemExit(f"unknown system {name!r}")


def version(name: str) -> str:
    """The installed version of the system *name* (``?`` when not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    if name == "articlekit":
        sys.path.insert(0, str(ROOT / "src"))
        from articlekit import __version__

        return __version__
    try:
        return dist_version(_DISTRIBUTIONS.get(name, name))
    except PackageNotFoundError:
        return "?"


def timed_run(
    extract: Extractor, pages: Iterable[tuple[str, Any, str]], *, warm_up: tuple[Any, str] | None = None
) -> dict[str, object]:
    """Run *extract* on every ``(key, html, url)`` of *pages*, timing each call in CPU seconds.

    Returns ``{"texts", "times", "errors", "cpu", "peak_rss_kb", "base_rss_kb"}``; a call that
    raises counts as an empty text and its error is kept.  *warm_up* (html, url) is extracted
    once first, untimed: lazy imports and compiled patterns are not the first page's cost.
    *pages* may be a generator: reading a page is not timed.
    """
    if warm_up is not None:
        with contextlib.suppress(Exception):
            extract(*warm_up)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    texts: dict[str, str] = {}
    errors: dict[str, str] = {}
    times: dict[str, float] = {}
    total = 0.0
    for key, html, url in pages:
        t0 = time.process_time()
        try:
            text = extract(html, url)
        except Exception as exc:  # a system's crash counts as an empty extraction
            text = ""
            errors[key] = f"{type(exc).__name__}: {exc}"[:200]
        dt = time.process_time() - t0
        total += dt
        times[key] = dt
        texts[key] = text
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"texts": texts, "cpu": total, "times": times, "errors": errors,
            "peak_rss_kb": peak, "base_rss_kb": base_rss}


def spawn(script: str, name: str, out: Path, extra_args: Sequence[str] = ()) -> dict[str, Any] | None:
    """Run ``script --worker name --worker-out out [extra_args]`` in a fresh interpreter.

    articlekit's ``src`` is put first on ``PYTHONPATH``.  Returns what the worker wrote, or
    ``None`` (with a line on stderr) when it failed.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, script, "--worker", name, "--worker-out", str(out), *extra_args],
        env=env, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0 or not out.exists():
        print(f"{name}: not run ({proc.stderr.strip().splitlines()[-1:] or proc.returncode})", file=sys.stderr)
        return None
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data
