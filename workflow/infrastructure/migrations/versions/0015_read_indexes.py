"""An index for the read views: the transitions after a day (`board --as-of`'s moves)

Revision ID: 0015_read_indexes
Revises: 0014_budget_bigint
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0015_read_indexes"
down_revision = "0014_budget_bigint"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_log_kind_occurred_on", "audit_log", ["kind", "occurred_on"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_kind_occurred_on", table_name="audit_log")
