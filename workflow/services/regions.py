"""Add, import, list and show regions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import lifecycle as spec
from workflow.domain import audit, clock, region_sections
from workflow.domain.national_list import RegionRow, read_regions
from workflow.domain.regions import kind_of_code, normalise_code, resolve
from workflow.domain.views import HistoryEntry, RegionView, history_entries
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


@dataclass
class RegionDetail:
    region: RegionView
    chapter_formed_on: str | None
    recent: list[HistoryEntry]
    sections: dict[str, Any]
    kb: dict[str, Any] | None = None  # the signed Kesepakatan Bersama, when recorded


def add_region(
    uow: UnitOfWork, code: str, name: str, *, province: str | None, actor: str
) -> RegionView:
    normal = normalise_code(code)
    if normal is None:
        raise InvalidInput(_("{code!r} is not a kabupaten/kota code like 35.76.").format(code=code))
    row = RegionRow(0, normal, name.strip(), kind_of_code(normal), province, normal[:2])
    if not row.name:
        raise InvalidInput(_('the region needs a name, e.g. "Kabupaten Lebak".'))
    _check_kind_matches_name(row)
    with uow:
        existing = uow.session.scalar(select(Region).where(Region.code == normal))
        if existing is not None:
            raise InvalidInput(
                _("{normal} is already {name}; nothing was added.").format(
                    normal=normal, name=existing.name
                )
            )
        region = _insert(uow.session, row, actor, source="region add")
        uow.commit()
        return views_of(uow.session, [region])[0]


def import_regions(uow: UnitOfWork, path: Path, *, actor: str) -> ImportResult:
    rows = read_regions(path)
    with uow:
        existing = {r.code: r for r in uow.session.scalars(select(Region))}
        taken = {a for (a,) in uow.session.execute(select(RegionAlias.alias))}
        added, aliases = 0, []
        for row in rows:
            region = existing.get(row.code)
            if region is None:
                _insert(uow.session, row, actor, source=path.name)
                added += 1
            elif _keep_name_as_alias(region, row, taken):
                aliases.append(f"{row.name} → {region.name}")
        uow.commit()
    return ImportResult(added, len(rows) - added, aliases)


def list_regions(uow: UnitOfWork, *, state: str | None = None) -> list[RegionView]:
    if state is not None and state not in spec.STATE_IDS:
        raise InvalidInput(
            _("{state!r} is not a state; states: {state_ids}.").format(
                state=state, state_ids=", ".join(spec.STATE_IDS)
            )
        )
    with uow:
        query = select(Region).order_by(Region.code)
        if state is not None:
            query = query.where(Region.state == state)
        return views_of(uow.session, list(uow.session.scalars(query)))


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
