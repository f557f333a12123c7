"""the signed Kesepakatan Bersama (KB): numbers, signing date, term

Revision ID: 0006_mou_record
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import workflow.infrastructure.models.base

revision = "0006_mou_record"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mou_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("number_pemda", sa.String(length=120), nullable=False),
        sa.Column("number_aksansi", sa.String(length=120), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("created_at", workflow.infrastructure.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
            name=op.f("fk_mou_record_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mou_record")),
    )
    with op.batch_alter_table("mou_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mou_record_region_id"), ["region_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mou_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mou_record_region_id"))
    op.drop_table("mou_record")
