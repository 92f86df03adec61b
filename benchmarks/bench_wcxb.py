"""Main-content extraction on the WCXB development split: articlekit beside its peers, in one run.

**Every figure here is measured on development pages** (the 1,497 pages of WCXB's dev split,
which are looked at while developing the extractor): it is not a held-out measure.  WCXB, the
Web Content eXtraction Benchmark, is CC-BY-4.0; attribute it where figures are published.

Usage::

    PYTHONPATH=src python benchmarks/bench_wcxb.py                     # every system, all pages
    PYTHONPATH=src python benchmarks/bench_wcxb.py --systems articlekit --types forum --worst 20
    PYTHONPATH=src python benchmarks/bench_wcxb.py --limit 100 --dump /tmp/wcxb-texts
    PYTHONPATH=src python benchmarks/bench_wcxb.py --per-page /tmp/run.json --out /tmp/wcxb

Systems: articlekit (``parse_html(page_bytes, url=truth_url, quotes=False)``), trafilatura
(default, and ``fast=True``), readability-lxml and resiliparse
(``extract_plain_text(html, main_content=True)``); install the peers with
``pip install -e ".[bench]"``.  articlekit gets the page's bytes and decodes them itself; the
peers get the page decoded as UTF-8 (every page of the corpus is stored in UTF-8), decoded
outside the timed call.  articlekit's text is chosen by ``--articlekit-text``: by default
``standfirst``, the standfirst (when the page has one) then the body blocks, figure captions
excepted, each block's text as ``Article.text`` renders it (headings, list items, table
cells, code and block quotes included), blocks joined by blank lines; ``body`` leaves the
standfirst out, ``title`` and ``title+standfirst`` put the title first.  WCXB's
``main_content`` holds the page's title on about a quarter of the pages, its headings and
lists throughout, and no captions; on the development pages ``standfirst`` scored highest in
every fold, ``title`` lower (the title is extra words on most pages), captions lower still
(``benchmarks/results/wcxb-analysis.md`` has the figures).

The metric (WCXB's own; defined in ``wcxb.py``): lower-cased ``\\w+`` word multisets, per page
precision = overlap / predicted words, recall = overlap / truth words, F1 their harmonic
mean (both empty: 1; one empty: 0), averaged over pages.  Snippets: a ``with`` or ``without``
snippet is found when, case-folded and white space collapsed, it is a substring of the
extracted text so collapsed; ``with`` is the share of a page's ``with`` snippets found
(higher is better), ``without`` the share of its ``without`` snippets found, i.e. boilerplate
kept (lower is better), each averaged over the pages that have such snippets.

Cross-validation by site: every page is in one of five folds, ``sha256(site) mod 5``, the site
being the registrable part of the page's domain (``wcxb.folds``).  Each figure is computed on
each fold's pages; the tables give the mean over the five folds and its standard deviation
(the figure over all pages is in the JSON).  Nothing here is fitted, so the folds measure the
spread across sites; a fitting script imports ``wcxb.folds`` to fit on four and score the fifth.

Speed: each system runs in its own child process, warms up on one page, then every
extraction call is timed with :func:`time.process_time` (CPU seconds, so the figure holds
on a busy machine); pages per CPU-second = pages / total CPU seconds of those calls.  One
round: there is no best-of-N here.  The run ends with articlekit's figure divided by each
peer's (the ratio is what holds across machines and loads); a speed-only run is
``--systems articlekit trafilatura``.

Figures go to ``benchmarks/results/wcxb.{md,json,svg}`` when every system ran on every page
(otherwise only with ``--out STEM``); ``--per-page FILE`` writes every system's per-page
figures, for comparing runs; ``--dump DIR`` writes every system's text per page as
``DIR/<system>/<id>.txt`` (and the truth as ``DIR/truth/<id>.txt``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import _report
import wcxb
from _systems import ARTICLEKIT_TEXTS, make_extractor, spawn, timed_run, version
from wcxb import METRICS, PAGE_TYPES, Page

HERE = Path(__file__).resolve().parent

SYSTEMS = ["articlekit", "trafilatura", "trafilatura-fast", "readability-lxml", "resiliparse"]

#: How each figure is labelled in the tables.
LABELS = {
    "f1": "word F1",
    "precision": "precision",
    "recall": "recall",
    "with": "`with` found",
    "without": "`without` kept (lower is better)",
}

#: One page's figures (an ``error`` string too, when the system raised).
Figures = dict[str, Any]


# ---------------------------------------------------------------------- the child process


def _pages(corpus: Path, ids: Sequence[str], urls: Mapping[str, str], raw: bool) -> Iterator[tuple[str, Any, str]]:
    for key in ids:
        data = wcxb.read_html(corpus, key)
        yield key, (data if raw else data.decode("utf-8", "replace")), urls[key]


def worker(name: str, corpus: Path, ids_file: Path, articlekit_text: str, out: Path) -> None:
    """Run one system over the pages listed in *ids_file*; write texts and CPU times to *out*."""
    ids = json.loads(ids_file.read_text(encoding="utf-8"))
    pages = wcxb.load_corpus(corpus)
    urls = {key: pages[key].url for key in ids}
    extract = make_extractor(name, articlekit_text=articlekit_text)
    raw = name == "articlekit"
    warm = next(_pages(corpus, ids[:1], urls, raw))
    result = timed_run(extract, _pages(corpus, ids, urls, raw), warm_up=(warm[1], warm[2]))
    out.write_text(json.dumps(result), encoding="utf-8")


# ---------------------------------------------------------------------- the figures


def _mean_sd(values: Sequence[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    return statistics.fmean(values), statistics.pstdev(values) if len(values) > 1 else 0.0


def summarise(
    pages: Mapping[str, Page], fold: Mapping[str, int], per_page: Mapping[str, Figures]
) -> dict[str, Any]:
    """One system's figures: over all pages, per fold, mean and spread over folds; each per type."""
    groups: dict[str, list[str]] = {"all": list(per_page)}
    for key in per_page:
        groups.setdefault(pages[key].page_type, []).append(key)
    out: dict[str, Any] = {}
    for group, keys in groups.items():
        overall = wcxb.aggregate(per_page[k] for k in keys)
        by_fold = {
            k: wcxb.aggregate(per_page[key] for key in keys if fold[key] == k) for k in range(wcxb.FOLDS)
        }
        cv: dict[str, Any] = {}
        for metric in METRICS:
            values = [float(v) for f in by_fold.values() if f["pages"] and (v := f[metric]) is not None]
            mean, sd = _mean_sd(values)
            cv[metric] = {
                "mean": _round(mean),
                "sd": _round(sd),
                "min": _round(min(values)) if values else None,
                "max": _round(max(values)) if values else None,
            }
        out[group] = {
            "pages": overall["pages"],
            "all_pages": {m: _round(overall[m]) for m in METRICS},
            "folds": {str(k): {m: _round(f[m]) for m in METRICS} | {"pages": f["pages"]}
                      for k, f in by_fold.items()},
            "mean_over_folds": cv,
        }
    return out


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _cell(value: float | None, sd: float | None = None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if sd is None else f"{value:.3f} ± {sd:.3f}"


# ---------------------------------------------------------------------- main


def speed_ratios(results: Mapping[str, Any]) -> dict[str, float]:
    """articlekit's pages per CPU-second divided by each peer's, for the peers that ran (the
    same pages: the peer's CPU seconds over articlekit's)."""
    ours = results.get("articlekit", {}).get("cpu_s")
    if not ours:
        return {}
    return {name: r["cpu_s"] / ours for name, r in results.items() if name != "articlekit" and r.get("cpu_s")}


def select(pages: Mapping[str, Page], args: argparse.Namespace) -> list[str]:
    """The ids to run: ``--ids``, then ``--types``, then ``--limit``."""
    ids = list(pages)
    if args.ids:
        wanted = {line.strip().removesuffix(".json") for line in args.ids.read_text(encoding="utf-8").split()}
        ids = [k for k in ids if k in wanted]
    if args.types:
        unknown = set(args.types) - set(PAGE_TYPES)
        if unknown:
            raise SystemExit(f"unknown page types: {', '.join(sorted(unknown))}")
        ids = [k for k in ids if pages[k].page_type in args.types]
    if args.limit:
        ids = ids[: args.limit]
    if not ids:
        raise SystemExit("no page selected")
    return ids


def tables(results: Mapping[str, Any], types: Sequence[str]) -> list[tuple[str, list[str], list[list[object]]]]:
    """The printed tables: (title, header, rows); figures are means over folds."""
    out: list[tuple[str, list[str], list[list[object]]]] = []
    ordered = sorted(results.items(), key=lambda kv: -(kv[1]["figures"]["all"]["mean_over_folds"]["f1"]["mean"] or 0))
    header = ["system", "version", "word F1", "precision", "recall", "`with` found", "`without` kept",
              "pages / CPU-s", "errors"]
    rows: list[list[object]] = []
    for name, r in ordered:
        cv = r["figures"]["all"]["mean_over_folds"]
        rows.append([name, r["version"], _cell(cv["f1"]["mean"], cv["f1"]["sd"]), _cell(cv["precision"]["mean"]),
                     _cell(cv["recall"]["mean"]), _cell(cv["with"]["mean"]), _cell(cv["without"]["mean"]),
                     r["pages_per_cpu_s"], r["errors"]])
    out.append(("All pages: mean over the 5 site folds (F1 ± its standard deviation over folds)", header, rows))
    for metric in METRICS:
        header = ["system", *[f"{t} ({results[ordered[0][0]]['figures'].get(t, {}).get('pages', 0)})" for t in types], "all"]
        rows = []
        for name, r in ordered:
            figs = r["figures"]
            rows.append([name, *[_cell(figs[t]["mean_over_folds"][metric]["mean"]) if t in figs else "-" for t in types],
                         _cell(figs["all"]["mean_over_folds"][metric]["mean"])])
        out.append((f"{LABELS[metric]} per page type (pages), mean over folds", header, rows))
    return out


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print one table as aligned text."""
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(header)]
    print(f"\n{title}")
    print("  ".join(str(h).ljust(w) if i == 0 else str(h).rjust(w) for i, (h, w) in enumerate(zip(header, widths, strict=True))))
    print("-" * (sum(widths) + 2 * (len(widths) - 1)))
    for row in rows:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))


def markdown(results: Mapping[str, Any], types: Sequence[str], meta: Mapping[str, Any]) -> str:
    """The results page: a note on what was measured, then the tables."""
    lines = [
        f"**Development pages.** WCXB development split ({meta['pages']} pages, {meta['sites']} sites; "
        "WCXB is CC-BY-4.0), the pages the extractor is developed on: not a held-out measure. "
        "Word F1 / precision / recall on lower-cased `\\w+` multisets, averaged over pages; "
        "`with` = share of must-include snippets found, `without` = share of boilerplate snippets "
        "kept (case-insensitive, white space collapsed, substring). Each figure is the mean over "
        "5 folds by site (sha256 of the site mod 5). Pages per CPU-second: CPU time of the "
        f"extraction calls in a child process, one round. articlekit's text: `{meta['articlekit_text']}` "
        f"(see `bench_wcxb.py`). Measured {meta['date']}, Python {meta['python']}.",
        "",
    ]
    for title, header, rows in tables(results, types):
        text_columns = 2 if header[1] == "version" else 1
        align = "l" * text_columns + "r" * (len(header) - text_columns)
        lines += [f"**{title}**", "", _report.md_table(header, rows, align), ""]
    return "\n".join(lines)


def write_per_page(path: Path, meta: Mapping[str, Any], rows: Mapping[str, Any]) -> None:
    """Write the per-page figures as JSON, one page a line (so two runs diff line by line)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = json.dumps({k: v for k, v in meta.items() if k != "pages"} | {"page_count": len(rows)},
                      ensure_ascii=False)[:-1]
    lines = [f"{json.dumps(key)}: {json.dumps(row, ensure_ascii=False)}" for key, row in rows.items()]
    path.write_text(head + ', "pages": {\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")
    print(f"\nper-page figures: {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--systems", nargs="*", default=SYSTEMS, help="systems to run (default: all five)")
    parser.add_argument("--types", nargs="*", default=None, help=f"page types to keep ({', '.join(PAGE_TYPES)})")
    parser.add_argument("--limit", type=int, default=0, help="the first N selected pages only")
    parser.add_argument("--ids", type=Path, default=None, help="a file of page ids (white-space separated)")
    parser.add_argument("--corpus", type=Path, default=wcxb.DEFAULT_CORPUS)
    parser.add_argument("--articlekit-text", choices=ARTICLEKIT_TEXTS, default="standfirst",
                        help="which parts of articlekit's Article make its text (default: standfirst)")
    parser.add_argument("--worst", type=int, default=0, help="list articlekit's N worst pages")
    parser.add_argument("--dump", type=Path, default=None, help="write DIR/<system>/<id>.txt")
    parser.add_argument("--per-page", type=Path, default=None, help="write every system's per-page figures to FILE")
    parser.add_argument("--out", type=Path, default=None, help="results file stem (default: benchmarks/results/wcxb "
                        "when every system ran on every page)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-ids", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.worker_ids, args.articlekit_text, args.worker_out)
        return

    started = time.time()
    env = _report.environment("PYTHONPATH=src python benchmarks/bench_wcxb.py " + " ".join(sys.argv[1:]))
    pages = wcxb.load_corpus(args.corpus)
    ids = select(pages, args)
    fold = wcxb.folds(ids, args.corpus)
    types = [t for t in PAGE_TYPES if any(pages[k].page_type == t for k in ids)]
    runs: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ids_file = Path(tmp) / "ids.json"
        ids_file.write_text(json.dumps(ids), encoding="utf-8")
        for name in args.systems:
            t0 = time.time()
            data = spawn(__file__, name, Path(tmp) / f"{name}.json",
                         ["--corpus", str(args.corpus), "--worker-ids", str(ids_file),
                          "--articlekit-text", args.articlekit_text])
            if data is not None:
                runs[name] = data
                print(f"{name}: {len(ids)} pages, {data['cpu']:.1f} CPU-s ({time.time() - t0:.0f} s wall), "
                      f"{len(data['errors'])} errors", file=sys.stderr)

    per_page: dict[str, dict[str, Figures]] = {}
    results: dict[str, Any] = {}
    for name, data in runs.items():
        texts: dict[str, str] = data["texts"]
        rows = {key: wcxb.page_figures(pages[key], texts.get(key, "")) for key in ids}
        for key, row in rows.items():
            row["cpu_ms"] = round(1000 * float(data["times"].get(key, 0.0)), 2)
            row["words"] = sum(wcxb.tokens(texts.get(key, "")).values())
            if key in data["errors"]:
                row["error"] = data["errors"][key]
        per_page[name] = rows
        cpu = float(data["cpu"])
        results[name] = {
            "version": version(name),
            "pages_per_cpu_s": round(len(ids) / cpu, 1) if cpu else None,
            "cpu_s": round(cpu, 2),
            "peak_rss_mb": round(int(data["peak_rss_kb"]) / 1024, 1),
            "errors": len(data["errors"]),
            "figures": summarise(pages, fold, rows),
        }
        if args.dump:
            folder = args.dump / name
            folder.mkdir(parents=True, exist_ok=True)
            for key in ids:
                (folder / f"{key}.txt").write_text(texts.get(key, ""), encoding="utf-8")
    if args.dump:
        folder = args.dump / "truth"
        folder.mkdir(parents=True, exist_ok=True)
        for key in ids:
            (folder / f"{key}.txt").write_text(pages[key].main_content, encoding="utf-8")
    if not results:
        raise SystemExit("no system ran")

    print(f"{len(ids)} WCXB development pages from {args.corpus} "
          f"({len({pages[k].site for k in ids})} sites); figures on DEVELOPMENT pages")
    for title, header, table_rows in tables(results, types):
        print_table(title, header, table_rows)
    ratios = speed_ratios(results)
    for name, ratio in ratios.items():
        print(f"\npages per CPU-second, articlekit / {name}: {ratio:.2f}x (same pages, same run)")

    if args.worst and "articlekit" in per_page:
        ak = per_page["articlekit"]
        other = per_page.get("trafilatura", {})
        worst = sorted(ids, key=lambda k: (ak[k]["f1"], k))[: args.worst]
        print(f"\narticlekit's {len(worst)} worst pages (id, type, F1, precision, recall, words out / truth"
              + (", trafilatura F1" if other else "") + "):")
        for key in worst:
            r = ak[key]
            truth_words = sum(wcxb.tokens(pages[key].main_content).values())
            extra = f"  {other[key]['f1']:.3f}" if other else ""
            print(f"  {key}  {pages[key].page_type:<13} {r['f1']:.3f}  {r['precision']:.3f}  {r['recall']:.3f}  "
                  f"{r['words']}/{truth_words}{extra}")

    meta: dict[str, Any] = {
        "note": "Figures on DEVELOPMENT pages (WCXB dev split), not a held-out measure.",
        "corpus": args.corpus.name,
        "pages": len(ids),
        "sites": len({pages[k].site for k in ids}),
        "page_types": {t: sum(pages[k].page_type == t for k in ids) for t in types},
        "fold_pages": {str(k): sum(fold[i] == k for i in ids) for k in range(wcxb.FOLDS)},
        "articlekit_text": args.articlekit_text,
        "metric": "word F1/precision/recall on lower-cased \\w+ multisets, mean over pages; snippets: "
                  "case-folded, white space collapsed, substring",
        "folds": "sha256(site) mod 5, site = registrable part of the domain (benchmarks/wcxb.py)",
        "wall_s": round(time.time() - started, 1),
        "speed_ratios": {f"articlekit/{name}": round(r, 2) for name, r in ratios.items()},
        **env,
    }
    if args.per_page:
        write_per_page(args.per_page, meta, {
            key: {"type": pages[key].page_type, "domain": pages[key].domain, "fold": fold[key],
                  "systems": {name: {m: _round(v) if isinstance(v, float) else v
                                     for m, v in per_page[name][key].items()} for name in per_page}}
            for key in ids
        })
    complete = set(results) >= set(SYSTEMS) and len(ids) == len(pages)
    stem = args.out or (HERE / "results" / "wcxb" if complete else None)
    if stem is not None:
        ordered = sorted(results, key=lambda n: -(results[n]["figures"]["all"]["mean_over_folds"]["f1"]["mean"] or 0))
        svg = _report.bar_chart(
            "Word F1 per page type, WCXB development pages (mean over folds)",
            [*types, "all"],
            {name: [results[name]["figures"].get(t, {}).get("mean_over_folds", {}).get("f1", {}).get("mean")
                    for t in [*types, "all"]] for name in ordered},
            "word F1",
        )
        _report.write(stem, {**meta, "systems": results}, markdown(results, types, meta), svg)


if __name__ == "__main__":
    main()
