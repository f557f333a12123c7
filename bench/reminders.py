"""The reminder sweep (design.md §7): throughput with letters, cost vs size, peak memory.

1. A sweep issuing 10,000 due reminders, each with its letter written to a file, one
   transaction per reminder, against raw per-row transactions (update + insert): Markdown
   (bar >= 1/25) and Word reported apart; on SQLite and on PostgreSQL (raw psycopg loop).
2. 100,000 pending of which 1,000 due vs 1,000 pending all due (bar <= 1.5x), with the
   query plan of the claim.
3. Peak RSS of the `aksansi jobs sweep` process itself (VmHWM, bench/_peak.py) over
   100,000 reminders, with 1,000 due and with all due and their letters (bar < 200 MB).
4. One advance with 100,000 pending reminders vs with 1,000 (bar <= 1.2x).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from bench._common import (
    NOW,
    Run,
    aksansi,
    drop_pg,
    info,
    memory_bar,
    paired,
    pg_reachable,
    pg_scratch,
    run,
    sized,
    skipped,
    time_bar,
    worker,
)
from bench._data import copy_sqlite, pg_copy, pg_database, sqlite_url

DUE = date(2026, 11, 20)
LATER = date(2027, 6, 1)
SWEPT = sized(10_000, 20)
WORD_SWEPT = sized(200, 5)  # a Word letter costs some 100 ms (python-docx): 10,000 take hours
BIG = sized(100_000, 500)
SMALL = sized(1_000, 20)
# Issuing all 100,000 with their letters takes longer than the whole bench may (~20 min):
# the peak RSS of a sweep issuing everything is measured at this size unless asked for more.
ALL_DUE = int(os.environ.get("AKSANSI_BENCH_ALL_DUE") or sized(10_000, 50))
FORMATS = {"md": "Markdown", "docx": "Word"}
PROFILE = {
    "org.address": "Jl. Contoh No. 1",
    "org.city": "Yogyakarta",
    "org.phone": "0274-000000",
    "org.email": "sekretariat@aksansi.test",
    "signatory.name": "Dr. Sri Rahayu",
    "signatory.position": "Ketua Umum",
}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="aksansi-bench-") as folder:
        root = Path(folder)
        _SEEDED[:] = [root / "seeded.sqlite3"]
        seeded(sqlite_url(_SEEDED[0]))
        _throughput_sqlite(root)
        _cost_vs_size(root)
        _memory(root)
        _advance_vs_pending(root)
    _throughput_postgresql()


def seeded(url: str) -> str:
    """A new database with the seed portfolio and the letters' profile."""
    from workflow.infrastructure import db, schema
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio
    from workflow.services.settings import set_setting

    schema.upgrade(url)
    seed_portfolio(UnitOfWork(url), actor="bench")
    for key, value in PROFILE.items():
        set_setting(UnitOfWork(url), key, value, actor="bench")
    db.dispose(url)
    return url


def build(target: Path | str, *, due: int, later: int, letter: str | None) -> str:
    """A seeded database with `due` reminders due and `later` not yet due: a copy of the
    module's seeded SQLite file (`target` a path), or a new PostgreSQL database (a URL)."""
    url = copy_sqlite(_SEEDED[0], target) if isinstance(target, Path) else seeded(target)
    add_reminders(url, due=due, later=later, letter=letter)
    return url


_SEEDED: list[Path] = []


def add_reminders(url: str, *, due: int, later: int, letter: str | None) -> None:
    from sqlalchemy import insert, select

    from workflow.domain import clock
    from workflow.infrastructure import db
    from workflow.infrastructure.models import Region, Reminder

    with db.engine_for(url).begin() as conn:
        regions = list(conn.scalars(select(Region.id).order_by(Region.id)))
        stamp = clock.utcnow()
        rows = [
            {
                "region_id": regions[n % len(regions)],
                "trigger": "manual",
                "text": f"R{n}",
                "letter_kind": letter,
                "letter_extra": {},
                "step": 1,
                "base_on": DUE,
                "due_on": DUE if n < due else LATER,
                "status": "pending",
                "created_at": stamp,
            }
            for n in range(due + later)
        ]
        for start in range(0, len(rows), 10_000):
            conn.execute(insert(Reminder), rows[start : start + 10_000])
    db.dispose(url)


def _env(root: Path) -> dict[str, str]:
    return {"AKSANSI_NOW": NOW, "AKSANSI_OUTPUT_DIR": str(root / "out")}


def _letters_written(root: Path, fmt: str) -> int:
    out = root / "out"
    count = sum(1 for _ in out.rglob(f"*.{fmt}")) if out.exists() else 0
    shutil.rmtree(out, ignore_errors=True)
    return count


def _throughput_sqlite(root: Path) -> None:
    template = root / "due.sqlite3"
    for fmt, name in FORMATS.items():
        swept = SWEPT if fmt == "md" else WORD_SWEPT
        build(template, due=swept, later=0, letter="audiensi_request")
        files: list[int] = []

        def ours(fmt: str = fmt, files: list[int] = files, swept: int = swept) -> Run:
            url = copy_sqlite(template, root / "run.sqlite3")
            measured = run(worker("sweep", url, fmt, str(swept)), env=_env(root), inner=True)
            files.append(_letters_written(root, fmt))
            return measured

        def raw(swept: int = swept) -> Run:
            path = root / "raw.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return run(worker("raw-sweep", str(path), str(swept)), inner=True)

        floors, subjects = paired(raw, ours)
        time_bar(
            f"sweep issuing {swept:,} reminders with {name} letters ({min(files):,} .{fmt} "
            "files per run), one tx each (SQLite)",
            "raw sqlite3, update+insert per tx",
            floors,
            subjects,
            at_most=25 if fmt == "md" else None,
            bar=">= 1/25" if fmt == "md" else "none: reported",
            per_second=swept,
        )


def _throughput_postgresql() -> None:
    why = pg_reachable()
    if why is not None:
        skipped(f"sweep of {SWEPT:,} on PostgreSQL: the server is unreachable ({why})")
        return
    with (
        tempfile.TemporaryDirectory(prefix="aksansi-bench-") as folder,
        pg_database("sweep") as template,
    ):
        root = Path(folder)
        build(template, due=SWEPT, later=0, letter="audiensi_request")

        def ours() -> Run:
            url = pg_copy(template, "run")
            try:
                return run(worker("sweep", url, "md", str(SWEPT)), env=_env(root), inner=True)
            finally:
                _letters_written(root, "md")
                drop_pg(url)

        def raw() -> Run:
            url = pg_scratch("raw")
            try:
                return run(worker("raw-sweep", url, str(SWEPT)), inner=True)
            finally:
                drop_pg(url)

        floors, subjects = paired(raw, ours)
    time_bar(
        f"sweep issuing {SWEPT:,} reminders with Markdown letters, one tx each (PostgreSQL)",
        "raw psycopg, update+insert per tx",
        floors,
        subjects,
        at_most=25,
        bar=">= 1/25",
        per_second=SWEPT,
    )


def _cost_vs_size(root: Path) -> None:
    small = root / "small.sqlite3"
    big = root / "big.sqlite3"
    build(small, due=SMALL, later=0, letter=None)
    build(big, due=SMALL, later=BIG - SMALL, letter=None)

    def sweep(template: Path) -> Run:
        url = copy_sqlite(template, root / "run.sqlite3")
        return run(worker("sweep", url, "", str(SMALL)), env=_env(root), inner=True)

    floors, subjects = paired(lambda: sweep(small), lambda: sweep(big))
    time_bar(
        f"sweep of {SMALL:,} due among {BIG:,} pending (no letters)",
        f"{SMALL:,} pending all due",
        floors,
        subjects,
        at_most=1.5,
        bar="<= 1.5x",
    )
    _plan(sqlite_url(big))


def _plan(url: str) -> None:
    from sqlalchemy.dialects import sqlite as dialect

    from workflow.domain.reminders.issuing import due_query

    statement = due_query(date(2026, 11, 27))
    sql = str(statement.compile(dialect=dialect.dialect(), compile_kwargs={"literal_binds": True}))
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        plan = conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    info("query plan of the claim (SQLite): " + " / ".join(str(row[-1]) for row in plan))


def _memory(root: Path) -> None:
    """`aksansi jobs sweep` in a process of its own: its own peak RSS (VmHWM)."""
    few = root / "few-due.sqlite3"
    build(few, due=SMALL, later=BIG - SMALL, letter=None)
    runs = [_jobs_sweep(copy_sqlite(few, root / "run.sqlite3"), root) for _ in range(3)]
    memory_bar(
        f"`aksansi jobs sweep` over {BIG:,} reminders, {SMALL:,} due",
        runs,
        below_mb=200,
        bar="< 200 MB",
    )
    for fmt, due, bar in (("md", ALL_DUE, 200), ("docx", WORD_SWEPT, None)):
        all_due = root / f"all-due-{fmt}.sqlite3"
        url = build(all_due, due=due, later=0, letter="audiensi_request")
        _letter_formats(url, fmt)  # the default is Word: each run says which it writes
        every = _jobs_sweep(url, root)
        files = _letters_written(root, fmt)
        size = "; AKSANSI_BENCH_ALL_DUE=100000 for the full size" if fmt == "md" else ""
        memory_bar(
            f"`aksansi jobs sweep` issuing all {due:,} due with their {FORMATS[fmt]} letters "
            f"({files:,} .{fmt} files, {every.seconds:.0f} s; one run{size})",
            [every],
            below_mb=bar,
            bar="< 200 MB" if bar else "none: reported",
        )


def _letter_formats(url: str, fmt: str) -> None:
    from workflow.infrastructure import db
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.settings import set_setting

    set_setting(UnitOfWork(url), "letter.formats", fmt, actor="bench")
    db.dispose(url)


def _jobs_sweep(url: str, root: Path) -> Run:
    return run([*aksansi(), "jobs", "sweep"], env={**_env(root), "AKSANSI_DB": url}, memory=True)


def _advance_vs_pending(root: Path) -> None:
    """One advance (median of hold/resume pairs inside the worker), 1,000 vs 100,000 pending."""
    small = root / "advance-small.sqlite3"
    big = root / "advance-big.sqlite3"
    build(small, due=0, later=SMALL, letter=None)
    build(big, due=0, later=BIG, letter=None)
    inside = str(sized(50, 5))

    def advance(template: Path) -> Run:
        url = copy_sqlite(template, root / "run.sqlite3")
        return run(worker("one-advance", url, inside), env={"AKSANSI_NOW": NOW}, inner=True)

    floors, subjects = paired(lambda: advance(small), lambda: advance(big))
    time_bar(
        f"one advance with {BIG:,} pending reminders (median of {inside} hold/resume pairs)",
        f"with {SMALL:,}",
        floors,
        subjects,
        at_most=1.2,
        bar="<= 1.2x",
    )
