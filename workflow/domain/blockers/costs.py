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

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from workflow.infrastructure.models import Blocker

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
