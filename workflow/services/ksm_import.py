"""`ksm import FILE`: every row checked first; a good file goes in as one transaction.

A row is one visit to one facility of one KSM. Its natural key is (region, KSM name,
facility kind, visit day): importing the same file again changes nothing, and a
corrected row updates that visit (audit `assessment_updated`). Any problem in any
row refuses the whole file with the list of problems, line by line.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from states.ksm_fields import COLUMN_NAMES
from workflow.domain import clock
from workflow.domain.ksm.applying import Applier
from workflow.domain.ksm.cells import CheckedRow, RowChecker
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
    """Check every row, then write them all in one transaction (none with `dry_run`).

    The rows are read, checked and applied to plain records one at a time (nothing is
    written yet); once the whole file is known to be good, the records are written in
    batches (`Applier.write`)."""
    sheet = read_sheet(path)
    if sheet.problems:
        raise ImportRefused(path.name, sheet.problems)
    rows = iter(sheet.rows)
    first = next(rows, None)
    if first is None:
        raise BadFile(
            _("{name} has a header but no rows; fill one row per KSM visit.").format(name=path.name)
        )
    today = clock.today()
    with uow, _cycles_collected_after():
        result = ImportResult(path.name, 0)
        checks = _FileChecks(uow.session)
        applier = Applier(uow.session, actor, result, source=path.name)
        checker = RowChecker(today)
        codes: set[str] = set()
        for line, raw in itertools.chain([first], rows):
            result.rows += 1
            row = checker.check(line, raw)
            region = checks.region_of(row)
            if region is None:
                continue
            earlier = applier.apply_row(region.id, row.values, line)
            if earlier is not None:
                checks.problems.append((line, "nama_ksm", _repeats(earlier)))
            codes.add(region.code)
        if checks.problems:
            raise ImportRefused(path.name, checks.problems)
        applier.write()
        result.regions = sorted(codes)
        if not dry_run:
            uow.commit()
        return result


@contextmanager
def _cycles_collected_after() -> Iterator[None]:
    """The import keeps a few records per row until its write: Python's cycle collector,
    run every few hundred allocations, would walk them all again and again (~10% of the
    import's time). They are collected once it is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _FileChecks:
    """What a row cannot know alone: its region. Collects every problem of the file (line,
    column, what is wrong); a row naming the same visit as an earlier one (same KSM,
    facility and day) is found by `Applier.apply_row`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.found: dict[str, Region] = {}  # each distinct `wilayah` text → its region
        self.failed: dict[str, str] = {}  # … or why it names none
        self.problems: list[tuple[int, str, str]] = []

    def region_of(self, row: CheckedRow) -> Region | None:
        """The row's region, or None when the row has a problem (all of them are noted)."""
        self._resolve(row)
        if not row.problems:
            return self.found[row.values["wilayah"]]
        self.problems.extend((row.line, column, what) for column, what in row.problems)
        return None

    def _resolve(self, row: CheckedRow) -> None:
        text = row.values.get("wilayah")
        if text is None or text in self.found:
            return
        if text not in self.failed:
            try:
                self.found[text] = resolve(self.session, text)
            except DomainError as exc:
                self.failed[text] = exc.message
        if text in self.failed:
            row.problems.append(("wilayah", self.failed[text]))


def _repeats(line: int) -> str:
    return _(
        "repeats line {value} (same KSM, jenis_sarana and tanggal_kunjungan); keep one of them"
    ).format(value=line)
