"""The KSM pre-monitoring report as printed: LibreOffice turns the .docx into PDF (one run
for the module) and the pages are read back with `pdftotext -layout` and `pdfimages`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from _agreement_data import KSM_NAMES, SIGNATORY, prepare
from _print import body_lines, flat, libreoffice_pdfs, pdf_pages, split_words, tool

HEADER_WORDS = ("KSM", "Kelurahan/Desa", "Kelembagaan", "Teknis", "Keuangan")


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    from click.testing import CliRunner

    from cli import main

    work = tmp_path_factory.mktemp("report")
    database = work / "aksansi.sqlite3"
    shutil.copy(sqlite_template, database)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AKSANSI_DB", str(database))
        env.setenv("AKSANSI_NOW", "2026-11-27T09:00:00+07:00")
        env.setenv("AKSANSI_USER", "tester")
        env.setenv("AKSANSI_LANG", "en")
        env.setenv("AKSANSI_OUTPUT_DIR", str(work / "out"))
        env.delenv("AKSANSI_TEMPLATE_DIR", raising=False)
        prepare(str(database), work)
        target = work / "laporan.docx"
        result = CliRunner().invoke(
            main,
            ["ksm", "report", "mojokerto", "--format", "docx", "-o", str(target)],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.stderr
    [pdf] = libreoffice_pdfs([target], work)
    return pdf


def _is_header(line: str) -> bool:
    return all(word in line for word in HEADER_WORDS)


def test_the_score_table_prints_whole(report_pdf: Path) -> None:
    pages = pdf_pages(report_pdf)
    text = "\n".join(pages)
    names = [part for row in KSM_NAMES for part in row[:2]]  # KSM and kelurahan
    assert split_words(names, text) == []  # no word broken inside a cell
    with_table = [n for n, page in enumerate(pages) if any(map(_is_header, page.splitlines()))]
    assert with_table, "the score table's header row is printed"
    for number in with_table:
        lines = body_lines(pages[number])
        assert not _is_header(lines[-1]), f"the header row alone at the foot of page {number + 1}"


def test_pages_letterhead_signature_and_chart(report_pdf: Path) -> None:
    pages = pdf_pages(report_pdf)
    total = len(pages)
    assert f"Halaman 1 dari {total}" in pages[0]
    assert all(f"Halaman {n} dari {total}" in page for n, page in enumerate(pages, start=1))
    first = flat(pages[0])
    assert first.startswith("ASOSIASI KSM SANITASI SELURUH INDONESIA (AKSANSI)")
    assert "LAPORAN HASIL PRE-MONITORING KSM KOTA MOJOKERTO" in first
    assert SIGNATORY in pages[-1] and "Yogyakarta, 27 November 2026" in pages[-1]
    tool("pdfimages")
    listed = subprocess.run(
        ["pdfimages", "-list", str(report_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = [line.split() for line in listed if line.split()[2] == "image"]
    assert len(images) == 1, "the chart is in the printed report"
    x_ppi, y_ppi = int(images[0][12]), int(images[0][13])
    assert min(x_ppi, y_ppi) >= 200
