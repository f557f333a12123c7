"""The coordinator's morning view: every region by stage, in lifecycle order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from states import lifecycle as spec
from workflow.domain import as_of, clock, portfolio, region_sections
from workflow.domain.views import RegionView, region_rows, region_views, state_labels
from workflow.i18n import label
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
    overdue: int = 0  # regions whose next action is overdue
    stalled_days: int | None = None  # `--stalled --days N`: only those overdue by more


def board(uow: UnitOfWork, *, stalled_days: int | None = None) -> Board:
    """The board today; `stalled_days`: only regions overdue by more working days."""
    _check_stalled(stalled_days)
    with uow:
        regions = uow.session.connection().execute(region_rows()).all()
        views = region_views(uow.session, regions)
    today = clock.today()
    week_end = today + timedelta(days=7)
    due = [v for v in views if v.next_reminder and str(v.next_reminder["due_on"]) <= str(week_end)]
    return _finish(
        Board(
            as_of=today,
            total=len(views),
            blocked=sum(1 for v in views if v.open_blockers),
            due_this_week=len(due),
            stages=[],
        ),
        views,
        stalled_days,
    )


def _check_stalled(days: int | None) -> None:
    if days is not None:
        from workflow.services.today import check_days

        check_days(days)


def _finish(result: Board, views: list[RegionView], stalled_days: int | None) -> Board:
    """Count the overdue, keep only the stalled when asked, group by stage."""
    result.overdue = sum(1 for v in views if _overdue(v) > 0)
    if stalled_days is not None:
        views = [v for v in views if _overdue(v) > stalled_days]
        result.stalled_days = stalled_days
    result.stages = _group(views)
    return result


def _overdue(view: RegionView) -> int:
    return int(view.next_action["overdue_days"]) if view.next_action else 0


def _group(views: list[RegionView]) -> list[StageGroup]:
    groups = []
    for state in spec.STATES:
        members = [v for v in views if v.state == state["id"]]
        members.sort(key=lambda v: (-(v.days_in_state or 0), v.code))
        if members:
            groups.append(StageGroup(state["id"], label(state), len(members), members))
    return groups


def board_as_of(uow: UnitOfWork, day: date, *, stalled_days: int | None = None) -> Board:
    """The portfolio as it stood at the end of `day`, and what moved since.

    A region's state then is its last transition on or before `day`; without one, the state
    it was seeded in, or added in if that was on or before `day` (`domain.as_of`). Its
    next action is the one the reminders, blockers and letters of that day gave.
    """
    _check_stalled(stalled_days)
    with uow:
        standing = as_of.standing_rows(uow.session, day)
        blocked, first_blockers = region_sections.open_blockers_on_and_firsts(
            uow.session, [r.region_id for r in standing], day
        )
        moved = [_move(row) for row in as_of.moves_after(uow.session, day)]
        labels = state_labels()
        views = [_past_view(r, day, blocked.get(r.region_id, []), labels) for r in standing]
        _past_actions(uow.session, views, standing, day, first_blockers)
    result = Board(
        as_of=day,
        total=len(views),
        blocked=sum(1 for v in views if v.open_blockers),
        due_this_week=0,
        stages=[],
        moved_since=moved,
    )
    return _finish(result, views, stalled_days)


def _past_actions(
    session: Any,
    views: list[RegionView],
    rows: list[portfolio.LifecycleRow],
    day: date,
    blockers: dict[int, list[Any]],
) -> None:
    """Each view's next action as it stood at the end of `day`."""
    from workflow.domain import working_days
    from workflow.domain.next_action import RegionFacts, WorklistReads, known_on, next_actions

    facts = [
        RegionFacts(row.region_id, v.code, v.name, v.state, v.state_since, known_on(row), v.kind)
        for v, row in zip(views, rows, strict=True)
    ]
    reads = WorklistReads.load_as_of(session, facts, day, blockers=blockers)
    found = next_actions(facts, reads, day, working_days.load(session))
    for view, fact in zip(views, facts, strict=True):
        item = found.get(fact.id)
        view.next_action = None if item is None else item.next_action_json()


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
    row: portfolio.LifecycleRow, day: date, blockers: list[dict[str, Any]], labels: dict[str, str]
) -> RegionView:
    state = portfolio.state_of(row)
    since = None if row.kind == "seed" else row.occurred_on
    return RegionView(
        code=row.code,
        name=row.name,
        kind=row.region_kind,
        province=row.province,
        state=state,
        state_label=labels[state],
        state_since=since,
        days_in_state=None if since is None else (day - since).days,
        open_blockers=blockers,
        next_reminder=None,
    )
