"""Use cases of `aksansi calendar planning`: the planning windows, and a region's own dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workflow.domain import audit, clock, planning
from workflow.domain.planning import Window
from workflow.domain.regions import resolve
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PlanningView:
    budget_year: int
    region: str | None  # the region's name when its own dates were asked for
    windows: list[Window]


def planning_calendar(
    uow: UnitOfWork, *, year: int | None, region_text: str | None
) -> PlanningView:
    """The windows of budget `year` (default: the next year a proposal can still reach)."""
    with uow:
        overrides: planning.Overrides = {}
        name = None
        if region_text is not None:
            region = resolve(uow.session, region_text)
            overrides = planning.overrides_of(uow.session, [region.id])[region.id]
            name = region.name
        budget_year = year if year is not None else planning.next_target(clock.today()).budget_year
        planning.check_budget_year(budget_year)
        return PlanningView(budget_year, name, planning.windows(budget_year, overrides))


def set_window(
    uow: UnitOfWork, region_text: str, stage_id: str, *, starts_on: date, ends_on: date, actor: str
) -> Window:
    """Record a region's own dates for one stage (its calendar differs from the usual one)."""
    stage = planning.check_stage(stage_id)
    if ends_on < starts_on:
        raise InvalidInput(
            _("The window ends ({to}) before it starts ({start}).").format(
                to=ends_on.isoformat(), start=starts_on.isoformat()
            )
        )
    budget_year = planning.budget_year_of(stage, starts_on)
    planning.check_budget_year(budget_year)
    with uow:
        region = resolve(uow.session, region_text)
        audit.record(
            uow.session,
            region=region,
            kind="planning_window_set",
            actor=actor,
            occurred_on=clock.today(),
            stage=stage_id,
            budget_year=budget_year,
            **{"from": starts_on.isoformat(), "to": ends_on.isoformat()},
        )
        uow.commit()
    return Window(
        stage=stage_id,
        budget_year=budget_year,
        starts_on=starts_on,
        ends_on=ends_on,
        source=stage["source"],
        certainty=stage["certainty"],
        overridden=True,
    )
