"""Putting an official's record right without pretending someone new came (no commit).

`correct` changes the current holder's record in place — a misspelt name, a wrong
e-mail, phone or start day — with an `official_corrected` audit row that keeps the old
values: no rotation, no blocker, no letter. `end` closes a tenure nobody succeeds yet
(`official_ended`). `refuse_same_person` is what `official set` says when the "new"
name is the holder's own, spelt otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit
from workflow.domain.inputs import check_not_future
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Official, Region

CORRECTABLE = ("name", "email", "phone", "since")
NONE_SHOWN = "(none)"  # an empty old value in the audit's summary


def refuse_same_person(region: Region, current: Official, name: str) -> InvalidInput:
    return InvalidInput(
        _(
            "{region}'s {position} is {holder}, and you gave {name}: that looks like the "
            "same person; use 'official correct' to fix the spelling, or pass --rotation if "
            "a different person took over."
        ).format(region=region.name, position=current.position, holder=current.name, name=name)
    )


def predecessor(session: Session, official: Official) -> Official | None:
    """The tenure this one followed (ended by a rotation to it), if any."""
    return session.scalar(select(Official).where(Official.successor_id == official.id))


def correct(
    session: Session, region: Region, current: Official, wanted: dict[str, Any], actor: str
) -> dict[str, tuple[Any, Any]]:
    """Apply the corrections that differ; field → (old, new). Refuses when none does."""
    changes = {
        field: (getattr(current, field), value)
        for field, value in wanted.items()
        if value is not None and value != getattr(current, field)
    }
    if not changes:
        raise InvalidInput(
            _("{name}'s record already reads so; nothing was corrected.").format(name=current.name)
        )
    if "since" in changes:
        _move_start(session, current, changes["since"][1])
    for field, (_old, new) in changes.items():
        setattr(current, field, new)
    audit.record(
        session,
        region=region,
        kind="official_corrected",
        actor=actor,
        official_id=current.id,
        position=current.position,
        name=current.name,
        **{f"{field}_was": _shown(old) for field, (old, _new) in changes.items()},
        **{f"{field}_now": _shown(new) for field, (_old, new) in changes.items()},
    )
    return changes


def _shown(value: Any) -> Any:
    if value is None:
        return NONE_SHOWN
    return value.isoformat() if isinstance(value, date) else value


def _move_start(session: Session, current: Official, since: date) -> None:
    """A corrected start day moves the end of the tenure before it (they meet)."""
    check_not_future(since, "the --since date")
    before = predecessor(session, current)
    if before is not None:
        if since < before.since:
            raise InvalidInput(
                _(
                    "{name} held {position} from {day}; the successor cannot start before "
                    "that (--since {since})."
                ).format(
                    name=before.name,
                    position=before.position,
                    day=before.since.isoformat(),
                    since=since.isoformat(),
                )
            )
        before.until = since
    if current.until is not None and since > current.until:
        raise InvalidInput(
            _("the tenure ended on {until}; it cannot start after that.").format(
                until=current.until.isoformat()
            )
        )


def end(
    session: Session, region: Region, current: Official, *, on: date, note: str, actor: str
) -> None:
    """Close the tenure on `on`, nobody succeeding yet."""
    check_not_future(on, "the --on date")
    if on < current.since:
        raise InvalidInput(
            _("{name} holds {position} since {since}; the tenure cannot end before that.").format(
                name=current.name, position=current.position, since=current.since.isoformat()
            )
        )
    current.until = on
    current.ended_by = actor
    audit.record(
        session,
        region=region,
        kind="official_ended",
        actor=actor,
        occurred_on=on,
        note=note,
        official_id=current.id,
        position=current.position,
        name=current.name,
        since=current.since.isoformat(),
    )
