"""Commands: remind (follow-up reminders)."""

from __future__ import annotations

import click

from commands._common import (
    Settings,
    echo_json,
    json_option,
    overwrite_option,
    parse_day,
    pass_settings,
)
from states.reminders import STATUS_WORDS
from workflow.i18n import _


@click.group("remind")
def remind() -> None:
    """Follow-up reminders, due on Indonesian working days."""


# What `remind list` prints without `--limit`: the earliest due, a screenful or two.
SHOWN = 100


@remind.command("list")
@click.option("--due", is_flag=True, help="Only those due today or earlier.")
@click.option("--region", metavar="REGION", help="Only this region.")
@click.option(
    "--status",
    metavar="STATUS",
    help="pending, issued, done, cancelled, skipped or all [default: pending and issued].",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    metavar="N",
    help="Show the first N by due date, 0 for all [default: 100; --json: all].",
)
@json_option
@pass_settings
def list_(
    settings: Settings,
    due: bool,
    region: str | None,
    status: str | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """The reminders still to act on (pending and issued), by due date."""
    from workflow.i18n import _
    from workflow.services.reminders import check_statuses, json_view, reminder_list

    statuses = check_statuses(status)
    if limit is None and not as_json:
        limit = SHOWN
    found = reminder_list(
        settings.uow(read_only=True), due=due, region=region, statuses=statuses, limit=limit or None
    )
    if as_json:
        echo_json([json_view(item) for item in found.items])
        return
    if not found.items and status is None:
        click.echo(_("No pending reminders. None issued is waiting to be done either."))
    elif not found.items:
        click.echo(_("No {status} reminders.").format(status=" or ".join(statuses)))
    for item in found.items:
        _wrapped(_list_line(item), 0, hang=" " * 19)
    if found.more:
        _wrapped(_more_line(found.more), 0, hang="  ")


def _more_line(more: int) -> str:
    from workflow.i18n import ngettext

    return ngettext(
        "… and {n} more, due later: narrow the list with --due, --region or --status, or "
        "show every one with --limit 0.",
        "… and {n} more, due later: narrow the list with --due, --region or --status, or "
        "show every one with --limit 0.",
        more,
    ).format(n=more)


def _list_line(item) -> str:  # type: ignore[no-untyped-def]
    from workflow.i18n import _

    letter = " [" + _("letter {kind}").format(kind=item.letter) + "]" if item.letter else ""
    text = _(item.text)  # the policy's texts are in the catalog; one typed in stays as is
    line = f"#{item.id:<5} {item.due_on}  {item.region} {item.region_name}: {text}{letter}"
    if item.status != "pending":
        line += f" ({_(item.status)})"
    if item.letter_number:
        sent = _(", sent {day}").format(day=item.sent_on) if item.sent_on else ""
        line += " " + _("letter {number}{sent}").format(number=item.letter_number, sent=sent)
    elif item.letter_error:
        line += " " + _("letter not made: see aksansi today; aksansi remind retry {id}").format(
            id=item.id
        )
    return line


@remind.command("add")
@click.argument("region")
@click.option("--on", "on", required=True, metavar="DATE", help="The day it falls due.")
@click.argument("text", nargs=-1, required=True)
@pass_settings
def add(settings: Settings, region: str, on: str, text: tuple[str, ...]) -> None:
    """Add a reminder for REGION due on DATE."""
    from workflow.services import reminders

    item = reminders.add(
        settings.uow(), region, parse_day(on), " ".join(text), actor=settings.who()
    )
    click.echo(
        _("Reminder #{id} for {region_name} due on {due_on}.").format(
            id=item.id, region_name=item.region_name, due_on=item.due_on
        )
    )


@remind.command("done")
@click.argument("reminder_id", metavar="ID", type=int)
@pass_settings
def done(settings: Settings, reminder_id: int) -> None:
    """Mark reminder ID as dealt with."""
    from workflow.services import reminders

    item = reminders.done(settings.uow(), reminder_id, actor=settings.who())
    click.echo(
        _("Reminder #{id} ({region_name}) is done.").format(
            id=item.id, region_name=item.region_name
        )
    )


@remind.command("retry")
@click.argument("reminder_id", metavar="ID", type=int)
@pass_settings
def retry(settings: Settings, reminder_id: int) -> None:
    """Make the letter issued reminder ID could not make, once its cause is fixed."""
    from workflow.i18n import _
    from workflow.services.dispatch import retry_letter

    view = retry_letter(settings.uow(), reminder_id, actor=settings.who())
    click.echo(
        _("Reminder #{id} ({region}): letter {kind} no. {number}.").format(
            id=view.reminder_id,
            region=view.region_name,
            kind=view.letter,
            number=view.letter_number,
        )
    )
    for path in view.files.values():
        click.echo(f"  → {path}")


@remind.command("snooze")
@click.argument("reminder_id", metavar="ID", type=int)
@click.option("--until", required=True, metavar="DATE", help="The new due day (a working day).")
@pass_settings
def snooze(settings: Settings, reminder_id: int, until: str) -> None:
    """Move pending reminder ID to a later day."""
    from workflow.services import reminders

    item = reminders.snooze(
        settings.uow(), reminder_id, parse_day(until, what="--until"), actor=settings.who()
    )
    click.echo(
        _("Reminder #{id} ({region_name}) is now due on {due_on}.").format(
            id=item.id, region_name=item.region_name, due_on=item.due_on
        )
    )


@remind.command("explain")
@click.argument("region")
@json_option
@pass_settings
def explain(settings: Settings, region: str, as_json: bool) -> None:
    """Every reminder of REGION: its rule, the event that scheduled it, what became of it."""
    import workflow.services.reminder_explain

    found = workflow.services.reminder_explain.explain(settings.uow(read_only=True), region)
    if as_json:
        echo_json(found)
        return
    click.echo(
        _("{region_name} ({code}), now {state}:").format(
            region_name=found.region_name, code=found.region, state=found.state
        )
    )
    if not found.reminders:
        click.echo(_("  no reminders."))
    for item in found.reminders:
        status = _(STATUS_WORDS.get(item.status, item.status))
        due = _("due {day}").format(day=item.due_on)
        _wrapped(f"#{item.id} {status:<9} {due}: {_(item.text)}", 2)
        _wrapped(
            _("by {rule}; scheduled by {created_by}").format(
                rule=item.rule, created_by=item.created_by
            ),
            6,
        )
        if item.outcome:
            _wrapped(item.outcome, 6)
        if item.letter_number:
            _wrapped(
                _("letter {letter} no. {number}").format(
                    letter=item.letter, number=item.letter_number
                ),
                6,
            )
        elif item.letter_error:
            _wrapped(
                _("letter {letter} not produced: {letter_error}").format(
                    letter=item.letter, letter_error=item.letter_error
                ),
                6,
            )


def _wrapped(text: str, indent: int, hang: str = "  ") -> None:
    """One line of output, wrapped for an 80-column terminal under its indent."""
    from commands._history_text import wrap

    pad = " " * indent
    click.echo(wrap(text, pad, pad + hang))


@remind.command("ics")
@click.option(
    "-o",
    "output",
    metavar="PATH",
    help="Write to this file (a folder gets aksansi-reminders.ics) instead of standard output.",
)
@overwrite_option
@pass_settings
def ics(settings: Settings, output: str | None, overwrite: bool) -> None:
    """The reminders as an iCalendar file (re-importing updates and cancels, never duplicates)."""
    from workflow.services.reminder_ics import export_ics, write_ics

    if output is None:
        click.echo(export_ics(settings.uow(read_only=True)).decode("utf-8"), nl=False)
        return
    path = write_ics(settings.uow(read_only=True), output, overwrite=overwrite)
    from documents.output import shown

    click.echo(_("Wrote {path}.").format(path=shown(path)), err=True)


COMMANDS: list[click.Command] = [remind]
