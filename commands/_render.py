"""Text output of the region and lifecycle commands (plain columns, 80 wide)."""

from __future__ import annotations

from typing import Any

import click

from commands._common import plain
from commands._history_text import entry_text, history_line, wrap
from commands._table import columns
from workflow.i18n import N_, _, label, ngettext

LARGE_GROUP = 12
KINDS = {"kabupaten": N_("kabupaten"), "kota": N_("kota")}
SECTIONS = {  # the section keys of `region show`, as headings
    "officials": N_("Officials"),
    "blockers": N_("Blockers"),
    "reminders": N_("Reminders"),
    "letters": N_("Letters"),
    "documents": N_("Documents"),
    "ksm": N_("KSM"),
}
DAYS_UNKNOWN = N_("Days ?: loaded from the portfolio; the day it reached its stage is unknown.")


def _blockers(view: Any) -> str:
    return ", ".join(b["type"] for b in view.open_blockers) or "-"


def _next_due(view: Any, width: int | None = 40) -> str:
    r = view.next_reminder
    return "-" if not r else f"{r['due_on']} {_(r['text'])}"[:width]


BALL = {"secretariat": N_("us"), "pemda": N_("Pemda")}


def _ball(view: Any) -> str:
    action = view.next_action
    return "-" if not action else _(BALL[action["who"]])


def _next_action(view: Any) -> str:
    """`2026-12-08 Prepare the MoA…`, with `+3` when overdue by three working days."""
    action = view.next_action
    if not action:
        return "-"
    late = f" +{action['overdue_days']}" if action["overdue_days"] else ""
    return f"{action['due_on']}{late} {getattr(action, 'text', action['action'])}"


def _next_action_line(view: Any) -> str | None:
    """`us — 2026-12-16 No sanitation budget line: …` in full, for `region show`."""
    return f"{_ball(view)} — {_next_action(view)}" if view.next_action else None


def _days(view: Any) -> str:
    return "?" if view.days_in_state is None else str(view.days_in_state)


def init_result(result: Any) -> None:
    if result.created:
        click.echo(
            _("Created the database {database} (schema {revision}).").format(
                database=result.database, revision=result.revision_after
            )
        )
        _seed_line(result)
        return
    if result.revision_before != result.revision_after:
        moved = _("Database {database}: upgraded from {before} to {after}.")
    else:
        moved = _("Database {database}: already at {after}.")
    before, after = result.revision_before, result.revision_after
    click.echo(moved.format(database=result.database, before=before, after=after))
    _seed_line(result)


def _seed_line(result: Any) -> None:
    if result.seed is not None:
        added, there = len(result.seed.added), len(result.seed.already_there)
        click.echo(
            ngettext(
                "Seed: {added} region added, {there} already there.",
                "Seed: {added} regions added, {there} already there.",
                added,
            ).format(added=added, there=there)
        )


NO_REGIONS = N_(
    "No regions yet: load the portfolio with 'aksansi init --seed', or the national "
    "list with 'aksansi region import FILE.csv'."
)


def region_table(views: list[Any], state: str | None = None) -> None:
    if not views:
        click.echo(
            _("No region is at {state}.").format(state=state) if state else wrap(_(NO_REGIONS))
        )
        return
    rows = [(v.code, v.name, v.state, _days(v), _blockers(v), _next_due(v)) for v in views]
    headers = (_("Code"), _("Region"), _("State"), _("Days"), _("Blockers"), _("Next due"))
    click.echo(columns(headers, rows))
    click.echo(ngettext("{n} region.", "{n} regions.", len(views)).format(n=len(views)))
    if any(v.days_in_state is None for v in views):
        click.echo(wrap(_(DAYS_UNKNOWN)))


def region_detail(detail: Any) -> None:
    v = detail.region
    province = v.province or _("province unknown")
    click.echo(f"{v.name} ({v.code}), {_(KINDS.get(v.kind, v.kind))}, {province}")
    if v.state_since:
        since = ngettext(
            "since {since} ({days} day)", "since {since} ({days} days)", v.days_in_state or 0
        ).format(since=v.state_since, days=v.days_in_state)
    else:
        since = _("since: not recorded")
    from states import lifecycle

    state = _("State: {state} — {label}, {since}").format(
        state=v.state, label=label(lifecycle.state(v.state)), since=since
    )
    click.echo(wrap(state, subsequent="  "))
    for title, value in (
        (_("Seat (ibu kota)"), v.seat or _seat_missing(v)),
        (_("Administrative"), _administrative(v)),
        (_("On hold from"), v.held_from),
        (_("Also known as"), ", ".join(v.aliases)),
        (_("Subject"), v.subject),
        (_("AKSANSI Daerah formed"), detail.chapter_formed_on),
        (_("Kesepakatan Bersama"), _kb_line(detail.kb, v)),
        (_("Open blockers"), _blockers(v)),
        (_("Next action"), _next_action_line(v)),
        (_("Next reminder"), _next_due(v, width=None)),
    ):
        if value:
            click.echo(wrap(f"{title}: {value}", subsequent="  "))
    for name, lines in detail.sections.items():
        click.echo(f"\n{_(SECTIONS.get(name, name.capitalize()))}")
        for line in lines or [_("(none recorded)")]:
            click.echo(wrap(line, "  ", "    "))
    click.echo("\n" + _("Recent history"))
    for e in detail.recent:
        text = f"{e.at}  {entry_text(e)}"
        click.echo(wrap(text, "  ", " " * 14))


def _seat_missing(view: Any) -> str:
    if view.kind == "kota":
        return _("not recorded (letters write the city's name)")
    return _("not recorded; set it with: aksansi region set {code} --seat TEXT").format(
        code=view.code
    )


def _administrative(view: Any) -> str:
    if not view.administrative:
        return ""
    return _(
        "yes, of {province}: no DPRD or APBD of its own; letters copy the provincial "
        "government, and an MoU/MoA would be with the province"
    ).format(province=view.province or _("its province"))


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
    data: dict[str, Any] = plain(detail.region)
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
        ngettext(
            "Imported {added} new region at prospect; "
            "{there} already known kept their state and history.",
            "Imported {added} new regions at prospect; "
            "{there} already known kept their state and history.",
            result.added,
        ).format(added=result.added, there=result.already_there)
    )
    if result.seats_filled:
        count = result.seats_filled
        message = ngettext(
            "Seat set for {n} region already known.",
            "Seats set for {n} regions already known.",
            count,
        )
        click.echo(message.format(n=count))
    for alias in result.aliases_added:
        click.echo("  " + _("also known as: {alias}").format(alias=alias))


def board(result: Any) -> None:
    from workflow.domain import clock

    past = result.as_of < clock.today()
    head = ngettext(
        "Board {as_of}: {total} region, {blocked} blocked",
        "Board {as_of}: {total} regions, {blocked} blocked",
        result.total,
    ).format(as_of=result.as_of, total=result.total, blocked=result.blocked)
    if not past:
        head += _(", {due} with something due within 7 days").format(due=result.due_this_week)
    head += _(", {n} overdue").format(n=result.overdue)
    click.echo(wrap(head))
    if result.stalled_days is not None:
        shown = sum(group.count for group in result.stages)
        click.echo(
            _(
                "Stalled: {n} region(s) whose next action is overdue by more than {days} working "
                "day(s)."
            ).format(n=shown, days=result.stalled_days)
        )
    if not result.total:
        click.echo(wrap(_(NO_REGIONS)))
    headers = (_("Code"), _("Region"), _("Days"), _("Blockers"), _("Ball"), _("Next action (due)"))
    for group in result.stages:
        click.echo(f"\n{group.label} ({group.state}) — {group.count}")
        if group.count > LARGE_GROUP:
            click.echo(
                "  "
                + _("{count} regions; list them with 'aksansi region list --state {state}'").format(
                    count=group.count, state=group.state
                )
            )
            continue
        rows = [
            (v.code, v.name, _days(v), _blockers(v), _ball(v), _next_action(v))
            for v in group.regions
        ]
        click.echo(columns(headers, rows, width=80))
        for v in group.regions:
            if v.subject:
                click.echo(wrap(f"{v.code} {v.subject}", subsequent=" " * 6))
            if v.kb_expires_on:
                click.echo(wrap(f"{v.code} {_kb_end(v, result.as_of)}", subsequent=" " * 6))
            window = getattr(v.next_action, "window", "")
            if window:
                click.echo(wrap(f"{v.code} {window}", subsequent=" " * 6))
    _board_footer(result)


# Past these states the PKS is signed: the KB's end is no alarm any more.
_PKS_SIGNED = ("moa_signed", "implementation", "closed")


def _kb_end(view: Any, as_of: Any) -> str:
    ends = view.kb_expires_on.isoformat()
    if view.kb_expires_on < as_of and view.state not in _PKS_SIGNED:
        return _(
            "KB EXPIRED on {day} and no PKS signed: extend or renew it (mou_extension)."
        ).format(day=ends)
    return _("KB in force until {day}").format(day=ends)


def _board_footer(result: Any) -> None:
    if any(v.days_in_state is None for g in result.stages for v in g.regions):
        click.echo("\n" + wrap(_(DAYS_UNKNOWN)))
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
        click.echo("\n" + _("Moved since {day}:").format(day=result.as_of))
    for move in result.moved_since:
        click.echo(f"  {move['on']}  {move['name']}: {move['from']} → {move['to']}")


def advance_result(result: Any) -> None:
    facts = {
        "region": result.region,
        "event": result.event,
        "on": result.on,
        "by": result.by,
        "from_state": result.from_state,
        "to_state": result.to_state,
    }
    if result.from_state == result.to_state:
        click.echo(_("{region}: {event} recorded on {on} by {by}.").format(**facts))
    else:
        click.echo(
            _("{region}: {from_state} → {to_state} ({event}, {on}, by {by}).").format(**facts)
        )
    if result.forced_past:
        click.echo(
            _("Signed despite open blockers: {types} (recorded).").format(
                types=", ".join(result.forced_past)
            )
        )
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
    click.echo(
        _("{region} ({code}) is at {state}.").format(
            region=view.region, code=view.code, state=view.state
        )
    )
    allowed = [e for e in view.events if e.allowed]
    click.echo(_("Allowed now:") if allowed else _("No event is allowed now."))
    same = _("(no change)")
    width = max((len(e.to or same) for e in allowed), default=0)
    for e in allowed:
        click.echo(f"  {e.event:<20} → {e.to or same:<{width}}  {e.label}")
    refused = [e for e in view.events if e.from_here and not e.allowed]
    if refused:
        click.echo(_("Not yet (what is missing):"))
    for e in refused:
        click.echo(wrap(f"{e.event:<20} {e.reason}", "  ", " " * 23))


def history(view: Any) -> None:
    click.echo(_("History of {region} ({code})").format(region=view.region, code=view.code))
    for e in view.entries:
        click.echo(history_line(e))
