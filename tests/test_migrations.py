"""The schema comes from Alembic; old databases upgrade without losing a row."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from workflow.infrastructure import db, schema
from workflow.infrastructure.models import load_all


def revisions() -> list[str]:
    scripts = ScriptDirectory.from_config(schema.alembic_config("sqlite://"))
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


def test_history_is_one_line_from_the_first_revision() -> None:
    scripts = ScriptDirectory.from_config(schema.alembic_config("sqlite://"))
    assert len(scripts.get_heads()) == 1
    assert revisions()[0] == "0001"


def test_database_at_the_first_revision_upgrades_keeping_its_rows(tmp_path: Path) -> None:
    url = db.database_url(str(tmp_path / "old.sqlite3"))
    schema.upgrade(url, "0001")
    with db.engine_for(url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO region (id, code, name, kind, state, created_at, version_id) "
                "VALUES (1, '35.76', 'Kota Mojokerto', 'kota', 'moa_negotiation', "
                "'2026-01-05 00:00:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO audit_log (region_id, kind, occurred_on, recorded_at, actor, details) "
                "VALUES (1, 'seed', '2026-01-05', '2026-01-05 00:00:00', 'rina', '{}')"
            )
        )
    before, after = schema.upgrade(url)
    assert (before, after) == ("0001", revisions()[-1])
    with db.engine_for(url).connect() as conn:
        assert conn.execute(text("SELECT code, state FROM region")).all() == [
            ("35.76", "moa_negotiation")
        ]
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == 1


def test_models_and_migrations_agree(db_url: str) -> None:
    """Alembic compares no index on an expression (it says so and skips it): the one there
    is, `ix_blocker_type_days`, is compared below as the database spells it."""
    engine = db.engine_for(db.database_url(db_url))
    with engine.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", ".*expression-based index .?ix_blocker_type_days")
        diff = compare_metadata(MigrationContext.configure(conn), load_all().metadata)
    assert diff == []
    migrated, modelled = _migrated_and_modelled(engine, "ix_blocker_type_days")
    assert migrated == modelled


_INDEX_SQL = {
    "sqlite": "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name",
    "postgresql": "SELECT indexdef FROM pg_indexes WHERE indexname = :name",
}


def _index_definition(conn: Any, name: str) -> str:
    found = conn.execute(text(_INDEX_SQL[conn.dialect.name]), {"name": name}).scalar_one()
    return " ".join(str(found).split())


def _migrated_and_modelled(engine: Any, name: str) -> tuple[str, str]:
    """The index as the migration made it, and as the model makes it (this test's own
    database: the migration's is dropped for the model's)."""
    from sqlalchemy.schema import CreateIndex

    index = next(i for i in load_all().metadata.tables["blocker"].indexes if i.name == name)
    with engine.begin() as conn:
        migrated = _index_definition(conn, name)
        conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(CreateIndex(index))
        return migrated, _index_definition(conn, name)
