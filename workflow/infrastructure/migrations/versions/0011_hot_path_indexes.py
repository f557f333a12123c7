"""Indexes for the queries every advance runs: cancelling a state's reminders, the previous event

Revision ID: 0011_hot_path_indexes
Revises: 0010_approval_triggers
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0011_hot_path_indexes"
down_revision = "0010_approval_triggers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_reminder_region_id_trigger",
        "reminder",
        ["region_id", "trigger", "trigger_key", "status"],
    )
    op.create_index(
        "ix_audit_log_region_id_kind",
        "audit_log",
        ["region_id", "kind", "occurred_on"],
    )


def downgrade() -> None:
    op.drop_index("ix_audit_log_region_id_kind", table_name="audit_log")
    op.drop_index("ix_reminder_region_id_trigger", table_name="reminder")
