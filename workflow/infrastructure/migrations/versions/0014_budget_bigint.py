"""A draft's budget is a BIGINT: whole rupiah beyond 2,147,483,647 (Rp 2.1 billion)

PostgreSQL's INTEGER stops at 2^31 - 1, so a PKS of Rp 5,000,000,000 was refused there
and stored on SQLite; both now hold the same range (the KSM money columns are BIGINT
already).

Revision ID: 0014_budget_bigint
Revises: 0013_reminder_ics_sequence
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_budget_bigint"
down_revision = "0013_reminder_ics_sequence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreement_draft", schema=None) as batch_op:
        batch_op.alter_column(
            "budget", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=True
        )


def downgrade() -> None:
    with op.batch_alter_table("agreement_draft", schema=None) as batch_op:
        batch_op.alter_column(
            "budget", existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=True
        )
