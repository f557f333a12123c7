"""Read commands (design.md §7): each against `python -c "import sqlalchemy.orm, click"`,
paired, at 514 regions with ten years of history, and at 10x and 100x that history.

1x: the national list of 514 regions imported ten years ago, each walked through the
lifecycle since (some 16,000 transitions with their audit rows, through the lifecycle's
own checks), 3,000 blockers (three in four resolved) and 1,000 pending reminders due
later. 10x and 100x: the audit log and the resolved blockers copied 9 and 99 more times
(the same days, so every state, open blocker and figure on the screen stays the same),
and 10,000 / 100,000 pending reminders. The region shown by `history` keeps its own
rows, so its screen is the same at every size while the tables grow around it.
Bars: <= 1.3x the floor at 1x, <= 1.5x at 100x (10x is reported).
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench._common import (
    NOW,
    PAIRS,
    QUICK,
    Run,
    aksansi,
    info,
    paired,
    python,
    run,
    sized,
    time_bar,
)
from bench._data import TEN_YEARS, copy_sqlite, national, sqlite_url, walk_history

IMPORTED = "2016-11-27T09:00:00+07:00"
SHOWN = "35.76"  # the region of `history`
BLOCKERS = sized(3_000, 100)
REMINDERS = sized(1_000, 50)
SCALES = (1, 2) if QUICK else (1, 10, 100)
WALK = TEN_YEARS[: sized(32, 6)]
COMMANDS = (
    ("board",),
    ("board", "--as-of", "2026-09-30"),
    ("blocker", "stats"),
    ("blocker", "list", "--open"),
    ("remind", "list"),
    ("region", "list"),
    ("history", SHOWN),
    ("today",),
    ("report", "portfolio", "--format", "json"),
)
FLOOR = "import sqlalchemy.orm, click"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="aksansi-bench-reads-") as folder:
        root = Path(folder)
        base = root / "history-1x.sqlite3"
        national(sqlite_url(base), seed=False, now=IMPORTED)
        transitions = _walk(sqlite_url(base))
        info(
            f"history at 1x: {transitions:,} transitions, {BLOCKERS:,} blockers, "
            f"{REMINDERS:,} pending reminders over the national list"
        )
        for scale in SCALES:
            path = root / f"history-{scale}x.sqlite3"
            if scale != 1:
                copy_sqlite(base, path)
                _grow(path, scale)
            _measure(path if scale != 1 else base, scale, root)
            if scale != 1:
                path.unlink()


def _walk(url: str) -> int:
    """Each region walks WALK from the import day; then the blockers and the pending
    reminders."""
    from workflow.infrastructure import db

    transitions, _ = walk_history(url, WALK, BLOCKERS)
    _pending(url, REMINDERS)
    db.dispose(url)
    return transitions


def _pending(url: str, count: int, first: int = 0) -> None:
    from sqlalchemy import insert, select

    from workflow.domain import clock
    from workflow.infrastructure import db
    from workflow.infrastructure.models import Region, Reminder

    with db.engine_for(url).begin() as conn:
        regions = list(conn.scalars(select(Region.id).order_by(Region.id)))
        stamp = clock.utcnow()
        for start in range(first, first + count, 10_000):
            rows = [
                {
                    "region_id": regions[n % len(regions)],
                    "trigger": "manual",
                    "text": f"Follow-up {n}",
                    "letter_kind": None,
                    "letter_extra": {},
                    "step": 1,
                    "base_on": date(2026, 11, 20),
                    "due_on": date(2027, 1, 4) + timedelta(days=n % 180),
                    "status": "pending",
                    "created_at": stamp,
                }
                for n in range(start, min(start + 10_000, first + count))
            ]
            conn.execute(insert(Reminder), rows)
    db.dispose(url)


_COPIED_AUDIT = (
    "region_id, kind, occurred_on, recorded_at, actor, event, from_state, to_state, note, details"
)
_COPIED_BLOCKER = (
    "region_id, type, note, opened_on, opened_by, automatic, resolved_on, resolved_by, "
    "resolution_note, created_at"
)


def _grow(path: Path, scale: int) -> None:
    """The audit log and the resolved blockers `scale` times (the shown region's kept as
    they are), and `scale` times the pending reminders."""
    with sqlite3.connect(path) as conn:
        keep = conn.execute("SELECT id FROM region WHERE code = ?", (SHOWN,)).fetchone()[0]
        last_audit = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        last_blocker = conn.execute("SELECT max(id) FROM blocker").fetchone()[0]
        for _ in range(scale - 1):
            conn.execute(
                f"INSERT INTO audit_log ({_COPIED_AUDIT}) SELECT {_COPIED_AUDIT} FROM audit_log "
                "WHERE id <= ? AND region_id IS NOT NULL AND region_id != ? ORDER BY id",
                (last_audit, keep),
            )
            conn.execute(
                f"INSERT INTO blocker ({_COPIED_BLOCKER}) SELECT {_COPIED_BLOCKER} FROM blocker "
                "WHERE id <= ? AND resolved_on IS NOT NULL AND region_id != ? ORDER BY id",
                (last_blocker, keep),
            )
        conn.commit()
    conn.close()
    _pending(sqlite_url(path), REMINDERS * (scale - 1), first=REMINDERS)
    with sqlite3.connect(path) as conn:
        conn.execute("ANALYZE")
    conn.close()


def _measure(path: Path, scale: int, root: Path) -> None:
    env = {"AKSANSI_DB": str(path), "AKSANSI_NOW": NOW, "AKSANSI_OUTPUT_DIR": str(root)}
    at_most = {1: 1.3, SCALES[-1]: 1.5}.get(scale)
    bar = {1: "<= 1.3x", SCALES[-1]: "<= 1.5x"}.get(scale, "none at this size: reported")
    for args in COMMANDS:

        def floor() -> Run:
            return run([*python(), "-c", FLOOR])

        def command(args: tuple[str, ...] = args) -> Run:
            return run([*aksansi(), *args], env=env)

        floors, subjects = paired(floor, command, pairs=PAIRS, warm_up=True)
        time_bar(
            f"aksansi {' '.join(args)} ({scale}x the history)",
            FLOOR,
            floors,
            subjects,
            at_most=at_most,
            bar=bar,
        )
