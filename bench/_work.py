"""The measured jobs, each run in a process of its own by the harness (`bench/_common.py`).

    python -m bench._work JOB ARGS…

Each job does its set-up first (imports, connections, the rows it needs), then times its
work alone and prints `{"seconds": …, "peak_mb": …}` as its last line (peak: VmHWM, see
`bench/_peak.py`). The product's
jobs and their raw floors do the same per-row transactions: the floor on sqlite3 with
the product's own connection settings (`workflow/infrastructure/db.py`: foreign keys,
WAL, busy timeout, synchronous=NORMAL, BEGIN IMMEDIATE), or a plain psycopg loop.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SQLITE_PRAGMAS = ("foreign_keys=ON", "journal_mode=WAL", "busy_timeout=10000", "synchronous=NORMAL")


def _done(seconds: float, **extra: object) -> None:
    from bench._peak import peak_mb

    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), **extra}))


def _timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def advance_many(url: str, count: str) -> None:
    """`count` advances through the service layer, spread over every region in turn:
    round k puts each region on hold (even k) or resumes it (odd k)."""
    from sqlalchemy import select

    from workflow.infrastructure import db
    from workflow.infrastructure.models import Region
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.advance import advance

    url = db.database_url(url)
    with db.engine_for(url).connect() as conn:
        codes = list(conn.scalars(select(Region.code).order_by(Region.code)))

    def work() -> None:
        for i in range(int(count)):
            code = codes[i % len(codes)]
            if (i // len(codes)) % 2 == 0:
                advance(UnitOfWork(url), code, "hold", actor="bench", note="bench")
            else:
                advance(UnitOfWork(url), code, "resume", actor="bench")

    seconds, _ = _timed(work)
    _done(seconds)


def raw_advance(target: str, count: str, regions: str) -> None:
    """The floor of `advance_many`: per advance one transaction updating the region and
    inserting its audit row, on raw sqlite3 (a file path) or psycopg (a URL)."""
    conn, begin, mark = _raw_connection(target)
    conn.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, state TEXT, v INTEGER)")
    conn.execute(
        "CREATE TABLE a (id SERIAL PRIMARY KEY, r INTEGER REFERENCES r (id), kind TEXT, "
        "at TEXT, note TEXT)"
        if mark == "%s"
        else "CREATE TABLE a (id INTEGER PRIMARY KEY, r INTEGER REFERENCES r (id), kind TEXT, "
        "at TEXT, note TEXT)"
    )
    n = int(regions)
    _commit_rows(conn, begin, f"INSERT INTO r VALUES ({mark}, 'x', 1)", [(i,) for i in range(n)])
    update = f"UPDATE r SET state = {mark}, v = v + 1 WHERE id = {mark}"
    insert = f"INSERT INTO a (r, kind, at, note) VALUES ({mark}, 'transition', 'x', 'bench')"

    def work() -> None:
        for i in range(int(count)):
            conn.execute(begin)
            conn.execute(update, (str(i), i % n))
            conn.execute(insert, (i % n,))
            conn.execute("COMMIT")

    seconds, _ = _timed(work)
    conn.close()
    _done(seconds)


def raw_sweep(target: str, count: str) -> None:
    """The floor of the sweep: per reminder one transaction marking it issued and
    inserting its audit row."""
    conn, begin, mark = _raw_connection(target)
    conn.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, status TEXT, due_on TEXT)")
    conn.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, r INTEGER, kind TEXT, at TEXT)")
    rows = [(i,) for i in range(int(count))]
    _commit_rows(conn, begin, f"INSERT INTO r VALUES ({mark}, 'pending', '2026-11-20')", rows)
    update = f"UPDATE r SET status = 'issued' WHERE id = {mark}"
    insert = f"INSERT INTO a (id, r, kind, at) VALUES ({mark}, {mark}, 'reminder_issued', 'x')"

    def work() -> None:
        for i in range(int(count)):
            conn.execute(begin)
            conn.execute(update, (i,))
            conn.execute(insert, (i, i))
            conn.execute("COMMIT")

    seconds, _ = _timed(work)
    conn.close()
    _done(seconds)


def _raw_connection(target: str) -> tuple[Any, str, str]:
    """(connection, BEGIN statement, parameter mark) for a SQLite path or a PostgreSQL URL."""
    if "://" in target:
        import psycopg

        return psycopg.connect(target, autocommit=True), "BEGIN", "%s"
    import sqlite3

    conn = sqlite3.connect(target, isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    return conn, "BEGIN IMMEDIATE", "?"


def _commit_rows(conn: Any, begin: str, statement: str, rows: list[tuple[int]]) -> None:
    conn.execute(begin)
    cursor = conn.cursor()
    cursor.executemany(statement, rows)
    conn.execute("COMMIT")


def sweep(url: str, formats: str, expected: str) -> None:
    """One sweep pass at the bench's now, writing each letter in `formats` (comma list)."""
    from jobs.sweep import run_sweep
    from workflow.domain import clock

    wanted = tuple(f for f in formats.split(",") if f)
    seconds, issued = _timed(
        lambda: run_sweep(url, now=clock.now(), actor="bench", letter_formats=wanted).count
    )
    if issued != int(expected):
        raise SystemExit(f"the sweep issued {issued}, expected {expected}")
    _done(seconds, issued=issued)


def one_advance(url: str, pairs: str) -> None:
    """Median time of one advance (hold, then resume, on 35.76), `pairs` times each."""
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.advance import advance

    times = []
    for i in range(2 * int(pairs)):
        start = time.perf_counter()
        if i % 2 == 0:
            advance(UnitOfWork(url), "35.76", "hold", actor="bench", note="bench")
        else:
            advance(UnitOfWork(url), "35.76", "resume", actor="bench")
        times.append(time.perf_counter() - start)
    _done(statistics.median(times))


def ksm_import(csv_path: str, url: str, expected: str) -> None:
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.ksm_import import import_ksm_file

    seconds, result = _timed(
        lambda: import_ksm_file(UnitOfWork(url), Path(csv_path), actor="bench")
    )
    recorded = getattr(result, "assessments_recorded", None)
    if recorded != int(expected):
        raise SystemExit(f"the import recorded {recorded}, expected {expected}")
    _done(seconds)


def csv_read(csv_path: str, expected: str) -> None:
    def work() -> int:
        with open(csv_path, newline="", encoding="utf-8-sig") as handle:
            return len(list(csv.DictReader(handle)))

    seconds, rows = _timed(work)
    if rows != int(expected):
        raise SystemExit(f"read {rows} rows, expected {expected}")
    _done(seconds)


JOBS: dict[str, Callable[..., None]] = {
    "advance": advance_many,
    "raw-advance": raw_advance,
    "sweep": sweep,
    "raw-sweep": raw_sweep,
    "one-advance": one_advance,
    "ksm-import": ksm_import,
    "csv-read": csv_read,
}


if __name__ == "__main__":
    JOBS[sys.argv[1]](*sys.argv[2:])
