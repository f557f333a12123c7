"""Word fields our layouts put in page footers: "Halaman X dari Y" with PAGE and NUMPAGES,
which Word and LibreOffice fill in when the document is shown or printed."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from documents.meta import DocumentMeta


def page_numbers(paragraph: Paragraph, meta: DocumentMeta) -> None:
    """ "Halaman X dari Y" with Word's PAGE and NUMPAGES fields (filled in by Word/LibreOffice)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("Halaman ", "PAGE"), (" dari ", "NUMPAGES")):
        _text_run(paragraph, text, meta)
        _field(paragraph, field, meta)


def _text_run(paragraph: Paragraph, text: str, meta: DocumentMeta) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(9)
    run.font.name = meta.font


def _field(paragraph: Paragraph, instruction: str, meta: DocumentMeta) -> None:
    """A complex field: begin, the instruction, a placeholder result, end."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        run.font.size = Pt(9)
        run.font.name = meta.font
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        elif kind == "result":
            element = OxmlElement("w:t")
            element.text = "1"
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
