"""The board's portfolio report: the figures of a period (a plain dict, see
`workflow.services.report`) in, an HTML page, a Word document, a PDF or a workbook out.

`model.sections` writes the content once; `html`, `word` and the spreadsheet draw it.
PDF is the Word document printed by LibreOffice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from documents.filters import tanggal
from documents.output import pdf_from_docx, write_atomic
from documents.portfolio import model
from documents.portfolio.numbers import rentang

BASENAME = "laporan-portofolio"


def draw_charts(
    figures: dict[str, Any], formats: tuple[str, ...] = ("svg", "png")
) -> dict[str, Any]:
    """The three charts, by id, saved in `formats` (matplotlib is imported only now)."""
    from documents.portfolio.charts import blocker_cost_chart, funnel_chart, stage_time_chart

    made = [
        funnel_chart(figures["funnel"], tanggal(figures["period"]["to"]), formats),
        stage_time_chart(figures["time_in_stage"], formats),
        blocker_cost_chart(figures["blockers"], formats),
    ]
    return {chart.id: chart for chart in made}


def render(figures: dict[str, Any], fmt: str, org: str) -> bytes:
    """The report as html, docx or xlsx bytes."""
    title = model.title(figures)
    sections = model.sections(figures)
    period = figures["period"]
    subtitle = f"{org} · {rentang(period['from'], period['to'])}"
    footer = model.footer(org, period["generated_on"])
    if fmt == "xlsx":
        return _workbook(title, period, sections)
    drawn = draw_charts(figures, ("svg",) if fmt == "html" else ("png",))
    if fmt == "html":
        from documents.portfolio.html import to_html

        return to_html(title, subtitle, sections, drawn, footer).encode("utf-8")
    from documents.portfolio.word import to_docx

    return to_docx(title, subtitle, sections, drawn, footer)


def write(
    figures: dict[str, Any], fmt: str, path: Path, org: str, *, overwrite: bool = False
) -> Path:
    """Write the report in `fmt` (html, docx, xlsx, pdf) to `path`, atomically."""
    if fmt == "pdf":
        data = pdf_from_docx(render(figures, "docx", org), model.title(figures))
    else:
        data = render(figures, fmt, org)
    write_atomic(path, data, overwrite=overwrite)
    return path


def _workbook(title: str, period: dict[str, Any], sections: list[model.Section]) -> bytes:
    from documents.spreadsheet import Sheet, workbook_bytes

    summary = Sheet(
        "Ringkasan",
        ["Laporan", "Dari", "Sampai", "Disusun", "Ringkasan"],
        ["text", "date", "date", "date", "text"],
        [[title, period["from"], period["to"], period["generated_on"], model.summary_of(sections)]],
    )
    sheets = [summary] + [
        Sheet(s.table.sheet, s.table.headers, s.table.kinds, s.table.rows)
        for s in sections
        if s.table is not None
    ]
    return workbook_bytes(sheets, title)
