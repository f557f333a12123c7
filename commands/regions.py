"""Commands: init, region list/show/add/import, board, diagram."""

from __future__ import annotations

from pathlib import Path

import click

from commands import _render
from commands._common import Settings, echo_json, json_option, parse_day, pass_settings
from workflow.i18n import _


@click.command()
@click.option("--seed", is_flag=True, help="Also load the Secretariat's eight MoU regions.")
@pass_settings
def init(settings: Settings, seed: bool) -> None:
    """Create or upgrade the database (and load the seed portfolio)."""
    from workflow.services.seed import init_database

    result = init_database(settings.db_url, seed=seed, actor=settings.who())
    _render.init_result(result)


@click.group()
def region() -> None:
    """Regions (kabupaten/kota): list, show, add, import, set."""


@region.command("list")
@click.option("--state", help="Only regions in this state (e.g. mou_signed).")
@json_option
@pass_settings
def region_list(settings: Settings, state: str | None, as_json: bool) -> None:
    """List regions with state, days in state, blockers, next reminder."""
    from workflow.services.regions import list_regions

    views = list_regions(settings.uow(read_only=True), state=state)
    echo_json(views) if as_json else _render.region_table(views, state)


@region.command("show")
@click.argument("region_ref", metavar="REGION")
@json_option
@pass_settings
def region_show(settings: Settings, region_ref: str, as_json: bool) -> None:
    """Show one region in full."""
    from workflow.services.regions import show_region

    detail = show_region(settings.uow(read_only=True), region_ref)
    echo_json(_render.detail_json(detail)) if as_json else _render.region_detail(detail)


@region.command("add")
@click.argument("code_or_name", metavar="NAME|CODE")
@click.argument("name", required=False)
@click.option("--province", help="Province name, e.g. Banten.")
@click.option("--seat", help="Seat town (ibu kota), e.g. Rangkasbitung.")
@pass_settings
def region_add(
    settings: Settings, code_or_name: str, name: str | None, province: str | None, seat: str | None
) -> None:
    """Add a region at 'prospect': NAME alone ("Kabupaten Lebak", "Lebak") or a code alone
    is found in the built-in national list with its province and seat; CODE NAME adds
    one as given (e.g. 36.02 "Kabupaten Lebak")."""
    from workflow.services.regions import add_region

    view = add_region(
        settings.uow(), code_or_name, name, province=province, actor=settings.who(), seat=seat
    )
    seat_text = view.seat or _("seat not known")
    click.echo(
        _("Added {name} ({code}), {kind}, {province}, seat {seat}, at {state}.").format(
            name=view.name,
            code=view.code,
            kind=_(view.kind),
            province=view.province or _("province unknown"),
            seat=seat_text,
            state=view.state,
        )
    )


@region.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), required=False)
@click.option(
    "--seats",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A CSV of seat towns (kode,ibukota); default: the built-in seats.",
)
@pass_settings
def region_import(settings: Settings, file: Path | None, seats: Path | None) -> None:
    """Import a Kemendagri CSV (kode,nama,...), or with no FILE the built-in national list of
    514 kabupaten/kota with their seats; existing regions keep their state."""
    from workflow.services.regions import import_regions

    result = import_regions(settings.uow(), file, actor=settings.who(), seats=seats)
    _render.import_result(result)


@region.command("set")
@click.argument("region_ref", metavar="REGION")
@click.option("--seat", required=True, help="The seat town (ibu kota) letters write after 'di'.")
@pass_settings
def region_set(settings: Settings, region_ref: str, seat: str) -> None:
    """Correct a region's seat town (the "di …" line of letters)."""
    from workflow.services.regions import set_region

    view = set_region(settings.uow(), region_ref, seat=seat, actor=settings.who())
    click.echo(
        _("{name} ({code}): seat {seat}.").format(name=view.name, code=view.code, seat=view.seat)
    )


@click.command()
@click.option("--as-of", "as_of", metavar="DATE", help="The portfolio as it stood on DATE.")
@click.option(
    "--stalled", is_flag=True, help="Only regions whose next action is overdue (see --days)."
)
@click.option(
    "--days",
    type=int,
    default=0,
    show_default=True,
    metavar="N",
    help="With --stalled: overdue by more than N working days.",
)
@json_option
@pass_settings
def board(settings: Settings, as_of: str | None, stalled: bool, days: int, as_json: bool) -> None:
    """The pipeline: regions by stage, days in stage, blockers, whose move and what next."""
    import workflow.services.board

    day = parse_day(as_of, what="--as-of")
    uow = settings.uow(read_only=True)
    stalled_days = days if stalled else None
    if day is None:
        result = workflow.services.board.board(uow, stalled_days=stalled_days)
    else:
        result = workflow.services.board.board_as_of(uow, day, stalled_days=stalled_days)
    echo_json(result) if as_json else _render.board(result)


@click.command()
def diagram() -> None:
    """Print the lifecycle as a Mermaid state diagram."""
    from workflow.domain.diagram import mermaid

    click.echo(mermaid(), nl=False)


COMMANDS: list[click.Command] = [init, region, board, diagram]
