"""Indexes for `blocker stats`: resolved durations by type, regions per type, open blockers

Revision ID: 0016_blocker_stats_indexes
Revises: 0015_read_indexes
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_blocker_stats_indexes"
down_revision = "0015_read_indexes"
branch_labels = None
depends_on = None

# The same text as workflow.infrastructure.sql.days_between compiles to: SQLite uses an
# index on an expression only where the query's expression is the same.
_DAYS = {
    "sqlite": "CAST(julianday(resolved_on) - julianday(opened_on) AS INTEGER)",
    "postgresql": "(resolved_on - opened_on)",
}
_COUNTED = "voided_on IS NULL"
_RESOLVED = "voided_on IS NULL AND resolved_on IS NOT NULL"
_OPEN = "voided_on IS NULL AND resolved_on IS NULL"


def _where(condition: str) -> dict[str, sa.TextClause]:
    return {"sqlite_where": sa.text(condition), "postgresql_where": sa.text(condition)}


def upgrade() -> None:
    days = sa.text(_DAYS[op.get_bind().dialect.name])
    op.create_index(
        "ix_blocker_type_days",
        "blocker",
        [sa.column("type"), days, sa.column("resolved_on"), sa.column("opened_on")],
        **_where(_RESOLVED),
    )
    op.create_index(
        "ix_blocker_type_region_id",
        "blocker",
        ["type", "region_id", "opened_on"],
        **_where(_COUNTED),
    )
    op.create_index(
        "ix_blocker_open", "blocker", ["type", "region_id", "opened_on"], **_where(_OPEN)
    )


def downgrade() -> None:
    op.drop_index("ix_blocker_open", table_name="blocker")
    op.drop_index("ix_blocker_type_region_id", table_name="blocker")
    op.drop_index("ix_blocker_type_days", table_name="blocker")
