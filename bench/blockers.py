"""Blocker read commands over the national portfolio with a busy log, against the import floor.

514 regions (when the national list is at hand; else the 8 seed regions), 3,000 blockers
spread over them, two in three resolved. Bar: read commands ≤ 1.3× the floor of
`python -c "import sqlalchemy.orm, click"` (design.md §7).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench._common import aksansi, report, timed, wall

BLOCKERS = 3_000
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
        env = {"AKSANSI_DB": db, "AKSANSI_NOW": "2026-11-27T09:00:00+07:00"}
        full = {**os.environ, **env}
        subprocess.run([*aksansi(), "init", "--seed"], check=True, capture_output=True, env=full)
        if NATIONAL is not None:
            subprocess.run(
                [*aksansi(), "region", "import", str(NATIONAL)],
                check=True,
                capture_output=True,
                env=full,
            )
        seconds = timed(lambda: _fill(db))
        print(
            f"logged {BLOCKERS} blockers with their audit rows in one transaction: {seconds:.2f} s"
        )
        _read_commands(env)


def _fill(db: str) -> None:
    """Open (and resolve two in three of) BLOCKERS blockers through the real helpers."""
    from sqlalchemy import select

    from states.blockers import BLOCKER_TYPE_IDS
    from workflow.domain.blockers.log import open_blocker, resolve_blocker_row
    from workflow.infrastructure.models import Region
    from workflow.infrastructure.unit_of_work import UnitOfWork

    os.environ["AKSANSI_NOW"] = "2026-11-27T09:00:00+07:00"
    start = date(2025, 1, 1)
    with UnitOfWork(db) as uow:
        regions = list(uow.session.scalars(select(Region).order_by(Region.code)))
        for i in range(BLOCKERS):
            region = regions[i % len(regions)]
            kind = BLOCKER_TYPE_IDS[i % len(BLOCKER_TYPE_IDS)]
            opened = start + timedelta(days=i % 600)
            blocker = open_blocker(uow.session, region, kind, note=None, on=opened, actor="bench")
            if i % 3:
                day = opened + timedelta(days=i % 90)
                resolve_blocker_row(uow.session, blocker, note=None, on=day, actor="bench")
        uow.commit()


def _read_commands(env: dict[str, str]) -> None:
    floor = wall([sys.executable, "-c", "import sqlalchemy.orm, click"])
    regions = "514" if NATIONAL is not None else "8"
    for args in (
        ["blocker", "stats"],
        ["blocker", "list", "--open"],
        ["blocker", "list", "--json"],
        ["board"],
        ["region", "list", "--json"],
    ):
        report(
            f"aksansi {' '.join(args)} ({regions} regions, {BLOCKERS} blockers)",
            wall([*aksansi(), *args], env=env),
            "import sqlalchemy.orm, click",
            floor,
            "<= 1.3x",
        )


if __name__ == "__main__":
    main()
