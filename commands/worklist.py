"""Commands: today (the coordinator's agenda)."""

from __future__ import annotations

import click

from commands._common import Settings, echo_json, json_option, pass_settings


@click.command()
@click.option(
    "--days",
    type=int,
    default=5,
    show_default=True,
    metavar="N",
    help="Also list what falls due within N working days.",
)
@json_option
@pass_settings
def today(settings: Settings, days: int, as_json: bool) -> None:
    """What to do today (overdue first), then what the Pemda owe us."""
    from commands import _render_worklist
    from workflow.services.today import agenda

    result = agenda(settings.uow(read_only=True), days=days)
    echo_json(result.as_json()) if as_json else _render_worklist.today(result)


COMMANDS: list[click.Command] = [today]
