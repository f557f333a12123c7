"""Commands: official set/correct/end/list — positions at a region and who holds them."""

from __future__ import annotations

import click

from commands import _render_blockers as render
from commands._common import Settings, echo_json, json_option, parse_day, pass_settings


@click.group()
def official() -> None:
    """The region's officials: positions held by people, and rotations."""


@official.command("set")
@click.argument("region_ref", metavar="REGION")
@click.option("--position", required=True, help='e.g. "Kepala Dinas PUPR".')
@click.option("--name", required=True, help="The person who holds it.")
@click.option("--institution", help='e.g. "Dinas PUPR Kota Surakarta".')
@click.option("--since", metavar="DATE", help="Holds it since (YYYY-MM-DD; default today).")
@click.option("--email", help="E-mail address.")
@click.option("--phone", help="Phone or WhatsApp number.")
@click.option(
    "--rotation",
    is_flag=True,
    help="A different person took over, though the name reads like the holder's.",
)
@pass_settings
def official_set(
    settings: Settings,
    region_ref: str,
    position: str,
    name: str,
    institution: str | None,
    since: str | None,
    email: str | None,
    phone: str | None,
    rotation: bool,
) -> None:
    """Record who holds a position; a new person there is a rotation (and a blocker)."""
    from workflow.services.officials import set_official

    result = set_official(
        settings.uow(),
        region_ref,
        position=position,
        name=name,
        actor=settings.who(),
        since=parse_day(since, what="--since"),
        institution=institution,
        email=email,
        phone=phone,
        rotation=rotation,
    )
    render.official_set(result)


@official.command("correct")
@click.argument("region_ref", metavar="REGION")
@click.option("--position", required=True, help='The position held, e.g. "Kepala Dinas PUPR".')
@click.option("--name", help="The name spelt correctly.")
@click.option("--email", help="The correct e-mail address.")
@click.option("--phone", help="The correct phone or WhatsApp number.")
@click.option("--since", metavar="DATE", help="The correct first day (YYYY-MM-DD).")
@pass_settings
def official_correct(
    settings: Settings,
    region_ref: str,
    position: str,
    name: str | None,
    email: str | None,
    phone: str | None,
    since: str | None,
) -> None:
    """Fix the current holder's record (a spelling, a contact): no rotation, no letter."""
    from commands._render_corrections import official_corrected
    from workflow.services.officials import correct_official

    result = correct_official(
        settings.uow(),
        region_ref,
        position=position,
        actor=settings.who(),
        name=name,
        email=email,
        phone=phone,
        since=parse_day(since, what="--since"),
    )
    official_corrected(result)


@official.command("end")
@click.argument("region_ref", metavar="REGION")
@click.option("--position", required=True, help='The position, e.g. "Kepala Dinas PUPR".')
@click.option("--on", "on", metavar="DATE", help="The last day (YYYY-MM-DD; default today).")
@click.option("--note", help="Why (required), e.g. 'pensiun'.")
@pass_settings
def official_end(
    settings: Settings, region_ref: str, position: str, on: str | None, note: str | None
) -> None:
    """End a tenure that nobody succeeds yet."""
    from commands._render_corrections import official_ended
    from workflow.services.officials import end_official

    view = end_official(
        settings.uow(),
        region_ref,
        position=position,
        actor=settings.who(),
        note=note,
        on=parse_day(on),
    )
    official_ended(view)


@official.command("list")
@click.argument("region_ref", metavar="REGION")
@click.option("--history", is_flag=True, help="Also past holders (every tenure).")
@json_option
@pass_settings
def official_list(settings: Settings, region_ref: str, history: bool, as_json: bool) -> None:
    """The people holding REGION's positions now (or ever, with --history)."""
    from workflow.services.officials import list_officials

    listing = list_officials(settings.uow(read_only=True), region_ref, history=history)
    echo_json(listing.officials) if as_json else render.official_table(listing)


COMMANDS: list[click.Command] = [official]
