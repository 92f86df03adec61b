"""Metadata accuracy on the development corpus: articlekit beside trafilatura and newspaper4k.

Run from the repository root::

    PYTHONPATH=src python benchmarks/bench_metadata.py [--corpus DIR] [--labels FILE] [--misses] [--out STEM]

It reads the 91 pages of ``../shared/corpus/scrapinghub-dev`` (gzip HTML plus
``ground-truth.json`` for their URLs) and the hand labels in
``tests/fixtures/html_metadata/dev_labels.json``, runs every available
extractor on each page and prints, per field, the share of pages it gets right:

* **title**: exact string (white space folded) equal to one of the labelled variants;
* **authors**: the exact set of names, compared case-insensitively (an empty
  label wants no author);
* **date**: the calendar date of the published date, as the page states it
  (in its own UTC offset), is one of the labelled dates;
* **language**: the primary language subtag matches;
* **site name**: equal, case-insensitively, to one of the labelled variants.

``--misses`` also lists articlekit's wrong answers, one line each.  Speed is
not measured here (see the content-extraction benchmark).  The table is written to
``benchmarks/results/metadata.md`` (with ``.json`` and a bar chart ``.svg``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import _report
import lxml.html

from articlekit._limits import Limits
from articlekit._parsers.html._metadata import extract_metadata
from articlekit._textutil import clean_name, name_key

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "scrapinghub-dev"
if not DEFAULT_CORPUS.exists():
    DEFAULT_CORPUS = Path("/work/shared/corpus/scrapinghub-dev")
DEFAULT_LABELS = ROOT / "tests" / "fixtures" / "html_metadata" / "dev_labels.json"
FIELDS = ("title", "authors", "date", "language", "site_name")

#: What every extractor returns: title, authors, published (date or ISO string), language, site name.
Result = dict[str, Any]


def run_articlekit(html: bytes, url: str) -> Result:
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(html, parser=parser)
    meta = extract_metadata(root, url=url, limits=Limits())
    return {
        "title": meta.title,
        "authors": [p.name for p in meta.authors],
        "published": meta.published,
        "language": meta.language,
        "site_name": meta.site_name,
    }


def _trafilatura() -> Callable[[bytes, str], Result] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: bytes, url: str) -> Result:
        doc = trafilatura.bare_extraction(
            html.decode("utf-8", "replace"), url=url, with_metadata=True, output_format="python"
        )
        if doc is None:
            return {}
        get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
        author = get("author") or ""
        return {
            "title": get("title"),
            "authors": [a.strip() for a in author.split(";") if a.strip()],
            "published": get("date"),
            "language": get("language"),
            "site_name": get("sitename"),
        }

    return run


def _newspaper() -> Callable[[bytes, str], Result] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import newspaper
            import tldextract
            import tldextract.tldextract
    except ImportError:
        return None
    # newspaper4k asks tldextract, which by default downloads the public suffix list: use the
    # snapshot bundled with tldextract instead (no network in benchmarks).
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tldextract.extract = offline
    tldextract.tldextract.extract = offline

    def run(html: bytes, url: str) -> Result:
        article = newspaper.Article(url)
        article.download(input_html=html.decode("utf-8", "replace"))
        article.parse()
        return {
            "title": article.title,
            "authors": list(article.authors),
            "published": article.publish_date,
            "language": article.meta_lang,
            "site_name": article.meta_site_name,
        }

    return run


def _date_of(value: object) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
        return m.group(0) if m else None
    return None


def score(result: Result, label: dict[str, Any]) -> dict[str, bool]:
    title = clean_name(result.get("title") or "")
    authors = {name_key(a) for a in result.get("authors") or [] if a}
    lang = (result.get("language") or "").replace("_", "-").split("-")[0].lower()
    site = name_key(result.get("site_name") or "")
    return {
        "title": title in {clean_name(t) for t in label["title"]},
        "authors": authors == {name_key(a) for a in label["authors"]},
        "date": _date_of(result.get("published")) in set(label["published"]),
        "language": lang == label["language"],
        "site_name": site in {name_key(s) for s in label["site_name"]},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--misses", action="store_true", help="list articlekit's wrong answers")
    _report.add_out_option(ap, "metadata")
    args = ap.parse_args(argv)

    labels = json.loads(args.labels.read_text(encoding="utf-8"))["pages"]
    truth = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    extractors: dict[str, Callable[[bytes, str], Result]] = {"articlekit": run_articlekit}
    for name, factory in (("trafilatura", _trafilatura), ("newspaper4k", _newspaper)):
        fn = factory()
        if fn is not None:
            extractors[name] = fn
        else:
            print(f"({name} is not installed; skipped)")

    totals = {name: dict.fromkeys(FIELDS, 0) for name in extractors}
    misses: list[str] = []
    pages = sorted(labels)
    for page_id in pages:
        html = gzip.decompress((args.corpus / "html" / f"{page_id}.html.gz").read_bytes())
        url = truth[page_id]["url"]
        for name, fn in extractors.items():
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    result = fn(html, url)
            except Exception as exc:  # a peer failing on a page scores zero on it
                print(f"{name} failed on {page_id[:8]}: {type(exc).__name__}: {exc}", file=sys.stderr)
                result = {}
            ok = score(result, labels[page_id])
            for field in FIELDS:
                totals[name][field] += ok[field]
            if name == "articlekit" and args.misses:
                for field in FIELDS:
                    if not ok[field]:
                        key = "published" if field == "date" else field
                        misses.append(
                            f"{page_id[:8]} {field:9} got {result.get(key)!r} want {labels[page_id][key]!r}"
                        )

    n = len(pages)
    print(f"Metadata accuracy on {n} hand-labelled pages ({args.corpus.name})")
    header = f"{'field':<10}" + "".join(f"{name:>14}" for name in extractors)
    print(header)
    print("-" * len(header))
    for field in FIELDS:
        row = f"{field:<10}" + "".join(f"{100 * totals[name][field] / n:>13.1f}%" for name in extractors)
        print(row)
    if misses:
        print("\narticlekit misses:")
        print("\n".join(misses))
    share = {name: {f: round(100 * totals[name][f] / n, 1) for f in FIELDS} for name in extractors}
    rows = [[field.replace("_", " "), *(f"{share[name][field]:.1f} %" for name in extractors)] for field in FIELDS]
    mean = {name: round(sum(share[name].values()) / len(FIELDS), 1) for name in extractors}
    rows.append(["**mean**", *(f"**{mean[name]:.1f} %**" for name in extractors)])
    markdown = _report.md_table(["field", *extractors], rows, align="l" + "r" * len(extractors))
    markdown += f"\nShare of the {n} hand-labelled pages of `{args.corpus.name}` on which each extractor's answer is right.\n"
    svg = _report.bar_chart(
        f"Metadata accuracy on {n} hand-labelled pages",
        [f.replace("_", " ") for f in FIELDS],
        {name: [share[name][f] for f in FIELDS] for name in extractors},
        "pages right (%)",
    )
    versions = {name: _version(name) for name in extractors}
    data = {**_report.environment("PYTHONPATH=src python benchmarks/bench_metadata.py"),
            "corpus": args.corpus.name, "pages": n, "versions": versions,
            "accuracy_percent": share, "mean_percent": mean}
    _report.write(args.out, data, markdown, svg)
    return 0


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    if name == "articlekit":
        import articlekit

        return articlekit.__version__
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
