"""Serialiser throughput: articles per CPU-second for each format, beside parse speed.

Run from the repository root::

    PYTHONPATH=src:tests python benchmarks/bench_serializers.py [--generated N] [--seconds S]

Corpora (each printed when available):

* ``reference``: the reference example (``tests/reference_example.py``), with its nine quotes;
* ``generated``: N articles from :func:`articlekit.testing.articles` (hostile text, every
  block kind; a fixed seed, so runs compare);
* ``corpus-truth``: the 91 ground-truth article bodies of the shared development corpus
  (``../shared/corpus/scrapinghub-dev``), one paragraph per line: real article lengths;
* ``corpus-parsed``: the same 91 pages through ``parse_html`` (only once it exists).

Parse columns, for the same articles: ``from_json`` of the article's JSON, the own-HTML
reader on the standalone page (lxml parse + ``read_own_html``), and ``parse_html`` of
that page when ``parse_html`` exists.  Figures are CPU time (``time.process_time``), so
they hold on a shared machine; no figure is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import lxml.html

import articlekit as ak
from articlekit.parsers.html._own import read_own_html

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "scrapinghub-dev"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/scrapinghub-dev")


def _rate(func: Callable[[Any], object], items: Sequence[Any], seconds: float) -> float:
    """Items per CPU-second: repeat passes over *items* until *seconds* of CPU time are used."""
    done = 0
    start = time.process_time()
    elapsed = 0.0
    while elapsed < seconds or done == 0:
        for item in items:
            func(item)
        done += len(items)
        elapsed = time.process_time() - start
    return done / elapsed


def _generated(n: int) -> list[ak.Article]:
    from hypothesis import HealthCheck, given, seed, settings

    from articlekit.testing import articles

    out: list[ak.Article] = []

    @seed(20261125)
    @settings(max_examples=n, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(articles())
    def collect(article: ak.Article) -> None:
        out.append(article)

    collect()
    return out


def _corpus_truth() -> list[ak.Article]:
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    articles = []
    for _page, item in sorted(truth.items()):
        paragraphs = [p.strip() for p in item["articleBody"].split("\n") if p.strip()]
        body = [ak.Paragraph([ak.Text(p)]) for p in paragraphs]
        articles.append(ak.Article(url=item.get("url"), body=body, language="en"))
    return articles


def _parse_html() -> Callable[..., ak.Article] | None:
    func = getattr(ak, "parse_html", None)
    return func if callable(func) else None


def _parse_page(parse_html: Callable[..., ak.Article], path: Path) -> ak.Article | None:
    try:
        return parse_html(gzip.decompress(path.read_bytes()))
    except ak.ArticleKitError:
        return None


def _corpus_parsed(parse_html: Callable[..., ak.Article]) -> list[ak.Article]:
    parsed = (_parse_page(parse_html, p) for p in sorted((CORPUS / "html").glob("*.html.gz")))
    return [a for a in parsed if a is not None]


def _own_reader(page: str) -> object:
    root = lxml.html.document_fromstring(page, parser=lxml.html.HTMLParser(huge_tree=True, no_network=True))
    return read_own_html(root)


def bench(name: str, articles: list[ak.Article], seconds: float) -> None:
    formats: dict[str, Callable[[ak.Article], str]] = {
        "json": ak.to_json,
        "html": ak.to_html,
        "html standalone": lambda a: ak.to_html(a, standalone=True),
        "jsonld": ak.to_jsonld,
        "quotes-csv": ak.to_quotes_csv,
        "quotes-jsonl": ak.to_quotes_jsonl,
    }
    for extra in ("markdown", "text"):
        if extra in ak.formats():
            formats[extra] = lambda a, f=extra: ak.dumps(a, f)
    chars = sum(len(a.text) for a in articles) / max(1, len(articles))
    print(f"\n== {name}: {len(articles)} articles, {chars:,.0f} characters of text on average")
    print(f"{'serialise':<22}{'articles/CPU-s':>16}")
    rates = {}
    for label, func in formats.items():
        rates[label] = _rate(func, articles, seconds)
        print(f"{label:<22}{rates[label]:>16,.0f}")
    jsons = [ak.to_json(a) for a in articles]
    pages = [ak.to_html(a, standalone=True) for a in articles]
    print(f"{'parse':<22}{'articles/CPU-s':>16}")
    parses = {
        "from_json": _rate(ak.from_json, jsons, seconds),
        "own-HTML reader": _rate(_own_reader, pages, seconds),
    }
    parse_html = _parse_html()
    if parse_html is not None:
        parses["parse_html"] = _rate(parse_html, pages, seconds)
    for label, rate in parses.items():
        print(f"{label:<22}{rate:>16,.0f}")
    slowest = min(rates, key=rates.__getitem__)
    fastest_parse = max(parses.values())
    verdict = "faster" if rates[slowest] >= fastest_parse else "SLOWER"
    print(f"slowest format {slowest!r} is {verdict} than the fastest parse ({rates[slowest]:,.0f} vs {fastest_parse:,.0f})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=200, help="how many generated articles")
    parser.add_argument("--seconds", type=float, default=1.0, help="CPU seconds per measurement")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(ROOT / "tests"))
    from reference_example import reference_article

    print(f"articlekit {ak.__version__}, Python {sys.version.split()[0]}")
    bench("reference", [reference_article()], args.seconds)
    bench("generated", _generated(args.generated), args.seconds)
    if CORPUS.exists():
        bench("corpus-truth", _corpus_truth(), args.seconds)
        parse_html = _parse_html()
        if parse_html is not None:
            bench("corpus-parsed", _corpus_parsed(parse_html), args.seconds)
        else:
            print("\n(corpus-parsed: parse_html is not in this tree yet)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
