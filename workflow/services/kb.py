"""`mou record`: store the signed Kesepakatan Bersama's numbers, date and term."""

from __future__ import annotations

from workflow.domain import clock, kb, regions
from workflow.infrastructure.unit_of_work import UnitOfWork


def record_mou(uow: UnitOfWork, region_ref: str, terms: kb.KbTerms, *, actor: str) -> kb.KbView:
    """Store the KB of a region (a later call records a correction; the last one is in force)."""
    with uow:
        region = regions.resolve(uow.session, region_ref)
        uow.subject = region.name
        view = kb.record_in(uow.session, region, terms, actor=actor, day=clock.today())
        uow.commit()
    return view
