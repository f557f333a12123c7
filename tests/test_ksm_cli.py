"""The `ksm` commands from the shell's point of view: add, list, show, template."""

from __future__ import annotations

import json
from pathlib import Path

from _ksm_rows import good_row, write_xlsx

from states.ksm_fields import COLUMN_NAMES


def test_template_xlsx_has_header_help_and_imports_once_filled(
    cli, seeded: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    path = tmp_path / "isian.xlsx"
    assert cli("ksm", "template", "-o", str(path)).exit_code == 0
    book = load_workbook(path)
    sheet = book["KSM"]
    assert [c.value for c in sheet[1]] == COLUMN_NAMES
    assert (
        "mangkrak" in sheet.cell(row=1, column=COLUMN_NAMES.index("status_fungsi") + 1).comment.text
    )
    help_rows = {row[0]: row for row in book["Petunjuk"].iter_rows(values_only=True) if row[0]}
    assert help_rows["jenis_sarana"][1] == "ya" and "ipal_komunal" in help_rows["jenis_sarana"][3]
    for value, name in zip(good_row().values(), COLUMN_NAMES, strict=True):
        sheet.cell(row=2, column=COLUMN_NAMES.index(name) + 1, value=value or None)
    book.save(path)
    checked = cli("ksm", "import", "--dry-run", str(path))
    assert "dry run, nothing written" in checked.stdout and "1 visit(s) recorded" in checked.stdout
    result = cli("ksm", "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "1 visit(s) recorded" in result.stdout


def test_csv_template_is_the_header_row(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "isian.csv"
    assert cli("ksm", "template", "-o", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8").strip() == ",".join(COLUMN_NAMES)


def test_add_list_show_and_the_incomplete_data_suggestion(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    added = cli(
        "ksm",
        "add",
        "mojokerto",
        "KSM Bina Lestari",
        "--desa",
        "Kedundung",
        "--facility",
        "mck_plus",
        "--sr-designed",
        "25",
        "--json",
    )
    assert added.exit_code == 0, added.stderr
    ksm_id = json.loads(added.stdout)["id"]
    again = cli("ksm", "add", "35.76", "ksm bina  lestari")
    assert again.exit_code == 1 and "already registered" in again.stderr
    listed = cli("ksm", "list", "--region", "mojokerto", "--json")
    assert [k["name"] for k in json.loads(listed.stdout)] == ["KSM Bina Lestari"]
    assert "blocker add 35.76 ksm_data_incomplete" in listed.stderr
    assert cli("blocker", "add", "35.76", "ksm_data_incomplete").exit_code == 0
    assert "ksm_data_incomplete" not in cli("ksm", "list", "--region", "35.76").stderr
    shown = json.loads(cli("ksm", "show", str(ksm_id), "--json").stdout)
    assert shown["facilities"][0]["sr_designed"] == 25
    assert shown["facilities"][0]["assessments"] == []
    assert cli("ksm", "show", "999").exit_code == 1


def test_history_rows_for_ksm_changes(cli, sqlite_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from workflow.infrastructure.models import AuditEntry
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    assert cli("ksm", "import", str(write_xlsx(tmp_path / "a.xlsx", [good_row()]))).exit_code == 0
    with UnitOfWork(sqlite_url) as uow:
        entries = uow.session.scalars(select(AuditEntry).where(AuditEntry.kind != "seed")).all()
        assert [e.kind for e in entries] == ["ksm_added", "assessment_recorded"]
        assert entries[0].details["facilities"] == ["ipal_komunal"]
        visit = entries[-1]
        assert visit.details["teknis"] == 95 and visit.details["rubric_version"] == "2026.1"
        assert visit.occurred_on.isoformat() == "2026-10-01"


def test_start_premonitoring_and_draft_mou_show_the_ksm_coverage(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("region", "add", "35.06", "Kabupaten Kediri").exit_code == 0
    assert cli("advance", "35.06", "hold-audiensi", "--on", "2026-11-02").exit_code == 0
    started = cli("advance", "35.06", "start-premonitoring", "--on", "2026-11-03")
    assert started.exit_code == 0, started.stderr
    assert "no KSM registered yet" in started.stdout
    added = cli(
        "ksm", "add", "35.06", "KSM Tirta", "--facility", "ipal_komunal", "--sr-designed", "40"
    )
    assert added.exit_code == 0
    drafted = cli("advance", "35.06", "draft-mou")
    assert "1 KSM (0 visited), 1 facility (0 assessed)" in drafted.stdout
    assert "consider the blocker ksm_data_incomplete" in drafted.stdout
    assert "KSM coverage" not in cli("advance", "35.06", "form-chapter").stdout


def test_a_value_too_long_for_its_column_refuses_the_whole_file(
    cli, seeded: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The batches go to the driver directly (`bulk.insert_rows`) and are checked as every
    INSERT is: one sentence, exit 1, nothing written, on SQLite and PostgreSQL alike."""
    from _ksm_rows import write_csv
    from _snapshot import db_rows

    rows = [good_row(nama_ksm=f"KSM Baris {i}") for i in range(1_200)]  # more than a batch
    rows[1_100] = good_row(nama_ksm="KSM " + "N" * 196)  # ksm.name is String(160)
    result = cli("ksm", "import", str(write_csv(tmp_path / "panjang.csv", rows)))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: ksm.name is 200 characters long; it holds at most 160."
    ]
    assert db_rows(seeded)["ksm"] == []
