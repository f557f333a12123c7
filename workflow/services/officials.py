"""Officials: who holds which position at a region, and rotations (domain.md §2).

`official set` with a new person on a held position ends the old tenure and opens an
`official_rotated` blocker in the same transaction; the same person again changes
nothing, and the holder's name spelt otherwise is refused (`official correct` fixes a
spelling; `--rotation` says a namesake took over). `official end` closes a tenure
nobody succeeds yet. The region's current counterparts (for letters) are its open
tenures; positions are matched through their aliases (`states/officials.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit, clock
from workflow.domain.blockers.log import open_blocker
from workflow.domain.inputs import check_not_future, clean
from workflow.domain.officials import corrections
from workflow.domain.officials.names import canonical_position, same_person
from workflow.domain.officials.tenures import current_official, position_key
from workflow.domain.regions import resolve
from workflow.errors import InvalidInput, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import Official, Region
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class OfficialView:
    id: int
    region: str
    position: str
    institution: str | None
    name: str
    email: str | None
    phone: str | None
    since: date
    until: date | None
    current: bool


@dataclass(frozen=True)
class SetResult:
    region: str
    code: str
    outcome: str  # "new" (first holder), "rotated", "updated" (contact details), "unchanged"
    official: OfficialView
    left: OfficialView | None = None
    blocker_id: int | None = None


@dataclass(frozen=True)
class OfficialList:
    region: str
    code: str
    history: bool
    officials: list[OfficialView]


def official_view(official: Official, region_code: str) -> OfficialView:
    return OfficialView(
        id=official.id,
        region=region_code,
        position=official.position,
        institution=official.institution,
        name=official.name,
        email=official.email,
        phone=official.phone,
        since=official.since,
        until=official.until,
        current=official.until is None,
    )


@dataclass(frozen=True)
class Holder:
    """What `official set` was given, cleaned."""

    position: str
    name: str
    institution: str | None
    email: str | None
    phone: str | None
    since: date

    @classmethod
    def from_input(cls, position: str, name: str, since: date | None, **contact: Any) -> Holder:
        position_text = " ".join((position or "").split())
        name_text = " ".join((name or "").split())
        if not position_text:
            raise InvalidInput(
                _("the position is empty; give it, e.g. --position 'Kepala Dinas PUPR'.")
            )
        if not name_text:
            raise InvalidInput(_("the name is empty; give the person's name with --name."))
        day = check_not_future(since or clock.today(), _("the --since date"))
        return cls(
            position_text,
            name_text,
            clean(contact.get("institution")),
            clean(contact.get("email")),
            clean(contact.get("phone")),
            day,
        )


def set_official(
    uow: UnitOfWork,
    region_ref: str,
    *,
    position: str,
    name: str,
    actor: str,
    since: date | None = None,
    institution: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    rotation: bool = False,
) -> SetResult:
    """Record who holds a position; a different person than the holder is a rotation.

    The holder's own name spelt otherwise (case, punctuation, titles, degrees) is refused
    unless `rotation` says a different person of that name took over."""
    holder = Holder.from_input(
        position, name, since, institution=institution, email=email, phone=phone
    )
    with uow:
        region = resolve(uow.session, region_ref)
        _lock(uow.session, region)
        current = current_official(uow.session, region, holder.position)
        if current is None or rotation:
            result = _new_holder(uow.session, region, current, holder, actor)
        elif _written_alike(current.name, holder.name):
            result = _same_person(uow.session, region, current, holder, actor)
        elif same_person(current.name, holder.name):
            raise corrections.refuse_same_person(region, current, holder.name)
        else:
            result = _new_holder(uow.session, region, current, holder, actor)
        uow.commit()
    return result


def _written_alike(a: str, b: str) -> bool:
    """The same text but for case and spacing: the holder again."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _lock(session: Session, region: Region) -> None:
    """Two coordinators setting the same position at once: the second waits (PostgreSQL)."""
    session.execute(select(Region.id).where(Region.id == region.id).with_for_update())


def _same_person(
    session: Session, region: Region, current: Official, holder: Holder, actor: str
) -> SetResult:
    """The holder again: only contact details given anew are updated (and audited)."""
    changes = {
        field: value
        for field in ("institution", "email", "phone")
        if (value := getattr(holder, field)) is not None and value != getattr(current, field)
    }
    for field, value in changes.items():
        setattr(current, field, value)
    if changes:
        audit.record(
            session,
            region=region,
            kind="official_updated",
            actor=actor,
            official_id=current.id,
            position=current.position,
            name=current.name,
            **changes,
        )
    outcome = "updated" if changes else "unchanged"
    return SetResult(region.name, region.code, outcome, official_view(current, region.code))


def _new_holder(
    session: Session, region: Region, current: Official | None, holder: Holder, actor: str
) -> SetResult:
    """A first holder, or a rotation: end the tenure, start the new one, open the blocker."""
    if current is not None and holder.since < current.since:
        raise InvalidInput(
            _(
                "{name} holds {position} since {isoformat}; a successor cannot start "
                "before that (--since {isoformat2})."
            ).format(
                name=current.name,
                position=current.position,
                isoformat=current.since.isoformat(),
                isoformat2=holder.since.isoformat(),
            )
        )
    official = _start_tenure(session, region, current, holder, actor)
    if current is None:
        return SetResult(region.name, region.code, "new", official_view(official, region.code))
    _end_tenure(current, official, actor)
    blocker_id = _rotation_blocker(session, region, current, official, actor)
    return SetResult(
        region.name,
        region.code,
        "rotated",
        official_view(official, region.code),
        official_view(current, region.code),
        blocker_id,
    )


def _start_tenure(
    session: Session, region: Region, current: Official | None, holder: Holder, actor: str
) -> Official:
    official = Official(
        region_id=region.id,
        # the known spelling, else the canonical one (`Kadis PUPR` is `Kepala Dinas PUPR`)
        position=current.position
        if current
        else canonical_position(holder.position, region.name, region.short_name),
        position_key=position_key(holder.position, region.name, region.short_name),
        institution=holder.institution or (current.institution if current else None),
        name=holder.name,
        email=holder.email,
        phone=holder.phone,
        since=holder.since,
        recorded_by=actor,
        created_at=clock.utcnow(),
    )
    session.add(official)
    session.flush()
    audit.record(
        session,
        region=region,
        kind="official_set",
        actor=actor,
        occurred_on=holder.since,
        official_id=official.id,
        position=official.position,
        name=official.name,
        institution=official.institution,
        replaced=None if current is None else current.name,
    )
    return official


def _end_tenure(current: Official, successor: Official, actor: str) -> None:
    current.until = successor.since
    current.ended_by = actor
    current.successor_id = successor.id


def _rotation_blocker(
    session: Session, region: Region, left: Official, came: Official, actor: str
) -> int:
    note = _("{position}: {name} left, {name2} came (since {isoformat}).").format(
        position=came.position, name=left.name, name2=came.name, isoformat=came.since.isoformat()
    )
    blocker = open_blocker(
        session,
        region,
        "official_rotated",
        note=note,
        on=came.since,
        actor=actor,
        automatic=True,
        position=came.position,
        left=left.name,
        came=came.name,
        official_id=came.id,
        previous_official_id=left.id,
    )
    return blocker.id


def list_officials(uow: UnitOfWork, region_ref: str, *, history: bool = False) -> OfficialList:
    """The current officials, or with `history` every tenure (by position, oldest first)."""
    with uow:
        region = resolve(uow.session, region_ref)
        query = select(Official).where(Official.region_id == region.id)
        if not history:
            query = query.where(Official.until.is_(None))
        rows = uow.session.scalars(
            query.order_by(Official.position_key, Official.since, Official.id)
        )
        views = [official_view(row, region.code) for row in rows]
        return OfficialList(region.name, region.code, history, views)


@dataclass(frozen=True)
class CorrectResult:
    region: str
    code: str
    official: OfficialView
    changes: dict[str, tuple[Any, Any]]  # field → (old, new)


def correct_official(
    uow: UnitOfWork,
    region_ref: str,
    *,
    position: str,
    actor: str,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    since: date | None = None,
) -> CorrectResult:
    """Fix the current holder's record, no rotation: `aksansi official correct`."""
    wanted = {
        "name": _given(name, "--name"),
        "email": _given(email, "--email"),
        "phone": _given(phone, "--phone"),
        "since": since,
    }
    if all(value is None for value in wanted.values()):
        raise InvalidInput(_("nothing to correct; give --name, --email, --phone or --since."))
    with uow:
        region = resolve(uow.session, region_ref)
        _lock(uow.session, region)
        current = _holder_of(uow.session, region, position)
        changes = corrections.correct(uow.session, region, current, wanted, actor)
        view = official_view(current, region.code)
        uow.commit()
    return CorrectResult(region.name, region.code, view, changes)


def end_official(
    uow: UnitOfWork,
    region_ref: str,
    *,
    position: str,
    actor: str,
    note: str | None,
    on: date | None = None,
) -> OfficialView:
    """Close a tenure nobody succeeds yet: `aksansi official end`."""
    text = clean(note)
    if text is None:
        raise InvalidInput(_('official end needs --note saying why (e.g. --note "pensiun").'))
    with uow:
        region = resolve(uow.session, region_ref)
        _lock(uow.session, region)
        current = _holder_of(uow.session, region, position)
        corrections.end(
            uow.session, region, current, on=on or clock.today(), note=text, actor=actor
        )
        view = official_view(current, region.code)
        uow.commit()
    return view


def _given(value: str | None, option: str) -> str | None:
    """An option given as blanks is a mistake, not a wish to erase the value."""
    if value is None:
        return None
    text = " ".join(value.split())
    if not text:
        raise InvalidInput(_("{option} is empty; give the corrected value.").format(option=option))
    return text


def _holder_of(session: Session, region: Region, position: str) -> Official:
    current = current_official(session, region, position or "")
    if current is None:
        raise NotFound(
            _(
                "nobody holds {position} at {region} now; record the holder with "
                "'aksansi official set {code} --position \"{position}\" --name NAME'."
            ).format(
                position=" ".join((position or "").split()), region=region.name, code=region.code
            )
        )
    return current
