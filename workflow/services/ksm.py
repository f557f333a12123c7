"""Use cases of the KSM registry: add, list, show (one transaction each)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states.ksm_fields import FACILITY_KINDS
from workflow.domain import audit, clock
from workflow.domain.ksm import registry
from workflow.domain.regions import resolve
from workflow.errors import InvalidInput, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import Facility, Ksm, Region
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class NewKsm:
    name: str
    kecamatan: str | None = None
    desa: str | None = None
    facility: str | None = None  # one of FACILITY_KINDS
    year_built: int | None = None
    capacity_kk: int | None = None
    sr_designed: int | None = None


@dataclass(frozen=True)
class KsmList:
    region: str | None
    ksms: list[dict[str, Any]]
    suggestion: str | None  # proposes the blocker ksm_data_incomplete, when data is missing


def add_ksm(uow: UnitOfWork, region_text: str, new: NewKsm, *, actor: str) -> dict[str, Any]:
    """Register a KSM (and its first facility); a known KSM only gains a new facility."""
    _check_new(new)
    with uow:
        region = resolve(uow.session, region_text)
        ksm = registry.find_ksm(uow.session, region, new.name)
        if ksm is None:
            ksm = registry.create_ksm(uow.session, region, new.name, new.kecamatan, new.desa)
            uow.session.flush()
            audit.record(
                uow.session,
                region=region,
                kind="ksm_added",
                actor=actor,
                note=f"{registry.ksm_label(ksm.name)} registered",
                ksm_id=ksm.id,
                ksm=ksm.name,
            )
        elif new.facility is None or any(f.kind == new.facility for f in ksm.facilities):
            raise InvalidInput(
                _(
                    "KSM '{name}' is already registered in {name2} (id {id}); see 'aksansi "
                    "ksm show {id}'."
                ).format(name=ksm.name, name2=region.name, id=ksm.id)
            )
        if new.facility is not None:
            _add_facility(uow.session, region, ksm, new, actor)
        uow.commit()
        return registry.ksm_view(ksm, region)


def _check_new(new: NewKsm) -> None:
    if not new.name.strip():
        raise InvalidInput(_("the KSM needs a name."))
    if new.facility is not None and new.facility not in FACILITY_KINDS:
        raise InvalidInput(
            _("facility '{facility}' is unknown; valid: {facility_kinds}.").format(
                facility=new.facility, facility_kinds=", ".join(FACILITY_KINDS)
            )
        )
    for label, value in (
        ("--year-built", new.year_built),
        ("--capacity-kk", new.capacity_kk),
        ("--sr-designed", new.sr_designed),
    ):
        if value is not None and value < 0:
            raise InvalidInput(
                _("{label} {value} is negative; give 0 or more.").format(label=label, value=value)
            )
    if new.year_built is not None and not 1970 <= new.year_built <= clock.today().year:
        raise InvalidInput(
            _("--year-built {year_built} is not between 1970 and this year.").format(
                year_built=new.year_built
            )
        )


def _add_facility(session: Session, region: Region, ksm: Ksm, new: NewKsm, actor: str) -> None:
    facility = Facility(
        kind=new.facility,
        year_built=new.year_built,
        capacity_kk=new.capacity_kk,
        sr_designed=new.sr_designed,
    )
    ksm.facilities.append(facility)
    session.flush()
    audit.record(
        session,
        region=region,
        kind="facility_added",
        actor=actor,
        note=f"{new.facility} of {registry.ksm_label(ksm.name)} registered",
        ksm_id=ksm.id,
        ksm=ksm.name,
        facility_id=facility.id,
        facility=facility.kind,
        sr_designed=facility.sr_designed,
    )


def list_ksms(uow: UnitOfWork, region_text: str | None = None) -> KsmList:
    """All KSMs, or one region's with the ksm_data_incomplete suggestion."""
    with uow:
        session = uow.session
        region = None if region_text is None else resolve(session, region_text)
        ksms = registry.region_ksms(session, None if region is None else [region.id])
        regions = {r.id: r for r in session.scalars(select(Region))}
        views = [registry.ksm_view(k, regions[k.region_id]) for k in ksms]
        suggestion = None
        if region is not None:
            missing = registry.missing_ksm_data(session, region)
            suggestion = registry.blocker_suggestion(session, missing, region)
        return KsmList(None if region is None else region.code, views, suggestion)


def show_ksm(uow: UnitOfWork, ksm_id: int) -> dict[str, Any]:
    """One KSM with every facility and every visit."""
    with uow:
        ksm = uow.session.get(Ksm, ksm_id)
        if ksm is None:
            raise NotFound(
                _("no KSM has id {ksm_id}; see 'aksansi ksm list'.").format(ksm_id=ksm_id)
            )
        region = uow.session.get_one(Region, ksm.region_id)
        return registry.ksm_view(ksm, region, all_visits=True)


def region_ksm_coverage(uow: UnitOfWork, region_text: str) -> dict[str, Any]:
    """`ksm_coverage` as a use case (for views that hold no session)."""
    with uow:
        region = resolve(uow.session, region_text)
        return registry.ksm_coverage(uow.session, region)
