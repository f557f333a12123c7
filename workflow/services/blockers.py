"""Use cases of `aksansi blocker`: add, resolve, list, types (one transaction each).

The rules they apply (opening, resolving, the open-blocker query) are in
`workflow/domain/blockers/`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from states import blockers as taxonomy
from workflow.domain import clock
from workflow.domain.blockers import corrections
from workflow.domain.blockers.log import (
    check_type,
    get_blocker,
    open_blocker,
    refuse_duplicate,
    resolve_blocker_row,
)
from workflow.domain.blockers.view import (
    BLOCKER_COLUMNS,
    BlockerView,
    blocker_row_view,
    blocker_view,
)
from workflow.domain.regions import resolve
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Blocker, Region
from workflow.infrastructure.unit_of_work import UnitOfWork


def add_blocker(
    uow: UnitOfWork,
    region_ref: str,
    type_id: str,
    *,
    actor: str,
    note: str | None = None,
    on: date | None = None,
) -> BlockerView:
    """Log why a region is stuck: `aksansi blocker add REGION TYPE`."""
    type_id = check_type(type_id)
    with uow:
        region = resolve(uow.session, region_ref)
        refuse_duplicate(uow.session, region, type_id)
        blocker = open_blocker(
            uow.session, region, type_id, note=note, on=on or clock.today(), actor=actor
        )
        view = blocker_view(blocker, region)
        uow.commit()
    return view


def resolve_blocker(
    uow: UnitOfWork,
    blocker_id: int,
    *,
    actor: str,
    note: str | None = None,
    on: date | None = None,
) -> BlockerView:
    """Close a blocker: `aksansi blocker resolve ID`."""
    with uow:
        blocker = get_blocker(uow.session, blocker_id, for_update=True)
        resolve_blocker_row(uow.session, blocker, note=note, on=on or clock.today(), actor=actor)
        view = blocker_view(blocker, uow.session.get_one(Region, blocker.region_id))
        uow.commit()
    return view


def void_blocker(uow: UnitOfWork, blocker_id: int, *, actor: str, note: str | None) -> BlockerView:
    """A blocker opened by mistake: `aksansi blocker void ID --note TEXT` (kept, marked void)."""
    text = _required_note(note, "blocker void", "logged on the wrong region")
    with uow:
        blocker = get_blocker(uow.session, blocker_id, for_update=True)
        corrections.void(uow.session, blocker, note=text, actor=actor)
        view = blocker_view(blocker, uow.session.get_one(Region, blocker.region_id))
        uow.commit()
    return view


def edit_blocker(uow: UnitOfWork, blocker_id: int, *, actor: str, note: str | None) -> BlockerView:
    """Amend a blocker's note: `aksansi blocker edit ID --note TEXT` (old note audited)."""
    text = _required_note(note, "blocker edit", "tidak ada pagu 2027")
    with uow:
        blocker = get_blocker(uow.session, blocker_id, for_update=True)
        corrections.edit_note(uow.session, blocker, note=text, actor=actor)
        view = blocker_view(blocker, uow.session.get_one(Region, blocker.region_id))
        uow.commit()
    return view


def _required_note(note: str | None, command: str, example: str) -> str:
    text = (note or "").strip()
    if not text:
        raise InvalidInput(
            _('{command} needs --note (e.g. --note "{example}").').format(
                command=command, example=example
            )
        )
    return text


def list_blockers(
    uow: UnitOfWork,
    *,
    open_only: bool = False,
    region_ref: str | None = None,
    type_id: str | None = None,
) -> list[BlockerView]:
    """The log, oldest first, filtered by openness, region and type."""
    query = select(*BLOCKER_COLUMNS).join(Region, Region.id == Blocker.region_id)
    if type_id is not None:
        query = query.where(Blocker.type == check_type(type_id))
    if open_only:
        query = query.where(Blocker.is_open)
    with uow:
        if region_ref is not None:
            query = query.where(Blocker.region_id == resolve(uow.session, region_ref).id)
        rows = uow.session.execute(query.order_by(Blocker.opened_on, Blocker.id))
        today = clock.today()
        return [blocker_row_view(row, today) for row in rows]


def blocker_types() -> list[dict[str, Any]]:
    """The taxonomy with its playbooks, as plain data (`aksansi blocker types`)."""
    return [dict(kind) for kind in taxonomy.BLOCKER_TYPES]
