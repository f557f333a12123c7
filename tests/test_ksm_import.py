"""`ksm import`: good files go in whole and once; bad files are refused row by row."""

from __future__ import annotations

from pathlib import Path

import pytest
from _ksm_rows import failing_row, good_row, write_csv, write_xlsx
from sqlalchemy import func, select

from states.ksm_fields import COLUMN_NAMES
from workflow.infrastructure.models import Assessment, AuditEntry, Facility, Ksm
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.ksm_import import ImportRefused, import_ksm_file


def counts(url: str) -> dict[str, int]:
    with UnitOfWork(url) as uow:
        count = lambda model: uow.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        return {
            "ksm": count(Ksm),
            "facility": count(Facility),
            "assessment": count(Assessment),
            "audit": count(AuditEntry),
        }


def audit_kinds(url: str) -> list[str]:
    with UnitOfWork(url) as uow:
        return list(
            uow.session.scalars(
                select(AuditEntry.kind).where(AuditEntry.kind != "seed").order_by(AuditEntry.id)
            )
        )


def run_import(url: str, path: Path):  # type: ignore[no-untyped-def]
    return import_ksm_file(UnitOfWork(url), path, actor="tester")


GOOD_ROWS = [
    good_row(),
    failing_row(),
    good_row(
        nama_ksm="KSM Sido Rukun",
        jenis_sarana="mck_plus_sr",
        sr_desain="20",
        sr_terpasang="25",
        sr_aktif="25",
    ),  # a second facility; installed above design
    good_row(
        wilayah="Kulon Progo",
        nama_ksm="KSM Tirta",
        tingkat_penagihan_persen="72,5%",
        saldo_kas="2.500.000",
        tanggal_kunjungan="15/09/2026",
    ),
]


def test_good_csv_imports_once_and_reimport_changes_nothing(seeded: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ksm.csv", GOOD_ROWS)
    result = run_import(seeded, path)
    assert (result.ksm_added, result.facilities_added, result.assessments_recorded) == (3, 4, 4)
    assert result.regions == ["33.75", "34.01"]
    after_first = counts(seeded)
    assert after_first["ksm"] == 3 and after_first["assessment"] == 4
    assert audit_kinds(seeded).count("assessment_recorded") == 4
    assert audit_kinds(seeded).count("ksm_added") == 3

    again = run_import(seeded, path)
    assert (again.ksm_added, again.assessments_recorded, again.unchanged) == (0, 0, 4)
    assert counts(seeded) == after_first


def test_good_xlsx_imports_with_typed_cells(sqlite_url: str, tmp_path: Path) -> None:
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    result = run_import(sqlite_url, write_xlsx(tmp_path / "ksm.xlsx", GOOD_ROWS[:3]))
    assert (result.ksm_added, result.assessments_recorded) == (2, 3)
    with UnitOfWork(sqlite_url) as uow:
        visit = uow.session.scalars(select(Assessment).order_by(Assessment.id)).first()
        assert (visit.sr_aktif, visit.tingkat_penagihan_persen, visit.score_teknis) == (50, 85, 95)


def test_a_corrected_row_updates_its_visit(sqlite_url: str, tmp_path: Path) -> None:
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    run_import(sqlite_url, write_csv(tmp_path / "a.csv", [good_row()]))
    fixed = run_import(sqlite_url, write_csv(tmp_path / "b.csv", [good_row(sr_aktif="10")]))
    assert (fixed.assessments_recorded, fixed.assessments_updated) == (0, 1)
    assert audit_kinds(sqlite_url)[-1] == "assessment_updated"
    with UnitOfWork(sqlite_url) as uow:
        assert uow.session.scalars(select(Assessment.score_teknis)).one() == 75  # 10/60 SR


BAD_ROWS = [  # (row, line, column, words in the message)
    (good_row(wilayah="Atlantis"), "wilayah", "no region matches 'Atlantis'"),
    (good_row(nama_ksm="A", kapasitas_desain_kk="-5"), "kapasitas_desain_kk", "negative"),
    (good_row(nama_ksm="B", sr_aktif="70"), "sr_aktif", "more than the 58 installed"),
    (
        good_row(nama_ksm="C", tingkat_penagihan_persen="120"),
        "tingkat_penagihan_persen",
        "between 0 and 100",
    ),
    (good_row(nama_ksm="D", tanggal_kunjungan="2026-12-01"), "tanggal_kunjungan", "in the future"),
    (
        good_row(nama_ksm="E", status_fungsi="rusak"),
        "status_fungsi",
        "valid: berfungsi_baik, berfungsi_sebagian, tidak_berfungsi, mangkrak",
    ),
    (good_row(nama_ksm="F", saldo_kas="satu juta"), "saldo_kas", "text, not a number"),
    (good_row(nama_ksm="G", jenis_sarana=""), "jenis_sarana", "required"),
    (
        good_row(nama_ksm="H", rapat_anggota_terakhir="2026-10-05"),
        "rapat_anggota_terakhir",
        "after the visit",
    ),
    (good_row(nama_ksm="I", sr_terpasang="99999999999"), "sr_terpasang", "too large"),
    (good_row(), "nama_ksm", "repeats line 2"),
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_every_bad_row_is_reported_and_nothing_is_imported(
    db_url: str, tmp_path: Path, kind: str
) -> None:
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(db_url), actor="tester")
    before = counts(db_url)
    rows = [good_row()] + [row for row, _, _ in BAD_ROWS]
    writer = write_csv if kind == "csv" else write_xlsx
    with pytest.raises(ImportRefused) as refused:
        run_import(db_url, writer(tmp_path / f"bad.{kind}", rows))
    found = {(line, column): what for line, column, what in refused.value.problems}
    for line, (_, column, words) in enumerate(BAD_ROWS, start=3):
        assert words in found.get((line, column), ""), (line, column, found)
    assert len(refused.value.problems) == len(BAD_ROWS)
    assert counts(db_url) == before


def test_missing_and_unknown_columns_are_named(sqlite_url: str, tmp_path: Path) -> None:
    columns = [c for c in COLUMN_NAMES if c not in ("sr_aktif", "saldo_kas")] + ["sr_aktf"]
    path = write_csv(tmp_path / "old.csv", [good_row()], columns)
    with pytest.raises(ImportRefused) as refused:
        run_import(sqlite_url, path)
    problems = refused.value.problems
    assert (1, "sr_aktif, saldo_kas") in [(line, column) for line, column, _ in problems]
    assert any(
        column == "sr_aktf" and "did you mean 'sr_aktif'" in what for _, column, what in problems
    )


def test_merged_header_cells_are_refused(sqlite_url: str, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "merged.xlsx", [good_row()], merge="A1:C1")
    with pytest.raises(ImportRefused) as refused:
        run_import(sqlite_url, path)
    assert refused.value.problems == [(1, "A1:C1", refused.value.problems[0][2])]
    assert "merged" in refused.value.problems[0][2]
    assert counts(sqlite_url)["ksm"] == 0


def test_cli_reports_line_and_column_on_stderr(cli, seeded: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "bad.csv", [good_row(), good_row(nama_ksm="X", sr_aktif="99")])
    result = cli("ksm", "import", str(path))
    assert result.exit_code == 1
    assert "line 3, sr_aktif: 99 active connections is more than the 58 installed" in result.stderr
    assert "nothing was imported" in result.stderr
    good = write_csv(tmp_path / "good.csv", [good_row()])
    assert cli("ksm", "import", str(good)).exit_code == 0
    assert "0 visit(s) recorded" in cli("ksm", "import", str(good)).stdout


def test_excel_style_csv_with_semicolons_and_windows_encoding(
    sqlite_url: str, tmp_path: Path
) -> None:
    """Excel on an Indonesian Windows saves `;`-separated CSV in Windows-1252."""
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    row = good_row(nama_ksm="KSM Karya Bakti Café", tingkat_penagihan_persen="72,5")
    text = ";".join(COLUMN_NAMES) + "\r\n" + ";".join(row[c] for c in COLUMN_NAMES) + "\r\n"
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("cp1252"))
    assert run_import(sqlite_url, path).assessments_recorded == 1
    with UnitOfWork(sqlite_url) as uow:
        assert uow.session.scalars(select(Ksm.name)).one() == "KSM Karya Bakti Café"
        assert uow.session.scalars(select(Assessment.tingkat_penagihan_persen)).one() == 72.5
