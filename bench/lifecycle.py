"""Advances (design.md §7): 10,000 through the service layer against raw per-row
transactions, on SQLite and on PostgreSQL; one advance from the shell; why one shared
state machine.

The advances are spread over the 514 regions of the national list (hold, then resume,
each region in turn), so no region's audit log grows out of proportion. The floor does
the same per-row transactions (update the region, insert its audit row) on sqlite3 with
the product's connection settings, or in a plain psycopg loop. Every measured run starts
from a copy of the same database and runs in its own process.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench._common import (
    FAST_PAIRS,
    NOW,
    Run,
    aksansi,
    drop_pg,
    info,
    paired,
    pg_reachable,
    pg_scratch,
    python,
    run,
    sized,
    skipped,
    time_bar,
    timed,
    worker,
)
from bench._data import copy_sqlite, national, pg_copy, pg_database, sqlite_url

ADVANCES = sized(10_000, 300)
ENV = {"AKSANSI_NOW": NOW}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="aksansi-bench-") as folder:
        root = Path(folder)
        template = root / "national.sqlite3"
        national(sqlite_url(template))
        _many_advances_sqlite(template, root)
        _advance_from_shell(template, root)
    _many_advances_postgresql()
    _shared_machine_vs_one_per_region()


def _regions(url: str) -> int:
    from sqlalchemy import func, select

    from workflow.infrastructure import db
    from workflow.infrastructure.models import Region

    with db.engine_for(url).connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(Region)) or 0)


def _many_advances_sqlite(template: Path, root: Path) -> None:
    regions = _regions(sqlite_url(template))

    def ours() -> Run:
        url = copy_sqlite(template, root / "run.sqlite3")
        return run(worker("advance", url, str(ADVANCES)), env=ENV, inner=True)

    def raw() -> Run:
        path = root / "raw.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return run(worker("raw-advance", str(path), str(ADVANCES), str(regions)), inner=True)

    floors, subjects = paired(raw, ours)
    time_bar(
        f"{ADVANCES:,} advances over {regions} regions, service layer (SQLite)",
        "raw sqlite3, update+insert per tx",
        floors,
        subjects,
        at_most=25,
        bar=">= 1/25",
        per_second=ADVANCES,
    )


def _many_advances_postgresql() -> None:
    why = pg_reachable()
    if why is not None:
        skipped(f"{ADVANCES:,} advances on PostgreSQL: the server is unreachable ({why})")
        return
    with pg_database("adv") as template:
        national(template)
        regions = _regions(template)

        def ours() -> Run:
            url = pg_copy(template, "run")
            try:
                return run(worker("advance", url, str(ADVANCES)), env=ENV, inner=True)
            finally:
                drop_pg(url)

        def raw() -> Run:
            url = pg_scratch("raw")
            try:
                return run(worker("raw-advance", url, str(ADVANCES), str(regions)), inner=True)
            finally:
                drop_pg(url)

        floors, subjects = paired(raw, ours)
    time_bar(
        f"{ADVANCES:,} advances over {regions} regions, service layer (PostgreSQL)",
        "raw psycopg, update+insert per tx",
        floors,
        subjects,
        at_most=25,
        bar=">= 1/25",
        per_second=ADVANCES,
    )


def _advance_from_shell(template: Path, root: Path) -> None:
    """Hold/resume pairs on one region, each a full `aksansi advance` process."""
    url = copy_sqlite(template, root / "shell.sqlite3")
    env = {**ENV, "AKSANSI_DB": url}
    turn = iter(range(10**6))

    def advance() -> Run:
        args = ["hold", "--note", "bench"] if next(turn) % 2 == 0 else ["resume"]
        return run([*aksansi(), "advance", "35.76", *args], env=env)

    floors, subjects = paired(
        lambda: run([*python(), "-c", "import sqlalchemy.orm, click"]),
        advance,
        pairs=FAST_PAIRS + (FAST_PAIRS % 2),
        warm_up=True,
    )
    time_bar(
        "aksansi advance (one, from the shell, SQLite)",
        "import sqlalchemy.orm, click",
        floors,
        subjects,
        at_most=1.4,
        bar="<= 1.4x",
    )


def _shared_machine_vs_one_per_region(regions: int = 514) -> None:
    """Why one shared machine: the per-region alternative pays a Machine for every row loaded."""
    import tracemalloc

    from transitions import Machine

    from states import lifecycle as spec
    from workflow.domain import lifecycle
    from workflow.domain.guards import GuardContext

    ctx = GuardContext("Kota Contoh", "99.71", "draft_moa")
    rows = lifecycle.machine_transitions()

    def per_region() -> list[Machine]:
        return [
            Machine(
                model=lifecycle.Subject("mou_signed"),
                states=spec.STATE_IDS,
                transitions=rows,
                initial="mou_signed",
                auto_transitions=False,
                send_event=True,
            )
            for _ in range(regions)
        ]

    def shared() -> None:
        for _ in range(regions):
            lifecycle.fire(lifecycle.Subject("mou_signed"), "draft_moa", ctx)

    machines_time = timed(per_region)
    shared_time = timed(shared)
    tracemalloc.start()
    kept = per_region()
    machines_memory = tracemalloc.get_traced_memory()[0] / 1024 / 1024
    tracemalloc.stop()
    del kept
    info(
        f"{regions} regions: one Machine per region {machines_time * 1000:.0f} ms, "
        f"{machines_memory:.1f} MB just to build them | the shared machine firing one event "
        f"on each: {shared_time * 1000:.0f} ms | ratio {machines_time / shared_time:.1f}x"
    )
