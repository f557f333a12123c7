"""The next action of every active region (the coordinator's worklist), as data.

Every state except `closed` and `declined` has one entry: who holds the ball
(`secretariat` or `pemda`), what the next step is, and by when. The engine
(`workflow/domain/next_action.py`) reads these tables; the docs and the tests do too.

How a region's one next action is chosen, most urgent first (`PRECEDENCE`):

1. `issued` — a reminder the sweep issued (its letter prepared, or the letter that
   could not be made) stays the next action until it is done (`letter sent`,
   `remind done`);
2. `due` — a pending reminder whose day has come (the sweep has not run yet);
3. `blocker` — an open blocker (the oldest): its own pending follow-up if it has one
   (the introduction letter after a rotation), else the next step of its playbook;
   a state with `blockers_override: False` (on hold) ignores blockers. While a money
   blocker is open (`states/planning.py`, `MONEY_BLOCKERS`) the step names the next
   planning window a proposal can still reach and its deadline, and is due before it;
4. `approval` — in `APPROVAL_STATES`, the first applicable item of the checklist before
   the PKS (`states/approvals.py`) not yet recorded (`APPROVAL_ACTIONS` below); in
   `APPROVAL_WAIT_STATES` (the draft not answered yet, the response ladder chasing it)
   the Pemda's wait names that item too;
5. `pending` — the region's next pending reminder (the day the tool will follow up);
6. `state` — the state's own rule below.

An approval item is the Pemda's to do (`action`) until its day: the item's
`due_working_days` after the region entered its state, or its own pending reminder's day,
or, once the letter that asks for it was sent in this state, that many working days
after the letter; then the ball is back with the Secretariat (`overdue`, with the
item's letter).

A state rule's step is due `working_days` after the day the region entered the state
(on a working day); when that day is unknown (a region loaded by the seed) it is due
now. `follow_up` names the reminder rule (`states/reminders.py`) that chases the
Pemda while the ball is with them: its working days give the follow-up day, and once
that day has passed without the reminder, the ball is back with the Secretariat
(`overdue`). `once_sent`: after a letter of the step's kind is recorded sent
(`letter sent`) in this state, the ball goes to the Pemda with that wait.

`{code}` in a text stands for the region's code (so the text is a command to run). Each
text is given in English (`_en`) and Indonesian (`_id`), as the labels of states/ are.
"""

from __future__ import annotations

from typing import Final, NotRequired, TypedDict

WHO: Final = ("secretariat", "pemda")
KINDS: Final = ("letter", "task", "wait")
SOURCES: Final = ("reminder", "blocker", "approval", "state")
PRECEDENCE: Final = ("issued", "due", "blocker", "approval", "pending", "state")

# States without a next action: the work is over.
INACTIVE: Final = ("closed", "declined")


class Wait(TypedDict):
    action_en: str  # what the Secretariat waits for (the ball is with the Pemda)
    action_id: str
    working_days: int  # when to follow up, counted from the day the wait began
    overdue_en: str  # the Secretariat's step once the follow-up day has passed
    overdue_id: str


class StateAction(TypedDict):
    who: str
    kind: str
    letter: str | None
    action_en: str  # the text in English and in Indonesian (`_id`), as labels are
    action_id: str
    working_days: int
    follow_up: NotRequired[str]  # a reminder rule id (pemda-held states)
    overdue_en: NotRequired[str]  # pemda-held: the step once the follow-up day has passed
    overdue_id: NotRequired[str]
    once_sent: NotRequired[Wait]
    blockers_override: NotRequired[bool]  # default True


STATE_ACTIONS: Final[dict[str, StateAction]] = {
    "prospect": {
        "who": "secretariat",
        "kind": "letter",
        "letter": "audiensi_request",
        "action_en": "Request an audience: aksansi letter render {code} audiensi_request, "
        "then record it with aksansi advance {code} request_audiensi.",
        "action_id": "Mohon audiensi: aksansi letter render {code} audiensi_request, lalu "
        "catat dengan aksansi advance {code} request_audiensi.",
        "working_days": 20,
    },
    "audiensi_requested": {
        "who": "pemda",
        "kind": "wait",
        "letter": None,
        "action_en": "A date for the audience (when it is held: aksansi advance {code} "
        "hold_audiensi).",
        "action_id": "Jadwal audiensi (setelah terlaksana: aksansi advance {code} hold_audiensi).",
        "working_days": 10,
        "follow_up": "audiensi_followup",
        "overdue_en": "No audience yet: follow up the audience request by telephone or letter.",
        "overdue_id": "Audiensi belum terlaksana: tindak lanjuti permohonan audiensi lewat "
        "telepon atau surat.",
    },
    "audiensi_held": {
        "who": "secretariat",
        "kind": "letter",
        "letter": "premonitoring_notice",
        "action_en": "Announce the KSM pre-monitoring (aksansi letter render {code} "
        "premonitoring_notice) and record start_premonitoring, or offer the MoU (draft_mou).",
        "action_id": "Beri tahu pre-monitoring KSM (aksansi letter render {code} "
        "premonitoring_notice) lalu catat start_premonitoring, atau tawarkan Kesepakatan "
        "Bersama (draft_mou).",
        "working_days": 10,
    },
    "premonitoring": {
        "who": "secretariat",
        "kind": "task",
        "letter": None,
        "action_en": "Collect the KSM data (aksansi ksm import), then offer the MoU and record "
        "aksansi advance {code} draft_mou.",
        "action_id": "Kumpulkan data KSM (aksansi ksm import), lalu tawarkan Kesepakatan Bersama "
        "dan catat aksansi advance {code} draft_mou.",
        "working_days": 20,
    },
    "mou_drafting": {
        "who": "secretariat",
        "kind": "letter",
        "letter": "cooperation_offer",
        "action_en": "Send the cooperation offer with the draft MoU: aksansi letter render "
        "{code} cooperation_offer.",
        "action_id": "Kirim penawaran kerja sama beserta rancangan Kesepakatan Bersama: aksansi "
        "letter render {code} cooperation_offer.",
        "working_days": 10,
        "once_sent": {
            "action_en": "Agreement to the MoU and its signing (when signed: aksansi advance "
            "{code} sign_mou).",
            "action_id": "Persetujuan dan penandatanganan Kesepakatan Bersama (setelah "
            "ditandatangani: aksansi advance {code} sign_mou).",
            "working_days": 10,
            "overdue_en": "No answer to the cooperation offer: follow it up with the Dinas.",
            "overdue_id": "Penawaran kerja sama belum dijawab: tindak lanjuti dengan Dinas.",
        },
    },
    "mou_signed": {
        "who": "secretariat",
        "kind": "task",
        "letter": None,
        "action_en": "Prepare the MoA (PKS) draft: aksansi moa draft {code}, then record "
        "aksansi advance {code} draft_moa.",
        "action_id": "Siapkan rancangan PKS: aksansi moa draft {code}, lalu catat aksansi "
        "advance {code} draft_moa.",
        "working_days": 20,
    },
    "moa_drafting": {
        "who": "secretariat",
        "kind": "letter",
        "letter": "moa_submission",
        "action_en": "Send the MoA draft with its cover letter: aksansi letter render {code} "
        "moa_submission, then record aksansi advance {code} submit_moa.",
        "action_id": "Kirim rancangan PKS dengan surat pengantarnya: aksansi letter render "
        "{code} moa_submission, lalu catat aksansi advance {code} submit_moa.",
        "working_days": 10,
    },
    "moa_submitted": {
        "who": "pemda",
        "kind": "wait",
        "letter": None,
        "action_en": "An answer on the MoA draft (when it comes: aksansi advance {code} "
        "receive_response).",
        "action_id": "Tanggapan atas rancangan PKS (setelah diterima: aksansi advance {code} "
        "receive_response).",
        "working_days": 10,
        "follow_up": "moa_response_request_1",
        "overdue_en": "No answer to the MoA draft: send a request for a response "
        "(aksansi letter render {code} response_request).",
        "overdue_id": "Rancangan PKS belum ditanggapi: kirim permohonan tanggapan "
        "(aksansi letter render {code} response_request).",
    },
    "moa_negotiation": {
        "who": "secretariat",
        "kind": "task",
        "letter": None,
        "action_en": "Agree the technical mechanism and budget with the Dinas; then revise the "
        "draft (revise_moa) or sign it (sign_moa).",
        "action_id": "Sepakati mekanisme teknis dan anggaran dengan Dinas; lalu revisi "
        "rancangan (revise_moa) atau tanda tangani (sign_moa).",
        "working_days": 10,
    },
    "moa_signed": {
        "who": "secretariat",
        "kind": "task",
        "letter": None,
        "action_en": "Start the activities and record aksansi advance {code} start_implementation.",
        "action_id": "Mulai kegiatan dan catat aksansi advance {code} start_implementation.",
        "working_days": 20,
    },
    "implementation": {
        "who": "secretariat",
        "kind": "task",
        "letter": None,
        "action_en": "Review the activities with the Dinas; record aksansi advance {code} close "
        "when they are finished and evaluated.",
        "action_id": "Tinjau kegiatan bersama Dinas; catat aksansi advance {code} close setelah "
        "selesai dan dievaluasi.",
        "working_days": 60,
    },
    "on_hold": {
        "who": "secretariat",
        "kind": "task",
        "letter": None,
        "action_en": "On hold: check again whether the work can resume "
        "(aksansi advance {code} resume).",
        "action_id": "Ditunda: periksa kembali apakah kerja sama dapat dilanjutkan "
        "(aksansi advance {code} resume).",
        "working_days": 20,
        "blockers_override": False,
    },
}


class BlockerAction(TypedDict):
    who: str  # who holds the ball while the blocker is open
    working_days: int  # the next playbook step is due this long after the last one


# While a blocker is open its playbook drives the next action. The step is the one
# after the last step whose letter was issued since the blocker opened (the k-th letter
# of a kind counts for the k-th step naming it); with none yet, the first step.
BLOCKER_ACTIONS: Final[dict[str, BlockerAction]] = {
    "draft_unanswered": {"who": "secretariat", "working_days": 5},
    "official_rotated": {"who": "secretariat", "working_days": 5},
    "funding_unanswered": {"who": "secretariat", "working_days": 10},
    "no_budget": {"who": "secretariat", "working_days": 10},
    "grant_rules": {"who": "secretariat", "working_days": 10},
    "own_planning": {"who": "secretariat", "working_days": 10},
    "other_institution": {"who": "secretariat", "working_days": 10},
    "audiensi_unanswered": {"who": "secretariat", "working_days": 5},
    "ksm_data_incomplete": {"who": "secretariat", "working_days": 10},
    "legal_review": {"who": "pemda", "working_days": 10},
    "dprd_approval": {"who": "pemda", "working_days": 20},
    "no_signatory": {"who": "pemda", "working_days": 10},
    "mou_expiring": {"who": "secretariat", "working_days": 5},
    "other": {"who": "secretariat", "working_days": 5},
}


DEFAULT_BLOCKER_ACTION: Final[BlockerAction] = {"who": "secretariat", "working_days": 5}


def state_action(state: str) -> StateAction | None:
    """The state's rule, or None for a state without a next action (closed, declined)."""
    return STATE_ACTIONS.get(state)


# The state in which a missing approval item is the next action (the Pemda answered the
# draft PKS; its own procedure runs). In `moa_submitted` the next action stays the wait
# for that answer (chased by the response ladder, states/reminders.py), naming the item;
# in `moa_drafting` the Secretariat still has to send the draft.
APPROVAL_STATES: Final = ("moa_negotiation",)
APPROVAL_WAIT_STATES: Final = ("moa_submitted",)


class ApprovalAction(TypedDict):
    action_en: str  # what the Pemda does while the item is missing (the ball is theirs)
    action_id: str
    overdue_en: str  # the Secretariat's step once the item's day has passed: ask for it
    overdue_id: str


APPROVAL_ACTIONS: Final[dict[str, ApprovalAction]] = {
    "tkksd_review": {
        "action_en": "The TKKSD reviews the draft PKS (when done: aksansi approve {code} "
        "tkksd_review --on DATE).",
        "action_id": "TKKSD menelaah rancangan PKS (setelah selesai: aksansi approve {code} "
        "tkksd_review --on TANGGAL).",
        "overdue_en": "No TKKSD review recorded: ask the Sekda, as chair of the TKKSD, to "
        "review the draft PKS (aksansi letter render {code} tkksd_request).",
        "overdue_id": "Telaah TKKSD belum tercatat: minta Sekda selaku Ketua TKKSD menelaah "
        "rancangan PKS (aksansi letter render {code} tkksd_request).",
    },
    "legal_review": {
        "action_en": "The Bagian Hukum harmonises the draft PKS (when done: aksansi approve "
        "{code} legal_review --on DATE).",
        "action_id": "Bagian Hukum mengharmonisasi rancangan PKS (setelah selesai: aksansi "
        "approve {code} legal_review --on TANGGAL).",
        "overdue_en": "No harmonisation recorded: ask the Bagian Hukum to harmonise the draft "
        "PKS (aksansi letter render {code} legal_review_request).",
        "overdue_id": "Harmonisasi belum tercatat: minta Bagian Hukum mengharmonisasi "
        "rancangan PKS (aksansi letter render {code} legal_review_request).",
    },
    "dprd_approval": {
        "action_en": "The DPRD approves the planned cooperation (when done: aksansi approve "
        "{code} dprd_approval --on DATE).",
        "action_id": "DPRD memberi persetujuan atas rencana kerja sama (setelah terbit: "
        "aksansi approve {code} dprd_approval --on TANGGAL).",
        "overdue_en": "No DPRD approval recorded: ask the head of region to put the "
        "cooperation to the DPRD (aksansi letter render {code} dprd_approval_request).",
        "overdue_id": "Persetujuan DPRD belum tercatat: minta Kepala Daerah mengajukan "
        "rencana kerja sama kepada DPRD (aksansi letter render {code} dprd_approval_request).",
    },
    "power_of_attorney": {
        "action_en": "The head of region issues the OPD head's power of attorney to sign "
        "(when done: aksansi approve {code} power_of_attorney --on DATE).",
        "action_id": "Kepala Daerah menerbitkan surat kuasa penandatanganan bagi Kepala OPD "
        "(setelah terbit: aksansi approve {code} power_of_attorney --on TANGGAL).",
        "overdue_en": "No power of attorney recorded: ask the head of region for it "
        "(aksansi letter render {code} power_of_attorney_request).",
        "overdue_id": "Surat kuasa belum tercatat: mohon kepada Kepala Daerah "
        "(aksansi letter render {code} power_of_attorney_request).",
    },
}

# A money blocker's step names the planning window; it is due at the latest this many
# working days before that window's proposal deadline.
PLANNING_DEADLINE_MARGIN: Final = 10
