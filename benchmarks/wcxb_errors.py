"""Error classes of one system on the WCXB development pages, from a ``bench_wcxb.py`` run.

Reads the per-page figures (``--per-page``) and the texts (``--dump``) of a ``bench_wcxb.py``
run, and the pages themselves, and prints Markdown: per page type, how many pages score
F1 < 0.5 and in which failure class, with example ids; which kinds of truth lines (headings,
list items, table rows, paragraphs) the system misses beside a reference system; and, for
empty or tiny outputs, where in the page the truth's words are.  Figures on DEVELOPMENT pages.

Usage::

    PYTHONPATH=src python benchmarks/bench_wcxb.py --per-page /tmp/wcxb.json --dump /tmp/wcxb
    python benchmarks/wcxb_errors.py --per-page /tmp/wcxb.json --dump /tmp/wcxb > /tmp/errors.md

Classes of a page with F1 < 0.5 (the first that applies), with P, R the word precision and
recall, n the words out and N the truth's words:

``crash``           the system raised.
``truth empty``     N = 0 and n > 0 (the right output was nothing).
``empty``           n = 0.
``tiny fragment``   n < 0.15 N, R < 0.2 and P >= 0.5: a scrap of the content (one section of many).
``tiny furniture``  n < 0.15 N, R < 0.2 and P < 0.5: a scrap of page furniture (a banner, a CTA).
``wrong block``     P < 0.5 and R < 0.5: a sizeable text, mostly not the main content.
``recall loss``     P >= 0.5 and R < 0.5: the right region, most of it missed.
``boilerplate``     R >= 0.5 and P < 0.5: the content, buried in page furniture.

Where the truth is, on pages of the classes ``empty`` to ``recall loss`` (lxml alone,
nothing of articlekit's internals), from the truth-word recall of pieces of the page's body
text (``script``/``style`` emptied), the first that applies: ``not in the HTML text``, the
whole body holds < 50 % of the truth's words (rendered by script, or kept in attributes);
``inside <tag>``, the outermost furniture elements (``nav aside footer menu noscript template
button dialog``, which articlekit removes with their content before it scores) hold >= 50 %,
the tag holding most named; ``inside hidden markup``, elements with ``hidden``,
``aria-hidden=true`` or an inline ``display: none`` / ``visibility: hidden`` hold >= 50 %;
``inside `hidden md:block```, elements whose utility classes hide them on small screens only
hold >= 50 %; ``inside links``, ``<a>`` elements hold >= 50 % (cards that are links);
``no <p> prose``, ``<p>`` elements hold < 30 %; else ``other``.  Sections: from the body,
descend to the child holding most of the truth's words while it holds >= 80 % of them; the
children of the element reached that hold >= 5 % are the truth's sections (the median count
and the median share of the largest are printed).

Missed truth lines: the truth's ``main_content_markdown`` is split into lines, each a
heading (``#``), list item (``-``, ``*``, ``+``, ``1.``), table row (``|``) or paragraph; a
line of at least 3 words is *missed* when fewer than half of its distinct words occur in the
system's text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import lxml.html
import wcxb
from wcxb import PAGE_TYPES

CLASSES = ("crash", "truth empty", "empty", "tiny fragment", "tiny furniture", "wrong block", "recall loss",
           "boilerplate")
FURNITURE = ("nav", "aside", "footer", "menu", "noscript", "template", "button", "dialog")
LINE_KINDS = ("heading", "list item", "table row", "paragraph")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_WORD = re.compile(r"\w+")


def classify(fig: Mapping[str, Any], truth_words: int) -> str | None:
    """The failure class of a page's figures, or ``None`` when F1 >= 0.5."""
    if fig["f1"] >= 0.5:
        return None
    n, p, r = int(fig["words"]), float(fig["precision"]), float(fig["recall"])
    if "error" in fig:
        return "crash"
    if truth_words == 0:
        return "truth empty"
    if n == 0:
        return "empty"
    if n < 0.15 * truth_words and r < 0.2:
        return "tiny fragment" if p >= 0.5 else "tiny furniture"
    if p < 0.5 and r < 0.5:
        return "wrong block"
    if r < 0.5:
        return "recall loss"
    return "boilerplate"


def _recall(truth: Counter[str], text: str) -> float:
    total = sum(truth.values())
    return sum((truth & wcxb.tokens(text)).values()) / total if total else 0.0


def _hidden(el: Any) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or "display:none" in style or "visibility:hidden" in style)


def _utility_hidden(el: Any) -> bool:
    """A utility-CSS class list that hides the element on small screens only (``hidden md:block``)."""
    words = (el.get("class") or "").split()
    return "hidden" in words and any(_SHOWN.match(w) for w in words)


_SHOWN = re.compile(r"^(?:sm|md|lg|xl|2xl):(?:block|flex|grid|inline|inline-block|inline-flex|table|contents)$")


def _outermost(body: Any, match: Any) -> list[Any]:
    return [el for el in body.iter()
            if isinstance(el.tag, str) and match(el) and not any(match(a) for a in el.iterancestors())]


def _sections(body: Any, want: Counter[str]) -> tuple[float, float]:
    """How the truth spreads below its container: the deepest element on the path of largest
    recall that still holds >= 80 % of the truth's words; its children holding >= 5 % are its
    sections.  Returns (number of sections, the largest section's share of the truth)."""
    node = body
    while True:
        children = [(c, _recall(want, c.text_content())) for c in node if isinstance(c.tag, str)]
        best = max(children, key=lambda cr: cr[1], default=None)
        if best is None or best[1] < 0.8:
            break
        node = best[0]
    shares = [r for _, r in children if r >= 0.05]
    return float(len(shares)), max(shares, default=0.0)


def where_is_truth(html: bytes, truth: str) -> tuple[str, dict[str, float]]:
    """Where the truth's words lie in the page (see the module docstring): a cause and the recalls."""
    try:
        root = lxml.html.document_fromstring(html.decode("utf-8", "replace"))
    except ValueError:  # a str with an XML encoding declaration
        root = lxml.html.document_fromstring(html)
    body = root.find("body")
    if body is None:
        body = root
    for el in body.iter("script", "style"):
        el.text = ""
    want = wcxb.tokens(truth)

    def recall_in(elements: Iterable[Any]) -> float:
        return _recall(want, " ".join(el.text_content() for el in elements))

    figures = {"body": _recall(want, body.text_content())}
    furniture = _outermost(body, lambda el: el.tag in FURNITURE)
    figures["furniture"] = recall_in(furniture)
    by_tag = {tag: recall_in(el for el in furniture if el.tag == tag) for tag in {el.tag for el in furniture}}
    figures["hidden"] = recall_in(_outermost(body, _hidden))
    figures["utility hidden"] = recall_in(_outermost(body, _utility_hidden))
    figures["links"] = recall_in(_outermost(body, lambda el: el.tag == "a"))
    figures["p"] = recall_in(body.iter("p"))
    figures["sections"], figures["largest section"] = _sections(body, want)
    if figures["body"] < 0.5:
        return "not in the HTML text", figures
    if figures["furniture"] >= 0.5:
        return f"inside <{max(by_tag, key=lambda t: by_tag[t])}>", figures
    if figures["hidden"] >= 0.5:
        return "inside hidden markup", figures
    if figures["utility hidden"] >= 0.5:
        return "inside `hidden md:block`", figures
    if figures["links"] >= 0.5:
        return "inside links", figures
    if figures["p"] < 0.3:
        return "no <p> prose", figures
    return "other", figures


def line_kind(line: str) -> str:
    """The kind of one Markdown line of the truth."""
    stripped = line.lstrip()
    if stripped.startswith("#"):
        return "heading"
    if stripped.startswith("|"):
        return "table row"
    if _LIST.match(line):
        return "list item"
    return "paragraph"


def missed_lines(markdown: str, text: str) -> dict[str, list[int]]:
    """Per line kind: [truth words, words in missed lines]."""
    have = set(wcxb.tokens(text))
    out: dict[str, list[int]] = {k: [0, 0] for k in LINE_KINDS}
    for line in markdown.splitlines():
        words = _WORD.findall(line.lower())
        if len(words) < 3 or set(words) <= {"-", "|"}:
            continue
        kind = line_kind(line)
        out[kind][0] += len(words)
        distinct = set(words)
        if len(distinct & have) < 0.5 * len(distinct):
            out[kind][1] += len(words)
    return out


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-page", type=Path, required=True, help="bench_wcxb.py --per-page FILE")
    parser.add_argument("--dump", type=Path, required=True, help="bench_wcxb.py --dump DIR")
    parser.add_argument("--system", default="articlekit")
    parser.add_argument("--against", default="trafilatura", help="the reference system")
    parser.add_argument("--corpus", type=Path, default=wcxb.DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=3, help="example ids per cell")
    args = parser.parse_args()

    record = json.loads(args.per_page.read_text(encoding="utf-8"))["pages"]
    pages = wcxb.load_corpus(args.corpus)
    ids = [k for k in record if k in pages]
    sys_, ref = args.system, args.against
    truth_words = {k: sum(wcxb.tokens(pages[k].main_content).values()) for k in ids}

    def fig(key: str, name: str) -> dict[str, Any]:
        f: dict[str, Any] = record[key]["systems"][name]
        return f

    # 1. Pages below 0.5, per type, and their classes.
    classes: dict[str, str] = {}
    for key in ids:
        c = classify(fig(key, sys_), truth_words[key])
        if c is not None:
            classes[key] = c
    print(f"## {sys_}: pages with word F1 < 0.5, by page type and failure class\n")
    print(f"Beside {ref}'s count of pages below 0.5 (``{ref} <0.5``) and the pages where {sys_} scores at "
          f"least 0.1 below {ref} (``behind``) or above it (``ahead``).\n")
    types = [t for t in PAGE_TYPES if any(pages[k].page_type == t for k in ids)]
    rows = []
    for t in [*types, "all"]:
        keys = [k for k in ids if t in ("all", pages[k].page_type)]
        counts = Counter(classes[k] for k in keys if k in classes)
        behind = sum(fig(k, sys_)["f1"] < fig(k, ref)["f1"] - 0.1 for k in keys)
        ahead = sum(fig(k, sys_)["f1"] > fig(k, ref)["f1"] + 0.1 for k in keys)
        ref_low = sum(fig(k, ref)["f1"] < 0.5 for k in keys)
        rows.append([t, len(keys), sum(counts.values()), ref_low, behind, ahead, *[counts.get(c, 0) for c in CLASSES]])
    print(_table(["type", "pages", f"{sys_} <0.5", f"{ref} <0.5", "behind", "ahead", *CLASSES], rows))

    print(f"\nWhere the mean-F1 gap to {ref} comes from: the sum over each class's pages of ({ref} F1 - "
          f"{sys_} F1), divided by all pages (the column total is the gap in mean F1 over all pages).\n")
    gap_rows = []
    for t in [*types, "all"]:
        keys = [k for k in ids if t in ("all", pages[k].page_type)]
        gaps = Counter[str]()
        for k in keys:
            gaps[classes.get(k, "F1 >= 0.5")] += fig(k, ref)["f1"] - fig(k, sys_)["f1"]
        gap_rows.append([t, *[f"{gaps[c] / len(ids):+.4f}" for c in (*CLASSES, "F1 >= 0.5")],
                         f"{sum(gaps.values()) / len(ids):+.4f}"])
    print(_table(["type", *CLASSES, "F1 >= 0.5", "total"], gap_rows))

    print("\nExamples (ids of pages below 0.5 where the reference does better, largest gap first):\n")
    ex_rows = []
    for c in CLASSES:
        for t in types:
            keys = sorted((k for k in ids if classes.get(k) == c and pages[k].page_type == t),
                          key=lambda k: fig(k, sys_)["f1"] - fig(k, ref)["f1"])
            if keys:
                ex_rows.append([c, t, len(keys), ", ".join(keys[: args.examples])])
    print(_table(["class", "type", "pages", "examples"], ex_rows))

    # 2. Where the truth is, on pages where the system missed most of it.
    lost = ("empty", "tiny fragment", "tiny furniture", "wrong block", "recall loss")
    causes: dict[str, str] = {}
    figs: dict[str, dict[str, float]] = {}
    for key in ids:
        if classes.get(key) in lost:
            with gzip.open(args.corpus / "html" / f"{key}.html.gz") as fh:
                html = fh.read()
            causes[key], figs[key] = where_is_truth(html, pages[key].main_content)
    print("\n## Where the truth's words are in the page, on pages where most of them were missed\n")
    cause_rows = []
    for cause, n in Counter(causes.values()).most_common():
        keys = sorted((k for k in causes if causes[k] == cause), key=lambda k: fig(k, sys_)["f1"] - fig(k, ref)["f1"])
        by_type = Counter(pages[k].page_type for k in keys)
        by_class = Counter(classes[k] for k in keys)
        sections = sorted(figs[k]["sections"] for k in keys)
        largest = sorted(figs[k]["largest section"] for k in keys)
        cause_rows.append([cause, n, *[by_class.get(c, 0) for c in lost],
                           f"{sections[len(sections) // 2]:.0f}", f"{largest[len(largest) // 2]:.2f}",
                           ", ".join(f"{t} {by_type[t]}" for t in types if by_type[t]), ", ".join(keys[: args.examples])])
    good = [k for k in ids if fig(k, sys_)["f1"] >= 0.8 and truth_words[k]][:150]
    spread = []
    for key in good:
        with gzip.open(args.corpus / "html" / f"{key}.html.gz") as fh:
            spread.append(where_is_truth(fh.read(), pages[key].main_content)[1])
    sections = sorted(f["sections"] for f in spread)
    largest = sorted(f["largest section"] for f in spread)
    if spread:
        cause_rows.append([f"(for reference: the first {len(good)} pages where {sys_} scores >= 0.8)", len(good),
                           *["" for _ in lost], f"{sections[len(sections) // 2]:.0f}",
                           f"{largest[len(largest) // 2]:.2f}", "", ""])
    print(_table(["where", "pages", *lost, "sections (median)", "largest section (median)", "by type", "examples"],
                 cause_rows))

    # 3. Missed truth lines by kind, where the system found the content's region.
    def found_region(key: str) -> bool:
        f = fig(key, sys_)
        return bool(truth_words[key]) and f["precision"] >= 0.5 and f["words"] >= 0.15 * truth_words[key]

    selections: dict[str, Callable[[str], bool]] = {
        "every page where it found the region (P >= 0.5, output >= 0.15 of the truth's words)": found_region,
        f"of those, the pages where it is at least 0.1 F1 behind {ref}":
            lambda k: found_region(k) and fig(k, sys_)["f1"] < fig(k, ref)["f1"] - 0.1,
    }
    print(f"\n## Truth words in missed lines, by line kind ({sys_} / {ref})\n")
    print("Share of the truth's words, in lines of each kind, that lie in lines the system missed; last column: "
          "how the truth's words split between the kinds.\n")
    for title, keep in selections.items():
        print(f"\n{title[0].upper() + title[1:]}:\n")
        header = ["type", "pages", *[f"{k} ({sys_} / {ref})" for k in LINE_KINDS], "truth words by kind"]
        line_rows = []
        for t in [*types, "all"]:
            keys = [k for k in ids if t in ("all", pages[k].page_type) and keep(k)]
            if not keys:
                continue
            tot: dict[str, dict[str, list[int]]] = {n: {kind: [0, 0] for kind in LINE_KINDS} for n in (sys_, ref)}
            for key in keys:
                md = _markdown(args.corpus, key)
                for name in (sys_, ref):
                    text = (args.dump / name / f"{key}.txt").read_text(encoding="utf-8")
                    for kind, (words, missed) in missed_lines(md, text).items():
                        tot[name][kind][0] += words
                        tot[name][kind][1] += missed
            all_words = sum(v[0] for v in tot[sys_].values()) or 1
            cells = []
            for kind in LINE_KINDS:
                a, b = tot[sys_][kind], tot[ref][kind]
                cells.append(f"{a[1] / a[0]:.2f} / {b[1] / b[0]:.2f}" if a[0] else "-")
            shares = ", ".join(f"{k.split()[0]} {tot[sys_][k][0] / all_words:.2f}" for k in LINE_KINDS)
            line_rows.append([t, len(keys), *cells, shares])
        print(_table(header, line_rows))

    # 4. Forum threads: the first post against the rest.
    forum = [k for k in ids if pages[k].page_type == "forum" and truth_words[k] and fig(k, sys_)["words"] > 0]
    if forum:
        halves = {n: [0.0, 0.0] for n in (sys_, ref)}
        for key in forum:
            truth = _WORD.findall(pages[key].main_content.lower())
            first, rest = Counter(truth[: len(truth) // 3]), Counter(truth[len(truth) // 3:])
            for name in (sys_, ref):
                text = (args.dump / name / f"{key}.txt").read_text(encoding="utf-8")
                halves[name][0] += _recall(first, text)
                halves[name][1] += _recall(rest, text)
        print(f"\n## Forum threads ({len(forum)} with output): recall of the truth's first third and of the rest\n")
        print(_table(["system", "first third", "rest"],
                     [[n, f"{v[0] / len(forum):.3f}", f"{v[1] / len(forum):.3f}"] for n, v in halves.items()]))

    # 5. Boilerplate kept: the most frequent `without` snippets found.
    kept: Counter[str] = Counter()
    for key in ids:
        text = wcxb.normalise((args.dump / sys_ / f"{key}.txt").read_text(encoding="utf-8"))
        for s in pages[key].without_snippets:
            if wcxb.normalise(s) and wcxb.normalise(s) in text:
                kept[wcxb.normalise(s)] += 1
    print(f"\n## `without` snippets {sys_} keeps most often\n")
    print(", ".join(f"`{s}` {n}" for s, n in kept.most_common(25)) + "\n")


def _markdown(corpus: Path, key: str) -> str:
    data = json.loads((corpus / "ground-truth" / f"{key}.json").read_text(encoding="utf-8"))
    truth = data.get("ground_truth") or {}
    text: str = truth.get("main_content_markdown") or truth.get("main_content") or ""
    return text


if __name__ == "__main__":
    main()
