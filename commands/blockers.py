"""Commands: blocker add/resolve/list/show/types/stats — the log of why regions stall."""

from __future__ import annotations

import click

from commands import _render_blockers as render
from commands._common import Settings, echo_json, json_option, parse_day, pass_settings


@click.group()
def blocker() -> None:
    """The blocker log: why regions are stuck, and what to do next."""


@blocker.command("add")
@click.argument("region_ref", metavar="REGION")
@click.argument("type_id", metavar="TYPE")
@click.option("--note", help="What exactly is in the way (who said what).")
@click.option("--on", "on", metavar="DATE", help="When it arose (back-dating; YYYY-MM-DD).")
@pass_settings
def blocker_add(
    settings: Settings, region_ref: str, type_id: str, note: str | None, on: str | None
) -> None:
    """Log a blocker of TYPE on REGION (see 'aksansi blocker types')."""
    from workflow.services.blockers import add_blocker

    view = add_blocker(
        settings.uow(), region_ref, type_id, actor=settings.who(), note=note, on=parse_day(on)
    )
    render.added(view)


@blocker.command("resolve")
@click.argument("blocker_id", metavar="ID", type=int)
@click.option("--note", help="How it was solved.")
@click.option("--on", "on", metavar="DATE", help="When it was solved (YYYY-MM-DD).")
@pass_settings
def blocker_resolve(settings: Settings, blocker_id: int, note: str | None, on: str | None) -> None:
    """Mark blocker ID as resolved."""
    from workflow.services.blockers import resolve_blocker

    view = resolve_blocker(
        settings.uow(), blocker_id, actor=settings.who(), note=note, on=parse_day(on)
    )
    render.resolved(view)


@blocker.command("void")
@click.argument("blocker_id", metavar="ID", type=int)
@click.option("--note", help="Why it was a mistake (required).")
@pass_settings
def blocker_void(settings: Settings, blocker_id: int, note: str | None) -> None:
    """A blocker opened by mistake: kept in the log as void, counted nowhere."""
    from commands._render_corrections import blocker_voided
    from workflow.services.blockers import void_blocker

    blocker_voided(void_blocker(settings.uow(), blocker_id, actor=settings.who(), note=note))


@blocker.command("edit")
@click.argument("blocker_id", metavar="ID", type=int)
@click.option("--note", help="The corrected note (required); the old one stays in the audit.")
@pass_settings
def blocker_edit(settings: Settings, blocker_id: int, note: str | None) -> None:
    """Amend the note of blocker ID."""
    from commands._render_corrections import blocker_edited
    from workflow.services.blockers import edit_blocker

    blocker_edited(edit_blocker(settings.uow(), blocker_id, actor=settings.who(), note=note))


@blocker.command("list")
@click.option("--open", "open_only", is_flag=True, help="Only blockers still open.")
@click.option("--region", "region_ref", metavar="REGION", help="Only this region's blockers.")
@click.option("--type", "type_id", metavar="TYPE", help="Only blockers of this type.")
@json_option
@pass_settings
def blocker_list(
    settings: Settings,
    open_only: bool,
    region_ref: str | None,
    type_id: str | None,
    as_json: bool,
) -> None:
    """List blockers, oldest first."""
    from workflow.services.blockers import list_blockers

    views = list_blockers(
        settings.uow(read_only=True), open_only=open_only, region_ref=region_ref, type_id=type_id
    )
    echo_json(views) if as_json else render.blocker_table(views)


@blocker.command("types")
@json_option
def blocker_types(as_json: bool) -> None:
    """The blocker types, with their labels, stages and playbooks."""
    from workflow.services.blockers import blocker_types as taxonomy

    kinds = taxonomy()
    echo_json(kinds) if as_json else render.types(kinds)


@blocker.command("show")
@click.argument("blocker_id", metavar="ID", type=int)
@json_option
@pass_settings
def blocker_show(settings: Settings, blocker_id: int, as_json: bool) -> None:
    """One blocker with its playbook and what has been done about it."""
    from workflow.services.blocker_report import show_blocker

    detail = show_blocker(settings.uow(read_only=True), blocker_id)
    echo_json(render.detail_json(detail)) if as_json else render.detail(detail)


@blocker.command("stats")
@json_option
@pass_settings
def blocker_stats(settings: Settings, as_json: bool) -> None:
    """Per type: regions blocked now and ever, and median days open."""
    from workflow.services.blocker_report import blocker_stats as compute

    stats = compute(settings.uow(read_only=True))
    echo_json(stats) if as_json else render.stats(stats)


COMMANDS: list[click.Command] = [blocker]
