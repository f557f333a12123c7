"""What a region view shows beside its own row: open blockers and the next reminder.

Batched per list of regions (one query each, whatever the number of regions), so
`board` and `region list` stay fast over all 514 regions. Each dict is the JSON
contract of design.md §4.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def open_blockers_for(session: Session, region_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """region id → open blockers (`id`, `region`, `type`, `note`, `opened_on`, `resolved_on`)."""
    return {}


def next_reminders_for(session: Session, region_ids: list[int]) -> dict[int, dict[str, Any]]:
    """region id → its next pending reminder: `id`, `region`, `due_on`, `text`, `status`,
    `letter`."""
    from workflow.services.reminders import next_pending

    return next_pending(session, region_ids)


def sections_for(session: Session, region: Any) -> dict[str, Any]:
    """Further sections of `region show` (officials, documents, KSM coverage), by name."""
    return {}
