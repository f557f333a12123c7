"""The regional planning calendar: the windows of budget year N, per region, and the next
window a proposal can still reach (`states/planning.py` holds the stages).

A region's own dates are `planning_window_set` audit rows (the latest per stage and budget
year wins; earlier ones stay as the record), so an override needs no table of its own.
"""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.filters import bulan
from states import planning as spec
from workflow.errors import InvalidInput
from workflow.i18n import N_, _
from workflow.infrastructure.models import AuditEntry

OVERRIDE_KIND = "planning_window_set"


@dataclass(frozen=True)
class Window:
    """One stage of the planning cycle for one budget year."""

    stage: str
    budget_year: int
    starts_on: date
    ends_on: date
    source: str
    certainty: str
    overridden: bool = False

    @property
    def label(self) -> str:
        return stage_label(self.stage)


# (stage, budget year) -> (from, to): one region's own dates
Overrides = dict[tuple[str, int], tuple[date, date]]


def stage_label(stage_id: str) -> str:
    """The stage's name as Indonesians write it (the names are Indonesian institutions)."""
    return spec.STAGES_BY_ID[stage_id]["label_id"]


def check_budget_year(year: int) -> None:
    if not spec.FIRST_BUDGET_YEAR <= year <= spec.LAST_BUDGET_YEAR:
        raise InvalidInput(
            _(
                "The planning calendar covers budget years {first} to {last}; {year} is outside it."
            ).format(first=spec.FIRST_BUDGET_YEAR, last=spec.LAST_BUDGET_YEAR, year=year)
        )


def check_stage(stage_id: str) -> spec.PlanningStage:
    stage = spec.STAGES_BY_ID.get(stage_id)
    if stage is None:
        raise InvalidInput(
            _("Unknown planning stage '{stage}'; the stages are: {known}.").format(
                stage=stage_id, known=", ".join(spec.STAGES_BY_ID)
            )
        )
    return stage


def usual_window(stage: spec.PlanningStage, budget_year: int) -> tuple[date, date]:
    year = budget_year + stage["year_offset"]
    last_day = month_calendar.monthrange(year, stage["to_month"])[1]
    return (
        date(year, stage["from_month"], stage["from_day"]),
        date(year, stage["to_month"], min(stage["to_day"], last_day)),
    )


def budget_year_of(stage: spec.PlanningStage, starts_on: date) -> int:
    """The budget year a window starting on `starts_on` belongs to."""
    return starts_on.year - stage["year_offset"]


def windows(budget_year: int, overrides: Overrides | None = None) -> list[Window]:
    """The stages of `budget_year` in the calendar's order, with a region's own dates."""
    overrides = overrides or {}
    found = []
    for stage in spec.STAGES:
        own = overrides.get((stage["id"], budget_year))
        starts_on, ends_on = own or usual_window(stage, budget_year)
        found.append(
            Window(
                stage=stage["id"],
                budget_year=budget_year,
                starts_on=starts_on,
                ends_on=ends_on,
                source=stage["source"],
                certainty=stage["certainty"],
                overridden=own is not None,
            )
        )
    return found


@dataclass(frozen=True)
class Target:
    """Where a proposal for money should aim from a given day."""

    budget_year: int
    deadline: Window  # submit before this window ends (the kabupaten/kota Musrenbang)
    revision: Window | None  # the APBD-Perubahan of the current year, while still open

    def sentence(self, region_kind: str | None, translate: Callable[[str], str] = _) -> str:
        """`translate=str`: the English source (JSON keeps texts in English); a region of
        unknown kind gets "Musrenbang kabupaten/kota"."""
        place = region_kind if region_kind in ("kabupaten", "kota") else "kabupaten/kota"
        text = translate(
            N_("for APBD {year}: proposal to the Bappeda before the Musrenbang {place}, {month}")
        ).format(year=self.budget_year, place=place, month=month_year(self.deadline.ends_on))
        if self.revision is not None:
            text += translate(N_(" (or the APBD-Perubahan {year}, by {day})")).format(
                year=self.revision.budget_year, day=self.revision.ends_on.isoformat()
            )
        return text


def next_target(today: date, overrides: Overrides | None = None) -> Target:
    """The first budget year whose proposal deadline has not passed on `today`."""
    year = max(today.year, spec.FIRST_BUDGET_YEAR)
    while True:
        deadline = _window_of(spec.PROPOSAL_DEADLINE_STAGE, year, overrides)
        if deadline.ends_on >= today:
            break
        year += 1
    revision = _window_of(spec.REVISION_STAGE, today.year, overrides)
    if revision.ends_on < today:
        revision = _window_of(spec.REVISION_STAGE, today.year + 1, overrides)
    sooner = revision if revision.budget_year < year else None
    return Target(budget_year=year, deadline=deadline, revision=sooner)


def _window_of(stage_id: str, budget_year: int, overrides: Overrides | None) -> Window:
    return next(w for w in windows(budget_year, overrides) if w.stage == stage_id)


def month_year(day: date) -> str:
    """`Maret 2027`: the month as Indonesian planning calendars write it."""
    return f"{bulan(day)} {day.year}"


def overrides_of(session: Session, region_ids: Iterable[int]) -> dict[int, Overrides]:
    """Each region's own planning dates, from its `planning_window_set` rows (one query)."""
    ids = list(region_ids)
    found: dict[int, Overrides] = {region_id: {} for region_id in ids}
    if not ids:
        return found
    rows = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.kind == OVERRIDE_KIND,
            AuditEntry.region_id.in_(ids),
            AuditEntry.reverted_by_id.is_(None),
        )
        .order_by(AuditEntry.id)
    )
    for row in rows:
        add_override(found[row.region_id or 0], row)
    return found


def add_override(overrides: Overrides, row: AuditEntry) -> None:
    """One `planning_window_set` row into a region's own dates (later rows win)."""
    details = row.details or {}
    key = (str(details["stage"]), int(details["budget_year"]))
    overrides[key] = (
        date.fromisoformat(str(details["from"])),
        date.fromisoformat(str(details["to"])),
    )
