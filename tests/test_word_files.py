"""Word files that behave like Word files: named styles, the configured font, Indonesian
proofing on every style, and core properties that tell who wrote it, when, about what."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from documents.meta import DocumentMeta
from workflow.infrastructure.unit_of_work import UnitOfWork

PROFILE = {
    "org.name": "Sekretariat AKSANSI Uji",
    "org.address": "Jl. Contoh Nomor 1, Yogyakarta",
    "org.city": "Yogyakarta",
    "signatory.name": "Penanda Tangan Uji",
    "signatory.position": "Koordinator Sekretariat AKSANSI",
}


def _docx(markdown: str, meta: DocumentMeta) -> docx.document.Document:
    from documents.docx import to_docx

    return docx.Document(io.BytesIO(to_docx(markdown, meta.title, meta)))


def _styles_xml(document: docx.document.Document) -> str:
    buffer = io.BytesIO()
    document.save(buffer)
    return zipfile.ZipFile(buffer).read("word/styles.xml").decode("utf-8")


def test_every_block_is_in_a_named_style() -> None:
    markdown = "# KESEPAKATAN BERSAMA\n\n## TENTANG\n\n### Pasal 1\n\nIsi.\n\n1. satu;\n2. dua.\n"
    document = _docx(markdown, DocumentMeta(title="Uji"))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles == [
        ("Title", "KESEPAKATAN BERSAMA"),
        ("Heading 1", "TENTANG"),
        ("Heading 2", "Pasal 1"),
        ("Normal", "Isi."),
        ("List Number", "1.\tsatu;"),
        ("List Number", "2.\tdua."),
    ]
    # Word's own numbering is off: the label is the text, never "1. 1. satu".
    assert document.styles["List Number"].element.pPr.find(qn("w:numPr")) is None


def test_headings_are_black_in_the_body_font_without_the_template_rule() -> None:
    document = _docx("# JUDUL\n", DocumentMeta(title="Uji", font="Arial", size=12))
    title = document.styles["Title"]
    assert title.font.name == "Arial"
    assert str(title.font.color.rgb) == "000000"
    assert title.element.pPr.find(qn("w:pBdr")) is None


def test_font_and_language_on_defaults_and_every_style() -> None:
    document = _docx("Isi.\n", DocumentMeta(title="Uji", font="Times New Roman", size=11.5))
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Times New Roman", 11.5)
    styles_xml = _styles_xml(document)
    assert "en-US" not in styles_xml
    for style in document.styles:
        rpr = style.element.rPr
        lang = None if rpr is None else rpr.find(qn("w:lang"))
        if style.type in (1, 2, 3):  # paragraph, character, table
            assert lang is not None and lang.get(qn("w:val")) == "id-ID", style.name
    settings_lang = document.settings.element.find(qn("w:themeFontLang"))
    assert settings_lang.get(qn("w:val")) == "id-ID"


def test_core_properties_tell_the_truth() -> None:
    meta = DocumentMeta(title="Permohonan Audiensi", author="AKSANSI", dated=date(2026, 11, 27))
    props = _docx("Isi.\n", meta).core_properties
    moment = datetime(2026, 11, 27, tzinfo=UTC)
    assert (props.author, props.last_modified_by) == ("AKSANSI", "AKSANSI")
    assert (props.created, props.modified) == (moment, moment)
    assert (props.title, props.language, props.revision) == ("Permohonan Audiensi", "id-ID", 1)
    assert "python-docx" not in (props.comments + props.author)


def test_an_undated_document_claims_no_2013_date() -> None:
    props = _docx("Isi.\n", DocumentMeta(title="Uji")).core_properties
    assert props.created is None and props.modified is None


@pytest.fixture
def profile(sqlite_url: str) -> str:
    from workflow.services.seed import seed_portfolio
    from workflow.services.settings import set_setting

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    for key, value in PROFILE.items():
        set_setting(UnitOfWork(sqlite_url), key, value, actor="tester")
    return sqlite_url


def test_a_rendered_letter_carries_the_profile(cli, profile: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("config", "set", "letter.font", "Times New Roman 12").exit_code == 0
    target = tmp_path / "surat.docx"
    result = cli(
        "letter", "render", "temanggung", "audiensi_request", "--format", "docx", "-o", str(target)
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    props = document.core_properties
    assert props.author == PROFILE["org.name"]
    assert props.title == "Permohonan Audiensi"
    assert props.created == datetime(2026, 11, 27, tzinfo=UTC)
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert "List Number" in {p.style.name for p in document.paragraphs}


@pytest.mark.parametrize("font", ["Arial", "Arial 40", "12 Arial", ""])
def test_a_bad_letter_font_is_refused(cli, profile: str, font: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("config", "set", "letter.font", font)
    assert result.exit_code == 1
    assert cli("config", "get", "letter.font").output.split()[-1] == "12"
