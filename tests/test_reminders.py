"""Reminder policy, scheduling on the lifecycle, cancellation on progress, the remind commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from reminder_helpers import moa_draft, reminders_of
from sqlalchemy import select

from workflow.infrastructure.models import AuditEntry, Region
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance

FRIDAY = date(2026, 11, 27)


def submit_moa(url: str, region: str = "pekalongan", on: date | None = None) -> None:
    moa_draft(url, region)
    advance(UnitOfWork(url), region, "draft_moa", actor="rina", on=on)
    advance(UnitOfWork(url), region, "submit_moa", actor="rina", on=on)


def test_submitting_the_moa_schedules_the_ladder_on_working_days(seeded: str) -> None:
    submit_moa(seeded)
    rows = reminders_of(seeded, "33.75")
    assert [(r.rule_id, r.due_on, r.letter_kind, r.status) for r in rows] == [
        ("moa_response_request_1", date(2026, 12, 11), "response_request", "pending"),
        # 24 Dec cuti bersama and 25 Dec Christmas are skipped
        ("moa_response_request_2", date(2026, 12, 29), "response_request", "pending"),
        # 1 Jan and Isra Mi'raj (5 Jan 2027) are skipped
        ("moa_escalation", date(2027, 1, 14), "audiensi_request", "pending"),
    ]
    assert rows[1].letter_extra == {"step": 2}
    assert rows[2].opens_blocker == "draft_unanswered"
    assert {r.ladder for r in rows} == {"moa_response"}
    with UnitOfWork(seeded) as uow:
        entry = uow.session.get_one(AuditEntry, rows[0].created_by_entry_id)
        assert (entry.event, entry.to_state) == ("submit_moa", "moa_submitted")


def test_receiving_a_response_cancels_the_ladder(seeded: str) -> None:
    submit_moa(seeded)
    advance(
        UnitOfWork(seeded), "pekalongan", "receive_response", actor="rina", on=date(2026, 11, 27)
    )
    rows = [r for r in reminders_of(seeded, "33.75") if r.trigger != "approval"]
    assert {r.status for r in rows} == {"cancelled"}
    assert all(
        "left moa_submitted (receive_response on 2026-11-27)" in r.closed_reason for r in rows
    )
    with UnitOfWork(seeded) as uow:
        kinds = uow.session.scalars(select(AuditEntry.kind).order_by(AuditEntry.id)).all()
    assert kinds[-1] == "reminder_cancelled"


@pytest.mark.parametrize(
    ("events", "rule", "due"),
    [
        (["reopen_path"], "audiensi_followup", date(2026, 12, 11)),
        (["sign_mou"], "moa_draft_preparation", date(2026, 12, 29)),
    ],
)
def test_state_entry_rules(sqlite_url: str, cli, events, rule, due) -> None:  # type: ignore[no-untyped-def]
    assert cli("region", "add", "33.01", "Kabupaten Cilacap").exit_code == 0
    path = (
        ["request_audiensi"]
        if events == ["reopen_path"]
        else ["hold_audiensi", "draft_mou", "sign_mou"]
    )
    for event in path:
        result = cli("advance", "cilacap", event)
        assert result.exit_code == 0, result.stderr
    rows = [r for r in reminders_of(sqlite_url, "33.01") if r.status == "pending"]
    assert [(r.rule_id, r.due_on) for r in rows] == [(rule, due)]


def test_back_dated_entry_counts_from_the_event_day(seeded_sqlite: str) -> None:
    submit_moa(seeded_sqlite, on=date(2026, 11, 2))
    rows = reminders_of(seeded_sqlite, "33.75")
    assert [r.due_on for r in rows] == [date(2026, 11, 16), date(2026, 11, 30), date(2026, 12, 14)]
    assert rows[0].base_on == date(2026, 11, 2)


def test_remind_commands_list_add_done_snooze(seeded_sqlite: str, cli) -> None:  # type: ignore[no-untyped-def]
    submit_moa(seeded_sqlite)
    added = cli("remind", "add", "temanggung", "--on", "2026-12-01", "Call", "the", "Dinas")
    assert added.exit_code == 0, added.stderr
    listed = json.loads(cli("remind", "list", "--json").stdout)
    assert listed[0] == {
        "id": 4,
        "region": "33.23",
        "due_on": "2026-12-01",
        "text": "Call the Dinas",
        "status": "pending",
        "letter": None,
        "letter_error": None,
        "sent_on": None,
    }
    assert [item["region"] for item in listed] == ["33.23", "33.75", "33.75", "33.75"]
    only = json.loads(cli("remind", "list", "--region", "33.75", "--json").stdout)
    assert len(only) == 3
    assert json.loads(cli("remind", "list", "--due", "--json").stdout) == []
    snoozed = cli("remind", "snooze", "4", "--until", "2026-12-24")  # cuti bersama
    assert snoozed.exit_code == 0 and "2026-12-28" in snoozed.stdout
    assert cli("remind", "done", "4").exit_code == 0
    again = cli("remind", "done", "4")
    assert again.exit_code == 1 and "is done" in again.stderr


def test_remind_refusals(seeded_sqlite: str, cli) -> None:  # type: ignore[no-untyped-def]
    submit_moa(seeded_sqlite)
    advance(UnitOfWork(seeded_sqlite), "pekalongan", "receive_response", actor="rina")
    cancelled = cli("remind", "done", "1")
    assert cancelled.exit_code == 1 and "reminder #1 is cancelled" in cancelled.stderr
    past = cli("remind", "snooze", "1", "--until", "2026-11-20")
    assert past.exit_code == 1 and "cannot snooze into the past" in past.stderr
    assert cli("remind", "add", "atlantis", "--on", "2026-12-01", "x").exit_code == 1
    bad_day = cli("remind", "add", "temanggung", "--on", "tomorrow", "x")
    assert bad_day.exit_code == 1 and "is not a date" in bad_day.stderr
    missing = cli("remind", "done", "99")
    assert missing.exit_code == 1 and "no reminder #99" in missing.stderr


def test_explain_says_rule_event_and_why_cancelled(seeded_sqlite: str, cli) -> None:  # type: ignore[no-untyped-def]
    submit_moa(seeded_sqlite)
    advance(UnitOfWork(seeded_sqlite), "pekalongan", "receive_response", actor="rina")
    out = cli("remind", "explain", "pekalongan").stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    text = " ".join(out.split())  # wrapped for 80 columns; read as one text
    assert "rule moa_response_request_2 (20 working days after 2026-11-27)" in text
    assert "scheduled by submit_moa (moa_drafting → moa_submitted) on 2026-11-27 by rina" in text
    assert "cancelled on 2026-11-27: the region left moa_submitted (receive_response" in text


def test_region_views_show_the_next_reminder(seeded_sqlite: str, cli) -> None:  # type: ignore[no-untyped-def]
    submit_moa(seeded_sqlite)
    from workflow.domain.region_sections import next_reminders_for

    with UnitOfWork(seeded_sqlite) as uow:
        found = next_reminders_for(uow.session, [1, 2, 3])
    assert found == {
        1: {
            "id": 1,
            "region": "33.75",
            "due_on": "2026-12-11",
            "text": found[1]["text"],
            "status": "pending",
            "letter": "response_request",
        }
    }


def test_ics_has_stable_uids_and_parses_back(seeded_sqlite: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    submit_moa(seeded_sqlite)
    target = tmp_path / "reminders.ics"
    assert cli("remind", "ics", "-o", str(target)).exit_code == 0
    first = Calendar.from_ical(target.read_bytes())
    events = first.walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [
        date(2026, 12, 11),
        date(2026, 12, 29),
        date(2027, 1, 14),
    ]
    assert "Kota Pekalongan" in str(events[0]["summary"])
    cli("remind", "snooze", "1", "--until", "2026-12-14")
    again = Calendar.from_ical(cli("remind", "ics").stdout.encode())
    moved = {str(e["uid"]): e.decoded("dtstart") for e in again.walk("VEVENT")}
    assert set(moved) == {str(e["uid"]) for e in events}
    assert moved[str(events[0]["uid"])] == date(2026, 12, 14)


def test_next_reminder_is_the_earliest_pending_per_region(seeded: str, cli) -> None:  # type: ignore[no-untyped-def]
    from workflow.domain.region_sections import next_reminders_for

    for day, text in (("2026-12-20", "later"), ("2026-12-02", "first"), ("2026-12-09", "mid")):
        assert cli("remind", "add", "kediri", "--on", day, text).exit_code == 0
    assert cli("remind", "add", "temanggung", "--on", "2026-12-01", "other").exit_code == 0
    assert cli("remind", "done", "2").exit_code == 0  # "first" is dealt with
    with UnitOfWork(seeded) as uow:
        ids = [r.id for r in uow.session.scalars(select(Region).order_by(Region.id))]
        found = next_reminders_for(uow.session, ids)
    assert sorted((v["region"], v["text"], v["due_on"]) for v in found.values()) == [
        ("33.23", "other", "2026-12-01"),
        ("35.71", "mid", "2026-12-09"),
    ]
