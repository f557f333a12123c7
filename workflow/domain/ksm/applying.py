"""Write checked sheet rows into the registry inside the caller's transaction.

Existing KSMs of the regions in the file are loaded once; new objects are flushed
in bulk, then the audit rows are written with the new ids (one `ksm_added`,
`facility_added`, `ksm_updated`, `assessment_recorded` or `assessment_updated`
per change, so the region's history shows each of them).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from states.ksm_rubric import ASPECTS
from workflow.domain import audit, clock
from workflow.domain.ksm import registry
from workflow.domain.ksm.cells import CheckedRow
from workflow.domain.ksm.scoring import rubric_version, score_assessment
from workflow.i18n import _
from workflow.infrastructure.models import Assessment, Facility, Ksm, Region
from workflow.infrastructure.models.ksm import ASSESSMENT_FIELDS

FACILITY_FIELDS = {
    "tahun_bangun": "year_built",
    "kapasitas_desain_kk": "capacity_kk",
    "sr_desain": "sr_designed",
}
KSM_FIELDS = {"kecamatan": "kecamatan", "desa": "desa"}


def score_into(assessment: Assessment, values: dict[str, Any], visited_on: date) -> None:
    """Copy the visit's fields onto `assessment` and score them with the current rubric."""
    for name in ASSESSMENT_FIELDS:
        setattr(assessment, name, values.get(name))
    scores = score_assessment(values, visited_on)
    assessment.rubric_version = rubric_version()
    for aspect in ASPECTS:
        setattr(assessment, f"score_{aspect}", scores[aspect].score)
        setattr(assessment, f"light_{aspect}", scores[aspect].light)


class Applier:
    def __init__(
        self, session: Session, regions: dict[str, Region], actor: str, result: Any, *, source: str
    ) -> None:
        self.session, self.regions, self.actor = session, regions, actor
        self.result, self.source = result, source
        self.region_by_id = {r.id: r for r in regions.values()}
        ksms = registry.region_ksms(session, list(self.region_by_id))
        self.ksms = {(k.region_id, k.name_key): k for k in ksms}
        self.pending: list[tuple[str, Any, dict[str, Any]]] = []  # kind, object, details
        self.new_ksms: set[int] = set()  # id() of the KSMs this file creates

    def apply(self, rows: list[CheckedRow]) -> None:
        for row in rows:
            self._apply_row(row.values)
        self.session.flush()
        for kind, obj, details in self.pending:
            self._audit(kind, obj, details)

    def _apply_row(self, v: dict[str, Any]) -> None:
        region = self.regions[v["wilayah"]]
        ksm = self._ksm(region, v)
        facility = self._facility(ksm, v)
        v = v | {"sr_desain": facility.sr_designed}
        existing = next(
            (a for a in facility.assessments if a.visited_on == v["tanggal_kunjungan"]), None
        )
        if existing is None:
            assessment = Assessment(
                visited_on=v["tanggal_kunjungan"], recorded_at=clock.utcnow(), actor=self.actor
            )
            score_into(assessment, v, v["tanggal_kunjungan"])
            facility.assessments.append(assessment)
            self.pending.append(("assessment_recorded", assessment, {}))
            self.result.assessments_recorded += 1
        elif _changed(existing, v):
            score_into(existing, v, v["tanggal_kunjungan"])
            existing.recorded_at, existing.actor = clock.utcnow(), self.actor
            self.pending.append(("assessment_updated", existing, {}))
            self.result.assessments_updated += 1
        else:
            self.result.unchanged += 1

    def _ksm(self, region: Region, v: dict[str, Any]) -> Ksm:
        key = (region.id, registry.name_key(v["nama_ksm"]))
        ksm = self.ksms.get(key)
        if ksm is None:
            ksm = Ksm(
                region_id=region.id,
                name=v["nama_ksm"],
                name_key=key[1],
                kecamatan=v["kecamatan"],
                desa=v["desa"],
                created_at=clock.utcnow(),
            )
            self.session.add(ksm)
            self.ksms[key] = ksm
            self.pending.append(("ksm_added", ksm, {}))
            self.new_ksms.add(id(ksm))
            self.result.ksm_added += 1
        else:
            self._update(ksm, KSM_FIELDS, v)
        return ksm

    def _facility(self, ksm: Ksm, v: dict[str, Any]) -> Facility:
        facility = next((f for f in ksm.facilities if f.kind == v["jenis_sarana"]), None)
        if facility is None:
            facility = Facility(kind=v["jenis_sarana"], assessments=[])
            facility.year_built, facility.capacity_kk = v["tahun_bangun"], v["kapasitas_desain_kk"]
            facility.sr_designed = v["sr_desain"]
            ksm.facilities.append(facility)
            if id(ksm) not in self.new_ksms:  # a new KSM's row names its facilities
                self.pending.append(("facility_added", facility, {}))
            self.result.facilities_added += 1
        else:
            self._update(facility, FACILITY_FIELDS, v)
        return facility

    def _update(self, obj: Ksm | Facility, fields: dict[str, str], v: dict[str, Any]) -> None:
        """Take the sheet's non-empty identity values; record what changed."""
        changed = {}
        for column, attribute in fields.items():
            if v[column] is not None and getattr(obj, attribute) != v[column]:
                changed[attribute] = [getattr(obj, attribute), v[column]]
                setattr(obj, attribute, v[column])
        if changed and not any(entry[1] is obj for entry in self.pending):
            self.pending.append(("ksm_updated", obj, {"changed": changed}))

    def _audit(self, kind: str, obj: Any, details: dict[str, Any]) -> None:
        ksm, facility, visit = _owners(obj)
        region = self.region_by_id[ksm.region_id]
        extra: dict[str, Any] = {"ksm_id": ksm.id, "ksm": ksm.name}
        if kind == "ksm_added":
            extra["facilities"] = [f.kind for f in ksm.facilities]
        if facility is not None:
            extra |= {"facility_id": facility.id, "facility": facility.kind}
        if visit is not None:
            extra |= {
                "assessment_id": visit.id,
                "visited_on": visit.visited_on.isoformat(),
                "rubric_version": visit.rubric_version,
            }
            extra |= {aspect: getattr(visit, f"score_{aspect}") for aspect in ASPECTS}
        audit.record(
            self.session,
            region=region,
            kind=kind,
            actor=self.actor,
            occurred_on=None if visit is None else visit.visited_on,
            note=f"{_note(kind, ksm, facility, visit, details)} ({self.source})",
            **extra,
            **details,
        )


def _owners(obj: Any) -> tuple[Ksm, Facility | None, Assessment | None]:
    if isinstance(obj, Assessment):
        return obj.facility.ksm, obj.facility, obj
    if isinstance(obj, Facility):
        return obj.ksm, obj, None
    return obj, None, None


def _changed(existing: Assessment, v: dict[str, Any]) -> bool:
    """Another value, or the same values scoring differently (new design SR, new rubric)."""
    if any(getattr(existing, name) != v.get(name) for name in ASSESSMENT_FIELDS):
        return True
    if existing.rubric_version != rubric_version():
        return True
    scores = score_assessment(v, existing.visited_on)
    return any(getattr(existing, f"score_{a}") != scores[a].score for a in ASPECTS)


def _note(
    kind: str,
    ksm: Ksm,
    facility: Facility | None,
    visit: Assessment | None,
    details: dict[str, Any],
) -> str:
    """The history line's sentence, e.g. `Pre-monitoring KSM Mawar (mck_plus): 7/5/0`."""
    who = registry.ksm_label(ksm.name)
    if visit is not None and facility is not None:
        scores = "/".join(str(getattr(visit, f"score_{a}")) for a in ASPECTS)
        verb = "corrected" if kind == "assessment_updated" else "recorded"
        return f"Pre-monitoring {who} ({facility.kind}) {verb}: kel/tek/keu {scores}"
    if kind == "ksm_updated":
        return f"{who}: {', '.join(details.get('changed', {}))} updated"
    if facility is not None:
        return f"{facility.kind} of {who} registered"
    if kind == "ksm_added":
        return _("{who} registered with {items}").format(
            who=who, items=", ".join(f.kind for f in ksm.facilities)
        )
    return f"{who} registered"
