"""What issuing a reminder does besides changing its status: the letter and the blocker.

An effect that cannot be produced (a missing field, say) is reported in the digest
with the reason and how to fix it, while the reminder is still issued — the
coordinator is told to act either way — and leaves nothing half-written: the blocker
runs in a savepoint; the letter needs none, because `issue_letter` writes nothing to
the database before it has rendered and written the letter (saving a SAVEPOINT, its
RELEASE and a flush per letter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sqlalchemy.orm import Session

from workflow.errors import DomainError
from workflow.i18n import _
from workflow.infrastructure.models import Letter, Region


@dataclass(frozen=True)
class Effects:
    letter_number: str | None = None
    letter_file: str | None = None
    letter_error: str | None = None
    blocker: str | None = None
    blocker_error: str | None = None
    letter_fix: str | None = None  # the command that fixes `letter_error`


class DueReminder(Protocol):
    """What the effects read of the reminder being issued (the sweep's claimed row)."""

    @property
    def id(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def letter_kind(self) -> str | None: ...
    @property
    def letter_extra(self) -> dict[str, Any]: ...
    @property
    def opens_blocker(self) -> str | None: ...


@dataclass
class SweepReads:
    """What one sweep reads once for all its letters instead of once per letter: the
    Secretariat's profile (letterhead, signatory, number format). Made per `run_sweep`
    call, so a `config set` between two sweeps is always seen by the next one."""

    _settings: dict[str, str | None] | None = field(default=None, repr=False)

    def settings(self, session: Session) -> dict[str, str | None]:
        if self._settings is None:
            from workflow.domain.settings import load_settings

            self._settings = load_settings(session)
        return self._settings


def produce_effects(
    session: Session,
    region: Region,
    reminder: DueReminder,
    *,
    today: date,
    actor: str,
    formats: tuple[str, ...],
    reads: SweepReads | None = None,
) -> Effects:
    number = file = letter_error = blocker = blocker_error = fix = None
    if reminder.opens_blocker:
        blocker, blocker_error = _open_blocker(
            session, region, reminder, reminder.opens_blocker, today, actor
        )
    if reminder.letter_kind:
        number, file, letter_error, fix = _issue_letter(
            session, region, reminder, reminder.letter_kind, today, actor, formats, reads
        )
    return Effects(number, file, letter_error, blocker, blocker_error, fix)


def _issue_letter(
    session: Session,
    region: Region,
    reminder: DueReminder,
    kind: str,
    today: date,
    actor: str,
    formats: tuple[str, ...],
    reads: SweepReads | None,
) -> tuple[str | None, str | None, str | None, str | None]:
    from workflow.domain.letters.issuing import issue_letter

    try:
        letter = issue_letter(
            session,
            region,
            kind,
            on=today,
            actor=actor,
            extra=dict(reminder.letter_extra or {}),
            formats=formats,
            settings=(reads or SweepReads()).settings(session),
        )
    except DomainError as exc:  # raised before issue_letter wrote anything
        return None, None, exc.message, getattr(exc, "fix", None)
    return letter.number, _letter_file(letter), None, None


def _letter_file(letter: Letter) -> str | None:
    """The first file written for the letter (the Markdown one by default)."""
    return next(iter((letter.files or {}).values()), None)


def _open_blocker(
    session: Session, region: Region, reminder: DueReminder, type_id: str, today: date, actor: str
) -> tuple[str | None, str | None]:
    from workflow.domain.blockers.log import open_blocker, open_blocker_of_type

    already = open_blocker_of_type(session, region, type_id)
    if already is not None:
        return None, _("{type_id} is already open (blocker #{already})").format(
            type_id=type_id, already=already.id
        )
    savepoint = session.begin_nested()
    try:
        open_blocker(
            session,
            region,
            type_id,
            on=today,
            actor=actor,
            automatic=True,
            reminder_id=reminder.id,
            note=_("opened by the sweep: {text}").format(text=reminder.text),
        )
    except DomainError as exc:
        savepoint.rollback()
        return None, exc.message
    savepoint.commit()
    return type_id, None
