"""Commands: calendar (working days: national holidays, cuti bersama, overrides)."""

from __future__ import annotations

import click

from commands._common import Settings, echo_json, json_option, parse_day, pass_settings
from workflow.i18n import N_, _

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


@click.group("calendar")
def calendar() -> None:
    """Working days: Indonesian holidays and cuti bersama, with the Secretariat's overrides."""


@calendar.command("add-holiday")
@click.argument("day", metavar="DATE")
@click.argument("name", nargs=-1, required=True)
@pass_settings
def add_holiday(settings: Settings, day: str, name: tuple[str, ...]) -> None:
    """Declare DATE a holiday named NAME (e.g. a cuti bersama of a new SKB)."""
    from workflow.services.working_calendar import add_holiday as add

    added = add(settings.uow(), parse_day(day, what="DATE"), " ".join(name), actor=settings.who())
    click.echo(
        _("{isoformat} is now a holiday: {name}.").format(
            isoformat=added.date.isoformat(), name=added.name
        )
    )


@calendar.command("remove")
@click.argument("day", metavar="DATE")
@pass_settings
def remove(settings: Settings, day: str) -> None:
    """Remove the override on DATE, or declare a listed holiday a working day."""
    from workflow.services.working_calendar import remove as remove_day

    click.echo(remove_day(settings.uow(), parse_day(day, what="DATE"), actor=settings.who()))


@calendar.command("show")
@click.argument("year", type=int)
@json_option
@pass_settings
def show(settings: Settings, year: int, as_json: bool) -> None:
    """The holidays, cuti bersama and overrides of YEAR."""
    from workflow.services.working_calendar import show as show_year

    days = show_year(settings.uow(read_only=True), year)
    if as_json:
        echo_json(days)
        return
    labels = {"public": _("holiday"), "cuti_bersama": _("cuti bersama"), "override": _("override")}
    weekdays = [_(name) for name in WEEKDAYS]
    for day in days:
        label = _("override: working day") if day.working else labels[day.source]
        click.echo(f"{day.date.isoformat()} {weekdays[day.date.weekday()]}  {day.name}  [{label}]")


COMMANDS: list[click.Command] = [calendar]
