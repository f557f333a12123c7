"""Issuing one due reminder inside the sweep's transaction (no commit).

`due_query` claims the head of a ladder with `SELECT … FOR UPDATE SKIP LOCKED`
(PostgreSQL; on SQLite every write transaction is `BEGIN IMMEDIATE`, so sweeps take
turns); `issue_next` issues it, renders its letter, opens its automatic blocker and skips
the earlier due steps of its ladder, all with its audit row. Both are Core statements
built once (issue 17): the sweep makes no ORM object but the region a letter reads.
The loop that commits one reminder at a time is `jobs/sweep.py`'s `run_sweep`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    RowMapping,
    Select,
    and_,
    bindparam,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from states import reminders as policy
from workflow.domain import audit
from workflow.domain.reminders.effects import Effects, SweepReads, produce_effects
from workflow.domain.reminders.scheduling import close_rows
from workflow.i18n import _
from workflow.infrastructure.models import Region
from workflow.infrastructure.prepared import Prepared
from workflow.infrastructure.tables import REGION, REMINDER


@dataclass(frozen=True)
class IssuedReminder:
    """One line of the digest."""

    id: int
    region: str
    region_name: str
    due_on: date
    text: str
    letter: str | None
    letter_number: str | None
    letter_file: str | None
    letter_error: str | None
    blocker: str | None
    blocker_error: str | None
    skipped: list[int]
    letter_fix: str | None = None


def overtakes(first: Any, second: Any) -> ColumnElement[bool]:
    """The ladder order: `first` overtakes `second` (same region and ladder) when its step is
    higher, or, at the same step, its row is newer. Either side may be the reminder table
    (or an alias of it) or a claimed row, whose values become parameters."""
    return or_(first.step > second.step, and_(first.step == second.step, first.id > second.id))


_REMINDER_FIELDS = (
    "id",
    "region_id",
    "rule_id",
    "ladder",
    "step",
    "text",
    "letter_kind",
    "letter_extra",
    "opens_blocker",
    "due_on",
)
_REGION_PREFIX = "region__"
_CLAIMED_COLUMNS = (
    *(REMINDER.c[name] for name in _REMINDER_FIELDS),
    *(column.label(_REGION_PREFIX + column.name) for column in REGION.c),
)


@dataclass(frozen=True, slots=True)
class Claimed:
    """The due reminder a sweep holds, with its region's row: one Core row."""

    id: int
    region_id: int
    rule_id: str | None
    ladder: str | None
    step: int
    text: str
    letter_kind: str | None
    letter_extra: dict[str, Any]
    opens_blocker: str | None
    due_on: date
    region_row: dict[str, Any]

    @classmethod
    def of(cls, row: RowMapping) -> Claimed:
        cut = len(_REGION_PREFIX)
        region = {key[cut:]: value for key, value in row.items() if key.startswith(_REGION_PREFIX)}
        return cls(
            id=row["id"],
            region_id=row["region_id"],
            rule_id=row["rule_id"],
            ladder=row["ladder"],
            step=row["step"],
            text=row["text"],
            letter_kind=row["letter_kind"],
            letter_extra=row["letter_extra"],
            opens_blocker=row["opens_blocker"],
            due_on=row["due_on"],
            region_row=region,
        )

    def region(self) -> Region:
        """The region as the letter and blocker code reads it: a plain `Region` built from
        the claimed row, which the session never tracks (no second query, no identity map)."""
        return Region(**self.region_row)


def due_query(today: date) -> Select[Any]:
    """The claim: the first due pending reminder that no more advanced due step overtakes.

    Within a ladder the higher step (then the newer row) overtakes: only the head of
    each region's ladder can be claimed, so two sweeps never issue two steps of it.
    """
    later = REMINDER.alias("later")
    overtaken = (
        select(later.c.id)
        .where(
            later.c.region_id == REMINDER.c.region_id,
            later.c.ladder == REMINDER.c.ladder,
            later.c.status == policy.PENDING,
            later.c.due_on <= today,
            overtakes(later.c, REMINDER.c),
        )
        .exists()
    )
    return (
        select(*_CLAIMED_COLUMNS)
        .join(REGION, REGION.c.id == REMINDER.c.region_id)
        .where(REMINDER.c.status == policy.PENDING, REMINDER.c.due_on <= today, ~overtaken)
        .order_by(REMINDER.c.due_on, REMINDER.c.id)
        .limit(1)
        .with_for_update(skip_locked=True, of=REMINDER)
    )


_EARLIER_STEPS = (  # built once: every claimed step of a ladder runs it
    select(REMINDER.c.id)
    .where(
        REMINDER.c.region_id == bindparam("region_id"),
        REMINDER.c.ladder == bindparam("ladder"),
        REMINDER.c.status == policy.PENDING,
        REMINDER.c.due_on <= bindparam("today"),
        or_(
            REMINDER.c.step < bindparam("step"),
            and_(REMINDER.c.step == bindparam("step"), REMINDER.c.id < bindparam("reminder_id")),
        ),
    )
    .order_by(REMINDER.c.step)
    .with_for_update()
)
_ISSUE = Prepared(
    update(REMINDER)
    .where(REMINDER.c.id == bindparam("reminder_id"))
    .values(
        status=policy.ISSUED,
        closed_on=bindparam("issued_day"),
        closed_reason=bindparam("reason"),
        closed_by_entry_id=bindparam("entry_id"),
        issued_on=bindparam("issued_day"),  # it stays on the worklist until it is done
        letter_number=bindparam("number"),
        letter_error=bindparam("error"),
        letter_fix=bindparam("fix"),
    )
)


def issue_next(
    session: Session,
    claim: Select[Any],
    today: date,
    actor: str,
    formats: tuple[str, ...],
    reads: SweepReads,
) -> IssuedReminder | None:
    """Claim the next due reminder and issue it, on Core statements (no ORM object but the
    region a letter or a blocker needs); None when nothing is due."""
    conn = session.connection()
    row = conn.execute(claim).mappings().first()
    if row is None:
        return None
    claimed = Claimed.of(row)
    skipped = _earlier_steps(conn, claimed, today)
    noted = {
        "reminder_id": claimed.id,
        "rule": claimed.rule_id,
        "due_on": claimed.due_on.isoformat(),
    }
    entry = audit.insert_row(  # first, so history shows it before its letter and blocker
        conn,
        region_id=claimed.region_id,
        kind="reminder_issued",
        actor=actor,
        occurred_on=today,
        note=claimed.text,
        details=noted,
    )
    if skipped:
        close_rows(
            session,
            skipped,
            policy.SKIPPED,
            on=today,
            entry_id=entry.id,
            reason=_(
                "step {step} of the same follow-up fell due too (reminder #{id}) and "
                "was issued instead"
            ).format(step=claimed.step, id=claimed.id),
        )
    effects = _effects(session, claimed, today, actor, formats, reads)
    outcome = _outcome(claimed, effects, skipped)
    if outcome:
        audit.set_details(conn, entry.id, {**noted, **outcome})
    _ISSUE.run(
        conn,
        {
            "reminder_id": claimed.id,
            "issued_day": today,
            "reason": _reason(effects, skipped),
            "entry_id": entry.id,
            "number": effects.letter_number,
            "error": effects.letter_error,
            "fix": effects.letter_fix,
        },
    )
    return _line(claimed, effects, skipped)


def _earlier_steps(conn: Connection, claimed: Claimed, today: date) -> list[int]:
    """Earlier due steps of the same ladder are skipped: one letter per office per day."""
    if claimed.ladder is None:
        return []
    return list(
        conn.scalars(
            _EARLIER_STEPS,
            {
                "region_id": claimed.region_id,
                "ladder": claimed.ladder,
                "today": today,
                "step": claimed.step,
                "reminder_id": claimed.id,
            },
        )
    )


def _effects(
    session: Session,
    claimed: Claimed,
    today: date,
    actor: str,
    formats: tuple[str, ...],
    reads: SweepReads,
) -> Effects:
    """The letter and the blocker, with the region as claimed (read with the claim)."""
    if not (claimed.letter_kind or claimed.opens_blocker):
        return Effects()
    return produce_effects(
        session, claimed.region(), claimed, today=today, actor=actor, formats=formats, reads=reads
    )


def _outcome(claimed: Claimed, effects: Effects, skipped: list[int]) -> dict[str, object]:
    """What issuing produced, for the audit row (only what is there)."""
    outcome = {
        "letter": claimed.letter_kind,
        "letter_number": effects.letter_number,
        "letter_error": effects.letter_error,
        "blocker": effects.blocker,
        "blocker_error": effects.blocker_error,
        "skipped": skipped,
    }
    return {key: value for key, value in outcome.items() if value}


def _reason(effects: Effects, skipped: list[int]) -> str:
    parts = ["due"]
    if skipped:
        parts.append(_("skipped earlier steps ") + ", ".join(f"#{i}" for i in skipped))
    if effects.letter_error:
        parts.append(_("letter not produced"))
    return "; ".join(parts)


def _line(claimed: Claimed, effects: Effects, skipped: list[int]) -> IssuedReminder:
    return IssuedReminder(
        id=claimed.id,
        region=claimed.region_row["code"],
        region_name=claimed.region_row["name"],
        due_on=claimed.due_on,
        text=claimed.text,
        letter=claimed.letter_kind,
        letter_number=effects.letter_number,
        letter_file=effects.letter_file,
        letter_error=effects.letter_error,
        blocker=effects.blocker,
        blocker_error=effects.blocker_error,
        skipped=skipped,
        letter_fix=effects.letter_fix,
    )
