"""What a region view shows beside its own row: open blockers and the next reminder.

Batched per list of regions (one query each, whatever the number of regions), so
`board` and `region list` stay fast over all 514 regions. Each dict is the JSON
contract of design.md §4.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from states import reminders as policy
from workflow.domain.blockers.view import blocker_json
from workflow.i18n import _


def open_blockers_for(session: Session, region_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """region id → open blockers (`id`, `region`, `type`, `note`, `opened_on`, `resolved_on`)."""
    return open_blockers_and_firsts(session, region_ids)[0]


def open_blockers_and_firsts(
    session: Session, region_ids: list[int]
) -> tuple[dict[int, list[dict[str, Any]]], dict[int, list[Any]]]:
    """`open_blockers_for`, and each region's first open blocker as the next action
    reads it (`BlockerFacts`), from the same rows (one query)."""
    from workflow.infrastructure.models import Blocker, Region

    found: dict[int, list[dict[str, Any]]] = {}
    firsts: dict[int, list[Any]] = {}
    if not region_ids:
        return found, firsts
    rows = session.connection().execute(
        select(*_json_columns(Blocker), Region.code)
        .join(Region, Region.id == Blocker.region_id)
        .where(Blocker.is_open, Blocker.region_id.in_(region_ids))
        .order_by(Blocker.opened_on, Blocker.id)
    )
    for row in rows:  # plain columns: no ORM object per blocker
        found.setdefault(row.region_id, []).append(blocker_json(row, row.code))
        _keep_first(firsts, row)
    return found, firsts


def _json_columns(model: Any) -> list[Any]:
    """The columns of a blocker's JSON object, and its region."""
    names = ("id", "region_id", "type", "note", "opened_on", "resolved_on", "voided_on")
    return [getattr(model, name) for name in names]


def open_blockers_on(
    session: Session, region_ids: list[int], day: date
) -> dict[int, list[dict[str, Any]]]:
    """region id → the blockers open at the end of `day` (for `board --as-of`), batched.

    A blocker resolved after `day` was open then, so its `resolved_on` shows as null.
    """
    return open_blockers_on_and_firsts(session, region_ids, day)[0]


def open_blockers_on_and_firsts(
    session: Session, region_ids: list[int], day: date
) -> tuple[dict[int, list[dict[str, Any]]], dict[int, list[Any]]]:
    """`open_blockers_on`, and each region's first blocker open then as the next action
    reads it (`BlockerFacts`), from the same rows (one query)."""
    from workflow.infrastructure.models import Blocker, Region

    found: dict[int, list[dict[str, Any]]] = {}
    firsts: dict[int, list[Any]] = {}
    if not region_ids:
        return found, firsts
    rows = session.connection().execute(
        select(*_json_columns(Blocker), Region.code)
        .join(Region, Region.id == Blocker.region_id)
        .where(
            Blocker.region_id.in_(region_ids),
            Blocker.voided_on.is_(None),  # opened by mistake: it never stood in the way
            Blocker.opened_on <= day,
            or_(Blocker.resolved_on.is_(None), Blocker.resolved_on > day),
        )
        .order_by(Blocker.opened_on, Blocker.id)
    )
    for row in rows:  # plain columns: no ORM object per blocker
        found.setdefault(row.region_id, []).append(
            {**blocker_json(row, row.code), "resolved_on": None}
        )
        _keep_first(firsts, row)
    return found, firsts


def _keep_first(firsts: dict[int, list[Any]], row: Any) -> None:
    """The region's first row (they come by opening day) as a `BlockerFacts`."""
    from workflow.domain.next_action import BlockerFacts

    if row.region_id not in firsts:
        firsts[row.region_id] = [BlockerFacts(row.id, row.region_id, row.type, row.opened_on)]


def next_reminders_for(session: Session, region_ids: list[int]) -> dict[int, dict[str, Any]]:
    """region id → its next pending reminder: `id`, `region`, `due_on`, `text`, `status`,
    `letter` (one query for all regions).

    A seek per region on (region, status, due day) finds its first, so a region with
    thousands of pending reminders costs the board one row, not thousands. (The board
    and `region list` take it from the next action's reads: `next_action.first_pending`.)
    """
    from workflow.domain.next_action import first_of_status
    from workflow.infrastructure.models import Region, Reminder

    if not region_ids:
        return {}
    rows = session.connection().execute(
        select(
            Reminder.id,
            Reminder.region_id,
            Reminder.due_on,
            Reminder.text,
            Reminder.status,
            Reminder.letter_kind,
            Region.code,
        )
        .select_from(Region)
        .join(Reminder, Reminder.id == first_of_status(Region.id, policy.PENDING))
        .where(Region.id.in_(region_ids))
    )
    return {row.region_id: reminder_json(row, row.code) for row in rows}


def next_reminder_json(reminder: Any, code: str) -> dict[str, Any] | None:
    """A region view's `next_reminder` (None when nothing is pending)."""
    return None if reminder is None else reminder_json(reminder, code)


def reminder_json(reminder: Any, code: str) -> dict[str, Any]:
    return {
        "id": reminder.id,
        "region": code,
        "due_on": reminder.due_on.isoformat(),
        "text": reminder.text,
        "status": reminder.status,
        "letter": reminder.letter_kind,
    }


def sections_for(session: Session, region: Any) -> dict[str, Any]:
    """Further sections of `region show` (officials, documents, KSM coverage), by name."""
    sections: dict[str, Any] = {}
    sections.update(_officials_section(session, region))
    sections.update(_documents_section(session, region))
    sections.update(_ksm_section(session, region))
    return sections


def _documents_section(session: Session, region: Any) -> dict[str, list[str]]:
    """The region's outgoing letters and agreement drafts, newest first (10 of each)."""
    from workflow.infrastructure.models import AgreementDraft, Letter

    letters = session.scalars(
        select(Letter)
        .where(Letter.region_id == region.id)
        .order_by(Letter.issued_on.desc(), Letter.id.desc())
        .limit(10)
    )
    drafts = session.scalars(
        select(AgreementDraft)
        .where(AgreementDraft.region_id == region.id)
        .order_by(AgreementDraft.id.desc())
        .limit(10)
    )
    lines = [
        _("{issued_on} letter {number} {kind}: {subject}").format(
            issued_on=x.issued_on, number=x.number, kind=x.kind, subject=x.subject
        )
        + ("" if x.voided_on is None else " (DIBATALKAN)")
        for x in letters
    ]
    lines += [
        _("{drafted_on} {upper} draft v{version}: {subject}").format(
            drafted_on=d.drafted_on, upper=d.agreement.upper(), version=d.version, subject=d.subject
        )
        for d in drafts
    ]
    return {"documents": lines}


def _officials_section(session: Session, region: Any) -> dict[str, list[str]]:
    from workflow.domain.officials.tenures import current_officials

    lines = [
        _("{position}: {name} (since {since})").format(
            position=o.position, name=o.name, since=o.since.isoformat()
        )
        for o in current_officials(session, region)
    ]
    return {"officials": lines}


def _ksm_section(session: Session, region: Any) -> dict[str, list[str]]:
    from workflow.domain.ksm.registry import coverage_section

    return coverage_section(session, region)
