"""Use cases that put a mistake right: `aksansi undo REGION` and `aksansi amend ENTRY`.

Each is one transaction that appends its correction row; nothing is erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from workflow.domain.corrections import amending, undo
from workflow.domain.regions import resolve
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Region
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class UndoResult:
    region: str
    code: str
    reverted_id: int  # the audit row that was reverted
    reverted_by: int  # the `reverted` row
    kind: str  # transition | milestone
    event: str | None
    occurred_on: date
    state_from: str
    state_to: str
    reminders_undone: list[int]
    reminders_pending_again: list[int]
    blockers_reopened: list[int]


@dataclass(frozen=True)
class AmendResult:
    entry_id: int
    amended_by: int
    kind: str
    region: str | None
    old_note: str | None
    note: str


def required_note(note: str | None, command: str) -> str:
    """A correction says why: an empty or missing --note is refused."""
    text = (note or "").strip()
    if not text:
        raise InvalidInput(
            _('{command} needs --note saying why (e.g. --note "salah ketik").').format(
                command=command
            )
        )
    return text


def undo_event(uow: UnitOfWork, region_ref: str, *, actor: str, note: str | None) -> UndoResult:
    """Revert the region's latest lifecycle event: `aksansi undo REGION --note TEXT`."""
    text = required_note(note, "undo")
    with uow:
        region = resolve(uow.session, region_ref)
        uow.subject = region.name
        uow.session.execute(select(Region.id).where(Region.id == region.id).with_for_update())
        done = undo.undo_latest(uow.session, region, actor=actor, note=text)
        uow.commit()
    return UndoResult(
        region.name,
        region.code,
        done.entry_id,
        done.reverted_by,
        done.kind,
        done.event,
        done.occurred_on,
        done.state_from,
        done.state_to,
        done.reminders_undone,
        done.reminders_pending_again,
        done.blockers_reopened,
    )


def amend_entry(uow: UnitOfWork, entry_id: int, *, actor: str, note: str | None) -> AmendResult:
    """Replace the note of a history entry, keeping the old text: `aksansi amend ENTRY`."""
    text = (note or "").strip()
    if not text:
        raise InvalidInput(_("the new note is empty; give the corrected text with --note."))
    with uow:
        entry, row, old = amending.amend(uow.session, entry_id, actor=actor, note=text)
        region = None if entry.region_id is None else uow.session.get(Region, entry.region_id)
        uow.commit()
    return AmendResult(
        entry.id, row.id, entry.kind, None if region is None else region.name, old, text
    )
