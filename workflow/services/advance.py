"""Fire a lifecycle event on a region: `aksansi advance REGION EVENT`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from states import lifecycle as spec
from workflow.domain import audit, clock, guards, lifecycle, reactions
from workflow.domain.blocker_resolution import resolve_ended
from workflow.domain.regions import resolve
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Region, Reminder
from workflow.infrastructure.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from workflow.domain.kb import KbTerms, KbView

LIFECYCLE_KINDS = ("transition", "milestone")
_LAST_EVENT_DAY = select(func.max(AuditEntry.occurred_on)).where(  # built once, run per advance
    AuditEntry.region_id == bindparam("region_id"),
    AuditEntry.kind.in_(LIFECYCLE_KINDS),
    AuditEntry.reverted_by_id.is_(None),  # an undone event does not hold the next one back
)


@dataclass(frozen=True)
class AdvanceResult:
    region: str
    code: str
    event: str
    from_state: str
    to_state: str
    on: date
    by: str
    forced_past: list[str]
    notes: list[str] = field(default_factory=list)  # e.g. the KSM coverage at pre-monitoring
    kb: KbView | None = None  # the KB recorded with sign_mou, if its numbers were given
    resolved: list[dict[str, object]] = field(default_factory=list)  # blockers it ended
    cancelled: list[dict[str, object]] = field(default_factory=list)  # follow-ups: id, text


def advance(
    uow: UnitOfWork,
    region_ref: str,
    event: str,
    *,
    actor: str,
    on: date | None = None,
    note: str | None = None,
    force: bool = False,
    kb: KbTerms | None = None,
) -> AdvanceResult:
    trigger = lifecycle.normalise_event(event)
    kb = kb if kb is not None and kb.given() else None
    if kb is not None and trigger != "sign_mou":
        raise InvalidInput(
            _(
                "the KB's numbers and date go with sign_mou only; to record them on their own, "
                "use: aksansi mou record REGION --number-pemda N --number-aksansi N --signed-on D."
            )
        )
    with uow:
        region = resolve(uow.session, region_ref)
        uow.subject = region.name
        day = _event_day(uow.session, region, on)
        ctx = guards.build_context(uow.session, region, trigger, note=note, force=force)
        from_state = region.state
        subject = lifecycle.Subject(region.state, region.held_from)
        to_state = lifecycle.fire(subject, trigger, ctx)
        forced = ctx.open_blocker_types if trigger in spec.BLOCKER_CHECKED_EVENTS else []
        entry = _apply(uow.session, region, trigger, from_state, to_state, day, actor, note, forced)
        if ctx.missing_approvals:  # signed by --force past the checklist: keep what was missing
            entry.details = {**entry.details, "forced_past_approvals": ctx.missing_approvals}
        cancelled = reactions.after_transition(uow.session, region, entry)
        resolved, more = resolve_ended(
            uow.session,
            region,
            taxonomy.types_resolved_by_event(trigger),
            day=day,
            actor=actor,
            cause=trigger,
            cause_entry=entry,
        )
        notes = _notes(uow.session, region, trigger)
        follow_ups = _texts(uow.session, [*cancelled, *more])
        recorded = None if kb is None else _record_kb(uow.session, region, kb, actor, day)
        uow.commit()
    return AdvanceResult(
        region.name,
        region.code,
        trigger,
        from_state,
        to_state,
        day,
        actor,
        forced,
        notes,
        recorded,
        resolved,
        follow_ups,
    )


def _texts(session: Session, ids: list[int]) -> list[dict[str, object]]:
    """The cancelled follow-ups, for the advance output."""
    if not ids:
        return []
    rows = session.execute(
        select(Reminder.id, Reminder.text).where(Reminder.id.in_(ids)).order_by(Reminder.id)
    )
    return [{"id": row.id, "text": row.text} for row in rows]


def _record_kb(session: Session, region: Region, kb: KbTerms, actor: str, day: date) -> KbView:
    from workflow.domain.kb import record_in

    return record_in(session, region, kb, actor=actor, day=day)


def _notes(session: Session, region: Region, trigger: str) -> list[str]:
    """Starting pre-monitoring or drafting the MoU shows the region's KSM coverage."""
    if trigger not in spec.KSM_COVERAGE_EVENTS:
        return []
    from workflow.domain.ksm.registry import coverage_lines

    return coverage_lines(session, region)


def _apply(
    session: Session,
    region: Region,
    trigger: str,
    from_state: str,
    to_state: str,
    day: date,
    actor: str,
    note: str | None,
    forced: list[str],
) -> AuditEntry:
    milestone = spec.event(trigger)["dest"] is None
    if not milestone:
        region.held_from = from_state if to_state == "on_hold" else None
        region.state = to_state
        region.state_since = day
    details = {"forced_past_blockers": forced} if forced else {}
    return audit.record(
        session,
        region=region,
        kind="milestone" if milestone else "transition",
        actor=actor,
        occurred_on=day,
        note=note,
        event=trigger,
        from_state=from_state,
        to_state=to_state,
        **details,
    )


def _event_day(session: Session, region: Region, on: date | None) -> date:
    today = clock.today()
    day = on or today
    if day > today:
        raise InvalidInput(
            _("{isoformat} is in the future; an event can only be back-dated.").format(
                isoformat=day.isoformat()
            )
        )
    previous = session.scalar(_LAST_EVENT_DAY, {"region_id": region.id})
    if previous is not None and day < previous:
        raise InvalidInput(
            _(
                "{isoformat} is before {name}'s previous event ({isoformat2}); events "
                "are recorded in order."
            ).format(isoformat=day.isoformat(), name=region.name, isoformat2=previous.isoformat())
        )
    return day
