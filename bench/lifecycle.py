"""Start-up, read commands, one advance from the shell, and 10,000 advances in-process."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench._common import aksansi, peak_rss_mb, report, timed, wall

NATIONAL = Path(
    os.environ.get("AKSANSI_NATIONAL_CSV")
    or Path(__file__).resolve().parents[2] / "shared" / "data" / "wilayah_kabkota.csv"
)
ADVANCES = 10_000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite3")
        env = {"AKSANSI_DB": db, "AKSANSI_NOW": "2026-11-27T09:00:00+07:00"}
        _prepare(env)
        _startup()
        _read_commands(env)
        _advance_from_shell(env)
        _many_advances(db, Path(folder))
    _shared_machine_vs_one_per_region()


def _prepare(env: dict[str, str]) -> None:
    full = {**os.environ, **env}
    subprocess.run([*aksansi(), "init", "--seed"], check=True, capture_output=True, env=full)
    if NATIONAL.exists():
        subprocess.run(
            [*aksansi(), "region", "import", str(NATIONAL)],
            check=True,
            capture_output=True,
            env=full,
        )


def _startup() -> None:
    floor = wall([sys.executable, "-c", "import click"])
    for lang in ("id", "en"):  # the catalog is loaded (lazily) only when help is shown
        report(
            f"aksansi --help (AKSANSI_LANG={lang})",
            wall([*aksansi(), "--help"], env={"AKSANSI_LANG": lang}),
            "import click",
            floor,
            "<= 1.3x",
        )
    report("aksansi --version", wall([*aksansi(), "--version"]), "import click", floor, "<= 1.3x")


def _read_commands(env: dict[str, str]) -> None:
    floor = wall([sys.executable, "-c", "import sqlalchemy.orm, click"])
    for args in (["board"], ["region", "list"], ["history", "35.76"], ["board", "--json"]):
        report(
            f"aksansi {' '.join(args)} (514 regions)",
            wall([*aksansi(), *args], env=env),
            "import sqlalchemy.orm, click",
            floor,
            "<= 1.3x",
        )


def _advance_from_shell(env: dict[str, str]) -> None:
    """Median of hold/resume pairs on one region, each a full `aksansi advance` process."""
    floor = wall([sys.executable, "-c", "import sqlalchemy.orm, click"])
    full = {**os.environ, **env}
    times = []
    for i in range(10):
        args = ["hold", "--note", "bench"] if i % 2 == 0 else ["resume"]
        times.append(
            timed(
                lambda a=args: subprocess.run(
                    [*aksansi(), "advance", "35.76", *a], check=True, capture_output=True, env=full
                )
            )
        )
    report(
        "aksansi advance (one, from the shell)",
        statistics.median(times),
        "import sqlalchemy.orm, click",
        floor,
        "<= 1.4x",
    )


def _many_advances(db: str, folder: Path) -> None:
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.advance import advance

    os.environ["AKSANSI_NOW"] = "2026-11-27T09:00:00+07:00"
    codes = ["33.75", "34.01", "33.23", "35.76", "33.11", "33.72", "35.71", "16.73"]

    def run() -> None:
        for i in range(ADVANCES):
            code = codes[i % len(codes)]
            event = "hold" if (i // len(codes)) % 2 == 0 else "resume"
            advance(UnitOfWork(db), code, event, actor="bench", note="bench")

    ours = timed(run)
    raw = timed(lambda: _raw_sqlite(folder / "raw.sqlite3"))
    print(
        f"{ADVANCES} advances through the service layer: {ours:.2f} s "
        f"({ADVANCES / ours:.0f}/s) | raw sqlite3 update+insert per tx: {raw:.2f} s "
        f"({ADVANCES / raw:.0f}/s) | ratio 1/{ours / raw:.1f} (aim >= 1/25) | "
        f"peak RSS {peak_rss_mb():.0f} MB"
    )


def _raw_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, state TEXT, v INTEGER)")
    conn.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, r INTEGER, kind TEXT, at TEXT)")
    conn.executemany("INSERT INTO r VALUES (?, 'x', 1)", [(i,) for i in range(8)])
    for i in range(ADVANCES):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE r SET state = ?, v = v + 1 WHERE id = ?", (str(i), i % 8))
        conn.execute("INSERT INTO a (r, kind, at) VALUES (?, 'transition', '2026-11-27')", (i % 8,))
        conn.execute("COMMIT")
    conn.close()


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
    print(
        f"{regions} regions: one Machine per region {machines_time * 1000:.0f} ms, "
        f"{machines_memory:.1f} MB just to build them | the shared machine firing one event "
        f"on each: {shared_time * 1000:.0f} ms | ratio {machines_time / shared_time:.1f}x"
    )
