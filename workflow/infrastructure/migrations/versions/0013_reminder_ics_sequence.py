"""The SEQUENCE of a reminder's calendar event: one more on every move of its due day and
every close or re-opening, so a calendar that imports `remind ics` again takes the change

Revision ID: 0013_reminder_ics_sequence
Revises: 0012_worklist
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0013_reminder_ics_sequence"
down_revision = "0012_worklist"
branch_labels = None
depends_on = None

_audit = sa.table("audit_log", sa.column("kind", sa.String()), sa.column("details", sa.JSON()))
_reminder = sa.table(
    "reminder",
    sa.column("id", sa.Integer()),
    sa.column("status", sa.String()),
    sa.column("ics_sequence", sa.Integer()),
)


def upgrade() -> None:
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("ics_sequence", sa.Integer(), nullable=False, server_default="0")
        )
    _count_past_changes()


def _count_past_changes() -> None:
    """Existing reminders: one per snooze in the audit log, one more if closed."""
    bind = op.get_bind()
    snoozes = Counter(
        (details or {}).get("reminder_id")
        for details in bind.execute(
            sa.select(_audit.c.details).where(_audit.c.kind == "reminder_snoozed")
        ).scalars()
    )
    for reminder_id, count in snoozes.items():
        if reminder_id is not None:
            bind.execute(
                sa.update(_reminder)
                .where(_reminder.c.id == reminder_id)
                .values(ics_sequence=count)
            )
    bind.execute(
        sa.update(_reminder)
        .where(_reminder.c.status.not_in(("pending", "issued")))
        .values(ics_sequence=_reminder.c.ics_sequence + 1)
    )


def downgrade() -> None:
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.drop_column("ics_sequence")
