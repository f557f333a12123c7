"""blockers and officials

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import workflow.infrastructure.models.base


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blocker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("opened_by", sa.String(length=80), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("resolved_by", sa.String(length=80), nullable=True),
        sa.Column("resolution_note", sa.Text(), nullable=True),
        sa.Column("created_at", workflow.infrastructure.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
            name=op.f("fk_blocker_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blocker")),
    )
    with op.batch_alter_table("blocker", schema=None) as batch_op:
        batch_op.create_index(
            "ix_blocker_region_id_resolved_on", ["region_id", "resolved_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_blocker_type"), ["type"], unique=False)

    op.create_table(
        "official",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.String(length=160), nullable=False),
        sa.Column("position_key", sa.String(length=160), nullable=False),
        sa.Column("institution", sa.String(length=160), nullable=True),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("email", sa.String(length=160), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("ended_by", sa.String(length=80), nullable=True),
        sa.Column("successor_id", sa.Integer(), nullable=True),
        sa.Column("created_at", workflow.infrastructure.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
            name=op.f("fk_official_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"], ["official.id"], name=op.f("fk_official_successor_id_official")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official")),
    )
    with op.batch_alter_table("official", schema=None) as batch_op:
        batch_op.create_index("ix_official_region_id_until", ["region_id", "until"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("official", schema=None) as batch_op:
        batch_op.drop_index("ix_official_region_id_until")

    op.drop_table("official")
    with op.batch_alter_table("blocker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_blocker_type"))
        batch_op.drop_index("ix_blocker_region_id_resolved_on")

    op.drop_table("blocker")
