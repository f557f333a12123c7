"""Commands: advance, events, history."""

from __future__ import annotations

import click

from commands import _render
from commands._common import Settings, echo_json, json_option, parse_day, pass_settings


@click.command()
@click.argument("region_ref", metavar="REGION")
@click.argument("event")
@click.option("--on", "on", metavar="DATE", help="When it happened (back-dating; YYYY-MM-DD).")
@click.option("--note", help="Why, or what was agreed (required for hold and decline).")
@click.option("--force", is_flag=True, help="Sign the MoA despite open blockers (needs --note).")
@click.option("--by", "actor", metavar="NAME", help="Who recorded it [default: AKSANSI_USER].")
@pass_settings
def advance(
    settings: Settings,
    region_ref: str,
    event: str,
    on: str | None,
    note: str | None,
    force: bool,
    actor: str | None,
) -> None:
    """Fire a lifecycle EVENT on REGION (e.g. advance temanggung submit-moa)."""
    from workflow.services.advance import advance as fire

    result = fire(
        settings.uow(),
        region_ref,
        event,
        actor=settings.who(actor),
        on=parse_day(on),
        note=note,
        force=force,
    )
    _render.advance_result(result)


@click.command()
@click.argument("region_ref", metavar="REGION")
@json_option
@pass_settings
def events(settings: Settings, region_ref: str, as_json: bool) -> None:
    """The events REGION can take now, and why the others are refused."""
    from workflow.services.events import events_for

    view = events_for(settings.uow(read_only=True), region_ref)
    echo_json(view) if as_json else _render.events(view)


@click.command()
@click.argument("region_ref", metavar="REGION")
@json_option
@pass_settings
def history(settings: Settings, region_ref: str, as_json: bool) -> None:
    """The full timeline of REGION: transitions, blockers, reminders, letters."""
    from workflow.services.history import history as timeline

    view = timeline(settings.uow(read_only=True), region_ref)
    echo_json([e.as_json() for e in view.entries]) if as_json else _render.history(view)


COMMANDS: list[click.Command] = [advance, events, history]
