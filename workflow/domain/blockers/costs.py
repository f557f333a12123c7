"""What blockers cost, per type, over a window of days: the one computation behind
`blocker stats` (the window is all history up to today) and the board's quarterly
report (the window is the report's period).

A blocker counts in the window when it was open on at least one of its days; its
days in the window run from the later of its opening and the window's start to the
earlier of its resolution and the window's end. One still open at the end counts up
to the end, so where blockers are still open the figures are lower bounds.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, String, bindparam, case, column, func, select, true, values
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from workflow.infrastructure.models import Blocker, Region
from workflow.infrastructure.sql import days_between

# A row of `blocker_rows`: type, region_id, opened_on, resolved_on.
BlockerRow = Any


@dataclass(frozen=True)
class TypeStats:
    type: str
    label_en: str
    label_id: str
    regions_now: int  # regions with at least one blocker of this type open at the end
    regions_ever: int  # regions with one open on some day of the window
    open: int
    total: int
    median_days_open: float | None  # resolved and still-open blockers (see the docstring)
    median_days_resolved: float | None  # resolved blockers only, their whole duration
    days_open_total: int


def blocker_rows(session: Session) -> list[BlockerRow]:
    """Every blocker's type, region and days (one query); a voided one (opened by
    mistake) is counted nowhere."""
    return list(
        session.execute(
            select(Blocker.type, Blocker.region_id, Blocker.opened_on, Blocker.resolved_on).where(
                Blocker.voided_on.is_(None)
            )
        )
    )


def stats_by_type(
    rows: Sequence[BlockerRow], end: date, start: date | None = None
) -> list[TypeStats]:
    """One entry per type of the taxonomy, in its order, over the window [start, end]
    (`start` None: from the beginning)."""
    by_type: dict[str, list[BlockerRow]] = {}
    for row in rows:
        if _in_window(row, start, end):
            by_type.setdefault(row.type, []).append(row)
    return [
        _type_stats(kind, by_type.get(kind["id"], []), start, end)
        for kind in taxonomy.BLOCKER_TYPES
    ]


def _in_window(row: BlockerRow, start: date | None, end: date) -> bool:
    ended_before = start is not None and row.resolved_on is not None and row.resolved_on < start
    return row.opened_on <= end and not ended_before


def _type_stats(
    kind: taxonomy.BlockerType, rows: list[BlockerRow], start: date | None, end: date
) -> TypeStats:
    open_rows = [r for r in rows if r.resolved_on is None or r.resolved_on > end]
    days = [_days_in(r, start, end) for r in rows]
    resolved_days = [
        (r.resolved_on - r.opened_on).days for r in rows if r.resolved_on and r.resolved_on <= end
    ]
    return TypeStats(
        type=kind["id"],
        label_en=kind["label_en"],
        label_id=kind["label_id"],
        regions_now=len({r.region_id for r in open_rows}),
        regions_ever=len({r.region_id for r in rows}),
        open=len(open_rows),
        total=len(rows),
        median_days_open=_median(days),
        median_days_resolved=_median(resolved_days),
        days_open_total=sum(days),
    )


def _days_in(row: BlockerRow, start: date | None, end: date) -> int:
    opened: date = row.opened_on
    first = opened if start is None else max(opened, start)
    last = end if row.resolved_on is None else min(row.resolved_on, end)
    return max(0, (last - first).days)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


_END = bindparam("end", type_=Date)
_DAYS = days_between(Blocker.resolved_on, Blocker.opened_on)
_LATE = Blocker.resolved_on > _END  # resolved after the end: still open at the end
# The open-at-end rows (few: they grow with what is open, not with the log).
# `region_id IN (regions)`: a seek per region on ix_blocker_region_id_resolved_on.
_OPEN_NOW = select(Blocker.type, Blocker.region_id, Blocker.opened_on).where(
    Blocker.region_id.in_(select(Region.id)),
    Blocker.voided_on.is_(None),
    Blocker.resolved_on.is_(None),
    Blocker.opened_on <= _END,
)
_RESOLVED_LATE = select(Blocker.type, Blocker.region_id, Blocker.opened_on).where(
    Blocker.voided_on.is_(None), _LATE, Blocker.opened_on <= _END
)
# Per type and duration, the resolved blockers: one walk of ix_blocker_type_days in its
# order (no sort); those resolved after the end are counted apart, to be read as open.
_RESOLVED_DAYS = (
    select(
        Blocker.type,
        _DAYS,
        func.count(),
        func.sum(case((_LATE, 1), else_=0)),
    )
    .where(Blocker.voided_on.is_(None), Blocker.resolved_on.is_not(None), Blocker.opened_on <= _END)
    .group_by(Blocker.type, _DAYS)
)


def _regions_ever() -> Any:
    """Per type of the taxonomy, the regions with a blocker of it opened by the end: a seek
    per (type, region) on ix_blocker_type_region_id, not a read of every blocker."""
    kinds = (
        values(column("type", String), name="kinds")
        .data([(kind,) for kind in taxonomy.BLOCKER_TYPE_IDS])
        .cte()
    )  # a CTE: SQLite takes no column names on a VALUES in FROM
    ever = (
        select(Blocker.id)
        .where(
            Blocker.type == kinds.c.type,
            Blocker.region_id == Region.id,
            Blocker.voided_on.is_(None),
            Blocker.opened_on <= _END,
        )
        .exists()
    )
    return (
        select(kinds.c.type, func.count())
        .select_from(kinds)
        .join(Region, true())
        .where(ever)
        .group_by(kinds.c.type)
    )


def stats_up_to(session: Session, end: date) -> list[TypeStats]:
    """`stats_by_type(blocker_rows(session), end)` worked out by the database: the blockers
    open at the end as rows, the resolved ones as counts per (type, days), the regions per
    type by index seeks. What it reads grows with the open blockers and the distinct
    durations, not with the log."""
    at = {"end": end}
    spread: dict[str, list[tuple[int, int, int]]] = {}
    any_late = False
    for kind, days, blockers, late in session.execute(_RESOLVED_DAYS, at):
        if blockers > late:
            spread.setdefault(kind, []).append((0, int(days), int(blockers - late)))
        any_late = any_late or bool(late)
    open_rows = list(session.execute(_OPEN_NOW, at))
    if any_late:
        open_rows += session.execute(_RESOLVED_LATE, at)
    now: dict[str, set[int]] = {}
    open_days: dict[tuple[str, int], int] = {}
    for kind, region_id, opened_on in open_rows:
        now.setdefault(kind, set()).add(region_id)
        key = (kind, (end - opened_on).days)
        open_days[key] = open_days.get(key, 0) + 1
    for (kind, days), blockers in open_days.items():
        spread.setdefault(kind, []).append((1, days, blockers))
    ever = {kind: int(regions) for kind, regions in session.execute(_regions_ever(), at)}
    return [
        _counted_stats(
            kind,
            (len(now.get(kind["id"], ())), ever.get(kind["id"], 0)),
            spread.get(kind["id"], []),
        )
        for kind in taxonomy.BLOCKER_TYPES
    ]


def _counted_stats(
    kind: taxonomy.BlockerType, regions: tuple[int, int], spread: list[tuple[int, int, int]]
) -> TypeStats:
    """One type's figures from (open?, days, number of blockers) triples."""
    days_open = [(max(0, days), n) for _open, days, n in spread]
    return TypeStats(
        type=kind["id"],
        label_en=kind["label_en"],
        label_id=kind["label_id"],
        regions_now=regions[0],
        regions_ever=regions[1],
        open=sum(n for still_open, _days, n in spread if still_open),
        total=sum(n for _open, _days, n in spread),
        median_days_open=_median_of_counts(days_open),
        median_days_resolved=_median_of_counts(
            [(days, n) for still_open, days, n in spread if not still_open]
        ),
        days_open_total=sum(days * n for days, n in days_open),
    )


def _median_of_counts(counted: list[tuple[int, int]]) -> float | None:
    """The median of values given as (value, how many times), as `statistics.median`
    gives it: the middle value, or the mean of the two middle ones."""
    size = sum(n for _value, n in counted)
    if not size:
        return None
    wanted = [(size + 1) // 2, (size + 2) // 2]  # 1-based positions of the middle
    middle: list[int] = []
    seen = 0
    for value, n in sorted(counted):
        seen += n
        while wanted and wanted[0] <= seen:
            middle.append(value)
            wanted.pop(0)
        if not wanted:
            break
    return (middle[0] + middle[1]) / 2
