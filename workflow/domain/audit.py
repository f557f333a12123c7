"""Write an audit row; every service that changes something calls `record` in its transaction."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from states.audit import AUDIT_KINDS
from workflow.domain import clock
from workflow.infrastructure.models import AuditEntry, Region
from workflow.infrastructure.prepared import Prepared
from workflow.infrastructure.tables import AUDIT_LOG

# Built once (the hot paths write an audit row per change): always the same columns, so
# SQLAlchemy compiles each statement once per process.
_INSERT = Prepared(insert(AUDIT_LOG))
_SET_DETAILS = Prepared(
    update(AUDIT_LOG)
    .where(AUDIT_LOG.c.id == bindparam("entry_id"))
    .values(details=bindparam("entry_details"))
)


def current_actor(explicit: str | None = None) -> str:
    """Who is recording: `--by`, else AKSANSI_USER, else the OS user."""
    if explicit and explicit.strip():
        return explicit.strip()
    from_env = os.environ.get("AKSANSI_USER", "").strip()
    if from_env:
        return from_env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def record(
    session: Session,
    *,
    region: Region | None,
    kind: str,
    actor: str,
    occurred_on: date | None = None,
    note: str | None = None,
    event: str | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    **details: Any,
) -> AuditEntry:
    _check_kind(kind)
    entry = AuditEntry(
        region_id=None if region is None else region.id,
        kind=kind,
        occurred_on=occurred_on or clock.today(),
        recorded_at=clock.utcnow(),
        actor=actor,
        event=event,
        from_state=from_state,
        to_state=to_state,
        note=note,
        details=details,
    )
    session.add(entry)
    return entry


@dataclass(frozen=True, slots=True)
class Written:
    """An audit row already in the transaction: what the reactions to it read."""

    id: int
    kind: str
    actor: str
    occurred_on: date
    event: str | None = None
    from_state: str | None = None
    to_state: str | None = None


def insert_row(
    conn: Connection,
    *,
    region_id: int | None,
    kind: str,
    actor: str,
    occurred_on: date | None = None,
    note: str | None = None,
    event: str | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    details: dict[str, Any] | None = None,
) -> Written:
    """`record` for the hot paths: one Core INSERT on the transaction's connection, no
    ORM object; the row as written (with its id)."""
    _check_kind(kind)
    day = occurred_on or clock.today()
    entry_id = _INSERT.inserted(
        conn,
        {
            "region_id": region_id,
            "kind": kind,
            "occurred_on": day,
            "recorded_at": clock.utcnow(),
            "actor": actor,
            "event": event,
            "from_state": from_state,
            "to_state": to_state,
            "note": note,
            "details": details or {},
        },
    )
    return Written(entry_id, kind, actor, day, event, from_state, to_state)


def set_details(conn: Connection, entry_id: int, details: dict[str, Any]) -> None:
    """Replace the details of a row written earlier in the transaction."""
    _SET_DETAILS.run(conn, {"entry_id": entry_id, "entry_details": details})


def written(session: Session, entry: AuditEntry) -> Written:
    """An ORM-recorded row (flushed now, for its id) as the reactions read it."""
    if entry.id is None:
        session.flush()
    return Written(
        entry.id,
        entry.kind,
        entry.actor,
        entry.occurred_on,
        entry.event,
        entry.from_state,
        entry.to_state,
    )


def _check_kind(kind: str) -> None:
    if kind not in AUDIT_KINDS:
        raise ValueError(
            f"unknown audit kind {kind!r}: list it, with its history line, in states/audit.py"
        )


def entries_by_id(session: Session, ids: set[int]) -> dict[int, AuditEntry]:
    if not ids:
        return {}
    rows = session.scalars(select(AuditEntry).where(AuditEntry.id.in_(ids))).all()
    return {row.id: row for row in rows}
