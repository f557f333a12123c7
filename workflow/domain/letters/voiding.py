"""A letter rendered by mistake (twice, to the wrong region): void it (no commit).

The number stays in the register, marked void (*dibatalkan*), and is never given again
(the counter does not go back, and the row keeps its year and sequence). A void letter
is never cited by a later one (`context.latest_letter` skips it), does not count as sent
(`letter sent` refuses it, `blocker show` does not list it among the playbook's letters
sent), and no longer stands in the way of an `undo`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit, clock
from workflow.errors import InvalidInput, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import Letter, Region

VOID_MARK_ID = "DIBATALKAN"  # how the register marks a void letter, in Indonesian


def get_letter(session: Session, number: str, *, for_update: bool = False) -> Letter:
    query = select(Letter).where(Letter.number == (number or "").strip())
    if for_update:
        query = query.with_for_update()
    letter = session.scalars(query).first()
    if letter is None:
        raise NotFound(
            _("no letter numbered {number} in the register; see 'aksansi letter list'.").format(
                number=number
            )
        )
    return letter


def check_not_void(letter: Letter) -> None:
    if letter.voided_on is not None:
        raise InvalidInput(
            _("letter {number} is already void (dibatalkan) since {day}: {note}").format(
                number=letter.number, day=letter.voided_on.isoformat(), note=letter.void_note
            )
        )


def void(session: Session, letter: Letter, *, note: str, actor: str) -> Region:
    """Mark the letter void, with its `letter_voided` audit row; its region."""
    check_not_void(letter)
    today = clock.today()
    letter.voided_on, letter.voided_by, letter.void_note = today, actor, note
    region = session.get_one(Region, letter.region_id)
    audit.record(
        session,
        region=region,
        kind="letter_voided",
        actor=actor,
        occurred_on=today,
        note=note,
        number=letter.number,
        letter_kind=letter.kind,
        letter_id=letter.id,
        issued_on=letter.issued_on.isoformat(),
    )
    return region


def void_numbers(session: Session, region_id: int) -> set[str]:
    """The region's void letter numbers (to leave them out of what was sent)."""
    rows = session.scalars(
        select(Letter.number).where(Letter.region_id == region_id, Letter.voided_on.is_not(None))
    )
    return set(rows)
