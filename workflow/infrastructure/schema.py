"""Create or upgrade the database schema through Alembic (`aksansi init`)."""

from __future__ import annotations

from pathlib import Path

from workflow.infrastructure import db

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> tuple[str | None, str | None]:
    """Upgrade to `revision`; return (revision before, revision after)."""
    from alembic import command

    before = current_revision(url)
    command.upgrade(alembic_config(url), revision)
    return before, current_revision(url)


def upgrade_database(url: str) -> tuple[str | None, str | None]:
    """`upgrade(url)`, with the driver's own error (connection refused, say) as one sentence."""
    try:
        return upgrade(url)
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        from workflow.infrastructure.unit_of_work import translate

        if isinstance(exc, DBAPIError):
            raise translate(exc, url) from None
        raise


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine_for(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
