"""Data tables that print whole in Word: borders, the header row repeated on every page and
kept with the first data row, rows that never split, and column widths fitted to the
words they hold so that no word is broken inside a cell.

Used by the agreement annexes (RAB, the KSM list, the schedule) and the KSM report. A
letter's label tables (Nomor, Sifat, …) and signature blocks are not data tables.
"""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

CHAR_CM_AT_10PT = 0.205  # a generous average Arial character, bold included
CELL_PADDING_CM = 0.5  # Word's and LibreOffice's cell margins (0.19 cm a side) and a little air
MIN_COLUMN_CM = 1.0


def _text_width(text: str, size: float, bold: bool = False) -> float:
    per_char = CHAR_CM_AT_10PT * size / 10 * (1.08 if bold else 1.0)
    return len(text) * per_char + CELL_PADDING_CM


def fit_widths(rows: list[list[str]], total_cm: float, size: float) -> list[float]:
    """Column widths (cm) adding up to `total_cm`: each at least its longest word (and the
    header's), the space left shared in proportion to how much more each column's texts
    would like. If even the longest words do not fit, they are scaled down (the caller
    then wants a landscape page or fewer columns)."""
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return []
    least, wish = [0.0] * columns, [0.0] * columns
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            bold = index == 0
            words = text.split() or [""]
            widest = max(_text_width(w, size, bold) for w in words)
            least[column] = max(least[column], widest, MIN_COLUMN_CM)
            wish[column] = max(wish[column], _text_width(text, size, bold))
    if sum(least) >= total_cm:
        return [w * total_cm / sum(least) for w in least]
    spare = total_cm - sum(least)
    extra = [max(w - m, 0.0) for w, m in zip(wish, least, strict=True)]
    if sum(extra) <= spare:  # everything fits on one line: share the rest evenly
        bonus = (spare - sum(extra)) / columns
        return [m + e + bonus for m, e in zip(least, extra, strict=True)]
    return [m + spare * e / sum(extra) for m, e in zip(least, extra, strict=True)]


def dress_data_table(table: Table, total_cm: float, size: float) -> list[float]:
    """Borders, widths, font size, a repeated and kept header row, unsplittable rows."""
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    widths = fit_widths(texts, total_cm, size)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _grid_borders(table)
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            properties.append(OxmlElement("w:tblHeader"))
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                _cell_paragraph(paragraph, size, header=index == 0)
    return widths


def _cell_paragraph(paragraph, size: float, *, header: bool) -> None:  # type: ignore[no-untyped-def]
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.keep_with_next = header  # the header row never stays alone at a page foot
    text = paragraph.text.strip()
    if header:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif text.startswith("Rp") or text.replace(".", "").replace(",", "").isdigit():
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for run in paragraph.runs:
        run.font.size = Pt(size)
        if header:
            run.font.bold = True


def _grid_borders(table: Table) -> None:
    """Single black lines around and between all cells."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)
    properties.append(borders)
