"""Helpers shared by the reminder and sweep tests."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from workflow.domain import clock
from workflow.infrastructure import db
from workflow.infrastructure.models import AuditEntry, Region, Reminder

AKSANSI = str(Path(sys.executable).with_name("aksansi"))


def reminders_of(url: str, code: str | None = None) -> list[Reminder]:
    """The rows as stored (detached, fully loaded), by id."""
    with db.session_factory(db.database_url(url))() as session:
        stmt = select(Reminder).order_by(Reminder.id)
        if code is not None:
            region_id = session.scalar(select(Region.id).where(Region.code == code))
            stmt = stmt.where(Reminder.region_id == region_id)
        return list(session.scalars(stmt))


def issued_audit_ids(url: str) -> list[int]:
    """The reminder id of every `reminder_issued` audit row."""
    with db.session_factory(db.database_url(url))() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.kind == "reminder_issued"))
        return sorted(row.details["reminder_id"] for row in rows)


def count_rows(url: str, model: type) -> int:
    with db.session_factory(db.database_url(url))() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def add_due(
    url: str,
    count: int,
    *,
    due_on: date = date(2026, 11, 20),
    letter: str | None = None,
    ladder_steps: int = 0,
) -> None:
    """`count` pending reminders spread over the seeded regions (a ladder when asked)."""
    with db.session_factory(db.database_url(url))() as session:
        region_ids = list(session.scalars(select(Region.id).order_by(Region.id)))
        for n in range(count):
            session.add(
                Reminder(
                    region_id=region_ids[n % len(region_ids)],
                    rule_id=None,
                    trigger="manual",
                    text=f"Test reminder {n}",
                    letter_kind=letter,
                    letter_extra={},
                    ladder="test" if ladder_steps else None,
                    step=(n % ladder_steps + 1) if ladder_steps else 1,
                    base_on=due_on,
                    due_on=due_on,
                    status="pending",
                    created_at=clock.utcnow(),
                )
            )
        session.commit()


def moa_draft(url: str, code: str) -> None:
    """A profile and a rendered MoA draft: what `submit_moa` needs."""
    from _kb import record_kb
    from secretariat import set_profile

    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.drafts import make_draft

    set_profile(url)
    record_kb(url, code)
    make_draft(UnitOfWork(url), code, "moa", actor="tester", subject="Pendampingan KSM")
