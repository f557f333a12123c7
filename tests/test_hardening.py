"""What the hostile-input run found, each one refused in one sentence, exit 1, nothing
changed: text that is not UTF-8 or holds control characters, numbers beyond BIGINT,
days outside 1950–2100 (also AKSANSI_NOW), an absurd --every, a number format that
would repeat or reach an attribute, a template override that fails at run time, a
value too long for its column (the same on SQLite and PostgreSQL), KSM sheets with
oversized or undecodable cells."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from secretariat import set_profile

from tests._snapshot import db_rows, files_under
from workflow.infrastructure.unit_of_work import UnitOfWork


@pytest.fixture
def ready(seeded: str) -> str:
    """Seeded, the profile set, Kabupaten Sukoharjo's Kepala Dinas PUPR known."""
    from workflow.services.officials import set_official

    set_profile(seeded)
    set_official(
        UnitOfWork(seeded),
        "sukoharjo",
        position="Kepala Dinas PUPR",
        name="Pejabat Uji",
        actor="tester",
        since=date(2026, 1, 5),
    )
    return seeded


def _refused(url: str, folder: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run `aksansi ARGS`; assert exit 1, no traceback, no row or file changed; the error."""
    from cli import main

    rows, files = db_rows(url), files_under(folder)
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exit_code == 1, (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert db_rows(url) == rows and files_under(folder) == files
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["blocker", "add", "sukoharjo", "other", "--note", "a\udcffb"], {}, "not valid UTF-8"),
        (["--by", "\udcffana", "blocker", "add", "sukoharjo", "other"], {}, "--by"),
        (["blocker", "add", "sukoharjo", "other"], {"AKSANSI_USER": "\udcff"}, "AKSANSI_USER"),
        (["blocker", "add", "sukoharjo", "other", "--note", "bel\x07"], {}, "U+0007"),
        (["region", "set", "sukoharjo", "--seat", "Suko\x1b[31mharjo"], {}, "U+001B"),
        (["blocker", "void", str(2**63), "--note", "x"], {}, "out of range"),
        (["amend", "--note", "x", "--", str(-(2**63) - 1)], {}, "out of range"),
        (["board", "--as-of", "9999-12-31T23:59:59-12:00"], {}, "outside the days"),
        (["blocker", "add", "sukoharjo", "other", "--on", "0001-01-01"], {}, "outside the days"),
        (["board"], {"AKSANSI_NOW": "9999-12-31T23:59:59-12:00"}, "AKSANSI_NOW"),
        (["moa", "draft", "sukoharjo", "--budget", "9" * 40], {}, "more than Rp"),
    ],
)
def test_hostile_arguments_are_one_sentence(
    ready: str, tmp_path: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    assert expected in _refused(ready, tmp_path, *args, env=env)


def test_tab_and_newline_stay_in_a_note(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    added = cli("blocker", "add", "sukoharjo", "other", "--note", "baris satu\r\n\tbaris dua")
    assert added.exit_code == 0, added.output
    shown = cli("blocker", "show", "1", "--json")
    assert '"baris satu\\n\\tbaris dua"' in shown.output


def test_too_long_for_its_column_is_refused_alike_on_both_databases(
    ready: str, tmp_path: Path
) -> None:
    name = "N" * 200  # official.name is String(160)
    error = _refused(
        ready, tmp_path, "official", "set", "temanggung", "--position", "Sekda", "--name", name
    )
    assert "official.name is 200 characters long; it holds at most 160." in error


def test_a_budget_above_two_billion_rupiah_is_kept(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL's INTEGER stopped at Rp 2,147,483,647; the budget is a BIGINT now."""
    kb = ("--number-pemda", "180/1/2025", "--number-aksansi", "012/KB/VI/2025")
    assert cli("mou", "record", "sukoharjo", *kb, "--signed-on", "2025-06-05").exit_code == 0
    made = cli(
        "moa", "draft", "sukoharjo", "--subject", "IPAL", "--budget", "5.000.000.000", "--json"
    )
    assert made.exit_code == 0, made.output
    assert '"budget": 5000000000' in made.output


@pytest.mark.parametrize(
    ("number_format", "expected"),
    [
        ("{seq.__class__}/{year}", "{seq.__class__} is not a field"),
        ("{seq[0]}/{year}", "{seq[0]} is not a field"),
        ("{seq!r}/{year}", "formatted only with :spec"),
        ("{seq:0<3}/{year}", "gives 100/2026 both to letter 1 of 2026 and to letter 10"),
        ("{seq:>100000}/{year}", "a width or precision above 999"),
        ("{seq:c}/{year}", "control character U+0001"),
        ("{year}/{seq:.1}", "cannot be used"),
        ("{seq:>90}/{year}", "a letter number has 1 to 80"),
    ],
)
def test_a_number_format_is_tried_when_set(
    seeded: str, tmp_path: Path, number_format: str, expected: str
) -> None:
    error = _refused(seeded, tmp_path, "config", "set", "letter.number_format", number_format)
    assert expected in error


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{{ 1 // 0 }}", "failed (ZeroDivisionError"),
        ("{% for i in range(10**9) %}{% endfor %}", "asks for a range of 1,000,000,000 steps"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself without end"),
        ("{{ pemda() }}", "failed (TypeError"),
        ("{% for c in 5 %}{% endfor %}", "failed (TypeError"),
        ("{{ 'x' * 10**10 }}", "asks for a repetition"),
        ("{{ 'x'|center(10**9) }}", "asks for a size"),
        ("{{ 2 ** 100000 }}", "asks for the power"),
        (
            "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
            "more than 200,000 loop steps",
        ),
    ],
)
def test_a_template_that_fails_at_run_time_is_named_with_its_line(
    ready: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, expected: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "audiensi_request.md.j2").write_text("# Surat\n\n" + body + "\n", "utf-8")
    monkeypatch.setenv("AKSANSI_TEMPLATE_DIR", str(folder))
    error = _refused(ready, tmp_path, "letter", "render", "sukoharjo", "audiensi_request")
    assert f"the template {folder / 'audiensi_request.md.j2'}, line 3 " in error
    assert expected in error


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"kode_wilayah,nama_ksm\n33.11," + b"x" * 200_000 + b"\n",
            "field larger than field limit",
        ),
        (b"kode_wilayah,nama_ksm\n33.11,KSM \x81\x8d\n", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_a_ksm_sheet_that_cannot_be_read_is_one_sentence(
    seeded: str, tmp_path: Path, content: bytes, expected: str
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(content)
    assert expected in _refused(seeded, tmp_path, "ksm", "import", str(sheet))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("nan", "is not a number"), ("1e400", "is not a number"), ("KSM \x07", "U+0007")],
)
def test_bad_ksm_cells_are_reported(cell: str, expected: str) -> None:
    from states.ksm_fields import COLUMNS
    from workflow.domain.ksm.cells import CellError, parse_cell

    kinds = {"nan": "int", "1e400": "money", "KSM \x07": "text"}
    column = next(c for c in COLUMNS if c["type"] == kinds[cell])
    with pytest.raises(CellError, match=re.escape(expected)):
        parse_cell(column, cell, date(2026, 11, 27))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"kode,nama\n36.02," + b"L" * 200_000 + b"\n", "field larger than field limit"),
        (b"kode,nama\n36.02,Lebak\x07\n", "holds the character U+0007"),
    ],
)
def test_a_region_list_that_cannot_be_read_is_one_sentence(
    seeded: str, tmp_path: Path, content: bytes, expected: str
) -> None:
    listing = tmp_path / "wilayah.csv"
    listing.write_bytes(content)
    assert expected in _refused(seeded, tmp_path, "region", "import", str(listing))


def test_the_core_hot_paths_check_their_columns_too(ready: str, tmp_path: Path) -> None:
    """`advance` writes its audit row with a Core INSERT (no ORM flush): the same check."""
    error = _refused(
        ready, tmp_path, "--by", "B" * 100, "advance", "sukoharjo", "draft_moa", "--note", "x"
    )
    assert "audit_log.actor is 100 characters long; it holds at most 80." in error


def test_a_batch_is_refused_at_its_first_misfit_as_row_by_row() -> None:
    """The column-by-column pass over an executemany batch only says "fits"; on a doubt
    the rows are checked one by one, so the refusal names the first misfit."""
    from sqlalchemy import Table, insert

    from workflow.errors import InvalidInput
    from workflow.infrastructure.column_limits import check_statement
    from workflow.infrastructure.models import AuditEntry

    table: Table = AuditEntry.__table__  # type: ignore[assignment]

    def row(index: int, actor: str = "bench", details: object = None) -> dict[str, object]:
        return {"region_id": index, "kind": "note", "actor": actor, "details": details or {}}

    rows = [row(i, details={"n": i, "tags": ["a", "b"]}) for i in range(600)]
    check_statement(None, insert(table), rows, {}, None)  # type: ignore[arg-type]
    rows[400] = row(400, actor="B" * 100)
    rows[500] = row(500, details={"tags": ["ok", "nul\x00"]})
    with pytest.raises(InvalidInput, match=re.escape("audit_log.actor is 100 characters long")):
        check_statement(None, insert(table), rows, {}, None)  # type: ignore[arg-type]
    rows[400] = row(400)
    with pytest.raises(InvalidInput, match=re.escape("audit_log.details holds a NUL character")):
        check_statement(None, insert(table), rows, {}, None)  # type: ignore[arg-type]
    rows[500] = row(500, details={"n": 2**70})
    with pytest.raises(InvalidInput, match=re.escape(f"details {2**70} is out")):
        check_statement(None, insert(table), rows, {}, None)  # type: ignore[arg-type]
