"""What the rest of the engine does when something happens to a region.

The services that change a region call these inside their own transaction, so a
reaction (scheduling or cancelling reminders, say) commits or rolls back with the
change that caused it. Each area adds its reaction here explicitly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workflow.models import AuditEntry, Region


def after_transition(session: Session, region: Region, entry: AuditEntry) -> None:
    """A lifecycle event was fired (entry.kind is 'transition' or 'milestone')."""


def after_blocker_opened(session: Session, region: Region, blocker: Any, entry: AuditEntry) -> None:
    """A blocker was opened (by a coordinator, a rotation or the sweep)."""


def after_blocker_resolved(
    session: Session, region: Region, blocker: Any, entry: AuditEntry
) -> None:
    """A blocker was resolved."""
