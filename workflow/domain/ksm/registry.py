"""Session-level helpers of the KSM registry: loading, plain views, coverage, completeness.

Other services call these inside their own transaction; nothing here commits.
`ksm_coverage` is what `region show` displays for a region; `missing_ksm_data` is
what suggests the blocker `ksm_data_incomplete` (this module never opens one).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from states.ksm_fields import REQUIRED_FOR_COMPLETENESS
from states.ksm_rubric import ASPECTS
from workflow.domain import clock
from workflow.domain.regions import fold
from workflow.i18n import _, ngettext
from workflow.infrastructure.models import Assessment, Blocker, Facility, Ksm, Region
from workflow.infrastructure.models.ksm import ASSESSMENT_FIELDS

INCOMPLETE_BLOCKER = "ksm_data_incomplete"


def name_key(name: str) -> str:
    """The natural key of a KSM name: case, dots and spacing do not matter."""
    return fold(name)


def ksm_label(name: str) -> str:
    """`KSM Sido Rukun` as it is, `Sido Rukun` as `KSM Sido Rukun`."""
    return name if name.lower().startswith(("ksm ", "kpp ")) else f"KSM {name}"


def region_ksms(session: Session, region_ids: list[int] | None = None) -> list[Ksm]:
    """KSMs (of these regions, or all) with facilities and visits loaded, by region and name."""
    query = (
        select(Ksm)
        .options(selectinload(Ksm.facilities).selectinload(Facility.assessments))
        .order_by(Ksm.region_id, Ksm.name_key)
    )
    if region_ids is not None:
        query = query.where(Ksm.region_id.in_(region_ids))
    return list(session.scalars(query))


def latest(facility: Facility) -> Assessment | None:
    return facility.assessments[-1] if facility.assessments else None


def assessment_view(assessment: Assessment) -> dict[str, Any]:
    view: dict[str, Any] = {"id": assessment.id, "visited_on": assessment.visited_on}
    view |= {name: getattr(assessment, name) for name in ASSESSMENT_FIELDS}
    view["rubric_version"] = assessment.rubric_version
    view["scores"] = {
        aspect: {
            "score": getattr(assessment, f"score_{aspect}"),
            "light": getattr(assessment, f"light_{aspect}"),
        }
        for aspect in ASPECTS
    }
    return view


def facility_view(facility: Facility, *, all_visits: bool = False) -> dict[str, Any]:
    last = latest(facility)
    view = {
        "id": facility.id,
        "kind": facility.kind,
        "year_built": facility.year_built,
        "capacity_kk": facility.capacity_kk,
        "sr_designed": facility.sr_designed,
        "latest_assessment": None if last is None else assessment_view(last),
    }
    if all_visits:
        view["assessments"] = [assessment_view(a) for a in facility.assessments]
    return view


def ksm_view(ksm: Ksm, region: Region, *, all_visits: bool = False) -> dict[str, Any]:
    return {
        "id": ksm.id,
        "region": region.code,
        "region_name": region.name,
        "name": ksm.name,
        "kecamatan": ksm.kecamatan,
        "desa": ksm.desa,
        "facilities": [facility_view(f, all_visits=all_visits) for f in ksm.facilities],
    }


def ksm_coverage(session: Session, region: Region) -> dict[str, Any]:
    """The region's KSM coverage: KSMs, assessed ones, facilities and SR totals."""
    ksms = region_ksms(session, [region.id])
    facilities = [f for k in ksms for f in k.facilities]
    visits = [a for a in (latest(f) for f in facilities) if a is not None]
    designed = sum(f.sr_designed or 0 for f in facilities)
    active = sum(a.sr_aktif or 0 for a in visits)
    return {
        "ksm": len(ksms),
        "ksm_assessed": sum(1 for k in ksms if any(f.assessments for f in k.facilities)),
        "facilities": len(facilities),
        "facilities_assessed": len(visits),
        "sr_designed": designed,
        "sr_installed": sum(a.sr_terpasang or 0 for a in visits),
        "sr_active": active,
        "sr_coverage_pct": round(100 * active / designed, 1) if designed else None,
        "ksm_incomplete": len({item["ksm_id"] for item in _missing(ksms)}),
    }


def missing_ksm_data(session: Session, region: Region) -> list[dict[str, Any]]:
    """Per facility (or KSM without one), the required fields still missing (§8)."""
    return _missing(region_ksms(session, [region.id]))


def _missing(ksms: list[Ksm]) -> list[dict[str, Any]]:
    found = []
    for ksm in ksms:
        if not ksm.facilities:
            found.append(
                {"ksm_id": ksm.id, "ksm": ksm.name, "facility": None, "missing": ["jenis_sarana"]}
            )
        for facility in ksm.facilities:
            missing = _missing_fields(facility)
            if missing:
                found.append(
                    {
                        "ksm_id": ksm.id,
                        "ksm": ksm.name,
                        "facility": facility.kind,
                        "missing": missing,
                    }
                )
    return found


def _missing_fields(facility: Facility) -> list[str]:
    visit = latest(facility)
    if visit is None:
        return ["tanggal_kunjungan"]  # never visited: the whole assessment is missing
    values = {"sr_desain": facility.sr_designed}
    return [
        name
        for name in REQUIRED_FOR_COMPLETENESS
        if values.get(name, getattr(visit, name, None)) is None
    ]


def blocker_suggestion(
    session: Session, missing: list[dict[str, Any]], region: Region
) -> str | None:
    """The sentence that proposes `ksm_data_incomplete`; None when the data is complete or
    that blocker is already open."""
    if not missing or _incomplete_blocker_open(session, region):
        return None
    ksms = len({item["ksm_id"] for item in missing})
    return _(
        "{ksms} KSM(s) of {name} lack required data; consider 'aksansi blocker "
        "add {code} ksm_data_incomplete'."
    ).format(ksms=ksms, name=region.name, code=region.code)


def _incomplete_blocker_open(session: Session, region: Region) -> bool:
    found = session.scalar(
        select(Blocker.id).where(
            Blocker.region_id == region.id,
            Blocker.type == INCOMPLETE_BLOCKER,
            Blocker.resolved_on.is_(None),
            Blocker.voided_on.is_(None),
        )
    )
    return found is not None


def coverage_lines(session: Session, region: Region) -> list[str]:
    """The KSM coverage as text lines, or how to start collecting it."""
    lines = coverage_section(session, region).get("KSM coverage")
    if lines:
        return [_("KSM coverage:"), *lines]
    return [
        _(
            "KSM coverage: no KSM registered yet; fill 'aksansi ksm template' and "
            "load it with 'aksansi ksm import'."
        )
    ]


def coverage_section(session: Session, region: Region) -> dict[str, list[str]]:
    """`region show`'s "KSM coverage" section (text lines); empty when no KSM is registered."""
    c = ksm_coverage(session, region)
    if not c["ksm"]:
        return {}
    share = (
        ""
        if c["sr_coverage_pct"] is None
        else _(" ({sr_coverage_pct}% of design)").format(sr_coverage_pct=c["sr_coverage_pct"])
    )
    lines = [
        ngettext(
            "{ksm} KSM ({ksm_assessed} visited), {facilities} facility "
            "({facilities_assessed} assessed)",
            "{ksm} KSM ({ksm_assessed} visited), {facilities} facilities "
            "({facilities_assessed} assessed)",
            c["facilities"],
        ).format(
            ksm=c["ksm"],
            ksm_assessed=c["ksm_assessed"],
            facilities=c["facilities"],
            facilities_assessed=c["facilities_assessed"],
        ),
        f"SR: {c['sr_designed']} designed, {c['sr_installed']} installed, "
        f"{c['sr_active']} active{share}",
    ]
    if c["ksm_incomplete"]:
        follow_up = (
            _("the blocker ksm_data_incomplete is open")
            if _incomplete_blocker_open(session, region)
            else _("consider the blocker ksm_data_incomplete")
        )
        lines.append(
            _("{ksm_incomplete} KSM with required data missing: {follow_up}").format(
                ksm_incomplete=c["ksm_incomplete"], follow_up=follow_up
            )
        )
    return {"KSM coverage": lines}


def find_ksm(session: Session, region: Region, name: str) -> Ksm | None:
    return session.scalar(
        select(Ksm).where(Ksm.region_id == region.id, Ksm.name_key == name_key(name))
    )


def create_ksm(
    session: Session, region: Region, name: str, kecamatan: str | None, desa: str | None
) -> Ksm:
    ksm = Ksm(
        region_id=region.id,
        name=" ".join(name.split()),
        name_key=name_key(name),
        kecamatan=kecamatan,
        desa=desa,
        created_at=clock.utcnow(),
    )
    session.add(ksm)
    return ksm
