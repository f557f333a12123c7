"""The policy on exact days with its letters and automatic blockers (design.md §5)."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from reminder_helpers import AKSANSI, add_due, issued_audit_ids, moa_draft, reminders_of
from secretariat import set_profile
from sqlalchemy import select

from workflow.domain.blockers.log import open_blocker, resolve_blocker_row
from workflow.infrastructure import db
from workflow.infrastructure.models import AuditEntry, Blocker, Letter, Region
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance
from workflow.services.officials import set_official
from workflow.services.seed import seed_portfolio


@pytest.fixture
def ready(sqlite_url: str, cli) -> str:  # type: ignore[no-untyped-def]
    """Mojokerto with a profile, a technical office and its MoA submitted on Fri 27 Nov."""
    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    set_profile(sqlite_url)
    set_official(
        UnitOfWork(sqlite_url),
        "mojokerto",
        position="Kepala Dinas PUPR",
        name="Budi Santoso",
        actor="tester",
        since=date(2026, 1, 5),
    )
    advance(UnitOfWork(sqlite_url), "mojokerto", "revise_moa", actor="tester")
    moa_draft(sqlite_url, "mojokerto")
    assert cli("letter", "render", "mojokerto", "moa_submission").exit_code == 0
    advance(UnitOfWork(sqlite_url), "mojokerto", "submit_moa", actor="tester")
    return sqlite_url


def sweep_on(cli, monkeypatch, day: str) -> str:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AKSANSI_NOW", f"{day}T08:00:00+07:00")
    result = cli("jobs", "sweep")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def letters_of(url: str) -> list[Letter]:
    with db.session_factory(db.database_url(url))() as session:
        return list(session.scalars(select(Letter).order_by(Letter.id)))


def test_the_ladder_fires_on_its_working_days_with_its_letters(
    ready: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert "nothing due" in sweep_on(cli, monkeypatch, "2026-12-10")
    first = sweep_on(cli, monkeypatch, "2026-12-11")
    assert "letter response_request no. 002/SEK-AKSANSI/XII/2026" in first
    assert "nothing due" in sweep_on(cli, monkeypatch, "2026-12-11")
    assert "nothing due" in sweep_on(cli, monkeypatch, "2026-12-28")  # 24–25 Dec are off
    second = sweep_on(cli, monkeypatch, "2026-12-29")
    assert "letter response_request no. 003/SEK-AKSANSI/XII/2026" in second
    assert "nothing due" in sweep_on(cli, monkeypatch, "2027-01-13")  # Isra Mi'raj 5 Jan
    third = sweep_on(cli, monkeypatch, "2027-01-14")
    assert "letter audiensi_request no. 001/SEK-AKSANSI/I/2027" in third
    assert "blocker draft_unanswered opened" in third
    kinds = [(x.kind, x.step, x.issued_on) for x in letters_of(ready)]
    assert kinds == [
        ("moa_submission", 1, date(2026, 11, 27)),
        ("response_request", 1, date(2026, 12, 11)),
        ("response_request", 2, date(2026, 12, 29)),
        ("audiensi_request", 1, date(2027, 1, 14)),
    ]
    second_letter = letters_of(ready)[2]
    assert "Sekretaris Daerah Kota Mojokerto selaku Ketua TKKSD" in second_letter.content
    assert list(second_letter.files) == ["docx"]  # the sweep writes Word (letter.formats)
    word = "\n".join(p.text for p in docx.Document(second_letter.files["docx"]).paragraphs)
    assert "Sekretaris Daerah Kota Mojokerto selaku Ketua TKKSD" in word
    assert "Wali Kota Mojokerto" in letters_of(ready)[3].content
    with db.session_factory(db.database_url(ready))() as session:
        blocker = session.scalars(select(Blocker)).one()
    assert (blocker.type, blocker.automatic, blocker.opened_on) == (
        "draft_unanswered",
        True,
        date(2027, 1, 14),
    )


def test_after_a_week_off_one_letter_and_the_earlier_step_skipped(
    ready: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    sweep_on(cli, monkeypatch, "2026-12-11")
    out = sweep_on(cli, monkeypatch, "2027-01-20")  # steps 2 and 3 both due
    assert "1 reminder issued" in out and "skipped earlier steps: #2" in out
    assert [r.status for r in reminders_of(ready)] == ["issued", "skipped", "issued"]
    assert [x.kind for x in letters_of(ready)][-1] == "audiensi_request"
    assert len(letters_of(ready)) == 3  # no second response request was rendered


def test_a_letter_that_cannot_be_produced_still_issues_the_reminder(
    sqlite_url: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    advance(UnitOfWork(sqlite_url), "mojokerto", "revise_moa", actor="tester")
    moa_draft(sqlite_url, "mojokerto")
    advance(UnitOfWork(sqlite_url), "mojokerto", "submit_moa", actor="tester")
    out = sweep_on(cli, monkeypatch, "2026-12-11")
    assert "letter response_request NOT produced: the response_request letter " in out
    assert "record it with: aksansi official set 35.76" in out  # how to fix it
    [first, *_] = reminders_of(sqlite_url)
    assert first.status == "issued" and first.letter_error and first.letter_number is None
    assert letters_of(sqlite_url) == []
    assert "nothing due" in sweep_on(cli, monkeypatch, "2026-12-11")


def test_rotation_schedules_the_introduction_and_resolving_cancels_it(
    ready: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    result = set_official(
        UnitOfWork(ready),
        "mojokerto",
        position="Kepala Dinas PUPR",
        name="Siti Aminah",
        actor="tester",
        since=date(2026, 11, 27),
    )
    assert result.blocker_id is not None
    intro = [r for r in reminders_of(ready) if r.rule_id == "official_introduction"]
    assert [(r.due_on, r.letter_kind, r.status) for r in intro] == [
        (date(2026, 12, 4), "official_introduction", "pending")
    ]
    with UnitOfWork(ready) as uow:
        blocker = uow.session.get_one(Blocker, result.blocker_id)
        resolve_blocker_row(uow.session, blocker, note="met", on=date(2026, 11, 27), actor="t")
        uow.commit()
    [after] = [r for r in reminders_of(ready) if r.rule_id == "official_introduction"]
    assert after.status == "cancelled" and "was resolved" in after.closed_reason
    assert "nothing due" in sweep_on(cli, monkeypatch, "2026-12-04")


def test_funding_unanswered_follow_up_after_ten_working_days(ready: str, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with UnitOfWork(ready) as uow:
        region = uow.session.scalars(select(Region).where(Region.code == "35.76")).one()
        open_blocker(
            uow.session,
            region,
            "funding_unanswered",
            note="no answer",
            on=date(2026, 11, 27),
            actor="t",
        )
        uow.commit()
    [funding] = [r for r in reminders_of(ready) if r.rule_id == "funding_followup"]
    assert (funding.due_on, funding.letter_kind) == (date(2026, 12, 11), "funding_followup")
    out = sweep_on(cli, monkeypatch, "2026-12-11")
    assert "letter funding_followup no." in out


def test_killed_while_rendering_then_rerun_renders_each_letter_once(ready: str) -> None:
    add_due(ready, 3, letter="audiensi_request")  # ids 4-6, due 20 Nov, to the heads
    env = {**os.environ, "AKSANSI_DB": ready, "AKSANSI_TEST_CRASH_AFTER": "1"}
    crashed = subprocess.run([AKSANSI, "jobs", "sweep"], env=env, capture_output=True, timeout=60)
    assert crashed.returncode == 137
    assert issued_audit_ids(ready) == [4]
    assert len(letters_of(ready)) == 2  # the submission and one request; the second rolled back
    del env["AKSANSI_TEST_CRASH_AFTER"]
    rerun = subprocess.run([AKSANSI, "jobs", "sweep"], env=env, capture_output=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert issued_audit_ids(ready) == [4, 5, 6]
    numbers = [x.number for x in letters_of(ready)]
    assert numbers == [f"00{n}/SEK-AKSANSI/XI/2026" for n in range(1, 5)]  # none lost, none twice


def test_a_letter_file_that_cannot_be_written_uses_no_number_and_stores_nothing(
    ready: str,
    cli,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    add_due(ready, 1, letter="audiensi_request")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the letters folder should be")
    monkeypatch.setenv("AKSANSI_OUTPUT_DIR", str(blocked))
    out = sweep_on(cli, monkeypatch, "2026-11-27")
    assert "NOT produced" in out and "cannot write" in out
    [reminder] = [r for r in reminders_of(ready) if r.text == "Test reminder 0"]
    assert reminder.status == "issued" and reminder.letter_number is None
    assert len(letters_of(ready)) == 1  # only the MoA submission of the fixture
    with UnitOfWork(ready) as uow:
        kinds = uow.session.scalars(select(AuditEntry.kind).order_by(AuditEntry.id)).all()
    assert kinds[-1] == "reminder_issued"  # no audit row of a letter that does not exist
    monkeypatch.setenv("AKSANSI_OUTPUT_DIR", str(tmp_path / "letters"))
    again = cli("letter", "render", "mojokerto", "audiensi_request")
    assert again.exit_code == 0, again.stderr
    assert [x.number for x in letters_of(ready)][-1] == "002/SEK-AKSANSI/XI/2026"
