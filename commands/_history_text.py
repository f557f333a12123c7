"""One readable line per audit row, for `history` and `region show`.

Every audit kind has a list of segments in `states/audit.py` (one place, data only). A
segment is a format string over the row's details; it is shown only when every field it
names has a value, so optional facts ("replacing …", "letter …") appear only when
recorded. The row's note follows after a dash. An unknown kind falls back to its
key=value details.
"""

from __future__ import annotations

import string
import textwrap
from typing import Any

from states.audit import SUMMARIES
from workflow.domain.clock import shown_moment
from workflow.i18n import N_, _, ngettext

NBSP = "\u00a0"  # keeps "[by …, recorded …]" in one piece when wrapping

# The marks on a corrected row (in every view that prints entries).
REVERTED_MARK = N_("[reverted by #{id}]")
AMENDED_MARK = N_("[note amended, #{id}]")


def entry_text(e: Any) -> str:
    """`blocker #3 opened: no_budget — Tidak ada pagu 2027` and the like."""
    if e.kind == "transition":
        text = f"{e.event}: {e.from_} → {e.to}"
    elif e.kind == "milestone":
        text = _("milestone: {event}").format(event=e.event or e.to)
    elif e.kind == "seed":
        text = _("seed: {state}").format(state=e.event or e.to)
    elif e.kind in SUMMARIES:
        facts = {**e.details, "to_state": e.to, "from_state": e.from_}
        text = "".join(_segment(s, facts) for s in SUMMARIES[e.kind])
        if not text:
            return str(e.note or e.kind) + _scheduled(e.details) + _marks(e)
    else:
        shown = {k: v for k, v in e.details.items() if not isinstance(v, (dict, list))}
        text = e.kind + (" " + ", ".join(f"{k}={v}" for k, v in shown.items()) if shown else "")
    return text + _scheduled(e.details) + _note(e) + _marks(e)


def _note(e: Any) -> str:
    """` — the note`. A reminder's row carries its rule's text as written then (English, the
    catalog's msgid): shown in the interface language; a person's note is shown as typed."""
    if not e.note:
        return ""
    return " — " + (_(e.note) if e.kind.startswith("reminder_") else e.note)


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
    if not due:
        return ""
    return ngettext("; follow-up due {days}", "; follow-ups due {days}", len(due)).format(
        days=", ".join(due)
    )


def history_line(e: Any, width: int = 80) -> str:
    """The entry, who recorded it and when, wrapped under its date for an 80-column terminal."""
    recorded = shown_moment(e.recorded_at)
    who = "[" + _("by {by}, recorded {at}").format(by=e.by, at=recorded) + "]"
    who = who.replace(" ", NBSP)
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
        return _("yes")
    if isinstance(value, list):
        return ", #".join(str(v) for v in value) if value else ""
    if isinstance(value, int) and value >= 100_000:
        return f"{value:,}".replace(",", ".")
    return str(value)
