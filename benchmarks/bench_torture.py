"""Time and memory of every entry point on hostile and growing inputs, beside trafilatura.

Entry points: ``parse_html``, ``parse_markdown``, ``parse_text``, ``parse`` (format
sniffing), ``from_json``, ``to_html``, ``to_markdown`` and ``extract_quotes``; the peer is
``trafilatura.extract`` (2.x, default settings).

Every measurement runs in its own child process (so its peak RSS is that run's alone) with a
hard kill after ``--kill`` seconds.  The child loads its input and builds what the call needs
(an Article for the serialisers and the quote extractor, the JSON text for ``from_json``), warms
up on a two-line document (lazy imports and compiled patterns are a once-per-process cost),
then times the one call with ``resource.getrusage(RUSAGE_SELF)`` (user + system CPU seconds)
and a wall clock.  The tables give **CPU seconds**: the machine is shared, and CPU time is what
the call costs whatever else runs; wall seconds are in the JSON (the parent's ``os.wait4``
figures for the whole child too).  Peak RSS is the child's ``VmHWM`` (``/proc/self/status``;
``ru_maxrss`` would count pages inherited from the parent across fork and exec): the whole
process (interpreter, imports, the input, building the Article, the call), which is what the
memory budget bounds.

1. Torture corpus (``tests/torture/make_corpus.py``, every file through every entry point;
   trafilatura on the HTML files): CPU seconds and peak RSS per file, checked against the
   budget of issue 9 (every file within 2 s + 1 s per MB of input; peak RSS within
   100 MB + 25 x the input size).
2. Scaling: realistic and adversarial inputs of 1, 2, 4 and 8 MB of each kind (text, Markdown,
   HTML, JSON) and the ratio t(8 MB) / t(1 MB) (linear growth keeps it near 8; the bound is 10).
   Realistic text is news prose (the reference article and the quote fixtures, each paragraph
   numbered so none repeats); the Markdown and HTML inputs are the same prose with headings,
   lists, emphasis and links (HTML: ``<article>``, ``<h2>``, ``<p>``); the JSON input is
   ``to_json`` of the Markdown's Article.  The parsers run with their defaults (quote extraction
   on) but for the quote cap, raised from 10,000 to 10,000,000 quotes so that the work grows with
   the input (the torture runs keep every default).  The serialisers and the quote extractor run on the
   Article parsed (``quotes=False``) from the realistic or adversarial text.  Adversarial inputs:
   quote-mark and "said" bait runs (text), nested quote / list markers with bracket, emphasis,
   backtick and ``<`` runs on every line (Markdown and its JSON), unclosed tags everywhere
   (HTML).  trafilatura runs on the HTML inputs, and on the text inputs wrapped in ``<p>`` per
   paragraph (the realistic text wrapped is the realistic HTML without headings and lists).

Run (about 20 minutes; ``--quick`` skips trafilatura and the 8 MB inputs)::

    PYTHONPATH=src python benchmarks/bench_torture.py [--quick] [--out STEM]

To re-measure some entry points only, keeping every other row of the existing results
(trafilatura's included)::

    PYTHONPATH=src python benchmarks/bench_torture.py --entry parse_markdown parse_text --no-peers --keep

Results: ``benchmarks/results/torture.md`` (the scaling table, one row per entry point) and
``torture.json`` (every figure, the per-file torture table included), ``torture.svg`` (CPU
seconds against input size, log-log).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from tests.torture.make_corpus import SPECS, generate  # noqa: E402

MB = 1024 * 1024
SIZES = (1, 2, 4, 8)

# The child: argv = entry point, input path.  Prints one JSON line.
CHILD = r"""
import json, resource, sys, time
name, path, scaling = sys.argv[1], sys.argv[2], sys.argv[3] == "scaling"
data = open(path, "rb").read()
size = len(data)

def article_of(data, path):
    import articlekit
    if path.endswith(".json"):
        return articlekit.from_json(data)
    parse = {".txt": articlekit.parse_text, ".md": articlekit.parse_markdown,
             ".html": articlekit.parse_html}.get(path[path.rfind("."):], articlekit.parse)
    return parse(data, quotes=False)

WARM_TEXT = "Warm up\n\n\u201cWe are waiting,\u201d Dmitry Peskov told reporters.\n"
WARM_HTML = "<html><body><article><p>\u201cWe are waiting,\u201d Dmitry Peskov told reporters.</p></article></body></html>"

def vm_hwm_mb():
    # Peak RSS of this process image (ru_maxrss would include the parent's, inherited across fork/exec).
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

status = "ok"
try:
    if name.startswith("trafilatura"):
        import trafilatura
        warm = lambda: trafilatura.extract(WARM_HTML)
        call = lambda: trafilatura.extract(data)
    else:
        import articlekit
        # Scaling runs raise the quote cap (default 10,000 quotes per article), so the work grows
        # with the input instead of stopping at the cap; the torture runs use the defaults.
        kwargs = {"limits": articlekit.Limits(max_quotes=10_000_000)} if scaling else {}
        if name == "from_json":
            text = data if path.endswith(".json") else articlekit.to_json(article_of(data, path))
            size = len(text.encode("utf-8") if isinstance(text, str) else text)
            small = articlekit.to_json(articlekit.parse_text(WARM_TEXT))
            warm = lambda: articlekit.from_json(small)
            call = lambda: articlekit.from_json(text)
        elif name in ("to_html", "to_markdown", "extract_quotes"):
            article = article_of(data, path)
            small = articlekit.parse_text(WARM_TEXT, quotes=False)
            fn = getattr(articlekit, name)
            warm = lambda: fn(small)
            call = (lambda: fn(article, **kwargs)) if name == "extract_quotes" else (lambda: fn(article))
        else:
            fn = getattr(articlekit, name)
            warm = lambda: fn(WARM_HTML if name == "parse_html" else WARM_TEXT)
            call = lambda: fn(data, **kwargs)
    warm()  # lazy imports and compiled patterns are a once-per-process cost, not the call's
except Exception as exc:  # the input could not be prepared (e.g. a torture file no parser accepts)
    import articlekit
    status = "no input" if isinstance(exc, articlekit.ArticleKitError) else "VIOLATION " + type(exc).__name__
    call = None
rss_before = vm_hwm_mb()
before = resource.getrusage(resource.RUSAGE_SELF)
start = time.perf_counter()
if call is not None:
    try:
        call()
    except Exception as exc:  # the contract: articlekit errors only
        import articlekit
        status = "error" if isinstance(exc, articlekit.ArticleKitError) else "VIOLATION " + type(exc).__name__
wall = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(json.dumps({"status": status, "cpu": cpu, "wall": wall, "bytes": size,
                  "rss_before_mb": rss_before, "peak_rss_mb": vm_hwm_mb()}))
"""

ENTRY_POINTS = (
    "parse_html",
    "parse_markdown",
    "parse_text",
    "parse",
    "from_json",
    "to_html",
    "to_markdown",
    "extract_quotes",
)

# Scaling: (row label, entry point, input kind) ; kinds are files made by scaling_inputs().
SCALING = (
    ("parse_html", "parse_html", "html"),
    ("parse_markdown", "parse_markdown", "markdown"),
    ("parse_text", "parse_text", "text"),
    ("parse (auto) on text", "parse", "text"),
    ("parse (auto) on Markdown", "parse", "markdown"),
    ("parse (auto) on HTML", "parse", "html"),
    ("from_json", "from_json", "json"),
    ("to_html (Article from text)", "to_html", "text"),
    ("to_markdown (Article from text)", "to_markdown", "text"),
    ("extract_quotes (Article from text)", "extract_quotes", "text"),
    ("trafilatura.extract on HTML", "trafilatura", "html"),
    ("trafilatura.extract on text in <p>", "trafilatura", "text-as-html"),
)


def run_child(name: str, path: Path, kill: float, mode: str = "torture") -> dict[str, object]:
    """Run one measurement in a fresh process: status, CPU and wall seconds, bytes, peak RSS (MB)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, name, str(path), mode], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    deadline = time.monotonic() + kill
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            killed = True
            break
        time.sleep(0.01)
    assert proc.stdout is not None
    assert proc.stderr is not None
    out = proc.stdout.read().decode("utf-8", "replace").strip().splitlines()
    err = proc.stderr.read().decode("utf-8", "replace").strip().splitlines()
    result: dict[str, object] = {
        # replaced by the child's own VmHWM when it reports (ru_maxrss counts the parent's pages)
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "child_cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "child_wall_s": round(time.perf_counter() - t0, 3),
    }
    if killed:
        result.update(status="KILLED", cpu=None, wall=kill, bytes=path.stat().st_size)
    elif not out:
        result.update(status=f"CRASH ({status}) {err[-1] if err else ''}".strip(), cpu=None, wall=None,
                      bytes=path.stat().st_size)
    else:
        data = json.loads(out[-1])
        result.update(status=data["status"], cpu=round(data["cpu"], 4), wall=round(data["wall"], 4),
                      bytes=data["bytes"], rss_before_mb=round(data["rss_before_mb"], 1),
                      peak_rss_mb=round(data["peak_rss_mb"], 1))
    return result


# ---------------------------------------------------------------------- scaling inputs


def _news_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for seed in (ROOT.parent / "shared" / "seed", ROOT.parent.parent / "shared" / "seed", Path("/work/shared/seed")):
        files = sorted(seed.glob("*.txt")) if seed.is_dir() else []
        if files:
            for file in files:
                paragraphs += [p.replace("\n", " ").strip() for p in file.read_text("utf-8").split("\n\n") if p.strip()]
            break
    dev = ROOT / "tests" / "fixtures" / "quotes" / "dev.json"
    for case in json.loads(dev.read_text("utf-8")):
        paragraphs += [p.replace("\n", " ").strip() for p in case["text"].split("\n\n") if p.strip()]
    return [p for p in paragraphs if len(p) > 40]


def realistic_paragraphs(size: int) -> list[str]:
    """News paragraphs, each numbered (so no paragraph repeats), about *size* bytes in all."""
    base = _news_paragraphs()
    out: list[str] = []
    n = i = 0
    while n < size:
        p = base[i % len(base)]
        p = p[:-1] + f" (item {i})." if p.endswith(".") else p + f" (item {i})"
        out.append(p)
        n += len(p.encode("utf-8")) + 2
        i += 1
    return out


def realistic_text(size: int) -> str:
    return "Talks stall as both sides wait\n\n" + "\n\n".join(realistic_paragraphs(size))


def realistic_markdown(size: int) -> str:
    parts = ["---\ntitle: Talks stall as both sides wait\nauthor: A. Reporter\ndate: 2026-11-25\n---\n"]
    for i, p in enumerate(realistic_paragraphs(size)):
        if i % 12 == 0:
            parts.append(f"## Section {i // 12}")
        if i % 12 == 5:
            parts.append(f"- first point of item {i}\n- second point, with *emphasis*\n- a [link](https://example.com/{i})")
        elif i % 12 == 9:
            parts.append("> " + p)
        else:
            parts.append(p.replace(" the ", " **the** ", 1))
    return "\n\n".join(parts) + "\n"


def realistic_html(size: int) -> str:
    body = []
    for i, p in enumerate(realistic_paragraphs(size)):
        if i % 12 == 0:
            body.append(f"<h2>Section {i // 12}</h2>")
        if i % 12 == 5:
            body.append(f'<ul><li>first point of item {i}</li><li>a <a href="https://example.com/{i}">link</a></li></ul>')
        body.append(f"<p>{p.replace(' the ', ' <em>the</em> ', 1)}</p>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks stall</title>'
        '<meta name="author" content="A. Reporter"></head><body><nav><a href="/">Home</a></nav>'
        "<article><h1>Talks stall as both sides wait</h1>" + "".join(body) + "</article>"
        "<footer>Copyright</footer></body></html>"
    )


def text_as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><article>{paragraphs}</article></body></html>'


def adversarial_text(size: int) -> str:
    unit = "\u201cNo \"talks\u201d said Peskov, \u00ab ' said he said, \u201c"
    return f"Adversarial\n\n{unit * (size // len(unit.encode('utf-8')))}"


def adversarial_markdown(size: int) -> str:
    line = "> - > 1. [a *b _c `d <e \"said\" Peskov \u201cx [[`` **\n"
    return "# Adversarial\n\n" + line * (size // len(line.encode("utf-8")))


def adversarial_html(size: int) -> str:
    unit = "<div><p><b>\u201cNo \"talks\u201d said <i>Peskov, \u00ab<a href=x>word "
    return "<html><head><title>Unclosed<body><article>" + unit * (size // len(unit.encode("utf-8")))


def _json_of_markdown(markdown: str) -> str:
    import articlekit

    return articlekit.to_json(articlekit.parse_markdown(markdown, quotes=False))


def json_input(make_markdown: object, size: int) -> str:
    """``to_json`` of a Markdown document's Article, the Markdown scaled so the JSON is about *size* bytes."""
    assert callable(make_markdown)
    probe = _json_of_markdown(make_markdown(256 * 1024))
    factor = len(probe.encode("utf-8")) / (256 * 1024)
    return _json_of_markdown(make_markdown(int(size / factor)))


def scaling_inputs(tmp: Path, sizes: tuple[int, ...]) -> dict[tuple[str, str], dict[int, Path]]:
    """Files per (kind, realistic|adversarial) and size in MB."""
    makers = {
        ("text", "realistic"): (realistic_text, ".txt"),
        ("text", "adversarial"): (adversarial_text, ".txt"),
        ("markdown", "realistic"): (realistic_markdown, ".md"),
        ("markdown", "adversarial"): (adversarial_markdown, ".md"),
        ("html", "realistic"): (realistic_html, ".html"),
        ("html", "adversarial"): (adversarial_html, ".html"),
        ("json", "realistic"): (lambda n: json_input(realistic_markdown, n), ".json"),
        ("json", "adversarial"): (lambda n: json_input(adversarial_markdown, n), ".json"),
        ("text-as-html", "realistic"): (lambda n: text_as_html(realistic_text(n)), ".html"),
        ("text-as-html", "adversarial"): (lambda n: text_as_html(adversarial_text(n)), ".html"),
    }
    tmp.mkdir(parents=True, exist_ok=True)
    files: dict[tuple[str, str], dict[int, Path]] = {}
    for (kind, flavour), (make, suffix) in makers.items():
        files[(kind, flavour)] = {}
        for mb in sizes:
            path = tmp / f"{kind}_{flavour}_{mb}mb{suffix}"
            path.write_text(make(mb * MB), "utf-8")
            files[(kind, flavour)][mb] = path
    return files


# ---------------------------------------------------------------------- the run


def _fmt_s(value: object) -> str:
    return "-" if value is None else f"{float(value):.2f}"  # type: ignore[arg-type]


def torture(tmp: Path, kill: float, names: tuple[str, ...], peers: bool) -> list[dict[str, object]]:
    paths = generate(tmp / "torture")
    rows: list[dict[str, object]] = []
    print(f"{'file':36} {'entry point':15} {'status':12} {'CPU s':>7} {'MB RSS':>7} {'budget':>7}")
    for spec, path in zip(SPECS, paths, strict=True):
        size_mb = path.stat().st_size / MB
        time_budget = 2 + size_mb
        mem_budget = 100 + 25 * size_mb
        targets = list(names)
        if peers and (spec.name.endswith(".html")):
            targets.append("trafilatura")
        for name in targets:
            r = run_child(name, path, kill)
            cpu = r["cpu"]
            rss = float(r["peak_rss_mb"])  # type: ignore[arg-type]
            status = str(r["status"])
            ok = (
                status in ("ok", "error", "no input")
                and cpu is not None
                and float(cpu) <= time_budget  # type: ignore[arg-type]
                and rss <= mem_budget
            )
            print(f"{spec.name:36} {name:15} {status[:12]:12} {_fmt_s(cpu):>7} {rss:7.0f} {'ok' if ok else 'OVER':>7}")
            rows.append({"file": spec.name, "entry_point": name, "size_mb": round(size_mb, 3),
                         "time_budget_s": round(time_budget, 2), "rss_budget_mb": round(mem_budget, 1),
                         "within_budget": ok, **r})
    return rows


def _best_of(repeat: int, name: str, path: Path, kill: float) -> dict[str, object]:
    """The run with the least CPU time of *repeat* fresh-process runs (the highest peak RSS of them).

    CPU time on a shared machine only ever grows with other load (cache misses, time the
    hypervisor steals): the least of a few runs is the steadiest estimate of the work.
    """
    results = [run_child(name, path, kill, "scaling") for _ in range(repeat)]
    timed = [r for r in results if isinstance(r.get("cpu"), (int, float))]
    best = dict(min(timed, key=lambda r: float(r["cpu"])) if timed else results[0])  # type: ignore[arg-type]
    peaks = [float(r["peak_rss_mb"]) for r in results if isinstance(r.get("peak_rss_mb"), (int, float))]  # type: ignore[arg-type]
    if peaks:
        best["peak_rss_mb"] = max(peaks)
    best["repeats"] = repeat
    return best


def scaling(tmp: Path, kill: float, sizes: tuple[int, ...], peers: bool, names: tuple[str, ...],
            repeat: int = 1) -> list[dict[str, object]]:
    files = scaling_inputs(tmp / "scaling", sizes)
    rows: list[dict[str, object]] = []
    print(f"\n{'entry point':36} {'input':11} " + " ".join(f"{mb:>5}MB" for mb in sizes) + "  t8/t1  RSS/size")
    for label, name, kind in SCALING:
        if name == "trafilatura" and not peers:
            continue
        if name != "trafilatura" and name not in names:
            continue
        for flavour in ("realistic", "adversarial"):
            runs = {mb: _best_of(repeat, name, files[(kind, flavour)][mb], kill) for mb in sizes}
            cpu = {mb: r["cpu"] for mb, r in runs.items()}
            first, last = cpu.get(sizes[0]), cpu.get(sizes[-1])
            ratio = float(last) / float(first) if first and last else None  # type: ignore[arg-type]
            big = runs[sizes[-1]]
            big_mb = float(big["bytes"]) / MB  # type: ignore[arg-type]
            rss_ratio = float(big["peak_rss_mb"]) / big_mb if big_mb else None  # type: ignore[arg-type]
            cells = " ".join(f"{_fmt_s(cpu[mb]):>7}" for mb in sizes)
            print(f"{label:36} {flavour:11} {cells} {_fmt_s(ratio):>6} {_fmt_s(rss_ratio):>8}"
                  + ("" if all(r["status"] in ("ok", "error") for r in runs.values()) else "  "
                     + ",".join(str(r["status"]) for r in runs.values())))
            rows.append({"row": label, "entry_point": name, "kind": kind, "flavour": flavour,
                         "runs": {str(mb): r for mb, r in runs.items()},
                         "ratio_last_first": round(ratio, 2) if ratio is not None else None,
                         "peak_rss_over_size_last": round(rss_ratio, 2) if rss_ratio is not None else None})
    return rows


def summary(torture_rows: list[dict[str, object]], scaling_rows: list[dict[str, object]],
            sizes: tuple[int, ...]) -> tuple[list[list[object]], list[dict[str, object]]]:
    """One row per scaling row label: ratios, the worst torture file, RSS / size."""
    table: list[list[object]] = []
    records: list[dict[str, object]] = []
    labels = list(dict.fromkeys(str(r["row"]) for r in scaling_rows))
    for label in labels:
        rs = {str(r["flavour"]): r for r in scaling_rows if r["row"] == label}
        name = str(next(iter(rs.values()))["entry_point"])
        mine = [t for t in torture_rows if t["entry_point"] == name]

        def load(t: dict[str, object]) -> float:
            if t["status"] == "KILLED" or t["cpu"] is None:
                return math.inf
            return float(t["cpu"]) / float(t["time_budget_s"])  # type: ignore[arg-type]

        worst = max(mine, key=load) if mine else None
        over = sum(1 for t in mine if not t["within_budget"])
        big = {f: r["runs"][str(sizes[-1])] for f, r in rs.items()}  # type: ignore[index]
        rss = max(float(b["peak_rss_mb"]) for b in big.values())
        size_mb = max(float(b["bytes"]) for b in big.values()) / MB
        rss_ok = all(float(b["peak_rss_mb"]) <= 100 + 25 * float(b["bytes"]) / MB for b in big.values())
        ratio = {f: r["ratio_last_first"] for f, r in rs.items()}
        rec: dict[str, object] = {
            "row": label,
            "entry_point": name,
            "ratio_realistic": ratio.get("realistic"),
            "ratio_adversarial": ratio.get("adversarial"),
            "cpu_s_largest": {f: b["cpu"] for f, b in big.items()},
            "peak_rss_mb_largest": rss,
            "rss_over_size": round(rss / size_mb, 2) if size_mb else None,
            "rss_within_budget": rss_ok,
            "torture_files": len(mine),
            "torture_over_budget": over,
        }
        if worst is not None:
            cpu = worst["cpu"]
            size = float(worst["size_mb"])  # type: ignore[arg-type]
            rec.update(worst_file=worst["file"], worst_status=worst["status"], worst_cpu_s=cpu,
                       worst_size_mb=size, worst_s_per_mb=(round(float(cpu) / size, 2) if cpu is not None and size >= 0.01 else None),  # type: ignore[arg-type]
                       worst_within_budget=worst["within_budget"])
        records.append(rec)
        worst_cell = "-"
        if worst is not None:
            cpu_txt = "killed" if worst["cpu"] is None else f"{float(worst['cpu']):.2f} s"  # type: ignore[arg-type]
            spm = rec.get("worst_s_per_mb")
            worst_cell = f"{worst['file']} ({size:.2f} MB): {cpu_txt}" + (f", {spm} s/MB" if spm is not None else "")
        big_cpu = " / ".join(_fmt_s(big[f]["cpu"]) for f in ("realistic", "adversarial") if f in big)
        table.append([
            label,
            big_cpu,
            _fmt_s(ratio.get("realistic")),
            _fmt_s(ratio.get("adversarial")),
            worst_cell,
            "-" if worst is None else ("yes" if worst["within_budget"] else "**no**"),
            f"{over} / {len(mine)}" if mine else "-",
            f"{rss:.0f} MB / {size_mb:.1f} MB = {rss / size_mb:.1f}x" if size_mb else "-",
            "yes" if rss_ok else "**no**",
        ])
    return table, records


def svg(scaling_rows: list[dict[str, object]], sizes: tuple[int, ...]) -> str:
    series: dict[str, list[tuple[float, float]]] = {}
    for r in scaling_rows:
        if r["flavour"] != "realistic":
            continue
        pts = []
        for mb in sizes:
            run = r["runs"][str(mb)]  # type: ignore[index]
            if run["cpu"] is not None and run["status"] in ("ok", "error"):
                pts.append((float(mb), max(float(run["cpu"]), 1e-3)))
        series[str(r["row"])] = pts
    return _report.line_chart(
        "CPU seconds against input size (realistic inputs)",
        series,
        "input size (MB, nominal)",
        "CPU seconds (log scale)",
        logx=True,
        logy=True,
        reference=[(float(sizes[0]), 1.0), (float(sizes[-1]), float(sizes[-1]) / sizes[0])],
        reference_label="linear growth from 1 s",
    )


def _counts(torture_rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int, int]:
    """articlekit's torture rows, how many are over budget and how many broke the contract."""
    ours = [t for t in torture_rows if t["entry_point"] != "trafilatura"]
    violations = sum(1 for t in ours if not t["within_budget"])
    contract = sum(1 for t in ours if str(t["status"]).startswith(("VIOLATION", "CRASH", "KILLED")))
    return ours, violations, contract


def _kept(
    args: argparse.Namespace,
    torture_rows: list[dict[str, Any]],
    scaling_rows: list[dict[str, Any]],
    measured: set[str],
    sizes: tuple[int, ...],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """This run's rows, with the existing results' rows for what it did not measure (``--keep``)."""
    path = Path(f"{args.out}.json")
    if not path.exists():
        return torture_rows, scaling_rows
    old = json.loads(path.read_text(encoding="utf-8"))
    if list(old.get("sizes_mb", [])) != list(sizes):
        raise SystemExit(f"--keep: {path} was measured at sizes {old.get('sizes_mb')}, this run at {list(sizes)}")

    def merged(new: list[dict[str, Any]], previous: list[dict[str, Any]], skipped: bool) -> list[dict[str, Any]]:
        if skipped:
            return previous
        rows = [*new, *(r for r in previous if r["entry_point"] not in measured)]
        order = {name: i for i, name in enumerate(ENTRY_POINTS)}  # the peers after articlekit
        return sorted(rows, key=lambda r: order.get(r["entry_point"], len(order)))  # stable

    return (
        merged(torture_rows, old.get("torture", []), args.no_torture),
        merged(scaling_rows, old.get("scaling", []), args.no_scaling),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kill", type=float, default=240.0, help="hard kill after this many seconds")
    parser.add_argument("--quick", action="store_true", help="skip trafilatura and the 8 MB inputs")
    parser.add_argument("--no-torture", action="store_true", help="skip the torture corpus")
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling inputs")
    parser.add_argument("--entry", nargs="*", default=list(ENTRY_POINTS), help="entry points to run")
    parser.add_argument("--sizes", type=int, nargs="*", help="input sizes in MB (default 1 2 4 8)")
    parser.add_argument("--no-peers", action="store_true", help="skip trafilatura")
    parser.add_argument("--repeat", type=int, default=1,
                        help="scaling runs per input; the least CPU time counts (steadier under load)")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the rows of the existing STEM.json this run does not measure (other entry points, "
        "trafilatura with --no-peers, the part skipped by --no-torture or --no-scaling)",
    )
    _report.add_out_option(parser, "torture")
    args = parser.parse_args()
    try:
        import trafilatura  # noqa: F401

        peers = not (args.quick or args.no_peers)
    except ImportError:
        peers = False
    sizes = tuple(args.sizes) if args.sizes else SIZES[:-1] if args.quick else SIZES
    names = tuple(args.entry)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        torture_rows = [] if args.no_torture else torture(tmp, args.kill, names, peers)
        ours, violations, contract = _counts(torture_rows)
        if torture_rows:
            print(f"\nbudget violations (articlekit): {violations} of {len(ours)}; contract violations: {contract}")
        scaling_rows = [] if args.no_scaling else scaling(tmp, args.kill, sizes, peers, names, args.repeat)
    if args.keep:
        torture_rows, scaling_rows = _kept(args, torture_rows, scaling_rows, set(names) | ({"trafilatura"} if peers else set()), sizes)
        ours, violations, contract = _counts(torture_rows)
    table, records = summary(torture_rows, scaling_rows, sizes)
    last = sizes[-1]
    header = [
        "entry point",
        f"CPU s at {last} MB (realistic / adversarial)",
        f"t({last} MB) / t(1 MB) realistic",
        f"t({last} MB) / t(1 MB) adversarial",
        "worst torture file: CPU s, s/MB",
        "within 2 s + 1 s/MB",
        "torture files over budget",
        f"peak RSS / input size ({last} MB)",
        "within 100 MB + 25x",
    ]
    print()
    for row in table:
        print(" | ".join(str(c) for c in row))
    versions = {}
    try:
        from importlib.metadata import version

        import articlekit

        versions = {"articlekit": articlekit.__version__, "trafilatura": version("trafilatura"),
                    "lxml": version("lxml")}
    except Exception:  # versions are informative only
        pass
    data = {
        **_report.environment("PYTHONPATH=src python benchmarks/bench_torture.py" + (" --quick" if args.quick else "")
                             + (f" --repeat {args.repeat}" if args.repeat > 1 else "")),
        "versions": versions,
        "timing": "CPU seconds (user + system, getrusage) of the one call in a fresh child process",
        "sizes_mb": list(sizes),
        "run_minutes": round((time.perf_counter() - started) / 60, 1),
        "budget_violations": violations if torture_rows else None,
        "contract_violations": contract if torture_rows else None,
        "summary": records,
        "scaling": scaling_rows,
        "torture": torture_rows,
    }
    notes = [
        "",
        "CPU seconds (user + system) of the one call, each in a fresh process; inputs of "
        + ", ".join(f"{mb}" for mb in sizes) + " MB (t(n MB) / t(1 MB): linear growth gives n, the bound is 10 at 8 MB). "
        f"Torture corpus: {len({t['file'] for t in torture_rows})} files, "
        f"{violations} budget overruns and {contract} contract violations in "
        f"{len(ours)} articlekit runs (trafilatura's are not counted). "
        "The worst torture file is the one with the highest CPU time relative to its budget "
        "(s/MB only given for files of 10 kB or more). Peak RSS is the whole child process (VmHWM).",
    ]
    _report.write(args.out, data, _report.md_table(header, table, align="lrrrllrll") + "\n".join(notes) + "\n",
                  svg(scaling_rows, sizes) if scaling_rows else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
