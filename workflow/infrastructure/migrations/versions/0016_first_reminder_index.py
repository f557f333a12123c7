"""An index for the read views: each region's first issued or pending reminder

Revision ID: 0016_first_reminder_index
Revises: 0015_read_indexes
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0016_first_reminder_index"
down_revision = "0015_read_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_reminder_region_id_status_due_on",
        "reminder",
        ["region_id", "status", "due_on", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_reminder_region_id_status_due_on", table_name="reminder")
