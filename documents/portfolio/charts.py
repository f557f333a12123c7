"""The report's three charts, drawn with matplotlib: the funnel, the time in each
stage, and what each blocker type cost.

matplotlib is imported here only, inside the functions (a read command that draws no
chart never pays for it), and draws on the Agg canvas: no display, no global pyplot
state. Each chart comes out as SVG (text kept as text, so a printed PDF can be
searched; ids salted so the same figures give the same file) and as a PNG at
`CHART_DPI` for Word, with its title and alt text.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from documents.portfolio.numbers import angka
from states.report import CHART_DPI, CHART_SIZE_IN

BAR = "#1f5f8b"
BAR_LIGHT = "#9cc3dd"
EMPTY_TEXT = "Tidak ada data dalam periode ini"
FORMATS = ("svg", "png")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    alt: str
    svg: str  # an <svg> element, ready to put inline in HTML ("" unless asked for)
    png: bytes  # b"" unless asked for


@dataclass(frozen=True)
class _Bars:
    labels: list[str]
    values: list[float]
    extra: list[float] | None  # a lighter second bar (the longest stay), or None
    notes: list[str]  # printed at the end of each bar
    xlabel: str
    ylabel: str
    legend: tuple[str, str] | None = None


def funnel_chart(
    funnel: Sequence[dict[str, Any]], as_of_text: str, formats: Sequence[str] = FORMATS
) -> Chart:
    notes = [
        f"{s['reached']}"
        + ("" if s["conversion_pct"] is None else f" ({angka(s['conversion_pct'])}%)")
        for s in funnel
    ]
    bars = _Bars(
        [s["label"] for s in funnel],
        [s["reached"] for s in funnel],
        None,
        notes,
        "Jumlah daerah yang pernah mencapai tahap",
        "Tahap",
    )
    alt = "Diagram batang corong tahapan, jumlah daerah yang pernah mencapai tiap tahap: " + (
        "; ".join(f"{s['label']} {_reached(s)}" for s in funnel)
    )
    return _chart("corong", f"Corong tahapan sampai {as_of_text}", alt + ".", bars, formats)


def _reached(step: dict[str, Any]) -> str:
    text = f"{step['reached']} daerah"
    if step["conversion_pct"] is not None:
        text += f" ({angka(step['conversion_pct'])}% dari tahap sebelumnya)"
    return text


def stage_time_chart(stages: Sequence[dict[str, Any]], formats: Sequence[str] = FORMATS) -> Chart:
    shown = [s for s in stages if s["stays"]]
    bars = _Bars(
        [s["label"] for s in shown],
        [s["median_days"] for s in shown],
        [s["longest_days"] for s in shown],
        [f"{angka(s['median_days'])} / {s['longest_days']}" for s in shown],
        "Hari di tahap (median / terlama)",
        "Tahap",
        ("Median", "Terlama"),
    )
    alt = "Diagram batang lama di tiap tahap, median dan terlama dalam hari: " + (
        "; ".join(
            f"{s['label']} median {angka(s['median_days'])}, terlama {s['longest_days']}"
            for s in shown
        )
        or "tidak ada tinggal yang dapat diukur"
    )
    return _chart("lama-tahap", "Lama di tiap tahap", alt + ".", bars, formats)


def blocker_cost_chart(
    blockers: Sequence[dict[str, Any]], formats: Sequence[str] = FORMATS
) -> Chart:
    bars = _Bars(
        [b["label"] for b in blockers],
        [b["days_lost"] for b in blockers],
        None,
        [f"{b['days_lost']} hari, {b['regions']} daerah" for b in blockers],
        "Hari hilang dalam periode",
        "Jenis hambatan",
    )
    alt = "Diagram batang biaya hambatan dalam periode: " + (
        "; ".join(f"{b['label']} {b['days_lost']} hari di {b['regions']} daerah" for b in blockers)
        or "tidak ada hambatan"
    )
    return _chart("biaya-hambatan", "Biaya hambatan dalam periode", alt + ".", bars, formats)


def _chart(chart_id: str, title: str, alt: str, bars: _Bars, formats: Sequence[str]) -> Chart:
    """Draw once, save in the formats asked for (svg for HTML, png for Word)."""
    from matplotlib import rc_context

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": chart_id, "font.size": 9}):
        figure = _draw(title, bars)
        svg = _save(figure, "svg").decode("utf-8") if "svg" in formats else ""
        png = _save(figure, "png") if "png" in formats else b""
    inline = _inline_svg(svg, chart_id, title, alt) if svg else ""
    return Chart(chart_id, title, alt, inline, png)


def _draw(title: str, bars: _Bars) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=CHART_SIZE_IN, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_title(title, fontweight="bold")
    axes.set_xlabel(bars.xlabel)
    axes.set_ylabel(bars.ylabel)
    if not bars.values:
        axes.text(0.5, 0.5, EMPTY_TEXT, ha="center", va="center", transform=axes.transAxes)
        axes.set_xticks([])  # no scale to read without bars
        axes.set_yticks([])
        return figure
    positions = list(range(len(bars.values)))
    labels = [textwrap.fill(label, 24) for label in bars.labels]
    if bars.extra is not None:
        axes.barh(
            positions, bars.extra, color=BAR_LIGHT, label=bars.legend[1] if bars.legend else None
        )
    axes.barh(
        positions, bars.values, color=BAR, height=0.5, label=bars.legend[0] if bars.legend else None
    )
    top = max([*bars.values, *(bars.extra or [])]) or 1
    for y, value, note in zip(positions, bars.extra or bars.values, bars.notes, strict=True):
        axes.text(value + top * 0.01, y, note, va="center", fontsize=8)
    axes.set_xlim(0, top * 1.45)  # room for the note at the end of the longest bar
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # days and regions: whole numbers
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    if bars.legend:
        axes.legend(loc="lower right", fontsize=8)
    return figure


def _save(figure: Any, fmt: str) -> bytes:
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(buffer, format=fmt, dpi=CHART_DPI, metadata=metadata)
    return buffer.getvalue()


def _inline_svg(svg: str, chart_id: str, title: str, alt: str) -> str:
    """The <svg> element alone (no XML prolog, no metadata), labelled for screen readers,
    its ids prefixed with the chart's so three charts can share one page."""
    from html import escape

    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r'( id="|url\(#|href="#)', rf"\g<1>{chart_id}-", svg)
    start = svg.index("<svg")
    head_end = svg.index(">", start)
    opening = svg[start:head_end] + f' role="img" aria-label="{escape(alt)}"'
    return f"{opening}><title>{escape(title)}</title>{svg[head_end + 1 :]}".strip()
