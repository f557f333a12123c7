"""Text output of the worklist: `aksansi today` in 80 columns."""

from __future__ import annotations

from collections import Counter
from typing import Any

import click

from commands._history_text import wrap
from workflow.i18n import _, ngettext

INDENT = "      "


def today(agenda: Any) -> None:
    title = _("Today {date}: {todo} to do, {waiting} waiting for the Pemda.").format(
        date=agenda.date.isoformat(), todo=len(agenda.to_do), waiting=len(agenda.waiting)
    )
    click.echo(wrap(title))
    heading = _("To do (overdue first, then due by {until})").format(until=agenda.until.isoformat())
    click.echo("\n" + wrap(heading))
    if not agenda.to_do:
        click.echo("  " + _("Nothing due."))
    for line in agenda.to_do:
        _to_do(line.item, agenda.date)
    click.echo("\n" + _("Waiting for the Pemda"))
    if not agenda.waiting:
        click.echo("  " + _("Nothing: every move is ours."))
    for line in agenda.waiting:
        _waiting(line)
    _later(agenda)


def _when(item: Any, today: Any) -> str:
    if item.overdue_days:
        return ngettext(
            "overdue {n} working day", "overdue {n} working days", item.overdue_days
        ).format(n=item.overdue_days)
    if item.due_on <= today:
        return _("due today")
    return _("due {day}").format(day=item.due_on.isoformat())


def _to_do(item: Any, today: Any) -> None:
    head = f"  {item.region} {item.region_name} — {_when(item, today)}"
    if item.reminder_id is not None:
        head += " " + _("(reminder #{id})").format(id=item.reminder_id)
    click.echo(wrap(head, "", INDENT))
    click.echo(wrap(item.text or item.action, INDENT, INDENT + "  "))
    if item.letter_number:
        click.echo(
            wrap(
                _(
                    "Letter {number} is ready: print, sign and send it, then record "
                    "aksansi letter sent {number}"
                ).format(number=item.letter_number),
                INDENT,
                INDENT + "  ",
            )
        )
    elif item.letter_error:
        why = _("Letter not made: {why}").format(why=item.letter_error)
        click.echo(wrap(why, INDENT, INDENT + "  "))
        if item.fix and not item.fix.startswith("aksansi remind retry"):
            click.echo(wrap(_("Fix: {command}").format(command=item.fix), INDENT, INDENT + "  "))
        click.echo(wrap(_("then: aksansi remind retry {id}").format(id=item.reminder_id), INDENT))


def _waiting(line: Any) -> None:
    item = line.item
    since = (
        _("since {day} ({n} working days)").format(
            day=item.since.isoformat(), n=line.working_days_since
        )
        if item.since is not None
        else _("since: not recorded")
    )
    follow_up = _("follow-up on {day}").format(day=item.due_on.isoformat())
    click.echo(f"  {item.region} {item.region_name}")
    click.echo(wrap(f"{since}; {follow_up}", INDENT, INDENT + "  "))
    click.echo(wrap(item.text or item.action, INDENT, INDENT + "  "))


def _later(agenda: Any) -> None:
    if not agenda.later:
        return
    states = Counter(line.item.state for line in agenda.later)
    parts = ", ".join(f"{state} {count}" for state, count in states.most_common())
    click.echo(
        "\n"
        + wrap(
            ngettext(
                "Later (after {until}): {n} region's next step ({parts}); see aksansi board.",
                "Later (after {until}): {n} regions' next steps ({parts}); see aksansi board.",
                len(agenda.later),
            ).format(until=agenda.until.isoformat(), n=len(agenda.later), parts=parts),
            "",
            "  ",
        )
    )
