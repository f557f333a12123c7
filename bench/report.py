"""The board's report over the national portfolio with ten years of history, against
the import floor.

The 514 regions of the national list (the bench is skipped without it), imported ten
years ago, each walked through the lifecycle since — audiences, pre-monitoring, KB,
PKS drafts sent back and forth, holds and resumes, declines and reopenings: some
16,000 transitions — plus 3,000 blockers. Timed as a user runs it: `report portfolio
--format json` (the figures: the few queries and the computation) and `--format html`
(the same with the three charts drawn by matplotlib). Floor: `python -c "import
sqlalchemy.orm, click"`; the read-command bar of design.md §7 is 1.3×.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench._common import aksansi, report, timed, wall

NOW = "2026-11-27T09:00:00+07:00"
IMPORTED = "2016-11-27T09:00:00+07:00"
BLOCKERS = 3_000
# One region's ten years: the events of its walk, one every ~110 days from the import.
WALK = [
    *("request_audiensi", "hold_audiensi", "start_premonitoring", "draft_mou", "sign_mou"),
    *("draft_moa", "submit_moa", "receive_response", "revise_moa", "submit_moa"),
    *("hold", "resume", "receive_response", "revise_moa", "submit_moa", "receive_response"),
    *("hold", "resume", "sign_moa", "start_implementation"),
    *("hold", "resume") * 6,
]
_HERE = Path(__file__).resolve()
NATIONAL = next(
    (
        p / "shared" / "data" / "wilayah_kabkota.csv"
        for p in (_HERE.parents[2], _HERE.parents[3])
        if (p / "shared" / "data" / "wilayah_kabkota.csv").exists()
    ),
    None,
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite3")
        env = {"AKSANSI_DB": db, "AKSANSI_NOW": NOW, "AKSANSI_OUTPUT_DIR": folder}
        full = {**os.environ, **env, "AKSANSI_NOW": IMPORTED}
        subprocess.run([*aksansi(), "init"], check=True, capture_output=True, env=full)
        if NATIONAL is None:
            print("skipped: the national list (shared/data/wilayah_kabkota.csv) is not at hand")
            return
        subprocess.run(
            [*aksansi(), "region", "import", str(NATIONAL)],
            check=True,
            capture_output=True,
            env=full,
        )
        rows: list[int] = []
        seconds = timed(lambda: rows.extend(_fill(db)))
        print(
            f"wrote ten years of history: {rows[0]} transitions, {rows[1]} blockers, "
            f"{rows[2]} regions in one transaction: {seconds:.2f} s"
        )
        _read_commands(env, rows[2], Path(folder))


def _fill(db: str) -> tuple[int, int, int]:
    """Each region walks WALK from the import day, through the lifecycle's own checks."""
    from sqlalchemy import select

    from states.blockers import BLOCKER_TYPE_IDS
    from workflow.domain import audit, lifecycle
    from workflow.domain.blockers.log import open_blocker, resolve_blocker_row
    from workflow.domain.guards import GuardContext
    from workflow.infrastructure.models import Region
    from workflow.infrastructure.unit_of_work import UnitOfWork

    os.environ["AKSANSI_NOW"] = NOW
    start, transitions = date(2016, 11, 27), 0
    with UnitOfWork(db) as uow:
        regions = list(uow.session.scalars(select(Region).order_by(Region.code)))
        for n, region in enumerate(regions):
            day = start
            for event in WALK:
                day += timedelta(days=95 + (n * 7 + transitions) % 21)
                ctx = GuardContext(region.name, region.code, event, note="bench", force=True)
                subject = lifecycle.Subject(region.state, region.held_from)
                before = region.state
                region.state = lifecycle.fire(subject, event, ctx)
                region.held_from = before if region.state == "on_hold" else None
                region.state_since = day
                audit.record(
                    uow.session,
                    region=region,
                    kind="transition",
                    actor="bench",
                    occurred_on=day,
                    event=event,
                    from_state=before,
                    to_state=region.state,
                )
                transitions += 1
        for i in range(BLOCKERS):
            region = regions[i % len(regions)]
            opened = start + timedelta(days=(i * 37) % 3500)
            kind = BLOCKER_TYPE_IDS[i % len(BLOCKER_TYPE_IDS)]
            blocker = open_blocker(uow.session, region, kind, note=None, on=opened, actor="bench")
            if i % 4:
                resolved = opened + timedelta(days=5 + i % 100)
                resolve_blocker_row(uow.session, blocker, note=None, on=resolved, actor="bench")
        uow.commit()
    return transitions, BLOCKERS, len(regions)


def _read_commands(env: dict[str, str], regions: int, folder: Path) -> None:
    floor = wall([sys.executable, "-c", "import sqlalchemy.orm, click"])
    what = f"{regions} regions, 10 years"
    for args in (
        ["report", "portfolio", "--format", "json"],
        ["report", "portfolio", "--format", "html", "-o", str(folder / "r.html"), "--overwrite"],
        ["board", "--as-of", "2026-09-30", "--json"],
    ):
        report(
            f"aksansi {' '.join(a for a in args if not a.startswith(str(folder)))} ({what})",
            wall([*aksansi(), *args], env=env, runs=5),
            "import sqlalchemy.orm, click",
            floor,
            "<= 1.3x" if "html" not in args else "charts: matplotlib's import on top",
        )


if __name__ == "__main__":
    main()
