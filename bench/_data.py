"""Databases for the benchmarks: built once per module, copied for each measured run.

A SQLite template is copied file to file (`sqlite3` backup); a PostgreSQL template is
copied by the server (`CREATE DATABASE … TEMPLATE …`). The copy is made before the
clock starts, so every measured run begins from the same rows.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from bench._common import NOW, PG_SERVER, aksansi, drop_pg, pg_scratch


def cli(url: str, *args: str, now: str = NOW) -> None:
    env = {**os.environ, "AKSANSI_DB": url, "AKSANSI_NOW": now}
    subprocess.run([*aksansi(), *args], check=True, capture_output=True, env=env)


def national(url: str, *, seed: bool = True, now: str = NOW) -> str:
    """A new database with the built-in national list of 514 regions (and the seed
    portfolio's states and officials with `seed`)."""
    cli(url, "init", *(["--seed"] if seed else []), now=now)
    cli(url, "region", "import", now=now)
    return url


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def copy_sqlite(template: Path, target: Path) -> str:
    """A copy of a SQLite file (its WAL included), as a URL."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return sqlite_url(target)


def pg_copy(template_url: str, tag: str) -> str:
    """A new database on the bench's server, copied from `template_url`'s."""
    import uuid

    import psycopg

    from workflow.infrastructure import db

    db.dispose_all()  # no connection may stay open on a template
    name = f"aksansi_bench_{tag}_{uuid.uuid4().hex[:8]}"
    template = template_url.rsplit("/", 1)[1]
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return PG_SERVER.rsplit("/", 1)[0] + "/" + name


@contextmanager
def pg_database(tag: str) -> Iterator[str]:
    """A scratch PostgreSQL database, dropped afterwards."""
    url = pg_scratch(tag)
    try:
        yield url
    finally:
        from workflow.infrastructure import db

        db.dispose_all()
        drop_pg(url)


# One region's ten years: the events of its walk, one every ~110 days from the import.
TEN_YEARS = [
    *("request_audiensi", "hold_audiensi", "start_premonitoring", "draft_mou", "sign_mou"),
    *("draft_moa", "submit_moa", "receive_response", "revise_moa", "submit_moa"),
    *("hold", "resume", "receive_response", "revise_moa", "submit_moa", "receive_response"),
    *("hold", "resume", "sign_moa", "start_implementation"),
    *("hold", "resume") * 6,
]


def walk_history(url: str, walk: Sequence[str], blockers: int) -> tuple[int, int]:
    """Each region walks `walk` from 2016-11-27, through the lifecycle's own checks; then
    `blockers` blockers over the regions, three in four resolved. (transitions, regions)"""
    from sqlalchemy import select

    from states.blockers import BLOCKER_TYPE_IDS
    from workflow.domain import audit, lifecycle
    from workflow.domain.blockers.log import open_blocker, resolve_blocker_row
    from workflow.domain.guards import GuardContext
    from workflow.infrastructure.models import Region
    from workflow.infrastructure.unit_of_work import UnitOfWork

    os.environ["AKSANSI_NOW"] = NOW
    start, transitions = date(2016, 11, 27), 0
    with UnitOfWork(url) as uow:
        regions = list(uow.session.scalars(select(Region).order_by(Region.code)))
        for n, region in enumerate(regions):
            day = start
            for event in walk:
                day += timedelta(days=95 + (n * 7 + transitions) % 21)
                ctx = GuardContext(region.name, region.code, event, note="bench", force=True)
                before = region.state
                subject = lifecycle.Subject(before, region.held_from)
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
        for i in range(blockers):
            region = regions[i % len(regions)]
            opened = start + timedelta(days=(i * 37) % 3500)
            kind = BLOCKER_TYPE_IDS[i % len(BLOCKER_TYPE_IDS)]
            blocker = open_blocker(uow.session, region, kind, note=None, on=opened, actor="bench")
            if i % 4:
                resolved = opened + timedelta(days=5 + i % 100)
                resolve_blocker_row(uow.session, blocker, note=None, on=resolved, actor="bench")
        uow.commit()
    return transitions, len(regions)
