"""The audit trail: one row for every change, kept forever; `history` reads it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base
from workflow.infrastructure.sql import entered_state


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))  # transition, milestone, blocker_opened, ...
    occurred_on: Mapped[date]  # the day it happened (may be back-dated with --on)
    recorded_at: Mapped[datetime]  # when it was written down
    actor: Mapped[str] = mapped_column(String(80))
    event: Mapped[str | None] = mapped_column(String(40))
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Corrections append, never erase: the `reverted` row that undid this one, and the
    # latest `amended` row whose note replaces this one's (the old text stays here).
    reverted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_log.id", ondelete="SET NULL")
    )
    amended_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_log.id", ondelete="SET NULL")
    )

    __table_args__ = (
        Index("ix_audit_log_region_id_id", "region_id", "id"),
        # A region's previous lifecycle event (advance) and its latest undoable one (undo):
        # a seek on the region's rows of those kinds, not a read of its whole history.
        Index("ix_audit_log_region_id_kind", "region_id", "kind", "occurred_on"),
        # The moves after a day (`board --as-of`): a range of one kind's rows by day.
        Index("ix_audit_log_kind_occurred_on", "kind", "occurred_on"),
    )


# The report's funnel (`portfolio_period.furthest_reached`): the first day a region left,
# and entered, each state: a seek per region and state, whatever the length of its
# history. The entered side is on the expression the query compares (a row naming no
# state counts as the initial one), so that rows which name none — blockers, letters,
# reminders — sort with the initial state's and are passed over from the region's birth.
Index(
    "ix_audit_log_region_id_from_state",
    AuditEntry.region_id,
    AuditEntry.from_state,
    AuditEntry.occurred_on,
)
Index(
    "ix_audit_log_region_id_entered",
    AuditEntry.region_id,
    entered_state(AuditEntry.to_state),
    AuditEntry.occurred_on,
)
