"""The Word basics every .docx we write shares: named styles, font, language, properties.

A Pemda typist opens our file and edits it, so it must behave like a document made in
Word: text in named styles (Normal, Title, Heading 1/2, List Number) rather than in
hand-formatted runs, the body font and size from `letter.font`, the proofing language
Indonesian (id-ID) on the document defaults and on every style (otherwise Word
underlines every word as misspelt English), and core properties that tell the truth:
author the organisation, created/modified the document's date, title its subject.
"""

from __future__ import annotations

from datetime import datetime, time

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from documents.meta import DocumentMeta

# Heading levels of our Markdown → Word's built-in style names.
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
LIST_STYLE = "List Number"
BODY_STYLE = "Normal"


def apply_styles(doc, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    """Font, size and language on the defaults and the styles we use; id-ID on all."""
    _document_defaults(doc, meta)
    normal = doc.styles[BODY_STYLE]
    _font(normal, meta.font, meta.size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    sizes = {"Title": meta.size + 2, "Heading 1": meta.size + 1, "Heading 2": meta.size}
    for name, size in sizes.items():
        style = doc.styles[name]
        _plain_heading(style, meta.font, size)
    listed = doc.styles[LIST_STYLE]
    _font(listed, meta.font, meta.size)
    _drop(listed.element.get_or_add_pPr(), "w:numPr")  # our labels are written as text
    listed.paragraph_format.left_indent = None
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _language(style.element.get_or_add_rPr(), meta.language)
    _theme_language(doc, meta.language)


def paragraph_style(doc, name: str, *, base: str = BODY_STYLE):  # type: ignore[no-untyped-def]
    """A named paragraph style of our own (e.g. a letter's "Kop Surat"), made once per
    document, based on `base` and carrying the document's language."""
    styles = doc.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        lang_of_base = styles[base].element.rPr
        language = "id-ID"
        if lang_of_base is not None and lang_of_base.find(qn("w:lang")) is not None:
            language = lang_of_base.find(qn("w:lang")).get(qn("w:val"))
        _language(style.element.get_or_add_rPr(), language)
        return style


def set_core_properties(doc, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    """Author, dates, title and language: what Word's File ▸ Info shows."""
    props = doc.core_properties
    props.title = meta.title
    props.author = meta.author
    props.last_modified_by = meta.author
    props.language = meta.language
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""
    props.revision = 1
    if meta.dated is None:  # no date known: say none rather than the template's 2013
        for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
            for element in props._element.findall(qn(tag)):
                props._element.remove(element)
        return
    moment = datetime.combine(meta.dated, time(0, 0))
    props.created = moment
    props.modified = moment
    props.last_printed = moment


def _document_defaults(doc, meta: DocumentMeta) -> None:  # type: ignore[no-untyped-def]
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _fonts(rpr, meta.font)
    half_points = str(round(meta.size * 2))
    for tag in ("w:sz", "w:szCs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            rpr.append(element)
        element.set(qn("w:val"), half_points)
    _language(rpr, meta.language)
    spacing = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr") + "/" + qn("w:spacing"))
    if spacing is not None:  # the template's 10 pt after and 1.15 lines: single, none after
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")


def _font(style, name: str, size: float) -> None:  # type: ignore[no-untyped-def]
    style.font.name = name
    style.font.size = Pt(size)
    _fonts(style.element.get_or_add_rPr(), name)


def _plain_heading(style, name: str, size: float) -> None:  # type: ignore[no-untyped-def]
    """Word's Title and Headings, in the body font, black, bold, centred, no rule."""
    _font(style, name, size)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:color", "w:spacing", "w:kern"):
        for element in rpr.findall(qn(tag)):
            if tag != "w:color":
                rpr.remove(element)
            else:
                for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
                    element.attrib.pop(qn(attribute), None)
    ppr = style.element.get_or_add_pPr()
    _drop(ppr, "w:pBdr")
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(2)
    fmt.keep_with_next = True


def _fonts(rpr, name: str) -> None:  # type: ignore[no-untyped-def]
    """One named font for every script, instead of the theme's (Calibri/Cambria)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _language(rpr, language: str) -> None:  # type: ignore[no-untyped-def]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def _theme_language(doc, language: str) -> None:  # type: ignore[no-untyped-def]
    """settings.xml's theme font language, which Word also offers as the proofing one."""
    settings = doc.settings.element
    element = settings.find(qn("w:themeFontLang"))
    if element is None:
        element = OxmlElement("w:themeFontLang")
        settings.append(element)
    element.set(qn("w:val"), language)
    element.attrib.pop(qn("w:eastAsia"), None)


def _drop(parent, tag: str) -> None:  # type: ignore[no-untyped-def]
    for element in parent.findall(qn(tag)):
        parent.remove(element)
