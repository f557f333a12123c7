"""Automatic blockers close themselves when their cause ends (`states/blockers.py`,
`RESOLVED_BY`): the Pemda answered the draft, the new official was introduced.

Called inside the transaction of the event or of `letter sent`, so the resolution, its
audit row ("resolved by receive_response on 2026-12-01") and the follow-ups it cancels
commit with the change that ended the cause.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from workflow.domain.blockers.log import resolve_blocker_row
from workflow.infrastructure.models import Blocker, Region


def resolve_ended(
    session: Session,
    region: Region,
    types: list[str],
    *,
    day: date,
    actor: str,
    cause: str,
    cause_entry_id: int | None = None,
) -> tuple[list[dict[str, object]], list[int]]:
    """Resolve the region's open blockers of `types`; returns what was resolved
    (`id`, `type`, `label`) and the ids of the follow-ups that cancelled. `cause_entry_id`:
    the audit row of what ended the cause, so undoing it opens the blockers again."""
    if not types:
        return [], []
    blockers = session.scalars(
        select(Blocker)
        .where(
            Blocker.region_id == region.id,
            Blocker.type.in_(types),
            Blocker.resolved_on.is_(None),
        )
        .order_by(Blocker.id)
        .with_for_update()
    ).all()
    resolved, cancelled = [], []
    for blocker in blockers:
        on = max(day, blocker.opened_on)
        entry = resolve_blocker_row(
            session,
            blocker,
            note=f"resolved by {cause} on {on.isoformat()}",
            on=on,
            actor=actor,
            resolved_by=cause,
            **({"cause_entry_id": cause_entry_id} if cause_entry_id is not None else {}),
        )
        cancelled += list(entry.details.get("cancelled", []))
        label = taxonomy.blocker_type(blocker.type)["label_en"]
        resolved.append({"id": blocker.id, "type": blocker.type, "label": label})
    return resolved, cancelled
