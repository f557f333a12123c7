"""Issuing one due reminder inside the sweep's transaction (no commit).

`due_query` claims the head of a ladder with `SELECT … FOR UPDATE SKIP LOCKED`
(PostgreSQL; on SQLite every write transaction is `BEGIN IMMEDIATE`, so sweeps take
turns); `issue_next` issues it, renders its letter, opens its automatic blocker and skips
the earlier due steps of its ladder, all with its audit row. The loop that commits one
reminder at a time is `jobs/sweep.py`'s `run_sweep`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from states import reminders as policy
from workflow.domain import audit
from workflow.domain.reminders.effects import Effects, SweepReads, produce_effects
from workflow.domain.reminders.scheduling import close
from workflow.i18n import _
from workflow.infrastructure.models import Region, Reminder


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
    higher, or, at the same step, its row is newer. Either side may be the mapped class (or
    an alias of it) or a loaded row, whose values become parameters."""
    return or_(first.step > second.step, and_(first.step == second.step, first.id > second.id))


def due_query(today: date) -> Select[Reminder, Region]:
    """The claim: the first due pending reminder that no more advanced due step overtakes.

    Within a ladder the higher step (then the newer row) overtakes: only the head of
    each region's ladder can be claimed, so two sweeps never issue two steps of it.
    """
    later = aliased(Reminder)
    overtaken = (
        select(later.id)
        .where(
            later.region_id == Reminder.region_id,
            later.ladder == Reminder.ladder,
            later.status == policy.PENDING,
            later.due_on <= today,
            overtakes(later, Reminder),
        )
        .exists()
    )
    return (
        select(Reminder, Region)
        .join(Region, Region.id == Reminder.region_id)
        .where(Reminder.status == policy.PENDING, Reminder.due_on <= today, ~overtaken)
        .order_by(Reminder.due_on, Reminder.id)
        .limit(1)
        .with_for_update(skip_locked=True, of=Reminder)
        .execution_options(populate_existing=True)
    )


def issue_next(
    session: Session,
    claim: Select[Reminder, Region],
    today: date,
    actor: str,
    formats: tuple[str, ...],
    reads: SweepReads,
) -> IssuedReminder | None:
    claimed = session.execute(claim).first()
    if claimed is None:
        return None
    reminder, region = claimed
    earlier = _skip_earlier_steps(session, reminder, today)
    skipped = [row.id for row in earlier]
    entry = audit.record(  # first, so history shows it before its letter and blocker
        session,
        region=region,
        kind="reminder_issued",
        actor=actor,
        occurred_on=today,
        note=reminder.text,
        reminder_id=reminder.id,
        rule=reminder.rule_id,
        due_on=reminder.due_on.isoformat(),
    )
    effects = produce_effects(
        session, region, reminder, today=today, actor=actor, formats=formats, reads=reads
    )
    entry.details = {**entry.details, **_outcome(reminder, effects, skipped)}
    close(reminder, policy.ISSUED, on=today, reason=_reason(effects, skipped), entry_id=None)
    reminder.closed_by_entry = entry
    reminder.issued_on = today  # it stays on the worklist until it is done
    reminder.letter_number = effects.letter_number
    reminder.letter_error = effects.letter_error
    reminder.letter_fix = effects.letter_fix
    for row in earlier:
        row.closed_by_entry = entry
    return _line(reminder, region, effects, skipped)


def _outcome(reminder: Reminder, effects: Effects, skipped: list[int]) -> dict[str, object]:
    """What issuing produced, for the audit row (only what is there)."""
    outcome = {
        "letter": reminder.letter_kind,
        "letter_number": effects.letter_number,
        "letter_error": effects.letter_error,
        "blocker": effects.blocker,
        "blocker_error": effects.blocker_error,
        "skipped": skipped,
    }
    return {key: value for key, value in outcome.items() if value}


def _skip_earlier_steps(session: Session, reminder: Reminder, today: date) -> list[Reminder]:
    """Earlier due steps of the same ladder are skipped: one letter per office per day."""
    if reminder.ladder is None:
        return []
    earlier = session.scalars(
        select(Reminder)
        .where(
            Reminder.region_id == reminder.region_id,
            Reminder.ladder == reminder.ladder,
            Reminder.status == policy.PENDING,
            Reminder.due_on <= today,
            overtakes(reminder, Reminder),
        )
        .order_by(Reminder.step)
        .with_for_update(of=Reminder)
        .execution_options(populate_existing=True)
    ).all()
    for row in earlier:
        close(
            row,
            policy.SKIPPED,
            on=today,
            entry_id=None,
            reason=_(
                "step {step} of the same follow-up fell due too (reminder #{id}) and "
                "was issued instead"
            ).format(step=reminder.step, id=reminder.id),
        )
    return list(earlier)


def _reason(effects: Effects, skipped: list[int]) -> str:
    parts = ["due"]
    if skipped:
        parts.append(_("skipped earlier steps ") + ", ".join(f"#{i}" for i in skipped))
    if effects.letter_error:
        parts.append(_("letter not produced"))
    return "; ".join(parts)


def _line(
    reminder: Reminder, region: Region, effects: Effects, skipped: list[int]
) -> IssuedReminder:
    return IssuedReminder(
        id=reminder.id,
        region=region.code,
        region_name=region.name,
        due_on=reminder.due_on,
        text=reminder.text,
        letter=reminder.letter_kind,
        letter_number=effects.letter_number,
        letter_file=effects.letter_file,
        letter_error=effects.letter_error,
        blocker=effects.blocker,
        blocker_error=effects.blocker_error,
        skipped=skipped,
        letter_fix=effects.letter_fix,
    )
