"""Which events a region can take now, and why the others are refused: `aksansi events`."""

from __future__ import annotations

from dataclasses import dataclass

from states import lifecycle as spec
from workflow.domain import guards, lifecycle
from workflow.domain.regions import resolve
from workflow.i18n import label
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class EventOption:
    event: str
    label: str
    to: str | None
    allowed: bool
    from_here: bool  # the current state is one of its sources (a guard may still refuse)
    reason: str | None


@dataclass(frozen=True)
class EventsView:
    region: str
    code: str
    state: str
    events: list[EventOption]


def events_for(uow: UnitOfWork, region_ref: str) -> EventsView:
    with uow:
        region = resolve(uow.session, region_ref)
        options = []
        for ev in spec.EVENTS:
            ctx = guards.build_context(uow.session, region, ev["trigger"], note=None, force=False)
            reason = lifecycle.source_refusal(region.state, ev["trigger"], region.name)
            reason = reason or lifecycle.guard_refusal(ev["trigger"], ctx)
            to = region.held_from if ev["dest"] == spec.PREVIOUS else ev["dest"]
            from_here = region.state in ev["sources"]
            options.append(
                EventOption(ev["trigger"], label(ev), to, reason is None, from_here, reason)
            )
        return EventsView(region.name, region.code, region.state, options)
