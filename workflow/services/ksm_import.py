"""`ksm import FILE`: every row checked first; a good file goes in as one transaction.

A row is one visit to one facility of one KSM. Its natural key is (region, KSM name,
facility kind, visit day): importing the same file again changes nothing, and a
corrected row updates that visit (audit `assessment_updated`). Any problem in any
row refuses the whole file with the list of problems, line by line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from states.ksm_fields import COLUMN_NAMES
from workflow.domain import clock
from workflow.domain.ksm import registry
from workflow.domain.ksm.applying import Applier
from workflow.domain.ksm.cells import CheckedRow, check_row
from workflow.domain.ksm.sheet import read_sheet
from workflow.domain.regions import resolve
from workflow.errors import BadFile, DomainError
from workflow.i18n import _
from workflow.infrastructure.models import Region
from workflow.infrastructure.unit_of_work import UnitOfWork

SHOWN_PROBLEMS = 50


class ImportRefused(BadFile):
    """The file has problems; `problems` lists them (line, column, what is wrong)."""

    def __init__(self, file: str, problems: list[tuple[int, str, str]]) -> None:
        order = {name: index for index, name in enumerate(COLUMN_NAMES)}
        self.problems = sorted(problems, key=lambda p: (p[0], order.get(p[1], -1), p[2]))
        lines = [
            f"  line {line}, {column}: {what}"
            for line, column, what in self.problems[:SHOWN_PROBLEMS]
        ]
        if len(self.problems) > SHOWN_PROBLEMS:
            lines.append(f"  … and {len(self.problems) - SHOWN_PROBLEMS} more")
        rows = len({line for line, _, _ in self.problems})
        super().__init__(
            _(
                "{file}: {len} problem(s) in {rows} line(s); nothing was imported. Fix "
                "them and import the file again:\n"
            ).format(file=file, len=len(self.problems), rows=rows)
            + "\n".join(lines)
        )


@dataclass
class ImportResult:
    file: str
    rows: int
    ksm_added: int = 0
    facilities_added: int = 0
    assessments_recorded: int = 0
    assessments_updated: int = 0
    unchanged: int = 0
    regions: list[str] = field(default_factory=list)


def import_ksm_file(
    uow: UnitOfWork, path: Path, *, actor: str, dry_run: bool = False
) -> ImportResult:
    """Check every row, then write them all in one transaction (none with `dry_run`)."""
    sheet = read_sheet(path)
    if sheet.problems:
        raise ImportRefused(path.name, sheet.problems)
    if not sheet.rows:
        raise BadFile(
            _("{name} has a header but no rows; fill one row per KSM visit.").format(name=path.name)
        )
    today = clock.today()
    rows = [check_row(line, raw, today) for line, raw in sheet.rows]
    with uow:
        regions = _regions(uow.session, rows)
        problems = [(r.line, c, w) for r in rows for c, w in r.problems] + _duplicates(
            rows, regions
        )
        if problems:
            raise ImportRefused(path.name, problems)
        result = ImportResult(path.name, len(rows))
        Applier(uow.session, regions, actor, result, source=path.name).apply(rows)
        result.regions = sorted({regions[r.values["wilayah"]].code for r in rows})
        if not dry_run:
            uow.commit()
        return result


def _regions(session: Session, rows: list[CheckedRow]) -> dict[str, Region]:
    """Each distinct `wilayah` text → its region; an unknown one becomes a row problem."""
    found: dict[str, Region] = {}
    failed: dict[str, str] = {}
    for row in rows:
        text = row.values.get("wilayah")
        if text is None or text in found:
            continue
        if text not in failed:
            try:
                found[text] = resolve(session, text)
            except DomainError as exc:
                failed[text] = exc.message
        if text in failed:
            row.problems.append(("wilayah", failed[text]))
    return found


def _duplicates(rows: list[CheckedRow], regions: dict[str, Region]) -> list[tuple[int, str, str]]:
    seen: dict[tuple[Any, ...], int] = {}
    problems = []
    for row in rows:
        key = _natural_key(row, regions)
        if key is None:
            continue
        if key in seen:
            problems.append(
                (
                    row.line,
                    "nama_ksm",
                    _(
                        "repeats line {value} (same KSM, jenis_sarana and tanggal_kunjungan); "
                        "keep one of them"
                    ).format(value=seen[key]),
                )
            )
        seen.setdefault(key, row.line)
    return problems


def _natural_key(row: CheckedRow, regions: dict[str, Region]) -> tuple[Any, ...] | None:
    v = row.values
    if row.problems or v.get("wilayah") not in regions:
        return None
    return (
        regions[v["wilayah"]].id,
        registry.name_key(v["nama_ksm"]),
        v["jenis_sarana"],
        v["tanggal_kunjungan"],
    )
