"""Metadata accuracy on the development corpora: articlekit beside trafilatura and newspaper4k.

Run from the repository root (the peers installed, e.g. in the benchmark venv)::

    PYTHONPATH=src python benchmarks/bench_metadata.py [--only wcxb|scrapinghub] [--misses]
        [--peer-cache FILE] [--limit N] [--out STEM] [--cv --pagetype-cache P]

Two collections, both **development** pages (looked at while writing the rules):

1. The 91 pages of ``../shared/corpus/scrapinghub-dev`` with the hand labels in
   ``tests/fixtures/html_metadata/dev_labels.json``; per field, the share of pages right:

   * **title**: exact string (white space folded) equal to one of the labelled variants;
   * **authors**: the exact set of names, compared case-insensitively (an empty
     label wants no author);
   * **date**: the calendar date of the published date, as the page states it
     (in its own UTC offset), is one of the labelled dates;
   * **language**: the primary language subtag matches;
   * **site name**: equal, case-insensitively, to one of the labelled variants.

2. The WCXB development split (``../shared/corpus/wcxb-dev``: title labelled on 1,497
   pages, author on 739, publish date on 782); per field and per page type, the share
   of labelled pages right (see :func:`wcxb_score`: same words for the title; for the
   author, a predicted name and the label, lower-cased and reduced to word characters,
   where one contains the other; the same calendar day for the date), and the mean over
   the five site folds of ``wcxb.py`` (the metadata's rules are not fitted to these pages,
   the page type it reads is, unless ``--cv``: see below).  ``articlekit+credits`` is articlekit's
   answer with its first credit standing in when it names no person (a company blog
   signed by the company).  Beside the author field's headline reading, each system's
   **exact** reading (:func:`wcxb_author_exact`: the set of returned names equals the
   labelled names after Unicode NFC, case-folding and white-space folding) is printed as a
   secondary column; the headline reading is unchanged.  The CPU time of :func:`extract_metadata` per page is printed
   beside that of trafilatura's own metadata step on the same pages, in the same run.

The metadata is given the page type as ``parse_html`` gives it (the title reads it).  Its
classifier was fitted on these WCXB pages, so by default their titles are read with
in-sample page types; with ``--cv`` each fold's pages are typed by the classifier fitted on
the other four folds (``fit_scoring.held_out_types``, as ``ablate_extractor.py --cv`` does;
its models are kept in ``P.folds.json`` beside fit_pagetype's feature cache ``P``, fitting
them needs numpy).  The Scrapinghub pages are typed by the shipped classifier, which was not
fitted on them.  The classifier's time is not counted in the metadata's.

``--misses`` lists articlekit's wrong answers, one line each (and the authors right by the
headline reading but not exact); ``--peer-cache`` keeps the
peers' WCXB answers in a file so a second run only re-runs articlekit.  The tables are
written to ``benchmarks/results/metadata.md`` (with ``.json`` and a bar chart ``.svg``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import _report
import lxml.html

from articlekit._input import decode_input
from articlekit._limits import Limits
from articlekit._parsers.html import _pagetype
from articlekit._parsers.html._metadata import extract_metadata
from articlekit._parsers.html._textform import normalise_text_form
from articlekit._parsers.html._tree import parse_tree
from articlekit._textutil import clean_name, name_key

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "scrapinghub-dev"
if not DEFAULT_CORPUS.exists():
    DEFAULT_CORPUS = Path("/work/shared/corpus/scrapinghub-dev")
DEFAULT_WCXB = Path("/work/shared/corpus/wcxb-dev")
if (ROOT.parent / "shared" / "corpus" / "wcxb-dev").exists():
    DEFAULT_WCXB = ROOT.parent / "shared" / "corpus" / "wcxb-dev"
DEFAULT_LABELS = ROOT / "tests" / "fixtures" / "html_metadata" / "dev_labels.json"
FIELDS = ("title", "authors", "date", "language", "site_name")

#: What every extractor returns: title, authors, published (date or ISO string), language, site name.
Result = dict[str, Any]


def run_articlekit(html: bytes, url: str) -> Result:
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(html, parser=parser)
    meta = extract_metadata(root, url=url, limits=Limits(), classify=lambda address: _pagetype.classify_page(root, address))
    return {
        "title": meta.title,
        "authors": [p.name for p in meta.authors],
        "published": meta.published,
        "language": meta.language,
        "site_name": meta.site_name,
    }


def _trafilatura() -> Callable[[bytes, str], Result] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: bytes, url: str) -> Result:
        doc = trafilatura.bare_extraction(
            html.decode("utf-8", "replace"), url=url, with_metadata=True, output_format="python"
        )
        if doc is None:
            return {}
        get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
        author = get("author") or ""
        return {
            "title": get("title"),
            "authors": [a.strip() for a in author.split(";") if a.strip()],
            "published": get("date"),
            "language": get("language"),
            "site_name": get("sitename"),
        }

    return run


def _newspaper() -> Callable[[bytes, str], Result] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import newspaper
            import tldextract
            import tldextract.tldextract
    except ImportError:
        return None
    # newspaper4k asks tldextract, which by default downloads the public suffix list: use the
    # snapshot bundled with tldextract instead (no network in benchmarks).
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tldextract.extract = offline
    tldextract.tldextract.extract = offline

    def run(html: bytes, url: str) -> Result:
        article = newspaper.Article(url, fetch_images=False)  # it would fetch images over the network
        article.download(input_html=html.decode("utf-8", "replace"))
        article.parse()
        return {
            "title": article.title,
            "authors": list(article.authors),
            "published": article.publish_date,
            "language": article.meta_lang,
            "site_name": article.meta_site_name,
        }

    return run


def _date_of(value: object) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
        return m.group(0) if m else None
    return None


def score(result: Result, label: dict[str, Any]) -> dict[str, bool]:
    title = clean_name(result.get("title") or "")
    authors = {name_key(a) for a in result.get("authors") or [] if a}
    lang = (result.get("language") or "").replace("_", "-").split("-")[0].lower()
    site = name_key(result.get("site_name") or "")
    return {
        "title": title in {clean_name(t) for t in label["title"]},
        "authors": authors == {name_key(a) for a in label["authors"]},
        "date": _date_of(result.get("published")) in set(label["published"]),
        "language": lang == label["language"],
        "site_name": site in {name_key(s) for s in label["site_name"]},
    }


# --------------------------------------------------------------------------- WCXB development labels

#: The WCXB fields scored, with the ground-truth key each is read from.
WCXB_FIELDS = {"title": "title", "author": "author", "date": "publish_date"}


def _words(text: str) -> str:
    """Lower-cased word characters, runs of anything else made one space."""
    return " ".join(re.findall(r"\w+", text.lower()))


def wcxb_score(result: Result, truth: dict[str, Any]) -> dict[str, bool | None]:
    """Right / wrong per field, None where the page has no label for it.

    * **title**: the same words (lower-cased ``\\w+`` tokens) as the label;
    * **author**: some predicted name and the label, lower-cased and reduced to their
      word characters, where one contains the other;
    * **date**: the published date is on the labelled calendar day (a label giving only
      a month, ``YYYY-MM``, wants a date in that month).
    """
    out: dict[str, bool | None] = {}
    label = truth.get("title") or ""
    out["title"] = (_words(result.get("title") or "") == _words(label)) if label.strip() else None
    label = _words(truth.get("author") or "")
    if label:
        names = [_words(a) for a in result.get("authors") or [] if a]
        out["author"] = any(n and (n in label or label in n) for n in names)
    else:
        out["author"] = None
    label = (truth.get("publish_date") or "").strip()
    if label:
        got = _date_of(result.get("published"))
        out["date"] = bool(got) and got.startswith(label)  # type: ignore[union-attr]
    else:
        out["date"] = None
    return out


#: Where a WCXB author label lists several names: ``;``, ``,`` (also ``, and``), `` and ``, ``&``,
#: `` | `` and `` / ``.
_LABEL_SPLIT = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\s+[|/]\s+")
#: A bracketed note after a name in a label (``Lance Ryan (Content Manager)``): no part of it.
_ANNOTATION = re.compile(r"\s*\([^()]*\)")
#: A piece of a label that is a credential after a name, not a name (``MS``, ``Ph.D.``,
#: ``E-RYT 200``, ``CEPF®``): every word upper case, digits or ``Ph.D.``.
_CREDENTIAL = re.compile(r"^(?:(?:[A-Z0-9][A-Z0-9®.\-]*|Ph\.?D\.?)(?:\s+|$))+$")


def _exact_key(name: str) -> str:
    """A name as the exact reading compares it: Unicode NFC, case-folded, white space folded."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def wcxb_label_names(label: str) -> list[set[str]]:
    """The sets of names a WCXB author label may stand for, as :func:`_exact_key` gives them.

    The labels are one string: several names are joined by ``,``, ``;``, `` and ``, ``&``,
    `` | `` or `` / `` (``Manoj Jain and Jagpreet Chhatwal``), and a name may be followed by its credentials
    (``Dylan Bailey, MS, RD, FAND``) or a bracketed note (``Lance Ryan (Content Manager)``),
    which are no names and are left out; a job title after a comma is kept (the label's
    reading of ``Tracy Parker, Dietitian`` is two names, so no system is exact there).  The
    whole label taken as one name, as written or without its bracketed notes, is the other
    reading (``Center for Drug Evaluation and Research``, ``Paramita (Guha) Ghosh``).
    """
    readings = [{_exact_key(label)}]  # as written: "Paramita (Guha) Ghosh"
    label = _ANNOTATION.sub("", label)
    pieces = [p.strip() for p in _LABEL_SPLIT.split(label.strip())]
    names = {_exact_key(p) for p in pieces if p and not _CREDENTIAL.match(p)}
    for reading in ({_exact_key(label)}, names):
        if reading and reading not in readings:
            readings.append(reading)
    return readings


def wcxb_author_exact(result: Result, truth: dict[str, Any]) -> bool | None:
    """The secondary author reading: the set of returned names equals the labelled names.

    Names compare after Unicode NFC, case-folding and white-space folding only (a label,
    a role or trailing punctuation kept in a name makes it wrong; so do an extra or a
    missing co-author); the label is split as :func:`wcxb_label_names` says.  None where
    the page has no author label.  The headline reading stays :func:`wcxb_score`'s.
    """
    label = truth.get("author") or ""
    if not label.strip():
        return None
    got = {_exact_key(a) for a in result.get("authors") or [] if a and a.strip()}
    return bool(got) and got in wcxb_label_names(label)


def _articlekit_wcxb(html: bytes, url: str, type_model: Any = None) -> tuple[Result, float]:
    """articlekit's metadata of one page and the CPU seconds :func:`extract_metadata` took
    (without the page-type classifier's); *type_model* replaces the shipped page-type model."""
    limits = Limits()
    decoded = decode_input(html, source="html", limits=limits, html=True, clean=False)
    root, _ = parse_tree(decoded.text, limits=limits)
    normalise_text_form(root, decoded.text)
    typing_seconds = 0.0

    def classify(address: str | None) -> Any:
        nonlocal typing_seconds
        began = time.process_time()
        shipped = _pagetype._weights
        if type_model is not None:
            _pagetype._weights = lambda: type_model
        try:
            return _pagetype.classify_page(root, address)
        finally:
            _pagetype._weights = shipped
            typing_seconds += time.process_time() - began

    start = time.process_time()
    meta = extract_metadata(root, url=url or None, limits=limits, source=decoded.text, classify=classify)
    spent = time.process_time() - start - typing_seconds
    result = {
        "title": meta.title,
        "authors": [p.name for p in meta.authors],
        "credits": list(meta.credits),
        "published": meta.published.isoformat() if meta.published else None,
    }
    return result, spent


def _trafilatura_meta_seconds(html: str, url: str) -> float:
    """CPU seconds of trafilatura's own metadata step on one page (its tree parsed outside the timing)."""
    from trafilatura.metadata import extract_metadata as trafilatura_metadata
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return 0.0
    start = time.process_time()
    trafilatura_metadata(tree, default_url=url or None)
    return time.process_time() - start


def _jsonable(result: Result) -> Result:
    out = dict(result)
    published = out.get("published")
    if isinstance(published, (date, datetime)):
        out["published"] = published.isoformat()
    elif published is not None and not isinstance(published, str):
        out["published"] = str(published)
    return {k: out.get(k) for k in ("title", "authors", "published")}


def _held_out_type_models(cache: Path | None, corpus: Path) -> dict[int, Any]:
    """Fold -> the page-type model fitted on the other four folds (in the shape
    ``_pagetype._weights`` returns), read from ``<cache>.folds.json`` or fitted and kept there."""
    import wcxb

    kept = cache.with_suffix(".folds.json") if cache is not None else None
    if kept is not None and kept.exists():
        stored = json.loads(kept.read_text(encoding="utf-8"))
    else:
        import types

        try:
            import fit_scoring  # numpy
        except ImportError as exc:
            raise SystemExit(
                f"--cv: fitting the held-out page-type models needs numpy ({exc}); run once with a Python that "
                f"has it, which keeps them in {kept}"
            ) from exc

        ids = sorted(wcxb.load_corpus(corpus))
        _, models = fit_scoring.held_out_types(types.SimpleNamespace(fold=wcxb.folds(ids, corpus)), cache)
        stored = {str(k): list(v) for k, v in models.items()}
        if kept is not None:
            kept.write_text(json.dumps(stored), encoding="utf-8")
    return {int(k): (tuple(v[0]), tuple(v[1]), *v[2:]) for k, v in stored.items()}


def run_wcxb(args: argparse.Namespace) -> dict[str, Any]:
    """Score every system on the WCXB development labels; print per field, per page type and per fold."""
    from wcxb import PAGE_TYPES, fold_of, load_corpus, read_html

    pages = load_corpus(args.wcxb)
    type_models = _held_out_type_models(args.pagetype_cache, args.wcxb) if args.cv else {}
    ids = sorted(pages)[:: args.every]
    ids = ids[: args.limit] if args.limit else ids
    truths = {
        key: (json.loads((args.wcxb / "ground-truth" / f"{key}.json").read_text(encoding="utf-8")).get("ground_truth") or {})
        for key in ids
    }
    cache: dict[str, dict[str, Result]] = {}
    if args.peer_cache and args.peer_cache.exists():
        cache = json.loads(args.peer_cache.read_text(encoding="utf-8"))
    peers: dict[str, Callable[[bytes, str], Result]] = {}
    for name, factory in (("trafilatura", _trafilatura), ("newspaper4k", _newspaper)):
        if all(name in cache.get(key, {}) for key in ids):
            peers[name] = _cached
            continue
        fn = factory()
        if fn is not None:
            peers[name] = fn
        else:
            print(f"({name} is not installed; skipped)")
    systems = ["articlekit", "articlekit+credits", *peers]
    results: dict[str, dict[str, Result]] = {name: {} for name in systems}
    ak_seconds = 0.0
    tf_seconds = 0.0
    timed_tf = "trafilatura" in peers and _trafilatura() is not None
    for key in ids:
        raw = read_html(args.wcxb, key)
        url = pages[key].url
        text = decode_input(raw, source="html", limits=Limits(), html=True, clean=False).text
        ak, spent = _articlekit_wcxb(raw, url, type_models.get(fold_of(pages[key].site)))
        ak_seconds += spent
        results["articlekit"][key] = ak
        # The same answer where a page names no person but credits an organisation (a company blog).
        results["articlekit+credits"][key] = {**ak, "authors": ak["authors"] or ak["credits"][:1]}
        if timed_tf:
            tf_seconds += _trafilatura_meta_seconds(text, url)
        for name, fn in peers.items():
            if fn is _cached:
                results[name][key] = cache[key][name]
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    result = _jsonable(fn(text.encode("utf-8"), url))
            except Exception as exc:  # a peer failing on a page scores zero on it
                print(f"{name} failed on {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
                result = {}
            results[name][key] = result
            cache.setdefault(key, {})[name] = result
        if args.peer_cache and peers and ids.index(key) % 25 == 24:
            args.peer_cache.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")  # progress kept
    if args.peer_cache:
        args.peer_cache.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")

    scores = {name: {key: wcxb_score(results[name][key], truths[key]) for key in ids} for name in systems}
    for name in systems:  # the secondary reading, printed beside the author field's headline reading
        for key in ids:
            scores[name][key]["author_exact"] = wcxb_author_exact(results[name][key], truths[key])
    groups: dict[str, list[str]] = {"all": ids}
    for page_type in PAGE_TYPES:
        groups[page_type] = [key for key in ids if pages[key].page_type == page_type]
    table: dict[str, dict[str, dict[str, Any]]] = {}
    typed = "page types held out by fold" if args.cv else "in-sample page types"
    print(f"\nMetadata on the WCXB development labels ({len(ids)} pages; development pages, {typed})")
    for field in WCXB_FIELDS:
        # The author field prints its secondary reading, "exact", beside each system's headline column.
        columns = [(name, field) for name in systems]
        if field == "author":
            columns = [c for name in systems for c in ((name, field), (name, "author_exact"))]
        titles = [name if f == field else f"{name} exact" for name, f in columns]
        print(f"\n{field}: share of labelled pages right" + ("; 'exact': the same set of names" if field == "author" else ""))
        width = max(20, *(len(t) + 2 for t in titles))
        header = f"{'pages':<14}{'n':>6}" + "".join(f"{t:>{width}}" for t in titles)
        print(header)
        print("-" * len(header))
        table[field] = {}
        for group, keys in groups.items():
            labelled = [k for k in keys if scores["articlekit"][k][field] is not None]
            if not labelled:
                continue
            row = [sum(bool(scores[name][k][f]) for k in labelled) / len(labelled) for name, f in columns]
            table[field][group] = {"pages": len(labelled), **{t: round(v, 4) for t, v in zip(titles, row, strict=True)}}
            print(f"{group:<14}{len(labelled):>6}" + "".join(f"{v:>{width}.3f}" for v in row))
        # Folds by site: nothing here is fitted, so each fold is simply a held-apart fifth of the sites.
        fold_means = {}
        for (name, f), title in zip(columns, titles, strict=True):
            per_fold = []
            for fold in range(5):
                labelled = [k for k in ids if fold_of(pages[k].site) == fold and scores[name][k][f] is not None]
                if labelled:
                    per_fold.append(sum(bool(scores[name][k][f]) for k in labelled) / len(labelled))
            fold_means[title] = round(sum(per_fold) / len(per_fold), 4) if per_fold else None
        table[field]["mean over site folds"] = fold_means
        print(f"{'fold mean':<20}" + "".join(f"{fold_means[t] or 0:>{width}.3f}" for t in titles))
    speed = {
        "articlekit_ms_per_page": round(1000 * ak_seconds / len(ids), 3),
        "trafilatura_metadata_ms_per_page": round(1000 * tf_seconds / len(ids), 3) if timed_tf else None,
    }
    if timed_tf and tf_seconds:
        speed["ratio_articlekit_to_trafilatura"] = round(ak_seconds / tf_seconds, 3)
    print(f"\nmetadata CPU per page: {speed}")
    if args.misses:
        for field in WCXB_FIELDS:
            for key in ids:
                if scores["articlekit"][key][field] is False:
                    got = results["articlekit"][key]
                    value = got.get({"author": "authors", "date": "published"}.get(field, field))
                    print(f"miss {field:6} {key} {pages[key].page_type:13} got {value!r} want {truths[key].get(WCXB_FIELDS[field])!r}")
        for key in ids:  # right by the headline reading, not exact
            if scores["articlekit"][key]["author"] and scores["articlekit"][key]["author_exact"] is False:
                got = results["articlekit"][key]["authors"]
                print(f"inexact author {key} {pages[key].page_type:13} got {got!r} want {truths[key].get('author')!r}")
    return {
        "pages": len(ids), "page_types": typed, "accuracy": table, "speed": speed,
        "per_page": scores if args.per_page else None,
    }


def _cached(html: bytes, url: str) -> Result:  # pragma: no cover - a marker, never called
    raise AssertionError("cached results are read from the cache")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--wcxb", type=Path, default=DEFAULT_WCXB, help="the WCXB development corpus")
    ap.add_argument("--only", choices=("wcxb", "scrapinghub"), help="run one collection only")
    ap.add_argument("--limit", type=int, default=0, help="the first N WCXB pages only (a quick look)")
    ap.add_argument("--every", type=int, default=1, help="every Nth WCXB page only (a sample, in id order)")
    ap.add_argument("--peer-cache", type=Path, help="read / write the peers' WCXB answers here (they do not change)")
    ap.add_argument("--per-page", action="store_true", help="keep every page's verdicts in the JSON")
    ap.add_argument("--misses", action="store_true", help="list articlekit's wrong answers")
    ap.add_argument("--cv", action="store_true", help="type each fold's pages with the page-type model of the other four")
    ap.add_argument("--pagetype-cache", type=Path, default=None, help="fit_pagetype's feature cache (with --cv)")
    _report.add_out_option(ap, "metadata")
    args = ap.parse_args(argv)
    data: dict[str, Any] = {**_report.environment("PYTHONPATH=src python benchmarks/bench_metadata.py")}
    markdown = ""
    svg = None
    if args.only != "wcxb":
        part, markdown, svg = run_scrapinghub(args)
        data["scrapinghub"] = part
    if args.only != "scrapinghub":
        wcxb = run_wcxb(args)
        data["wcxb_dev"] = wcxb
        markdown += _wcxb_markdown(wcxb)
    data["versions"] = {name: _version(name) for name in ("articlekit", "trafilatura", "newspaper4k")}
    _report.write(args.out, data, markdown, svg)
    return 0


def _wcxb_markdown(wcxb: dict[str, Any]) -> str:
    out = [f"\n### WCXB development labels ({wcxb['pages']} development pages, {wcxb['page_types']})\n"]
    for field, groups in wcxb["accuracy"].items():
        systems = [k for k in groups["all"] if k != "pages"]
        rows = [
            [group, str(row.get("pages", "")), *(f"{row[name]:.3f}" if row.get(name) is not None else "-" for name in systems)]
            for group, row in groups.items()
        ]
        out.append(f"\n**{field}**\n\n" + _report.md_table(["pages", "n", *systems], rows, align="lr" + "r" * len(systems)))
    speed = wcxb["speed"]
    line = f"\nCPU time of the metadata step per page: articlekit {speed['articlekit_ms_per_page']:.2f} ms"
    if speed.get("trafilatura_metadata_ms_per_page"):
        line += (
            f", trafilatura's metadata step {speed['trafilatura_metadata_ms_per_page']:.2f} ms"
            f" (ratio {speed.get('ratio_articlekit_to_trafilatura', 0):.2f}), same pages, same run"
        )
    out.append(line + ".\n")
    return "".join(out)


def run_scrapinghub(args: argparse.Namespace) -> tuple[dict[str, Any], str, str]:
    """The hand-labelled scrapinghub-dev pages: share right per field."""

    labels = json.loads(args.labels.read_text(encoding="utf-8"))["pages"]
    cache_path = args.peer_cache.with_name(args.peer_cache.stem + "-scrapinghub.json") if args.peer_cache else None
    cache: dict[str, dict[str, Result]] = {}
    if cache_path is not None and cache_path.exists():
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    truth = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    extractors: dict[str, Callable[[bytes, str], Result]] = {"articlekit": run_articlekit}
    for name, factory in (("trafilatura", _trafilatura), ("newspaper4k", _newspaper)):
        fn = factory()
        if fn is not None:
            extractors[name] = fn
        else:
            print(f"({name} is not installed; skipped)")

    totals = {name: dict.fromkeys(FIELDS, 0) for name in extractors}
    misses: list[str] = []
    pages = sorted(labels)
    for page_id in pages:
        html = gzip.decompress((args.corpus / "html" / f"{page_id}.html.gz").read_bytes())
        url = truth[page_id]["url"]
        for name, fn in extractors.items():
            cached = cache.get(f"scrapinghub/{page_id}", {}).get(name) if name != "articlekit" else None
            if cached is not None:
                result = cached
            else:
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        result = fn(html, url)
                except Exception as exc:  # a peer failing on a page scores zero on it
                    print(f"{name} failed on {page_id[:8]}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    result = {}
                if name != "articlekit":
                    cache.setdefault(f"scrapinghub/{page_id}", {})[name] = {
                        **_jsonable(result), "language": result.get("language"), "site_name": result.get("site_name"),
                    }
            ok = score(result, labels[page_id])
            for field in FIELDS:
                totals[name][field] += ok[field]
            if name == "articlekit" and args.misses:
                for field in FIELDS:
                    if not ok[field]:
                        key = "published" if field == "date" else field
                        misses.append(
                            f"{page_id[:8]} {field:9} got {result.get(key)!r} want {labels[page_id][key]!r}"
                        )

    if cache_path is not None:
        cache_path.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    n = len(pages)
    print(f"Metadata accuracy on {n} hand-labelled pages ({args.corpus.name})")
    header = f"{'field':<10}" + "".join(f"{name:>14}" for name in extractors)
    print(header)
    print("-" * len(header))
    for field in FIELDS:
        row = f"{field:<10}" + "".join(f"{100 * totals[name][field] / n:>13.1f}%" for name in extractors)
        print(row)
    if misses:
        print("\narticlekit misses:")
        print("\n".join(misses))
    share = {name: {f: round(100 * totals[name][f] / n, 1) for f in FIELDS} for name in extractors}
    rows = [[field.replace("_", " "), *(f"{share[name][field]:.1f} %" for name in extractors)] for field in FIELDS]
    mean = {name: round(sum(share[name].values()) / len(FIELDS), 1) for name in extractors}
    rows.append(["**mean**", *(f"**{mean[name]:.1f} %**" for name in extractors)])
    markdown = _report.md_table(["field", *extractors], rows, align="l" + "r" * len(extractors))
    markdown += f"\nShare of the {n} hand-labelled pages of `{args.corpus.name}` on which each extractor's answer is right.\n"
    svg = _report.bar_chart(
        f"Metadata accuracy on {n} hand-labelled pages",
        [f.replace("_", " ") for f in FIELDS],
        {name: [share[name][f] for f in FIELDS] for name in extractors},
        "pages right (%)",
    )
    data = {"corpus": args.corpus.name, "pages": n, "accuracy_percent": share, "mean_percent": mean}
    return data, markdown, svg




def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    if name == "articlekit":
        import articlekit

        return articlekit.__version__
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
