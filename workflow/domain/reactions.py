"""What the rest of the engine does when something happens to a region.

The services that change a region call these inside their own transaction, so a
reaction (scheduling or cancelling reminders, say) commits or rolls back with the
change that caused it. Each area adds its reaction here explicitly.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from states import reminders as reminder_policy
from workflow.domain import audit
from workflow.domain.reminders import scheduling
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Region


def plan_transition(
    session: Session, region_id: int, kind: str, from_state: str, to_state: str, day: date
) -> list[dict[str, Any]]:
    """The follow-ups entering `to_state` schedules, not yet written: their note goes on
    the event's own audit row, which `after_transition` then gets with its id."""
    if kind != "transition" or from_state == to_state or not to_state:
        return []
    rows = scheduling.schedule_rules(
        session,
        region_id,
        reminder_policy.rules_on_state(to_state),
        day,
        trigger="state",
        trigger_key=to_state,
    )
    if to_state == reminder_policy.APPROVAL_REMINDERS_ON:
        rows += scheduling.schedule_approval_reminders(session, region_id, day)
    return rows


def after_transition(
    session: Session, region_id: int, entry: audit.Written, scheduled: list[dict[str, Any]]
) -> list[int]:
    """A lifecycle event was fired (entry.kind is 'transition' or 'milestone') and its row
    written; writes what `plan_transition` planned and returns the ids of the follow-ups
    it cancelled."""
    if entry.kind != "transition" or entry.from_state == entry.to_state:
        return []
    _clear_kb_expiry(session, region_id, entry)
    cancelled = _approval_reminders_after(session, region_id, entry)
    if entry.from_state:
        cancelled += scheduling.cancel_pending(
            session,
            region_id,
            entry,
            trigger="state",
            trigger_key=entry.from_state,
            reason=_("the region left {from_state} ({value} on {isoformat})").format(
                from_state=entry.from_state,
                value=entry.event or "transition",
                isoformat=entry.occurred_on.isoformat(),
            ),
        )
    scheduling.write_scheduled(session.connection(), scheduled, entry.id)
    return cancelled


def _approval_reminders_after(session: Session, region_id: int, entry: audit.Written) -> list[int]:
    """Entering `moa_negotiation` starts the chase of each missing approval (planned with
    the state's follow-ups) and drops the chase of an item that no longer applies; leaving
    the MoA states (signing, hold, decline) ends it (states/reminders.py, `on_approval`)."""
    inside = reminder_policy.APPROVAL_STATES
    if entry.to_state == reminder_policy.APPROVAL_REMINDERS_ON:
        reason = _("the item no longer applies to the latest MoA draft, or is already recorded")
        return scheduling.cancel_approval_reminders(
            session, region_id, entry, reason, keep=scheduling.missing_approvals(session, region_id)
        )
    if entry.from_state in inside and entry.to_state not in inside:
        reason = _("{event} on {isoformat}: the approvals before the PKS are no longer chased")
        return scheduling.cancel_approval_reminders(
            session,
            region_id,
            entry,
            reason.format(event=entry.event, isoformat=entry.occurred_on.isoformat()),
        )
    return []


def after_approval_recorded(session: Session, region: Region, entry: AuditEntry) -> list[int]:
    """An approval item was recorded (`aksansi approve`): its reminder is cancelled."""
    item = str((entry.details or {})["item"])
    reason = _("{item} was recorded done on {isoformat}").format(
        item=item, isoformat=entry.occurred_on.isoformat()
    )
    return scheduling.cancel_pending(
        session,
        region.id,
        audit.written(session, entry),
        trigger="approval",
        trigger_key=item,
        reason=reason,
    )


def after_kb_recorded(session: Session, region: Region, entry: AuditEntry) -> None:
    """A KB (MoU) was recorded: its predecessor's warning, if waiting, is replaced (the sweep
    makes the new one when it falls due: states/reminders.py, `kb_expiry`)."""
    reason = _("a newer record of the KB replaces it")
    scheduling.cancel_kb_warning(session, region.id, audit.written(session, entry), reason)


def _clear_kb_expiry(session: Session, region_id: int, entry: audit.Written) -> None:
    if entry.event in reminder_policy.KB_EXPIRY_CLEARED_BY:
        reason = _("{event} on {isoformat}: the KB's end no longer needs a warning").format(
            event=entry.event, isoformat=entry.occurred_on.isoformat()
        )
        scheduling.cancel_kb_warning(session, region_id, entry, reason)


def after_blocker_opened(session: Session, region: Region, blocker: Any, entry: AuditEntry) -> None:
    """A blocker was opened (by a coordinator, a rotation or the sweep)."""
    rules = reminder_policy.rules_on_blocker(blocker.type)
    if rules and blocker.id is None:
        session.flush()
    scheduling.schedule_after(session, entry, rules, trigger="blocker", trigger_key=str(blocker.id))


def after_blocker_resolved(
    session: Session, region: Region, blocker: Any, entry: AuditEntry
) -> list[int]:
    """A blocker was resolved; returns the ids of the follow-ups it cancelled."""
    return scheduling.cancel_pending(
        session,
        region.id,
        audit.written(session, entry),
        trigger="blocker",
        trigger_key=str(blocker.id),
        reason=_("blocker #{id} ({type}) was resolved on {isoformat}").format(
            id=blocker.id, type=blocker.type, isoformat=entry.occurred_on.isoformat()
        ),
    )
