"""Indexes for the report's funnel: the first day each region left, and entered, each state

Revision ID: 0018_audit_funnel_indexes
Revises: 0017_reminder_read_indexes
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_audit_funnel_indexes"
down_revision = "0017_reminder_read_indexes"
branch_labels = None
depends_on = None

# The same text as workflow.infrastructure.sql.entered_state compiles to: SQLite uses an
# index on an expression only where the query's expression is the same.
_ENTERED = "coalesce(to_state, 'prospect')"


def upgrade() -> None:
    op.create_index(
        "ix_audit_log_region_id_from_state",
        "audit_log",
        ["region_id", "from_state", "occurred_on"],
    )
    op.create_index(
        "ix_audit_log_region_id_entered",
        "audit_log",
        [sa.column("region_id"), sa.text(_ENTERED), sa.column("occurred_on")],
    )


def downgrade() -> None:
    op.drop_index("ix_audit_log_region_id_entered", table_name="audit_log")
    op.drop_index("ix_audit_log_region_id_from_state", table_name="audit_log")
