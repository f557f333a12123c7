"""Commands: undo, amend — put a mistake right; the history keeps both."""

from __future__ import annotations

import click

from commands._common import Settings, echo_json, json_option, pass_settings


@click.command()
@click.argument("region_ref", metavar="REGION")
@click.option("--note", help="Why it is undone (required), e.g. 'salah ketik'.")
@click.option("--by", "actor", metavar="NAME", help="Who recorded it [default: AKSANSI_USER].")
@json_option
@pass_settings
def undo(
    settings: Settings, region_ref: str, note: str | None, actor: str | None, as_json: bool
) -> None:
    """Revert REGION's latest event; the history shows both the event and the undo."""
    from commands._render_corrections import undo_result
    from workflow.services.corrections import undo_event

    result = undo_event(settings.uow(), region_ref, actor=settings.who(actor), note=note)
    echo_json(result) if as_json else undo_result(result)


@click.command()
@click.argument("entry_id", metavar="ENTRY", type=int)
@click.option("--note", help="The corrected note (required); the old text stays in the audit.")
@click.option("--by", "actor", metavar="NAME", help="Who recorded it [default: AKSANSI_USER].")
@pass_settings
def amend(settings: Settings, entry_id: int, note: str | None, actor: str | None) -> None:
    """Amend the note of history entry ENTRY (its #id in 'aksansi history')."""
    from commands._render_corrections import amend_result
    from workflow.services.corrections import amend_entry

    result = amend_entry(settings.uow(), entry_id, actor=settings.who(actor), note=note)
    amend_result(result)


COMMANDS: list[click.Command] = [undo, amend]
