"""The agreements as printed: LibreOffice turns the MoU and the PKS (with its annexes) into
PDF, Chromium prints the PKS's HTML, and the pages are read back with `pdftotext -layout`.

One LibreOffice run and one Chromium run for the whole module (they are slow to start).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from _agreement_data import HEAD_NAME, KSM_NAMES, SIGNATORY, budget_options, prepare
from _kb import NUMBER_AKSANSI, NUMBER_PEMDA
from _print import (
    body_lines,
    chromium_pdf,
    flat,
    libreoffice_pdfs,
    pdf_pages,
    split_words,
    stranded_pasal,
)

SUBJECT = "Penambahan Sambungan Rumah pada MCK Plus dan Pendampingan KSM"
BLANK_DATE = "Pada hari ini …… tanggal …… bulan …… tahun ……"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> dict[str, Path]:
    """mou.docx, moa.docx and moa.html for Kota Mojokerto, and their PDFs."""
    from click.testing import CliRunner

    from cli import main

    work = tmp_path_factory.mktemp("agreements")
    database = work / "aksansi.sqlite3"
    shutil.copy(sqlite_template, database)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AKSANSI_DB", str(database))
        env.setenv("AKSANSI_NOW", "2026-11-27T09:00:00+07:00")
        env.setenv("AKSANSI_USER", "tester")
        env.setenv("AKSANSI_OUTPUT_DIR", str(work / "out"))
        env.delenv("AKSANSI_TEMPLATE_DIR", raising=False)
        prepare(str(database), work)
        runner = CliRunner()
        files = {
            "mou": ("mou", "draft", "mojokerto", "--format", "docx"),
            "moa": ("moa", "draft", "mojokerto", "--subject", SUBJECT, *budget_options(),
                    "--format", "docx"),
            "html": ("moa", "draft", "mojokerto", "--format", "html"),
        }  # fmt: skip
        paths = {}
        for name, args in files.items():
            target = work / (f"{name}.html" if name == "html" else f"{name}.docx")
            result = runner.invoke(main, [*args, "-o", str(target)], catch_exceptions=False)
            assert result.exit_code == 0, result.stderr
            paths[name] = target
    mou_pdf, moa_pdf = libreoffice_pdfs([paths["mou"], paths["moa"]], work)
    return paths | {"mou_pdf": mou_pdf, "moa_pdf": moa_pdf}


@pytest.mark.parametrize("name", ["mou_pdf", "moa_pdf"])
def test_pages_are_numbered_and_no_pasal_is_stranded(printed: dict[str, Path], name: str) -> None:
    pages = pdf_pages(printed[name])
    total = len(pages)
    assert total >= 3
    assert f"Halaman 1 dari {total}" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in page
        assert "Paraf PIHAK KESATU" in page and "Paraf PIHAK KEDUA" in page
    assert stranded_pasal(pages) == []
    assert BLANK_DATE in flat(pages[0])
    last = pages[-1]
    assert HEAD_NAME in last and SIGNATORY in last
    assert any(HEAD_NAME in line and SIGNATORY in line for line in last.splitlines())


def test_the_pks_prints_with_its_annexes_and_the_kb(printed: dict[str, Path]) -> None:
    pages = pdf_pages(printed["moa_pdf"])
    text = flat("\n".join(pages))
    assert (
        f"Kesepakatan Bersama Nomor {NUMBER_PEMDA} dan Nomor {NUMBER_AKSANSI} tanggal 5 Juni 2025"
        in text
    )
    starts = {}
    for number, page in enumerate(pages, start=1):
        lines = body_lines(page)
        head = lines[0].strip() if lines else ""
        if re.fullmatch(r"LAMPIRAN I{1,3}", head):
            starts[head] = number
    assert list(starts) == ["LAMPIRAN I", "LAMPIRAN II", "LAMPIRAN III"]  # each on a new page
    for annex, first in starts.items():
        signed = pages[first - 1 :]
        end = next(i for i, page in enumerate(signed) if SIGNATORY in page)
        assert HEAD_NAME in signed[end], f"{annex} is signed by both parties"
    assert "Rp2.001.500.000,00" in text and "meterai Rp10.000" in text
    names = [part for row in KSM_NAMES for part in row[:3]]  # KSM, kelurahan, kecamatan
    assert split_words(names, text) == []


def test_chromium_prints_both_signature_columns(printed: dict[str, Path], tmp_path: Path) -> None:
    pdf = chromium_pdf(printed["html"], tmp_path / "moa-html.pdf", tmp_path)
    pages = pdf_pages(pdf)
    assert f"Halaman 1 dari {len(pages)}" in flat(pages[0])
    text = "\n".join(pages)
    assert SIGNATORY in text  # PIHAK KEDUA's column is printed
    assert any(HEAD_NAME in line and SIGNATORY in line for line in text.splitlines())
    assert stranded_pasal(pages) == []
    assert os.path.getsize(pdf) > 10_000
