"""MoA drafts record the DPRD triggers: multi-year burden, spending not yet in the APBD

Revision ID: 0009_approval_triggers
Revises: 0008_moa_terms
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_approval_triggers"
down_revision = "0008_moa_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreement_draft", schema=None) as batch_op:
        batch_op.add_column(sa.Column("multi_year", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("unbudgeted", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreement_draft", schema=None) as batch_op:
        batch_op.drop_column("unbudgeted")
        batch_op.drop_column("multi_year")
