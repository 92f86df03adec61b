"""The error contract on real and hostile inputs: every parser, every serialiser, no foreign exception.

Inputs: both development corpora (``shared/corpus/wcxb-dev`` and ``scrapinghub-dev``,
1,588 real pages) and the torture corpus (``tests/torture/make_corpus.py``).  Each input goes
through every parser -- ``parse_html``, ``parse_markdown``, ``parse_text`` and ``parse``
(sniffing) -- and each Article through every serialiser (:func:`articlekit.formats`), and
``from_json`` reads back what ``to_json`` wrote.  An ``ArticleKitError`` is the contract
kept (a page that is over a limit is refused with a message); any other exception is a
finding, listed with its input.  (The torture corpus is also a CI test,
``tests/test_torture.py``; the real pages are too many for CI's time and live here.)

Run (about 30 minutes on one core; ``--limit N`` takes the first N pages of each corpus)::

    PYTHONPATH=src python benchmarks/bench_contract.py [--limit N] [--jobs 2] [--log results.jsonl [--resume]]

A run cut short resumes from its log with ``--resume`` (the inputs already in the log are not
run again; the elapsed time then counts the last part only).

Results: ``benchmarks/results/contract.md`` and ``contract.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

import articlekit  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
PARSERS = ("parse_html", "parse_markdown", "parse_text", "parse")


def _inputs(limit: int | None, torture_dir: Path) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for name in ("wcxb-dev", "scrapinghub-dev"):
        pages = sorted((SHARED / name / "html").glob("*.html.gz"))
        if not pages:
            raise SystemExit(f"{SHARED / name}: no pages; the shared corpora must sit beside the repository")
        items += [(name, str(p)) for p in pages[:limit]]
    from tests.torture.make_corpus import generate

    items += [("torture", str(p)) for p in generate(torture_dir)]
    return items


def _one(item: tuple[str, str]) -> dict[str, Any]:
    corpus, path = item
    raw = Path(path).read_bytes()
    data = gzip.decompress(raw) if corpus != "torture" and path.endswith(".gz") else raw
    runs = refused = 0
    findings: list[str] = []
    for parser in PARSERS:
        runs += 1
        try:
            article = getattr(articlekit, parser)(data)
        except articlekit.ArticleKitError:
            refused += 1
            continue
        except Exception as exc:  # the finding this benchmark exists for
            findings.append(f"{parser}: {type(exc).__name__}: {exc} | {_where(exc)}")
            continue
        for fmt in articlekit.formats():
            runs += 1
            try:
                articlekit.dumps(article, fmt)
            except articlekit.ArticleKitError:
                refused += 1
            except Exception as exc:
                findings.append(f"{parser} -> dumps({fmt}): {type(exc).__name__}: {exc} | {_where(exc)}")
        runs += 1
        try:
            if articlekit.from_json(articlekit.to_json(article)) != article:
                findings.append(f"{parser} -> to_json -> from_json: not the same Article")
        except articlekit.ArticleKitError:
            refused += 1
        except Exception as exc:
            findings.append(f"{parser} -> from_json: {type(exc).__name__}: {exc} | {_where(exc)}")
    return {"corpus": corpus, "input": Path(path).name, "runs": runs, "refused": refused, "findings": findings}


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="the first N pages of each development corpus")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "contract")
    parser.add_argument(
        "--log", type=Path, default=None,
        help="write each input's result as a JSON line as it is done (a run cut short says how far it got)",
    )
    parser.add_argument(
        "--resume", action="store_true",
        help="with --log: keep the results already in the log and run only the inputs not in it",
    )
    args = parser.parse_args(argv)
    if args.resume and args.log is None:
        parser.error("--resume needs --log")
    started = time.monotonic()
    results: list[dict[str, Any]] = []
    if args.resume and args.log.exists():
        for line in args.log.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError):  # a line cut short by a kill is run again
                results.append(json.loads(line))
        args.log.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    done_before = {(r["corpus"], r["input"]) for r in results}
    log = args.log.open("a" if args.resume else "w", encoding="utf-8") if args.log else None
    with tempfile.TemporaryDirectory() as tmp:
        items = [
            item for item in _inputs(args.limit, Path(tmp)) if (item[0], Path(item[1]).name) not in done_before
        ]
        with contextlib.ExitStack() as stack:
            if args.jobs > 1:
                pool = stack.enter_context(ProcessPoolExecutor(args.jobs))
                done = pool.map(_one, items, chunksize=4)
            else:
                done = map(_one, items)
            for result in done:
                results.append(result)
                if log is not None:
                    log.write(json.dumps(result) + "\n")
                    log.flush()
    if log is not None:
        log.close()
    elapsed = time.monotonic() - started
    rows = []
    for corpus in ("wcxb-dev", "scrapinghub-dev", "torture"):
        mine = [r for r in results if r["corpus"] == corpus]
        rows.append(
            {
                "corpus": corpus,
                "inputs": len(mine),
                "runs": sum(r["runs"] for r in mine),
                "refused": sum(r["refused"] for r in mine),
                "findings": [f"{r['input']}: {f}" for r in mine for f in r["findings"]],
            }
        )
    args.out.with_suffix(".json").write_text(json.dumps({"elapsed_s": round(elapsed), "corpora": rows}, indent=1) + "\n")
    lines = [
        "| corpus | inputs | parser and serialiser runs | ArticleKitError (refused) | other exceptions |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {r['corpus']} | {r['inputs']:,} | {r['runs']:,} | {r['refused']:,} | {len(r['findings'])} |" for r in rows]
    lines += ["", f"Parsers: {', '.join(PARSERS)}; serialisers: {', '.join(articlekit.formats())}; and from_json of to_json."]
    lines += [f"Development pages (wcxb-dev, scrapinghub-dev) and the torture corpus; {elapsed / 60:.0f} minutes."]
    findings = [f for r in rows for f in r["findings"]]
    if findings:
        lines += ["", "Findings:", ""] + [f"- {f}" for f in findings]
    args.out.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
