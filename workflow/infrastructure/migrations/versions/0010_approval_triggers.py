"""MoA drafts record the DPRD triggers: multi-year burden, spending not yet in the APBD

Revision ID: 0010_approval_triggers
Revises: 0009_region_seat
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_approval_triggers"
down_revision = "0009_region_seat"
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
