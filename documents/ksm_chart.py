"""The chart of the KSM report: the three scores of every assessed facility, drawn with
matplotlib (Agg, no display) as SVG for HTML and as a 200 dpi PNG for Word.

Each facility is a group of three horizontal bars (kelembagaan, teknis, keuangan) on an
axis from 0 to 100, labelled with its number in the score table, its KSM and its kind;
the traffic-light bands (merah below kuning, kuning, hijau) lie behind the bars, and
the legend names both. The bars differ in hatching as well as colour, so the chart
still reads in black and white. `alt_text` says the same in words, for the SVG's
<title>/<desc>, the HTML figure and the Word picture's description.

matplotlib is imported inside `render_chart` only: `aksansi --help` and every other
command never pay for it.
"""

from __future__ import annotations

import io
import textwrap
from html import escape
from typing import Any

ASPECTS = (
    ("kelembagaan", "Kelembagaan", "#1f3a93", ""),
    ("teknis", "Teknis", "#7b3294", "///"),
    ("keuangan", "Keuangan", "#5f6a6a", "..."),
)
BANDS = (("merah", "#f5b7b1"), ("kuning", "#f9e79f"), ("hijau", "#abebc6"))
WIDTH_IN = 6.3  # 16 cm, the text width of a portrait A4 page
PNG_DPI = 200
TITLE = "Nilai kelembagaan, teknis, dan keuangan per sarana (0–100)"
EMPTY = "Belum ada sarana yang dinilai."


def label(number: int, row: dict[str, Any]) -> str:
    """`1. KSM Sido Rukun (IPAL Komunal)`, wrapped to two lines of ~34 characters."""
    text = f"{number}. {row['ksm']} ({row['kind_label']})"
    return "\n".join(textwrap.wrap(text, 34, max_lines=2, placeholder=" …"))


def scored(rows: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """The assessed facilities with their number in the score table."""
    return [(n, row) for n, row in enumerate(rows, start=1) if row.get("scores")]


def alt_text(rows: list[dict[str, Any]], *, kuning: int = 40, hijau: int = 70) -> str:
    """The chart in words: what it shows, then every facility's three scores."""
    facilities = scored(rows)
    if not facilities:
        return f"Grafik nilai per sarana: {EMPTY}"
    parts = [
        f"{n}. {row['ksm']} ({row['kind_label']}): "
        + ", ".join(f"{name.lower()} {row['scores'][key]['score']}" for key, name, *_ in ASPECTS)
        for n, row in facilities
    ]
    return (
        f"Grafik batang {TITLE.lower()} untuk {len(facilities)} sarana; pita merah di bawah "
        f"{kuning}, kuning {kuning}–{hijau - 1}, hijau {hijau} ke atas. " + "; ".join(parts) + "."
    )


def render_chart(
    rows: list[dict[str, Any]], fmt: str, *, kuning: int = 40, hijau: int = 70
) -> bytes:
    """The chart as `svg` (text kept as text) or `png` (200 dpi, 16 cm wide)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    facilities = scored(rows)
    height = min(9.0, 1.6 + 0.52 * max(1, len(facilities)))
    figure = Figure(figsize=(WIDTH_IN, height), layout="constrained")
    axes = figure.add_subplot()
    limits = ((0, kuning), (kuning, hijau), (hijau, 100))
    for (_band, colour), (start, end) in zip(BANDS, limits, strict=True):
        axes.axvspan(start, end, color=colour, alpha=0.55, zorder=0, linewidth=0)
    for index, (_number, row) in enumerate(facilities):
        _bars(axes, index, row)
    _axes_text(axes, facilities)
    figure.legend(
        handles=_legend(kuning, hijau), loc="outside lower center", ncol=3, fontsize=7,
        frameon=False,
    )  # fmt: skip
    buffer = io.BytesIO()
    if fmt == "svg":
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "aksansi"}):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        svg = buffer.getvalue().decode("utf-8")
        return _with_svg_title(svg, alt_text(rows, kuning=kuning, hijau=hijau)).encode("utf-8")
    figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()


def _bars(axes: Any, index: int, row: dict[str, Any]) -> None:
    """One facility: three bars, each with its score at its end."""
    for offset, (key, _name, colour, hatch) in zip((-0.27, 0.0, 0.27), ASPECTS, strict=True):
        score = row["scores"][key]["score"]
        axes.barh(
            index + offset, score, height=0.25, color=colour, hatch=hatch, edgecolor="white",
            linewidth=0.3, zorder=2,
        )  # fmt: skip
        axes.text(score + 1, index + offset, str(score), va="center", fontsize=6.5, zorder=3)


def _axes_text(axes: Any, facilities: list[tuple[int, dict[str, Any]]]) -> None:
    """Facility names down the side, 0–100 along the bottom, the title on top."""
    axes.set_yticks(range(len(facilities)), [label(n, row) for n, row in facilities], fontsize=7)
    axes.set_ylim(len(facilities) - 0.5 if facilities else 0.5, -0.5)
    axes.set_xlim(0, 100)
    axes.set_xticks(range(0, 101, 10))
    axes.tick_params(axis="x", labelsize=7)
    axes.set_xlabel("Nilai (0–100)", fontsize=8)
    axes.set_title(TITLE, fontsize=9)
    if not facilities:
        axes.text(50, 0, EMPTY, ha="center", va="center", fontsize=9)
        axes.set_yticks([])


def _legend(kuning: int, hijau: int) -> list[Any]:
    """The three aspects and the three traffic-light bands with their limits."""
    from matplotlib.patches import Patch

    texts = (f"merah < {kuning}", f"kuning {kuning}–{hijau - 1}", f"hijau ≥ {hijau}")
    handles = []
    for (_key, name, colour, hatch), (_band, shade), text in zip(
        ASPECTS, BANDS, texts, strict=True
    ):
        handles.append(Patch(facecolor=colour, hatch=hatch, edgecolor="white", label=name))
        handles.append(Patch(facecolor=shade, alpha=0.55, label=text))
    return handles  # filled column by column: the aspects on the first row, the bands below


def _with_svg_title(svg: str, description: str) -> str:
    """An accessible SVG: role img, a <title> and a <desc> (the alt text) first inside."""
    start = svg.find("<svg")
    end = svg.find(">", start)
    if start < 0 or end < 0:
        return svg
    labelled = '<svg role="img" aria-labelledby="grafik-judul grafik-desk"'
    opening = svg[start:end].replace("<svg", labelled, 1)
    inner = (
        f'<title id="grafik-judul">{escape(TITLE)}</title>'
        f'<desc id="grafik-desk">{escape(description)}</desc>'
    )
    return svg[:start] + opening + ">" + inner + svg[end + 1 :]
