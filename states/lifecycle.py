"""The agreement lifecycle of a region (design.md §3), as data.

Guards are named by string; `workflow/domain/guards.py` holds a function of the same
name for each, and a unit test checks that every name resolves.
"""

from __future__ import annotations

from typing import Final, TypedDict


class StateDef(TypedDict):
    id: str
    label_id: str
    label_en: str
    meaning: str


class EventDef(TypedDict):
    trigger: str
    sources: list[str]
    dest: str | None  # None: no state change (a milestone); PREVIOUS: back to the held state
    label_id: str
    label_en: str
    guards: list[str]


PREVIOUS: Final = "<previous>"

STATES: Final[list[StateDef]] = [
    {
        "id": "prospect",
        "label_id": "Prospek",
        "label_en": "Prospect",
        "meaning": "region identified, no contact yet",
    },
    {
        "id": "audiensi_requested",
        "label_id": "Permohonan audiensi terkirim",
        "label_en": "Audience requested",
        "meaning": "request for an audience sent",
    },
    {
        "id": "audiensi_held",
        "label_id": "Audiensi terlaksana",
        "label_en": "Audience held",
        "meaning": "audience took place",
    },
    {
        "id": "premonitoring",
        "label_id": "Pre-monitoring KSM",
        "label_en": "KSM pre-monitoring",
        "meaning": "collecting KSM institutional/technical/financial data",
    },
    {
        "id": "mou_drafting",
        "label_id": "Penyusunan Kesepakatan Bersama",
        "label_en": "MoU drafting",
        "meaning": "MoU (Kesepakatan Bersama) being offered/drafted",
    },
    {
        "id": "mou_signed",
        "label_id": "Kesepakatan Bersama ditandatangani",
        "label_en": "MoU signed",
        "meaning": "MoU signed",
    },
    {
        "id": "moa_drafting",
        "label_id": "Penyusunan rancangan PKS",
        "label_en": "MoA drafting",
        "meaning": "MoA (Perjanjian Kerja Sama) draft being prepared",
    },
    {
        "id": "moa_submitted",
        "label_id": "Rancangan PKS diajukan",
        "label_en": "MoA submitted",
        "meaning": "draft sent to the Pemda, waiting for an answer",
    },
    {
        "id": "moa_negotiation",
        "label_id": "Pembahasan mekanisme teknis dan anggaran",
        "label_en": "MoA negotiation",
        "meaning": "technical mechanism and budget under discussion",
    },
    {
        "id": "moa_signed",
        "label_id": "PKS ditandatangani",
        "label_en": "MoA signed",
        "meaning": "MoA signed",
    },
    {
        "id": "implementation",
        "label_id": "Pelaksanaan",
        "label_en": "Implementation",
        "meaning": "activities under way",
    },
    {
        "id": "closed",
        "label_id": "Selesai",
        "label_en": "Closed",
        "meaning": "finished and evaluated",
    },
    {
        "id": "on_hold",
        "label_id": "Ditunda",
        "label_en": "On hold",
        "meaning": "paused; resume returns to the state it was paused in",
    },
    {
        "id": "declined",
        "label_id": "Tidak berlanjut",
        "label_en": "Declined",
        "meaning": "the Pemda declined or the Secretariat stopped",
    },
]

STATE_IDS: Final[list[str]] = [s["id"] for s in STATES]
INITIAL: Final = "prospect"

# The main line, in order; used for "prospect … moa_negotiation" style ranges.
MAIN_LINE: Final[list[str]] = STATE_IDS[:12]


def _between(first: str, last: str) -> list[str]:
    return MAIN_LINE[MAIN_LINE.index(first) : MAIN_LINE.index(last) + 1]


BEFORE_CLOSED: Final[list[str]] = _between("prospect", "implementation")
CHAPTER_STATES: Final[list[str]] = _between("audiensi_held", "implementation")

EVENTS: Final[list[EventDef]] = [
    {
        "trigger": "request_audiensi",
        "sources": ["prospect"],
        "dest": "audiensi_requested",
        "label_id": "Kirim permohonan audiensi",
        "label_en": "Request an audience",
        "guards": [],
    },
    {
        "trigger": "hold_audiensi",
        "sources": ["prospect", "audiensi_requested"],
        "dest": "audiensi_held",
        "label_id": "Audiensi terlaksana",
        "label_en": "Audience held",
        "guards": [],
    },
    {
        "trigger": "start_premonitoring",
        "sources": ["audiensi_held"],
        "dest": "premonitoring",
        "label_id": "Mulai pre-monitoring",
        "label_en": "Start pre-monitoring",
        "guards": [],
    },
    {
        "trigger": "draft_mou",
        "sources": ["audiensi_held", "premonitoring"],
        "dest": "mou_drafting",
        "label_id": "Susun Kesepakatan Bersama",
        "label_en": "Draft the MoU",
        "guards": [],
    },
    {
        "trigger": "sign_mou",
        "sources": ["mou_drafting"],
        "dest": "mou_signed",
        "label_id": "Tanda tangan Kesepakatan Bersama",
        "label_en": "Sign the MoU",
        "guards": [],
    },
    {
        "trigger": "draft_moa",
        "sources": ["mou_signed"],
        "dest": "moa_drafting",
        "label_id": "Susun rancangan PKS",
        "label_en": "Draft the MoA",
        "guards": [],
    },
    {
        "trigger": "submit_moa",
        "sources": ["moa_drafting"],
        "dest": "moa_submitted",
        "label_id": "Ajukan rancangan PKS",
        "label_en": "Submit the MoA draft",
        "guards": ["has_moa_draft"],
    },
    {
        "trigger": "receive_response",
        "sources": ["moa_submitted"],
        "dest": "moa_negotiation",
        "label_id": "Tanggapan diterima",
        "label_en": "Response received",
        "guards": [],
    },
    {
        "trigger": "revise_moa",
        "sources": ["moa_submitted", "moa_negotiation"],
        "dest": "moa_drafting",
        "label_id": "Revisi rancangan PKS",
        "label_en": "Revise the MoA",
        "guards": [],
    },
    {
        "trigger": "sign_moa",
        "sources": ["moa_negotiation"],
        "dest": "moa_signed",
        "label_id": "Tanda tangan PKS",
        "label_en": "Sign the MoA",
        "guards": ["no_open_blockers", "approvals_complete"],
    },
    {
        "trigger": "start_implementation",
        "sources": ["moa_signed"],
        "dest": "implementation",
        "label_id": "Mulai pelaksanaan",
        "label_en": "Start implementation",
        "guards": [],
    },
    {
        "trigger": "close",
        "sources": ["implementation"],
        "dest": "closed",
        "label_id": "Selesai",
        "label_en": "Close",
        "guards": [],
    },
    {
        "trigger": "hold",
        "sources": BEFORE_CLOSED,
        "dest": "on_hold",
        "label_id": "Tunda",
        "label_en": "Put on hold",
        "guards": ["has_note"],
    },
    {
        "trigger": "resume",
        "sources": ["on_hold"],
        "dest": PREVIOUS,
        "label_id": "Lanjutkan",
        "label_en": "Resume",
        "guards": [],
    },
    {
        "trigger": "decline",
        "sources": _between("prospect", "moa_negotiation"),
        "dest": "declined",
        "label_id": "Tidak berlanjut",
        "label_en": "Decline",
        "guards": ["has_note"],
    },
    {
        "trigger": "reopen",
        "sources": ["declined"],
        "dest": "prospect",
        "label_id": "Buka kembali",
        "label_en": "Reopen",
        "guards": [],
    },
    {
        "trigger": "form_chapter",
        "sources": CHAPTER_STATES,
        "dest": None,
        "label_id": "AKSANSI Daerah terbentuk",
        "label_en": "AKSANSI Daerah formed",
        "guards": [],
    },
]

EVENT_IDS: Final[list[str]] = [e["trigger"] for e in EVENTS]

# Why a guard refuses, in one sentence the coordinator can act on.
GUARD_REASONS: Final[dict[str, str]] = {
    "has_note": "'{event}' needs a note saying why; add --note TEXT.",
    "no_open_blockers": (
        "{region} has {count} open blocker(s) ({types}); resolve them first "
        "(aksansi blocker resolve ID) or pass --force with a --note explaining why."
    ),
    "approvals_complete": (
        "{region} still has to complete before signing: {missing}; record each with "
        "'aksansi approve {code} ITEM --on DATE' (see 'aksansi approvals {code}'), or pass "
        "--force with a --note explaining why."
    ),
    "has_moa_draft": (
        "{region} has no rendered MoA draft yet; make one first with 'aksansi moa draft {code}'."
    ),
}


def state(state_id: str) -> StateDef:
    return next(s for s in STATES if s["id"] == state_id)


def event(trigger: str) -> EventDef:
    return next(e for e in EVENTS if e["trigger"] == trigger)


def events_guarded_by(guard: str) -> tuple[str, ...]:
    """The triggers whose transition names `guard`."""
    return tuple(ev["trigger"] for ev in EVENTS if guard in ev["guards"])


# The events refused while a blocker is open (unless forced); the audit row of a forced one
# lists the blockers it went past.
BLOCKER_CHECKED_EVENTS: Final[tuple[str, ...]] = events_guarded_by("no_open_blockers")
# The events whose result shows the region's KSM coverage (pre-monitoring feeds the MoU).
KSM_COVERAGE_EVENTS: Final[tuple[str, ...]] = ("start_premonitoring", "draft_mou")
