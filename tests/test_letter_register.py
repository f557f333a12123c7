"""`letter list`: the agenda surat keluar on screen, as CSV and as a workbook."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from secretariat import PROFILE


@pytest.fixture
def register(cli, seeded: str) -> str:  # type: ignore[no-untyped-def]
    """Three letters: Kediri 09-05, Temanggung 10-02 to a position that reads like a
    formula, Mojokerto 11-20."""
    for key, value in PROFILE.items():
        assert cli("config", "set", key, value).exit_code == 0
    for args in (
        ("kediri", "audiensi_request", "--on", "2026-09-05"),
        ("temanggung", "premonitoring_notice", "--to", "@SUM(1+1) Dinas", "--on", "2026-10-02"),
        ("mojokerto", "audiensi_request", "--on", "2026-11-20"),
    ):
        result = cli("letter", "render", *args)
        assert result.exit_code == 0, result.stderr
    return seeded


def test_the_register_on_screen_filters_by_period_and_region(cli, register: str) -> None:  # type: ignore[no-untyped-def]
    text = cli("letter", "list", "--from", "2026-10-01", "--to", "2026-11-30").stdout
    assert "001/SEK-AKSANSI/IX/2026" not in text
    assert "002/SEK-AKSANSI/X/2026" in text and "003/SEK-AKSANSI/XI/2026" in text
    only = cli("letter", "list", "--region", "kediri").stdout
    assert "001/SEK-AKSANSI/IX/2026" in only and "35.76" not in only
    assert max(len(line) for line in text.splitlines()) <= 80


def test_csv_has_the_agenda_columns_and_runs_no_formula(cli, register: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("letter", "list", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Nomor", "Tanggal", "Daerah", "Kepada", "Hal", "Jenis", "Dibatalkan"]
    assert rows[1][:3] == ["001/SEK-AKSANSI/IX/2026", "2026-09-05", "Kota Kediri"]
    assert rows[1][3] == "Wali Kota Kediri" and rows[1][4] == "Permohonan Audiensi"
    addressee = rows[2][3]
    assert addressee.startswith("'@SUM(1+1) Dinas")  # shown as text by a spreadsheet
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_neutralising_covers_every_formula_start() -> None:
    from documents.register import neutralised

    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert neutralised(text) == "'" + text
    assert neutralised("045/SEK-AKSANSI/XI/2026") == "045/SEK-AKSANSI/XI/2026"


def test_xlsx_is_the_secretariats_register(cli, register: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    target = tmp_path / "agenda.xlsx"
    result = cli("letter", "list", "--format", "xlsx", "--to", "2026-10-31", "-o", str(target))
    assert result.exit_code == 0 and "2 letters" in result.stdout, result.stderr
    sheet = openpyxl.load_workbook(target)["Agenda surat keluar"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G3"
    assert sheet["B2"].is_date and sheet["B2"].value == datetime(2026, 9, 5)
    assert sheet["D3"].value.startswith("@SUM(1+1)") and sheet["D3"].data_type == "s"
    assert sheet.max_row == 3


def test_register_refusals(cli, register: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kept = tmp_path / "agenda.csv"
    kept.write_text("ours")
    refused = cli("letter", "list", "--format", "csv", "-o", str(kept))
    assert refused.exit_code == 1 and str(kept) in refused.stderr and kept.read_text() == "ours"
    assert cli("letter", "list", "--format", "csv", "-o", str(kept), "--overwrite").exit_code == 0
    assert kept.read_text().startswith("Nomor,Tanggal")
    for args, said in [
        (["--format", "ods"], "unknown format 'ods'; use one of: text, csv, xlsx"),
        (["--from", "2026-11-01", "--to", "2026-10-01"], "--from 2026-11-01 is after --to"),
    ]:
        result = cli("letter", "list", *args)
        assert result.exit_code == 1 and said in result.stderr, result.stderr
