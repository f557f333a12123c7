"""Every kind of audit row, with the line `history` shows for it (one list).

`workflow.domain.audit.record` refuses a kind that is not here, `commands/_history_text.py`
reads the summaries, and a test checks that every kind the code writes is listed (and
every listed kind is written somewhere).

A summary is a tuple of format strings over the row's details; a segment is shown only
when every field it names has a value, so optional facts ("replacing …") appear only when
recorded. The row's note follows after a dash.
"""

from __future__ import annotations

from typing import Final


def N_(message: str) -> str:
    """Marks a message for extraction, as `workflow.i18n.N_` does (states/ imports only the
    standard library); `_history_text` translates the segments when it shows them."""
    return message


# Lifecycle rows: their line is made from the event and states, not from a summary.
LIFECYCLE_KINDS: Final[tuple[str, ...]] = ("transition", "milestone", "seed")

SUMMARIES: Final[dict[str, tuple[str, ...]]] = {
    "region_added": (N_("region added at {to_state}"), N_(" (from {source})")),
    "blocker_opened": (N_("blocker #{blocker_id} opened: {type}"),),
    "blocker_resolved": (
        N_("blocker #{blocker_id} resolved: {type}"),
        N_(", open {days_open} days"),
    ),
    "draft": (N_("{agreement} draft version {version}"), N_(", budget Rp{budget}")),
    "mou_recorded": (
        N_("KB recorded: signed {signed_on}, {years} year(s), until {expires_on}"),
        N_(" (corrects record #{replaces})"),
    ),
    "letter": (N_("letter {letter_kind}"),),  # the note carries its Hal and number
    "letter_received": (N_("letter received"), N_(" from {sender}")),
    "approval": (N_("approval {item} done"), N_(" ({reference})")),
    "planning_window_set": (N_("planning window {stage} for APBD {budget_year}: {from} – {to}"),),
    "letter_sent": (
        N_("letter {number} sent"),
        N_(" by {via}"),
        N_("; reminder(s) #{reminders_done} done"),
        N_("; blocker(s) #{resolved_blockers} resolved"),
    ),
    "official_set": (N_("official: {position} is {name}"), N_(", replacing {replaced}")),
    "official_updated": (N_("official: {position} {name} updated"),),
    "reminder_added": (N_("reminder #{reminder_id} added"), N_(", due {due_on}")),
    "reminder_done": (N_("reminder #{reminder_id} marked done"),),
    "reminder_retried": (
        N_("reminder #{reminder_id} retried: letter {letter_number}"),
        N_(" (was: {was_error})"),
    ),
    "reminder_snoozed": (N_("reminder #{reminder_id} snoozed from {was_due_on} to {due_on}"),),
    "reminder_issued": (
        N_("reminder #{reminder_id} issued"),
        N_(" ({rule})"),
        N_(", letter {letter_number}"),
        N_(", opened blocker {blocker}"),
        N_(", skipped earlier step(s) #{skipped}"),
        N_(", letter not made: {letter_error}"),
        N_(", blocker not opened: {blocker_error}"),
    ),
    "reminder_cancelled": (N_("reminder(s) #{reminder_ids} cancelled"),),
    # The KSM import writes a whole sentence as the note: nothing to add before it.
    "ksm_added": (),
    "ksm_updated": (),
    "facility_added": (),
    "assessment_recorded": (),
    "assessment_updated": (),
    "config": (N_("profile: {key} = {value}"),),
    "region_changed": (N_("{field} set to {value}"), N_(" (was {previous})")),
    # Corrections: each points at what it corrects (the corrected row stays, marked).
    "reverted": (
        N_("undo of #{reverts}: {reverted_event} of {reverted_on} reverted"),
        N_(", back to {state_now}"),
        N_("; follow-up(s) #{reminders_undone} undone"),
        N_("; #{reminders_pending_again} pending again"),
        N_("; blocker(s) #{blockers_reopened} open again"),
    ),
    "amended": (N_("note of #{entry_id} amended"), N_(" (was: {old_note})")),
    "official_corrected": (
        N_("official corrected: {position}"),
        N_(", name {name_was} → {name_now}"),
        N_(", e-mail {email_was} → {email_now}"),
        N_(", phone {phone_was} → {phone_now}"),
        N_(", since {since_was} → {since_now}"),
        N_(" (no rotation)"),
    ),
    "official_ended": (N_("official: {name} left {position}, nobody succeeding yet"),),
    "blocker_voided": (N_("blocker #{blocker_id} void: {type}"), N_(", opened {opened_on}")),
    "blocker_edited": (N_("blocker #{blocker_id} note amended"), N_(" (was: {old_note})")),
    "letter_voided": (
        N_("letter {number} void (dibatalkan)"),
        N_(": {letter_kind} of {issued_on}"),
        N_("; the number is not given again"),
    ),
    # Calendar rows belong to no region, so no history shows them (the fallback's words).
    "holiday_added": ("holiday_added day={day}",),
    "holiday_removed": ("holiday_removed day={day}",),
}

AUDIT_KINDS: Final[tuple[str, ...]] = (*LIFECYCLE_KINDS, *SUMMARIES)
