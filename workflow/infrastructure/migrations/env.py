"""Alembic environment: the URL comes from the caller's Config, never from a file."""

from __future__ import annotations

from alembic import context

from workflow.infrastructure import db
from workflow.infrastructure.models import load_all

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = db.engine_for(db.database_url(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=load_all().metadata,
        render_as_batch=True,  # SQLite lacks most ALTER TABLE forms
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
