"""The Laporan Hasil Pre-Monitoring KSM: a plain dict in, Markdown / HTML / .docx out.

Rendered with the letters machinery: the template `laporan_pre_monitoring.md.j2` goes
through `documents.render` (sandboxed, strict, overridable from AKSANSI_TEMPLATE_DIR)
and the Markdown becomes HTML or Word through `documents.output`, so the three
formats say the same thing; its layout (`<!-- layout: laporan -->`, see
`documents/report_docx.py`) prints the score table whole on a landscape page. This
module adds the report's own display values (Indonesian decimals, lettered lists) and
the chart drawn with matplotlib (`documents/ksm_chart.py`): SVG inline in the HTML and
beside the .md file, a 200 dpi PNG in the .docx, each with its alt text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from documents.filters import rupiah
from documents.ksm_chart import alt_text, render_chart
from documents.output import document_bytes, write_atomic

TEMPLATE = "laporan_pre_monitoring.md.j2"
BASENAME = "laporan-pre-monitoring"
CHART_BEFORE = "6. Sarana dengan nilai terendah"
CHART_CAPTION = (
    "Grafik 1. Nilai kelembagaan, teknis, dan keuangan per sarana, bernomor sesuai tabel "
    "nilai per KSM; pita latar: merah, kuning, hijau."
)
CHART_WIDTH_CM = 16
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def render_markdown(context: dict[str, Any]) -> str:
    from documents.render import render_markdown as render_template

    return render_template(TEMPLATE, _displayed(context))


def _rubric(context: dict[str, Any]) -> dict[str, int]:
    rubric = context["rubric"]
    return {"kuning": rubric["kuning_from"], "hijau": rubric["hijau_from"]}


def render(context: dict[str, Any], fmt: str) -> bytes:
    """The report in `fmt` (md, html or docx). HTML carries the chart inline."""
    title = f"Laporan Hasil Pre-Monitoring KSM {context['region']['name']}"
    if fmt == "md":
        return render_markdown(context).encode("utf-8")
    markdown = render_markdown(context | {"chart_file": None})
    if fmt == "html":
        page = document_bytes(markdown, "html", title).decode("utf-8")
        return _with_chart(page, chart(context).decode("utf-8"), context).encode("utf-8")
    docx = document_bytes(markdown, "docx", title)
    png = render_chart(context["rows"], "png", **_rubric(context))
    return with_chart_picture(docx, png, alt_text(context["rows"], **_rubric(context)))


def chart(context: dict[str, Any]) -> bytes:
    """The chart as an SVG file (its <title> and <desc> say what it shows)."""
    return render_chart(context["rows"], "svg", **_rubric(context))


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


def _with_chart(page: str, svg: str, context: dict[str, Any]) -> str:
    """The chart as a figure with its caption just before section 6."""
    from html import escape

    inline = svg[svg.find("<svg") :]
    described = escape(alt_text(context["rows"], **_rubric(context)))
    figure = (
        f'<figure class="grafik" aria-label="{described}">{inline}'
        f"<figcaption>{escape(CHART_CAPTION)}</figcaption></figure>\n"
    )
    anchor = page.find(CHART_BEFORE)
    start = page.rfind("<h", 0, anchor) if anchor >= 0 else -1
    if start < 0:
        return page.replace("</body>", f"{figure}</body>")
    return f"{page[:start]}{figure}{page[start:]}"


def with_chart_picture(docx: bytes, png: bytes, description: str) -> bytes:
    """The .docx with the chart (16 cm wide, alt text in its description) and its caption
    just before section 6, in the portrait part after the landscape score table."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document(io.BytesIO(docx))
    anchor = next((p for p in document.paragraphs if p.text.strip().startswith(CHART_BEFORE)), None)
    if anchor is None:
        return docx
    picture = document.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    inline = picture.add_run().add_picture(io.BytesIO(png), width=Cm(CHART_WIDTH_CM))
    properties = inline._inline.docPr
    properties.set("descr", description)
    properties.set("title", "Grafik nilai per sarana")
    note = document.add_paragraph(CHART_CAPTION)
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    anchor._p.addprevious(picture._p)
    anchor._p.addprevious(note._p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


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
