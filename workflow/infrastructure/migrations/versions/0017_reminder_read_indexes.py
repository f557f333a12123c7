"""Indexes for the read views: each region's first issued or pending reminder, and the
reminders open at the end of a past day

Revision ID: 0017_reminder_read_indexes
Revises: 0016_blocker_stats_indexes
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0017_reminder_read_indexes"
down_revision = "0016_blocker_stats_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_reminder_region_id_status_due_on",
        "reminder",
        ["region_id", "status", "due_on", "id"],
    )
    op.create_index(
        "ix_reminder_region_id_closed_on", "reminder", ["region_id", "closed_on", "base_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_reminder_region_id_closed_on", table_name="reminder")
    op.drop_index("ix_reminder_region_id_status_due_on", table_name="reminder")
