"""Revert a region's latest lifecycle event inside the caller's transaction (no commit).

The reverted row stays in the audit, pointing at the `reverted` row that undid it
(`reverted_by_id`); so do the rows it caused (a `reminder_cancelled`, a
`blocker_resolved` written because of it: `details.cause_entry_id`). Every count reads
only rows that are not reverted. What the event did is put back:

- the region's state, `state_since` and `held_from` as they were before it;
- the follow-ups it scheduled that still wait are cancelled ("undone");
- the follow-ups it cancelled are pending again (due today if their day has passed), or
  issued again if the sweep had issued them (their letter is still in the register);
- the blockers it resolved by itself are open again (and their follow-ups pending).

Refused when something that depends on it has happened since: a letter numbered for the
region after it (a void letter does not count), or a follow-up it scheduled that has
been issued, done or skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import corrections as rules
from states import lifecycle as spec
from workflow.domain import audit, clock
from workflow.errors import InvalidInput, PolicyViolation
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Blocker, Letter, Region, Reminder

# The kinds a region's state (and state_since) can come from, oldest to newest.
_STATE_KINDS = ("transition", "seed", "region_added")


@dataclass
class Undone:
    """What an undo put back, for the `reverted` row and the command's answer."""

    entry_id: int
    kind: str
    event: str | None
    occurred_on: date
    state_from: str  # the state the event had left the region in
    state_to: str  # the state the region is back in
    reverted_by: int = 0  # the `reverted` row
    reminders_undone: list[int] = field(default_factory=list)
    reminders_pending_again: list[int] = field(default_factory=list)
    blockers_reopened: list[int] = field(default_factory=list)


def latest_event(session: Session, region: Region) -> AuditEntry | None:
    """The region's latest lifecycle event that has not been reverted."""
    return session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.region_id == region.id,
            AuditEntry.kind.in_(rules.UNDOABLE_KINDS),
            AuditEntry.reverted_by_id.is_(None),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()


def undo_latest(session: Session, region: Region, *, actor: str, note: str) -> Undone:
    """Revert the latest event of `region`, with its `reverted` row; refuse what depends on it."""
    entry = latest_event(session, region)
    if entry is None:
        raise InvalidInput(_("{region} has no event to undo.").format(region=region.name))
    _check_still_latest(region, entry)
    _check_no_letter_since(session, region, entry)
    scheduled = _scheduled_by(session, entry)
    _check_follow_ups_untouched(entry, scheduled)
    today = clock.today()
    undone = Undone(
        entry.id, entry.kind, entry.event, entry.occurred_on, region.state, region.state
    )
    if entry.kind == "transition":
        _restore_state(session, region, entry)
        undone.state_to = region.state
    row = audit.record(
        session,
        region=region,
        kind="reverted",
        actor=actor,
        occurred_on=today,
        note=note,
        # In details, not the event/state columns: what reads events (`board --as-of`,
        # letters citing the audience day) must not take the correction for the event.
        reverts=entry.id,
        reverted_kind=entry.kind,
        reverted_event=entry.event,
        reverted_on=entry.occurred_on.isoformat(),
        state_was=undone.state_from,
        state_now=undone.state_to,
    )
    session.flush()
    entry.reverted_by_id = undone.reverted_by = row.id
    undone.reminders_undone = _undo_scheduled(scheduled, entry, row, today)
    consequences = _consequences(session, region, entry)
    undone.reminders_pending_again = _repend(session, [entry, *consequences], today)
    undone.blockers_reopened = _reopen_blockers(session, consequences)
    for caused in consequences:
        caused.reverted_by_id = row.id
    row.details = {
        **row.details,
        "reminders_undone": undone.reminders_undone,
        "reminders_pending_again": undone.reminders_pending_again,
        "blockers_reopened": undone.blockers_reopened,
    }
    return undone


def _check_still_latest(region: Region, entry: AuditEntry) -> None:
    """A transition's row must describe where the region is now, or it is not the latest."""
    if entry.kind == "transition" and entry.to_state != region.state:
        raise PolicyViolation(
            _(
                "{region} is {state} now, not {to} as {event} (#{id}) left it; "
                "that event is not the latest change of state, so it cannot be undone."
            ).format(
                region=region.name,
                state=region.state,
                to=entry.to_state,
                event=entry.event,
                id=entry.id,
            )
        )


def _check_no_letter_since(session: Session, region: Region, entry: AuditEntry) -> None:
    numbers = [
        (row.details or {}).get("number")
        for row in session.scalars(
            select(AuditEntry).where(
                AuditEntry.region_id == region.id,
                AuditEntry.kind == "letter",
                AuditEntry.id > entry.id,
            )
        )
    ]
    if not numbers:
        return
    letter = session.scalars(
        select(Letter)
        .where(Letter.number.in_([n for n in numbers if n]), Letter.voided_on.is_(None))
        .order_by(Letter.id)
        .limit(1)
    ).first()
    if letter is not None:
        raise PolicyViolation(
            _(
                "letter {number} was numbered for {region} on {on}, after {event} (#{id}) "
                "it depends on; void the letter first ('aksansi letter void {number} "
                "--note …'), or record what happened next as a new event."
            ).format(
                number=letter.number,
                region=region.name,
                on=letter.issued_on.isoformat(),
                event=entry.event,
                id=entry.id,
            )
        )


def _scheduled_by(session: Session, entry: AuditEntry) -> list[Reminder]:
    return list(
        session.scalars(
            select(Reminder)
            .where(Reminder.created_by_entry_id == entry.id)
            .order_by(Reminder.id)
            .with_for_update()  # a sweep issuing one of them now: wait, and see it issued
        )
    )


def _check_follow_ups_untouched(entry: AuditEntry, scheduled: list[Reminder]) -> None:
    gone = [r for r in scheduled if r.status in rules.DEPENDENT_REMINDER_STATUSES]
    if gone:
        first = gone[0]
        raise PolicyViolation(
            _(
                "follow-up #{reminder} that {event} (#{id}) scheduled was {status} on {on}; "
                "what followed from the event cannot be undone with it."
            ).format(
                reminder=first.id,
                event=entry.event,
                id=entry.id,
                status=first.status,
                on=(first.closed_on or first.due_on).isoformat(),
            )
        )


def _restore_state(session: Session, region: Region, entry: AuditEntry) -> None:
    before = _state_rows_before(session, region, entry)
    region.state = entry.from_state or spec.INITIAL
    region.held_from = _held_from_before(entry, before)
    region.state_since = _state_since_before(before)


def _state_rows_before(session: Session, region: Region, entry: AuditEntry) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.region_id == region.id,
                AuditEntry.kind.in_(_STATE_KINDS),
                AuditEntry.reverted_by_id.is_(None),
                AuditEntry.id < entry.id,
            )
            .order_by(AuditEntry.id)
        )
    )


def _held_from_before(entry: AuditEntry, before: list[AuditEntry]) -> str | None:
    """On hold before the event: the state the hold that put it there came from."""
    if entry.from_state != "on_hold":
        return None
    holds = [row for row in before if row.kind == "transition" and row.to_state == "on_hold"]
    return holds[-1].from_state if holds else None


def _state_since_before(before: list[AuditEntry]) -> date | None:
    """The day the region entered its previous state (a seed's day is not recorded)."""
    if not before or before[-1].kind == "seed":
        return None
    return before[-1].occurred_on


def _undo_scheduled(
    scheduled: list[Reminder], entry: AuditEntry, row: AuditEntry, today: date
) -> list[int]:
    from workflow.domain.reminders.scheduling import close

    reason = rules.UNDONE_REASON.format(
        event=entry.event or entry.kind, on=entry.occurred_on.isoformat(), entry_id=entry.id
    )
    undone = [r for r in scheduled if r.status in rules.UNDONE_WHILE]
    for reminder in undone:
        close(reminder, "cancelled", on=today, reason=reason, entry_id=row.id)
    return [r.id for r in undone]


def _consequences(session: Session, region: Region, entry: AuditEntry) -> list[AuditEntry]:
    """The rows written because of the event (`details.cause_entry_id`, followed through:
    a blocker it resolved, the follow-ups that resolution cancelled), not yet reverted."""
    rows = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.region_id == region.id,
            AuditEntry.id > entry.id,
            AuditEntry.reverted_by_id.is_(None),
        )
        .order_by(AuditEntry.id)
    )
    causes, caused = {entry.id}, []
    for row in rows:  # a cause is always written before what it causes
        if (row.details or {}).get("cause_entry_id") in causes:
            caused.append(row)
            causes.add(row.id)
    return caused


def _repend(session: Session, causes: list[AuditEntry], today: date) -> list[int]:
    """Reminders the event (or what it caused) cancelled are pending again."""
    ids = [row.id for row in causes]
    cancelled = session.scalars(
        select(Reminder)
        .where(
            Reminder.closed_by_entry_id.in_(ids),
            Reminder.status.in_(rules.REPENDED_FROM),
        )
        .order_by(Reminder.id)
        .with_for_update()
    ).all()
    for reminder in cancelled:
        if reminder.issued_on is not None:  # cancelled after the sweep issued it: issued again
            reminder.status, reminder.closed_on = "issued", reminder.issued_on
            reminder.closed_reason = "issued again: what cancelled it was undone"
            reminder.closed_by_entry_id = None
            continue
        reminder.status = "pending"
        reminder.closed_on = reminder.closed_reason = reminder.closed_by_entry_id = None
        reminder.due_on = max(reminder.due_on, today)
    return [r.id for r in cancelled]


def _reopen_blockers(session: Session, consequences: list[AuditEntry]) -> list[int]:
    """Blockers the event resolved by itself are open again (their follow-ups were
    re-pended with the event's own, by `_repend`)."""
    resolved = [row for row in consequences if row.kind == "blocker_resolved"]
    reopened = []
    for row in resolved:
        blocker = session.get(Blocker, (row.details or {}).get("blocker_id"))
        if blocker is None or blocker.resolved_on is None:
            continue
        blocker.resolved_on = blocker.resolved_by = blocker.resolution_note = None
        reopened.append(blocker.id)
    return reopened
