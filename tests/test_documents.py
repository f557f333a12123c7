"""documents/: filters, the sandboxed environment, template overrides, HTML/Word output."""

from __future__ import annotations

import io
import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from babel.dates import format_date

from documents.errors import OutputProblem, TemplateProblem
from documents.filters import hari_tanggal, romawi, rupiah, tanggal
from documents.output import check_format, write_atomic, write_document
from documents.render import render_markdown
from documents.terbilang import terbilang, terbilang_rupiah

VECTORS = {
    0: "nol",
    11: "sebelas",
    12: "dua belas",
    21: "dua puluh satu",
    100: "seratus",
    111: "seratus sebelas",
    1_000: "seribu",
    1_100: "seribu seratus",
    11_000: "sebelas ribu",
    101_000: "seratus satu ribu",
    1_001_000: "satu juta seribu",
    1_250_500: "satu juta dua ratus lima puluh ribu lima ratus",
    150_000_000: "seratus lima puluh juta",
    1_000_000_000: "satu miliar",
    2026: "dua ribu dua puluh enam",
    # beyond domain.md §11.2: seribu after every larger group, miliar, triliun
    1_001_001_000: "satu miliar satu juta seribu",
    2_000_001_000: "dua miliar seribu",
    1_000_000_001_000: "satu triliun seribu",
    2_500_000_000_000: "dua triliun lima ratus miliar",
    201_000: "dua ratus satu ribu",
    1_000_001: "satu juta satu",
}


@pytest.mark.parametrize(("number", "words"), VECTORS.items())
def test_terbilang_vectors(number: int, words: str) -> None:
    assert terbilang(number) == words


def test_terbilang_rupiah_with_and_without_sen() -> None:
    assert terbilang_rupiah(150_000_000) == "seratus lima puluh juta rupiah"
    assert terbilang_rupiah(Decimal("1500.50")) == "seribu lima ratus rupiah lima puluh sen"
    assert terbilang_rupiah("1001000.05") == "satu juta seribu rupiah lima sen"


def test_rupiah_dates_and_roman_numerals() -> None:
    assert rupiah(150_000_000) == "Rp150.000.000,00"
    assert rupiah(Decimal("1234567.5")) == "Rp1.234.567,50"
    day = date(2026, 11, 27)
    assert tanggal(day) == "27 November 2026" == format_date(day, "d MMMM y", locale="id")
    assert hari_tanggal(day) == "Jumat, 27 November 2026" == format_date(day, "full", locale="id")
    assert tanggal(date(2027, 1, 4)) == "4 Januari 2027"
    assert [romawi(m) for m in (1, 4, 9, 11, 12)] == ["I", "IV", "IX", "XI", "XII"]


def _user_template(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / "tpl").mkdir(exist_ok=True)
    (tmp_path / "tpl" / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("AKSANSI_TEMPLATE_DIR", str(tmp_path / "tpl"))


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ pemda.nama.format.__globals__ }}",
    ],
)
def test_sandbox_refuses_reaching_python_internals(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, attack: str
) -> None:
    _user_template(monkeypatch, tmp_path, "evil.md.j2", attack)
    with pytest.raises(TemplateProblem) as refused:
        render_markdown("evil.md.j2", {"pemda": {"nama": "Mojokerto"}})
    assert "sandbox refuses" in str(refused.value) or "does not provide" in str(refused.value)
    assert "Traceback" not in str(refused.value)


def test_syntax_error_and_unknown_value_are_clear(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _user_template(monkeypatch, tmp_path, "broken.md.j2", "Yth. {{ pemda.nama \n")
    with pytest.raises(TemplateProblem, match=r"broken.md.j2, line \d+ has a syntax error"):
        render_markdown("broken.md.j2", {"pemda": {"nama": "X"}})
    _user_template(monkeypatch, tmp_path, "blank.md.j2", "Yth. {{ pejabat }}")
    with pytest.raises(TemplateProblem, match="'pejabat' is undefined"):
        render_markdown("blank.md.j2", {})


def test_user_template_overrides_the_built_in_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _user_template(monkeypatch, tmp_path, "_dasar_hukum.md.j2", "Dasar: {{ pemda.nama_lengkap }}")
    assert render_markdown("_dasar_hukum.md.j2", {"pemda": {"nama_lengkap": "Kota Kediri"}}) == (
        "Dasar: Kota Kediri"
    )


def test_values_cannot_inject_markup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _user_template(monkeypatch, tmp_path, "t.md.j2", "| Hal | {{ hal }} |\n")
    text = render_markdown("t.md.j2", {"hal": "A | **B** <script>"})
    page = _html(text)
    assert "<script>" not in page and "A | **B** &lt;script&gt;" in page


def _html(markdown: str) -> str:
    from documents.html import to_html

    return to_html(markdown)


def test_html_is_a_printable_indonesian_page() -> None:
    page = _html("# JUDUL\n\n::: right\nYogyakarta, 27 November 2026\n:::\n\n1. satu\n")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page
    assert "size: A4" in page and '<p class="right">Yogyakarta, 27 November 2026</p>' in page


def test_docx_has_a4_page_and_the_same_text(tmp_path: Path) -> None:
    markdown = "# JUDUL\n\nSatu **dua**\\\ntiga.\n\n| Nomor | : 001 |\n|---|---|\n"
    path = write_document(markdown, "docx", tmp_path / "a" / "x.docx")
    document = docx.Document(io.BytesIO(path.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert "JUDUL" in texts and "Satu dua\ntiga." in texts
    assert document.tables[0].rows[0].cells[1].text == ": 001"
    assert round(document.sections[0].page_width.cm, 1) == 21.0
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["x.docx"]  # no temp file left


def test_pdf_without_libreoffice_is_a_clear_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(OutputProblem, match="PDF needs LibreOffice"):
        check_format("pdf")
    with pytest.raises(OutputProblem, match="unknown format 'odt'"):
        check_format("odt")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_pdf_through_libreoffice(tmp_path: Path) -> None:
    path = write_document("# SURAT\n\nIsi surat.\n", "pdf", tmp_path / "s.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.pdf"]


@pytest.mark.parametrize("sync", [True, False])
def test_atomic_write_replaces_whole_file_and_leaves_no_temporary(
    tmp_path: Path, sync: bool
) -> None:
    target = tmp_path / "2026" / "33.75" / "001-SEK.md"
    write_atomic(target, b"old letter", sync=sync)
    write_atomic(target, b"new letter", sync=sync, overwrite=True)
    assert target.read_bytes() == b"new letter"
    assert [p.name for p in target.parent.iterdir()] == ["001-SEK.md"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


@pytest.mark.parametrize("sync", [True, False])
def test_atomic_write_never_replaces_a_file_without_overwrite(tmp_path: Path, sync: bool) -> None:
    target = tmp_path / "filled.csv"
    target.write_bytes(b"hand-filled field sheet")
    with pytest.raises(OutputProblem, match=r"filled\.csv already exists; pass --overwrite"):
        write_atomic(target, b"blank template", sync=sync)
    assert target.read_bytes() == b"hand-filled field sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["filled.csv"]


def test_atomic_write_steps_over_a_leftover_temporary_of_a_killed_writer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from documents import output

    monkeypatch.setattr(output, "_TEMP_SERIAL", iter(range(5)))
    target = tmp_path / "x.md"
    leftover = output._open_temp(target)
    os.close(leftover[0])
    monkeypatch.setattr(output, "_TEMP_SERIAL", iter(range(5)))  # the same names again
    write_atomic(target, b"letter", sync=False)
    assert target.read_bytes() == b"letter"
    assert leftover[1].exists()  # not ours to remove: another writer may own it


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
