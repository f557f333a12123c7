"""`aksansi today`: the coordinator's agenda — what she must do, and what she waits for.

Every active region is on it at least once (its next action); so is every reminder the
sweep issued and not yet done, and every pending one due within the window, so nothing
due disappears because another item of the same region came first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from states import next_actions as rules
from workflow.domain import clock, working_days
from workflow.domain.next_action import (
    ReminderFacts,
    WorkItem,
    WorklistReads,
    next_actions,
    region_facts,
    reminder_as_item,
    reminder_fact_columns,
)
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Region, Reminder
from workflow.infrastructure.unit_of_work import UnitOfWork

MAX_DAYS = 250  # about a year of working days


@dataclass(frozen=True)
class AgendaLine:
    item: WorkItem
    working_days_since: int | None  # how long the ball has been on that side


@dataclass
class Agenda:
    date: dt.date
    until: dt.date  # the last day of the window (`--days` working days ahead)
    to_do: list[AgendaLine] = field(default_factory=list)
    waiting: list[AgendaLine] = field(default_factory=list)
    later: list[AgendaLine] = field(default_factory=list)  # ours, due after the window

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "to_do": [line.item.item_json() for line in self.to_do],
            "waiting": [line.item.item_json() for line in self.waiting],
        }


def check_days(days: int) -> int:
    """`--days N` of `today` and `board --stalled`: working days, 0 to about a year."""
    if not 0 <= days <= MAX_DAYS:
        raise InvalidInput(
            _(
                "--days {days} is out of range; give a number of working days from 0 to {most}."
            ).format(days=days, most=MAX_DAYS)
        )
    return days


def agenda(uow: UnitOfWork, *, days: int = 5) -> Agenda:
    """Today's agenda: to do within `days` working days (overdue first), then waiting."""
    check_days(days)
    today = clock.today()
    with uow:
        session = uow.session
        calendar = working_days.load(session)
        until = calendar.add_working_days(today, days) if days else today
        regions = session.execute(
            select(*Region.__table__.columns)
            .where(Region.state.not_in(rules.INACTIVE))
            .order_by(Region.code)
        ).all()
        facts = {region.id: region_facts(region) for region in regions}
        reads = WorklistReads.load(session, list(facts.values()))
        chosen = next_actions(facts.values(), reads, today, calendar)
        items = list(chosen.values())
        taken = {item.reminder_id for item in items if item.reminder_id is not None}
        for reminder in _open_reminders(session, list(facts), until, taken):
            extra = reminder_as_item(facts[reminder.region_id], reminder, reads, today, calendar)
            if extra is not None and extra.who == "secretariat":
                items.append(extra)
    result = Agenda(date=today, until=until)
    for item in sorted(items, key=lambda i: (i.due_on, i.region, i.reminder_id or 0)):
        line = AgendaLine(item, _since(calendar, item.since, today))
        if item.who == "pemda":
            result.waiting.append(line)
        elif item.due_on <= until:
            result.to_do.append(line)
        else:
            result.later.append(line)
    return result


def _open_reminders(
    session: Any, region_ids: list[int], until: date, taken: set[int]
) -> list[ReminderFacts]:
    """Issued reminders not yet done, and pending ones due by `until`, besides those
    that are already a region's next action (plain rows, no ORM object each)."""
    if not region_ids:
        return []
    rows = session.execute(
        select(*reminder_fact_columns())
        .where(
            Reminder.region_id.in_(region_ids),
            or_(
                Reminder.status == "issued",
                (Reminder.status == "pending") & (Reminder.due_on <= until),
            ),
        )
        .order_by(Reminder.due_on, Reminder.id)
    )
    return [ReminderFacts(*row) for row in rows if row.id not in taken]


def _since(calendar: working_days.WorkingCalendar, since: date | None, today: date) -> int | None:
    return None if since is None else calendar.working_days_between(since, today)
