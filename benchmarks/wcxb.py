"""The WCXB development corpus: its pages, its metric and deterministic folds by site.

Importable by any script in ``benchmarks/`` (``from wcxb import folds, load_corpus, ...``); it
imports nothing outside the standard library.  Figures computed with it are figures on the
**development** split of WCXB (1,497 pages), which is looked at while developing: they are not
a held-out measure.

The corpus (see ``/work/shared/corpus/README.md``): ``ground-truth/<id>.json`` and
``html/<id>.html.gz`` per page, ``metadata.json`` with page type and domain for most ids.

Page type
    ``_internal.page_type.primary`` of the ground truth (it agrees with ``metadata.json``
    wherever that has the page).
Domain
    ``metadata.json``'s domain, lower-cased; for the pages it lacks (139) or gives no domain,
    the host of the page's URL, lower-cased, without a leading ``www.`` (the rule that
    reproduces every domain ``metadata.json`` gives); a page without a URL (5 pages) is a
    domain of its own, ``page-<id>``.
Site
    The registrable part of the domain, so that sister hosts (``docs.x.com``, ``x.com``;
    the many ``*.substack.com``) fall in one fold: the last two labels, or the last three
    when the last is a two-letter country code and the one before it is one of ``co com org
    net ac gov edu ne or go`` (``bbc.co.uk``).
Fold
    ``int(sha256(site).hexdigest(), 16) % 5``: stable across runs, machines and Python
    versions, and every page of a site (so of a domain) in one fold.  On the 1,497 pages
    the folds hold 260, 311, 299, 327 and 300 pages (1,300 domains, 1,238 sites).

The metric (WCXB's own): lower-cased ``\\w+`` tokens (Python ``re``, Unicode) of the truth's
``main_content`` and of the extracted text, compared as multisets; overlap = the size of
their multiset intersection; precision = overlap / predicted tokens, recall = overlap / truth
tokens, F1 their harmonic mean, per page, then averaged over pages.  A page whose truth and
prediction both have no token scores 1 on all three; one where only one of them is empty
scores 0 on all three (21 pages have an empty truth: the right answer there is nothing).

Snippets: a snippet is *found* in a text when, both case-folded and with every run of white
space made one space (and the ends stripped), the snippet is a substring of the text.  Per
page, ``with`` = the share of its ``with`` snippets found (good content a good extraction
includes), ``without`` = the share of its ``without`` snippets found (boilerplate it should
have left out: lower is better); each is averaged over the pages that have such snippets.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("ARTICLEKIT_WCXB", ROOT.parent.parent / "shared" / "corpus" / "wcxb-dev"))
if not DEFAULT_CORPUS.exists():
    DEFAULT_CORPUS = Path("/work/shared/corpus/wcxb-dev")

#: The number of folds of :func:`folds`.
FOLDS = 5

#: The page types of WCXB, in the order the tables print them.
PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"})


@dataclass(frozen=True)
class Page:
    """One page's ground truth: what the metric and the folds need."""

    id: str
    url: str
    page_type: str
    domain: str
    main_content: str
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    title: str = ""

    @property
    def site(self) -> str:
        """The registrable part of :attr:`domain` (the unit of the folds)."""
        return site_of(self.domain)


# ---------------------------------------------------------------------- the corpus


def _snippets(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list):
        return tuple(s for s in value if isinstance(s, str) and s.strip())
    return ()


def domain_of(url: str) -> str:
    """The domain :func:`load_corpus` gives a page missing from ``metadata.json``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def site_of(domain: str) -> str:
    """The registrable part of *domain*: two labels, or three under ``co.uk``-like suffixes."""
    labels = domain.lower().split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def fold_of(site: str) -> int:
    """The fold of *site*: ``int(sha256(site).hexdigest(), 16) % 5``."""
    return int(hashlib.sha256(site.encode("utf-8")).hexdigest(), 16) % FOLDS


def load_corpus(corpus: Path = DEFAULT_CORPUS) -> dict[str, Page]:
    """Every page of *corpus* with a ground truth, by id (sorted)."""
    meta_path = corpus / "metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")).get("files", {}) if meta_path.exists() else {}
    pages: dict[str, Page] = {}
    for path in sorted((corpus / "ground-truth").glob("*.json")):
        key = path.stem
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = data.get("ground_truth") or {}
        url = data.get("url") or ""
        info = meta.get(key) or {}
        page_type = ((data.get("_internal") or {}).get("page_type") or {}).get("primary") or info.get("page_type") or "?"
        domain = (info.get("domain") or "").lower() or domain_of(url) or f"page-{key}"
        pages[key] = Page(
            id=key,
            url=url,
            page_type=page_type,
            domain=domain,
            main_content=truth.get("main_content") or "",
            with_snippets=_snippets(truth.get("with")),
            without_snippets=_snippets(truth.get("without")),
            title=truth.get("title") or "",
        )
    return pages


def read_html(corpus: Path, key: str) -> bytes:
    """The page *key* as stored: bytes (the corpus keeps every page in UTF-8)."""
    with gzip.open(corpus / "html" / f"{key}.html.gz") as fh:
        data: bytes = fh.read()
    return data


def folds(ids: Iterable[str], corpus: Path = DEFAULT_CORPUS) -> dict[str, int]:
    """The fold (0-4) of every page id in *ids*: by site, see the module docstring.

    A fitting script fits on four folds and scores the fifth::

        fold = folds(ids)
        for k in range(5):
            train = [i for i in ids if fold[i] != k]
            test = [i for i in ids if fold[i] == k]
    """
    pages = load_corpus(corpus)
    return {key: fold_of(pages[key].site) for key in ids}


# ---------------------------------------------------------------------- the metric


def tokens(text: str) -> Counter[str]:
    """The multiset of lower-cased ``\\w+`` tokens of *text*."""
    return Counter(_TOKEN.findall(text.lower()))


def word_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of *pred* against *truth* on word multisets."""
    t, p = tokens(truth), tokens(pred)
    n_t, n_p = sum(t.values()), sum(p.values())
    if not n_t and not n_p:
        return 1.0, 1.0, 1.0
    if not n_t or not n_p:
        return 0.0, 0.0, 0.0
    overlap = sum((t & p).values())
    precision, recall = overlap / n_p, overlap / n_t
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def normalise(text: str) -> str:
    """*text* case-folded, every run of white space one space, the ends stripped."""
    return _SPACE.sub(" ", text.casefold()).strip()


def snippets_found(snippets: Iterable[str], text: str) -> tuple[int, int]:
    """How many of *snippets* are found in *text* (see the module docstring), and how many there are."""
    hay = normalise(text)
    found = total = 0
    for snippet in snippets:
        needle = normalise(snippet)
        if not needle:
            continue
        total += 1
        found += needle in hay
    return found, total


def page_figures(page: Page, text: str) -> dict[str, float | int | None]:
    """Every per-page figure of *text* on *page*: P, R, F1 and the snippet counts and shares."""
    precision, recall, f1 = word_scores(page.main_content, text)
    w_found, w_total = snippets_found(page.with_snippets, text)
    wo_found, wo_total = snippets_found(page.without_snippets, text)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "with_found": w_found,
        "with_total": w_total,
        "with": w_found / w_total if w_total else None,
        "without_kept": wo_found,
        "without_total": wo_total,
        "without": wo_found / wo_total if wo_total else None,
    }


#: The figures :func:`aggregate` averages, in table order.
METRICS = ("f1", "precision", "recall", "with", "without")


def aggregate(rows: Iterable[Mapping[str, float | int | None]]) -> dict[str, float | int | None]:
    """The mean of each of :data:`METRICS` over *rows* (``None`` values skipped), and ``pages``."""
    sums = dict.fromkeys(METRICS, 0.0)
    counts = dict.fromkeys(METRICS, 0)
    n = 0
    for row in rows:
        n += 1
        for name in METRICS:
            value = row.get(name)
            if value is not None:
                sums[name] += float(value)
                counts[name] += 1
    out: dict[str, float | int | None] = {
        name: sums[name] / counts[name] if counts[name] else None for name in METRICS
    }
    out["pages"] = n
    return out
