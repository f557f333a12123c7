"""Scheduling and cancelling reminders inside another change's transaction.

`workflow.domain.reactions` calls these when a region enters or leaves a state or a blocker
opens or resolves; they take a Session and never commit. Due dates are computed once,
on working days, and stored on the row.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from states import reminders as policy
from workflow.domain import audit, clock, working_days
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Region, Reminder


def schedule_rules(
    session: Session,
    region: Region,
    rules: list[policy.ReminderRule],
    entry: AuditEntry,
    *,
    trigger: str,
    trigger_key: str,
) -> list[Reminder]:
    """One pending reminder per rule, due `working_days` after the entry's day."""
    if not rules:
        return []
    calendar = working_days.load(session)
    entry_id = _entry_id(session, entry)
    created = []
    for rule in rules:
        reminder = Reminder(
            region_id=region.id,
            rule_id=rule["id"],
            trigger=trigger,
            trigger_key=trigger_key,
            created_by_entry_id=entry_id,
            ladder=rule["ladder"],
            step=rule["step"],
            text=rule["text"],
            letter_kind=rule["letter"],
            letter_extra=dict(rule["letter_extra"]),
            opens_blocker=rule["opens_blocker"],
            base_on=entry.occurred_on,
            working_days=rule["working_days"],
            due_on=calendar.add_working_days(entry.occurred_on, rule["working_days"]),
            status=policy.PENDING,
            created_at=clock.utcnow(),
        )
        session.add(reminder)
        created.append(reminder)
    # History shows, on the row that caused them, which follow-ups were scheduled.
    scheduled = [{"rule": r.rule_id, "due_on": r.due_on.isoformat()} for r in created]
    entry.details = {**(entry.details or {}), "scheduled": scheduled}
    return created


# What leaving a state or resolving a blocker cancels: the follow-ups not yet due, and
# those the sweep issued that nobody has acted on yet (their letter not recorded sent):
# a region that answered is never chased, not even by a letter already printed.
OPEN_STATUSES = (policy.PENDING, policy.ISSUED)

_PENDING_OF = (  # built once: every state change runs it
    select(Reminder)
    .where(
        Reminder.region_id == bindparam("region_id"),
        Reminder.status.in_(OPEN_STATUSES),
        Reminder.trigger == bindparam("trigger"),
        Reminder.trigger_key == bindparam("trigger_key"),
    )
    .order_by(Reminder.id)
    # A sweep issuing one of them right now holds its row: wait, and see it issued.
    .with_for_update()
)


def cancel_pending(
    session: Session,
    region: Region,
    entry: AuditEntry,
    *,
    trigger: str,
    trigger_key: str,
    reason: str,
) -> list[int]:
    """Cancel what a state entry or a blocker scheduled and is still open (pending, or
    issued and not yet done); one audit row lists them."""
    pending = session.scalars(
        _PENDING_OF, {"region_id": region.id, "trigger": trigger, "trigger_key": trigger_key}
    ).all()
    if not pending:
        return []
    entry_id = _entry_id(session, entry)
    for reminder in pending:
        close(reminder, policy.CANCELLED, on=entry.occurred_on, reason=reason, entry_id=entry_id)
    ids = [reminder.id for reminder in pending]
    audit.record(
        session,
        region=region,
        kind="reminder_cancelled",
        actor=entry.actor,
        occurred_on=entry.occurred_on,
        note=reason,
        reminder_ids=ids,
        cause_entry_id=entry_id,
    )
    return ids


def close(
    reminder: Reminder, status: str, *, on: date, reason: str | None, entry_id: int | None
) -> None:
    if status not in policy.STATUSES or status == policy.PENDING:
        raise ValueError(f"{status!r} does not close a reminder; see states/reminders.STATUSES")
    reminder.status = status
    reminder.closed_on = on
    reminder.closed_reason = reason
    reminder.closed_by_entry_id = entry_id


def _entry_id(session: Session, entry: AuditEntry) -> int:
    if entry.id is None:
        session.flush()
    return entry.id


def rule_label(reminder: Reminder) -> str:
    if reminder.rule_id is None:
        return _("added by hand")
    rule = policy.RULES_BY_ID.get(reminder.rule_id)
    when = _("{working_days} working days after {isoformat}").format(
        working_days=reminder.working_days, isoformat=reminder.base_on.isoformat()
    )
    if rule is None:
        return _("rule {rule} (retired)").format(rule=reminder.rule_id)
    return _("rule {rule} ({when})").format(rule=reminder.rule_id, when=when)
