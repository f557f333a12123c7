"""A blocker logged by mistake, or with a wrong note (no commit).

`void` keeps the blocker in the log, marked void (`voided_on`), and leaves it out of
everything that counts: the board, the guards, the next action, `blocker stats`. The
follow-ups it scheduled that still wait are cancelled. A resolved blocker is not voided:
it happened and was dealt with (resolve is not void). `edit_note` replaces its note;
the `blocker_edited` row keeps the old text.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workflow.domain import audit, clock
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Blocker, Region


def check_not_void(blocker: Blocker) -> None:
    if blocker.voided_on is not None:
        raise InvalidInput(
            _("blocker #{id} is void since {day} ({note}); nothing to do.").format(
                id=blocker.id, day=blocker.voided_on.isoformat(), note=blocker.void_note
            )
        )


def void(session: Session, blocker: Blocker, *, note: str, actor: str) -> list[int]:
    """Void the blocker; the ids of the follow-ups it had scheduled, now cancelled."""
    check_not_void(blocker)
    if blocker.resolved_on is not None:
        raise InvalidInput(
            _(
                "blocker #{id} was resolved on {day}; resolve is not void: a resolved blocker "
                "happened and stays in the statistics (amend its note with 'aksansi blocker "
                "edit {id} --note …' if it is wrong)."
            ).format(id=blocker.id, day=blocker.resolved_on.isoformat())
        )
    today = clock.today()
    blocker.voided_on, blocker.voided_by, blocker.void_note = today, actor, note
    region = session.get_one(Region, blocker.region_id)
    entry = audit.record(
        session,
        region=region,
        kind="blocker_voided",
        actor=actor,
        occurred_on=today,
        note=note,
        blocker_id=blocker.id,
        type=blocker.type,
        opened_on=blocker.opened_on.isoformat(),
    )
    # Imported here: the reminders' modules (and their models) are no cost of `blocker list`.
    from workflow.domain.reminders.scheduling import cancel_pending

    return cancel_pending(
        session,
        region.id,
        audit.written(session, entry),
        trigger="blocker",
        trigger_key=str(blocker.id),
        reason=f"blocker #{blocker.id} ({blocker.type}) was voided on {today.isoformat()}",
    )


def edit_note(session: Session, blocker: Blocker, *, note: str, actor: str) -> str | None:
    """Replace the blocker's note; the old one (returned) stays in the audit."""
    old = blocker.note
    if old == note:
        raise InvalidInput(
            _("blocker #{id} already reads so; nothing to amend.").format(id=blocker.id)
        )
    blocker.note = note
    audit.record(
        session,
        region=session.get_one(Region, blocker.region_id),
        kind="blocker_edited",
        actor=actor,
        note=note,
        blocker_id=blocker.id,
        type=blocker.type,
        old_note=old,
    )
    return old
