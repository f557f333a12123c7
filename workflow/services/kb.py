"""`mou record`: store the signed Kesepakatan Bersama's numbers, date and term."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import kb, regions
from workflow.infrastructure.models import AgreementDraft, Region
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class KbView:
    region: str
    region_name: str
    number_pemda: str
    number_aksansi: str
    signed_on: date
    years: int
    expires_on: date
    replaced_earlier: bool
    by: str


def default_years(session: Session, region: Region) -> int:
    """The term of the region's latest MoU draft, else the template's default."""
    years = session.scalar(
        select(AgreementDraft.years)
        .where(AgreementDraft.region_id == region.id, AgreementDraft.agreement == "mou")
        .order_by(AgreementDraft.version.desc())
        .limit(1)
    )
    return years or kb.DEFAULT_YEARS


def record_in(
    session: Session, region: Region, terms: kb.KbTerms, *, actor: str, day: date
) -> KbView:
    """Record the KB inside the caller's transaction (`advance … sign_mou` uses it)."""
    earlier = kb.latest(session, region) is not None
    row = kb.record(
        session,
        region,
        terms,
        actor=actor,
        default_years=default_years(session, region),
        default_day=day,
    )
    return KbView(
        region.code,
        region.name,
        row.number_pemda,
        row.number_aksansi,
        row.signed_on,
        row.years,
        row.expires_on,
        earlier,
        actor,
    )


def record_mou(uow: UnitOfWork, region_ref: str, terms: kb.KbTerms, *, actor: str) -> KbView:
    """Store the KB of a region (a later call records a correction; the last one is in force)."""
    from workflow.domain import clock

    with uow:
        region = regions.resolve(uow.session, region_ref)
        uow.subject = region.name
        view = record_in(uow.session, region, terms, actor=actor, day=clock.today())
        uow.commit()
    return view
