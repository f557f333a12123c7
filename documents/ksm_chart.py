"""A small horizontal bar chart of the three scores per assessed facility, as SVG text.

Hand-written SVG (no plotting library): one group of three bars per facility,
dashed lines at the kuning and hijau thresholds, a legend on top.
"""

from __future__ import annotations

from html import escape
from typing import Any

ASPECT_COLOURS = (("kelembagaan", "#4e79a7"), ("teknis", "#f28e2b"), ("keuangan", "#59a14f"))
LABEL_WIDTH, BAR_AREA, BAR, GAP, TOP = 190, 400, 8, 10, 40


def score_chart_svg(rows: list[dict[str, Any]], *, kuning: int = 40, hijau: int = 70) -> str:
    scored = [row for row in rows if row.get("scores")]
    group = 3 * BAR + GAP
    height = TOP + max(1, len(scored)) * group + 24
    width = LABEL_WIDTH + BAR_AREA + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10">',
        "<title>Nilai per KSM (kelembagaan, teknis, keuangan)</title>",
        *_legend(),
        *_thresholds(height, kuning, hijau),
    ]
    for index, row in enumerate(scored):
        parts.extend(_group(index + 1, row, TOP + index * group))
    if not scored:
        parts.append(
            f'<text x="{LABEL_WIDTH}" y="{TOP + 10}">Belum ada sarana yang dinilai.</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _x(score: float) -> float:
    return LABEL_WIDTH + BAR_AREA * score / 100


def _legend() -> list[str]:
    items = []
    for index, (aspect, colour) in enumerate(ASPECT_COLOURS):
        x = LABEL_WIDTH + index * 110
        items.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{colour}"/>')
        items.append(f'<text x="{x + 14}" y="17">{aspect}</text>')
    return items


def _thresholds(height: int, kuning: int, hijau: int) -> list[str]:
    lines = []
    for value in (0, kuning, hijau, 100):
        dash = "" if value in (0, 100) else ' stroke-dasharray="3,3"'
        lines.append(
            f'<line x1="{_x(value)}" y1="{TOP - 6}" x2="{_x(value)}" y2="{height - 18}" '
            f'stroke="#999"{dash}/>'
        )
        lines.append(f'<text x="{_x(value)}" y="{height - 6}" text-anchor="middle">{value}</text>')
    return lines


def _group(number: int, row: dict[str, Any], y: int) -> list[str]:
    label = f"{number}. {row['ksm']} ({row['kind_label']})"
    label = label if len(label) <= 34 else label[:33] + "…"
    parts = [
        f'<text x="{LABEL_WIDTH - 6}" y="{y + 1.5 * BAR + 3}" text-anchor="end">'
        f"{escape(label)}</text>"
    ]
    for index, (aspect, colour) in enumerate(ASPECT_COLOURS):
        score = row["scores"][aspect]["score"]
        top = y + index * BAR
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{top}" width="{_x(score) - LABEL_WIDTH:.1f}" '
            f'height="{BAR - 1}" fill="{colour}"><title>{aspect}: {score}</title></rect>'
        )
        parts.append(
            f'<text x="{_x(score) + 3:.1f}" y="{top + BAR - 1}" font-size="8">{score}</text>'
        )
    return parts
