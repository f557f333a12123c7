"""The worklist: when a reminder was issued and how its letter's cause is fixed, and
when and how a letter was sent (the register's tanggal kirim)

Revision ID: 0012_worklist
Revises: 0011_hot_path_indexes
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_worklist"
down_revision = "0011_hot_path_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.add_column(sa.Column("issued_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("letter_fix", sa.Text(), nullable=True))
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("sent_via", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("sent_by", sa.String(length=80), nullable=True))
    # Reminders issued before this revision were issued on the day they were closed.
    op.execute("UPDATE reminder SET issued_on = closed_on WHERE status = 'issued'")


def downgrade() -> None:
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_column("sent_by")
        batch_op.drop_column("sent_via")
        batch_op.drop_column("sent_on")
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.drop_column("letter_fix")
        batch_op.drop_column("issued_on")
