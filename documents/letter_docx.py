"""The parts of a surat dinas in Word (see `documents.markup`: `kop`, `identitas`, `gap`).

- the letterhead ("Kop Surat" style), beside the logo when there is one;
- the identity lines (Nomor, Sifat, Lampiran, Hal) on tab stops: the colon at 2.5 cm,
  the value at 2.9 cm with a long value hanging there, and the place and date at a right
  tab stop on the text margin of the Nomor line;
- the room to sign and stamp: one empty paragraph of exactly `SIGNATURE_GAP_CM`;
- the page: A4 with the margins of a surat dinas (`LETTER_MARGINS_CM`).
"""

from __future__ import annotations

import io

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt

from documents.markup import SIGNATURE_GAP_CM, Block, Run, without_colon
from documents.meta import LETTER_MARGINS_CM, DocumentMeta, png_size
from documents.word_styles import paragraph_style

LETTERHEAD_STYLE = "Kop Surat"
IDENTITY_STYLE = "Identitas Surat"
TEXT_WIDTH = Cm(15.5)  # A4 less the 3 cm and 2.5 cm margins
COLON_AT = Cm(2.5)
VALUE_AT = Cm(2.9)
SIGN_INDENT = Cm(8.5)
LOGO_HEIGHT = Cm(1.8)
LOGO_COLUMN = Cm(2.2)
DETAILS_SMALLER_PT = 2  # the letterhead's address and contacts, below the body size


def letterhead(doc, block: Block, meta: DocumentMeta, add_runs) -> None:  # type: ignore[no-untyped-def]
    """The letterhead lines, centred, the address and contacts smaller than the name;
    with a logo, in a borderless table beside it."""
    style = paragraph_style(doc, LETTERHEAD_STYLE)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.keep_with_next = True
    details = Pt(max(meta.size - DETAILS_SMALLER_PT, 8))

    def add_line(paragraph, index: int, runs: list[Run]) -> None:  # type: ignore[no-untyped-def]
        paragraph.style = style
        add_runs(paragraph, runs)
        if index:
            for run in paragraph.runs:
                run.font.size = details

    if meta.logo is None:
        for index, row in enumerate(block.rows):
            add_line(doc.add_paragraph(), index, row[0])
        return
    logo = meta.logo
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    picture_cell, text_cell = table.rows[0].cells
    for column, cell, width in zip(
        table.columns,
        (picture_cell, text_cell),
        (LOGO_COLUMN, TEXT_WIDTH - LOGO_COLUMN),
        strict=True,
    ):
        column.width = cell.width = width  # LibreOffice reads the grid, Word the cells
    for cell in (picture_cell, text_cell):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    picture = picture_cell.paragraphs[0]
    picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
    width, height = png_size(logo)
    size = {"height": LOGO_HEIGHT} if height >= width else {"width": LOGO_COLUMN - Cm(0.3)}
    picture.add_run().add_picture(io.BytesIO(logo), **size)
    for index, row in enumerate(block.rows):
        paragraph = text_cell.paragraphs[0] if index == 0 else text_cell.add_paragraph()
        add_line(paragraph, index, row[0])


def identity_lines(doc, block: Block, add_runs) -> None:  # type: ignore[no-untyped-def]
    """`| Nomor | : 001/… | Yogyakarta, 1 Desember 2026 |` → "Nomor⇥:⇥001/…⇥date"."""
    style = paragraph_style(doc, IDENTITY_STYLE)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    style.paragraph_format.keep_with_next = True
    for index, row in enumerate(block.rows):
        paragraph = doc.add_paragraph(style=style)
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.first_line_indent = VALUE_AT, -VALUE_AT
        fmt.tab_stops.add_tab_stop(COLON_AT)
        fmt.tab_stops.add_tab_stop(VALUE_AT)
        cells = [*row, [], []]
        add_runs(paragraph, cells[0])
        paragraph.add_run("\t:\t")
        add_runs(paragraph, without_colon(cells[1]))
        if len(row) > 2:
            fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
            paragraph.add_run("\t")
            add_runs(paragraph, row[2])
        if index == len(block.rows) - 1:
            fmt.space_after = Pt(8)
            fmt.keep_with_next = False


def signature_gap(doc, block: Block) -> None:  # type: ignore[no-untyped-def]
    """The room to sign and stamp: one empty paragraph exactly SIGNATURE_GAP_CM high."""
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = SIGN_INDENT
    fmt.line_spacing = Cm(SIGNATURE_GAP_CM)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.space_after = Pt(0)
    fmt.keep_with_next = True


def letter_page(doc) -> None:  # type: ignore[no-untyped-def]
    """A letter's margins (`LETTER_MARGINS_CM`): one page holds a full surat dinas."""
    section = doc.sections[0]
    section.top_margin = Cm(LETTER_MARGINS_CM["top"])
    section.bottom_margin = Cm(LETTER_MARGINS_CM["bottom"])
    section.left_margin = Cm(LETTER_MARGINS_CM["left"])
    section.right_margin = Cm(LETTER_MARGINS_CM["right"])
