"""Score articlekit's quote extractor on PolNeAR (political news attribution relations).

PolNeAR (https://github.com/networkdynamics/PolNeAR) is not shipped: fetch the
repository and copy its ``data/`` folder to ``data/polnear/data/`` in the
working tree (git-ignored; the articles are copyrighted).  Then::

    PYTHONPATH=src python benchmarks/bench_quotes_polnear.py --split train
    PYTHONPATH=src python benchmarks/bench_quotes_polnear.py --split dev --show-errors 20

Develop on ``train`` and ``dev``; ``test`` is the held-out measure (run it
once, for the report; ``--show-errors`` is refused on it).

Every run writes its figures: ``benchmarks/results/quotes_polnear.md`` and ``.json`` for the
``test`` split (the figures the documentation shows), ``quotes_polnear_<split>.{md,json}`` for
the others (``--out STEM`` chooses another stem; ``--limit`` runs write nothing unless it is given).

Quote marks are the double marks “ ” " „ « » ‹ › 「 」, as the issue defines a quoted content
(654 items on the test split).  Single marks (‘…’) and the doubled apostrophes and backticks
('' and ``) of ASCII news text (PolNeAR's New York Times articles) are not counted, in gold
or in predictions: a prediction counts when a double mark stands in it or just around it.

Gold: each article's attributions (for an article annotated several times, the
first annotator listed in ``metadata.tsv``).  The *quote* evaluation keeps the
attributions whose content holds a quote mark (direct and mixed quotes); the
*indirect* evaluation keeps all of them.  Predictions: every quote that is not
a ``scare`` quote (for the quote evaluation, only those with a quote mark in or
around them: ``direct``, ``partial``, ``headline``, and ``indirect`` ones that
enclose a marked quote).

Matching is on word tokens.  A prediction belongs to the gold content holding
most of its tokens (at least half); the predictions of one gold content are
unioned, and the gold is found when the Dice coefficient of that union with
the content is at least 0.5.

The headline figures are read **by name**: a speaker is right only when its
name or role shares a content word with the gold source mention or, for a
pronoun source, with the nearest preceding named source (a source mention with
a word other than a pronoun).  Printed first:

* *quote F1*: recall over the quoted attributions; precision over **everything
  returned** (every non-scare quote, reported speech included), a prediction
  counting when it belongs to a found attribution of any kind;
* *speaker of a found quote*: the share of found quoted attributions with a
  source whose speaker is right by name;
* *pronoun → name*: the same, for the pronoun sources;
* *quote-and-speaker F1*: a gold counts when found with the speaker right by
  name, a returned quote when it belongs to such a gold (precision again over
  everything returned);
* *recall of all attributions*: every attribution, reported speech included,
  found with the speaker right by name.

The secondary column is the *mention* reading: a speaker is also right when the
quote's ``speaker_span`` (the words that name the speaker where the quote is
attributed) overlaps the gold source mention (``he`` at the gold's ``he``,
whoever *he* resolves to), and quote precision counts only the quotes in marks.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path
from typing import Any

import _report

from articlekit import Article, Paragraph, Text
from articlekit._quotes import extract_quotes

ROOT = Path(__file__).resolve().parent.parent / "data" / "polnear" / "data"
_WORD = re.compile(r"\w+")
# double quote marks, the definition of a quoted content (654 test items); single
# marks (‘…’) and the doubled apostrophes and backticks of ASCII news text ('' and ``) are
# not counted, in gold or in predictions
_MARKS = re.compile('[“”"«»„‹›「」]')
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "its",
        "our",
        "us",
        "me",
        # relative pronouns ("Jane Doe, who said …"): a source that refers back like "she"
        "who",
        "whom",
        "which",
        "that",
    ]
)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "at",
        "by",
        "with",
        "from",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "s",
        "who",
        "which",
        "according",
        "said",
        "says",
        "told",
        "one",
        "some",
    ]
)
_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class Gold:
    __slots__ = ("content", "quoted", "source", "source_start", "source_text", "tokens")

    def __init__(
        self, content: list[tuple[int, int]], source: list[tuple[int, int]] | None, text: str
    ) -> None:
        self.content = content
        self.source = source
        self.source_text = " ".join(text[a:b] for a, b in source) if source else ""
        self.source_start = source[0][0] if source else content[0][0]
        self.quoted = any(_MARKS.search(text, a, b) for a, b in content)
        self.tokens: set[int] = set()


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def load_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 1:
            tid, info = line.split("\t")[:2]
            label, _, rest = info.partition(" ")
            spans[tid] = (label, _spans(rest))
        elif line.startswith("E") and "\t" in line:
            events.append(line.split("\t")[1].split())
    golds = []
    for ev in events:
        roles = dict(part.split(":", 1) for part in ev[1:] if ":" in part)
        content = roles.get("Content")
        if content is None or content not in spans:
            continue
        source = roles.get("Source")
        golds.append(Gold(spans[content][1], spans[source][1] if source in spans else None, text))
    return golds


def build_article(text: str) -> tuple[Article, list[tuple[int, int, int]]]:
    """Title = line 1, paragraphs = blank-line separated blocks; returns the offset map."""
    clean = _UNCLEAN.sub(" ", text)
    chunks: list[tuple[int, str]] = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", clean):
        s = m.group()
        lead = len(s) - len(s.lstrip())
        body = s.strip()
        if body:
            chunks.append((m.start() + lead, body.replace("\n", " ")))
    if not chunks:
        return Article(), []
    title = chunks[0][1]
    article = Article(title=title, body=[Paragraph([Text(c)]) for _, c in chunks[1:]])
    # offset map: (article_start, original_start, length)
    mapping = []
    pos = 0
    for orig, body in chunks:
        mapping.append((pos, orig, len(body)))
        pos += len(body) + 2
    assert article.text == "\n\n".join(b for _, b in chunks)
    return article, mapping


def to_original(mapping: list[tuple[int, int, int]], a: int, b: int) -> tuple[int, int]:
    for start, orig, length in mapping:
        if start <= a <= start + length:
            return orig + (a - start), orig + min(b - start, length)
    return a, b


def words(text: str, spans: list[tuple[int, int]], index: list[int]) -> set[int]:
    out = set()
    for a, b in spans:
        out.update(index[a:b])
    out.discard(-1)
    return out


def token_index(text: str) -> list[int]:
    index = [-1] * len(text)
    for k, m in enumerate(_WORD.finditer(text)):
        index[m.start() : m.end()] = [k] * (m.end() - m.start())
    return index


def content_words(s: str) -> set[str]:
    return {w for w in (t.lower() for t in _WORD.findall(s)) if w not in _STOP and len(w) > 1}


def _match(
    gs: list[Gold], ps: list[tuple[Any, set[int], bool]]
) -> tuple[list[int], dict[int, list[int]], set[int]]:
    """Each prediction's gold (``-1`` for none), the predictions of each gold, and the golds found."""
    assigned: dict[int, list[int]] = {}
    owner = []
    for pi, (_q, toks, _m) in enumerate(ps):
        best, best_n = -1, 0
        for gi, g in enumerate(gs):
            n = len(toks & g.tokens)
            if n > best_n:
                best, best_n = gi, n
        if best >= 0 and best_n * 2 >= len(toks):
            assigned.setdefault(best, []).append(pi)
            owner.append(best)
        else:
            owner.append(-1)
    found = set()
    for gi, pis in assigned.items():
        union = set().union(*(ps[p][1] for p in pis))
        dice = 2 * len(union & gs[gi].tokens) / (len(union) + len(gs[gi].tokens))
        if dice >= 0.5:
            found.add(gi)
    return owner, assigned, found


def _judge(
    g: Gold,
    pis: list[int],
    ps: list[tuple[Any, set[int], bool]],
    named: list[tuple[int, str]],
    text: str,
    mapping: list[tuple[int, int, int]],
    index: list[int],
) -> tuple[bool, bool, bool, Any]:
    """(right by name or role, right by mention, pronoun source, the prediction judged)."""
    main = max(pis, key=lambda p: len(ps[p][1]))  # the speaker of the largest prediction
    q = ps[main][0]
    by_name, pronoun = _speaker_ok(q.speaker, g, named)
    at = q.speaker_span  # the words of the text where the quote names its speaker
    by_mention = False
    if at is not None and g.source:
        mention = words(text, [to_original(mapping, *at)], index)
        by_mention = bool(mention & words(text, g.source, index))
    if g.source is None:
        by_name = True
    return by_name, by_name or by_mention, pronoun, q


_COUNTS = (
    "gold_q", "pred_q", "tp_pred_q", "found_q", "spk_n_q", "spk_name_ok_q", "spk_ok_q", "pron_n",
    "pron_ok", "pron_mention_ok", "e2e_q", "e2e_name_q", "e2e_pred_q", "gold_all", "pred_all",
    "tp_pred_all", "e2e_name_pred_all", "found_all_e2e", "found_all_e2e_name",
)  # fmt: skip


def score(
    split: str,
    show_errors: int,
    limit: int | None,
    reported: tuple[str, ...] = ("speech",),
    disabled: frozenset[str] = frozenset(),
) -> dict[str, float]:
    meta = {}
    with open(ROOT / "metadata.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row["annotators"].split("|")
    texts = sorted((ROOT / split / "text").glob("*.txt"))[:limit]
    counts = dict.fromkeys(_COUNTS, 0)
    total_chars = 0
    elapsed = 0.0
    shown = 0
    articles = 0
    for path in texts:
        stem = path.stem
        text = path.read_text(encoding="utf-8")
        ann = None
        for annotator in meta.get(stem, []):
            candidate = ROOT / split / "attributions" / f"{stem}_{annotator}.ann"
            if candidate.exists():
                ann = candidate
                break
        if ann is None:
            continue
        articles += 1
        golds = load_ann(ann, text)
        article, mapping = build_article(text)
        total_chars += len(article.text)
        t0 = time.process_time()
        quotes = extract_quotes(article, reported=reported, disabled=disabled)
        elapsed += time.process_time() - t0
        index = token_index(text)
        for g in golds:
            g.tokens = words(text, g.content, index)
        named = sorted(
            (g.source_start, g.source_text)
            for g in golds
            if g.source and content_words(g.source_text) and g.source_text.lower() not in _PRONOUNS
        )
        preds = []
        for q in quotes:
            if q.kind == "scare":
                continue
            a, b = to_original(mapping, *q.span)
            toks = words(text, [(a, b)], index)
            if not toks:
                continue
            if q.kind == "indirect":
                marked = bool(_MARKS.search(q.text))
            else:  # the marks stand just outside the span
                marked = bool(_MARKS.search(text, max(0, a - 3), b + 3))
            preds.append((q, toks, marked))

        # every attribution against everything returned (reported speech included)
        owner_all, assigned_all, found_all = _match(golds, preds)
        right_name_all: set[int] = set()
        for gi in found_all:
            by_name, by_any, _pronoun, _q = _judge(
                golds[gi], assigned_all[gi], preds, named, text, mapping, index
            )
            if by_name:
                right_name_all.add(gi)
            counts["found_all_e2e"] += by_any
        counts["gold_all"] += len(golds)
        counts["pred_all"] += len(preds)
        counts["tp_pred_all"] += sum(1 for o in owner_all if o in found_all)
        counts["e2e_name_pred_all"] += sum(1 for o in owner_all if o in right_name_all)
        counts["found_all_e2e_name"] += len(right_name_all)
        if show_errors and shown < show_errors:
            for pi, o in enumerate(owner_all):
                if o not in found_all and not preds[pi][2] and shown < show_errors:
                    shown += 1
                    q = preds[pi][0]
                    print(
                        f"--- FALSE-ANY {stem}: {q.kind} cue {q.cue!r} {q.text[:100]!r} {q.speaker}"
                    )
        if show_errors < 0:
            for gi, g in enumerate(golds):
                if gi not in right_name_all and not g.quoted and shown < -show_errors:
                    shown += 1
                    content = " | ".join(text[a:b] for a, b in g.content)
                    flag = "FOUND-WRONG-SPEAKER" if gi in found_all else "MISSED"
                    print(f"--- INDIRECT {flag} {stem}: [{g.source_text}] {content[:160]!r}")

        # the quoted attributions (direct and mixed) against the quotes in marks
        gs = [g for g in golds if g.quoted]
        ps = [p for p in preds if p[2]]
        owner, assigned, found = _match(gs, ps)
        right_any: set[int] = set()
        right_name: set[int] = set()
        for gi in found:
            g = gs[gi]
            by_name, by_any, pronoun, q = _judge(g, assigned[gi], ps, named, text, mapping, index)
            if by_any:
                right_any.add(gi)
            if by_name:
                right_name.add(gi)
            if g.source is not None:
                counts["spk_n_q"] += 1
                counts["spk_ok_q"] += by_any
                counts["spk_name_ok_q"] += by_name
                if pronoun:
                    counts["pron_n"] += 1
                    counts["pron_ok"] += by_name
                    counts["pron_mention_ok"] += by_any
            if show_errors and shown < show_errors and not by_name:
                shown += 1
                print(
                    f"--- SPEAKER {stem}: gold source {g.source_text!r}; ours {q.speaker} cue {q.cue!r} "
                    f"kind {q.kind}{' (mention right)' if by_any else ''}; quote {q.text[:80]!r}"
                )
        counts["gold_q"] += len(gs)
        counts["pred_q"] += len(ps)
        counts["found_q"] += len(found)
        counts["e2e_q"] += len(right_any)
        counts["e2e_name_q"] += len(right_name)
        counts["tp_pred_q"] += sum(1 for o in owner if o in found)
        counts["e2e_pred_q"] += sum(1 for o in owner if o in right_any)
        if show_errors and shown < show_errors:
            for gi, g in enumerate(gs):
                if gi not in found and shown < show_errors:
                    shown += 1
                    content = " | ".join(text[a:b] for a, b in g.content)
                    print(f"--- MISSED {stem}: [{g.source_text}] {content[:160]!r}")
            for pi, o in enumerate(owner):
                if o not in found and shown < show_errors:
                    shown += 1
                    q = ps[pi][0]
                    print(f"--- FALSE {stem}: {q.kind} {q.text[:120]!r} {q.speaker}")
    c = counts

    def f1(p: float, r: float) -> float:
        return 2 * p * r / max(1e-9, p + r)

    # headline: precision over everything returned, speakers by name or role
    p = c["tp_pred_all"] / max(1, c["pred_all"])
    r = c["found_q"] / max(1, c["gold_q"])
    ep = c["e2e_name_pred_all"] / max(1, c["pred_all"])
    er = c["e2e_name_q"] / max(1, c["gold_q"])
    # secondary: precision over the quotes in marks, speakers by name, role or mention
    mp = c["tp_pred_q"] / max(1, c["pred_q"])
    mep = c["e2e_pred_q"] / max(1, c["pred_q"])
    mer = c["e2e_q"] / max(1, c["gold_q"])
    return {
        "articles": articles,
        "gold_quotes": c["gold_q"],
        "gold_all": c["gold_all"],
        "returned": c["pred_all"],
        "returned_in_marks": c["pred_q"],
        "pronoun_n": c["pron_n"],
        # name-based (headline)
        "quote_P": p,
        "quote_R": r,
        "quote_F1": f1(p, r),
        "speaker_name_acc": c["spk_name_ok_q"] / max(1, c["spk_n_q"]),
        "pronoun_rate": c["pron_ok"] / max(1, c["pron_n"]),
        "e2e_P": ep,
        "e2e_R": er,
        "e2e_F1": f1(ep, er),
        "all_R": c["found_all_e2e_name"] / max(1, c["gold_all"]),
        # mention overlap (secondary)
        "marks_quote_P": mp,
        "marks_quote_F1": f1(mp, r),
        "mention_speaker_acc": c["spk_ok_q"] / max(1, c["spk_n_q"]),
        "mention_pronoun_rate": c["pron_mention_ok"] / max(1, c["pron_n"]),
        "mention_e2e_P": mep,
        "mention_e2e_R": mer,
        "mention_e2e_F1": f1(mep, mer),
        "mention_all_R": c["found_all_e2e"] / max(1, c["gold_all"]),
        "MB_per_s": total_chars / 1e6 / max(elapsed, 1e-9),
    }


def _speaker_ok(speaker, gold: Gold, named: list[tuple[int, str]]) -> tuple[bool, bool]:
    if gold.source is None:
        return speaker is None, False
    src = gold.source_text
    pronoun = src.strip().lower() in _PRONOUNS
    if pronoun:
        prev = [t for s, t in named if s < gold.source_start]
        if not prev:
            return False, True
        src = prev[-1]
    if speaker is None:
        return False, pronoun
    ours = content_words(speaker.name + " " + (speaker.role or ""))
    return bool(ours & content_words(src)), pronoun


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=["train", "dev", "test"])
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        help="print N errors (negative: N reported-speech errors)",
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--reported",
        default="speech",
        help="comma-separated cue types reported speech is read from (extract_quotes(reported=...)); "
        "default speech",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="results file stem (default benchmarks/results/quotes_polnear for --split test, "
        "quotes_polnear_<split> otherwise)",
    )
    args = parser.parse_args(argv)
    if args.split == "test" and args.show_errors:
        parser.error("--show-errors is refused on the held-out test split")
    if not ROOT.exists():
        print(f"PolNeAR not found at {ROOT}; see this script's docstring", file=sys.stderr)
        return 2
    reported = tuple(args.reported.split(","))
    result = score(args.split, args.show_errors, args.limit, reported)
    print(_table(args.split, result))
    stem = args.out
    if stem is None and args.limit is None and reported == ("speech",):
        stem = _report.RESULTS / (
            "quotes_polnear" if args.split == "test" else f"quotes_polnear_{args.split}"
        )
    if stem is not None:
        write_results(stem, args.split, result)
    return 0


def _table(split: str, result: dict[str, float]) -> str:
    """The figures as Markdown: by name first, the mention-overlap reading beside them."""
    r = result
    label = f"PolNeAR {split}" + ("" if split == "test" else " (development)")
    rows = [
        ["quote F1 (precision over everything returned)", f"{r['quote_F1']:.3f}",
         f"{r['marks_quote_F1']:.3f}",
         f"P {r['quote_P']:.3f} / R {r['quote_R']:.3f}; {r['gold_quotes']:.0f} quoted attributions, "
         f"{r['returned']:.0f} quotes returned ({r['returned_in_marks']:.0f} in marks)"],
        ["speaker of a found quote", f"{r['speaker_name_acc']:.3f}", f"{r['mention_speaker_acc']:.3f}", ""],
        ["pronoun → name", f"{r['pronoun_rate']:.3f}", f"{r['mention_pronoun_rate']:.3f}",
         f"{r['pronoun_n']:.0f} pronoun sources"],
        ["quote-and-speaker F1", f"{r['e2e_F1']:.3f}", f"{r['mention_e2e_F1']:.3f}",
         f"P {r['e2e_P']:.3f} / R {r['e2e_R']:.3f}"],
        ["recall of all attributions (with the speaker)", f"{r['all_R']:.3f}", f"{r['mention_all_R']:.3f}",
         f"{r['gold_all']:.0f} attributions, reported speech included"],
    ]  # fmt: skip
    markdown = _report.md_table(
        [label, "by name or role", "by mention (secondary)", ""], rows, align="lrrl"
    )
    markdown += (
        f"\n{r['articles']:.0f} articles; extraction speed {r['MB_per_s']:.2f} MB per CPU-second. "
        "*By name or role*: a speaker is right only when its name or role names the annotated source "
        "(a pronoun source: the nearest named source before it). *By mention*: also right when the words "
        'where the quote names its speaker overlap the annotated source mention ("he" at the gold\'s '
        '"he", whoever he is), and quote precision counts only the quotes in marks. Matching on word '
        "tokens, Dice at least 0.5 (see the script's docstring).\n"
    )
    return markdown


def write_results(stem: Path, split: str, result: dict[str, float]) -> None:
    """The scores as a Markdown table and JSON."""
    command = f"PYTHONPATH=src python benchmarks/bench_quotes_polnear.py --split {split}"
    _report.write(
        stem,
        {**_report.environment(command), "split": split, "scores": result},
        _table(split, result),
    )


if __name__ == "__main__":
    sys.exit(main())
