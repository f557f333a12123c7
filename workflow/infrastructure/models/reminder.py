"""Follow-up reminders (durable rows the sweep issues) and the working-day overrides."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm.base import NO_VALUE

from states.reminders import ISSUED, PENDING
from workflow.infrastructure.models.audit import AuditEntry
from workflow.infrastructure.models.base import Base


class Reminder(Base):
    """One follow-up, due on a working day computed once and stored (never recomputed).

    `rule_id` / `created_by_entry_id` say which policy rule and which audit entry
    (a transition, a blocker opening, a manual `remind add`) scheduled it; `trigger`
    and `trigger_key` say what cancels it (leaving state X, resolving blocker #N).
    """

    __tablename__ = "reminder"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    rule_id: Mapped[str | None] = mapped_column(String(40))  # None: added by hand
    trigger: Mapped[str] = mapped_column(String(10))  # state | blocker | manual
    trigger_key: Mapped[str | None] = mapped_column(String(40))  # state id or blocker id
    created_by_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_log.id", ondelete="SET NULL")
    )
    ladder: Mapped[str | None] = mapped_column(String(40))
    step: Mapped[int] = mapped_column(default=1)
    text: Mapped[str] = mapped_column(Text)
    letter_kind: Mapped[str | None] = mapped_column(String(40))
    letter_extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    opens_blocker: Mapped[str | None] = mapped_column(String(40))
    base_on: Mapped[date]  # the day the working days are counted from
    working_days: Mapped[int | None]
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime]
    closed_on: Mapped[date | None]  # issued, done, cancelled or skipped on
    closed_reason: Mapped[str | None] = mapped_column(Text)
    closed_by_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_log.id", ondelete="SET NULL")
    )
    letter_number: Mapped[str | None] = mapped_column(String(80))
    letter_error: Mapped[str | None] = mapped_column(Text)
    letter_fix: Mapped[str | None] = mapped_column(Text)  # the command that fixes the error
    issued_on: Mapped[date | None]  # the sweep issued it (it stays open until done)
    # The SEQUENCE of its calendar event (`remind ics`): one more on every move of the due
    # day and every close or re-opening, whichever code makes it (see the listeners below;
    # the hot paths' Core UPDATEs, `scheduling.close_rows`, move it the same way).
    ics_sequence: Mapped[int] = mapped_column(default=0, server_default="0")

    # Set by the sweep so the audit row and the reminder go out in one flush.
    closed_by_entry: Mapped[AuditEntry | None] = relationship(
        foreign_keys=[closed_by_entry_id], lazy="raise"
    )

    __table_args__ = (
        # The sweep's "what is due?" is a seek on this index: its cost follows the due
        # reminders, not the pending ones.
        Index("ix_reminder_status_due_on", "status", "due_on", "id"),
        # The ladder check of the claim (is a more advanced step of this region's ladder
        # due?) as a covering seek, not a scan of the due reminders; also a region's own.
        Index("ix_reminder_region_id_ladder", "region_id", "ladder", "status", "due_on", "step"),
        # What a state change or a resolved blocker cancels (every advance runs it): a seek
        # on this region's pending reminders of that trigger, whatever else is pending.
        Index("ix_reminder_region_id_trigger", "region_id", "trigger", "trigger_key", "status"),
        # A region's first issued or pending reminder (board, region list, today): a seek
        # per region, in due order, whatever the number of pending reminders.
        Index("ix_reminder_region_id_status_due_on", "region_id", "status", "due_on", "id"),
        # The reminders open at the end of a past day (`board --as-of`, the report): the
        # open ones made by then and those closed after it, as ranges, however many were
        # closed before it or made after it.
        Index("ix_reminder_region_id_closed_on", "region_id", "closed_on", "base_on"),
    )


_OPEN = (PENDING, ISSUED)


def _is_change(target: Reminder, value: object, oldvalue: object) -> bool:
    """A stored reminder's attribute set to a different value (not a new row's first value)."""
    return inspect(target).persistent and oldvalue is not NO_VALUE and value != oldvalue


@event.listens_for(Reminder.due_on, "set", active_history=True)
def _due_day_moved(target: Reminder, value: date, oldvalue: object, _initiator: object) -> None:
    if _is_change(target, value, oldvalue):
        target.ics_sequence = (target.ics_sequence or 0) + 1


@event.listens_for(Reminder.status, "set", active_history=True)
def _opened_or_closed(target: Reminder, value: str, oldvalue: object, _initiator: object) -> None:
    if _is_change(target, value, oldvalue) and (value in _OPEN) != (oldvalue in _OPEN):
        target.ics_sequence = (target.ics_sequence or 0) + 1


class HolidayOverride(Base):
    """A day the Secretariat declares a holiday (`holiday=True`) or a working day."""

    __tablename__ = "holiday_override"

    day: Mapped[date] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    holiday: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
