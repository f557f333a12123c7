"""The portfolio over a period, read by the database: the board's report asks for what it
shows — a row per region for where it stood on a day, a row per birth and transition
inside the period, a count per region of how far it got — never for the whole audit
log row by row.

The rows are those of `domain.portfolio` (every birth — seeded or added — and every
transition of every region, a reverted one left out), and so are the rules: a region
stands where its last transition on or before a day put it, else where it was born
(a seed counts on every day, an addition from its day on); a region's rows run birth
first, then its transitions in day order, and each row opens a stay that the next
transition closes; a stay that began with the seed has an unknown start. Each
region's row and the transition after it are index seeks on (region, kind, day).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from states import lifecycle as spec
from workflow.domain.portfolio import BIRTH_KINDS, SNAPSHOT_KINDS
from workflow.infrastructure.models import AuditEntry, Region


class Entry(NamedTuple):
    """A row that put a region in a stage — where it stood on a day (`standing_on`), or
    a birth or transition of the period (`entries_between`) — and the day the region
    left that stage (its next transition), None while it is still there."""

    region_id: int
    code: str
    name: str
    kind: str  # seed, region_added or transition
    occurred_on: date
    event: str | None
    from_state: str | None
    state: str  # where the row put the region
    created_at: datetime | None  # the region row's (when the tool learned of it)
    left_on: date | None
    region_kind: str | None = None  # kabupaten | kota (the worklist's planning sentence)

    @property
    def since(self) -> date | None:
        """The first day of the stay; unknown when it began with the seed."""
        return None if self.kind == "seed" else self.occurred_on


def _counted(entry: Any) -> Any:
    return entry.reverted_by_id.is_(None)


def standing_on(session: Session, day: date) -> list[Entry]:
    """Every region known at the end of `day`, where it stood then, in code order."""
    entry = aliased(AuditEntry)
    last_move = _first(
        select(entry.id).where(
            entry.region_id == Region.id,
            _counted(entry),
            entry.kind == "transition",
            entry.occurred_on <= day,
        ),
        entry.occurred_on.desc(),
        entry.id.desc(),
    )
    birth = _first(
        select(entry.id).where(
            entry.region_id == Region.id,
            _counted(entry),
            entry.kind.in_(BIRTH_KINDS),
            or_(entry.occurred_on <= day, entry.kind == "seed"),
        ),
        entry.occurred_on.desc(),
        entry.id.desc(),
    )
    placing = select(
        Region.id.label("region_id"), func.coalesce(last_move, birth).label("entry_id")
    ).subquery()
    query = _entries().join(placing, placing.c.entry_id == AuditEntry.id).order_by(Region.code)
    return [Entry._make(row) for row in session.execute(query)]


def entries_between(session: Session, after: date, until: date) -> list[Entry]:
    """The additions and transitions after `after` and on or before `until`, oldest
    first (a seed has no day of its own: it stands for every day before)."""
    query = _entries().where(
        _counted(AuditEntry),
        AuditEntry.kind.in_(("region_added", "transition")),
        AuditEntry.occurred_on > after,
        AuditEntry.occurred_on <= until,
    )
    return [
        Entry._make(row)
        for row in session.execute(query.order_by(AuditEntry.occurred_on, AuditEntry.id))
    ]


def _entries() -> Any:
    """An audit row with its region and the day of the region's next transition."""
    return select(
        AuditEntry.region_id,
        Region.code,
        Region.name,
        AuditEntry.kind,
        AuditEntry.occurred_on,
        AuditEntry.event,
        AuditEntry.from_state,
        func.coalesce(AuditEntry.to_state, spec.INITIAL).label("state"),
        Region.created_at,
        _next_move_on().label("left_on"),
        Region.kind.label("region_kind"),
    ).join(Region, Region.id == AuditEntry.region_id)


def _next_move_on() -> Any:
    """The day of the transition after the row, in the region's order (after a birth:
    its first transition). Each part is a seek on (region, kind, day) in index order: a
    later transition the same day (then the row's own day), else the first on a later
    day; an OR of the two would read and sort all the region's transitions per row."""
    return case(
        (AuditEntry.kind != "transition", _first_move(None)),
        (_later_the_same_day(), AuditEntry.occurred_on),
        else_=_first_move(AuditEntry.occurred_on),
    )


def _transitions_of_the_row_region() -> tuple[Any, Any]:
    later = aliased(AuditEntry)
    where = (later.region_id == AuditEntry.region_id, _counted(later), later.kind == "transition")
    return later, where


def _first_move(after: Any) -> Any:
    later, where = _transitions_of_the_row_region()
    query = select(later.occurred_on).where(*where)
    if after is not None:
        query = query.where(later.occurred_on > after)
    return _first(query, later.occurred_on, later.id, correlate=AuditEntry)


def _later_the_same_day() -> Any:
    later, where = _transitions_of_the_row_region()
    same_day = (later.occurred_on == AuditEntry.occurred_on, later.id > AuditEntry.id)
    return select(later.id).where(*where, *same_day).exists().correlate(AuditEntry)


def _first(query: Any, *order: Any, correlate: Any = Region) -> Any:
    return query.order_by(*order).limit(1).correlate(correlate).scalar_subquery()


class Reach(NamedTuple):
    """How far one region had got along the main line by the end of two days (-1:
    nowhere on it yet)."""

    before: int
    end: int


def furthest_reached(session: Session, before: date, end: date) -> list[Reach]:
    """Per region, the furthest main-line position it had been in (as the state it left
    or entered) by the end of `before` and of `end`; a seeded stage counts on every
    day. One grouped query."""
    rank_from = _rank(AuditEntry.from_state)
    rank_to = _rank(func.coalesce(AuditEntry.to_state, spec.INITIAL))
    seed = AuditEntry.kind == "seed"

    def reached_by(day: date, rank: Any) -> Any:
        return func.max(case((or_(AuditEntry.occurred_on <= day, seed), rank), else_=-1))

    query = (
        select(
            reached_by(before, rank_from),
            reached_by(before, rank_to),
            reached_by(end, rank_from),
            reached_by(end, rank_to),
        )
        .where(AuditEntry.kind.in_(SNAPSHOT_KINDS), _counted(AuditEntry))
        .group_by(AuditEntry.region_id)
    )
    return [Reach(max(a, b), max(c, d)) for a, b, c, d in session.execute(query)]


def _rank(column: Any) -> Any:
    """A state's position on the main line, -1 off it (on hold, declined, none)."""
    ranks = {state: index for index, state in enumerate(spec.MAIN_LINE)}
    return case(ranks, value=column, else_=-1)
