"""The coordinator's morning view: every region by stage, in lifecycle order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from states import lifecycle as spec
from workflow.domain import clock, portfolio, region_sections
from workflow.domain.views import RegionView, region_views
from workflow.i18n import label
from workflow.infrastructure.models import Region
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass
class StageGroup:
    state: str
    label: str
    count: int
    regions: list[RegionView]


@dataclass
class Board:
    as_of: date
    total: int
    blocked: int
    due_this_week: int
    stages: list[StageGroup]
    moved_since: list[dict[str, str]] = field(default_factory=list)


def board(uow: UnitOfWork) -> Board:
    with uow:
        regions = list(uow.session.scalars(select(Region).order_by(Region.code)))
        views = region_views(uow.session, regions)
    today = clock.today()
    week_end = today + timedelta(days=7)
    due = [v for v in views if v.next_reminder and str(v.next_reminder["due_on"]) <= str(week_end)]
    return Board(
        as_of=today,
        total=len(views),
        blocked=sum(1 for v in views if v.open_blockers),
        due_this_week=len(due),
        stages=_group(views),
    )


def _group(views: list[RegionView]) -> list[StageGroup]:
    groups = []
    for state in spec.STATES:
        members = [v for v in views if v.state == state["id"]]
        members.sort(key=lambda v: (-(v.days_in_state or 0), v.code))
        if members:
            groups.append(StageGroup(state["id"], label(state), len(members), members))
    return groups


def board_as_of(uow: UnitOfWork, day: date) -> Board:
    """The portfolio as it stood at the end of `day`, and what moved since.

    A region's state then is its last transition on or before `day`; without one, the state
    it was seeded in, or added in if that was on or before `day` (`domain.portfolio`).
    """
    with uow:
        rows = portfolio.lifecycle_rows(uow.session)
        blocked = region_sections.open_blockers_on(
            uow.session, list({r.region_id for r in rows}), day
        )
    moved = [_move(row) for row in portfolio.moves_between(rows, day)]
    standing = portfolio.standing_on(rows, day)
    views = [_past_view(r, day, blocked.get(r.region_id, [])) for r in standing.values()]
    return Board(
        as_of=day,
        total=len(views),
        blocked=sum(1 for v in views if v.open_blockers),
        due_this_week=0,
        stages=_group(views),
        moved_since=moved,
    )


def _move(row: portfolio.LifecycleRow) -> dict[str, str]:
    return {
        "code": row.code,
        "name": row.name,
        "on": row.occurred_on.isoformat(),
        "event": row.event or "",
        "from": row.from_state or "",
        "to": row.to_state or "",
    }


def _past_view(
    row: portfolio.LifecycleRow, day: date, blockers: list[dict[str, Any]]
) -> RegionView:
    state = portfolio.state_of(row)
    since = None if row.kind == "seed" else row.occurred_on
    return RegionView(
        code=row.code,
        name=row.name,
        kind=row.region_kind,
        province=row.province,
        state=state,
        state_label=spec.state(state)["label_id"],
        state_since=since,
        days_in_state=None if since is None else (day - since).days,
        open_blockers=blockers,
        next_reminder=None,
    )
