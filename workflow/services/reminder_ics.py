"""`aksansi remind ics`: the pending reminders as an iCalendar file.

Each reminder is an all-day VEVENT whose UID depends only on the reminder, so a
calendar that imports the file again updates the events (a snoozed one moves)
instead of duplicating them.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from workflow.domain import clock
from workflow.i18n import _
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.reminders import ReminderView, list_reminders

PRODID = "-//AKSANSI Secretariat//aksansi reminders//ID"


def uid_of(item: ReminderView) -> str:
    return f"reminder-{item.id}-{item.region}@aksansi"


def export_ics(uow: UnitOfWork) -> bytes:
    """An iCalendar document of every pending reminder."""
    from icalendar import Calendar, Event

    stamp = clock.utcnow()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("AKSANSI reminders"))
    for item in list_reminders(uow):
        event = Event()
        event.add("uid", uid_of(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_on)
        event.add("dtend", item.due_on + timedelta(days=1))
        event.add("summary", f"{item.region_name}: {_(item.text)}")
        letter = f"\nLetter: {item.letter}" if item.letter else ""
        event.add(
            "description",
            _("Reminder #{id} ({region}){letter}\naksansi remind explain {region}").format(
                id=item.id, region=item.region, letter=letter
            ),
        )
        calendar.add_component(event)
    return bytes(calendar.to_ical())


DEFAULT_NAME = "aksansi-reminders.ics"


def write_ics(uow: UnitOfWork, output: Path | str, *, overwrite: bool = False) -> Path:
    """`remind ics -o FILE`: the file, never over an existing one unless `overwrite`."""
    from documents.output import output_path, write_atomic
    from workflow.domain.letters.issuing import document_errors

    with document_errors():
        path = output_path(output, Path(DEFAULT_NAME), overwrite=overwrite)
        write_atomic(path, export_ics(uow), overwrite=overwrite)
    return path
