"""Commands: calendar (working days: national holidays, cuti bersama, overrides)."""

from __future__ import annotations

import textwrap
from typing import Any

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


@calendar.group("planning", invoke_without_command=True)
@click.option(
    "--year", type=int, help="Budget year N (default: the next one a proposal can reach)."
)
@click.option("--region", "region_text", metavar="REGION", help="Show this region's own dates.")
@json_option
@click.pass_context
def planning(ctx: click.Context, year: int | None, region_text: str | None, as_json: bool) -> None:
    """The regional planning and budget calendar: where money for year N must enter."""
    if ctx.invoked_subcommand is not None:
        return
    from workflow.services.planning import planning_calendar

    settings: Settings = ctx.ensure_object(Settings)
    view = planning_calendar(settings.uow(read_only=True), year=year, region_text=region_text)
    if as_json:
        echo_json([_window_json(w) for w in view.windows])
        return
    heading = _("Planning calendar for APBD {year}").format(year=view.budget_year)
    if view.region:
        heading += f" — {view.region}"
    click.echo(heading)
    for w in view.windows:
        own = _(" (this region's own dates)") if w.overridden else ""
        click.echo(f"  {w.starts_on.isoformat()} – {w.ends_on.isoformat()}  {w.label}{own}")
        source = f"{w.source} [{_certainty(w.certainty)}]"
        click.echo(textwrap.fill(source, 80, initial_indent=" " * 6, subsequent_indent=" " * 6))


@planning.command("set")
@click.argument("region_text", metavar="REGION")
@click.argument("stage")
@click.option("--from", "starts", required=True, metavar="DATE", help="First day of the window.")
@click.option("--to", "ends", required=True, metavar="DATE", help="Last day of the window.")
@pass_settings
def planning_set(settings: Settings, region_text: str, stage: str, starts: str, ends: str) -> None:
    """Record REGION's own dates for STAGE (Pemda calendars differ)."""
    from workflow.services.planning import set_window

    window = set_window(
        settings.uow(),
        region_text,
        stage,
        starts_on=parse_day(starts, what="--from"),
        ends_on=parse_day(ends, what="--to"),
        actor=settings.who(),
    )
    click.echo(
        _("{label} for APBD {year}: {start} – {end}, recorded.").format(
            label=window.label,
            year=window.budget_year,
            start=window.starts_on.isoformat(),
            end=window.ends_on.isoformat(),
        )
    )


def _window_json(window: Any) -> dict[str, Any]:
    return {
        "stage": window.stage,
        "label": window.label,
        "budget_year": window.budget_year,
        "from": window.starts_on.isoformat(),
        "to": window.ends_on.isoformat(),
        "source": window.source,
        "certainty": window.certainty,
        "overridden": window.overridden,
    }


def _certainty(value: str) -> str:
    return {
        "regulation": _("set by regulation"),
        "guideline": _("usual month per the guideline"),
        "practice": _("common practice"),
    }[value]


COMMANDS: list[click.Command] = [calendar]
