"""Fire a lifecycle event on a region: `aksansi advance REGION EVENT`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from states import lifecycle as spec
from workflow.domain import audit, clock, guards, lifecycle, reactions
from workflow.domain.blocker_resolution import resolve_ended
from workflow.domain.regions import RegionRow, RowQueries, resolve_columns, write_state
from workflow.domain.reminders import scheduling
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Region
from workflow.infrastructure.tables import AUDIT_LOG, REGION, REMINDER
from workflow.infrastructure.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from workflow.domain.kb import KbTerms, KbView

LIFECYCLE_KINDS = ("transition", "milestone")
# Built once, run per advance (advance reads and writes with Core: issue 17). The region
# and its previous lifecycle event's day, in one round trip.
_REGION_AND_LAST_DAY = RowQueries.with_extra(
    select(func.max(AUDIT_LOG.c.occurred_on))
    .where(
        AUDIT_LOG.c.region_id == REGION.c.id,
        or_(*(AUDIT_LOG.c.kind == kind for kind in LIFECYCLE_KINDS)),  # not IN: no re-expansion
        AUDIT_LOG.c.reverted_by_id.is_(None),  # an undone event does not hold the next one back
    )
    .scalar_subquery()
)
_TEXTS = (
    select(REMINDER.c.id, REMINDER.c.text)
    .where(REMINDER.c.id.in_(bindparam("ids", expanding=True)))
    .order_by(REMINDER.c.id)
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
        session = uow.session
        found = resolve_columns(session, region_ref, _REGION_AND_LAST_DAY)
        region, previous = RegionRow.of(found), found[-1]
        uow.subject = region.name
        day = _event_day(region, on, previous)
        ctx = guards.build_context(session, region, trigger, note=note, force=force)
        from_state = region.state
        subject = lifecycle.Subject(region.state, region.held_from)
        to_state = lifecycle.fire(subject, trigger, ctx)
        forced = ctx.open_blocker_types if trigger in spec.BLOCKER_CHECKED_EVENTS else []
        kind = "transition" if spec.event(trigger)["dest"] is not None else "milestone"
        scheduled = reactions.plan_transition(session, region.id, kind, from_state, to_state, day)
        details: dict[str, Any] = {"forced_past_blockers": forced} if forced else {}
        if ctx.missing_approvals:  # signed by --force past the checklist: keep what was missing
            details["forced_past_approvals"] = ctx.missing_approvals
        if kind == "transition":
            held_from = from_state if to_state == "on_hold" else None
            write_state(session, region, to_state, held_from, day)
        entry = audit.insert_row(
            session.connection(),
            region_id=region.id,
            kind=kind,
            actor=actor,
            occurred_on=day,
            note=note,
            event=trigger,
            from_state=from_state,
            to_state=to_state,
            details={**details, **scheduling.scheduled_note(scheduled)},
        )
        cancelled = reactions.after_transition(session, region.id, entry, scheduled)
        resolved, more = _resolve_ended(session, region, trigger, day, actor, entry.id)
        notes = _notes(session, region, trigger)
        follow_ups = _texts(session, [*cancelled, *more])
        recorded = None if kb is None else _record_kb(session, region, kb, actor, day)
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


def _resolve_ended(
    session: Session, region: RegionRow, trigger: str, day: date, actor: str, entry_id: int
) -> tuple[list[dict[str, object]], list[int]]:
    """The automatic blockers whose cause this event ends (receive_response, say)."""
    types = taxonomy.types_resolved_by_event(trigger)
    if not types:
        return [], []
    return resolve_ended(
        session,
        session.get_one(Region, region.id),
        types,
        day=day,
        actor=actor,
        cause=trigger,
        cause_entry_id=entry_id,
    )


def _texts(session: Session, ids: list[int]) -> list[dict[str, object]]:
    """The cancelled follow-ups, for the advance output."""
    if not ids:
        return []
    rows = session.connection().execute(_TEXTS, {"ids": ids})
    return [{"id": row.id, "text": row.text} for row in rows]


def _record_kb(session: Session, region: RegionRow, kb: KbTerms, actor: str, day: date) -> KbView:
    from workflow.domain.kb import record_in

    return record_in(session, session.get_one(Region, region.id), kb, actor=actor, day=day)


def _notes(session: Session, region: RegionRow, trigger: str) -> list[str]:
    """Starting pre-monitoring or drafting the MoU shows the region's KSM coverage."""
    if trigger not in spec.KSM_COVERAGE_EVENTS:
        return []
    from workflow.domain.ksm.registry import coverage_lines

    return coverage_lines(session, session.get_one(Region, region.id))


def _event_day(region: RegionRow, on: date | None, previous: date | None) -> date:
    today = clock.today()
    day = on or today
    if day > today:
        raise InvalidInput(
            _("{isoformat} is in the future; an event can only be back-dated.").format(
                isoformat=day.isoformat()
            )
        )
    if previous is not None and day < previous:
        raise InvalidInput(
            _(
                "{isoformat} is before {name}'s previous event ({isoformat2}); events "
                "are recorded in order."
            ).format(isoformat=day.isoformat(), name=region.name, isoformat2=previous.isoformat())
        )
    return day
