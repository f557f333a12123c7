"""`aksansi remind explain REGION`: every reminder of a region, where it came from and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from states import reminders as policy
from workflow.domain import regions
from workflow.domain.audit import entries_by_id
from workflow.domain.reminders.scheduling import rule_label
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Reminder
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ExplainedReminder:
    id: int
    status: str
    due_on: date
    text: str
    rule: str  # which rule, counting from which day
    created_by: str  # the event (audit entry) that scheduled it
    outcome: str | None  # why it was issued, done, cancelled or skipped
    letter: str | None
    letter_number: str | None
    letter_error: str | None


@dataclass(frozen=True)
class Explanation:
    region: str
    region_name: str
    state: str
    reminders: list[ExplainedReminder]


def explain(uow: UnitOfWork, region_text: str) -> Explanation:
    """All reminders of a region, oldest first, each with its rule, cause and outcome."""
    with uow:
        region = regions.resolve(uow.session, region_text)
        rows = uow.session.scalars(
            select(Reminder)
            .where(Reminder.region_id == region.id)
            .order_by(Reminder.due_on, Reminder.id)
        ).all()
        ids = {r.created_by_entry_id for r in rows} | {r.closed_by_entry_id for r in rows}
        entries = entries_by_id(uow.session, {i for i in ids if i is not None})
        items = [_explained(row, entries) for row in rows]
        return Explanation(region.code, region.name, region.state, items)


def _explained(row: Reminder, entries: dict[int, AuditEntry]) -> ExplainedReminder:
    return ExplainedReminder(
        id=row.id,
        status=row.status,
        due_on=row.due_on,
        text=row.text,
        rule=rule_label(row),
        created_by=_describe(entries.get(row.created_by_entry_id or 0)),
        outcome=_outcome(row),
        letter=row.letter_kind,
        letter_number=row.letter_number,
        letter_error=row.letter_error,
    )


def _outcome(row: Reminder) -> str | None:
    if row.status == policy.PENDING:
        return None
    day = row.closed_on.isoformat() if row.closed_on else "?"
    reason = f": {row.closed_reason}" if row.closed_reason else ""
    return (
        _("{status} on {day}").format(status=_(policy.STATUS_WORDS[row.status]), day=day) + reason
    )


def _describe(entry: AuditEntry | None) -> str:
    if entry is None:
        return _("unknown (the audit entry is gone)")
    what = entry.kind
    if entry.kind == "transition":
        what = f"{entry.event} ({entry.from_state} → {entry.to_state})"
    elif entry.details.get("type"):
        what = f"{entry.kind} {entry.details['type']}"
    return _("{what} on {day} by {actor} (audit #{id})").format(
        what=what, day=entry.occurred_on.isoformat(), actor=entry.actor, id=entry.id
    )
