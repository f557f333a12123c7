"""A region's whole timeline from the audit log: `aksansi history REGION`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from workflow.domain.regions import resolve
from workflow.domain.views import HistoryEntry, history_entries
from workflow.infrastructure.models import AuditEntry
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class HistoryView:
    region: str
    code: str
    entries: list[HistoryEntry]


def history(uow: UnitOfWork, region_ref: str) -> HistoryView:
    """Every recorded entry, in the order it happened (same day: the order it was written)."""
    with uow:
        region = resolve(uow.session, region_ref)
        rows = uow.session.execute(
            select(*AuditEntry.__table__.columns)
            .where(AuditEntry.region_id == region.id)
            .order_by(AuditEntry.occurred_on, AuditEntry.id)
        ).all()  # plain rows: a region with years of history costs no ORM object per entry
        return HistoryView(region.name, region.code, history_entries(uow.session, list(rows)))
