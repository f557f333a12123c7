"""Issue 16 end to end: the worklist points at the Pemda's first missing approval, each
approval is chased by its own reminder and letter, and where money is the obstacle the
next action names the planning window to aim at and by when."""

from __future__ import annotations

import json
from datetime import date

import pytest
from reminder_helpers import moa_draft, reminders_of
from secretariat import set_profile

from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance

WINDOW_EN = (
    "Next planning window: for APBD 2028: proposal to the Bappeda before the Musrenbang "
    "kabupaten, Maret 2027"
)
WINDOW_ID = (
    "Jendela perencanaan berikutnya: untuk APBD 2028: usulan ke Bappeda sebelum Musrenbang "
    "kabupaten, Maret 2027"
)


@pytest.fixture
def ok(cli):  # type: ignore[no-untyped-def]
    def run(*args: str) -> str:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    return run


def on(monkeypatch, day: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AKSANSI_NOW", f"{day}T08:00:00+07:00")


def flat(text: str) -> str:
    return " ".join(text.split())


def next_action(ok, region: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return json.loads(ok("region", "show", region, "--json"))["next_action"]


def test_done_when_mojokerto_approvals_and_kulon_progo_window(ok, cli, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The issue's "Done when", from the commands, on a freshly seeded database."""
    set_profile(seeded)
    ok("official", "set", "mojokerto", "--position", "Kepala Dinas PUPR", "--name", "Budi")
    ok("mou", "record", "mojokerto", "--number-pemda", "415.4/1/2025",
       "--number-aksansi", "001/KB/AKSANSI/2025", "--signed-on", "2025-03-10",
       "--years", "5")  # fmt: skip
    # What the Pemda still has to do before signing, and the worklist pointing at it.
    listed = ok("approvals", "mojokerto")
    assert "Still missing: tkksd_review, legal_review." in listed
    action = next_action(ok, "mojokerto")
    assert (action["source"], action["who"], action["letter"]) == (
        "approval",
        "secretariat",
        "tkksd_request",
    )
    assert "ask the Sekda, as chair of the TKKSD" in action["action"]
    assert "No TKKSD review recorded" in flat(ok("today"))
    refused = cli("advance", "mojokerto", "sign_moa")
    assert refused.exit_code == 1 and "tkksd_review, legal_review" in refused.stderr
    # The board shows the KB's end.
    assert "35.76 KB in force until 2030-03-09" in ok("board")
    # Kulon Progo has no budget line: the worklist names the window and its deadline.
    ok("blocker", "add", "kulon progo", "no_budget", "--note", "tidak ada pos anggaran")
    on(monkeypatch, "2026-12-11")  # the playbook step's day
    assert "34.01 Kabupaten Kulon Progo — due today" in ok("today")
    assert WINDOW_EN in flat(ok("today"))
    assert f"34.01 {WINDOW_EN}" in flat(ok("board"))
    assert WINDOW_EN in flat(ok("region", "show", "kulon progo"))
    kulon = next_action(ok, "34.01")
    assert (kulon["source"], kulon["due_on"]) == ("blocker", "2026-12-11")
    assert WINDOW_EN in kulon["action"]  # JSON keeps the English text
    monkeypatch.setenv("AKSANSI_LANG", "id")
    assert WINDOW_ID in flat(ok("today"))
    monkeypatch.setenv("AKSANSI_LANG", "en")
    on(monkeypatch, "2026-12-14")  # a working day late: stalled
    assert f"34.01 {WINDOW_EN}" in flat(ok("board", "--stalled", "--days", "0"))
    # Once the Pemda's steps are recorded, the PKS can be signed.
    ok("approve", "mojokerto", "tkksd_review", "--on", "2026-12-01", "--reference", "BA 1/2026")
    assert next_action(ok, "mojokerto")["action"].startswith("No harmonisation recorded")
    ok("approve", "mojokerto", "legal_review", "--on", "2026-12-10")
    assert next_action(ok, "mojokerto")["source"] == "state"
    ok("advance", "mojokerto", "sign_moa")


def _answered(url: str, code: str = "pekalongan") -> None:
    """Pekalongan's draft PKS submitted and answered on Fri 27 Nov 2026."""
    moa_draft(url, code)
    for event in ("draft_moa", "submit_moa", "receive_response"):
        advance(UnitOfWork(url), code, event, actor="rina")


def _approval_reminders(url: str, code: str = "33.75") -> list[tuple[str, date, str]]:
    return [
        (r.rule_id or "", r.due_on, r.status)
        for r in reminders_of(url, code)
        if r.trigger == "approval"
    ]


def test_each_missing_approval_is_chased_and_recording_it_cancels_the_chase(
    ok, seeded, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _answered(seeded)
    assert _approval_reminders(seeded) == [
        ("tkksd_review_request", date(2026, 12, 11), "pending"),
        ("legal_review_request", date(2026, 12, 18), "pending"),
    ]
    # The ball is with the Pemda until the item's day: its reminder's day.
    action = next_action(ok, "pekalongan")
    assert (action["who"], action["kind"], action["source"], action["due_on"]) == (
        "pemda",
        "wait",
        "approval",
        "2026-12-11",
    )
    assert action["action"].startswith("The TKKSD reviews the draft PKS")
    # Recording the review cancels its reminder; undo puts it back.
    ok("approve", "pekalongan", "tkksd_review", "--on", "2026-11-27")
    assert [s for *_, s in _approval_reminders(seeded)] == ["cancelled", "pending"]
    assert next_action(ok, "pekalongan")["action"].startswith("The Bagian Hukum harmonises")
    ok("undo", "pekalongan", "--note", "salah catat")
    assert [s for *_, s in _approval_reminders(seeded)] == ["pending", "pending"]
    assert next_action(ok, "pekalongan")["action"].startswith("The TKKSD reviews")
    # Signing ends the chase.
    ok("advance", "pekalongan", "sign_moa", "--force", "--note", "ditandatangani di rapat")
    assert [s for *_, s in _approval_reminders(seeded)] == ["cancelled", "cancelled"]


def test_the_sweep_sends_the_tkksd_request_to_the_sekda(ok, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _answered(seeded)
    on(monkeypatch, "2026-12-11")
    ok("jobs", "sweep")
    action = next_action(ok, "pekalongan")
    assert (action["source"], action["letter"]) == ("reminder", "tkksd_request")
    number = json.loads(ok("today", "--json"))["to_do"]
    letter = next(i for i in number if i["region"] == "33.75")["letter_number"]
    shown = flat(ok("letter", "show", letter))
    assert "Yth. Sekretaris Daerah Kota Pekalongan selaku Ketua Tim Koordinasi Kerja Sama" in shown
    assert "Permohonan Pembahasan Rancangan Perjanjian Kerja Sama oleh TKKSD" in shown
    assert "Pendampingan KSM" in shown  # the draft PKS it is about


def test_a_multi_year_draft_is_chased_for_the_dprd_too(ok, seeded) -> None:  # type: ignore[no-untyped-def]
    moa_draft(seeded, "pekalongan")
    ok("moa", "draft", "pekalongan", "--multi-year")
    for event in ("draft_moa", "submit_moa", "receive_response"):
        ok("advance", "pekalongan", event)
    assert [rule for rule, *_ in _approval_reminders(seeded)] == [
        "tkksd_review_request",
        "legal_review_request",
        "dprd_approval_request",
    ]
    preview = flat(ok("letter", "render", "pekalongan", "dprd_approval_request", "--preview"))
    assert "membebani Anggaran Pendapatan dan Belanja Daerah lebih dari satu tahun" in preview
    assert "Ketua DPRD Kota Pekalongan" in preview


def test_the_window_follows_the_regions_own_calendar(ok, seeded) -> None:  # type: ignore[no-untyped-def]
    ok("blocker", "add", "kulon progo", "no_budget")
    ok("calendar", "planning", "set", "kulon progo", "musrenbang_kabkota",
       "--from", "2027-02-01", "--to", "2027-02-19")  # fmt: skip
    action = next_action(ok, "34.01")
    assert "before the Musrenbang kabupaten, Februari 2027" in action["action"]


def test_an_unanswered_funding_proposal_names_the_window_with_its_reminder(ok, seeded) -> None:  # type: ignore[no-untyped-def]
    ok("blocker", "add", "mojokerto", "funding_unanswered")
    action = next_action(ok, "mojokerto")
    assert action["source"] == "reminder" and action["letter"] == "funding_followup"
    assert "before the Musrenbang kota, Maret 2027" in action["action"]
