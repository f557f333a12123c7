"""Write an audit row; every service that changes something calls `record` in its transaction."""

from __future__ import annotations

import getpass
import os
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states.audit import AUDIT_KINDS
from workflow.domain import clock
from workflow.infrastructure.models import AuditEntry, Region


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
    if kind not in AUDIT_KINDS:
        raise ValueError(
            f"unknown audit kind {kind!r}: list it, with its history line, in states/audit.py"
        )
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


def entries_by_id(session: Session, ids: set[int]) -> dict[int, AuditEntry]:
    if not ids:
        return {}
    rows = session.scalars(select(AuditEntry).where(AuditEntry.id.in_(ids))).all()
    return {row.id: row for row in rows}
