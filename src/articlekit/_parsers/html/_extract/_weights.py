"""The fitted weights and thresholds of the extractor, read from ``weights.json`` (package
data, written by ``benchmarks/fit_extractor.py``), with the defaults below when a key is
missing.  Pure Python: a dictionary of floats."""

from __future__ import annotations

import json
from importlib import resources

DEFAULTS: dict[str, float] = {
    "widen_share": 0.7,
    "widen_max_links": 0.5,
    "card_links": 0.35,
    "clean_links": 0.2,
    "region_share": 0.85,
    "prose_share": 0.4,
}


def _load() -> dict[str, float]:
    weights = dict(DEFAULTS)
    try:
        text = resources.files("articlekit._parsers.html._extract").joinpath("weights.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return weights
    data = json.loads(text)
    for key, value in data.get("weights", {}).items():
        weights[key] = float(value)
    return weights


#: The weights in use (a mutable dictionary: the fitting script sets values in process).
WEIGHTS: dict[str, float] = _load()
