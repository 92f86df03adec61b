"""Fit the extractor's block-level stage (rule ``learned-blocks``) on the WCXB development pages.

    PYTHONPATH=src python benchmarks/fit_blocks.py --scoring-cache FILE [--pagetype-cache FILE]
        [--cache FILE] [--cv] [--write]

**Figures on development pages.**  Every page goes through ``parse_html`` with the rule
``learned-blocks`` replaced by a recorder: for each text block of the page
(:func:`articlekit._parsers.html._extract.blocks.features`) it keeps the features, whether the
block lies inside the content the rules before chose, its number of words and its label: the
share of its words (WCXB's lower-cased ``\\w+`` tokens) that are words of the page's
ground-truth main content.  The pages of each site fold are collected with the models that
will be in place when that fold is scored: the page-type classifier and the learned scoring
stage fitted on the *other* four folds (``fit_scoring.held_out_types``,
``fit_scoring.fold_models``), so no page's own labels leak into what it is scored with.

Two logistic regressions (numpy, Newton steps, L2 penalty, standardised features; needed by
this script only, inference is pure Python): *add* on the blocks outside the content, *drop*
on the blocks inside, each block weighted by its words over the page's truth words (a page's
F1 is relative to its size).  The thresholds, per recognised page type, are chosen on the
training folds by a proxy of word F1 computed from the labels (a type whose best choice
changes nothing is left out).  Deterministic: no random state.

``--cv`` runs the real cross-validation: each fold's pages parsed by ``parse_html`` with
the block model, the scoring model and the page-type model fitted on the other four folds,
scored as ``extract_cv.py`` scores them, beside the same run with the rule switched off; then
the Scrapinghub development pages the same way (shingle F1).  ``--write`` fits on every fold
and writes ``src/articlekit/_parsers/html/_extract/block_weights.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _record  # noqa: E402
import bench_html  # noqa: E402
import fit_scoring  # noqa: E402
import wcxb  # noqa: E402
from _systems import make_extractor  # noqa: E402
from extract_cv import Corpus, line  # noqa: E402

from articlekit._parsers.html import _pagetype  # noqa: E402
from articlekit._parsers.html._extract import blocks, learned  # noqa: E402
from articlekit._parsers.html._extract._common import State  # noqa: E402

OUT = HERE.parent / "src" / "articlekit" / "_parsers" / "html" / "_extract" / "block_weights.json"
FEATURES = list(blocks.FEATURES)
L2 = 1.0
STEPS = 25
ADD_GRID = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
DROP_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4)
TYPES = wcxb.PAGE_TYPES
#: Page types the rule is not fitted for.  On pages recognised as articles the first fit
#: (thresholds chosen like the others') moved WCXB articles from 0.944 to 0.941 and cost the
#: Scrapinghub development pages 0.976 -> 0.968 (news pages with teasers and comments beside
#: the story), cross-validated.
SKIP_TYPES = ("article",)


# ---------------------------------------------------------------------- the data


def collect(pages: dict[str, tuple[bytes | str, str, str]]) -> dict[str, dict[str, Any]]:
    """Per page (id -> html, url, truth): the blocks' feature rows, where they lie, their
    words and labels, the truth's word count and the recognised page type."""
    data: dict[str, dict[str, Any]] = {}

    def recorder(key: str, state: State) -> None:
        found = blocks.page_blocks(state)
        if not state.content or not found:
            return
        truth = pages[key][2]
        vocab = set(wcxb.tokens(truth))
        rows, where, _ = blocks.features(state, found)
        xs, ws, ys, ns = [], [], [], []
        for (el, _, _), row, w in zip(found, rows, where, strict=True):
            if w not in (0, 1):
                continue
            words = wcxb.tokens(el.text_content())
            n = sum(words.values())
            if not n:
                continue
            xs.append([round(v, 5) for v in blocks.expand(row, state.page_type)])
            ws.append(w)
            ns.append(n)
            ys.append(round(sum(c for t, c in words.items() if t in vocab) / n, 4))
        data[key] = {"x": xs, "w": ws, "n": ns, "y": ys, "truth": sum(wcxb.tokens(truth).values()),
                     "type": state.page_type}

    _record.record(pages, blocks.NAME, recorder)
    return data


class Folds:
    """The models of each fold: page types and scoring fitted on the other four."""

    def __init__(self, corpus: Corpus, pagetype_cache: Path | None, scoring_cache: Path | None) -> None:
        self.types, self.type_models = fit_scoring.held_out_types(corpus, pagetype_cache)
        # The fitted scoring models are kept beside the candidates' cache (fitting them is slow).
        models = None if scoring_cache is None else scoring_cache.with_suffix(".models.json")
        if models is not None and models.exists():
            self.fold = json.loads(models.read_text())["fold"]
            self.scoring = {int(k): v for k, v in json.loads(models.read_text())["models"].items()}
        else:
            _, self.fold, self.scoring = fit_scoring.fold_models(corpus, self.types, scoring_cache)
            if models is not None:
                models.write_text(json.dumps({"fold": self.fold, "models": self.scoring}))

    def run(self, k: int, job: Callable[[], Any]) -> Any:
        """*job* run with fold *k*'s page-type and scoring models in place."""
        original = _pagetype._weights
        saved = learned.MODEL["coef"]
        try:
            learned.MODEL["coef"] = self.scoring[k]
            _pagetype._weights = lambda: self.type_models[k]  # type: ignore[assignment]
            return job()
        finally:
            _pagetype._weights = original  # type: ignore[assignment]
            learned.MODEL["coef"] = saved


# ---------------------------------------------------------------------- the models


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Weighted logistic regression on soft labels; coefficients on raw features (bias first)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    mean[0] = 0.0  # the bias column stays 1
    scale[0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    total = weight.sum()
    penalty = np.full(z.shape[1], L2 / total)
    penalty[0] = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (weight * (p - y)) / total + penalty * w
        hess = (z * (weight * p * (1 - p))[:, None]).T @ z / total + np.diag(penalty + 1e-9)
        w -= np.linalg.solve(hess, grad)
    coef = w / scale
    coef[0] = w[0] - float(np.sum(w[1:] * mean[1:] / scale[1:]))
    return coef


def stack(pages: list[dict[str, Any]], side: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for p in pages:
        truth = max(p["truth"], 1)
        for row, w, n, y in zip(p["x"], p["w"], p["n"], p["y"], strict=True):
            if w == side:
                xs.append(row)
                ys.append(y)
                ws.append(min(n / truth, 1.0))
    return np.array(xs, dtype=float).reshape(-1, len(FEATURES)), np.array(ys), np.array(ws)


def proxy_f1(p: dict[str, Any], add: np.ndarray, drop: np.ndarray, add_at: float, drop_at: float) -> float:
    """The page's word F1 estimated from the blocks' labels, with the given verdicts."""
    w = p["_w"]
    keep = np.where(w == 1, drop >= drop_at, add >= add_at)
    pred = float(np.sum(p["_n"] * keep))
    hit = float(np.sum(p["_n"] * p["_y"] * keep))
    truth = p["truth"]
    if pred == 0 or truth == 0:
        return 1.0 if pred == truth else 0.0
    precision, recall = hit / pred, min(hit / truth, 1.0)
    return 0.0 if hit == 0 else 2 * precision * recall / (precision + recall)


def fit(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Both models and the per-type thresholds, fitted on *pages*."""
    add = fit_logistic(*stack(pages, 0))
    drop = fit_logistic(*stack(pages, 1))
    for p in pages:
        prepare(p)
    thresholds: dict[str, tuple[float, float]] = {}
    for t in TYPES:
        group = [p for p in pages if p["type"] == t and len(p["x"]) and t not in SKIP_TYPES]
        if not group:
            continue
        probs = [(sigmoid(p["_x"] @ add), sigmoid(p["_x"] @ drop)) for p in group]
        base = statistics.fmean(proxy_f1(p, a, d, 2.0, 0.0) for p, (a, d) in zip(group, probs, strict=True))
        best = (base, 2.0, 0.0)
        for add_at in ADD_GRID:
            for drop_at in DROP_GRID:
                value = statistics.fmean(
                    proxy_f1(p, a, d, add_at, drop_at) for p, (a, d) in zip(group, probs, strict=True)
                )
                if value > best[0] + 1e-4:
                    best = (value, add_at, drop_at)
        if best[1] <= 1.0 or best[2] > 0:
            thresholds[t] = (min(best[1], 1.01), best[2])
        print(f"    {t}: proxy F1 {base:.4f} -> {best[0]:.4f} (add >= {best[1]}, drop < {best[2]})", file=sys.stderr)
    return {"add": add, "drop": drop, "thresholds": thresholds}


def sigmoid(v: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(v, -30, 30))))


def prepare(p: dict[str, Any]) -> None:
    if "_x" not in p:
        p["_x"] = np.array(p["x"], dtype=float).reshape(-1, len(FEATURES))
        p["_w"] = np.array(p["w"])
        p["_n"] = np.array(p["n"], dtype=float)
        p["_y"] = np.array(p["y"], dtype=float)


def as_model(fitted: dict[str, Any]) -> blocks.Model:
    return blocks.Model(
        add=[float(v) for v in fitted["add"]],
        drop=[float(v) for v in fitted["drop"]],
        thresholds=dict(fitted["thresholds"]),
    )


def block_data(corpus: Corpus, folds: Folds, cache: Path | None) -> dict[str, dict[str, Any]]:
    """Every page's collected blocks (WCXB ids, and ``sh:<id>`` for the Scrapinghub pages), each
    fold's pages collected with that fold's held-out models; read from *cache* when it holds them."""
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text())
        if data.get("features") == FEATURES:
            return dict(data["pages"])
    sh_html, sh_truth, sh_urls = bench_html.load_corpus(bench_html.DEFAULT_CORPUS)
    fold = folds.fold
    saved = blocks.MODEL["model"]
    blocks.MODEL["model"] = None
    collected: dict[str, dict[str, Any]] = {}
    try:
        for k in range(wcxb.FOLDS):
            wpages = {key: (corpus.html[key], corpus.pages[key].url, corpus.pages[key].main_content)
                      for key in corpus.ids if fold[key] == k}
            spages = {f"sh:{key}": (sh_html[key], sh_urls[key], sh_truth[key])
                      for key in sh_html if fold[f"sh:{key}"] == k}
            collected |= folds.run(k, lambda wpages=wpages, spages=spages: collect(wpages | spages))
    finally:
        blocks.MODEL["model"] = saved
    if cache is not None:
        cache.write_text(json.dumps({"features": FEATURES, "pages": collected}))
    return collected


def fold_block_models(pages: dict[str, dict[str, Any]], fold: dict[str, int]) -> dict[int, blocks.Model]:
    """The block model of each fold, fitted on the WCXB pages of the other four."""
    wcxb_keys = [k for k in pages if not k.startswith("sh:")]
    return {k: as_model(fit([pages[key] for key in wcxb_keys if fold[key] != k])) for k in range(wcxb.FOLDS)}


# ---------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=None, help="keep the collected blocks in this JSON file")
    parser.add_argument("--scoring-cache", type=Path, default=None, help="fit_scoring's candidate cache")
    parser.add_argument("--pagetype-cache", type=Path, default=None, help="fit_pagetype's feature cache")
    parser.add_argument("--cv", action="store_true", help="run the real cross-validation through parse_html")
    parser.add_argument("--write", action="store_true", help="fit on all folds and write block_weights.json")
    parser.add_argument("--no-baseline", action="store_true", help="with --cv: skip the run with the rule off")
    args = parser.parse_args()
    corpus = Corpus()
    folds = Folds(corpus, args.pagetype_cache, args.scoring_cache)
    sh_html, sh_truth, sh_urls = bench_html.load_corpus(bench_html.DEFAULT_CORPUS)
    fold = folds.fold
    pages = block_data(corpus, folds, args.cache)
    wcxb_keys = [k for k in pages if not k.startswith("sh:")]
    models: dict[int, blocks.Model] = {}
    for k in range(wcxb.FOLDS):
        print(f"fold {k}:", file=sys.stderr)
        fitted = fit([pages[key] for key in wcxb_keys if fold[key] != k])
        models[k] = as_model(fitted)
        test = [pages[key] for key in wcxb_keys if fold[key] == k and pages[key]["x"]]
        for p in test:
            prepare(p)
        before = statistics.fmean(proxy_f1(p, np.zeros(len(p["x"])), np.ones(len(p["x"])), 2.0, 0.0) for p in test)

        def held(p: dict[str, Any], m: dict[str, Any] = fitted) -> float:
            limits = m["thresholds"].get(p["type"])
            if limits is None:
                return proxy_f1(p, np.zeros(len(p["x"])), np.ones(len(p["x"])), 2.0, 0.0)
            return proxy_f1(p, sigmoid(p["_x"] @ m["add"]), sigmoid(p["_x"] @ m["drop"]), *limits)

        after = statistics.fmean(held(p) for p in test)
        print(f"fold {k}: proxy word F1 of the blocks, held out: {before:.4f} -> {after:.4f}")
    if args.cv:
        saved = blocks.MODEL["model"]
        results: dict[str, dict[str, float]] = {"off": {}, "on": {}}
        sh_texts: dict[str, dict[str, str]] = {"off": {}, "on": {}}
        extract = make_extractor("articlekit")
        try:
            for k in range(wcxb.FOLDS):
                ids = [key for key in corpus.ids if fold[key] == k]
                sh_ids = [key for key in sh_html if fold[f"sh:{key}"] == k]
                for name, model in (("off", None), ("on", models[k]))[1 if args.no_baseline else 0:]:
                    blocks.MODEL["model"] = model
                    results[name] |= folds.run(k, lambda ids=ids: corpus.f1s(ids=ids))
                    sh_texts[name] |= folds.run(
                        k, lambda sh_ids=sh_ids: {key: extract(sh_html[key], sh_urls[key]) for key in sh_ids}
                    )
        finally:
            blocks.MODEL["model"] = saved
        for name in ("off", "on")[1 if args.no_baseline else 0:]:
            sh = bench_html.score(sh_truth, sh_texts[name])
            print(f"rule {name}: WCXB, cross-validated: {line(corpus.summary(results[name]))}")
            print(f"rule {name}: scrapinghub-dev, cross-validated (shingle): F1 {sh['f1']:.4f} "
                  f"(precision {sh['precision']:.4f}, recall {sh['recall']:.4f})")
    if args.write:
        print("all folds:", file=sys.stderr)
        fitted = fit([pages[key] for key in wcxb_keys])
        payload = {
            "fitted_by": "benchmarks/fit_blocks.py (WCXB development pages, all five site folds)",
            "model": "two logistic regressions over a page's text blocks (add: outside the content; "
                     "drop: inside); thresholds per page type on the probability",
            "add": {n: round(float(v), 6) for n, v in zip(FEATURES, fitted["add"], strict=True)},
            "drop": {n: round(float(v), 6) for n, v in zip(FEATURES, fitted["drop"], strict=True)},
            "thresholds": {t: list(v) for t, v in fitted["thresholds"].items()},
        }
        OUT.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
