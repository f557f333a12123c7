"""Commands: official set/list — positions at a region and who holds them."""

from __future__ import annotations

import click

from commands import _render_blockers
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
    )
    _render_blockers.official_set(result)


@official.command("list")
@click.argument("region_ref", metavar="REGION")
@click.option("--history", is_flag=True, help="Also past holders (every tenure).")
@json_option
@pass_settings
def official_list(settings: Settings, region_ref: str, history: bool, as_json: bool) -> None:
    """The people holding REGION's positions now (or ever, with --history)."""
    from workflow.services.officials import list_officials

    listing = list_officials(settings.uow(read_only=True), region_ref, history=history)
    echo_json(listing.officials) if as_json else _render_blockers.official_table(listing)


COMMANDS: list[click.Command] = [official]
