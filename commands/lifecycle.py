"""Commands: advance, events, history."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commands import _render
from commands._common import Settings, echo_json, json_option, parse_day, pass_settings
from commands.drafts import kb_options, kb_terms, print_kb

if TYPE_CHECKING:
    from workflow.domain.kb import KbTerms


@click.command()
@click.argument("region_ref", metavar="REGION")
@click.argument("event")
@click.option("--on", "on", metavar="DATE", help="When it happened (back-dating; YYYY-MM-DD).")
@click.option("--note", help="Why, or what was agreed (required for hold and decline).")
@click.option("--force", is_flag=True, help="Sign the MoA despite open blockers (needs --note).")
@click.option("--by", "actor", metavar="NAME", help="Who recorded it [default: AKSANSI_USER].")
@kb_options
@pass_settings
def advance(
    settings: Settings,
    region_ref: str,
    event: str,
    on: str | None,
    note: str | None,
    force: bool,
    actor: str | None,
    number_pemda: str | None,
    number_aksansi: str | None,
    signed_on: str | None,
    kb_years: int | None,
) -> None:
    """Fire a lifecycle EVENT on REGION (e.g. advance temanggung submit-moa).

    With sign_mou, the KB's numbers, date and term may be recorded at once
    (--number-pemda, --number-aksansi, --signed-on, --years; as in mou record)."""
    import workflow.services.advance

    result = workflow.services.advance.advance(
        settings.uow(),
        region_ref,
        event,
        actor=settings.who(actor),
        on=parse_day(on),
        note=note,
        force=force,
        kb=_kb_terms_if_given(number_pemda, number_aksansi, signed_on, kb_years),
    )
    _render.advance_result(result)
    if result.kb is not None:
        print_kb(result.kb)


def _kb_terms_if_given(
    number_pemda: str | None, number_aksansi: str | None, signed_on: str | None, years: int | None
) -> KbTerms | None:
    """KbTerms lives with the KB's models (two model modules to map): built for a KB only."""
    if (number_pemda, number_aksansi, signed_on, years) == (None, None, None, None):
        return None
    return kb_terms(number_pemda, number_aksansi, signed_on, years)


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
    import workflow.services.history

    view = workflow.services.history.history(settings.uow(read_only=True), region_ref)
    echo_json([e.as_json() for e in view.entries]) if as_json else _render.history(view)


COMMANDS: list[click.Command] = [advance, events, history]
