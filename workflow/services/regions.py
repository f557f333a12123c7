"""Add, import, list and show regions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import lifecycle as spec
from workflow.domain import audit, clock, region_sections
from workflow.domain.national_list import (
    BUILTIN,
    RegionRow,
    builtin_region,
    builtin_regions,
    clean_name,
    find_builtin,
    read_regions,
    read_seats,
)
from workflow.domain.regions import kind_of_code, normalise_code, resolve
from workflow.domain.views import HistoryEntry, RegionView, history_entries, region_rows
from workflow.domain.views import region_views as views_of
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Region, RegionAlias
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_there: int
    aliases_added: list[str]
    seats_filled: int = 0


@dataclass
class RegionDetail:
    region: RegionView
    chapter_formed_on: str | None
    recent: list[HistoryEntry]
    sections: dict[str, Any]
    kb: dict[str, Any] | None = None  # the signed Kesepakatan Bersama, when recorded


def add_region(
    uow: UnitOfWork,
    code_or_name: str,
    name: str | None = None,
    *,
    province: str | None,
    actor: str,
    seat: str | None = None,
) -> RegionView:
    """`region add NAME` (or a code alone) finds the code, province and seat in the
    built-in list; `region add CODE NAME` takes them as given, the list filling the gaps."""
    if name is None:
        known = find_builtin(code_or_name)
        row = replace(known, province=province or known.province, seat=seat or known.seat)
    else:
        row = _given_row(code_or_name, name, province, seat)
    _check_kind_matches_name(row)
    with uow:
        existing = uow.session.scalar(select(Region).where(Region.code == row.code))
        if existing is not None:
            raise InvalidInput(
                _("{code} is already {name}; nothing was added.").format(
                    code=row.code, name=existing.name
                )
            )
        region = _insert(uow.session, row, actor, source="region add")
        uow.commit()
        return views_of(uow.session, [region])[0]


def _given_row(code: str, name: str, province: str | None, seat: str | None) -> RegionRow:
    normal = normalise_code(code)
    if normal is None:
        raise InvalidInput(_("{code!r} is not a kabupaten/kota code like 35.76.").format(code=code))
    cleaned = clean_name(name)
    if not cleaned:
        raise InvalidInput(_('the region needs a name, e.g. "Kabupaten Lebak".'))
    known = builtin_region(normal)
    return RegionRow(
        0,
        normal,
        cleaned,
        kind_of_code(normal),
        province or (known.province if known else None),
        normal[:2],
        clean_name(seat or "") or (known.seat if known else None),
    )


def set_region(uow: UnitOfWork, region_ref: str, *, seat: str, actor: str) -> RegionView:
    """`region set REGION --seat TEXT`: correct the seat town letters write after "di"."""
    cleaned = clean_name(seat)
    if not cleaned:
        raise InvalidInput(
            _("--seat needs the name of the seat town (ibu kota), e.g. --seat Rangkasbitung.")
        )
    with uow:
        region = resolve(uow.session, region_ref)
        before = region.seat
        region.seat = cleaned
        audit.record(
            uow.session,
            region=region,
            kind="region_changed",
            actor=actor,
            field="seat",
            value=cleaned,
            previous=before,
        )
        uow.commit()
        return views_of(uow.session, [region])[0]


def import_regions(
    uow: UnitOfWork, path: Path | None, *, actor: str, seats: Path | None = None
) -> ImportResult:
    """Import a Kemendagri list (or, with no file, the built-in one), with seat towns.

    Seats come from `seats` (a `kode,ibukota` file, which also corrects the seats of
    regions already known), else from the built-in list for the codes it knows, filling
    only seats not set yet. A region already known keeps its state and history.
    """
    rows = list(builtin_regions()) if path is None else read_regions(path)
    source = BUILTIN if path is None else path.name
    with uow:
        existing = {r.code: r for r in uow.session.scalars(select(Region))}
        seat_of = _seats_for(rows, seats, set(existing))
        taken = {a for (a,) in uow.session.execute(select(RegionAlias.alias))}
        added, aliases, seated = 0, [], 0
        for listed in rows:
            row = replace(listed, seat=seat_of.get(listed.code) or listed.seat)
            region = existing.get(row.code)
            if region is None:
                _insert(uow.session, row, actor, source=source)
                added += 1
                continue
            if _keep_name_as_alias(region, row, taken):
                aliases.append(f"{row.name} → {region.name}")
            given = seats is not None and row.code in seat_of  # an explicit file corrects
            if row.seat and row.seat != region.seat and (given or not region.seat):
                region.seat = row.seat
                seated += 1
        uow.commit()
    return ImportResult(added, len(rows) - added, aliases, seated)


def _seats_for(rows: list[RegionRow], seats: Path | None, known: set[str]) -> dict[str, str]:
    if seats is not None:
        return read_seats(seats, known | {row.code for row in rows})
    return {row.code: row.seat for row in builtin_regions() if row.seat}


def list_regions(uow: UnitOfWork, *, state: str | None = None) -> list[RegionView]:
    if state is not None and state not in spec.STATE_IDS:
        raise InvalidInput(
            _("{state!r} is not a state; states: {state_ids}.").format(
                state=state, state_ids=", ".join(spec.STATE_IDS)
            )
        )
    with uow:
        query = region_rows()
        if state is not None:
            query = query.where(Region.state == state)
        return views_of(uow.session, uow.session.connection().execute(query).all())


def show_region(uow: UnitOfWork, region_ref: str) -> RegionDetail:
    with uow:
        region = resolve(uow.session, region_ref)
        entries = uow.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.region_id == region.id)
            .order_by(AuditEntry.occurred_on.desc(), AuditEntry.id.desc())
            .limit(10)
        ).all()
        return RegionDetail(
            views_of(uow.session, [region])[0],
            _chapter_formed(uow.session, region),
            history_entries(uow.session, list(entries)),
            region_sections.sections_for(uow.session, region),
            _kb(uow.session, region),
        )


def _kb(session: Session, region: Region) -> dict[str, Any] | None:
    from workflow.domain import kb

    return kb.as_json(kb.latest(session, region))


def _chapter_formed(session: Session, region: Region) -> str | None:
    day = session.scalar(
        select(AuditEntry.occurred_on)
        .where(
            AuditEntry.region_id == region.id,
            AuditEntry.event == "form_chapter",
            AuditEntry.kind == "milestone",
            AuditEntry.reverted_by_id.is_(None),
        )
        .order_by(AuditEntry.occurred_on)
        .limit(1)
    )
    return None if day is None else day.isoformat()


def _insert(session: Session, row: RegionRow, actor: str, *, source: str) -> Region:
    region = Region(
        code=row.code,
        name=row.name,
        kind=row.kind,
        province=row.province,
        province_code=row.province_code,
        seat=row.seat,
        administrative=row.administrative,
        state=spec.INITIAL,
        state_since=clock.today(),
        created_at=clock.utcnow(),
    )
    session.add(region)
    session.flush()
    audit.record(
        session,
        region=region,
        kind="region_added",
        actor=actor,
        to_state=spec.INITIAL,
        source=source,
    )
    return region


def _keep_name_as_alias(region: Region, row: RegionRow, taken: set[str]) -> bool:
    """The file spells an existing region differently (Lubuk Linggau): keep it as an alias."""
    if row.name == region.name or row.name in taken:
        return False
    region.aliases.append(RegionAlias(alias=row.name))
    taken.add(row.name)
    return True


def _check_kind_matches_name(row: RegionRow) -> None:
    """`Kabupaten X` under a kota code would be addressed `Yth. Wali Kota X`: refuse it."""
    said = row.name.split(" ", 1)[0].lower()
    if said in ("kabupaten", "kota") and said != row.kind:
        digits = "01–69" if said == "kabupaten" else "71–99"
        raise InvalidInput(
            _(
                "{name} is a {said} by its name, but {code} is a {kind} code; a "
                "{said}'s code ends in {digits}: check the code."
            ).format(name=row.name, said=said, code=row.code, kind=row.kind, digits=digits)
        )
