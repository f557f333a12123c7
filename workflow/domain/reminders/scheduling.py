"""Scheduling and cancelling reminders inside another change's transaction.

`workflow.domain.reactions` calls these when a region enters or leaves a state or a blocker
opens or resolves; they take a Session and never commit. Due dates are computed once,
on working days, and stored on the row.
"""

from __future__ import annotations

import calendar as month_calendar
from datetime import date
from typing import Any

from sqlalchemy import Connection, Update, bindparam, case, func, insert, or_, select, update
from sqlalchemy.orm import Session

from states import reminders as policy
from workflow.domain import audit, clock, working_days
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Region, Reminder
from workflow.infrastructure.tables import REMINDER, forget_loaded


def schedule_rules(
    session: Session,
    region_id: int,
    rules: list[policy.ReminderRule],
    on: date,
    *,
    trigger: str,
    trigger_key: str,
) -> list[dict[str, Any]]:
    """The rows of one pending reminder per rule, due `working_days` after `on`, not
    yet written: `write_scheduled` writes them once their cause's audit row has an id,
    and `scheduled_note` is what that row records of them."""
    if not rules:
        return []
    calendar = working_days.load(session)
    created_at = clock.utcnow()
    rows = []
    for rule in rules:
        due_on = calendar.add_working_days(on, rule["working_days"])
        if rule["before_planning_deadline"] is not None:
            due_on = _before_planning_deadline(session, region_id, calendar, rule, on, due_on)
        rows.append(
            {
                "region_id": region_id,
                "rule_id": rule["id"],
                "trigger": trigger,
                "trigger_key": trigger_key,
                "ladder": rule["ladder"],
                "step": rule["step"],
                "text": rule["text"],
                "letter_kind": rule["letter"],
                "letter_extra": dict(rule["letter_extra"]),
                "opens_blocker": rule["opens_blocker"],
                "base_on": on,
                "working_days": rule["working_days"],
                "due_on": due_on,
                "status": policy.PENDING,
                "created_at": created_at,
            }
        )
    return rows


def scheduled_note(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the causing audit row shows of the follow-ups it scheduled (history)."""
    if not rows:
        return {}
    return {"scheduled": [{"rule": r["rule_id"], "due_on": r["due_on"].isoformat()} for r in rows]}


_INSERT = insert(REMINDER)


def write_scheduled(conn: Connection, rows: list[dict[str, Any]], entry_id: int) -> None:
    """Write the planned reminders (one executemany), created by the audit row `entry_id`."""
    if rows:
        conn.execute(_INSERT, [{**row, "created_by_entry_id": entry_id} for row in rows])


def schedule_after(
    session: Session, entry: AuditEntry, rules: list[policy.ReminderRule], **cause: str
) -> None:
    """`schedule_rules` for a cause recorded through the ORM (a blocker opened): the
    rows, their note on the entry, written after it."""
    rows = schedule_rules(session, entry.region_id or 0, rules, entry.occurred_on, **cause)
    if not rows:
        return
    entry.details = {**(entry.details or {}), **scheduled_note(rows)}
    session.flush()
    write_scheduled(session.connection(), rows, entry.id)


def schedule_approval_reminders(session: Session, region_id: int, on: date) -> list[dict[str, Any]]:
    """The rows of one reminder for each applicable approval item not yet recorded and not
    already chased (an open reminder of it stays), due the item's working days after `on`."""
    chased = set(_open_approval_keys(session, region_id))
    rows: list[dict[str, Any]] = []
    for item in missing_approvals(session, region_id):
        if item in chased:
            continue
        rules = policy.rules_on_approval(item)
        rows += schedule_rules(session, region_id, rules, on, trigger="approval", trigger_key=item)
    return rows


def missing_approvals(session: Session, region_id: int) -> list[str]:
    from workflow.domain import approvals

    return approvals.missing(approvals.checklists(session, [region_id])[region_id])


def cancel_approval_reminders(
    session: Session,
    region_id: int,
    cause: audit.Written,
    reason: str,
    *,
    keep: list[str] | None = None,
) -> list[int]:
    """Cancel the open approval reminders of the region, but those of the items in `keep`."""
    cancelled: list[int] = []
    for key in _open_approval_keys(session, region_id):
        if keep is not None and key in keep:
            continue
        cancelled += cancel_pending(
            session, region_id, cause, trigger="approval", trigger_key=key, reason=reason
        )
    return cancelled


_APPROVAL_KEYS = (  # the items of a region whose chase is open
    select(REMINDER.c.trigger_key)
    .where(
        REMINDER.c.region_id == bindparam("region_id"),
        REMINDER.c.trigger == "approval",
        or_(*(REMINDER.c.status == status for status in (policy.PENDING, policy.ISSUED))),
    )
    .distinct()
)


def _open_approval_keys(session: Session, region_id: int) -> list[str]:
    keys = session.connection().scalars(_APPROVAL_KEYS, {"region_id": region_id}).all()
    return sorted(key for key in keys if key is not None)


def _before_planning_deadline(
    session: Session,
    region_id: int,
    calendar: working_days.WorkingCalendar,
    rule: policy.ReminderRule,
    on: date,
    due_on: date,
) -> date:
    """A money follow-up comes before the planning window it aims at closes, if sooner."""
    from workflow.domain import planning

    own = planning.overrides_of(session, [region_id])[region_id]
    deadline = planning.next_target(on, own).deadline.ends_on
    latest = calendar.working_days_before(deadline, rule["before_planning_deadline"] or 0)
    return max(min(due_on, latest), calendar.next_working_day(on))


_KB_KEYS = (  # built once: the events that clear the KB's warning run it
    select(REMINDER.c.trigger_key)
    .where(
        REMINDER.c.region_id == bindparam("region_id"),
        REMINDER.c.trigger == "kb",
        REMINDER.c.status == policy.PENDING,
    )
    .distinct()
)


def cancel_kb_warning(
    session: Session, region_id: int, cause: audit.Written, reason: str
) -> list[int]:
    """Cancel the region's waiting KB-expiry follow-up (a newer KB record, a signed PKS)."""
    keys = session.connection().scalars(_KB_KEYS, {"region_id": region_id}).all()
    cancelled: list[int] = []
    for key in keys:
        if key is None:  # every KB warning is keyed by its record; mypy cannot know that
            continue
        cancelled += cancel_pending(
            session, region_id, cause, trigger="kb", trigger_key=key, reason=reason
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


# What leaving a state or resolving a blocker cancels: the follow-ups not yet due, and
# those the sweep issued that nobody has acted on yet (their letter not recorded sent):
# a region that answered is never chased, not even by a letter already printed.
OPEN_STATUSES = (policy.PENDING, policy.ISSUED)

_OPEN_OF = (  # built once: every state change runs it
    select(REMINDER.c.id)
    .where(
        REMINDER.c.region_id == bindparam("region_id"),
        # OR, not IN: a fixed list as IN is expanded anew at every execution
        or_(*(REMINDER.c.status == status for status in OPEN_STATUSES)),
        REMINDER.c.trigger == bindparam("trigger"),
        REMINDER.c.trigger_key == bindparam("trigger_key"),
    )
    .order_by(REMINDER.c.id)
    # A sweep issuing one of them right now holds its row: wait, and see it issued.
    .with_for_update()
)


def _close_statement(status: str) -> Update:
    """Close one reminder as `status`; like the ORM's listeners on `Reminder.status`, the
    calendar event's SEQUENCE moves on when the row goes from open to closed (or back)."""
    was_open = or_(*(REMINDER.c.status == open_status for open_status in OPEN_STATUSES))
    changes_openness = ~was_open if status in OPEN_STATUSES else was_open
    return (
        update(REMINDER)
        .where(REMINDER.c.id == bindparam("reminder_id"))
        .values(
            status=status,
            closed_on=bindparam("close_on"),
            closed_reason=bindparam("close_reason"),
            closed_by_entry_id=bindparam("close_entry_id"),
            ics_sequence=REMINDER.c.ics_sequence + case((changes_openness, 1), else_=0),
        )
    )


_CLOSE = {status: _close_statement(status) for status in policy.STATUSES}  # built once


def cancel_pending(
    session: Session,
    region_id: int,
    cause: audit.Written,
    *,
    trigger: str,
    trigger_key: str,
    reason: str,
) -> list[int]:
    """Cancel what a state entry or a blocker scheduled and is still open (pending, or
    issued and not yet done); one audit row lists them."""
    conn = session.connection()
    ids = list(
        conn.scalars(
            _OPEN_OF, {"region_id": region_id, "trigger": trigger, "trigger_key": trigger_key}
        )
    )
    if not ids:
        return []
    close_rows(
        session, ids, policy.CANCELLED, on=cause.occurred_on, reason=reason, entry_id=cause.id
    )
    audit.insert_row(
        conn,
        region_id=region_id,
        kind="reminder_cancelled",
        actor=cause.actor,
        occurred_on=cause.occurred_on,
        note=reason,
        details={"reminder_ids": ids, "cause_entry_id": cause.id},
    )
    return ids


_CLOSED_COLUMNS = ["status", "closed_on", "closed_reason", "closed_by_entry_id", "ics_sequence"]


def close_rows(
    session: Session,
    ids: list[int],
    status: str,
    *,
    on: date,
    reason: str | None,
    entry_id: int | None,
) -> None:
    """`close` for rows not loaded as objects: one executemany UPDATE; a copy the session
    holds is expired, so it reads the closed row next time."""
    _check_closing(status)
    values = {"close_on": on, "close_reason": reason, "close_entry_id": entry_id}
    session.connection().execute(_CLOSE[status], [{**values, "reminder_id": i} for i in ids])
    forget_loaded(session, Reminder, ids, _CLOSED_COLUMNS)


def close(
    reminder: Reminder, status: str, *, on: date, reason: str | None, entry_id: int | None
) -> None:
    _check_closing(status)
    reminder.status = status
    reminder.closed_on = on
    reminder.closed_reason = reason
    reminder.closed_by_entry_id = entry_id


def _check_closing(status: str) -> None:
    if status not in policy.STATUSES or status == policy.PENDING:
        raise ValueError(f"{status!r} does not close a reminder; see states/reminders.STATUSES")


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
