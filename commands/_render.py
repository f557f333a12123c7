"""Text output of the region and lifecycle commands (plain columns, 80 wide)."""

from __future__ import annotations

from typing import Any

import click

from commands._common import plain
from commands._history_text import entry_text, history_line, wrap
from commands._table import columns
from workflow.i18n import _

LARGE_GROUP = 12
DAYS_UNKNOWN = "Days ?: loaded from the portfolio; the day it reached its stage is unknown."


def _blockers(view: Any) -> str:
    return ", ".join(b["type"] for b in view.open_blockers) or "-"


def _next_due(view: Any, width: int | None = 40) -> str:
    r = view.next_reminder
    return "-" if not r else f"{r['due_on']} {r['text']}"[:width]


BALL = {"secretariat": "us", "pemda": "Pemda"}


def _ball(view: Any) -> str:
    action = view.next_action
    return "-" if not action else _(BALL[action["who"]])


def _next_action(view: Any) -> str:
    """`2026-12-08 Prepare the MoA…`, with `+3` when overdue by three working days."""
    action = view.next_action
    if not action:
        return "-"
    late = f" +{action['overdue_days']}" if action["overdue_days"] else ""
    return f"{action['due_on']}{late} {action['action']}"


def _days(view: Any) -> str:
    return "?" if view.days_in_state is None else str(view.days_in_state)


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


NO_REGIONS = (
    "No regions yet: load the portfolio with 'aksansi init --seed', or the national "
    "list with 'aksansi region import FILE.csv'."
)


def region_table(views: list[Any], state: str | None = None) -> None:
    if not views:
        click.echo(f"No region is at {state}." if state else wrap(NO_REGIONS))
        return
    rows = [(v.code, v.name, v.state, _days(v), _blockers(v), _next_due(v)) for v in views]
    click.echo(columns(("Code", "Region", "State", "Days", "Blockers", "Next due"), rows))
    click.echo(f"{len(views)} region(s).")
    if any(v.days_in_state is None for v in views):
        click.echo(DAYS_UNKNOWN)


def region_detail(detail: Any) -> None:
    v = detail.region
    click.echo(f"{v.name} ({v.code}), {v.kind}, {v.province or 'province unknown'}")
    since = (
        f"since {v.state_since} ({v.days_in_state} days)"
        if v.state_since
        else "since: not recorded"
    )
    click.echo(wrap(f"State: {v.state} — {v.state_label}, {since}", subsequent="  "))
    for label, value in (
        ("On hold from", v.held_from),
        ("Also known as", ", ".join(v.aliases)),
        ("Subject", v.subject),
        ("AKSANSI Daerah formed", detail.chapter_formed_on),
        ("Kesepakatan Bersama", _kb_line(detail.kb, v)),
        ("Open blockers", _blockers(v)),
        ("Next reminder", _next_due(v, width=None)),
    ):
        if value:
            click.echo(wrap(f"{label}: {value}", subsequent="  "))
    for name, lines in detail.sections.items():
        click.echo(f"\n{name.capitalize()}")
        for line in lines or ["(none recorded)"]:
            click.echo(wrap(line, "  ", "    "))
    click.echo("\nRecent history")
    for e in detail.recent:
        text = f"{e.at}  {entry_text(e)}"
        click.echo(wrap(text, "  ", " " * 14))


def _kb_line(kb: dict[str, Any] | None, view: Any) -> str | None:
    if kb is None:
        from states.lifecycle import MAIN_LINE

        if view.state not in MAIN_LINE[MAIN_LINE.index("mou_signed") :]:
            return None
        return _(
            "numbers and date not recorded; record them with: aksansi mou record {code} "
            "--number-pemda N --number-aksansi N --signed-on YYYY-MM-DD"
        ).format(code=view.code)
    return _(
        "Nomor {pemda} dan Nomor {aksansi}, signed {signed}, {years} year(s), "
        "in force until {expires}"
    ).format(
        pemda=kb["number_pemda"],
        aksansi=kb["number_aksansi"],
        signed=kb["signed_on"],
        years=kb["years"],
        expires=kb["expires_on"],
    )


def detail_json(detail: Any) -> dict[str, Any]:
    data = plain(detail.region)
    data.update(
        {
            "chapter_formed_on": detail.chapter_formed_on,
            "kb": detail.kb,
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
    from workflow.domain import clock

    past = result.as_of < clock.today()
    due = "" if past else f", {result.due_this_week} with something due within 7 days"
    overdue = _(", {n} overdue").format(n=result.overdue)
    click.echo(
        wrap(
            f"Board {result.as_of}: {result.total} regions, {result.blocked} blocked{due}{overdue}"
        )
    )
    if result.stalled_days is not None:
        shown = sum(group.count for group in result.stages)
        click.echo(
            _(
                "Stalled: {n} region(s) whose next action is overdue by more than {days} working "
                "day(s)."
            ).format(n=shown, days=result.stalled_days)
        )
    if not result.total:
        click.echo(wrap(NO_REGIONS))
    for group in result.stages:
        click.echo(f"\n{group.label} ({group.state}) — {group.count}")
        if group.count > LARGE_GROUP:
            click.echo(
                f"  {group.count} regions; list them with "
                f"'aksansi region list --state {group.state}'"
            )
            continue
        rows = [
            (v.code, v.name, _days(v), _blockers(v), _ball(v), _next_action(v))
            for v in group.regions
        ]
        headers = ("Code", "Region", "Days", "Blockers", _("Ball"), _("Next action (due)"))
        click.echo(columns(headers, rows, width=80))
        for v in group.regions:
            if v.subject:
                click.echo(wrap(f"{v.code} {v.subject}", subsequent=" " * 6))
    _board_footer(result)


def _board_footer(result: Any) -> None:
    if any(v.days_in_state is None for g in result.stages for v in g.regions):
        click.echo("\n" + DAYS_UNKNOWN)
    if any(v.next_action for g in result.stages for v in g.regions):
        click.echo(
            wrap(
                _(
                    "Ball: whose move it is (us: the Secretariat). +N: overdue by N working days. "
                    "aksansi today lists each action in full."
                )
            )
        )
    if result.moved_since:
        click.echo(f"\nMoved since {result.as_of}:")
    for move in result.moved_since:
        click.echo(f"  {move['on']}  {move['name']}: {move['from']} → {move['to']}")


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
    for line in result.notes:
        click.echo(f"  {line}")
    for blocker in result.resolved:
        click.echo(
            wrap(
                _("Resolved blocker #{id} ({type}): its cause ended with {event}.").format(
                    id=blocker["id"], type=blocker["type"], event=result.event
                ),
                "  ",
                "    ",
            )
        )
    for follow_up in result.cancelled:
        click.echo(
            wrap(
                _("Cancelled follow-up #{id}: {text}").format(
                    id=follow_up["id"], text=follow_up["text"]
                ),
                "  ",
                "    ",
            )
        )


def events(view: Any) -> None:
    click.echo(f"{view.region} ({view.code}) is at {view.state}.")
    allowed = [e for e in view.events if e.allowed]
    click.echo("Allowed now:" if allowed else "No event is allowed now.")
    width = max((len(e.to or "(no change)") for e in allowed), default=0)
    for e in allowed:
        click.echo(f"  {e.event:<20} → {e.to or '(no change)':<{width}}  {e.label}")
    refused = [e for e in view.events if e.from_here and not e.allowed]
    if refused:
        click.echo("Not yet (what is missing):")
    for e in refused:
        click.echo(wrap(f"{e.event:<20} {e.reason}", "  ", " " * 23))


def history(view: Any) -> None:
    click.echo(f"History of {view.region} ({view.code})")
    for e in view.entries:
        click.echo(history_line(e))
