"""Text output of the region and lifecycle commands (rich tables, 80 columns)."""

from __future__ import annotations

from typing import Any

import click

from commands._common import console, plain

LARGE_GROUP = 12


def _blockers(view: Any) -> str:
    return ", ".join(b["type"] for b in view.open_blockers) or "-"


def _next_due(view: Any) -> str:
    r = view.next_reminder
    return "-" if not r else f"{r['due_on']} {r['text']}"[:40]


def _days(view: Any) -> str:
    return "?" if view.days_in_state is None else str(view.days_in_state)


def _table(*columns: str):  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def init_result(result: Any) -> None:
    moved = (
        f"upgraded from {result.revision_before} to {result.revision_after}"
        if result.revision_before != result.revision_after
        else f"already at {result.revision_after}"
    )
    click.echo(f"Database {result.database}: {moved}.")
    if result.seed is not None:
        click.echo(
            f"Seed: {len(result.seed.added)} region(s) added, "
            f"{len(result.seed.already_there)} already there."
        )


def region_table(views: list[Any]) -> None:
    table = _table("Code", "Region", "State", "Days", "Blockers", "Next due")
    for v in views:
        table.add_row(v.code, v.name, v.state, _days(v), _blockers(v), _next_due(v))
    console().print(table)
    click.echo(f"{len(views)} region(s).")


def region_detail(detail: Any) -> None:
    v = detail.region
    out = console()
    out.print(f"[bold]{v.name}[/bold] ({v.code}), {v.kind}, {v.province or 'province unknown'}")
    since = (
        f"since {v.state_since} ({v.days_in_state} days)"
        if v.state_since
        else "since: not recorded"
    )
    out.print(f"State: {v.state} — {v.state_label}, {since}")
    if v.held_from:
        out.print(f"On hold from: {v.held_from}")
    for label, value in (
        ("Also known as", ", ".join(v.aliases)),
        ("Subject", v.subject),
        ("AKSANSI Daerah formed", detail.chapter_formed_on),
    ):
        if value:
            out.print(f"{label}: {value}")
    out.print(f"Open blockers: {_blockers(v)}")
    out.print(f"Next reminder: {_next_due(v)}")
    for name, lines in detail.sections.items():
        out.print(f"\n[bold]{name}[/bold]")
        for line in lines:
            out.print(f"  {line}", markup=False)
    out.print("\n[bold]Recent history[/bold]")
    for e in detail.recent:
        out.print(f"  {e.at}  {_entry_text(e)}", markup=False)


def detail_json(detail: Any) -> dict[str, Any]:
    data = plain(detail.region)
    data.update(
        {
            "chapter_formed_on": detail.chapter_formed_on,
            "recent_history": [e.as_json() for e in detail.recent],
        }
    )
    data.update(plain(detail.sections))
    return data


def import_result(result: Any) -> None:
    click.echo(
        f"Imported {result.added} new region(s) at prospect; "
        f"{result.already_there} already known kept their state and history."
    )
    for alias in result.aliases_added:
        click.echo(f"  also known as: {alias}")


def board(result: Any) -> None:
    out = console()
    out.print(
        f"[bold]Board {result.as_of}[/bold]: {result.total} regions, "
        f"{result.blocked} blocked, {result.due_this_week} with something due within 7 days"
    )
    for group in result.stages:
        out.print(f"\n[bold]{group.label}[/bold] ({group.state}) — {group.count}")
        if group.count > LARGE_GROUP:
            out.print(
                f"  {group.count} regions; list them with "
                f"'aksansi region list --state {group.state}'"
            )
            continue
        table = _table("Code", "Region", "Days", "Blockers", "Next due")
        for v in group.regions:
            table.add_row(v.code, v.name, _days(v), _blockers(v), _next_due(v))
        out.print(table)
    for move in result.moved_since:
        out.print(f"moved {move['on']}: {move['name']} {move['from']} → {move['to']}")


def advance_result(result: Any) -> None:
    if result.from_state == result.to_state:
        click.echo(f"{result.region}: {result.event} recorded on {result.on} by {result.by}.")
    else:
        click.echo(
            f"{result.region}: {result.from_state} → {result.to_state} "
            f"({result.event}, {result.on}, by {result.by})."
        )
    if result.forced_past:
        click.echo(f"Signed despite open blockers: {', '.join(result.forced_past)} (recorded).")


def events(view: Any) -> None:
    click.echo(f"{view.region} ({view.code}) is at {view.state}.")
    allowed = [e for e in view.events if e.allowed]
    click.echo("Allowed now:" if allowed else "No event is allowed now.")
    for e in allowed:
        click.echo(f"  {e.event:<22} → {e.to or '(no change)'}  {e.label}")
    for e in view.events:
        if e.from_here and not e.allowed:
            click.echo(f"  {e.event:<22} refused now: {e.reason}")


def history(view: Any) -> None:
    click.echo(f"History of {view.region} ({view.code})")
    for e in view.entries:
        click.echo(
            f"{e.at}  {_entry_text(e)}  [by {e.by}, recorded {e.recorded_at:%Y-%m-%d %H:%M} UTC]"
        )


def _entry_text(e: Any) -> str:
    if e.kind == "transition":
        text = f"{e.event}: {e.from_} → {e.to}"
    elif e.kind in ("milestone", "seed"):
        text = f"{e.kind}: {e.event or e.to}"
    else:
        shown = {k: v for k, v in e.details.items() if not isinstance(v, (dict, list))}
        text = e.kind + (" " + ", ".join(f"{k}={v}" for k, v in shown.items()) if shown else "")
    return text + (f" — {e.note}" if e.note else "")
