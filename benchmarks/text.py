"""Plain text: how fast parse_text and to_text run, and what parse_text keeps.

Run from a checkout (``PYTHONPATH=src python benchmarks/text.py [CORPUS_DIR] [--out STEM]``).  It
prints, and writes to ``benchmarks/results/text.md`` (and ``.json``):

* speed: parse_text and to_text on the reference example repeated (numbered) to 0.1, 1 and 4 MB
  (MB per second, and the time ratio between sizes, which should stay near the size ratio);
* on the development corpus (``ground-truth.json`` and ``html/*.html.gz``, default
  ``../shared/corpus/scrapinghub-dev``): how many pages ``parse()`` sniffs as HTML, and, reading
  each page's human-written article body as plain text, the share of its 4-token shingles that
  ``Article.text`` keeps (recall) and adds (precision), with the benchmark's own metric;
* the figures beside a baseline that keeps the text as it is (no peer parses plain text into
  an article model), so the cost of the rules is visible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import _report

import articlekit
from articlekit._parsers._sniff import sniff

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "fixtures" / "text" / "reference.txt"
DEFAULT_CORPUS = ROOT.parent.parent / "shared" / "corpus" / "scrapinghub-dev"
_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def speed() -> list[dict[str, float]]:
    seed = REFERENCE.read_text(encoding="utf-8")
    print("speed (reference example repeated, each copy numbered so de-duplication keeps it; CPU time)")
    previous = None
    rows = []
    for megabytes in (0.1, 1.0, 4.0):
        copies = max(1, int(megabytes * 1e6 / len(seed.encode())))
        data = "\n\n".join(seed.replace(".\n", f". [{i}]\n") for i in range(copies))
        size = len(data.encode()) / 1e6
        t0 = time.process_time()
        article = articlekit.parse_text(data, quotes=False)
        parse_s = time.process_time() - t0
        t0 = time.process_time()
        articlekit.to_text(article, width=72)
        write_s = time.process_time() - t0
        ratio = f"  x{parse_s / previous[1]:.1f} time for x{size / previous[0]:.1f} size" if previous else ""
        print(
            f"  {size:5.2f} MB: parse_text {size / parse_s:5.2f} MB/s ({parse_s:.2f} s), "
            f"to_text {size / max(write_s, 1e-9):6.1f} MB/s{ratio}"
        )
        previous = (size, parse_s)
        rows.append({"mb": round(size, 3), "parse_text_s": round(parse_s, 3), "to_text_s": round(write_s, 4),
                     "parse_text_mb_s": round(size / parse_s, 3), "to_text_mb_s": round(size / max(write_s, 1e-9), 2)})
    return rows


def corpus(directory: Path) -> dict[str, object]:
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((directory / "html").glob("*.html.gz"))
    sniffed = Counter(sniff(gzip.decompress(p.read_bytes())) for p in pages)
    print(f"sniff on {len(pages)} corpus pages: {dict(sniffed)}")
    recalls, precisions, keys, spent, count = [], [], [], 0.0, 0
    for key, item in truth.items():
        body = item["articleBody"]
        if not body.strip():
            continue
        t0 = time.process_time()
        article = articlekit.parse_text(body, quotes=False)
        spent += time.process_time() - t0
        count += 1
        keys.append(key)
        want, got = shingles(body), shingles(article.text)
        tp = sum((want & got).values())
        recalls.append(tp / max(1, sum(want.values())))
        precisions.append(tp / max(1, sum(got.values())) if got else 1.0)
    r = sum(recalls) / len(recalls)
    p = sum(precisions) / len(precisions)
    print(
        f"parse_text on {count} human-written article bodies: shingle recall {r:.4f}, "
        f"precision {p:.4f} (baseline: the text kept as is, 1.0000 / 1.0000), "
        f"{count / spent:.0f} bodies per CPU-second"
    )
    # Recall lost is text the rules drop on purpose: placeholders, byline and date lines,
    # and paragraphs printed twice (a meal plan that repeats its recipes loses the repeats).
    lost = sorted(zip(recalls, keys, strict=True))[:3]
    print("  lowest recall:", ", ".join(f"{k[:12]} {v:.3f}" for v, k in lost))
    return {"pages": len(pages), "sniffed": dict(sniffed), "bodies": count, "recall": round(r, 4),
            "precision": round(p, 4), "bodies_per_cpu_s": round(count / spent)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    _report.add_out_option(parser, "text")
    args = parser.parse_args()
    rows = speed()
    found = None
    if (args.corpus / "ground-truth.json").exists():
        found = corpus(args.corpus)
    else:
        print(f"(no corpus at {args.corpus}; pass its path to measure sniffing and recall)")
    table = [[f"{r['mb']:.2f}", f"{r['parse_text_s']:.2f}", f"{r['parse_text_mb_s']:.2f}", f"{r['to_text_mb_s']:.1f}"]
             for r in rows]
    markdown = _report.md_table(["MB of text", "parse_text CPU s", "parse_text MB/CPU-s", "to_text MB/CPU-s"],
                                table, align="rrrr")
    if found is not None:
        markdown += (f"\nOn the {found['bodies']} human-written article bodies of the development corpus read as "
                     f"plain text, `Article.text` keeps {found['recall']:.4f} of their 4-token shingles (recall) and "
                     f"adds little (precision {found['precision']:.4f}), at {found['bodies_per_cpu_s']} bodies per "
                     f"CPU-second; `parse()` sniffs the {found['pages']} HTML pages as {found['sniffed']}.\n")
    data = {**_report.environment("PYTHONPATH=src python benchmarks/text.py"), "speed": rows, "corpus": found}
    _report.write(args.out, data, markdown)


if __name__ == "__main__":
    main()
