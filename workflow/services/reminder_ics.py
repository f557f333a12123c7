"""`aksansi remind ics`: the reminders as an iCalendar file.

Each reminder is an all-day, transparent (free time) VEVENT whose UID depends only on
the reminder, so a calendar that imports the file again updates the events instead of
duplicating them: a snoozed one moves (its SEQUENCE goes up with every move of the due
day), and one that is done, cancelled or skipped turns `STATUS:CANCELLED` and stays so
for `KEPT_CLOSED_DAYS` days, so the calendar removes it; then it leaves the file. The
words are Indonesian, the letters' language (states/reminder_calendar.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import and_, or_, select

from states import reminder_calendar as words
from states import reminders as policy
from states.letters import KINDS_BY_ID
from workflow.domain import clock
from workflow.infrastructure.models import Region, Reminder
from workflow.infrastructure.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from icalendar import Calendar, Event, Timezone

OPEN = (policy.PENDING, policy.ISSUED)
CLOSED = (policy.DONE, policy.CANCELLED, policy.SKIPPED)


def uid_of(reminder_id: int, region_code: str) -> str:
    return f"reminder-{reminder_id}-{region_code}@aksansi"


def export_ics(uow: UnitOfWork) -> bytes:
    """An iCalendar document of the open reminders and of those closed in the last
    `KEPT_CLOSED_DAYS` days (as cancelled events); valid with no event at all."""
    calendar = _calendar()
    stamp = clock.utcnow()
    for reminder, region in _calendar_rows(uow, clock.today()):
        calendar.add_component(_event(reminder, region, stamp))
    return bytes(calendar.to_ical())


def _calendar_rows(uow: UnitOfWork, today: date) -> list[tuple[Reminder, Region]]:
    kept_since = today - timedelta(days=words.KEPT_CLOSED_DAYS)
    with uow:
        rows = uow.session.execute(
            select(Reminder, Region)
            .join(Region, Region.id == Reminder.region_id)
            .where(
                or_(
                    Reminder.status.in_(OPEN),
                    and_(Reminder.status.in_(CLOSED), Reminder.closed_on >= kept_since),
                )
            )
            .order_by(Reminder.due_on, Reminder.id)
        )
        return [(reminder, region) for reminder, region in rows]


def _calendar() -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", words.PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", words.CALENDAR_NAME)
    calendar.add("x-wr-timezone", words.TIMEZONE)
    # RFC 5545 wants at least one component: the zone keeps a file with no event valid.
    calendar.add_component(_timezone())
    return calendar


def _timezone() -> Timezone:
    from icalendar import Timezone, TimezoneStandard

    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzname", words.TIMEZONE_NAME)
    standard.add("tzoffsetfrom", timedelta(hours=7))
    standard.add("tzoffsetto", timedelta(hours=7))
    zone = Timezone()
    zone.add("tzid", words.TIMEZONE)
    zone.add_component(standard)
    return zone


def _event(reminder: Reminder, region: Region, stamp: datetime) -> Event:
    from icalendar import Event

    closed = reminder.status in CLOSED
    event = Event()
    event.add("uid", uid_of(reminder.id, region.code))
    event.add("dtstamp", stamp)
    event.add("dtstart", reminder.due_on)
    event.add("dtend", reminder.due_on + timedelta(days=1))
    event.add("sequence", reminder.ics_sequence)
    event.add("status", "CANCELLED" if closed else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    event.add("summary", summary(reminder, region))
    event.add("description", description(reminder, region))
    return event


def summary(reminder: Reminder, region: Region) -> str:
    """The event's title, in Indonesian: the region and what the reminder asks for."""
    text = words.RULE_SUMMARIES.get(reminder.rule_id or "", reminder.text)
    if reminder.status in CLOSED:
        status = words.STATUS_WORDS[reminder.status]
        return words.CLOSED_SUMMARY.format(status=status, region_name=region.name, text=text)
    return words.SUMMARY.format(region_name=region.name, text=text)


def description(reminder: Reminder, region: Region) -> str:
    lines = [
        words.DESCRIPTION.format(
            id=reminder.id,
            region_name=region.name,
            region=region.code,
            status=words.STATUS_WORDS[reminder.status],
        )
    ]
    kind = KINDS_BY_ID.get(reminder.letter_kind or "")
    if kind is not None:
        template = words.LETTER_NUMBER_LINE if reminder.letter_number else words.LETTER_LINE
        lines.append(template.format(hal=kind["hal"], number=reminder.letter_number))
    lines.append(words.EXPLAIN_LINE.format(region=region.code))
    return "\n".join(lines)


DEFAULT_NAME = "aksansi-reminders.ics"


def write_ics(uow: UnitOfWork, output: Path | str, *, overwrite: bool = False) -> Path:
    """`remind ics -o FILE`: the file, never over an existing one unless `overwrite`."""
    from documents.output import output_path, write_atomic
    from workflow.domain.letters.issuing import document_errors

    with document_errors():
        path = output_path(output, Path(DEFAULT_NAME), overwrite=overwrite)
        write_atomic(path, export_ics(uow), overwrite=overwrite)
    return path
