"""Amend the note of an audit row inside the caller's transaction (no commit).

The amended row keeps its own note; an `amended` row carries the new text (`note`) and
the text it replaces (`old_note`), and the amended row points at its latest amendment
(`amended_by_id`). `history` shows the latest text with a mark; the audit keeps all.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit
from workflow.errors import InvalidInput, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Region


def current_note(session: Session, entry: AuditEntry) -> str | None:
    """The note as it reads now: the latest amendment's, else the row's own."""
    if entry.amended_by_id is None:
        return entry.note
    amendment = session.get(AuditEntry, entry.amended_by_id)
    return entry.note if amendment is None else amendment.note


def amend(
    session: Session, entry_id: int, *, actor: str, note: str
) -> tuple[AuditEntry, AuditEntry, str | None]:
    """(the amended row, its `amended` row, the text replaced)."""
    entry = session.get(AuditEntry, entry_id, with_for_update=True)
    if entry is None:
        raise NotFound(
            _("there is no history entry #{id}; 'aksansi history REGION' shows the ids.").format(
                id=entry_id
            )
        )
    if entry.kind == "amended":
        target = (entry.details or {}).get("entry_id")
        raise InvalidInput(
            _("#{id} is itself an amendment; amend the entry it corrects (#{target}).").format(
                id=entry.id, target=target
            )
        )
    old = current_note(session, entry)
    if old == note:
        raise InvalidInput(_("#{id} already reads so; nothing to amend.").format(id=entry.id))
    region = None if entry.region_id is None else session.get(Region, entry.region_id)
    row = audit.record(
        session,
        region=region,
        kind="amended",
        actor=actor,
        note=note,
        entry_id=entry.id,
        amended_kind=entry.kind,
        old_note=old,
    )
    session.flush()
    entry.amended_by_id = row.id
    return entry, row, old


def amendments_for(session: Session, entries: list[AuditEntry]) -> dict[int, str | None]:
    """amended row id → its current note, for rows shown outside a full history."""
    ids = [e.amended_by_id for e in entries if e.amended_by_id is not None]
    if not ids:
        return {}
    rows = session.execute(select(AuditEntry.id, AuditEntry.note).where(AuditEntry.id.in_(ids)))
    return {row_id: note for row_id, note in rows}
