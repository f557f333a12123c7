"""Text output of the corrections commands (undo, amend, void, correct, end)."""

from __future__ import annotations

from typing import Any

import click

from commands._history_text import wrap
from workflow.i18n import _


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
