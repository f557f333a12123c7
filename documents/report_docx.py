"""The printed Word layout of a report (`<!-- layout: laporan -->`, the KSM pre-monitoring
report): data tables bordered and fitted to their words, the header row repeated on every
page and kept with the first row; the blocks in `::: lanskap` (the score table per
facility, nine columns) on a landscape page of their own; headings kept with what
follows; "Halaman X dari Y" in the footer of every page.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from documents.markup import Block
from documents.meta import DocumentMeta
from documents.tables import dress_data_table
from documents.word_fields import page_numbers

WIDE = "lanskap"
TABLE_FONT_PT = 10.0
MARGINS_CM = (3.0, 2.5)  # left (binding side), right


def before_block(doc, block: Block) -> None:  # type: ignore[no-untyped-def]
    """Blocks in `::: lanskap` start a landscape section; the next other block goes back."""
    wide = block.align == WIDE
    section = doc.sections[-1]
    if wide != (section.orientation == WD_ORIENT.LANDSCAPE):
        _new_section(doc, landscape=wide)


def after_block(doc, block: Block, elements: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    for element in elements:
        if element.tag == qn("w:tbl") and block.align != "sign":
            width = _text_width(doc.sections[-1])
            dress_data_table(Table(element, doc._body), width, TABLE_FONT_PT)
        elif element.tag == qn("w:p") and block.kind == "heading":
            Paragraph(element, doc._body).paragraph_format.keep_with_next = True


def finish(doc, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    """Page numbers in the first section's footer, which the others share."""
    page_numbers(doc.sections[0].footer.paragraphs[0], meta)


def _text_width(section) -> float:  # type: ignore[no-untyped-def]
    return float(section.page_width - section.left_margin - section.right_margin) / 360000


def _new_section(doc, *, landscape: bool) -> None:  # type: ignore[no-untyped-def]
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    short, long = sorted((section.page_width, section.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin, section.right_margin = (Cm(m) for m in MARGINS_CM)
    section.top_margin = section.bottom_margin = Cm(2.5 if not landscape else 2.0)
