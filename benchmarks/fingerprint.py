"""One SHA-256 over articlekit's output on every development input: a behaviour check.

A change meant to be behaviour-neutral (a refactor, a move, a rename) must leave
this fingerprint unchanged.  It covers, in this order:

1. ``to_json(parse_html(page))`` for every page of ``shared/corpus/wcxb-dev`` and
   ``shared/corpus/scrapinghub-dev`` (1,588 pages);
2. the reference example in its three forms (``examples/pages/kremlin-talks.{html,md,txt}``)
   through ``parse_html``, ``parse_markdown`` and ``parse_text``;
3. the quote development passages (``tests/fixtures/quotes/dev.json``) through
   :func:`articlekit.extract_quotes`;
4. the first 300 PolNeAR train articles (``data/polnear/data/train/text``, not shipped:
   see ``bench_quotes_polnear.py``) through :func:`articlekit.extract_quotes`.

Each item's digest is written, one line each, to ``--items FILE`` when given, so two runs
can be compared with ``diff`` to find the inputs whose output changed.  A missing corpus
is an error, never a smaller fingerprint.

    PYTHONPATH=src python benchmarks/fingerprint.py [--items /tmp/before.txt]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import articlekit
from articlekit import Article, Paragraph, Text

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
POLNEAR = REPO / "data" / "polnear" / "data" / "train" / "text"


def _require(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"fingerprint: {path} is missing; the fingerprint would not cover it")
    return path


def _paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph([Text(p)]) for p in text.split("\n\n") if p.strip()]


def _with_quotes(article: Article) -> str:
    quotes = articlekit.extract_quotes(article)
    return json.dumps(
        [[q.text, q.kind, list(q.span), q.cue, repr(q.speaker), q.speaker_span] for q in quotes],
        ensure_ascii=False,
    )


def items() -> Iterator[tuple[str, str]]:
    """``(name, output)`` for every input, in a fixed order."""
    for corpus in ("wcxb-dev", "scrapinghub-dev"):
        for page in sorted(_require(SHARED / corpus / "html").glob("*.html.gz")):
            try:
                out = articlekit.to_json(articlekit.parse_html(gzip.decompress(page.read_bytes())))
            except articlekit.ArticleKitError as exc:
                out = f"error {type(exc).__name__}: {exc}"
            except Exception as exc:  # a foreign exception is a bug, recorded so it is seen
                out = f"crash {type(exc).__name__}: {exc}"
            yield f"{corpus}/{page.name}", out
    pages = REPO / "examples" / "pages"
    yield "reference.html", articlekit.to_json(articlekit.parse_html(_require(pages / "kremlin-talks.html").read_bytes()))
    yield "reference.md", articlekit.to_json(articlekit.parse_markdown(_require(pages / "kremlin-talks.md").read_text("utf-8")))
    yield "reference.txt", articlekit.to_json(articlekit.parse_text(_require(pages / "kremlin-talks.txt").read_text("utf-8")))
    cases = json.loads(_require(REPO / "tests" / "fixtures" / "quotes" / "dev.json").read_text("utf-8"))
    for case in cases:
        article = Article(title=case.get("title"), body=_paragraphs(case["text"]))
        yield f"quotes-dev/{case['id']}", _with_quotes(article)
    for path in sorted(_require(POLNEAR).glob("*.txt"))[:300]:
        yield f"polnear/{path.name}", _with_quotes(Article(body=_paragraphs(path.read_text("utf-8"))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=Path, help="write each input's digest to this file")
    args = parser.parse_args()
    total = hashlib.sha256()
    lines = []
    count = 0
    crashes = []
    for name, out in items():
        if out.startswith("crash "):
            crashes.append(f"{name}: {out}")
        digest = hashlib.sha256(out.encode("utf-8", "surrogatepass")).hexdigest()
        total.update(f"{name}\t{digest}\n".encode())
        lines.append(f"{name}\t{digest}")
        count += 1
    if args.items:
        args.items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for crash in crashes:
        print("foreign exception:", crash[:200])
    print(f"{count} inputs, sha256 {total.hexdigest()}")


if __name__ == "__main__":
    main()
