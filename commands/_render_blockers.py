"""Text output of the blocker and official commands: plain text for an 80-column terminal."""

from __future__ import annotations

from typing import Any

import click

from commands._common import plain
from commands._history_text import entry_text


def _print_columns(headers: list[str], rows: list[list[str]]) -> None:
    from commands._table import columns

    click.echo(columns(headers, rows, width=80))


def added(view: Any) -> None:
    from states.blockers import blocker_type

    _say(
        f"Blocker #{view.id} opened on {view.region_name}: {view.type} "
        f"({view.label_en}), {view.opened_on}, by {view.opened_by}.",
        indent=0,
    )
    click.echo("Playbook:")
    for n, step in enumerate(blocker_type(view.type)["playbook"], start=1):
        _say(f"{n}. {step['text_en']}", hang=3)
    click.echo(f"In full, with what was done since: aksansi blocker show {view.id}")


def resolved(view: Any) -> None:
    _say(
        f"Blocker #{view.id} ({view.type}) on {view.region_name} resolved on "
        f"{view.resolved_on} by {view.resolved_by}, after {view.days_open} day(s).",
        indent=0,
    )


def blocker_table(views: list[Any]) -> None:
    if not views:
        click.echo("No blockers.")
        return
    rows = [
        [
            str(v.id),
            v.region,
            v.region_name.removeprefix("Kabupaten ").removeprefix("Kota "),
            v.type,
            str(v.opened_on),
            str(v.days_open),
            "-" if v.resolved_on is None else str(v.resolved_on),
            v.note or "",
        ]
        for v in views
    ]
    _print_columns(["ID", "Code", "Region", "Type", "Opened", "Days", "Resolved", "Note"], rows)
    still_open = sum(1 for v in views if v.resolved_on is None)
    click.echo(f"{len(views)} blocker(s), {still_open} open.")


def types(kinds: list[dict[str, Any]]) -> None:
    for kind in kinds:
        click.echo(kind["id"])
        _say(f"{kind['label_en']} / {kind['label_id']}")
        _say(f"typical stages: {', '.join(kind['stages'])}", hang=16)
        for n, step in enumerate(kind["playbook"], start=1):
            letters = f" [{', '.join(step['letters'])}]" if step["letters"] else ""
            _say(f"{n}. {step['text_en']}{letters}", hang=3)


def _say(text: str, indent: int = 2, hang: int = 0) -> None:
    """One paragraph wrapped to 80 columns, continuation lines indented under the text."""
    import textwrap

    click.echo(
        textwrap.fill(
            text,
            width=80,
            initial_indent=" " * indent,
            subsequent_indent=" " * (indent + hang),
            break_on_hyphens=False,
        )
    )


def detail(d: Any) -> None:
    b = d.blocker
    state = "open" if b.resolved_on is None else f"resolved {b.resolved_on} by {b.resolved_by}"
    who = "automatically" if b.automatic else f"by {b.opened_by}"
    click.echo(f"Blocker #{b.id} {b.region_name} ({b.region}): {b.type}")
    _say(f"{b.label_en} / {b.label_id}")
    _say(f"opened {b.opened_on} {who}; {state}; {b.days_open} day(s)")
    for label, line in (("note", b.note), ("resolution", b.resolution_note)):
        if line:
            _say(f"{label}: {line}", hang=len(label) + 2)
    click.echo("\nPlaybook")
    for step in d.playbook:
        letters = "".join(
            f" [{k}{' sent' if k in step.letters_sent else ''}]" for k in step.letters
        )
        _say(f"{step.number}. {step.text_en}{letters}", hang=3)
        _say(step.text_id, indent=5)
    _entries("Done about it", d.done)
    _entries("Meanwhile in the region", d.meanwhile)


def _entries(title: str, entries: list[Any]) -> None:
    click.echo(f"\n{title}")
    if not entries:
        _say("(nothing recorded)")
    for e in entries:
        _say(f"{e.at}  {entry_text(e)} (by {e.by})", hang=12)


def detail_json(d: Any) -> dict[str, Any]:
    data: dict[str, Any] = plain(d.blocker)
    data.update(
        {
            "signal": d.signal_en,
            "stages": d.stages,
            "playbook": plain(d.playbook),
            "done": [e.as_json() for e in d.done],
            "meanwhile": [e.as_json() for e in d.meanwhile],
        }
    )
    return data


def stats(s: Any) -> None:
    rows = sorted((t for t in s.types if t.total), key=lambda t: -t.days_open_total)
    table = [
        [
            t.type,
            str(t.regions_now),
            str(t.regions_ever),
            str(t.open),
            str(t.total),
            "-" if t.median_days_open is None else f"{t.median_days_open:g}",
            str(t.days_open_total),
        ]
        for t in rows
    ]
    _print_columns(["Type", "Now", "Ever", "Open", "All", "Median days", "Days total"], table)
    never = len(s.types) - len(rows)
    click.echo("Now/Ever: regions affected; Open/All: blockers. Sorted by days lost.")
    if never:
        click.echo(f"{never} other type(s) never recorded.")
    import textwrap

    click.echo(textwrap.fill(s.method, width=80))


def official_set(r: Any) -> None:
    o = r.official
    if r.outcome == "unchanged":
        click.echo(f"{o.name} already holds {o.position} at {r.region}; nothing changed.")
    elif r.outcome == "updated":
        click.echo(f"{o.name} ({o.position}, {r.region}): contact details updated.")
    elif r.outcome == "new":
        click.echo(f"{o.name} holds {o.position} at {r.region} since {o.since}.")
    else:
        _say(
            f"Rotation at {r.region}: {o.position} was {r.left.name}, is {o.name} since "
            f"{o.since}. Blocker #{r.blocker_id} (official_rotated) opened.",
            indent=0,
        )
        _say(
            f"An introduction letter to {o.name} is scheduled "
            f"('aksansi remind list --region {r.code}'); the playbook, with the audience "
            f"to ask for: 'aksansi blocker show {r.blocker_id}'.",
            indent=0,
        )


def official_table(listing: Any) -> None:
    when = "every tenure" if listing.history else "current holders"
    click.echo(f"{listing.region} ({listing.code}): officials, {when}")
    rows = [
        [o.position, o.name, str(o.since), str(o.until or "-"), _contact(o)]
        for o in listing.officials
    ]
    if rows:
        _print_columns(["Position", "Name", "Since", "Until", "Contact"], rows)
    else:
        click.echo("  (none recorded; add one with 'aksansi official set')")


def _contact(o: Any) -> str:
    return " ".join(x for x in (o.email, o.phone) if x) or "-"
