"""The report as a Word document: named styles (Title, Subtitle, Heading 1, Ringkasan,
Catatan, Caption; the tables in "Table Grid"), header rows that repeat on every page,
and each chart as a PNG at 200 dpi with its alt text — so a secretary can restyle the
whole report from the style gallery, and LibreOffice prints it to PDF."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from documents.portfolio.cells import NUMERIC, cell_text
from documents.portfolio.charts import Chart
from documents.portfolio.model import Section, Table
from documents.tables import fit_widths

FONT = "Arial"
CHART_WIDTH = Cm(16)
TEXT_WIDTH = Cm(16.5)
SUMMARY_STYLE = "Ringkasan"
NOTE_STYLE = "Catatan"
TABLE_TEXT_STYLE = "Isi Tabel"
TABLE_FONT_PT = 9.0


def to_docx(
    title: str, subtitle: str, sections: list[Section], charts: dict[str, Chart], footer: str
) -> bytes:
    doc = Document()
    _setup(doc)
    doc.core_properties.title = title
    doc.core_properties.language = "id-ID"
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(subtitle, style="Subtitle")
    for number, section in enumerate(sections, start=1):
        _section(doc, number, section, charts)
    doc.add_paragraph(footer, style=NOTE_STYLE)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _setup(doc) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = Cm(2.5)
    section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
    styles = doc.styles
    styles["Normal"].font.name = FONT
    styles["Normal"].font.size = Pt(10.5)
    for name in ("Title", "Subtitle", "Heading 1", "Caption"):
        styles[name].font.name = FONT
    styles["Title"].font.size = Pt(18)
    styles["Heading 1"].font.size = Pt(13)
    _paragraph_style(doc, SUMMARY_STYLE, size=11, space_after=8)
    _paragraph_style(doc, NOTE_STYLE, size=9, space_after=6, italic=True)
    _paragraph_style(doc, TABLE_TEXT_STYLE, size=TABLE_FONT_PT, space_after=0)
    caption = styles["Caption"].font
    caption.size, caption.bold, caption.italic = Pt(9), False, True
    caption.color.rgb = RGBColor(0x33, 0x33, 0x33)


def _paragraph_style(
    doc: Any, name: str, *, size: float, space_after: float, italic: bool = False
) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.italic = italic or None
    style.paragraph_format.space_after = Pt(space_after)
    if italic:
        style.font.color.rgb = RGBColor(0x33, 0x33, 0x33)


def _section(doc, number: int, section: Section, charts: dict[str, Chart]) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(f"{number}. {section.title}", level=1)
    style = SUMMARY_STYLE if number == 1 else "Normal"
    for text in section.paragraphs:
        added = doc.add_paragraph(text, style=style)
        added.paragraph_format.keep_with_next = section.chart is not None
    if section.chart:
        _picture(doc, charts[section.chart])
    if section.table is not None:
        if section.table.rows:
            _table(doc, section.table.printed())
        else:
            doc.add_paragraph(section.empty)
    for note in section.notes:
        doc.add_paragraph(note, style=NOTE_STYLE)


def _picture(doc, chart: Chart) -> None:  # type: ignore[no-untyped-def]
    doc.add_picture(io.BytesIO(chart.png), width=CHART_WIDTH)
    picture = doc.paragraphs[-1]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    properties = picture._p.xpath(".//wp:docPr")[0]
    properties.set("title", chart.title)
    properties.set("descr", chart.alt)
    doc.add_paragraph(f"Grafik: {chart.alt}", style="Caption")


def _table(doc, table: Table) -> None:  # type: ignore[no-untyped-def]
    texts = [[cell_text(v, k) for v, k in zip(row, table.kinds, strict=True)] for row in table.rows]
    widths = [Cm(w) for w in fit_widths([table.headers, *texts], TEXT_WIDTH.cm, TABLE_FONT_PT)]
    grid = doc.add_table(rows=1, cols=len(table.headers), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by, not only each cell's width
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, text, kind, width in zip(
        header.cells, table.headers, table.kinds, widths, strict=True
    ):
        _fill(cell, text, kind, width, bold=True)
    for row in texts:
        added = grid.add_row()
        _keep_whole(added)
        for cell, text, kind, width in zip(added.cells, row, table.kinds, widths, strict=True):
            _fill(cell, text, kind, width)
    doc.add_paragraph()


def _fill(cell, text: str, kind: str, width: int, *, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph.style = TABLE_TEXT_STYLE
    if kind in NUMERIC:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(text).bold = bold or None


def _repeat_as_header(row) -> None:  # type: ignore[no-untyped-def]
    """Mark the row as the table's header: Word and LibreOffice repeat it on each page,
    never split it, and never leave it alone at the foot of a page."""
    _keep_whole(row)
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)
    for cell in row.cells:
        cell.paragraphs[0].paragraph_format.keep_with_next = True


def _keep_whole(row) -> None:  # type: ignore[no-untyped-def]
    """A row that never breaks across a page (its cells' lines stay together)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
