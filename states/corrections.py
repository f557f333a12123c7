"""Corrections as data: what `undo` may revert and what stands in its way.

Corrections append, never erase: an undo is a `reverted` audit row pointing at the row it
reverts (which stays, marked); an amendment is an `amended` row carrying the old text.
The engine (`workflow/domain/corrections/`), the docs and the tests read these tables.
"""

from __future__ import annotations

from typing import Final

# The audit kinds `aksansi undo REGION` reverts: the region's latest lifecycle event.
UNDOABLE_KINDS: Final = ("transition", "milestone", "approval")

# The audit kinds a correction writes; they are never themselves undone or counted.
CORRECTION_KINDS: Final = (
    "reverted",
    "amended",
    "official_corrected",
    "official_ended",
    "blocker_voided",
    "blocker_edited",
    "letter_voided",
)

# Reminder statuses an undo can put right: the follow-ups the event scheduled that are
# still waiting are cancelled ("undone"); the ones it cancelled become pending again.
UNDONE_WHILE: Final = ("pending",)
REPENDED_FROM: Final = ("cancelled",)
# A follow-up the event scheduled that has gone further (issued, done, skipped) happened
# because of the event: the event can no longer be undone.
DEPENDENT_REMINDER_STATUSES: Final = ("issued", "done", "skipped")

# What the reminders an undo cancels say, and the reason kept on them.
UNDONE_REASON: Final = "undone: {event} of {on} was reverted (#{entry_id})"
