"""The signing-ready Word layout of an agreement (`<!-- layout: perjanjian -->`): the KB and
the PKS as a Bagian Hukum marks them up and the parties sign them.

- the title block and the drafting mark in named styles ("Judul Perjanjian", "Tanda
  Rancangan"), an annex's reference block in "Rujukan Lampiran";
- each Pasal's number and title kept with the first paragraph that follows (never the
  last lines of a page);
- the signature block: never split, at least 3.5 cm of room to sign and stamp for each
  party (and for the meterai on PIHAK KEDUA's side);
- a footer on every page: "Halaman X dari Y" (PAGE and NUMPAGES fields) and a paraf
  (initials) box for each party.
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from documents.markup import Block
from documents.meta import DocumentMeta
from documents.tables import dress_data_table
from documents.word_fields import page_numbers
from documents.word_styles import paragraph_style

TITLE_STYLE = "Judul Perjanjian"
MARK_STYLE = "Tanda Rancangan"
ANNEX_STYLE = "Rujukan Lampiran"
SIGNING_ROOM = Cm(3.6)  # ≥ 3.5 cm for signature, stamp and meterai
PARAF_BOX = (Cm(3.2), Cm(1.3))
PARTIES = ("PIHAK KESATU", "PIHAK KEDUA")
TEXT_WIDTH_CM = 15.5  # A4 less the 3 cm and 2.5 cm margins
TABLE_FONT_PT = 10.0


def after_block(doc, block: Block, elements: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    """Dress what one block added: styles, keep-with-next, the signature table."""
    for element in elements:
        if element.tag == qn("w:tbl"):
            table = Table(element, doc._body)
            if block.align == "sign":
                _signature_table(table)
            else:
                dress_data_table(table, TEXT_WIDTH_CM, TABLE_FONT_PT)
            continue
        if element.tag != qn("w:p"):
            continue
        paragraph = Paragraph(element, doc._body)
        if block.kind == "heading":
            _heading(doc, paragraph, block)
        elif block.align == "rancangan":
            paragraph.style = _mark_style(doc)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.align == "lampiran":
            paragraph.style = _annex_style(doc)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def finish(doc, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    """Signature blocks kept with the text they close; the page footer with page numbers
    and paraf boxes, on every page."""
    _keep_text_with_signatures(doc)
    section = doc.sections[0]
    section.bottom_margin = Cm(3.2)
    section.footer_distance = Cm(0.8)
    footer = section.footer
    footer.is_linked_to_previous = False
    page_numbers(footer.paragraphs[0], meta)
    _paraf_boxes(footer, meta)
    closing = footer.add_paragraph()  # a footer ends with a paragraph, not a table
    closing.paragraph_format.space_after = Pt(0)
    closing.add_run("").font.size = Pt(2)


def _keep_text_with_signatures(doc) -> None:  # type: ignore[no-untyped-def]
    """A signature block never stands alone on a page: the last paragraph of text (and
    the spacing before the block) move with it."""
    children = list(doc.element.body)
    for index, element in enumerate(children):
        if element.tag != qn("w:tbl") or not _is_signature(element):
            continue
        kept_text = 0
        for previous in reversed(children[:index]):
            if previous.tag != qn("w:p"):
                break
            paragraph = Paragraph(previous, doc._body)
            paragraph.paragraph_format.keep_with_next = True
            if paragraph.text.strip():
                kept_text += 1
            if kept_text == 1:
                break


def _is_signature(table_element) -> bool:  # type: ignore[no-untyped-def]
    first_cell = table_element.find(".//" + qn("w:tc"))
    text = "".join(first_cell.itertext()) if first_cell is not None else ""
    return text.strip().startswith(PARTIES[0])


def _heading(doc, paragraph: Paragraph, block: Block) -> None:  # type: ignore[no-untyped-def]
    fmt = paragraph.paragraph_format
    if block.align == "judul":
        paragraph.style = paragraph_style(doc, TITLE_STYLE, base="Title")
    fmt.keep_with_next = True  # "Pasal 3" with its title, the title with its first paragraph
    fmt.keep_together = True


def _mark_style(doc: Any) -> Any:
    style = paragraph_style(doc, MARK_STYLE)
    style.font.bold = True
    style.font.size = Pt(10)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.space_after = Pt(12)
    return style


def _annex_style(doc: Any) -> Any:
    style = paragraph_style(doc, ANNEX_STYLE)
    style.font.size = Pt(10)
    style.paragraph_format.left_indent = Cm(7.5)
    style.paragraph_format.space_after = Pt(12)
    style.paragraph_format.keep_with_next = True
    return style


def _signature_table(table: Table) -> None:
    """Both columns side by side, never split; the third row is the room to sign."""
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, row in enumerate(table.rows):
        _cant_split(row)
        if index == 2:
            row.height = SIGNING_ROOM
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell in row.cells:
            cell.vertical_alignment = (
                WD_CELL_VERTICAL_ALIGNMENT.CENTER if index == 2 else WD_CELL_VERTICAL_ALIGNMENT.TOP
            )
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.keep_with_next = index < len(table.rows) - 1
                paragraph.paragraph_format.keep_together = True
                if index == 2:
                    for run in paragraph.runs:
                        run.font.size = Pt(8)


def _cant_split(row) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        properties.append(OxmlElement("w:cantSplit"))


def _paraf_boxes(footer, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    """Two bordered boxes at the right of the footer: "Paraf PIHAK KESATU" / "… KEDUA"."""
    width, height = PARAF_BOX
    table = footer.add_table(rows=1, cols=2, width=width * 2)
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    table.autofit = False
    row = table.rows[0]
    row.height = height
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    for cell, party in zip(row.cells, PARTIES, strict=True):
        cell.width = width
        _borders(cell)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(f"Paraf {party}")
        run.font.size = Pt(7)
        run.font.name = meta.font


def _borders(cell) -> None:  # type: ignore[no-untyped-def]
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)
    properties.append(borders)
