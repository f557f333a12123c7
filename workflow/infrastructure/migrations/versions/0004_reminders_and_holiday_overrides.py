"""reminders and holiday overrides

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import workflow.infrastructure.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "holiday_override",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("holiday", sa.Boolean(), nullable=False),
        sa.Column("created_at", workflow.infrastructure.models.base.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holiday_override")),
    )
    op.create_table(
        "reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=40), nullable=True),
        sa.Column("trigger", sa.String(length=10), nullable=False),
        sa.Column("trigger_key", sa.String(length=40), nullable=True),
        sa.Column("created_by_entry_id", sa.Integer(), nullable=True),
        sa.Column("ladder", sa.String(length=40), nullable=True),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("letter_kind", sa.String(length=40), nullable=True),
        sa.Column(
            "letter_extra",
            sa.JSON(),
            nullable=False,
        ),
        sa.Column("opens_blocker", sa.String(length=40), nullable=True),
        sa.Column("base_on", sa.Date(), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", workflow.infrastructure.models.base.UTCDateTime(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_reason", sa.Text(), nullable=True),
        sa.Column("closed_by_entry_id", sa.Integer(), nullable=True),
        sa.Column("letter_number", sa.String(length=80), nullable=True),
        sa.Column("letter_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_by_entry_id"],
            ["audit_log.id"],
            name=op.f("fk_reminder_closed_by_entry_id_audit_log"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_entry_id"],
            ["audit_log.id"],
            name=op.f("fk_reminder_created_by_entry_id_audit_log"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
            name=op.f("fk_reminder_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder")),
    )
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reminder_region_id_ladder",
            ["region_id", "ladder", "status", "due_on", "step"],
            unique=False,
        )
        batch_op.create_index("ix_reminder_status_due_on", ["status", "due_on", "id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.drop_index("ix_reminder_status_due_on")
        batch_op.drop_index("ix_reminder_region_id_ladder")

    op.drop_table("reminder")
    op.drop_table("holiday_override")
