"""The Laporan Hasil Pre-Monitoring KSM: a plain dict in, Markdown / HTML / .docx out.

Rendered with the letters machinery: the template `laporan_pre_monitoring.md.j2` goes
through `documents.render` (sandboxed, strict, overridable from AKSANSI_TEMPLATE_DIR)
and the Markdown becomes HTML or Word through `documents.output`, so the three
formats say the same thing. This module only adds the report's own display values
(Indonesian decimals, lettered lists) and the SVG chart: inline in HTML, written
beside the .md file, and as a PNG drawn without an image library in the .docx
(`documents/ksm_png.py`; python-docx cannot embed SVG).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from documents.filters import rupiah
from documents.ksm_chart import score_chart_svg
from documents.ksm_png import score_chart_png, with_chart_picture
from documents.output import document_bytes, write_atomic

TEMPLATE = "laporan_pre_monitoring.md.j2"
BASENAME = "laporan-pre-monitoring"
CHART_AFTER = "5. Nilai per KSM"
CHART_CAPTION = (
    "Grafik: nilai per sarana, bernomor sesuai tabel di bawah; biru = kelembagaan, "
    "oranye = teknis, hijau = keuangan; garis putus-putus = batas kuning (40) dan hijau (70)."
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def render_markdown(context: dict[str, Any]) -> str:
    from documents.render import render_markdown as render_template

    return render_template(TEMPLATE, _displayed(context))


def render(context: dict[str, Any], fmt: str) -> bytes:
    """The report in `fmt` (md, html or docx). HTML carries the chart inline."""
    title = f"Laporan Hasil Pre-Monitoring KSM {context['region']['name']}"
    if fmt == "md":
        return render_markdown(context).encode("utf-8")
    markdown = render_markdown(context | {"chart_file": None})
    if fmt == "html":
        page = document_bytes(markdown, "html", title).decode("utf-8")
        return _with_chart(page, score_chart_svg(context["rows"])).encode("utf-8")
    docx = document_bytes(markdown, "docx", title)
    return with_chart_picture(
        docx, score_chart_png(context["rows"]), after=CHART_AFTER, caption=CHART_CAPTION
    )


def chart(context: dict[str, Any]) -> bytes:
    return score_chart_svg(context["rows"]).encode("utf-8")


def write_report(
    context: dict[str, Any], fmt: str, target: Path, *, overwrite: bool = False
) -> list[Path]:
    """Write the report to `target` (and, for md, its SVG chart beside it)."""
    written = []
    if fmt == "md":
        svg = target.with_suffix(".svg")
        context = context | {"chart_file": svg.name}
        write_atomic(svg, chart(context), overwrite=overwrite)
        written.append(svg)
    write_atomic(target, render(context, fmt), overwrite=overwrite)
    return [target, *written]


def _with_chart(page: str, svg: str) -> str:
    """The chart as a figure just before section 6."""
    anchor = page.find("6. Sarana dengan nilai terendah")
    start = page.rfind("<h", 0, anchor) if anchor >= 0 else -1
    if start < 0:
        return page.replace("</body>", f"<figure>{svg}</figure>\n</body>")
    return f"{page[:start]}<figure>{svg}</figure>\n{page[start:]}"


def _displayed(context: dict[str, Any]) -> dict[str, Any]:
    """The context plus the texts the template prints as they are."""
    coverage = context["coverage"] | {
        "sr_coverage_text": persen(context["coverage"]["sr_coverage_pct"])
    }
    aspects = [a | {"average_text": angka(a["average"])} for a in context["aspects"]]
    worst = [
        row | {"mean_text": angka(row["mean"]), "points": _points(row)} for row in context["worst"]
    ]
    return context | {"coverage": coverage, "aspects": aspects, "worst": worst}


def _points(row: dict[str, Any]) -> list[tuple[str, str]]:
    texts = [f"Status fungsi: {row['status_label']}", *row["needs"]]
    if row["kebutuhan_perbaikan"]:
        texts.append(f"Catatan lapangan: {row['kebutuhan_perbaikan']}")
    if row["estimasi_biaya"]:
        texts.append(f"Perkiraan biaya perbaikan: {rupiah(row['estimasi_biaya'])}")
    return [(LETTERS[index % len(LETTERS)], text) for index, text in enumerate(texts)]


def angka(value: float | None) -> str:
    """A number with an Indonesian decimal comma, one decimal at most."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    return format_decimal(round(value, 1), locale="id_ID")


def persen(value: float | None) -> str:
    return "–" if value is None else f"{angka(value)}%"
