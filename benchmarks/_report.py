"""Writing benchmark results: a Markdown table, a JSON record and a small hand-made SVG plot.

Every script in ``benchmarks/`` writes ``<stem>.md`` (the table it prints, as Markdown, which
``docs/benchmarks.md`` includes), ``<stem>.json`` (every figure, with the command and the date)
and, where a picture says something, ``<stem>.svg``.  The plots are plain SVG written here (no
plotting library): grouped horizontal bars and line charts with optional log axes.

The scripts run from the repository root as ``python benchmarks/<script>.py``, so this module is
imported as ``_report`` (the script's folder is on ``sys.path``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"

#: Colours: articlekit first (red), then the peers.
PALETTE = (
    "#c0392b",
    "#2c3e50",
    "#2980b9",
    "#27ae60",
    "#8e44ad",
    "#d35400",
    "#7f8c8d",
    "#16a085",
    "#f1c40f",
    "#e84393",
    "#6c5ce7",
    "#00cec9",
)


def add_out_option(parser: argparse.ArgumentParser, name: str) -> None:
    """Add ``--out STEM`` (default ``benchmarks/results/<name>``) to *parser*."""
    parser.add_argument(
        "--out",
        type=Path,
        default=RESULTS / name,
        help=f"results file stem: writes STEM.md, STEM.json (and STEM.svg); default benchmarks/results/{name}",
    )


def environment(command: str) -> dict[str, object]:
    """What the figures were measured with: command, date, Python, CPUs and load."""
    try:
        load = round(os.getloadavg()[0], 2)
    except OSError:
        load = None
    return {
        "command": command,
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "python": sys.version.split()[0],
        "platform": platform.platform(terse=True),
        "cpus": os.cpu_count(),
        "load_average_at_start": load,
    }


def md_table(
    header: Sequence[str], rows: Sequence[Sequence[object]], align: str | None = None
) -> str:
    """A Markdown (GFM) table; *align* has one letter per column, ``l`` or ``r`` (default: text left, numbers right)."""
    if align is None:
        first = rows[0] if rows else ["" for _ in header]
        align = "".join("r" if isinstance(cell, int | float) else "l" for cell in first)
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|",
    ]
    lines.extend(
        "| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows
    )
    return "\n".join(lines) + "\n"


def write(stem: Path, data: Mapping[str, object], markdown: str, svg: str | None = None) -> None:
    """Write ``stem.json``, ``stem.md`` and (when given) ``stem.svg``; print what was written."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{stem}.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    Path(f"{stem}.md").write_text(markdown, encoding="utf-8")
    written = [f"{stem}.json", f"{stem}.md"]
    if svg is not None:
        Path(f"{stem}.svg").write_text(svg, encoding="utf-8")
        written.append(f"{stem}.svg")
    print("\nwritten: " + ", ".join(written))


# ---------------------------------------------------------------------- plots


def _nice_max(value: float) -> float:
    if value <= 0 or not math.isfinite(value):
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * 10**exponent
        if top >= value:
            return float(top)
    return float(10 ** (exponent + 1))


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.3g}"
    return f"{value:.2g}"


def _head(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    xlabel: str,
    *,
    log: bool = False,
) -> str:
    """Grouped horizontal bars: one group per category, one bar per series (``None``: no bar)."""
    label_w, right, top, bar_h, gap = 190, 70, 40, 14, 10
    n = max(1, len(series))
    group_h = n * bar_h + gap
    legend_h = 18 * ((len(series) + 2) // 3) + 10
    width = 720
    height = top + len(categories) * group_h + 40 + legend_h
    values = [v for vs in series.values() for v in vs if v is not None and v > 0]
    plot_w = width - label_w - right
    if log:
        lo = 10 ** math.floor(math.log10(min(values))) if values else 0.1
        hi = 10 ** math.ceil(math.log10(max(values))) if values else 1.0
        hi = max(hi, lo * 10)

        def sx(v: float) -> float:
            return (
                plot_w
                * (math.log10(max(v, lo)) - math.log10(lo))
                / (math.log10(hi) - math.log10(lo))
            )

        ticks = [lo * 10**i for i in range(round(math.log10(hi / lo)) + 1)]
    else:
        hi = _nice_max(max(values) if values else 1.0)

        def sx(v: float) -> float:
            return plot_w * v / hi

        ticks = [hi * i / 4 for i in range(5)]
    out = _head(width, height, title)
    bottom = top + len(categories) * group_h
    for t in ticks:
        x = label_w + sx(t)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle">{_fmt(t)}</text>')
    out.append(
        f'<text x="{label_w + plot_w / 2}" y="{bottom + 32}" text-anchor="middle">{escape(xlabel)}</text>'
    )
    for i, category in enumerate(categories):
        y0 = top + i * group_h
        out.append(
            f'<text x="{label_w - 6}" y="{y0 + n * bar_h / 2 + 4:.1f}" text-anchor="end">{escape(category)}</text>'
        )
        for j, (name, vs) in enumerate(series.items()):
            v = vs[i] if i < len(vs) else None
            if v is None:
                continue
            w = max(1.0, sx(v))
            color = PALETTE[j % len(PALETTE)]
            y = y0 + j * bar_h
            out.append(
                f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{color}">'
                f"<title>{escape(name)}: {_fmt(v)}</title></rect>"
            )
            out.append(
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 4}" font-size="10">{_fmt(v)}</text>'
            )
    out.append(f'<line x1="{label_w}" y1="{top}" x2="{label_w}" y2="{bottom}" stroke="black"/>')
    out.extend(_legend(list(series), bottom + 44, width))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(names: Sequence[str], y: float, width: int) -> list[str]:
    out = []
    col = width / 3
    for k, name in enumerate(names):
        x = 20 + col * (k % 3)
        yy = y + 18 * (k // 3)
        out.append(
            f'<rect x="{x:.1f}" y="{yy}" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>'
        )
        out.append(f'<text x="{x + 16:.1f}" y="{yy + 10}">{escape(name)}</text>')
    return out


def line_chart(
    title: str,
    series: Mapping[str, Sequence[tuple[float, float]]],
    xlabel: str,
    ylabel: str,
    *,
    logx: bool = False,
    logy: bool = False,
    reference: Sequence[tuple[float, float]] | None = None,
    reference_label: str = "",
) -> str:
    """Lines with markers, one per series; an optional dashed *reference* line (e.g. linear growth)."""
    width, left, right, top = 720, 70, 20, 40
    legend_h = 18 * ((len(series) + (1 if reference else 0) + 2) // 3) + 10
    height = 420 + legend_h
    plot_w, plot_h = width - left - right, 420 - top - 60
    points = [p for ps in series.values() for p in ps if p[1] is not None and math.isfinite(p[1])]
    if reference:
        points += list(reference)
    xs = [p[0] for p in points] or [1.0]
    ys = [p[1] for p in points if p[1] > 0] or [1.0]

    def axis(lo: float, hi: float, log: bool) -> tuple[float, float, list[float]]:
        if log:
            a = 10 ** math.floor(math.log10(lo))
            b = 10 ** math.ceil(math.log10(hi))
            b = max(b, a * 10)
            steps = round(math.log10(b / a))
            return a, b, [a * 10**i for i in range(steps + 1)]
        b = _nice_max(hi)
        return 0.0, b, [b * i / 4 for i in range(5)]

    x0, x1, xticks = axis(min(xs), max(xs), logx)
    if logx and min(xs) > 0:
        x0, x1 = min(xs), max(xs)
        xticks = sorted(set(xs))
    y0, y1, yticks = axis(min(ys), max(ys), logy)

    def sx(x: float) -> float:
        if logx:
            return left + plot_w * (math.log(x) - math.log(x0)) / (
                (math.log(x1) - math.log(x0)) or 1
            )
        return left + plot_w * (x - x0) / ((x1 - x0) or 1)

    def sy(y: float) -> float:
        if logy:
            y = max(y, y0)
            return (
                top
                + plot_h
                - plot_h * (math.log(y) - math.log(y0)) / ((math.log(y1) - math.log(y0)) or 1)
            )
        return top + plot_h - plot_h * (y - y0) / ((y1 - y0) or 1)

    out = _head(width, height, title)
    bottom = top + plot_h
    for t in yticks:
        out.append(
            f'<line x1="{left}" y1="{sy(t):.1f}" x2="{left + plot_w}" y2="{sy(t):.1f}" stroke="#ddd"/>'
        )
        out.append(f'<text x="{left - 6}" y="{sy(t) + 4:.1f}" text-anchor="end">{_fmt(t)}</text>')
    for t in xticks:
        out.append(f'<text x="{sx(t):.1f}" y="{bottom + 16}" text-anchor="middle">{_fmt(t)}</text>')
    out.append(
        f'<line x1="{left}" y1="{bottom}" x2="{left + plot_w}" y2="{bottom}" stroke="black"/>'
    )
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="black"/>')
    out.append(
        f'<text x="{left + plot_w / 2}" y="{bottom + 36}" text-anchor="middle">{escape(xlabel)}</text>'
    )
    out.append(
        f'<text x="16" y="{top + plot_h / 2}" text-anchor="middle" '
        f'transform="rotate(-90 16 {top + plot_h / 2})">{escape(ylabel)}</text>'
    )
    names = list(series)
    if reference:
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in reference)
        out.append(f'<polyline points="{path}" fill="none" stroke="#999" stroke-dasharray="5,4"/>')
    for k, (name, ps) in enumerate(series.items()):
        color = PALETTE[k % len(PALETTE)]
        good = [(x, y) for x, y in ps if y is not None and math.isfinite(y)]
        if not good:
            continue
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in good)
        out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in good:
            out.append(
                f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{color}">'
                f"<title>{escape(name)}: {_fmt(x)}, {_fmt(y)}</title></circle>"
            )
    legend = _legend(names, bottom + 52, width)
    if reference:
        k = len(names)
        x = 20 + (width / 3) * (k % 3)
        yy = bottom + 52 + 18 * (k // 3)
        legend.append(
            f'<line x1="{x:.1f}" y1="{yy + 6}" x2="{x + 12:.1f}" y2="{yy + 6}" stroke="#999" stroke-dasharray="3,2"/>'
        )
        legend.append(f'<text x="{x + 16:.1f}" y="{yy + 10}">{escape(reference_label)}</text>')
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out) + "\n"
