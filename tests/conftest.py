"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL.

SQLite: a template file migrated once per session, copied per test.
PostgreSQL: a database of its own per session (created and dropped here), emptied
per test with DELETE (see `_empty_pg`). When the server is unreachable those tests skip
with the reason, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

PG_SERVER = os.environ.get("AKSANSI_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
FIXED_NOW = "2026-11-27T09:00:00+07:00"  # a Friday


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own database, clock, user or output folder."""
    monkeypatch.setenv("AKSANSI_DB", str(tmp_path / "unset-db.sqlite3"))
    monkeypatch.setenv("AKSANSI_NOW", FIXED_NOW)
    monkeypatch.setenv("AKSANSI_USER", "tester")
    # The suite reads English (tests written before the catalogs assert English text);
    # tests of the Indonesian interface set AKSANSI_LANG=id themselves.
    monkeypatch.setenv("AKSANSI_LANG", "en")
    monkeypatch.setenv("AKSANSI_OUTPUT_DIR", str(tmp_path / "out"))
    monkeypatch.delenv("AKSANSI_TEMPLATE_DIR", raising=False)
    monkeypatch.delenv("AKSANSI_SMTP_URL", raising=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from workflow.infrastructure import db, schema

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    schema.upgrade(db.database_url(str(path)))
    db.dispose_all()
    return path


def _pg_reachable(url: str) -> str | None:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3):
            return None
    except Exception as exc:  # any failure to connect is a reason to skip
        return str(exc).strip().splitlines()[0]


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A PostgreSQL database of this run's own, migrated to head, dropped at the end."""
    reason = _pg_reachable(PG_SERVER)
    if reason:
        message = f"PostgreSQL at {PG_SERVER} is not reachable: {reason}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: the PostgreSQL tests must run)")
        pytest.skip(message)
    import psycopg

    from workflow.infrastructure import db, schema

    name = f"aksansi_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG_SERVER.rsplit("/", 1)[0] + "/" + name
    schema.upgrade(db.database_url(url))
    yield url
    db.dispose_all()
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_RESET: dict[str, str] = {}  # url → the statements that empty that database


def _empty_pg(url: str) -> None:
    """Every table emptied and every id sequence back at 1, in one round trip.

    DELETE in reverse foreign-key order rather than TRUNCATE: on tables of a few rows it
    costs ~10 ms where TRUNCATE (a new file per table) costs 100-400 ms, per test."""
    from sqlalchemy import text

    from workflow.infrastructure import db

    engine = db.engine_for(db.database_url(url))
    with engine.begin() as conn:
        if url not in _RESET:
            _RESET[url] = _reset_statements(conn)
        conn.execute(text(_RESET[url]))


def _reset_statements(conn: Any) -> str:
    from sqlalchemy import text

    from workflow.infrastructure.models import load_all

    tables = reversed(load_all().metadata.sorted_tables)
    sequences = conn.execute(
        text("SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) FROM pg_sequences")
    ).scalars()
    deletes = [f'DELETE FROM "{table.name}"' for table in tables]
    restarts = ", ".join(f"setval('{name}', 1, false)" for name in sequences)
    return "; ".join(deletes + ([f"SELECT {restarts}"] if restarts else []))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """A migrated, empty database; AKSANSI_DB points at it."""
    if request.param == "sqlite":
        path = tmp_path / "aksansi.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = str(path)
    else:
        url = request.getfixturevalue("pg_database")
        _empty_pg(url)
    monkeypatch.setenv("AKSANSI_DB", url)
    yield url
    if request.param == "sqlite":
        from workflow.infrastructure import db

        db.dispose(db.database_url(url))


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path) -> str:
    """SQLite only, for tests about files, processes or SQLite itself."""
    path = tmp_path / "aksansi.sqlite3"
    shutil.copy(sqlite_template, path)
    monkeypatch.setenv("AKSANSI_DB", str(path))
    return str(path)


@pytest.fixture
def seeded(db_url: str) -> str:
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(db_url), actor="tester")
    return db_url


@pytest.fixture
def seeded_sqlite(sqlite_url: str) -> str:
    """SQLite only, with the seed portfolio."""
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    return sqlite_url


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    """Run `aksansi ARGS…` in-process; returns click's Result (stdout, stderr, exit_code)."""
    from cli import main

    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def national_csv() -> Path:
    """The real list of 514 kabupaten/kota (read-only): AKSANSI_NATIONAL_CSV, else beside
    the checkout (../shared/data), so a worktree elsewhere can point at it."""
    beside = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wilayah_kabkota.csv"
    path = Path(os.environ.get("AKSANSI_NATIONAL_CSV") or beside)
    if not path.exists():
        pytest.skip(f"the national list is not at {path}")
    return path


_DATABASE_FIXTURES = frozenset(
    {"db_url", "sqlite_url", "seeded", "seeded_sqlite", "pg_database", "sqlite_template"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test's layer, from what it uses: `pytest -m rules` runs the rule tests
    (no database fixture); `-m service`, `-m cli` and `-m story` the others."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.path.name == "test_stories.py":
            layer = "story"
        elif "cli" in fixtures:
            layer = "cli"
        elif fixtures & _DATABASE_FIXTURES:
            layer = "service"
        else:
            layer = "rules"
        item.add_marker(layer)
