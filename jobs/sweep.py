"""`aksansi jobs sweep`: one pass at the clock's now, its digest, and the mail.

The pass issues every due pending reminder exactly once, one transaction per reminder:
`workflow/domain/reminders/issuing.py` claims and issues it, `run_sweep` commits it. A
crash loses at most the uncommitted reminder, which the next sweep issues; nothing is
ever issued twice.

The pass streams: each claim is a batch of one, nothing read for a reminder outlives
its transaction, and the report keeps counts and the first `DIGEST_LINES` lines (and
as many of the letters not made), so a pass over 100,000 due reminders needs no more
memory than one over 1,000. `aksansi remind list --status issued` lists every one.

Test hook: AKSANSI_TEST_CRASH_AFTER=N makes the process die (`os._exit(137)`, like
kill -9) after N reminders were committed, with the (N+1)-th written but not yet
committed. The crash-injection test uses it to prove a rerun loses and repeats nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from jobs import mail
from workflow.domain import clock
from workflow.domain.letters.issuing import configured_formats
from workflow.domain.reminders.effects import SweepReads
from workflow.domain.reminders.issuing import IssuedReminder, due_query, issue_next
from workflow.domain.reminders.scheduling import materialise_kb_warnings
from workflow.i18n import _, ngettext
from workflow.infrastructure import db
from workflow.infrastructure.unit_of_work import translate

CRASH_AFTER = "AKSANSI_TEST_CRASH_AFTER"


DIGEST_LINES = 1000  # lines the digest lists, and letters not made it lists: bounded


@dataclass
class SweepReport:
    """What one pass did: counts of everything, lines of the first `DIGEST_LINES`."""

    now: datetime
    issued: list[IssuedReminder] = field(default_factory=list)  # the first DIGEST_LINES
    stopped_early: bool = False
    count: int = 0  # every reminder issued
    not_made: list[IssuedReminder] = field(default_factory=list)  # the first DIGEST_LINES
    not_made_count: int = 0  # every letter that could not be made

    def add(self, item: IssuedReminder) -> None:
        self.count += 1
        if len(self.issued) < DIGEST_LINES:
            self.issued.append(item)
        if item.letter_error:
            self.not_made_count += 1
            if len(self.not_made) < DIGEST_LINES:
                self.not_made.append(item)


Hook = Callable[[int], None]


def run_sweep(
    url: str | None,
    *,
    now: datetime,
    actor: str,
    should_stop: Callable[[], bool] = lambda: False,
    before_commit: Hook | None = None,
    letter_formats: tuple[str, ...] | None = None,
) -> SweepReport:
    """One pass at `now`: issue what is due, each in its own transaction.

    `letter_formats`: the files each letter is written as; None: `letter.formats` (docx).

    `before_commit(n)` is called with the count issued so far before each commit
    (the crash-injection tests use it); `should_stop` is asked between reminders.
    """
    url = db.database_url(url)
    today = now.astimezone(clock.JAKARTA).date()
    report = SweepReport(now=now)
    claim = due_query(today)  # built once: constructing it costs more than running it
    reads = SweepReads()  # the profile, read once for all the letters of this pass
    with db.session_factory(url)() as session:
        _materialise_due_warnings(session, today, url)
        formats = letter_formats or _configured(session, reads, url)
        while True:
            if should_stop():
                report.stopped_early = True
                break
            try:
                item = issue_next(session, claim, today, actor, formats, reads)
                if item is None:
                    session.rollback()
                    break
                session.flush()  # written, not yet committed: where a crash hurts most
                if before_commit is not None:
                    before_commit(report.count)
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                raise translate(exc, url) from exc
            report.add(item)
    return report


def _materialise_due_warnings(session: Session, today: date, url: str) -> None:
    """Follow-ups computed from a date rather than scheduled by an event (the KB's end)."""
    try:
        materialise_kb_warnings(session, today)
        session.commit()
    except DBAPIError as exc:
        session.rollback()
        raise translate(exc, url) from exc


def _configured(session: Session, reads: SweepReads, url: str) -> tuple[str, ...]:
    """The formats of `letter.formats`, read with the profile the letters use."""
    try:
        return configured_formats(reads.settings(session))
    except DBAPIError as exc:
        session.rollback()
        raise translate(exc, url) from exc


@dataclass
class SweepOutcome:
    report: SweepReport
    mailed_to: list[str] = field(default_factory=list)
    mail_error: str | None = None


def sweep_once(
    db_url: str | None, *, actor: str, should_stop: Callable[[], bool] = lambda: False
) -> SweepOutcome:
    """Issue what is due now; mail the digest when something was issued and mail is set up."""
    report = run_sweep(
        db_url, now=clock.now(), actor=actor, should_stop=should_stop, before_commit=_crash_hook()
    )
    outcome = SweepOutcome(report)
    if report.count and mail.configured():
        try:
            outcome.mailed_to = mail.send_digest(_subject(report), format_digest(report))
        except mail.MailFailed as exc:
            outcome.mail_error = exc.message
    return outcome


def _crash_hook() -> Hook | None:
    limit = os.environ.get(CRASH_AFTER, "").strip()
    if not limit:
        return None

    def crash(issued_so_far: int) -> None:
        if issued_so_far >= int(limit):
            os._exit(137)

    return crash


def _subject(report: SweepReport) -> str:
    count = report.count
    return ngettext(
        "[aksansi] {count} reminder due on {date}",
        "[aksansi] {count} reminders due on {date}",
        count,
    ).format(count=count, date=clock.local(report.now).date())


def format_digest(report: SweepReport) -> str:
    """The digest as plain text lines (terminal and mail)."""
    when = clock.shown_moment(report.now)
    if not report.count:
        return _("Sweep at {when}: nothing due.").format(when=when)
    count = report.count
    lines = [
        ngettext(
            "Sweep at {when}: {count} reminder issued.",
            "Sweep at {when}: {count} reminders issued.",
            count,
        ).format(when=when, count=count)
    ]
    for item in report.issued:
        due = _("due {day}").format(day=item.due_on)
        lines.append(f"#{item.id} {item.region} {item.region_name} ({due}): {_(item.text)}")
        if item.letter_number:
            where = f" → {item.letter_file}" if item.letter_file else ""
            letter = _("letter {letter} no. {number}").format(
                letter=item.letter, number=item.letter_number
            )
            lines.append(f"    {letter}{where}")
        elif item.letter_error:
            lines.append(
                _("    letter {letter} NOT produced: {letter_error}").format(
                    letter=item.letter, letter_error=item.letter_error
                )
            )
        if item.blocker:
            lines.append("    " + _("blocker {blocker} opened").format(blocker=item.blocker))
        elif item.blocker_error:
            lines.append(
                _("    blocker not opened: {blocker_error}").format(
                    blocker_error=item.blocker_error
                )
            )
        if item.skipped:
            lines.append(
                _("    skipped earlier steps: ") + ", ".join(f"#{i}" for i in item.skipped)
            )
    lines += _more(report.count - len(report.issued))
    lines += _not_made(report)
    if report.stopped_early:
        lines.append(_("Stopped early on request; the next sweep issues the rest."))
    return "\n".join(lines)


def _not_made(report: SweepReport) -> list[str]:
    """The letters that could not be made, under their own heading: each stays on
    `aksansi today` with the command that fixes its cause, until it is retried."""
    if not report.not_made_count:
        return []
    count = report.not_made_count
    lines = ["", _("Letters not made ({n}): fix the cause, then retry.").format(n=count)]
    for item in report.not_made:
        lines.append(f"#{item.id} {item.region} {item.region_name}: {item.letter}")
        if item.letter_fix:
            lines.append("    " + _("fix: {command}").format(command=item.letter_fix))
        lines.append("    " + _("then: aksansi remind retry {id}").format(id=item.id))
    return lines + _more(count - len(report.not_made))


def _more(count: int) -> list[str]:
    """The lines a long pass leaves out of the digest, counted."""
    if count <= 0:
        return []
    return [
        ngettext(
            "… and {count} more; 'aksansi remind list --status issued' lists them all.",
            "… and {count} more; 'aksansi remind list --status issued' lists them all.",
            count,
        ).format(count=count)
    ]


def digest_json(outcome: SweepOutcome) -> dict[str, Any]:
    return {
        "now": outcome.report.now.isoformat(),
        "issued": outcome.report.issued,  # the first DIGEST_LINES
        "issued_count": outcome.report.count,
        "stopped_early": outcome.report.stopped_early,
        "mailed_to": outcome.mailed_to,
        "mail_error": outcome.mail_error,
    }
