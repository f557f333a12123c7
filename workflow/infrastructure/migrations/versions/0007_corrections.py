"""Corrections: reverted and amended audit rows, void blockers and letters

Revision ID: 0007_corrections
Revises: 0006_mou_record
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_corrections"
down_revision = "0006_mou_record"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reverted_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("amended_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_audit_log_reverted_by_id_audit_log"),
            "audit_log",
            ["reverted_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_audit_log_amended_by_id_audit_log"),
            "audit_log",
            ["amended_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    for table in ("blocker", "letter"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("voided_on", sa.Date(), nullable=True))
            batch_op.add_column(sa.Column("voided_by", sa.String(length=80), nullable=True))
            batch_op.add_column(sa.Column("void_note", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in ("letter", "blocker"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("void_note")
            batch_op.drop_column("voided_by")
            batch_op.drop_column("voided_on")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_audit_log_amended_by_id_audit_log"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_audit_log_reverted_by_id_audit_log"), type_="foreignkey"
        )
        batch_op.drop_column("amended_by_id")
        batch_op.drop_column("reverted_by_id")
