"""After the sweep: a letter recorded sent (`letter sent`) and a letter made again once
its cause is fixed (`remind retry`). Each one transaction with its audit row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from states.dispatch import DEFAULT_VIA, VIA
from workflow.domain import audit, clock
from workflow.domain.reminders.scheduling import close
from workflow.errors import InvalidInput, NotFound, PolicyViolation
from workflow.i18n import _
from workflow.infrastructure.models import AuditEntry, Letter, Region, Reminder
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SentView:
    number: str
    region: str
    region_name: str
    kind: str
    sent_on: date
    via: str
    reminders_done: list[int] = field(default_factory=list)
    blockers_resolved: list[dict[str, object]] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class RetryView:
    reminder_id: int
    region: str
    region_name: str
    letter: str
    letter_number: str
    files: dict[str, str]


def check_via(via: str | None) -> str:
    chosen = (via or DEFAULT_VIA).strip().lower()
    if chosen not in VIA:
        raise InvalidInput(
            _("--via {via!r} is not a way of sending; use one of: {ways}.").format(
                via=via, ways=", ".join(VIA)
            )
        )
    return chosen


def letter_sent(
    uow: UnitOfWork, number: str, *, actor: str, on: date | None = None, via: str | None = None
) -> SentView:
    """Record that letter NUMBER went out (the register's tanggal kirim); the reminder that
    produced it is done, and a blocker its sending ends (the new official introduced) is
    resolved."""
    via = check_via(via)
    today = clock.today()
    day = on or today
    with uow:
        session = uow.session
        letter = _letter(session, number)
        region = session.get_one(Region, letter.region_id)
        uow.subject = region.name
        _check_sendable(letter, day, today)
        letter.sent_on, letter.sent_via, letter.sent_by = day, via, actor
        entry = audit.record(
            session,
            region=region,
            kind="letter_sent",
            actor=actor,
            occurred_on=day,
            note=f"{letter.subject} ({letter.number})",
            number=letter.number,
            letter_kind=letter.kind,
            via=via,
        )
        session.flush()
        done = _reminders_done(session, letter, day, entry.id, via)
        resolved, cancelled = _resolve_ended_blockers(session, region, letter, day, actor, entry)
        entry.details = {
            **entry.details,
            **({"reminders_done": done} if done else {}),
            **({"resolved_blockers": [b["id"] for b in resolved]} if resolved else {}),
        }
        view = SentView(
            letter.number,
            region.code,
            region.name,
            letter.kind,
            day,
            via,
            done,
            resolved,
            cancelled,
        )
        uow.commit()
    return view


def _letter(session: Session, number: str) -> Letter:
    letter = session.scalar(select(Letter).where(Letter.number == number.strip()).with_for_update())
    if letter is None:
        raise NotFound(
            _("no letter numbered {number} in the register; see 'aksansi letter list'.").format(
                number=number
            )
        )
    return letter


def _check_sendable(letter: Letter, day: date, today: date) -> None:
    if letter.sent_on is not None:
        raise PolicyViolation(
            _("letter {number} was already recorded sent on {day} ({via}); nothing to do.").format(
                number=letter.number, day=letter.sent_on.isoformat(), via=letter.sent_via
            )
        )
    if day > today:
        raise InvalidInput(
            _(
                "{day} is in the future; record a letter sent on or after the day it went out."
            ).format(day=day.isoformat())
        )
    if day < letter.issued_on:
        raise InvalidInput(
            _(
                "letter {number} is dated {dated}; it cannot have been sent before that ({day})."
            ).format(number=letter.number, dated=letter.issued_on.isoformat(), day=day.isoformat())
        )


def _reminders_done(
    session: Session, letter: Letter, day: date, entry_id: int, via: str
) -> list[int]:
    rows = session.scalars(
        select(Reminder)
        .where(Reminder.letter_number == letter.number, Reminder.status == "issued")
        .order_by(Reminder.id)
        .with_for_update()
    ).all()
    for reminder in rows:
        close(
            reminder,
            "done",
            on=day,
            reason=f"letter {letter.number} sent on {day.isoformat()} ({via})",
            entry_id=entry_id,
        )
    return [reminder.id for reminder in rows]


def _resolve_ended_blockers(
    session: Session, region: Region, letter: Letter, day: date, actor: str, entry: AuditEntry
) -> tuple[list[dict[str, object]], list[int]]:
    """Open blockers of the types whose cause this letter's sending ends."""
    from workflow.domain.blocker_resolution import resolve_ended

    types = taxonomy.types_resolved_by_letter(letter.kind)
    return resolve_ended(
        session,
        region,
        types,
        day=day,
        actor=actor,
        cause=f"letter_sent {letter.number}",
        cause_entry_id=entry.id,
    )


def retry_letter(
    uow: UnitOfWork, reminder_id: int, *, actor: str, formats: tuple[str, ...] | None = None
) -> RetryView:
    """Make the letter an issued reminder could not make, now that its cause is fixed:
    dated today, with the next number of the register (in `formats`, default the
    formats of `letter.formats`, as the sweep writes them)."""
    from workflow.domain.letters.issuing import configured_formats, issue_letter
    from workflow.domain.settings import load_settings
    from workflow.errors import DomainError

    today = clock.today()
    with uow:
        session = uow.session
        reminder = session.get(Reminder, reminder_id, with_for_update=True, populate_existing=True)
        if reminder is None:
            raise NotFound(
                _("there is no reminder #{id}; see 'aksansi remind list'.").format(id=reminder_id)
            )
        _check_retryable(reminder)
        region = session.get_one(Region, reminder.region_id)
        uow.subject = region.name
        settings = load_settings(session)
        try:
            letter = issue_letter(
                session,
                region,
                reminder.letter_kind or "",
                on=today,
                actor=actor,
                extra=dict(reminder.letter_extra or {}),
                formats=formats or configured_formats(settings),
                settings=settings,
            )
        except DomainError as exc:
            raise type(exc)(
                _("reminder #{id}'s letter still cannot be made: {why}").format(
                    id=reminder.id, why=exc.message
                )
            ) from None
        audit.record(
            session,
            region=region,
            kind="reminder_retried",
            actor=actor,
            occurred_on=today,
            note=reminder.text,
            reminder_id=reminder.id,
            letter_number=letter.number,
            was_error=reminder.letter_error,
        )
        reminder.letter_number = letter.number
        reminder.letter_error = None
        reminder.letter_fix = None
        view = RetryView(
            reminder.id, region.code, region.name, letter.kind, letter.number, dict(letter.files)
        )
        uow.commit()
    return view


def _check_retryable(reminder: Reminder) -> None:
    if reminder.status != "issued":
        raise PolicyViolation(
            _(
                "reminder #{id} is {status}; only an issued reminder's letter can be retried."
            ).format(id=reminder.id, status=reminder.status)
        )
    if not reminder.letter_kind:
        raise PolicyViolation(
            _(
                "reminder #{id} has no letter to make; mark it done with aksansi remind done {id}."
            ).format(id=reminder.id)
        )
    if reminder.letter_number:
        raise PolicyViolation(
            _("reminder #{id}'s letter exists already ({number}); nothing to retry.").format(
                id=reminder.id, number=reminder.letter_number
            )
        )
