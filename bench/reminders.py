"""The reminder sweep (design.md §7): throughput with letters, cost vs size, peak memory.

1. A sweep issuing 10,000 due reminders, each with a Markdown letter, one transaction per
   reminder — vs raw sqlite3 doing one (update + insert) transaction per row (bar >= 1/25).
2. 100,000 pending of which 1,000 due vs 1,000 pending all due (bar <= 1.5x), with the
   query plan of the claim showing the (status, due_on) index.
3. Peak RSS of a sweep process over the 100,000-reminder database (bar < 200 MB).
4. One advance (service layer) with 100,000 pending reminders vs with 1,000 (bar <= 1.2x).
"""

from __future__ import annotations

import os
import resource
import sqlite3
import statistics
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path

from bench._common import aksansi, timed

NOW = "2026-11-27T09:00:00+07:00"
DUE = date(2026, 11, 20)
LATER = date(2027, 6, 1)
PROFILE = {
    "org.address": "Jl. Contoh No. 1",
    "org.city": "Yogyakarta",
    "org.phone": "0274-000000",
    "org.email": "sekretariat@aksansi.test",
    "signatory.name": "Dr. Sri Rahayu",
    "signatory.position": "Ketua Umum",
}


def main() -> None:
    os.environ["AKSANSI_NOW"] = NOW
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        os.environ["AKSANSI_OUTPUT_DIR"] = str(root / "out")
        _throughput(root)
        big = _cost_vs_size(root)
        _memory(big)
        _advance_vs_pending(root)


def _database(path: Path, *, due: int, later: int, letter: str | None) -> str:
    """A seeded SQLite database with `due` reminders due and `later` not yet due."""
    from sqlalchemy import insert, select

    from workflow.domain import clock
    from workflow.infrastructure import db, schema
    from workflow.infrastructure.models import Region, Reminder
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio
    from workflow.services.settings import set_setting

    url = db.database_url(str(path))
    schema.upgrade(url)
    seed_portfolio(UnitOfWork(url), actor="bench")
    for key, value in PROFILE.items():
        set_setting(UnitOfWork(url), key, value, actor="bench")
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
    return url


def _sweep(url: str, formats: tuple[str, ...] = ("md",)) -> int:
    from jobs.sweep import run_sweep
    from workflow.domain import clock

    return run_sweep(url, now=clock.now(), actor="bench", letter_formats=formats).count


def _throughput(root: Path) -> None:
    with_letters = _timed_sweep(root / "letters.sqlite3", "audiensi_request", ("md",))
    without = _timed_sweep(root / "plain.sqlite3", None, ())
    raw = timed(lambda: _raw_sqlite(root / "raw.sqlite3", 10_000))
    files = sum(1 for _ in (root / "out").rglob("*.md"))
    print(
        f"sweep issuing 10,000 reminders with Markdown letters ({files} files), one tx each: "
        f"{with_letters:.2f} s ({10_000 / with_letters:.0f}/s) | raw sqlite3 update+insert "
        f"per tx: {raw:.2f} s ({10_000 / raw:.0f}/s) | ratio 1/{with_letters / raw:.1f} "
        f"(bar >= 1/25)"
    )
    print(
        f"  the same sweep without letters: {without:.2f} s ({10_000 / without:.0f}/s), ratio "
        f"1/{without / raw:.1f}; issuing the letters costs "
        f"{(with_letters - without) / 10:.2f} ms each (issuing.issue_letter)"
    )


def _timed_sweep(path: Path, letter: str | None, formats: tuple[str, ...]) -> float:
    url = _database(path, due=10_000, later=0, letter=letter)
    issued = 0

    def run() -> None:
        nonlocal issued
        issued = _sweep(url, formats)

    seconds = timed(run)
    assert issued == 10_000, issued
    return seconds


def _raw_sqlite(path: Path, count: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, status TEXT, due_on TEXT)")
    conn.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, r INTEGER, kind TEXT, at TEXT)")
    conn.executemany(
        "INSERT INTO r VALUES (?, 'pending', '2026-11-20')", [(i,) for i in range(count)]
    )
    for i in range(count):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE r SET status = 'issued' WHERE id = ?", (i,))
        conn.execute(
            "INSERT INTO a (r, kind, at) VALUES (?, 'reminder_issued', '2026-11-27')", (i,)
        )
        conn.execute("COMMIT")
    conn.close()


def _cost_vs_size(root: Path) -> str:
    small = _database(root / "small.sqlite3", due=1_000, later=0, letter=None)
    big = _database(root / "big.sqlite3", due=1_000, later=99_000, letter=None)
    big_copy = root / "big-for-rss.sqlite3"
    _copy(root / "big.sqlite3", big_copy)
    small_time = timed(lambda: _sweep(small, ()))
    big_time = timed(lambda: _sweep(big, ()))
    print(
        f"sweep of 1,000 due among 100,000 pending: {big_time * 1000:.0f} ms | 1,000 pending "
        f"all due: {small_time * 1000:.0f} ms | ratio {big_time / small_time:.2f}x (bar <= 1.5x)"
    )
    _plan(big)
    return str(big_copy)


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _plan(url: str) -> None:
    from workflow.domain.reminders.issuing import due_query

    statement = due_query(date(2026, 11, 27))
    from sqlalchemy.dialects import sqlite as dialect

    sql = str(statement.compile(dialect=dialect.dialect(), compile_kwargs={"literal_binds": True}))
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        plan = conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    print("query plan of the claim (SQLite):")
    for row in plan:
        print(f"    {row[-1]}")


def _memory(path: str) -> None:
    """A fresh `aksansi jobs sweep` process over the 100,000-reminder database."""
    env = {**os.environ, "AKSANSI_DB": path}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = datetime.now()
    subprocess.run([*aksansi(), "jobs", "sweep"], check=True, capture_output=True, env=env)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    seconds = (datetime.now() - started).total_seconds()
    print(
        f"peak RSS of `aksansi jobs sweep` over 100,000 reminders (1,000 due): "
        f"{max(peak, before) / 1024:.0f} MB in {seconds:.1f} s (bar < 200 MB)"
    )


def _advance_vs_pending(root: Path) -> None:
    """Median of hold/resume advances on one region, 1,000 vs 100,000 pending reminders."""
    small = _database(root / "advance-small.sqlite3", due=0, later=1_000, letter=None)
    big = _database(root / "advance-big.sqlite3", due=0, later=100_000, letter=None)
    small_time = one_advance(small)
    big_time = one_advance(big)
    print(
        f"one advance with 100,000 pending reminders: {big_time * 1000:.2f} ms | with 1,000: "
        f"{small_time * 1000:.2f} ms | ratio {big_time / small_time:.2f}x (bar <= 1.2x)"
    )


def one_advance(url: str, pairs: int = 50) -> float:
    """Median time of one `advance` through the service layer (hold, then resume, repeated)."""
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.advance import advance

    times = []
    for i in range(2 * pairs):
        event, note = ("hold", "bench") if i % 2 == 0 else ("resume", None)
        times.append(
            timed(
                lambda e=event, n=note: advance(UnitOfWork(url), "35.76", e, actor="bench", note=n)
            )
        )
    return statistics.median(times)
