"""`aksansi undo REGION`: the latest event is reverted, everything it did is put back, and
the history keeps both rows (issue 11 §1, story 14). SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.approval_helpers import ALWAYS
from tests.test_stories import PROFILE

LEBAK = ("36.02", "Kabupaten Lebak")
KB = ("--number-pemda", "415.4/12/2026", "--number-aksansi", "007/KB/AKSANSI/XI/2026")
KB += ("--signed-on", "2026-11-27")
# Every event of the lifecycle, in an order that reaches each state; (event, --note).
PATH = [
    ("request_audiensi", None),
    ("hold_audiensi", None),
    ("start_premonitoring", None),
    ("form_chapter", None),
    ("draft_mou", None),
    ("sign_mou", None),
    ("hold", "menunggu APBD perubahan"),
    ("resume", None),
    ("draft_moa", None),
    ("submit_moa", None),
    ("revise_moa", None),
    ("submit_moa", None),
    ("receive_response", None),
    ("sign_moa", None),
    ("start_implementation", None),
    ("close", None),
]


@pytest.fixture
def ok(cli):  # type: ignore[no-untyped-def]
    def run(*args: str) -> str:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    return run


@pytest.fixture
def lebak(ok, db_url: str) -> str:  # type: ignore[no-untyped-def]
    ok("init", "--seed")
    for key, value in PROFILE.items():
        ok("config", "set", key, value)
    ok("region", "add", *LEBAK)
    return db_url


def all_reminders(db_url: str) -> dict[int, dict[str, Any]]:
    """Every reminder (any status) as `remind list --json` shows it, by id."""
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.reminders import json_view, list_reminders

    statuses = ("pending", "issued", "done", "cancelled", "skipped")
    items = list_reminders(UnitOfWork(db_url), statuses=statuses)
    return {item.id: json_view(item) for item in items}


def region_state(ok, region: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    shown = json.loads(ok("region", "show", region, "--json"))
    shown.pop("recent_history")  # the history grows: that is the point
    return shown


def test_undo_of_each_event_restores_state_reminders_and_blockers(ok, lebak: str) -> None:  # type: ignore[no-untyped-def]
    ok("blocker", "add", "lebak", "other", "--note", "stays open throughout")
    for event, note in PATH:
        if event == "draft_moa":
            ok("mou", "record", "lebak", *KB)
        if event == "submit_moa":
            ok("moa", "draft", "lebak", "--subject", "Sambungan rumah", "--budget", "150000000")
        if event == "sign_moa":
            ok("blocker", "resolve", "1")
            for item in ALWAYS:
                ok("approve", "lebak", item, "--on", "2026-11-27")
        before, reminders_before = region_state(ok, "lebak"), all_reminders(lebak)
        ok("advance", "lebak", event, *(["--note", note] if note else []))
        assert region_state(ok, "lebak") != before or event == "form_chapter"
        ok("undo", "lebak", "--note", "salah ketik")
        assert region_state(ok, "lebak") == before, event
        reminders_after = all_reminders(lebak)
        assert {i: reminders_after[i] for i in reminders_before} == reminders_before, event
        new = [r for i, r in reminders_after.items() if i not in reminders_before]
        assert all(r["status"] == "cancelled" for r in new), (event, new)
        ok("advance", "lebak", event, *(["--note", note] if note else []))


def test_decline_and_reopen_are_undone_too(ok, lebak: str) -> None:  # type: ignore[no-untyped-def]
    ok("advance", "lebak", "request_audiensi")
    for event, note in (("decline", "tidak berminat"), ("reopen", None)):
        before, reminders_before = region_state(ok, "lebak"), all_reminders(lebak)
        ok("advance", "lebak", event, *(["--note", note] if note else []))
        ok("undo", "lebak", "--note", "keliru")
        assert region_state(ok, "lebak") == before, event
        after = all_reminders(lebak)
        assert {i: after[i] for i in reminders_before} == reminders_before, event
        ok("advance", "lebak", event, *(["--note", note] if note else []))


def test_history_shows_both_rows_and_json_points_at_the_correction(ok, lebak: str) -> None:  # type: ignore[no-untyped-def]
    ok("advance", "lebak", "request_audiensi")
    ok("undo", "lebak", "--note", "salah ketik")
    entries = json.loads(ok("history", "lebak", "--json"))
    slip = next(e for e in entries if e["kind"] == "transition")
    undo = next(e for e in entries if e["kind"] == "reverted")
    assert slip["reverted_by"] == undo["id"]
    assert (undo["reverts"], undo["note"], undo["reverted_by"]) == (slip["id"], "salah ketik", None)
    assert undo["reminders_undone"] and not undo["reminders_pending_again"]
    text = " ".join(ok("history", "lebak").split())  # as read, whatever the wrapping
    assert (
        f"request_audiensi: prospect → audiensi_requested; follow-up due 2026-12-11 "
        f"[reverted by #{undo['id']}]" in text
    )
    assert f"undo of #{slip['id']}: request_audiensi of 2026-11-27 reverted" in text
    assert "salah ketik" in text


def test_undo_twice_undoes_the_one_before(ok, lebak: str) -> None:  # type: ignore[no-untyped-def]
    start, reminders_start = region_state(ok, "lebak"), all_reminders(lebak)
    ok("advance", "lebak", "request_audiensi")
    ok("advance", "lebak", "hold_audiensi")
    ok("undo", "lebak", "--note", "satu")
    assert region_state(ok, "lebak")["state"] == "audiensi_requested"
    assert [r["status"] for r in all_reminders(lebak).values()] == ["pending"]
    ok("undo", "lebak", "--note", "dua")
    assert region_state(ok, "lebak") == start
    assert reminders_start == {}
    assert [r["status"] for r in all_reminders(lebak).values()] == ["cancelled"]


def test_a_follow_up_whose_day_passed_is_due_now_again(ok, lebak: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ok("advance", "lebak", "request_audiensi")
    (scheduled,) = all_reminders(lebak).values()
    assert scheduled["due_on"] == "2026-12-11"
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-21T09:00:00+07:00")
    ok("advance", "lebak", "hold", "--note", "menunggu")
    assert all_reminders(lebak)[scheduled["id"]]["status"] == "cancelled"
    ok("undo", "lebak", "--note", "keliru")
    again = all_reminders(lebak)[scheduled["id"]]
    assert (again["status"], again["due_on"]) == ("pending", "2026-12-21")
    shown = region_state(ok, "lebak")
    assert (shown["state"], shown["held_from"]) == ("audiensi_requested", None)


def test_undo_of_resume_goes_back_on_hold_from_the_same_state(ok, lebak: str) -> None:  # type: ignore[no-untyped-def]
    ok("advance", "lebak", "request_audiensi")
    ok("advance", "lebak", "hold", "--note", "menunggu")
    held = region_state(ok, "lebak")
    ok("advance", "lebak", "resume")
    ok("undo", "lebak", "--note", "belum")
    assert region_state(ok, "lebak") == held
    assert held["held_from"] == "audiensi_requested"


def test_board_as_of_and_counts_ignore_the_reverted_event(ok, seeded_cli) -> None:  # type: ignore[no-untyped-def]
    for item in ALWAYS:
        ok("approve", "mojokerto", item, "--on", "2026-11-05")
    ok("advance", "mojokerto", "sign-moa", "--on", "2026-11-20")
    ok("undo", "mojokerto", "--note", "salah ketik")
    board = json.loads(ok("board", "--as-of", "2026-11-25", "--json"))
    states = {r["code"]: g["state"] for g in board["stages"] for r in g["regions"]}
    assert states["35.76"] == "moa_negotiation"
    assert board["moved_since"] == []
    # Back-dating is measured from the last event that stands, not the undone one.
    ok("advance", "mojokerto", "revise-moa", "--on", "2026-11-10")


@pytest.fixture
def seeded_cli(ok, db_url: str) -> str:  # type: ignore[no-untyped-def]
    ok("init", "--seed")
    return db_url


def test_a_milestone_undone_is_no_longer_the_chapter_formed(ok, lebak: str) -> None:  # type: ignore[no-untyped-def]
    for event in ("hold_audiensi", "form_chapter"):
        ok("advance", "lebak", event)
    assert json.loads(ok("region", "show", "lebak", "--json"))["chapter_formed_on"]
    ok("undo", "lebak", "--note", "belum dibentuk")
    assert json.loads(ok("region", "show", "lebak", "--json"))["chapter_formed_on"] is None


# --- refusals: one sentence, exit 1, nothing changed ---------------------------------


def _rows(db_url: str) -> tuple[int, list[tuple[Any, ...]]]:
    from sqlalchemy import func, select

    from workflow.infrastructure.models import AuditEntry, Region, Reminder
    from workflow.infrastructure.unit_of_work import UnitOfWork

    with UnitOfWork(db_url) as uow:
        s = uow.session
        return (
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            [tuple(r) for r in s.execute(select(Region.code, Region.state, Region.state_since))]
            + [tuple(r) for r in s.execute(select(Reminder.id, Reminder.status))],
        )


def refused(cli, db_url: str, *args: str) -> str:  # type: ignore[no-untyped-def]
    before = _rows(db_url)
    result = cli(*args)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    assert _rows(db_url) == before
    return result.stderr


def test_undo_is_refused_after_a_letter_numbered_since(ok, cli, lebak: str) -> None:  # type: ignore[no-untyped-def]
    for event in ("hold_audiensi", "draft_mou", "sign_mou", "draft_moa"):
        ok("advance", "lebak", event)
    ok("official", "set", "lebak", "--position", "Kepala Dinas PUPR", "--name", "Budi")
    ok("mou", "record", "lebak", *KB)
    ok("moa", "draft", "lebak", "--subject", "Sambungan rumah")
    ok("letter", "render", "lebak", "moa_submission")
    message = refused(cli, lebak, "undo", "lebak", "--note", "salah")
    assert "letter 001/SEK-AKSANSI/XI/2026 was numbered for Kabupaten Lebak" in message
    assert "draft_moa" in message and "letter void" in message


def test_undo_is_refused_once_a_follow_up_it_scheduled_was_issued(
    ok, cli, lebak, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ok("advance", "lebak", "request_audiensi")
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-11T07:00:00+07:00")
    ok("jobs", "sweep")
    message = refused(cli, lebak, "undo", "lebak", "--note", "salah")
    assert "follow-up #1" in message and "issued on 2026-12-11" in message


def test_undo_without_an_event_or_a_note_is_refused(cli, lebak: str) -> None:  # type: ignore[no-untyped-def]
    assert "Kabupaten Lebak has no event to undo" in refused(
        cli, lebak, "undo", "lebak", "--note", "x"
    )
    assert "--note" in refused(cli, lebak, "undo", "mojokerto")
    assert "--note" in refused(cli, lebak, "undo", "mojokerto", "--note", "  ")
    assert "no region" in refused(cli, lebak, "undo", "atlantis", "--note", "x").lower()
