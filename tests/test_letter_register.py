"""`letter list`: the agenda surat keluar on screen, as CSV and as a workbook."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from secretariat import PROFILE

KEDIRI, TEMANGGUNG = "001/SEK-AKSANSI/IX/2026", "002/SEK-AKSANSI/X/2026"
MOJOKERTO = "003/SEK-AKSANSI/XI/2026"
HEADERS = ["Nomor", "Tanggal", "Daerah", "Kepada", "Hal", "Jenis", "Tanggal kirim"]
HEADERS += ["Dikirim melalui", "Dibatalkan"]


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


@pytest.fixture
def sent(cli, register: str) -> str:  # type: ignore[no-untyped-def]
    """Kediri's letter delivered by hand on 09-07, Mojokerto's couriered on 11-23, and
    Temanggung's void."""
    for args in (
        ("letter", "sent", KEDIRI, "--on", "2026-09-07", "--via", "hand"),
        ("letter", "sent", MOJOKERTO, "--on", "2026-11-23", "--via", "courier"),
        ("letter", "void", TEMANGGUNG, "--note", "tercetak dua kali"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, result.stderr
    return register


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
    assert rows[0] == HEADERS
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
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:I3"
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


def test_the_register_on_screen_says_when_and_how_each_letter_went(cli, sent: str) -> None:  # type: ignore[no-untyped-def]
    lines = cli("letter", "list").stdout.splitlines()
    assert lines[0].split() == ["Number", "Date", "Code", "Kind", "Void"]
    assert lines[1].split() == [KEDIRI, "2026-09-05", "35.71", "audiensi_request"]
    assert lines[2] == "    sent on 2026-09-07, by hand"
    assert lines[3].split() == [TEMANGGUNG, "2026-10-02", "33.23", "premonitoring_notice", "void"]
    assert lines[5] == "    sent on 2026-11-23, by courier"
    assert max(len(line) for line in lines) <= 80


def test_the_register_on_screen_in_indonesian(cli, sent: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AKSANSI_LANG", "id")
    lines = cli("letter", "list").stdout.splitlines()
    assert lines[2] == "    dikirim 2026-09-07, diantar langsung"
    assert lines[3].split()[-1] == "dibatalkan"
    assert max(len(line) for line in lines) <= 80


def test_json_carries_sent_on_via_and_void(cli, sent: str) -> None:  # type: ignore[no-untyped-def]
    import json

    found = {v["number"]: v for v in json.loads(cli("letter", "list", "--json").stdout)}
    picked = {n: (v["sent_on"], v["sent_via"], v["void"]) for n, v in found.items()}
    assert picked == {
        KEDIRI: ("2026-09-07", "hand", False),
        TEMANGGUNG: (None, None, True),
        MOJOKERTO: ("2026-11-23", "courier", False),
    }


def test_csv_read_back_has_sent_on_via_and_void(cli, sent: str) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(cli("letter", "list", "--format", "csv").stdout)))
    picked = [(r["Nomor"], r["Tanggal kirim"], r["Dikirim melalui"], r["Dibatalkan"]) for r in rows]
    assert picked == [
        (KEDIRI, "2026-09-07", "diantar langsung", ""),
        (TEMANGGUNG, "", "", "dibatalkan"),
        (MOJOKERTO, "2026-11-23", "kurir", ""),
    ]


def test_xlsx_read_back_is_typed(cli, sent: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    target = tmp_path / "agenda.xlsx"
    assert cli("letter", "list", "--format", "xlsx", "-o", str(target)).exit_code == 0
    sheet = openpyxl.load_workbook(target)["Agenda surat keluar"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.auto_filter.ref == "A1:I4"
    sent_on = sheet["G2"]
    assert sent_on.is_date and sent_on.value == datetime(2026, 9, 7)
    assert (sheet["H2"].value, sheet["H4"].value) == ("diantar langsung", "kurir")
    assert sheet["G3"].value is None and sheet["I3"].value == "dibatalkan"
    assert sheet["G4"].value == datetime(2026, 11, 23) and sheet["A4"].value == MOJOKERTO


def test_an_unknown_way_of_sending_is_refused(cli, register: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("letter", "sent", KEDIRI, "--via", "fax")
    assert result.exit_code == 1 and "--via 'fax' is not a way of sending" in result.stderr
    assert "courier" in result.stderr
    assert cli("letter", "list", "--json").stdout.count('"sent_on": null') == 3
