"""Indexes for `blocker stats`: the durations by type, the regions per type

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


def upgrade() -> None:
    days = sa.text(_DAYS[op.get_bind().dialect.name])
    columns = ("resolved_on", "opened_on", "voided_on")
    op.create_index(
        "ix_blocker_type_days", "blocker", [sa.column("type"), days, *map(sa.column, columns)]
    )
    op.create_index(
        "ix_blocker_type_region_id", "blocker", ["type", "region_id", "opened_on", "voided_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_blocker_type_region_id", table_name="blocker")
    op.drop_index("ix_blocker_type_days", table_name="blocker")
