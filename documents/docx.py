"""Markdown blocks → a Word document, built with python-docx.

Why python-docx and not docxtpl: docxtpl renders Jinja2 tags placed inside a Word
file, which would make the .docx template a second source for every document kind
next to the Markdown one, and the two would drift. Building the Word document from
the same rendered Markdown keeps one source per kind, and the three formats say
exactly the same thing. Officials still get a plain, editable Word file: real
paragraphs and tables, A4, no fields or macros.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from documents import letter_docx
from documents.markup import Block, Run, layout_of, parse, unbreakable_parts
from documents.meta import DocumentMeta
from documents.word_styles import (
    BODY_STYLE,
    HEADING_STYLES,
    LIST_STYLE,
    apply_styles,
    set_core_properties,
)

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "sign": WD_ALIGN_PARAGRAPH.LEFT,
    "tembusan": WD_ALIGN_PARAGRAPH.LEFT,
    "kop": WD_ALIGN_PARAGRAPH.CENTER,
}


def _add_runs(paragraph, runs: list[Run]) -> None:  # type: ignore[no-untyped-def]
    for run in runs:
        if run.brk:
            paragraph.add_run().add_break()
            continue
        added = paragraph.add_run()
        _add_text(added, run.text)
        added.bold = run.bold or None
        added.italic = run.italic or None


def _add_text(added, text: str) -> None:  # type: ignore[no-untyped-def]
    """The text of a run; the hyphens of a number (`020/SEK-AKSANSI/…`) non-breaking."""
    for piece, unbreakable in unbreakable_parts(text):
        if not unbreakable:
            if piece:
                added.add_text(piece)
            continue
        for index, part in enumerate(piece.split("-")):
            if index:
                added._r.append(OxmlElement("w:noBreakHyphen"))
            if part:
                added.add_text(part)


def _paragraph(doc, block: Block) -> None:  # type: ignore[no-untyped-def]
    paragraph = doc.add_paragraph(style=LIST_STYLE if block.kind == "item" else BODY_STYLE)
    paragraph.alignment = ALIGN.get(block.align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(6)
    if block.align == "sign":
        fmt.left_indent = Cm(8.5)
    if block.keep or (block.runs and block.runs[-1].text.rstrip().endswith(":")):
        fmt.keep_with_next = True  # "Tembusan:", "Dengan memperhatikan:" stay with their list
    if block.kind == "item":
        fmt.left_indent = Cm(0.9 + 0.9 * block.level)
        fmt.first_line_indent = Cm(-0.9)
        fmt.tab_stops.add_tab_stop(Cm(0.9 + 0.9 * block.level))
        paragraph.add_run(block.label + "\t")
    _add_runs(paragraph, block.runs)


def _heading(doc, block: Block) -> None:  # type: ignore[no-untyped-def]
    """`#` → Title, `##` → Heading 1, `###` → Heading 2 (bold, centred: see word_styles)."""
    paragraph = doc.add_paragraph(style=HEADING_STYLES.get(block.level, HEADING_STYLES[3]))
    if block.runs and block.runs[0].text.startswith("Pasal "):
        paragraph.paragraph_format.space_before = Pt(10)
    _add_runs(paragraph, block.runs)


def _table(doc, block: Block) -> None:  # type: ignore[no-untyped-def]
    if block.align == "identitas":
        letter_docx.identity_lines(doc, block, _add_runs)
        return
    columns = max(len(row) for row in block.rows) if block.rows else 1
    if block.align == "sign":
        doc.add_paragraph()
    table = doc.add_table(rows=0, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths = _column_widths(columns, block.align)
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for index, row in enumerate(block.rows):
        cells = table.add_row().cells
        for cell, runs, width in zip(cells, row, widths, strict=False):
            cell.width = width
            paragraph = cell.paragraphs[0]
            if block.align == "sign":  # the signature block never splits across pages
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.keep_with_next = index < len(block.rows) - 1
            _add_runs(paragraph, runs)
    doc.add_paragraph()


def _column_widths(columns: int, align: str) -> list[Cm]:
    """A label column (Nomor, Sifat, …) stays narrow; signature columns share the width."""
    if columns == 2 and align != "sign":
        return [Cm(3), Cm(12.5)]
    return [Cm(15.5 / columns)] * columns


def _rule(doc) -> None:  # type: ignore[no-untyped-def]
    """A double line under the letterhead: a bottom border on an empty paragraph."""
    paragraph = doc.add_paragraph()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "double"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    paragraph.paragraph_format.space_after = Pt(6)


def _setup(doc, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = Cm(3)
    section.right_margin = section.top_margin = section.bottom_margin = Cm(2.5)
    apply_styles(doc, meta)
    set_core_properties(doc, meta)


BUILDERS = {"heading": _heading, "table": _table, "item": _paragraph, "para": _paragraph}
# A document that names its layout (`<!-- layout: … -->`) is finished by that module:
# `before_block(doc, block)` (optional) runs before each block is built (a section break),
# `after_block(doc, block, elements)` sees what each block added, `finish(doc, meta)` the rest.
LAYOUTS = {"perjanjian": "documents.agreement_docx", "laporan": "documents.report_docx"}


def _layout_module(name: str | None):  # type: ignore[no-untyped-def]
    if name not in LAYOUTS:
        return None
    import importlib

    return importlib.import_module(LAYOUTS[name])


def _content_length(body) -> int:  # type: ignore[no-untyped-def]
    """The number of body elements before the closing section properties."""
    count = len(body)
    return count - 1 if count and body[-1].tag == qn("w:sectPr") else count


def _page_break_before(elements: list) -> None:  # type: ignore[type-arg]
    """`::: pagebreak`: the first paragraph of the next block starts a new page."""
    for element in elements:
        paragraph = element if element.tag == qn("w:p") else element.find(".//" + qn("w:p"))
        if paragraph is not None:
            break_before = OxmlElement("w:pageBreakBefore")
            paragraph.get_or_add_pPr().insert(0, break_before)
            return


def _build(doc, block: Block, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    if block.kind == "rule":
        _rule(doc)
    elif block.kind == "kop":
        letter_docx.letterhead(doc, block, meta, _add_runs)
    elif block.kind == "gap":
        letter_docx.signature_gap(doc, block)
    else:
        BUILDERS[block.kind](doc, block)


def to_docx(markdown: str, title: str = "Dokumen", meta: DocumentMeta | None = None) -> bytes:
    """The Word document as bytes (written atomically by `documents.output`).

    `meta`: author, date, font and logo (`documents.meta`); without it the document is
    dated today's Word default and set in Arial 12 with no author.
    """
    meta = meta or DocumentMeta(title=title)
    doc = Document()
    _setup(doc, meta)
    blocks = parse(markdown)
    layout = _layout_module(layout_of(blocks))
    if any(block.kind == "kop" for block in blocks):
        letter_docx.letter_page(doc)
    body = doc.element.body
    new_page = False
    for block in blocks:
        if block.kind in ("layout", "pagebreak"):
            new_page = new_page or block.kind == "pagebreak"
            continue
        if layout is not None and hasattr(layout, "before_block"):
            layout.before_block(doc, block)
        before = _content_length(body)
        _build(doc, block, meta)
        added = list(body)[before : _content_length(body)]
        if new_page:
            _page_break_before(added)
            new_page = False
        if layout is not None:
            layout.after_block(doc, block, added)
    if layout is not None:
        layout.finish(doc, meta)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
