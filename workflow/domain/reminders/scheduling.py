"""Scheduling and cancelling reminders inside another change's transaction.

`workflow.domain.reactions` calls these when a region enters or leaves a state or a blocker
opens or resolves; they take a Session and never commit. Due dates are computed once,
on working days, and stored on the row.
"""

from __future__ import annotations

import calendar as month_calendar
from datetime import date

from sqlalchemy import bindparam, func, select
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
        due_on = calendar.add_working_days(entry.occurred_on, rule["working_days"])
        if rule["before_planning_deadline"] is not None:
            due_on = _before_planning_deadline(session, region, calendar, rule, entry, due_on)
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
            due_on=due_on,
            status=policy.PENDING,
            created_at=clock.utcnow(),
        )
        session.add(reminder)
        created.append(reminder)
    _note_scheduled(entry, created)
    return created


def _before_planning_deadline(
    session: Session,
    region: Region,
    calendar: working_days.WorkingCalendar,
    rule: policy.ReminderRule,
    entry: AuditEntry,
    due_on: date,
) -> date:
    """A money follow-up comes before the planning window it aims at closes, if sooner."""
    from workflow.domain import planning

    own = planning.overrides_of(session, [region.id])[region.id]
    deadline = planning.next_target(entry.occurred_on, own).deadline.ends_on
    latest = calendar.working_days_before(deadline, rule["before_planning_deadline"] or 0)
    return max(min(due_on, latest), calendar.next_working_day(entry.occurred_on))


def schedule_approval_reminders(session: Session, region: Region, entry: AuditEntry) -> list[int]:
    """One reminder for each applicable approval item not yet recorded and not already
    chased; an open reminder of an item that no longer applies (a new MoA draft without
    its trigger) is cancelled. Returns the ids it cancelled."""
    from workflow.domain import approvals

    statuses = approvals.checklist(session, region)
    missing = set(approvals.missing(statuses))
    chased = set(_open_approval_keys(session, region))
    rules = [
        rule
        for status in statuses
        if status.item in missing and status.item not in chased
        for rule in policy.rules_on_approval(status.item)
    ]
    for rule in rules:
        schedule_rules(
            session,
            region,
            [rule],
            entry,
            trigger="approval",
            trigger_key=rule["on_approval"] or "",
        )
    moot = sorted(chased - missing)
    reason = _("the item no longer applies to the latest MoA draft, or is already recorded")
    cancelled: list[int] = []
    for key in moot:
        cancelled += cancel_pending(
            session, region, entry, trigger="approval", trigger_key=key, reason=reason
        )
    return cancelled


def cancel_approval_reminders(
    session: Session, region: Region, entry: AuditEntry, reason: str
) -> list[int]:
    cancelled: list[int] = []
    for key in _open_approval_keys(session, region):
        cancelled += cancel_pending(
            session, region, entry, trigger="approval", trigger_key=key, reason=reason
        )
    return cancelled


def _open_approval_keys(session: Session, region: Region) -> list[str]:
    keys = session.scalars(
        select(Reminder.trigger_key)
        .where(
            Reminder.region_id == region.id,
            Reminder.trigger == "approval",
            Reminder.status.in_(OPEN_STATUSES),
        )
        .distinct()
    ).all()
    return sorted(key for key in keys if key is not None)


def cancel_kb_warning(
    session: Session, region: Region, entry: AuditEntry, reason: str
) -> list[int]:
    """Cancel the region's waiting KB-expiry follow-up (a newer KB record, a signed PKS)."""
    keys = session.scalars(
        select(Reminder.trigger_key)
        .where(
            Reminder.region_id == region.id,
            Reminder.trigger == "kb",
            Reminder.status == policy.PENDING,
        )
        .distinct()
    ).all()
    cancelled: list[int] = []
    for key in keys:
        if key is None:  # every KB warning is keyed by its record; mypy cannot know that
            continue
        cancelled += cancel_pending(
            session, region, entry, trigger="kb", trigger_key=key, reason=reason
        )
    return cancelled


def _kb_key(record_id: int) -> str:
    return f"expiry:{record_id}"


def materialise_kb_warnings(session: Session, today: date) -> list[Reminder]:
    """The sweep's first step: a `kb_expiry` follow-up for each region whose KB ends within
    the notice months with no PKS signed, once per KB record (no row waits years ahead)."""
    from workflow.infrastructure.models import MouRecord

    latest = select(func.max(MouRecord.id)).group_by(MouRecord.region_id).scalar_subquery()
    records = session.execute(
        select(MouRecord, Region)
        .join(Region, Region.id == MouRecord.region_id)
        .where(MouRecord.id.in_(latest), Region.state.not_in(_PAST_THE_PKS))
    ).all()
    calendar: working_days.WorkingCalendar | None = None
    created = []
    for record, region in records:
        for rule in policy.rules_on_kb():
            notice = months_before(record.expires_on, rule["months_before_kb_expiry"] or 0)
            if notice > today or _has_kb_warning(session, region, record.id):
                continue
            calendar = calendar or working_days.load(session)
            reminder = _kb_reminder(region, rule, record.id, notice)
            reminder.due_on = calendar.next_working_day(max(notice, today))
            session.add(reminder)
            created.append(reminder)
    return created


def _has_kb_warning(session: Session, region: Region, record_id: int) -> bool:
    found = session.scalar(
        select(func.count())
        .select_from(Reminder)
        .where(
            Reminder.region_id == region.id,
            Reminder.trigger == "kb",
            Reminder.trigger_key == _kb_key(record_id),
        )
    )
    return bool(found)


def _kb_reminder(
    region: Region, rule: policy.ReminderRule, record_id: int, notice: date
) -> Reminder:
    return Reminder(
        region_id=region.id,
        rule_id=rule["id"],
        trigger="kb",
        trigger_key=_kb_key(record_id),
        created_by_entry_id=None,
        ladder=rule["ladder"],
        step=rule["step"],
        text=rule["text"],
        letter_kind=rule["letter"],
        letter_extra=dict(rule["letter_extra"]),
        opens_blocker=rule["opens_blocker"],
        base_on=notice,
        working_days=0,
        status=policy.PENDING,
        created_at=clock.utcnow(),
    )


# Once the PKS is signed (or the relationship ended), the KB's end warns of nothing.
_PAST_THE_PKS = ("moa_signed", "implementation", "closed", "declined")


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = month_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _note_scheduled(entry: AuditEntry, created: list[Reminder]) -> None:
    if not created:
        return
    # History shows, on the row that caused them, which follow-ups were scheduled.
    scheduled = [{"rule": r.rule_id, "due_on": r.due_on.isoformat()} for r in created]
    earlier = list((entry.details or {}).get("scheduled", []))
    entry.details = {**(entry.details or {}), "scheduled": earlier + scheduled}


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
    if reminder.trigger == "kb":
        when = _("{months} months before the KB expires, from {isoformat}").format(
            months=policy.KB_EXPIRY_NOTICE_MONTHS, isoformat=reminder.base_on.isoformat()
        )
    if rule is None:
        return _("rule {rule} (retired)").format(rule=reminder.rule_id)
    return _("rule {rule} ({when})").format(rule=reminder.rule_id, when=when)
