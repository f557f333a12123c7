"""The portfolio through time, read from the audit log: where every region stood on a
day, what moved, how long regions stay in each stage, how far each got.

One query (`lifecycle_rows`) reads every row that places a region in a stage (its
birth — seeded or added — and its transitions); everything else here is plain
Python over those rows, so `board --as-of` and `report portfolio` compute the same
figures the same way, whatever the number of regions.

A seed row has no real date: the seeded stage stands for every day before the
region's first real event, and a stay that began with the seed has an unknown start.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from states import lifecycle as spec
from workflow.infrastructure.models import AuditEntry, Region

SNAPSHOT_KINDS = ("transition", "seed", "region_added")
BIRTH_KINDS = ("seed", "region_added")


class LifecycleRow(NamedTuple):
    """A birth or a transition of a region (a plain tuple: read 20,000 times a report)."""

    id: int
    region_id: int
    kind: str
    occurred_on: date
    event: str | None
    from_state: str | None
    to_state: str | None
    code: str
    name: str
    region_kind: str
    province: str | None
    created_at: datetime | None  # the region row's (when the tool learned of it)


def lifecycle_columns() -> Select[*tuple[Any, ...]]:
    """The columns of a `LifecycleRow`: an audit row joined to its region."""
    return select(
        AuditEntry.id,
        AuditEntry.region_id,
        AuditEntry.kind,
        AuditEntry.occurred_on,
        AuditEntry.event,
        AuditEntry.from_state,
        AuditEntry.to_state,
        Region.code,
        Region.name,
        Region.kind.label("region_kind"),
        Region.province,
        Region.created_at,
    ).join(Region, Region.id == AuditEntry.region_id)


def lifecycle_rows(session: Session) -> list[LifecycleRow]:
    """Every birth and transition of every region, oldest first (one Core query). A
    reverted transition (`undo`) never happened as far as any count is concerned."""
    return [
        LifecycleRow._make(row)
        for row in session.connection()
        .execute(
            lifecycle_columns()
            .where(AuditEntry.kind.in_(SNAPSHOT_KINDS), AuditEntry.reverted_by_id.is_(None))
            .order_by(AuditEntry.occurred_on, AuditEntry.id)
        )
        .all()
    ]


def standing_on(rows: Sequence[LifecycleRow], day: date) -> dict[str, LifecycleRow]:
    """region code → the row that placed it where it stood at the end of `day`.

    Its last transition on or before `day`; without one, the state it was seeded in, or
    added in if that was on or before `day`. A region added later is not there yet.
    """
    known = [r for r in rows if r.occurred_on <= day or r.kind == "seed"]
    latest = {r.code: r for r in known if r.kind != "transition"}
    latest.update({r.code: r for r in known if r.kind == "transition"})
    return latest


def state_of(row: LifecycleRow) -> str:
    return row.to_state or spec.INITIAL


def stage_counts(standing: dict[str, LifecycleRow]) -> dict[str, int]:
    """state → number of regions in it, for every state of the lifecycle."""
    counts = dict.fromkeys(spec.STATE_IDS, 0)
    for row in standing.values():
        counts[state_of(row)] += 1
    return counts


def moves_between(
    rows: Sequence[LifecycleRow], after: date, until: date | None = None
) -> list[LifecycleRow]:
    """The transitions after `after` (and on or before `until`), oldest first."""
    return [
        r
        for r in rows
        if r.kind == "transition"
        and r.occurred_on > after
        and (until is None or r.occurred_on <= until)
    ]


class Stay(NamedTuple):
    """One region's time in one stage: `start` None when it began with the seed,
    `end` None while the region is still there."""

    code: str
    name: str
    state: str
    start: date | None
    end: date | None


def stays(rows: Sequence[LifecycleRow]) -> list[Stay]:
    """Every stay of every region in every stage, from its birth to now."""
    found: list[Stay] = []
    for region_rows in _by_region(rows).values():
        found.extend(_region_stays(region_rows))
    return found


def _by_region(rows: Iterable[LifecycleRow]) -> dict[str, list[LifecycleRow]]:
    """code → its rows: the birth first, then the transitions in order (the rows come
    in day order already)."""
    births: dict[str, list[LifecycleRow]] = {}
    moves: dict[str, list[LifecycleRow]] = {}
    for row in rows:
        (moves if row.kind == "transition" else births).setdefault(row.code, []).append(row)
    return {code: births.get(code, []) + moves.get(code, []) for code in {**births, **moves}}


def _region_stays(rows: list[LifecycleRow]) -> list[Stay]:
    found: list[Stay] = []
    current: tuple[str, date | None] | None = None
    for row in rows:
        start = None if row.kind == "seed" else row.occurred_on
        if row.kind == "transition":
            state, since = current if current else (str(row.from_state), None)
            found.append(Stay(row.code, row.name, state, since, row.occurred_on))
        current = (state_of(row), start)
    if current is not None:
        found.append(Stay(rows[-1].code, rows[-1].name, current[0], current[1], None))
    return found


@dataclass(frozen=True)
class StageTime:
    state: str
    stays: int  # stays with a known start, measured
    median_days: float | None
    longest_days: int | None
    longest_region: str | None
    still_in: int  # of the measured stays, regions still in the stage at the end (counted up to it)
    unknown_start: int  # stays left out: the region was seeded in the stage (start unknown)


def time_in_stage(
    all_stays: Sequence[Stay], start: date, end: date, states: Sequence[str]
) -> list[StageTime]:
    """Per stage: the stays that overlap [start, end], each measured from its entry to
    its exit, or to `end` for a region still there then."""
    overlapping = [
        s
        for s in all_stays
        if (s.start is None or s.start <= end) and (s.end is None or s.end >= start)
    ]
    return [
        _stage_time(state, [s for s in overlapping if s.state == state], end) for state in states
    ]


def _stage_time(state: str, found: list[Stay], end: date) -> StageTime:
    measured = [(s, s.start) for s in found if s.start is not None]
    days = [(min(s.end or end, end) - since).days for s, since in measured]
    longest = max(range(len(days)), key=lambda i: days[i], default=None)
    return StageTime(
        state=state,
        stays=len(measured),
        median_days=float(statistics.median(days)) if days else None,
        longest_days=None if longest is None else days[longest],
        longest_region=None if longest is None else measured[longest][0].name,
        still_in=sum(1 for s, _ in measured if s.end is None or s.end > end),
        unknown_start=len(found) - len(measured),
    )


def furthest_reached(rows: Sequence[LifecycleRow], day: date) -> dict[str, int]:
    """region code → the furthest position on the main line it had reached by the end of
    `day` (a seeded stage counts as reached on every day)."""
    rank = {state: index for index, state in enumerate(spec.MAIN_LINE)}
    furthest: dict[str, int] = {}
    for row in rows:
        if row.occurred_on > day and row.kind != "seed":
            continue
        reached = max(rank.get(row.from_state or "", -1), rank.get(state_of(row), -1))
        if reached > furthest.get(row.code, -1):
            furthest[row.code] = reached
    return furthest
