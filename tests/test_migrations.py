"""The schema comes from Alembic; old databases upgrade without losing a row."""

from __future__ import annotations

from pathlib import Path

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
    with db.engine_for(db.database_url(db_url)).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), load_all().metadata)
    assert diff == []
