"""Text output of the corrections commands (undo, amend, void, correct, end)."""

from __future__ import annotations

from typing import Any

import click

from commands._history_text import wrap
from workflow.i18n import N_, _


def _ids(ids: list[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)


def undo_result(r: Any) -> None:
    what = r.event or r.kind
    if r.kind == "transition":
        head = _("Undone: {event} of {on} (#{id}); {region} is back at {state}.").format(
            event=what, on=r.occurred_on, id=r.reverted_id, region=r.region, state=r.state_to
        )
    else:
        head = _("Undone: {event} of {on} (#{id}) for {region}.").format(
            event=what, on=r.occurred_on, id=r.reverted_id, region=r.region
        )
    click.echo(wrap(head, subsequent="  "))
    for label, ids in (
        (_("Follow-ups cancelled (undone)"), r.reminders_undone),
        (_("Follow-ups pending again"), r.reminders_pending_again),
        (_("Blockers open again"), r.blockers_reopened),
    ):
        if ids:
            click.echo(wrap(f"  {label}: {_ids(ids)}", subsequent="    "))
    click.echo(
        _("The history keeps both rows: the event, marked reverted, and the undo (#{id}).").format(
            id=r.reverted_by
        )
    )


def amend_result(r: Any) -> None:
    click.echo(
        wrap(
            _(
                "Amended the note of #{id} ({kind}); the old text stays in the audit (#{by})."
            ).format(id=r.entry_id, kind=r.kind, by=r.amended_by)
        )
    )


FIELD_LABELS = {
    "name": N_("name"),
    "email": N_("e-mail"),
    "phone": N_("phone"),
    "since": N_("since"),
}


def official_corrected(r: Any) -> None:
    o = r.official
    parts = [
        f"{_(FIELD_LABELS[field])} {old or '-'} → {new}" for field, (old, new) in r.changes.items()
    ]
    click.echo(
        wrap(
            _("Corrected {position} at {region}: {changes}. No rotation, no letter.").format(
                position=o.position, region=r.region, changes="; ".join(parts)
            ),
            subsequent="  ",
        )
    )


def official_ended(o: Any) -> None:
    click.echo(
        wrap(
            _(
                "{name} no longer holds {position} ({since} to {until}); nobody holds it now."
            ).format(name=o.name, position=o.position, since=o.since, until=o.until),
            subsequent="  ",
        )
    )


def blocker_voided(v: Any) -> None:
    click.echo(
        wrap(
            _(
                "Blocker #{id} ({type}) on {region} is void: kept in the log, left out of the "
                "board, the guards and the statistics."
            ).format(id=v.id, type=v.type, region=v.region_name)
        )
    )


def blocker_edited(v: Any) -> None:
    click.echo(
        wrap(
            _(
                "Blocker #{id} ({type}) on {region}: note amended; the old one stays in the audit."
            ).format(id=v.id, type=v.type, region=v.region_name)
        )
    )


def void_mark(v: Any) -> str:
    """The register list's mark of a void letter (in Indonesian: dibatalkan)."""
    return _("void") if v.void else ""


def letter_voided(v: Any) -> None:
    click.echo(
        wrap(
            _(
                "Letter {number} ({kind}, {region}) is void (dibatalkan): it stays in the "
                "register under its number, which is not given again, and no later letter "
                "cites it."
            ).format(number=v.number, kind=v.kind, region=v.region_name)
        )
    )


def letter_is_void(v: Any) -> None:
    click.echo(
        wrap(
            _("Letter {number} is void (dibatalkan) since {day}: {note}").format(
                number=v.number, day=v.voided_on, note=v.void_note
            )
        ),
        err=True,
    )
