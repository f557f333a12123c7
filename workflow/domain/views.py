"""Plain views the services return (never ORM rows): what commands print and --json emits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import lifecycle as spec
from workflow.domain import clock, region_sections
from workflow.infrastructure.models import AuditEntry, Region


@dataclass
class RegionView:
    code: str
    name: str
    kind: str
    province: str | None
    state: str
    state_label: str
    state_since: date | None
    days_in_state: int | None
    open_blockers: list[dict[str, Any]]
    next_reminder: dict[str, Any] | None
    aliases: list[str] = field(default_factory=list)
    subject: str | None = None
    held_from: str | None = None
    seat: str | None = None
    administrative: bool = False
    kb_expires_on: date | None = None  # the last day the recorded KB (MoU) is in force
    next_action: dict[str, Any] | None = None  # None only when closed or declined


@dataclass
class HistoryEntry:
    at: date
    kind: str
    by: str
    recorded_at: datetime
    note: str | None  # as it reads now (an amendment's text replaces the original)
    event: str | None = None
    from_: str | None = None
    to: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
    reverted_by: int | None = None  # the `reverted` row that undid this one
    amended_by: int | None = None  # the latest `amended` row; the audit keeps the old text

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "at": self.at.isoformat(),
            "kind": self.kind,
            "by": self.by,
            "recorded_at": self.recorded_at.isoformat(),
            "note": self.note,
            "reverted_by": self.reverted_by,
            "amended_by": self.amended_by,
        }
        if self.kind in ("transition", "milestone", "seed"):
            data.update({"event": self.event, "from": self.from_, "to": self.to})
        data.update({k: v for k, v in self.details.items() if k not in data})
        return data


def region_views(session: Session, regions: Sequence[Region] | Sequence[Any]) -> list[RegionView]:
    """Views of many regions (ORM rows or plain rows of the region table) with batched
    queries for their blockers, reminders and next actions (a few queries whatever the
    number of regions): the next action's reads give the next reminder too."""
    from workflow.domain import working_days
    from workflow.domain.next_action import WorklistReads, first_pending, next_actions
    from workflow.domain.next_action import region_facts as facts_of

    ids = [r.id for r in regions]
    blockers, first_blockers = region_sections.open_blockers_and_firsts(session, ids)
    aliases = _aliases(session, ids)
    kb_ends = _kb_expiry(session, ids)
    today = clock.today()
    facts = [facts_of(region) for region in regions]
    reads = WorklistReads.load(session, facts, blockers=first_blockers)
    actions = next_actions(facts, reads, today, working_days.load(session))
    labels = state_labels()
    return [
        RegionView(
            code=r.code,
            name=r.name,
            kind=r.kind,
            province=r.province,
            state=r.state,
            state_label=labels[r.state],
            state_since=r.state_since,
            days_in_state=None if r.state_since is None else (today - r.state_since).days,
            open_blockers=blockers.get(r.id, []),
            next_reminder=region_sections.next_reminder_json(first_pending(reads, r.id), r.code),
            aliases=aliases.get(r.id, []),
            subject=r.subject,
            held_from=r.held_from,
            seat=r.seat,
            administrative=r.administrative,
            kb_expires_on=kb_ends.get(r.id),
            next_action=_action_json(actions.get(r.id)),
        )
        for r in regions
    ]


def state_labels() -> dict[str, str]:
    """state → its label in a view (`state_label`), looked up once per list of regions."""
    return {state["id"]: state["label_id"] for state in spec.STATES}


def region_rows() -> Any:
    """Every region as a plain row of its table, by code: what `region_views` reads of a
    region, with no ORM object (and no identity map) per region."""
    return select(*Region.__table__.columns).order_by(Region.code)


def _kb_expiry(session: Session, ids: list[int]) -> dict[int, date]:
    """Each region's KB end, from its latest KB record (one query)."""
    from sqlalchemy import func

    from workflow.infrastructure.models import MouRecord

    latest = select(func.max(MouRecord.id)).group_by(MouRecord.region_id).scalar_subquery()
    rows = session.execute(
        select(MouRecord.region_id, MouRecord.expires_on).where(MouRecord.id.in_(latest))
    )
    wanted = set(ids)
    return {region_id: ends for region_id, ends in rows if region_id in wanted}


def _action_json(item: Any) -> dict[str, Any] | None:
    return None if item is None else item.next_action_json()


def _aliases(session: Session, ids: list[int]) -> dict[int, list[str]]:
    from workflow.infrastructure.models import RegionAlias

    found: dict[int, list[str]] = {}
    rows = session.execute(
        select(RegionAlias.region_id, RegionAlias.alias).order_by(RegionAlias.alias)
    )
    wanted = set(ids)
    for region_id, alias in rows:
        if region_id in wanted:
            found.setdefault(region_id, []).append(alias)
    return found


def history_entry(
    entry: AuditEntry | Any, amended_notes: dict[int, str | None] | None = None
) -> HistoryEntry:
    """The row as history shows it; `amended_notes` (amendment id → text) gives the
    current note of an amended row (`history_entries` looks them up)."""
    note = entry.note
    if entry.amended_by_id is not None and amended_notes is not None:
        note = amended_notes.get(entry.amended_by_id, note)
    return HistoryEntry(
        at=entry.occurred_on,
        kind=entry.kind,
        by=entry.actor,
        recorded_at=entry.recorded_at,
        note=note,
        event=entry.event,
        from_=entry.from_state,
        to=entry.to_state,
        details=dict(entry.details or {}),
        id=entry.id,
        reverted_by=entry.reverted_by_id,
        amended_by=entry.amended_by_id,
    )


def history_entries(session: Session, rows: list[AuditEntry] | list[Any]) -> list[HistoryEntry]:
    """Rows as history shows them, amended notes read in one query (none if none)."""
    from workflow.domain.corrections.amending import amendments_for

    notes = amendments_for(session, rows)
    return [history_entry(row, notes) for row in rows]
