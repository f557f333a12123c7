"""Commands: approvals, approve — what the Pemda must complete before the PKS is signed."""

from __future__ import annotations

from typing import Any

import click

from commands._common import Settings, echo_json, json_option, parse_day, pass_settings
from workflow.i18n import _


@click.command()
@click.argument("region_ref", metavar="REGION")
@json_option
@pass_settings
def approvals(settings: Settings, region_ref: str, as_json: bool) -> None:
    """REGION's checklist before the PKS: TKKSD, Bagian Hukum, DPRD, power of attorney."""
    from workflow.services.approvals import show_checklist

    view = show_checklist(settings.uow(read_only=True), region_ref)
    if as_json:
        echo_json([_item_json(item) for item in view.items])
        return
    _print_checklist(view)


@click.command()
@click.argument("region_ref", metavar="REGION")
@click.argument("item")
@click.option("--on", "on", required=True, metavar="DATE", help="The day the Pemda completed it.")
@click.option(
    "--reference", metavar="TEXT", help="Its reference, e.g. the letter or decree number."
)
@click.option("--note", help="Anything worth keeping with it.")
@pass_settings
def approve(
    settings: Settings,
    region_ref: str,
    item: str,
    on: str,
    reference: str | None,
    note: str | None,
) -> None:
    """Record that ITEM of REGION's checklist is done (undo with 'aksansi undo REGION')."""
    from workflow.services.approvals import approve as record

    view = record(
        settings.uow(),
        region_ref,
        item,
        on=parse_day(on),
        reference=reference,
        note=note,
        actor=settings.who(),
    )
    click.echo(_("{item} recorded for {region}.").format(item=item, region=view.region_name))
    _print_checklist(view)


def _print_checklist(view: Any) -> None:
    click.echo(_("Before the PKS of {region} is signed:").format(region=view.region_name))
    for status in view.items:
        if not status.applicable:
            mark, detail = "-", _("does not apply")
        elif status.done_on is None:
            mark, detail = " ", _("still to do")
        else:
            mark = "x"
            detail = _("done {on}, recorded by {by}").format(
                on=status.done_on.isoformat(), by=status.by
            )
            if status.reference:
                detail += f" ({status.reference})"
        click.echo(f"  [{mark}] {status.item:<18} {status.label}")
        click.echo(f"      {detail}")
    if view.missing:
        click.echo(
            _("Still missing: {items}. 'sign_moa' is refused until they are recorded.").format(
                items=", ".join(view.missing)
            )
        )
    else:
        click.echo(_("Nothing is missing: the PKS can be signed."))


def _item_json(status: Any) -> dict[str, Any]:
    return {
        "item": status.item,
        "label": status.label,
        "applicable": status.applicable,
        "done_on": status.done_on.isoformat() if status.done_on else None,
        "by": status.by,
        "reference": status.reference,
    }


COMMANDS: list[click.Command] = [approvals, approve]
