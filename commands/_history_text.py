"""One readable line per audit row, for `history` and `region show`.

Every audit kind has a list of segments here (one place, data only). A segment is a
format string over the row's details; it is shown only when every field it names has a
value, so optional facts ("replacing …", "letter …") appear only when recorded. The
row's note follows after a dash. An unknown kind falls back to its key=value details.
"""

from __future__ import annotations

import string
import textwrap
from typing import Any

from workflow.i18n import N_, _

NBSP = "\u00a0"  # keeps "[by …, recorded …]" in one piece when wrapping
SUMMARIES: dict[str, tuple[str, ...]] = {
    "region_added": ("region added at {to_state}", " (from {source})"),
    "blocker_opened": ("blocker #{blocker_id} opened: {type}",),
    "blocker_resolved": ("blocker #{blocker_id} resolved: {type}", ", open {days_open} days"),
    "draft": ("{agreement} draft version {version}", ", budget Rp{budget}"),
    "mou_recorded": (
        "KB recorded: signed {signed_on}, {years} year(s), until {expires_on}",
        " (corrects record #{replaces})",
    ),
    "letter": ("letter {letter_kind}",),  # the note carries its Hal and number
    "letter_received": ("letter received", " from {sender}"),
    "official_set": ("official: {position} is {name}", ", replacing {replaced}"),
    "official_updated": ("official: {position} {name} updated",),
    "reminder_added": ("reminder #{reminder_id} added", ", due {due_on}"),
    "reminder_done": ("reminder #{reminder_id} marked done",),
    "reminder_snoozed": ("reminder #{reminder_id} snoozed from {was_due_on} to {due_on}",),
    "reminder_issued": (
        "reminder #{reminder_id} issued",
        " ({rule})",
        ", letter {letter_number}",
        ", opened blocker {blocker}",
        ", skipped earlier step(s) #{skipped}",
        ", letter not made: {letter_error}",
        ", blocker not opened: {blocker_error}",
    ),
    "reminder_cancelled": ("reminder(s) #{reminder_ids} cancelled",),
    # The KSM import writes a whole sentence as the note: nothing to add before it.
    "ksm_added": (),
    "ksm_updated": (),
    "facility_added": (),
    "assessment_recorded": (),
    "assessment_updated": (),
    "config": ("profile: {key} = {value}",),
    # Corrections: each points at what it corrects (the corrected row stays, marked).
    "reverted": (
        N_("undo of #{reverts}: {reverted_event} of {reverted_on} reverted"),
        N_(", back to {state_now}"),
        N_("; follow-up(s) #{reminders_undone} undone"),
        N_("; #{reminders_pending_again} pending again"),
        N_("; blocker(s) #{blockers_reopened} open again"),
    ),
    "amended": (N_("note of #{entry_id} amended"), N_(" (was: {old_note})")),
}

# The marks on a corrected row (in every view that prints entries).
REVERTED_MARK = N_("[reverted by #{id}]")
AMENDED_MARK = N_("[note amended, #{id}]")


def entry_text(e: Any) -> str:
    """`blocker #3 opened: no_budget — Tidak ada pagu 2027` and the like."""
    if e.kind == "transition":
        text = f"{e.event}: {e.from_} → {e.to}"
    elif e.kind in ("milestone", "seed"):
        text = f"{e.kind}: {e.event or e.to}"
    elif e.kind in SUMMARIES:
        facts = {**e.details, "to_state": e.to, "from_state": e.from_}
        text = "".join(_segment(s, facts) for s in SUMMARIES[e.kind])
        if not text:
            return (e.note or e.kind) + _scheduled(e.details) + _marks(e)
    else:
        shown = {k: v for k, v in e.details.items() if not isinstance(v, (dict, list))}
        text = e.kind + (" " + ", ".join(f"{k}={v}" for k, v in shown.items()) if shown else "")
    return text + _scheduled(e.details) + (f" — {e.note}" if e.note else "") + _marks(e)


def _marks(e: Any) -> str:
    """` [note amended, #16] [reverted by #15]`: what corrected this row."""
    marks = ""
    if getattr(e, "amended_by", None):
        marks += " " + _(AMENDED_MARK).format(id=e.amended_by)
    if getattr(e, "reverted_by", None):
        marks += " " + _(REVERTED_MARK).format(id=e.reverted_by)
    return marks


def _scheduled(details: dict[str, Any]) -> str:
    due = [item["due_on"] for item in details.get("scheduled") or []]
    return f"; follow-up(s) due {', '.join(due)}" if due else ""


def history_line(e: Any, width: int = 80) -> str:
    """The entry, who recorded it and when, wrapped under its date for an 80-column terminal."""
    who = f"[by {e.by}, recorded {e.recorded_at:%Y-%m-%d %H:%M} UTC]".replace(" ", NBSP)
    ident = f" #{e.id}" if getattr(e, "id", None) else ""  # what `amend` takes
    text = textwrap.fill(
        f"{entry_text(e)}  {who}{ident}",
        width=width,
        initial_indent=f"{e.at}  ",
        subsequent_indent=" " * 12,
        break_on_hyphens=False,  # file names and letter numbers stay whole
    )
    return text.replace(NBSP, " ")


def wrap(text: str, initial: str = "", subsequent: str = "") -> str:
    """80 columns; letter numbers (001/SEK-AKSANSI/…) and file names are never split."""
    return textwrap.fill(
        text,
        width=80,
        initial_indent=initial,
        subsequent_indent=subsequent,
        break_on_hyphens=False,
    )


def _segment(template: str, details: dict[str, Any]) -> str:
    template = _(template)
    names = [name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name]
    values = {name: _plain(details.get(name)) for name in names}
    if not all(values.values()):
        return ""
    return template.format(**values)


def _plain(value: Any) -> str:
    if value is None or value is False or value == [] or value == "":
        return ""
    if value is True:
        return "yes"
    if isinstance(value, list):
        return ", #".join(str(v) for v in value) if value else ""
    if isinstance(value, int) and value >= 100_000:
        return f"{value:,}".replace(",", ".")
    return str(value)
