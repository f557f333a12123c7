"""Where every region stood at the end of a day, and what moved since, read by the database.

`board --as-of` prints one row per region and the moves after the day; these queries
return just those rows, whatever the length of the audit log. They give what
`portfolio.standing_on` and `portfolio.moves_between` give over `portfolio.lifecycle_rows`
(which the report, reading the whole period, keeps): the region's last transition on or
before the day; without one, the state it was seeded in, or added in if that was on or
before the day. Each region's row is found by a seek on the (region, kind, day) index.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from workflow.domain.portfolio import BIRTH_KINDS, LifecycleRow, lifecycle_columns
from workflow.infrastructure.models import AuditEntry, Region


def standing_rows(session: Session, day: date) -> list[LifecycleRow]:
    """region → the row that placed it where it stood at the end of `day` (one query)."""
    entry = aliased(AuditEntry)
    counted = (entry.region_id == Region.id, entry.reverted_by_id.is_(None))
    last_move = _latest(
        select(entry.id).where(*counted, entry.kind == "transition", entry.occurred_on <= day),
        entry,
    )
    birth = _latest(
        select(entry.id).where(
            *counted,
            entry.kind.in_(BIRTH_KINDS),
            or_(entry.occurred_on <= day, entry.kind == "seed"),
        ),
        entry,
    )
    placing = (
        select(Region.id.label("region_id"), func.coalesce(last_move, birth).label("entry_id"))
    ).subquery()
    rows = session.connection().execute(
        lifecycle_columns()
        .join(placing, placing.c.entry_id == AuditEntry.id)
        .order_by(AuditEntry.occurred_on, AuditEntry.id)
    )
    return [LifecycleRow._make(row) for row in rows]


def _latest(query: Select[*tuple[Any, ...]], entry: Any) -> Any:  # one id, or NULL
    return (
        query.order_by(entry.occurred_on.desc(), entry.id.desc())
        .limit(1)
        .correlate(Region)
        .scalar_subquery()
    )


def moves_after(session: Session, day: date) -> list[LifecycleRow]:
    """The transitions after `day`, oldest first; an undone one never happened."""
    rows = session.connection().execute(
        lifecycle_columns()
        .where(
            AuditEntry.kind == "transition",
            AuditEntry.occurred_on > day,
            AuditEntry.reverted_by_id.is_(None),
        )
        .order_by(AuditEntry.occurred_on, AuditEntry.id)
    )
    return [LifecycleRow._make(row) for row in rows]
