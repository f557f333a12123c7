"""Every audit kind reads as one sentence in `history`, not as raw key=value details."""

from __future__ import annotations

from datetime import date, datetime

from commands._history_text import SUMMARIES, entry_text, history_line
from workflow.domain.views import HistoryEntry


def _entry(kind: str, note: str | None = None, **details: object) -> HistoryEntry:
    return HistoryEntry(
        at=date(2026, 12, 14),
        kind=kind,
        by="sweep",
        recorded_at=datetime(2026, 12, 14, 0, 0),
        note=note,
        details=details,
    )


def test_a_sweep_issue_names_its_letter_and_the_blocker_it_opened() -> None:
    entry = _entry(
        "reminder_issued",
        "MoA draft unanswered",
        reminder_id=3,
        rule="moa_escalation",
        letter="audiensi_request",
        letter_number="004/SEK-AKSANSI/I/2027",
        blocker=7,
        skipped=[1, 2],
    )
    assert entry_text(entry) == (
        "reminder #3 issued (moa_escalation), letter 004/SEK-AKSANSI/I/2027, "
        "opened blocker 7, skipped earlier step(s) #1, #2 — MoA draft unanswered"
    )


def test_optional_facts_appear_only_when_recorded() -> None:
    first = _entry("official_set", position="Kepala Dinas PUPR", name="Budi", replaced=None)
    second = _entry("official_set", position="Kepala Dinas PUPR", name="Sri", replaced="Budi")
    assert entry_text(first) == "official: Kepala Dinas PUPR is Budi"
    assert entry_text(second) == "official: Kepala Dinas PUPR is Sri, replacing Budi"


def test_no_known_kind_prints_raw_details() -> None:
    for kind in SUMMARIES:
        assert "=" not in entry_text(_entry(kind, blocker_id=1, type="no_budget", number="1"))


def test_a_history_line_fits_80_columns_and_keeps_who_and_when_whole() -> None:
    line = history_line(_entry("letter", "Permohonan Tanggapan atas Rancangan PKS " * 2))
    assert max(len(part) for part in line.splitlines()) <= 80
    assert "[by sweep, recorded 2026-12-14 07:00 WIB]" in line
