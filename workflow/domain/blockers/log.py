"""The blocker log's rules on a session: open, resolve, find (no commit).

A rotation, the sweep or the `blocker` use cases call these in their own transaction, so
a blocker, its audit row and whatever reacts to it (reminders) are written together or not
at all.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from workflow.domain import audit, clock
from workflow.domain.blockers.corrections import check_not_void
from workflow.domain.inputs import check_not_future, clean
from workflow.errors import InvalidInput, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Blocker, Region


def check_type(type_id: str) -> str:
    """The blocker type id `type_id` names (`-` may stand for `_`), or a refusal listing all."""
    wanted = (type_id or "").strip().lower().replace("-", "_")
    if wanted not in taxonomy.BLOCKER_TYPE_IDS:
        raise InvalidInput(
            _("unknown blocker type {type_id!r}; the types are: {blocker_type_ids}.").format(
                type_id=type_id, blocker_type_ids=", ".join(taxonomy.BLOCKER_TYPE_IDS)
            )
        )
    return wanted


def open_blocker(
    session: Session,
    region: Region,
    type_id: str,
    *,
    note: str | None,
    on: date,
    actor: str,
    automatic: bool = False,
    **details: Any,
) -> Blocker:
    """Open a blocker on `region` with its audit row (`blocker_opened`); no commit."""
    type_id = check_type(type_id)
    check_not_future(on, _("the opening date"))
    blocker = Blocker(region_id=region.id, type=type_id, note=clean(note), opened_on=on)
    blocker.opened_by, blocker.automatic, blocker.created_at = actor, automatic, clock.utcnow()
    session.add(blocker)
    session.flush()
    entry = audit.record(
        session,
        region=region,
        kind="blocker_opened",
        actor=actor,
        occurred_on=on,
        note=blocker.note,
        blocker_id=blocker.id,
        type=type_id,
        automatic=automatic,
        **details,
    )
    from workflow.domain import reactions  # the reminders' module: `blocker list`/`stats` need none

    reactions.after_blocker_opened(session, region, blocker, entry)
    return blocker


def resolve_blocker_row(
    session: Session,
    blocker: Blocker,
    *,
    note: str | None,
    on: date,
    actor: str,
    **details: Any,
) -> AuditEntry:
    """Resolve an open blocker with its audit row (`blocker_resolved`); no commit."""
    _check_resolvable(blocker, on)
    blocker.resolved_on = on
    blocker.resolved_by = actor
    blocker.resolution_note = clean(note)
    region = session.get_one(Region, blocker.region_id)
    entry = audit.record(
        session,
        region=region,
        kind="blocker_resolved",
        actor=actor,
        occurred_on=on,
        note=blocker.resolution_note,
        blocker_id=blocker.id,
        type=blocker.type,
        days_open=(on - blocker.opened_on).days,
        **details,
    )
    from workflow.domain import reactions  # as in open_blocker

    cancelled = reactions.after_blocker_resolved(session, region, blocker, entry)
    if cancelled:
        entry.details = {**entry.details, "cancelled": cancelled}
    return entry


def _check_resolvable(blocker: Blocker, on: date) -> None:
    check_not_void(blocker)
    if blocker.resolved_on is not None:
        raise InvalidInput(
            _(
                "blocker #{id} was already resolved on {isoformat} by {resolved_by}; nothing to do."
            ).format(
                id=blocker.id,
                isoformat=blocker.resolved_on.isoformat(),
                resolved_by=blocker.resolved_by,
            )
        )
    check_not_future(on, _("the resolution date"))
    if on < blocker.opened_on:
        raise InvalidInput(
            _(
                "blocker #{id} was opened on {isoformat}; it cannot be resolved before "
                "that ({isoformat2})."
            ).format(
                id=blocker.id, isoformat=blocker.opened_on.isoformat(), isoformat2=on.isoformat()
            )
        )


def open_blockers_of(session: Session, region: Region) -> list[Blocker]:
    """The region's open blockers, oldest first."""
    return list(
        session.scalars(
            select(Blocker)
            .where(Blocker.region_id == region.id, Blocker.is_open)
            .order_by(Blocker.opened_on, Blocker.id)
        )
    )


def open_blocker_of_type(session: Session, region: Region, type_id: str) -> Blocker | None:
    """The region's oldest open blocker of this type, if any (so callers can avoid doubles)."""
    return next((b for b in open_blockers_of(session, region) if b.type == type_id), None)


def refuse_duplicate(session: Session, region: Region, type_id: str) -> None:
    """A coordinator logging what is already logged (a repeatable type may be open twice)."""
    if type_id in taxonomy.REPEATABLE_TYPES:
        return
    existing = open_blocker_of_type(session, region, type_id)
    if existing is not None:
        raise InvalidInput(
            _(
                "{name} already has blocker #{id} ({type_id}) open since {isoformat}; "
                "resolve it first or use type 'other'."
            ).format(
                name=region.name,
                id=existing.id,
                type_id=type_id,
                isoformat=existing.opened_on.isoformat(),
            )
        )


def get_blocker(session: Session, blocker_id: int, *, for_update: bool = False) -> Blocker:
    """The blocker with this id (locked when it is about to change), or a refusal."""
    blocker = session.get(Blocker, blocker_id, with_for_update=for_update or None)
    if blocker is None:
        raise NotFound(
            _("there is no blocker #{blocker_id}; 'aksansi blocker list' shows the ids.").format(
                blocker_id=blocker_id
            )
        )
    return blocker
