"""Use cases of `aksansi remind`: list, add, done, snooze, explain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, union_all
from sqlalchemy.orm import Session

from states import reminders as policy
from workflow.domain import audit, clock, regions, working_days
from workflow.domain.reminders.scheduling import close
from workflow.errors import InvalidInput, NotFound, PolicyViolation
from workflow.i18n import _
from workflow.infrastructure.models import Letter, Region, Reminder
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ReminderView:
    """A reminder as design.md §4 shows it (plus the region name for text output)."""

    id: int
    region: str
    due_on: date
    text: str
    status: str
    letter: str | None
    region_name: str = ""
    letter_number: str | None = None
    letter_error: str | None = None
    sent_on: date | None = None


def view(reminder: Reminder, region: Region, sent_on: date | None = None) -> ReminderView:
    return ReminderView(
        reminder.id,
        region.code,
        reminder.due_on,
        reminder.text,
        reminder.status,
        reminder.letter_kind,
        region.name,
        reminder.letter_number,
        reminder.letter_error,
        sent_on,
    )


def json_view(item: ReminderView) -> dict[str, object]:
    """The JSON keys of design.md §4, with `sent_on` and `letter_error` (issue 10)."""
    return {
        "id": item.id,
        "region": item.region,
        "due_on": item.due_on.isoformat(),
        "text": item.text,
        "status": item.status,
        "letter": item.letter,
        "letter_error": item.letter_error,
        "sent_on": None if item.sent_on is None else item.sent_on.isoformat(),
    }


OPEN = (policy.PENDING, policy.ISSUED)  # the default of `remind list`: what is still to be acted on


def check_statuses(status: str | None) -> tuple[str, ...]:
    """`--status S`: one of the statuses, or `all`; none given: pending and issued."""
    if status is None:
        return OPEN
    wanted = status.strip().lower()
    if wanted == "all":
        return policy.STATUSES
    if wanted not in policy.STATUSES:
        raise InvalidInput(
            _("--status {status!r} is not a reminder status; use one of: {all}, all.").format(
                status=status, all=", ".join(policy.STATUSES)
            )
        )
    return (wanted,)


@dataclass(frozen=True)
class ReminderList:
    """The reminders `remind list` shows, and how many more match (beyond `--limit`)."""

    items: list[ReminderView]
    more: int = 0


def list_reminders(
    uow: UnitOfWork,
    *,
    due: bool = False,
    region: str | None = None,
    statuses: tuple[str, ...] = OPEN,
) -> list[ReminderView]:
    """Reminders of `statuses` by due date; `due` keeps those due today or earlier."""
    return reminder_list(uow, due=due, region=region, statuses=statuses).items


def reminder_list(
    uow: UnitOfWork,
    *,
    due: bool = False,
    region: str | None = None,
    statuses: tuple[str, ...] = OPEN,
    limit: int | None = None,
) -> ReminderList:
    """The first `limit` (None: all) of the reminders `list_reminders` gives, as plain
    columns (no ORM object per row), and the number of the others (one count, on the
    (status, due_on) index)."""
    with uow:
        where: list[ColumnElement[bool]] = [Reminder.status.in_(statuses)]
        if due:
            where.append(Reminder.due_on <= clock.today())
        if region:
            where.append(Reminder.region_id == regions.resolve(uow.session, region).id)
        stmt = _listed(where)
        if limit is not None:
            stmt = stmt.limit(limit)
            if not region:
                stmt = stmt.where(Reminder.id.in_(_earliest_ids(statuses, where[1:], limit)))
        items = [ReminderView(*row) for row in uow.session.execute(stmt)]
        if limit is None:
            return ReminderList(items)
        total = uow.session.scalar(select(func.count()).select_from(Reminder).where(*where))
        return ReminderList(items, int(total or 0) - len(items))


def _earliest_ids(
    statuses: tuple[str, ...], where: list[ColumnElement[bool]], limit: int
) -> Select[tuple[int]]:
    """The ids of the first `limit` by due date of each status: each a walk of the
    (status, due_on, id) index that stops after `limit`, so a screenful costs the same with
    1,000 or 100,000 pending (one ordered query over `status IN (…)` sorts them all).
    The first `limit` of all are among them."""
    firsts = [
        select(Reminder.id)
        .where(Reminder.status == status, *where)
        .order_by(Reminder.due_on, Reminder.id)
        .limit(limit)
        .subquery()
        for status in statuses
    ]
    return union_all(*(select(first.c.id) for first in firsts))  # type: ignore[return-value]


def _listed(where: list[ColumnElement[bool]]) -> Select[*tuple[Any, ...]]:
    """The columns of a `ReminderView`, by due date."""
    return (
        select(
            Reminder.id,
            Region.code,
            Reminder.due_on,
            Reminder.text,
            Reminder.status,
            Reminder.letter_kind,
            Region.name,
            Reminder.letter_number,
            Reminder.letter_error,
            Letter.sent_on,
        )
        .join(Region, Region.id == Reminder.region_id)
        .outerjoin(Letter, Letter.number == Reminder.letter_number)
        .where(*where)
        .order_by(Reminder.due_on, Reminder.id)
    )


def add(uow: UnitOfWork, region: str, on: date, text: str, *, actor: str) -> ReminderView:
    """A reminder written by hand, due on a given day."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("a reminder needs a text saying what to do."))
    with uow:
        found = regions.resolve(uow.session, region)
        entry = audit.record(
            uow.session,
            region=found,
            kind="reminder_added",
            actor=actor,
            occurred_on=clock.today(),
            note=text,
            due_on=on.isoformat(),
        )
        uow.session.flush()
        reminder = Reminder(
            region_id=found.id,
            rule_id=None,
            trigger="manual",
            trigger_key=None,
            created_by_entry_id=entry.id,
            text=text,
            letter_extra={},
            base_on=clock.today(),
            working_days=None,
            due_on=on,
            status=policy.PENDING,
            created_at=clock.utcnow(),
        )
        uow.session.add(reminder)
        uow.session.flush()
        entry.details = {**entry.details, "reminder_id": reminder.id}
        uow.commit()
        return view(reminder, found)


def done(uow: UnitOfWork, reminder_id: int, *, actor: str) -> ReminderView:
    """Mark a pending or issued reminder as dealt with."""
    with uow:
        reminder, region = _get(uow.session, reminder_id)
        if reminder.status not in policy.MARKABLE_DONE:
            raise PolicyViolation(
                _(
                    "reminder #{reminder_id} is {status}; only a pending or issued reminder"
                    " can be marked done."
                ).format(reminder_id=reminder_id, status=reminder.status)
            )
        entry = audit.record(
            uow.session,
            region=region,
            kind="reminder_done",
            actor=actor,
            occurred_on=clock.today(),
            note=reminder.text,
            reminder_id=reminder.id,
            was=reminder.status,
        )
        uow.session.flush()
        close(
            reminder,
            policy.DONE,
            on=clock.today(),
            reason=_("marked done by {actor}").format(actor=actor),
            entry_id=entry.id,
        )
        uow.commit()
        return view(reminder, region)


def snooze(uow: UnitOfWork, reminder_id: int, until: date, *, actor: str) -> ReminderView:
    """Move a pending reminder to a later day (a holiday moves on to the next working day)."""
    today = clock.today()
    if until <= today:
        raise InvalidInput(
            _(
                "cannot snooze into the past or to today ({isoformat}); give a day "
                "after {isoformat2}."
            ).format(isoformat=until.isoformat(), isoformat2=today.isoformat())
        )
    with uow:
        reminder, region = _get(uow.session, reminder_id)
        if reminder.status != policy.PENDING:
            raise PolicyViolation(
                _(
                    "reminder #{reminder_id} is {status}; only a pending reminder can be snoozed."
                ).format(reminder_id=reminder_id, status=reminder.status)
            )
        target = working_days.load(uow.session).next_working_day(until)
        audit.record(
            uow.session,
            region=region,
            kind="reminder_snoozed",
            actor=actor,
            occurred_on=today,
            note=reminder.text,
            reminder_id=reminder.id,
            was_due_on=reminder.due_on.isoformat(),
            due_on=target.isoformat(),
        )
        reminder.due_on = target
        uow.commit()
        return view(reminder, region)


def _get(session: Session, reminder_id: int) -> tuple[Reminder, Region]:
    reminder = session.get(Reminder, reminder_id, with_for_update=True, populate_existing=True)
    if reminder is None:
        raise NotFound(
            _("there is no reminder #{reminder_id}; see 'aksansi remind list'.").format(
                reminder_id=reminder_id
            )
        )
    return reminder, session.get_one(Region, reminder.region_id)
