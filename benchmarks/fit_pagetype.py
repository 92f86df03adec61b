"""Fit the page-type classifier's weights on the WCXB development pages (reproducible).

    PYTHONPATH=src python benchmarks/fit_pagetype.py            # cross-validate, fit, write
    PYTHONPATH=src python benchmarks/fit_pagetype.py --no-write # cross-validate only

For every page of ``wcxb-dev`` (1,497 pages, each with a ``page_type`` label), the features
are those :func:`articlekit._parsers.html._pagetype.page_features` computes at run time, on
the tree ``parse_html`` builds.  The model is a multinomial logistic regression with an L2
penalty, on standardised features, fitted by full-batch gradient descent in numpy (numpy is
needed by this script only; the package's inference is pure Python).

Every figure printed is cross-validated by site (``wcxb.folds``: fit on four folds, score the
fifth, five times): accuracy per fold and its mean, the confusion matrix and precision and
recall per type of the pooled held-out predictions.  These are figures on the
**development** pages.  Then the model is fitted on all pages and written to
``src/articlekit/_parsers/html/pagetype_weights.json``, with the figures to
``benchmarks/results/pagetype.md`` and ``.json``.  The fit is deterministic (no random
state): the same pages give the same weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wcxb import DEFAULT_CORPUS, FOLDS, PAGE_TYPES, folds, load_corpus, read_html

from articlekit._input import decode_input
from articlekit._limits import Limits
from articlekit._parsers.html._pagetype import FEATURES, page_features
from articlekit._parsers.html._tree import parse_tree

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "src" / "articlekit" / "_parsers" / "html" / "pagetype_weights.json"
RESULTS = ROOT / "benchmarks" / "results" / "pagetype"

#: The L2 penalty (per page, on standardised features) and the gradient-descent schedule.
L2 = 0.003
STEPS = 3000
RATE = 0.5


# ---------------------------------------------------------------------- features


def features(corpus: Path, cache: Path | None) -> tuple[list[str], np.ndarray, list[str], dict[str, float]]:
    """Every page's id, feature matrix, label and the time the features took (CPU ms per page)."""
    pages = load_corpus(corpus)
    ids = [k for k, p in pages.items() if p.page_type in PAGE_TYPES]
    key = hashlib.sha256(json.dumps(FEATURES).encode() + Path(page_features.__code__.co_filename).read_bytes()).hexdigest()
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text())
        if data.get("key") == key and data.get("ids") == ids:
            return ids, np.array(data["x"]), [pages[k].page_type for k in ids], data["timing"]
    limits = Limits()
    rows: list[list[float]] = []
    times: list[float] = []
    for n, k in enumerate(ids):
        decoded = decode_input(read_html(corpus, k), source="html", limits=limits, html=True, clean=False)
        root, _ = parse_tree(decoded.text, limits=limits)
        start = time.process_time()
        f = page_features(root, pages[k].url or None)
        times.append(time.process_time() - start)
        rows.append([f[name] for name in FEATURES])
        if n % 300 == 299:
            print(f"  features: {n + 1} pages", file=sys.stderr)
    ms = sorted(t * 1000 for t in times)
    timing = {
        "mean_ms": sum(ms) / len(ms),
        "median_ms": ms[len(ms) // 2],
        "p95_ms": ms[int(len(ms) * 0.95)],
        "max_ms": ms[-1],
    }
    if cache is not None:
        cache.write_text(json.dumps({"key": key, "ids": ids, "x": rows, "timing": timing}))
    return ids, np.array(rows), [pages[k].page_type for k in ids], timing


# ---------------------------------------------------------------------- the model


def fit(x: np.ndarray, y: np.ndarray, classes: int) -> dict[str, np.ndarray]:
    """A multinomial logistic regression with an L2 penalty, by gradient descent with momentum."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    n, d = z.shape
    onehot = np.zeros((n, classes))
    onehot[np.arange(n), y] = 1.0
    w = np.zeros((d, classes))
    b = np.zeros(classes)
    vw = np.zeros_like(w)
    vb = np.zeros_like(b)
    for _ in range(STEPS):
        logits = z @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        gw = z.T @ g + L2 * w
        gb = g.sum(axis=0)
        vw = 0.9 * vw + gw
        vb = 0.9 * vb + gb
        w -= RATE * vw
        b -= RATE * vb
    return {"mean": mean, "scale": scale, "coef": w.T, "intercept": b}


def predict(model: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    z = (x - model["mean"]) / model["scale"]
    return np.argmax(z @ model["coef"].T + model["intercept"], axis=1)


# ---------------------------------------------------------------------- the report


def report(y: np.ndarray, pred: np.ndarray, fold_acc: list[float], timing: dict[str, float], n_pages: int) -> tuple[str, dict[str, Any]]:
    k = len(PAGE_TYPES)
    matrix = np.zeros((k, k), dtype=int)
    for t, p in zip(y, pred, strict=True):
        matrix[t, p] += 1
    lines = [
        f"Accuracy on the {n_pages} WCXB **development** pages, cross-validated by site (fitted on four folds, scored on the fifth):",
        "",
        "| fold | " + " | ".join(str(i) for i in range(FOLDS)) + " | mean |",
        "|---|" + "---:|" * (FOLDS + 1),
        "| accuracy | " + " | ".join(f"{a:.3f}" for a in fold_acc) + f" | **{sum(fold_acc) / len(fold_acc):.3f}** |",
        "",
        "Precision and recall per type (the held-out predictions of the five folds pooled):",
        "",
        "| type | pages | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|",
    ]
    per_type: dict[str, dict[str, float]] = {}
    for i, name in enumerate(PAGE_TYPES):
        tp = matrix[i, i]
        precision = tp / matrix[:, i].sum() if matrix[:, i].sum() else 0.0
        recall = tp / matrix[i].sum() if matrix[i].sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        per_type[name] = {"pages": int(matrix[i].sum()), "precision": precision, "recall": recall, "f1": f1}
        lines.append(f"| {name} | {matrix[i].sum()} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    lines += [
        "",
        "Confusion matrix (rows: the labelled type; columns: the predicted type):",
        "",
        "| labelled \\ predicted | " + " | ".join(t[:5] for t in PAGE_TYPES) + " |",
        "|---|" + "---:|" * k,
    ]
    for i, name in enumerate(PAGE_TYPES):
        lines.append(f"| {name} | " + " | ".join(str(v) for v in matrix[i]) + " |")
    lines += [
        "",
        f"Features: {len(FEATURES)}; time to compute them (CPU, after parsing, per page): mean "
        f"{timing['mean_ms']:.2f} ms, median {timing['median_ms']:.2f} ms, 95th percentile {timing['p95_ms']:.2f} ms.",
    ]
    data = {
        "accuracy_per_fold": fold_acc,
        "accuracy_mean": sum(fold_acc) / len(fold_acc),
        "per_type": per_type,
        "confusion": matrix.tolist(),
        "classes": list(PAGE_TYPES),
        "timing": timing,
    }
    return "\n".join(lines) + "\n", data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache", type=Path, default=None, help="keep the features in this JSON file between runs")
    parser.add_argument("--no-write", action="store_true", help="cross-validate only; write nothing")
    args = parser.parse_args()

    ids, x, labels, timing = features(args.corpus, args.cache)
    y = np.array([PAGE_TYPES.index(t) for t in labels])
    fold = folds(ids, args.corpus)
    f = np.array([fold[k] for k in ids])
    pred = np.zeros_like(y)
    fold_acc: list[float] = []
    for k in range(FOLDS):
        model = fit(x[f != k], y[f != k], len(PAGE_TYPES))
        pred[f == k] = predict(model, x[f == k])
        fold_acc.append(float((pred[f == k] == y[f == k]).mean()))
    text, data = report(y, pred, fold_acc, timing, len(ids))
    print(text)
    if args.no_write:
        return
    model = fit(x, y, len(PAGE_TYPES))
    weights = {
        "model": "multinomial logistic regression on standardised features (benchmarks/fit_pagetype.py)",
        "trained_on": f"WCXB development pages ({len(ids)})",
        "features": list(FEATURES),
        "classes": list(PAGE_TYPES),
        "mean": [round(float(v), 6) for v in model["mean"]],
        "scale": [round(float(v), 6) for v in model["scale"]],
        "coef": [[round(float(v), 6) for v in row] for row in model["coef"]],
        "intercept": [round(float(v), 6) for v in model["intercept"]],
    }
    WEIGHTS.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    RESULTS.with_suffix(".md").write_text(text, encoding="utf-8")
    data.update(
        command="PYTHONPATH=src python benchmarks/fit_pagetype.py",
        date=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        machine=f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
    )
    RESULTS.with_suffix(".json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)} and {RESULTS.relative_to(ROOT)}.md/.json")


if __name__ == "__main__":
    main()
