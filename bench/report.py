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
from pathlib import Path

from bench._common import aksansi, report, timed, wall
from bench._data import TEN_YEARS, walk_history

NOW = "2026-11-27T09:00:00+07:00"
IMPORTED = "2016-11-27T09:00:00+07:00"
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
    """Each region walks ten years from the import day, through the lifecycle's own checks."""
    transitions, regions = walk_history(db, TEN_YEARS, BLOCKERS)
    return transitions, BLOCKERS, regions


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
