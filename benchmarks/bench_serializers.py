"""Serialiser throughput: articles per CPU-second for each format, beside parse speed.

Run from the repository root::

    PYTHONPATH=src:tests python benchmarks/bench_serializers.py [--generated N] [--seconds S] [--out STEM]

Corpora (each printed when available):

* ``reference``: the reference example (``tests/reference_example.py``), with its nine quotes;
* ``generated``: N articles from :func:`articlekit.testing.articles` (hostile text, every
  block kind; a fixed seed, so runs compare);
* ``corpus-truth``: the 91 ground-truth article bodies of the shared development corpus
  (``../shared/corpus/scrapinghub-dev``), one paragraph per line: real article lengths;
* ``corpus-parsed``: the same 91 pages through ``parse_html`` (only once it exists).

Parse columns, for the same articles: ``from_json`` of the article's JSON, the own-HTML
reader on the standalone page (lxml parse + ``read_own_html``), ``parse_html`` of that
page, and for ``corpus-parsed`` ``parse_html`` of the original web page (with quote
extraction: what a user's parse costs).  Figures are CPU time (``time.process_time``), so
they hold on a shared machine; no figure is asserted.  The table goes to
``benchmarks/results/serializers.md`` (with ``.json`` and a bar chart, ``.svg``).
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

import _report
import lxml.html

import articlekit as ak
from articlekit._parsers.html._own import read_own_html

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


def _parse_page(parse_html: Callable[..., ak.Article], page: bytes) -> ak.Article | None:
    try:
        return parse_html(page)
    except ak.ArticleKitError:
        return None


def _corpus_parsed(parse_html: Callable[..., ak.Article]) -> tuple[list[ak.Article], list[bytes]]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted((CORPUS / "html").glob("*.html.gz"))]
    parsed = [(_parse_page(parse_html, page), page) for page in pages]
    kept = [(a, page) for a, page in parsed if a is not None]
    return [a for a, _ in kept], [page for _, page in kept]


def _own_reader(page: str) -> object:
    root = lxml.html.document_fromstring(page, parser=lxml.html.HTMLParser(huge_tree=True, no_network=True))
    return read_own_html(root)


def bench(
    name: str, articles: list[ak.Article], seconds: float, sources: list[bytes] | None = None
) -> dict[str, object]:
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
        parses["parse_html (own page)"] = _rate(parse_html, pages, seconds)
        if sources is not None:
            parses["parse_html (source page)"] = _rate(parse_html, sources, seconds)
    for label, rate in parses.items():
        print(f"{label:<22}{rate:>16,.0f}")
    slowest = min(rates, key=rates.__getitem__)
    for label, rate in parses.items():
        verdict = "faster" if rates[slowest] >= rate else "SLOWER"
        print(f"slowest format ({slowest}) is {verdict} than {label}: {rates[slowest]:,.0f} vs {rate:,.0f}")
    return {
        "articles": len(articles),
        "mean_text_chars": round(chars),
        "serialise_articles_per_cpu_s": {k: round(v, 1) for k, v in rates.items()},
        "parse_articles_per_cpu_s": {k: round(v, 1) for k, v in parses.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=200, help="how many generated articles")
    parser.add_argument("--seconds", type=float, default=1.0, help="CPU seconds per measurement")
    _report.add_out_option(parser, "serializers")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(ROOT / "tests"))
    from reference_example import reference_article

    print(f"articlekit {ak.__version__}, Python {sys.version.split()[0]}")
    results: dict[str, dict[str, Any]] = {}
    results["reference"] = bench("reference", [reference_article()], args.seconds)
    results["generated"] = bench("generated", _generated(args.generated), args.seconds)
    if CORPUS.exists():
        results["corpus-truth"] = bench("corpus-truth", _corpus_truth(), args.seconds)
        parse_html = _parse_html()
        if parse_html is not None:
            parsed, sources = _corpus_parsed(parse_html)
            results["corpus-parsed"] = bench("corpus-parsed", parsed, args.seconds, sources)
        else:
            print("\n(corpus-parsed: parse_html is not in this tree yet)")
    write_results(args, results)
    return 0


def write_results(args: argparse.Namespace, results: dict[str, dict[str, Any]]) -> None:
    """The table (one row per format or parser, one column per corpus), JSON and a bar chart."""
    corpora = list(results)
    formats = list(dict.fromkeys(k for r in results.values() for k in r["serialise_articles_per_cpu_s"]))
    parses = list(dict.fromkeys(k for r in results.values() for k in r["parse_articles_per_cpu_s"]))
    header = ["", *(f"{c} ({results[c]['articles']} articles, {results[c]['mean_text_chars']:,} chars)" for c in corpora)]
    rows: list[list[object]] = []
    for group, keys in (("serialise", formats), ("parse", parses)):
        for key in keys:
            cells = []
            for c in corpora:
                value = results[c][f"{group}_articles_per_cpu_s"].get(key)
                cells.append("-" if value is None else f"{value:,.0f}")
            rows.append([f"{group}: {key}", *cells])
    markdown = _report.md_table(header, rows, align="l" + "r" * len(corpora))
    markdown += (f"\nArticles per CPU-second (higher is faster), each measured for {args.seconds:g} CPU-second(s). "
                 "Parse rows read the same articles back: `from_json` of their JSON, the own-HTML reader and "
                 "`parse_html` on their standalone HTML page, and (corpus-parsed) `parse_html` of the original page.\n")
    svg = _report.bar_chart(
        "Serialisers and parsers: articles per CPU-second",
        [*formats, *parses],
        {c: [results[c]["serialise_articles_per_cpu_s"].get(k) for k in formats]
         + [results[c]["parse_articles_per_cpu_s"].get(k) for k in parses] for c in corpora},
        "articles per CPU-second (log scale)",
        log=True,
    )
    data = {**_report.environment("PYTHONPATH=src:tests python benchmarks/bench_serializers.py"),
            "articlekit": ak.__version__, "generated": args.generated, "seconds": args.seconds,
            "corpora": results}
    _report.write(args.out, data, markdown, svg)


if __name__ == "__main__":
    raise SystemExit(main())
