"""What the Pemda must complete before the PKS (MoA) is signed, as data (issue 16).

Permendagri 22/2020 and regional procedures: the cooperation team (TKKSD, chaired by the
Sekda) reviews the draft PKS, the Bagian Hukum harmonises it, the DPRD approves when the
cooperation burdens the community or the region or its spending is not yet in the APBD,
and a head of an OPD signs only under a power of attorney (surat kuasa) from the Kepala
Daerah. `applies` says when an item is on a region's checklist:
- `always`;
- `dprd_trigger`: the latest MoA draft was made with `--multi-year` or `--unbudgeted`;
- `opd_signatory`: the latest MoA draft names the OPD head as signatory (`--signatory opd`).
`due_working_days` counts from the day the region entered `moa_negotiation` (the Pemda has
answered the draft; its own procedure runs): when the coordinator should ask about the
item, the worklist's due day and the item's reminder (`states/reminders.py`, rules with
`on_approval`). `letter` is the letter kind that asks for it. What the worklist says
while an item is missing is in `states/next_actions.py` (`APPROVAL_ACTIONS`).
"""

from __future__ import annotations

from typing import Final, TypedDict


class ApprovalItem(TypedDict):
    id: str
    label_id: str
    label_en: str
    applies: str  # always | dprd_trigger | opd_signatory
    due_working_days: int
    letter: str | None


ITEMS: Final[list[ApprovalItem]] = [
    {
        "id": "tkksd_review",
        "label_id": "Pembahasan rancangan PKS oleh TKKSD",
        "label_en": "Review of the draft PKS by the cooperation team (TKKSD)",
        "applies": "always",
        "due_working_days": 10,
        "letter": "tkksd_request",
    },
    {
        "id": "legal_review",
        "label_id": "Harmonisasi oleh Bagian Hukum",
        "label_en": "Harmonisation by the Bagian Hukum",
        "applies": "always",
        "due_working_days": 15,
        "letter": "legal_review_request",
    },
    {
        "id": "dprd_approval",
        "label_id": "Persetujuan DPRD",
        "label_en": "Approval by the DPRD",
        "applies": "dprd_trigger",
        "due_working_days": 20,
        "letter": "dprd_approval_request",
    },
    {
        "id": "power_of_attorney",
        "label_id": "Surat kuasa Kepala Daerah kepada Kepala OPD",
        "label_en": "Power of attorney from the head of region to the OPD head",
        "applies": "opd_signatory",
        "due_working_days": 20,
        "letter": "power_of_attorney_request",
    },
]

ITEMS_BY_ID: Final[dict[str, ApprovalItem]] = {item["id"]: item for item in ITEMS}
APPLIES: Final = ("always", "dprd_trigger", "opd_signatory")

# The states in which the checklist is shown and the worklist points at it.
CHECKLIST_STATES: Final = ("moa_drafting", "moa_submitted", "moa_negotiation")
# The event the checklist guards.
GUARDED_EVENT: Final = "sign_moa"
# The audit kind one recorded approval writes (undone with `aksansi undo`).
AUDIT_KIND: Final = "approval"
