"""MoA draft terms: signatory, form of funding, budget lines, technical mechanism

Revision ID: 0008_moa_terms
Revises: 0007_corrections
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_moa_terms"
down_revision = "0007_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreement_draft", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signatory", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("funding", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("budget_items", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("mechanism", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreement_draft", schema=None) as batch_op:
        batch_op.drop_column("mechanism")
        batch_op.drop_column("budget_items")
        batch_op.drop_column("funding")
        batch_op.drop_column("signatory")
