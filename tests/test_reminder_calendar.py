"""`remind ics` (issue 12 §6): a calendar that imports the file again follows every change.

Closed reminders stay as cancelled events for 90 days, SEQUENCE grows with every move of the
due day, events are free time, the words are Indonesian whatever the interface language,
and an empty calendar is still a calendar. Read back with icalendar and vobject; SQLite and
PostgreSQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import vobject
from icalendar import Calendar
from test_reminders import submit_moa

from states import reminders as policy
from states.reminder_calendar import KEPT_CLOSED_DAYS, RULE_SUMMARIES


def events(cli, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The file `remind ics` prints, parsed by both libraries; its events by UID."""
    result = cli("remind", "ics", *args)
    assert result.exit_code == 0, result.stderr
    parsed = Calendar.from_ical(result.stdout.encode())
    other = vobject.readOne(result.stdout)
    found = {str(event["uid"]): event for event in parsed.walk("VEVENT")}
    assert sorted(found) == sorted(e.uid.value for e in other.contents.get("vevent", []))
    return found


def only(found: dict[str, Any], reminder_id: int) -> Any:
    [event] = [e for uid, e in found.items() if uid.startswith(f"reminder-{reminder_id}-")]
    return event


def test_every_move_of_the_due_day_raises_the_sequence(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    submit_moa(seeded)
    first = only(events(cli), 1)
    assert (first["sequence"], first.decoded("dtstart")) == (0, date(2026, 12, 11))
    assert cli("remind", "snooze", "1", "--until", "2026-12-14").exit_code == 0
    moved = only(events(cli), 1)
    assert (moved["sequence"], moved.decoded("dtstart")) == (1, date(2026, 12, 14))
    assert str(moved["uid"]) == str(first["uid"])
    assert cli("remind", "snooze", "1", "--until", "2026-12-16").exit_code == 0
    assert only(events(cli), 1)["sequence"] == 2
    assert only(events(cli), 2)["sequence"] == 0  # the other steps did not move


def test_events_are_free_time_in_indonesian_whatever_the_interface(  # type: ignore[no-untyped-def]
    cli, seeded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit_moa(seeded)
    for lang in ("en", "id"):
        monkeypatch.setenv("AKSANSI_LANG", lang)
        event = only(events(cli), 1)
        assert str(event["summary"]) == (
            "Kota Pekalongan: Rancangan PKS belum dijawab: kirim surat permohonan tanggapan."
        )
        assert str(event["description"]).splitlines() == [
            "Pengingat #1 untuk Kota Pekalongan (33.75), status: menunggu.",
            "Surat: Permohonan Tanggapan atas Rancangan Perjanjian Kerja Sama",
            "Rincian: aksansi remind explain 33.75",
        ]
        assert (str(event["transp"]), str(event["status"])) == ("TRANSPARENT", "CONFIRMED")


def test_a_done_reminder_is_cancelled_for_90_days_then_leaves_the_file(  # type: ignore[no-untyped-def]
    cli, seeded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("remind", "add", "kediri", "--on", "2026-12-02", "Telepon Bappeda").exit_code == 0
    open_event = only(events(cli), 1)
    assert (str(open_event["status"]), open_event["sequence"]) == ("CONFIRMED", 0)
    assert cli("remind", "done", "1").exit_code == 0  # on 2026-11-27
    done = only(events(cli), 1)
    assert (str(done["status"]), done["sequence"]) == ("CANCELLED", 1)
    assert str(done["summary"]) == "[selesai] Kota Kediri: Telepon Bappeda"
    assert done.decoded("dtstart") == date(2026, 12, 2)
    assert str(done["transp"]) == "TRANSPARENT"
    monkeypatch.setenv("AKSANSI_NOW", "2027-02-25T09:00:00+07:00")  # 90 days after
    assert (date(2027, 2, 25) - date(2026, 11, 27)).days == KEPT_CLOSED_DAYS
    assert str(only(events(cli), 1)["status"]) == "CANCELLED"
    monkeypatch.setenv("AKSANSI_NOW", "2027-02-26T09:00:00+07:00")
    assert events(cli) == {}


def test_cancelled_by_progress_and_pending_again_after_undo(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.advance import advance

    submit_moa(seeded)
    advance(UnitOfWork(seeded), "pekalongan", "receive_response", actor="rina")
    cancelled = _ladder(events(cli))  # the answer also starts the approvals' chase (#4, #5)
    assert {str(e["status"]) for e in cancelled.values()} == {"CANCELLED"}
    assert {e["sequence"] for e in cancelled.values()} == {1}
    assert str(only(cancelled, 1)["summary"]).startswith("[dibatalkan] Kota Pekalongan: ")
    undone = cli("undo", "pekalongan", "--note", "keliru")
    assert undone.exit_code == 0, undone.stderr
    again = _ladder(events(cli))
    assert {str(e["status"]) for e in again.values()} == {"CONFIRMED"}
    assert {e["sequence"] for e in again.values()} == {2}


def _ladder(found: dict[str, Any]) -> dict[str, Any]:
    """The events of the MoA response ladder that `submit_moa` scheduled (#1 to #3)."""
    return {uid: e for uid, e in found.items() if uid.split("-")[1] in {"1", "2", "3"}}


def test_a_calendar_with_no_event_still_parses(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("remind", "ics")
    assert result.exit_code == 0, result.stderr
    parsed = Calendar.from_ical(result.stdout.encode())
    assert str(parsed["x-wr-calname"]) == "Pengingat AKSANSI"
    assert parsed.walk("VEVENT") == [] and [str(z["tzid"]) for z in parsed.walk("VTIMEZONE")] == [
        "Asia/Jakarta"
    ]
    other = vobject.readOne(result.stdout)
    assert other.name == "VCALENDAR" and "vevent" not in other.contents
    assert other.vtimezone.tzid.value == "Asia/Jakarta"


def test_every_rule_has_an_indonesian_summary() -> None:
    assert set(RULE_SUMMARIES) == set(policy.RULES_BY_ID)


def test_the_revision_counts_the_past_snoozes_and_closes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from workflow.infrastructure import db, schema

    url = db.database_url(str(tmp_path / "old.sqlite3"))
    schema.upgrade(url, "0012_worklist")
    reminder = (
        "INSERT INTO reminder (id, region_id, trigger, step, text, letter_extra, base_on,"
        " due_on, status, created_at) VALUES (:id, 1, 'manual', 1, 'x', '{}', '2026-11-02',"
        " '2026-11-20', :status, '2026-11-02 00:00:00')"
    )
    snoozed = (
        "INSERT INTO audit_log (region_id, kind, occurred_on, recorded_at, actor, details)"
        " VALUES (1, 'reminder_snoozed', '2026-11-03', '2026-11-03 00:00:00', 'rina', :details)"
    )
    with db.engine_for(url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO region (id, code, name, kind, state, created_at, version_id)"
                " VALUES (1, '35.71', 'Kota Kediri', 'kota', 'contacted', '2026-01-05', 1)"
            )
        )
        for row in ((1, "pending"), (2, "done"), (3, "issued")):
            conn.execute(text(reminder), {"id": row[0], "status": row[1]})
        for details in ('{"reminder_id": 1}', '{"reminder_id": 1}', '{"reminder_id": 2}'):
            conn.execute(text(snoozed), {"details": details})
    schema.upgrade(url)
    with db.engine_for(url).connect() as conn:
        found = conn.execute(text("SELECT id, ics_sequence FROM reminder ORDER BY id")).all()
    assert [tuple(row) for row in found] == [(1, 2), (2, 2), (3, 0)]
    db.dispose(url)


def test_the_sweep_keeps_the_issued_step_and_cancels_the_skipped_ones(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    from secretariat import PROFILE
    from test_sweep import at

    from jobs.sweep import run_sweep

    for key, value in PROFILE.items():
        assert cli("config", "set", key, value).exit_code == 0
    submit_moa(seeded)
    report = run_sweep(seeded, now=at("2027-01-14"), actor="t")  # all three steps due
    [issued] = report.issued
    found = events(cli)
    skipped = [only(found, i) for i in (1, 2)]
    assert [(str(e["status"]), e["sequence"]) for e in skipped] == [("CANCELLED", 1)] * 2
    assert all(str(e["summary"]).startswith("[dilewati] Kota Pekalongan: ") for e in skipped)
    kept = only(found, issued.id)
    assert (str(kept["status"]), kept["sequence"]) == ("CONFIRMED", 0)
    assert str(kept["description"]).splitlines()[:2] == [
        f"Pengingat #{issued.id} untuk Kota Pekalongan (33.75), status: diterbitkan,"
        " menunggu tindak lanjut.",
        f"Surat: Permohonan Audiensi, nomor {issued.letter_number}",
    ]
