"""Text output of the blocker and official commands: plain text for an 80-column terminal."""

from __future__ import annotations

from typing import Any

import click

from commands._common import plain
from commands._history_text import entry_text
from workflow.i18n import _, label, ngettext


def _print_columns(headers: list[str], rows: list[list[str]]) -> None:
    from commands._table import columns

    click.echo(columns(headers, rows, width=80))


def added(view: Any) -> None:
    from states.blockers import blocker_type

    _say(
        _(
            "Blocker #{id} opened on {region_name}: {type} ({label}), {opened_on}, by {opened_by}."
        ).format(
            id=view.id,
            region_name=view.region_name,
            type=view.type,
            label=label({"label_id": view.label_id, "label_en": view.label_en}),
            opened_on=view.opened_on,
            opened_by=view.opened_by,
        ),
        indent=0,
    )
    click.echo(_("Playbook:"))
    for n, step in enumerate(blocker_type(view.type)["playbook"], start=1):
        _say(f"{n}. {label(step, 'text')}", hang=3)
    click.echo(_("In full, with what was done since: aksansi blocker show {id}").format(id=view.id))


def resolved(view: Any) -> None:
    _say(
        _(
            ngettext(
                "Blocker #{id} ({type}) on {region_name} resolved on {resolved_on} by "
                "{resolved_by}, after {days_open} day.",
                "Blocker #{id} ({type}) on {region_name} resolved on {resolved_on} by "
                "{resolved_by}, after {days_open} days.",
                view.days_open,
            )
        ).format(
            id=view.id,
            type=view.type,
            region_name=view.region_name,
            resolved_on=view.resolved_on,
            resolved_by=view.resolved_by,
            days_open=view.days_open,
        ),
        indent=0,
    )


def blocker_table(views: list[Any]) -> None:
    if not views:
        click.echo(_("No blockers."))
        return
    rows = [
        [
            str(v.id),
            v.region,
            v.region_name.removeprefix("Kabupaten ").removeprefix("Kota "),
            v.type,
            str(v.opened_on),
            str(v.days_open),
            _closed(v),
            v.note or "",
        ]
        for v in views
    ]
    headers = [_("ID"), _("Code"), _("Region"), _("Type"), _("Opened"), _("Days")]
    _print_columns([*headers, _("Resolved"), _("Note")], rows)
    still_open = sum(1 for v in views if v.resolved_on is None and v.voided_on is None)
    click.echo(
        ngettext("{n} blocker, {open} open.", "{n} blockers, {open} open.", len(views)).format(
            n=len(views), open=still_open
        )
    )


def _closed(v: Any) -> str:
    if v.voided_on is not None:
        return _("void {day}").format(day=v.voided_on)
    return "-" if v.resolved_on is None else str(v.resolved_on)


def types(kinds: list[dict[str, Any]]) -> None:
    for kind in kinds:
        click.echo(kind["id"])
        _say(label(kind))
        _say(_("typical stages: {items}").format(items=", ".join(kind["stages"])), hang=16)
        for n, step in enumerate(kind["playbook"], start=1):
            letters = f" [{', '.join(step['letters'])}]" if step["letters"] else ""
            _say(f"{n}. {label(step, 'text')}{letters}", hang=3)


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
    if b.resolved_on is None:
        state = _("open")
    else:
        state = _("resolved {on} by {by}").format(on=b.resolved_on, by=b.resolved_by)
    if b.voided_on is not None:
        state = _("void since {day} by {who} ({note})").format(
            day=b.voided_on, who=b.voided_by, note=b.void_note
        )
    who = _("automatically") if b.automatic else _("by {by}").format(by=b.opened_by)
    click.echo(
        _("Blocker #{id} {region_name} ({code}): {type}").format(
            id=b.id, region_name=b.region_name, code=b.region, type=b.type
        )
    )
    _say(label({"label_id": b.label_id, "label_en": b.label_en}))
    days = ngettext("{n} day", "{n} days", b.days_open).format(n=b.days_open)
    _say(
        _("opened {on} {who}; {state}; {days}").format(
            on=b.opened_on, who=who, state=state, days=days
        )
    )
    for title, line in ((_("note"), b.note), (_("resolution"), b.resolution_note)):
        if line:
            _say(f"{title}: {line}", hang=len(title) + 2)
    click.echo("\n" + _("Playbook"))
    sent = _("sent")
    for step in d.playbook:
        letters = "".join(
            f" [{k}{' ' + sent if k in step.letters_sent else ''}]" for k in step.letters
        )
        text = label({"text_id": step.text_id, "text_en": step.text_en}, "text")
        _say(f"{step.number}. {text}{letters}", hang=3)
    _entries(_("Done about it"), d.done)
    _entries(_("Meanwhile in the region"), d.meanwhile)


def _entries(title: str, entries: list[Any]) -> None:
    click.echo(f"\n{title}")
    if not entries:
        _say(_("(nothing recorded)"))
    for e in entries:
        by = _("by {by}").format(by=e.by)
        _say(f"{e.at}  {entry_text(e)} ({by})", hang=12)


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
    headers = [_("Type"), _("Now"), _("Ever"), _("Open"), _("All")]
    _print_columns([*headers, _("Median days"), _("Days total")], table)
    never = len(s.types) - len(rows)
    click.echo(_("Now/Ever: regions affected; Open/All: blockers. Sorted by days lost."))
    if never:
        click.echo(
            ngettext(
                "{n} other type never recorded.", "{n} other types never recorded.", never
            ).format(n=never)
        )
    import textwrap

    click.echo(textwrap.fill(s.method, width=80))


def official_set(r: Any) -> None:
    o = r.official
    if r.outcome == "unchanged":
        click.echo(
            _("{name} already holds {position} at {region}; nothing changed.").format(
                name=o.name, position=o.position, region=r.region
            )
        )
    elif r.outcome == "updated":
        click.echo(
            _("{name} ({position}, {region}): contact details updated.").format(
                name=o.name, position=o.position, region=r.region
            )
        )
    elif r.outcome == "new":
        click.echo(
            _("{name} holds {position} at {region} since {since}.").format(
                name=o.name, position=o.position, region=r.region, since=o.since
            )
        )
    else:
        _say(
            _(
                "Rotation at {region}: {position} was {name}, is {name2} since {since}. Blocker "
                "#{blocker_id} (official_rotated) opened."
            ).format(
                region=r.region,
                position=o.position,
                name=r.left.name,
                name2=o.name,
                since=o.since,
                blocker_id=r.blocker_id,
            ),
            indent=0,
        )
        _say(
            _(
                "An introduction letter to {name} is scheduled ('aksansi remind list --region "
                "{code}'); the playbook, with the audience to ask for: 'aksansi blocker show "
                "{blocker_id}'."
            ).format(name=o.name, code=r.code, blocker_id=r.blocker_id),
            indent=0,
        )


def official_table(listing: Any) -> None:
    when = _("every tenure") if listing.history else _("current holders")
    click.echo(
        _("{region} ({code}): officials, {when}").format(
            region=listing.region, code=listing.code, when=when
        )
    )
    rows = [
        [o.position, o.name, str(o.since), str(o.until or "-"), _contact(o)]
        for o in listing.officials
    ]
    if rows:
        _print_columns([_("Position"), _("Name"), _("Since"), _("Until"), _("Contact")], rows)
    else:
        click.echo(_("  (none recorded; add one with 'aksansi official set')"))


def _contact(o: Any) -> str:
    return " ".join(x for x in (o.email, o.phone) if x) or "-"
