"""The one blocker view: what `blocker add/resolve/list/show` print, and the blocker object
of the JSON contract that region views embed (its first six fields)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from states import blockers as taxonomy
from workflow.domain import clock
from workflow.infrastructure.models import Blocker, Region


@dataclass(frozen=True)
class BlockerView:
    """A blocker as commands print it; the first six fields are the JSON contract."""

    id: int
    region: str  # the region's code
    type: str
    note: str | None
    opened_on: date
    resolved_on: date | None
    region_name: str
    label_en: str
    label_id: str
    opened_by: str
    automatic: bool
    resolved_by: str | None
    resolution_note: str | None
    days_open: int  # to its resolution, or to today while open
    voided_on: date | None = None  # opened by mistake: kept in the log, counted nowhere
    voided_by: str | None = None
    void_note: str | None = None


def blocker_view(blocker: Blocker, region: Region) -> BlockerView:
    return _view(blocker, region.code, region.name)


# A blocker's columns and its region's code and name: a list reads these, no ORM objects.
BLOCKER_COLUMNS = (
    *(
        Blocker.__table__.columns[name]
        for name in (
            "id",
            "type",
            "note",
            "opened_on",
            "resolved_on",
            "opened_by",
            "automatic",
            "resolved_by",
            "resolution_note",
            "voided_on",
            "voided_by",
            "void_note",
        )
    ),
    Region.code.label("region_code"),
    Region.name.label("region_name"),
)


def blocker_row_view(row: Any, today: date | None = None) -> BlockerView:
    """The view of a row of `BLOCKER_COLUMNS`; a list passes `today` (read once, not per
    row: the clock parses AKSANSI_NOW each time)."""
    return _view(row, row.region_code, row.region_name, today)


def _view(blocker: Any, code: str, name: str, today: date | None = None) -> BlockerView:
    kind = taxonomy.blocker_type(blocker.type)
    end = blocker.resolved_on or blocker.voided_on or today or clock.today()
    return BlockerView(
        id=blocker.id,
        region=code,
        type=blocker.type,
        note=blocker.note,
        opened_on=blocker.opened_on,
        resolved_on=blocker.resolved_on,
        region_name=name,
        label_en=kind["label_en"],
        label_id=kind["label_id"],
        opened_by=blocker.opened_by,
        automatic=blocker.automatic,
        resolved_by=blocker.resolved_by,
        resolution_note=blocker.resolution_note,
        days_open=max(0, (end - blocker.opened_on).days),
        voided_on=blocker.voided_on,
        voided_by=blocker.voided_by,
        void_note=blocker.void_note,
    )


def blocker_json(blocker: Any, region_code: str) -> dict[str, Any]:
    """The blocker object of the JSON contract (design.md §4) inside a region's JSON
    (`board`, `region list/show`): the first six fields of `BlockerView`."""
    return {
        "id": blocker.id,
        "region": region_code,
        "type": blocker.type,
        "note": blocker.note,
        "opened_on": blocker.opened_on.isoformat(),
        "resolved_on": None if blocker.resolved_on is None else blocker.resolved_on.isoformat(),
        "voided_on": None if blocker.voided_on is None else blocker.voided_on.isoformat(),
    }
