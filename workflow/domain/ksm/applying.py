"""Write checked sheet rows into the registry inside the caller's transaction.

The KSMs, facilities and visits of the regions in the file are read once (plain rows,
SQLAlchemy Core); each sheet row is applied to small plain records as it is checked
(`apply_row`); `write` then inserts them in batches straight to the driver
(`infrastructure/bulk.py`: the new ids drawn first on PostgreSQL, read back by natural
key on SQLite), updates the changed ones (Core `executemany`) and writes the audit rows
with those ids: one `ksm_added`,
`facility_added`, `ksm_updated`, `assessment_recorded` or `assessment_updated` per
change, so the region's history shows each of them. No ORM object is made, so memory
and time grow with the rows alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from states.audit import AUDIT_KINDS
from states.ksm_rubric import ASPECTS
from workflow.domain import clock
from workflow.domain.ksm import registry
from workflow.domain.ksm.scoring import aspect_scores, light_for, rubric_version
from workflow.i18n import _
from workflow.infrastructure import bulk
from workflow.infrastructure.models import Assessment, AuditEntry, Facility, Ksm
from workflow.infrastructure.models.ksm import ASSESSMENT_FIELDS

FACILITY_FIELDS = {
    "tahun_bangun": "year_built",
    "kapasitas_desain_kk": "capacity_kk",
    "sr_desain": "sr_designed",
}
KSM_FIELDS = {"kecamatan": "kecamatan", "desa": "desa"}
BATCH = 500  # rows per executemany
SCORE_COLUMNS = [f"score_{a}" for a in ASPECTS] + [f"light_{a}" for a in ASPECTS]
KSM_TABLE: Table = Ksm.__table__  # type: ignore[assignment]
FACILITY_TABLE: Table = Facility.__table__  # type: ignore[assignment]
ASSESSMENT_TABLE: Table = Assessment.__table__  # type: ignore[assignment]
AUDIT_TABLE: Table = AuditEntry.__table__  # type: ignore[assignment]


@dataclass(slots=True, eq=False)
class KsmRecord:
    id: int | None
    region_id: int
    name: str
    name_key: str
    kecamatan: str | None
    desa: str | None
    created_at: datetime | None = None  # set for a new KSM only
    facilities: list[FacilityRecord] = field(default_factory=list)
    changed: bool = False
    audit: str | None = None  # the kind of its audit entry waiting to be written, if any
    audit_details: dict[str, Any] | None = None


@dataclass(slots=True, eq=False)
class FacilityRecord:
    id: int | None
    ksm: KsmRecord
    kind: str
    year_built: int | None
    capacity_kk: int | None
    sr_designed: int | None
    changed: bool = False
    audit: str | None = None
    audit_details: dict[str, Any] | None = None


@dataclass(slots=True, eq=False)
class VisitRecord:
    id: int | None
    facility: FacilityRecord
    visited_on: date
    recorded_at: datetime | None
    actor: str | None
    fields: tuple[Any, ...]  # ASSESSMENT_FIELDS' values, in that order
    rubric_version: str
    scores: tuple[Any, ...]  # SCORE_COLUMNS' values, in that order
    changed: bool = False
    audit: str | None = None
    audit_details: dict[str, Any] | None = None
    line: int = 0  # the file's line that named this visit (0: none)

    def score(self, aspect: str) -> int:
        return int(self.scores[_ASPECT_INDEX[aspect]])


_ASPECT_INDEX = {aspect: index for index, aspect in enumerate(ASPECTS)}


def _interned(value: Any) -> Any:
    return sys.intern(value) if isinstance(value, str) else value


Scored = tuple[tuple[Any, ...], str, tuple[Any, ...]]


def scored(values: dict[str, Any], visited_on: date) -> Scored:
    """The visit's field values, the rubric version and its scores and lights. (A code —
    an enum or set cell — is one shared object per text already: `cells.RowChecker`.)"""
    fields = tuple(map(values.get, ASSESSMENT_FIELDS))
    numbers = aspect_scores(values, visited_on)
    return fields, rubric_version(), numbers + tuple(map(light_for, numbers))


class Applier:
    """Apply checked rows to plain records (`apply_row`), then `write` them."""

    def __init__(self, session: Session, actor: str, result: Any, *, source: str) -> None:
        self.session, self.actor = session, actor
        self.result, self.source = result, source
        self.ksms: dict[tuple[int, str], KsmRecord] = {}
        self.loaded: set[int] = set()  # the regions whose KSMs are read
        self.new_ksms: list[KsmRecord] = []
        self.new_facilities: list[FacilityRecord] = []
        self.new_visits: list[VisitRecord] = []
        self.updated_visits: list[VisitRecord] = []
        self.visits: dict[tuple[FacilityRecord, date], VisitRecord] = {}
        self.pending: list[Any] = []  # the records with an audit entry, in order
        self.now, self.today = clock.utcnow(), clock.today()  # one reading for the whole file

    # --- applying, row by row

    def apply_row(self, region_id: int, v: dict[str, Any], line: int) -> int | None:
        """Apply one good row of the region; if an earlier row of the file names the same
        visit (KSM, facility, day), change nothing and give that row's line."""
        self._load(region_id)
        ksm = self._ksm(region_id, v)
        facility = self._facility(ksm, v)
        if v["sr_desain"] != facility.sr_designed:  # scored with the facility's design
            v = v | {"sr_desain": facility.sr_designed}
        visited_on = v["tanggal_kunjungan"]
        existing = self.visits.get((facility, visited_on))
        if existing is not None and existing.line:
            return existing.line
        if existing is None:
            fields, version, scores = scored(v, visited_on)
            now, actor = self.now, self.actor
            visit = VisitRecord(None, facility, visited_on, now, actor, fields, version, scores)
            visit.line = line
            self.visits[(facility, visited_on)] = visit
            self.new_visits.append(visit)
            self._pend("assessment_recorded", visit)
            self.result.assessments_recorded += 1
            return None
        existing.line = line
        if _changed(existing, v):
            existing.fields, existing.rubric_version, existing.scores = scored(v, visited_on)
            existing.recorded_at, existing.actor = self.now, self.actor
            if not existing.changed:
                existing.changed = True
                self.updated_visits.append(existing)
            self._pend("assessment_updated", existing)
            self.result.assessments_updated += 1
        else:
            self.result.unchanged += 1
        return None

    def _pend(self, kind: str, record: Any, details: dict[str, Any] | None = None) -> None:
        """One audit entry per record at most: a row names a visit once, and a KSM or
        facility changed again keeps its first entry."""
        if record.audit is not None:
            raise ValueError(f"{record!r} has an audit entry already")
        record.audit, record.audit_details = kind, details
        self.pending.append(record)

    def _ksm(self, region_id: int, v: dict[str, Any]) -> KsmRecord:
        key = (region_id, registry.name_key(v["nama_ksm"]))
        ksm = self.ksms.get(key)
        if ksm is None:
            ksm = KsmRecord(
                None, region_id, v["nama_ksm"], key[1], v["kecamatan"], v["desa"], self.now
            )
            self.ksms[key] = ksm
            self.new_ksms.append(ksm)
            self._pend("ksm_added", ksm)
            self.result.ksm_added += 1
        else:
            self._update(ksm, KSM_FIELDS, v)
        return ksm

    def _facility(self, ksm: KsmRecord, v: dict[str, Any]) -> FacilityRecord:
        facility = next((f for f in ksm.facilities if f.kind == v["jenis_sarana"]), None)
        if facility is None:
            facility = FacilityRecord(
                None,
                ksm,
                _interned(v["jenis_sarana"]),
                v["tahun_bangun"],
                v["kapasitas_desain_kk"],
                v["sr_desain"],
            )
            ksm.facilities.append(facility)
            self.new_facilities.append(facility)
            if ksm.id is not None:  # a KSM already stored (a new KSM's row names its facilities)
                self._pend("facility_added", facility)
            self.result.facilities_added += 1
        else:
            self._update(facility, FACILITY_FIELDS, v)
        return facility

    def _update(
        self, record: KsmRecord | FacilityRecord, fields: dict[str, str], v: dict[str, Any]
    ) -> None:
        """Take the sheet's non-empty identity values; record what changed."""
        changed = {}
        for column, attribute in fields.items():
            if v[column] is not None and getattr(record, attribute) != v[column]:
                changed[attribute] = [getattr(record, attribute), v[column]]
                setattr(record, attribute, v[column])
        if changed:
            record.changed = True
            if record.audit is None:
                self._pend("ksm_updated", record, {"changed": changed})

    # --- what is stored already

    def _load(self, region_id: int) -> None:
        """The region's KSMs, facilities and visits, once per region."""
        if region_id in self.loaded:
            return
        self.loaded.add(region_id)
        conn = self.session.connection()
        ksms = {}
        query = select(KSM_TABLE).where(KSM_TABLE.c.region_id == region_id)
        for row in conn.execute(query.order_by(KSM_TABLE.c.name_key)):
            ksm = KsmRecord(row.id, row.region_id, row.name, row.name_key, row.kecamatan, row.desa)
            ksms[row.id] = self.ksms[(row.region_id, row.name_key)] = ksm
        facilities = {}
        for row in conn.execute(
            select(FACILITY_TABLE)
            .join(KSM_TABLE, KSM_TABLE.c.id == FACILITY_TABLE.c.ksm_id)
            .where(KSM_TABLE.c.region_id == region_id)
            .order_by(FACILITY_TABLE.c.id)
        ):
            owner = ksms[row.ksm_id]
            facility = FacilityRecord(
                row.id, owner, row.kind, row.year_built, row.capacity_kk, row.sr_designed
            )
            owner.facilities.append(facility)
            facilities[row.id] = facility
        for row in conn.execute(
            select(ASSESSMENT_TABLE)
            .join(FACILITY_TABLE, FACILITY_TABLE.c.id == ASSESSMENT_TABLE.c.facility_id)
            .join(KSM_TABLE, KSM_TABLE.c.id == FACILITY_TABLE.c.ksm_id)
            .where(KSM_TABLE.c.region_id == region_id)
        ):
            facility = facilities[row.facility_id]
            self.visits[(facility, row.visited_on)] = VisitRecord(
                row.id,
                facility,
                row.visited_on,
                None,
                None,
                tuple(getattr(row, name) for name in ASSESSMENT_FIELDS),
                row.rubric_version,
                tuple(getattr(row, name) for name in SCORE_COLUMNS),
            )

    # --- writing, in batches

    def write(self) -> None:
        """Insert and update every record, then the audit rows (new ids in creation order)."""
        conn = self.session.connection()
        old_facilities = [f for k in self.ksms.values() for f in k.facilities if f.id is not None]
        _update_all(conn, KSM_TABLE, _changed_only(self.ksms.values()), _ksm_update, KSM_FIELDS)
        _update_all(
            conn, FACILITY_TABLE, _changed_only(old_facilities), _facility_update, FACILITY_FIELDS
        )
        changed = [v for v in self.updated_visits if v.id is not None]
        self._insert_new(conn, KSM_TABLE, self.new_ksms, _KSM_COLUMNS, _ksm_row)
        self._insert_new(
            conn, FACILITY_TABLE, self.new_facilities, _FACILITY_COLUMNS, _facility_row
        )
        self._insert_new(conn, ASSESSMENT_TABLE, self.new_visits, _VISIT_COLUMNS, _visit_row)
        for visit in self.new_visits:
            visit.fields = ()  # written; the audit rows need only the scores
        _update_all(conn, ASSESSMENT_TABLE, changed, _visit_update, _VISIT_UPDATED)
        audit_rows = (self._audit_row(record) for record in self.pending)
        bulk.insert_rows(conn, AUDIT_TABLE, _AUDIT_COLUMNS, audit_rows)

    def _insert_new(
        self, conn: Connection, table: Table, records: list[Any], columns: Columns, row: Any
    ) -> None:
        """Insert the new records in order and give each its id."""
        ids = bulk.new_ids(conn, table, len(records))
        if ids is None:
            bulk.insert_rows(conn, table, columns, (row(record) for record in records))
            self._new_ids(conn, table, records)
            return
        for record, new_id in zip(records, ids, strict=True):
            record.id = new_id
        rows = ((record.id, *row(record)) for record in records)
        bulk.insert_rows(conn, table, ("id", *columns), rows)

    def _new_ids(self, conn: Connection, table: Table, records: list[Any]) -> None:
        """Each new record's id, read back by its natural key (unique in its table)."""
        if not records:
            return
        ids = {}
        query = _with_natural_key(table).where(KSM_TABLE.c.region_id.in_(sorted(self.loaded)))
        for row in conn.execute(query):
            ids[tuple(row[1:])] = row[0]
        for record in records:
            record.id = ids[_natural_key(record)]

    def _audit_row(self, record: Any) -> tuple[Any, ...]:
        """The record's audit row in `_AUDIT_COLUMNS` order."""
        kind, details = record.audit, record.audit_details
        if kind not in AUDIT_KINDS:
            raise ValueError(f"unknown audit kind {kind!r}: list it in states/audit.py")
        ksm, facility, visit = _owners(record)
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
            extra |= {aspect: visit.score(aspect) for aspect in ASPECTS}
        return (
            ksm.region_id,
            kind,
            self.today if visit is None else visit.visited_on,
            self.now,
            self.actor,
            f"{_note(kind, ksm, facility, visit, details or {})} ({self.source})",
            {**extra, **(details or {})},
        )


def _changed_only(records: Iterable[Any]) -> list[Any]:
    return [r for r in records if r.changed and r.id is not None]


def _batches(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _update_all(
    conn: Connection, table: Table, records: list[Any], row: Any, columns: Iterable[str]
) -> None:
    names = list(columns.values()) if isinstance(columns, dict) else list(columns)
    statement = (
        update(table)
        .where(table.c.id == bindparam("_id"))
        .values({name: bindparam(f"_{name}") for name in names})
    )
    for batch in _batches(records):
        conn.execute(statement, [row(record) for record in batch])


def _with_natural_key(table: Table) -> Any:
    """SELECT id and the natural key of `table`'s rows, joined up to their KSM."""
    if table is KSM_TABLE:
        return select(KSM_TABLE.c.id, KSM_TABLE.c.region_id, KSM_TABLE.c.name_key)
    facilities = select(FACILITY_TABLE.c.id, FACILITY_TABLE.c.ksm_id, FACILITY_TABLE.c.kind)
    facilities = facilities.join_from(
        FACILITY_TABLE, KSM_TABLE, KSM_TABLE.c.id == FACILITY_TABLE.c.ksm_id
    )
    if table is FACILITY_TABLE:
        return facilities
    visits = ASSESSMENT_TABLE.c
    return (
        select(visits.id, visits.facility_id, visits.visited_on)
        .join_from(ASSESSMENT_TABLE, FACILITY_TABLE, FACILITY_TABLE.c.id == visits.facility_id)
        .join(KSM_TABLE, KSM_TABLE.c.id == FACILITY_TABLE.c.ksm_id)
    )


def _natural_key(record: Any) -> tuple[Any, ...]:
    if isinstance(record, KsmRecord):
        return (record.region_id, record.name_key)
    if isinstance(record, FacilityRecord):
        return (record.ksm.id, record.kind)
    return (record.facility.id, record.visited_on)


Columns = tuple[str, ...]
_KSM_COLUMNS: Columns = ("region_id", "name", "name_key", "kecamatan", "desa", "created_at")
_FACILITY_COLUMNS: Columns = ("ksm_id", "kind", "year_built", "capacity_kk", "sr_designed")
_VISIT_COLUMNS: Columns = (
    *("facility_id", "visited_on", "recorded_at", "actor"),
    *ASSESSMENT_FIELDS,
    "rubric_version",
    *SCORE_COLUMNS,
)
_AUDIT_COLUMNS: Columns = (
    *("region_id", "kind", "occurred_on", "recorded_at", "actor", "note", "details"),
)


def _ksm_row(ksm: KsmRecord) -> tuple[Any, ...]:
    return (ksm.region_id, ksm.name, ksm.name_key, ksm.kecamatan, ksm.desa, ksm.created_at)


def _ksm_update(ksm: KsmRecord) -> dict[str, Any]:
    return {"_id": ksm.id, "_kecamatan": ksm.kecamatan, "_desa": ksm.desa}


def _facility_row(facility: FacilityRecord) -> tuple[Any, ...]:
    f = facility
    return (f.ksm.id, f.kind, f.year_built, f.capacity_kk, f.sr_designed)


def _facility_update(facility: FacilityRecord) -> dict[str, Any]:
    return {f"_{name}": getattr(facility, name) for name in FACILITY_FIELDS.values()} | {
        "_id": facility.id
    }


_VISIT_UPDATED = ["recorded_at", "actor", *ASSESSMENT_FIELDS, "rubric_version", *SCORE_COLUMNS]


def _visit_values(visit: VisitRecord) -> dict[str, Any]:
    return {
        "recorded_at": visit.recorded_at,
        "actor": visit.actor,
        **dict(zip(ASSESSMENT_FIELDS, visit.fields, strict=True)),
        "rubric_version": visit.rubric_version,
        **dict(zip(SCORE_COLUMNS, visit.scores, strict=True)),
    }


def _visit_row(visit: VisitRecord) -> tuple[Any, ...]:
    head = (visit.facility.id, visit.visited_on, visit.recorded_at, visit.actor)
    return (*head, *visit.fields, visit.rubric_version, *visit.scores)


def _visit_update(visit: VisitRecord) -> dict[str, Any]:
    return {f"_{name}": value for name, value in _visit_values(visit).items()} | {"_id": visit.id}


def _owners(record: Any) -> tuple[KsmRecord, FacilityRecord | None, VisitRecord | None]:
    if isinstance(record, VisitRecord):
        return record.facility.ksm, record.facility, record
    if isinstance(record, FacilityRecord):
        return record.ksm, record, None
    return record, None, None


def _changed(existing: VisitRecord, v: dict[str, Any]) -> bool:
    """Another value, or the same values scoring differently (new design SR, new rubric)."""
    stored = zip(ASSESSMENT_FIELDS, existing.fields, strict=True)
    if any(value != v.get(name) for name, value in stored):
        return True
    if existing.rubric_version != rubric_version():
        return True
    return tuple(map(int, existing.scores[: len(ASPECTS)])) != aspect_scores(v, existing.visited_on)


def _note(
    kind: str,
    ksm: KsmRecord,
    facility: FacilityRecord | None,
    visit: VisitRecord | None,
    details: dict[str, Any],
) -> str:
    """The history line's sentence, e.g. `Pre-monitoring KSM Mawar (mck_plus): 7/5/0`."""
    who = registry.ksm_label(ksm.name)
    if visit is not None and facility is not None:
        scores = "/".join(str(visit.score(a)) for a in ASPECTS)
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
