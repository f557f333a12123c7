"""The follow-up reminder policy (design.md §5), as data.

A rule fires when a region enters a state (`on_state`) or when a blocker of a type is
opened (`on_blocker`). It schedules one reminder due `working_days` after the day of
that event. Leaving the state (or resolving the blocker) cancels what it scheduled.

Rules that share a `ladder` are successive steps of one follow-up towards the same
office; when several steps of a ladder fall due together (after downtime), only the
most advanced one is issued and the earlier ones are skipped, so the office never
gets two letters about the same thing on the same day.

A rule with `on_approval` chases one item of the checklist before the PKS
(`states/approvals.py`): when the region enters `APPROVAL_REMINDERS_ON` (the Pemda has
answered the draft; from then its own procedure runs) each applicable item not yet
recorded gets one reminder, due the item's working days later; `aksansi approve`
recording the item cancels it (and `aksansi undo` of that approval puts it back), and so
does leaving the MoA states (`APPROVAL_STATES`: signing, hold, decline). While the draft
is still unanswered (`moa_submitted`), the response ladder is the follow-up.

`letter` is a letter kind of the letter register (with `letter_extra` passed to the
template); `opens_blocker` is a blocker type the sweep opens by itself when issuing.
"""

from __future__ import annotations

from typing import Final, TypedDict

from states import approvals


class ReminderRule(TypedDict):
    id: str
    on_state: str | None
    on_blocker: str | None
    on_approval: str | None  # an item of states/approvals.py: chased while it is missing
    working_days: int
    text: str
    letter: str | None
    letter_extra: dict[str, object]
    ladder: str | None
    step: int
    opens_blocker: str | None
    months_before_kb_expiry: int | None  # due this many months before the KB expires
    before_planning_deadline: int | None  # working days before the proposal deadline, at latest


def _rule(
    rule_id: str,
    *,
    working_days: int,
    text: str,
    on_state: str | None = None,
    on_blocker: str | None = None,
    on_approval: str | None = None,
    letter: str | None = None,
    letter_extra: dict[str, object] | None = None,
    ladder: str | None = None,
    step: int = 1,
    opens_blocker: str | None = None,
    months_before_kb_expiry: int | None = None,
    before_planning_deadline: int | None = None,
) -> ReminderRule:
    return {
        "id": rule_id,
        "on_state": on_state,
        "on_blocker": on_blocker,
        "on_approval": on_approval,
        "working_days": working_days,
        "text": text,
        "letter": letter,
        "letter_extra": letter_extra or {},
        "ladder": ladder,
        "step": step,
        "opens_blocker": opens_blocker,
        "months_before_kb_expiry": months_before_kb_expiry,
        "before_planning_deadline": before_planning_deadline,
    }


# The KB (MoU) has a term: `mou_expiring` opens by itself this many months before it ends,
# with a request to extend it (letter `mou_extension`). Signing the PKS (or ending the
# relationship) makes the warning moot: these events cancel it.
KB_EXPIRY_NOTICE_MONTHS: Final = 6
KB_EXPIRY_CLEARED_BY: Final = ("sign_moa", "decline", "close")

# Where the approval reminders start, and the states they live in (leaving them cancels).
APPROVAL_REMINDERS_ON: Final = "moa_negotiation"
APPROVAL_STATES: Final = approvals.CHECKLIST_STATES


def _approval_rule(item_id: str, *, text: str) -> ReminderRule:
    item = approvals.ITEMS_BY_ID[item_id]
    return _rule(
        f"{item_id}_request",
        on_approval=item_id,
        working_days=item["due_working_days"],
        text=text,
        letter=item["letter"],
    )


RULES: Final[list[ReminderRule]] = [
    _rule(
        "audiensi_followup",
        on_state="audiensi_requested",
        working_days=10,
        text="Follow up the audiensi request: no audience has been held yet.",
    ),
    _rule(
        "moa_draft_preparation",
        on_state="mou_signed",
        working_days=20,
        text="Prepare the MoA (PKS) draft.",
    ),
    _rule(
        "moa_response_request_1",
        on_state="moa_submitted",
        working_days=10,
        text="No answer to the MoA draft: send a request for a response.",
        letter="response_request",
        letter_extra={"step": 1},
        ladder="moa_response",
        step=1,
    ),
    _rule(
        "moa_response_request_2",
        on_state="moa_submitted",
        working_days=20,
        text="Still no answer to the MoA draft: second request, copied to the Sekda / TKKSD.",
        letter="response_request",
        letter_extra={"step": 2},
        ladder="moa_response",
        step=2,
    ),
    _rule(
        "moa_escalation",
        on_state="moa_submitted",
        working_days=30,
        text="MoA draft unanswered for 30 working days: escalate to the head of region.",
        letter="audiensi_request",
        letter_extra={"escalation": True},
        ladder="moa_response",
        step=3,
        opens_blocker="draft_unanswered",
    ),
    _rule(
        "official_introduction",
        on_blocker="official_rotated",
        working_days=5,
        text="Introduce the programme to the newly appointed official.",
        letter="official_introduction",
    ),
    _rule(
        "funding_followup",
        on_blocker="funding_unanswered",
        working_days=10,
        text="Follow up the unanswered funding proposal.",
        letter="funding_followup",
        # A proposal that misses the kabupaten/kota Musrenbang waits a whole year: follow
        # up at the latest 10 working days before it closes (states/planning.py).
        before_planning_deadline=10,
    ),
    _rule(
        "kb_expiry",
        working_days=0,
        months_before_kb_expiry=KB_EXPIRY_NOTICE_MONTHS,
        text="The KB expires soon and no PKS is signed yet: ask to extend it or sign a new one.",
        letter="mou_extension",
        opens_blocker="mou_expiring",
    ),
    _approval_rule(
        "tkksd_review",
        text="The TKKSD has not reviewed the draft PKS yet: ask the Sekda (its chair) for it.",
    ),
    _approval_rule(
        "legal_review",
        text="The Bagian Hukum has not harmonised the draft PKS yet: ask it to.",
    ),
    _approval_rule(
        "dprd_approval",
        text="The DPRD has not approved the cooperation yet: ask the head of region to seek it.",
    ),
    _approval_rule(
        "power_of_attorney",
        text="No power of attorney for the OPD head to sign the PKS yet: ask the head of region.",
    ),
]

RULES_BY_ID: Final[dict[str, ReminderRule]] = {rule["id"]: rule for rule in RULES}


def rules_on_state(state: str) -> list[ReminderRule]:
    return [rule for rule in RULES if rule["on_state"] == state]


def rules_on_kb() -> list[ReminderRule]:
    return [rule for rule in RULES if rule["months_before_kb_expiry"] is not None]


def rules_on_blocker(blocker_type: str) -> list[ReminderRule]:
    return [rule for rule in RULES if rule["on_blocker"] == blocker_type]


def rules_on_approval(item_id: str) -> list[ReminderRule]:
    return [rule for rule in RULES if rule["on_approval"] == item_id]


PENDING, ISSUED, DONE, CANCELLED, SKIPPED = "pending", "issued", "done", "cancelled", "skipped"
STATUSES: Final = (PENDING, ISSUED, DONE, CANCELLED, SKIPPED)
# The statuses as words a person reads (English source; the interface translates them).
STATUS_WORDS: Final[dict[str, str]] = {
    PENDING: "pending",
    ISSUED: "issued",
    DONE: "done",
    CANCELLED: "cancelled",
    SKIPPED: "skipped",
}
# What `remind done` may close: a reminder still waiting, or one the sweep issued.
MARKABLE_DONE: Final = (PENDING, ISSUED)
