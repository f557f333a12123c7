"""Databases for the benchmarks: built once per module, copied for each measured run.

A SQLite template is copied file to file (`sqlite3` backup); a PostgreSQL template is
copied by the server (`CREATE DATABASE … TEMPLATE …`). The copy is made before the
clock starts, so every measured run begins from the same rows.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
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
