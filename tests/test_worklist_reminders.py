"""Issue 10: reminders live on after the sweep — issued until done (`letter sent`), a letter
not made is a task with its fix (`remind retry`), automatic blockers resolve themselves."""

from __future__ import annotations

import json
from datetime import date

import pytest
from reminder_helpers import moa_draft, reminders_of
from secretariat import set_profile
from sqlalchemy import select

from states.letters import LETTER_KINDS
from workflow.infrastructure import db
from workflow.infrastructure.models import AuditEntry, Blocker, Letter
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance
from workflow.services.officials import set_official
from workflow.services.seed import seed_portfolio


def _profile(url: str) -> None:
    seed_portfolio(UnitOfWork(url), actor="tester")
    set_profile(url)


@pytest.fixture
def ready(db_url: str, cli) -> str:  # type: ignore[no-untyped-def]
    """Mojokerto with a profile, a Kepala Dinas and its MoA submitted on Fri 27 Nov 2026."""
    _profile(db_url)
    set_official(
        UnitOfWork(db_url),
        "mojokerto",
        position="Kepala Dinas PUPR",
        name="Budi Santoso",
        actor="tester",
        since=date(2026, 1, 5),
    )
    advance(UnitOfWork(db_url), "mojokerto", "revise_moa", actor="tester")
    moa_draft(db_url, "mojokerto")
    assert cli("letter", "render", "mojokerto", "moa_submission").exit_code == 0
    advance(UnitOfWork(db_url), "mojokerto", "submit_moa", actor="tester")
    return db_url


def on(monkeypatch, day: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AKSANSI_NOW", f"{day}T08:00:00+07:00")


def sweep(cli, monkeypatch, day: str) -> str:  # type: ignore[no-untyped-def]
    on(monkeypatch, day)
    result = cli("jobs", "sweep")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def today(cli) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = cli("today", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _letter(url: str, number: str) -> Letter:
    with db.session_factory(db.database_url(url))() as session:
        return session.scalars(select(Letter).where(Letter.number == number)).one()


def test_an_issued_follow_up_stays_on_today_until_its_letter_is_sent(
    ready: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    sweep(cli, monkeypatch, "2026-12-11")
    number = "002/SEK-AKSANSI/XII/2026"
    for day in ("2026-12-11", "2026-12-14", "2026-12-16"):  # printed, not yet posted
        on(monkeypatch, day)
        items = [i for i in today(cli)["to_do"] if i["region"] == "35.76"]
        assert [(i["reminder_id"], i["letter_number"], i["letter"]) for i in items] == [
            (1, number, "response_request")
        ]
        assert "#1 " in cli("remind", "list").stdout  # issued is listed by default
    assert items[0]["overdue_days"] == 3 and items[0]["source"] == "reminder"
    assert f"aksansi letter sent {number}" in cli("today").stdout
    board = json.loads(cli("board", "--json").stdout)
    mojokerto = next(r for s in board["stages"] for r in s["regions"] if r["code"] == "35.76")
    assert mojokerto["next_action"]["reminder_id"] == 1
    sent = cli("letter", "sent", number, "--on", "2026-12-15", "--via", "post")
    assert sent.exit_code == 0, sent.stderr
    assert "Reminder #1 is done." in sent.stdout
    agenda = today(cli)
    assert all(item["reminder_id"] != 1 for item in agenda["to_do"] + agenda["waiting"])
    waiting = next(i for i in agenda["waiting"] if i["region"] == "35.76")
    assert (waiting["who"], waiting["reminder_id"]) == ("pemda", 2)  # the second request
    assert _letter(ready, number).sent_on == date(2026, 12, 15)
    done = json.loads(cli("remind", "list", "--status", "done", "--json").stdout)
    assert [(r["id"], r["sent_on"], r["letter_error"]) for r in done] == [(1, "2026-12-15", None)]
    history = cli("history", "mojokerto", "--json").stdout
    assert '"kind": "letter_sent"' in history


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["999/SEK-AKSANSI/XII/2026"], "no letter numbered 999/SEK-AKSANSI/XII/2026"),
        (["001/SEK-AKSANSI/XI/2026", "--on", "2026-11-20"], "cannot have been sent before"),
        (["001/SEK-AKSANSI/XI/2026", "--on", "2026-12-25"], "is in the future"),
        (["001/SEK-AKSANSI/XI/2026", "--via", "fax"], "is not a way of sending"),
    ],
)
def test_letter_sent_refuses_bad_input_and_changes_nothing(
    ready: str, cli, monkeypatch, args: list[str], says: str
) -> None:  # type: ignore[no-untyped-def]
    on(monkeypatch, "2026-12-01")
    result = cli("letter", "sent", *args)
    assert result.exit_code == 1 and says in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _letter(ready, "001/SEK-AKSANSI/XI/2026").sent_on is None


def test_a_letter_is_recorded_sent_once(ready: str, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    on(monkeypatch, "2026-12-01")
    assert cli("letter", "sent", "001/SEK-AKSANSI/XI/2026", "--via", "hand").exit_code == 0
    again = cli("letter", "sent", "001/SEK-AKSANSI/XI/2026")
    assert again.exit_code == 1 and "already recorded sent on 2026-12-01 (hand)" in again.stderr


def test_a_letter_the_sweep_could_not_make_is_a_task_with_its_fix_then_retried(
    db_url: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from _kb import record_kb

    _profile(db_url)
    record_kb(db_url, "lubuklinggau")
    for args in (
        ("advance", "lubuklinggau", "draft_moa"),
        ("moa", "draft", "lubuklinggau", "--subject", "Pendampingan KSM"),
        ("letter", "render", "lubuklinggau", "moa_submission", "--to", "Kepala Dinas PUPR"),
        ("advance", "lubuklinggau", "submit_moa"),
    ):
        assert cli(*args).exit_code == 0
    digest = sweep(cli, monkeypatch, "2026-12-11")
    assert "Letters not made (1): fix the cause, then retry." in digest
    assert "then: aksansi remind retry 1" in digest
    fix = 'aksansi official set 16.73 --position "Kepala Dinas PUPR" --name NAME'
    assert f"fix: {fix}" in digest
    on(monkeypatch, "2026-12-14")
    item = next(i for i in today(cli)["to_do"] if i["region"] == "16.73")
    assert (item["reminder_id"], item["letter_number"], item["fix"]) == (1, None, fix)
    text = cli("today").stdout
    assert "Kepala Dinas PUPR" in text and "then: aksansi remind retry 1" in text
    refused = cli("remind", "retry", "1")
    assert refused.exit_code == 1
    assert "still cannot be made" in refused.stderr and "official set" in refused.stderr
    assert (
        cli(
            "official", "set", "16.73", "--position", "Kepala Dinas PUPR", "--name", "Hendra"
        ).exit_code
        == 0
    )
    retried = cli("remind", "retry", "1")
    assert retried.exit_code == 0, retried.stderr
    assert "002/SEK-AKSANSI/XII/2026" in retried.stdout  # the register's next number
    letter = _letter(db_url, "002/SEK-AKSANSI/XII/2026")
    assert (letter.kind, letter.issued_on) == ("response_request", date(2026, 12, 14))
    assert "Kepala Dinas PUPR Kota Lubuklinggau" in letter.content
    item = next(i for i in today(cli)["to_do"] if i["region"] == "16.73")
    assert (item["letter_number"], item["fix"]) == ("002/SEK-AKSANSI/XII/2026", None)
    again = cli("remind", "retry", "1")
    assert again.exit_code == 1 and "exists already" in again.stderr
    assert cli("letter", "sent", "002/SEK-AKSANSI/XII/2026").exit_code == 0
    not_issued = cli("remind", "retry", "1")
    assert not_issued.exit_code == 1 and "is done" in not_issued.stderr


def test_receive_response_resolves_draft_unanswered_and_cancels_in_one_transaction(
    ready: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    for day in ("2026-12-11", "2026-12-29", "2027-01-14"):
        sweep(cli, monkeypatch, day)
    on(monkeypatch, "2027-01-20")
    import workflow.services.advance as service

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(service, "_notes", broken)
        with pytest.raises(RuntimeError):
            cli("advance", "mojokerto", "receive_response")
    with db.session_factory(db.database_url(ready))() as session:
        assert session.scalars(select(Blocker)).one().resolved_on is None  # nothing half done
    assert {r.status for r in reminders_of(ready)} == {"issued"}
    answered = cli("advance", "mojokerto", "receive_response")
    assert answered.exit_code == 0, answered.stderr
    assert "Resolved blocker #1 (draft_unanswered)" in answered.stdout
    for reminder_id in (1, 2, 3):  # the letters prepared but never recorded sent
        assert f"Cancelled follow-up #{reminder_id}:" in answered.stdout
    with db.session_factory(db.database_url(ready))() as session:
        blocker = session.scalars(select(Blocker)).one()
        resolved = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "blocker_resolved")
        ).one()
    assert blocker.resolved_on == date(2027, 1, 20)
    assert blocker.resolution_note == "resolved by receive_response on 2027-01-20"
    assert resolved.details["resolved_by"] == "receive_response"
    follow_ups = [r for r in reminders_of(ready) if r.trigger != "approval"]
    assert {r.status for r in follow_ups} == {"cancelled"}
    # the answer starts the chase of the approvals before the PKS (states/reminders.py)
    chased = [(r.rule_id, r.status) for r in reminders_of(ready) if r.trigger == "approval"]
    assert chased == [("tkksd_review_request", "pending"), ("legal_review_request", "pending")]
    signing = cli("events", "mojokerto", "--json").stdout  # no open blocker holds it back now
    assert "draft_unanswered" not in signing


def test_official_rotated_resolves_when_the_introduction_letter_is_sent(
    ready: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    advance(UnitOfWork(ready), "mojokerto", "receive_response", actor="tester")
    rotated = cli(
        "official", "set", "mojokerto", "--position", "Kepala Dinas PUPR", "--name", "Sari Dewi"
    )
    assert rotated.exit_code == 0, rotated.stderr
    board = json.loads(cli("board", "--json").stdout)
    mojokerto = next(r for s in board["stages"] for r in s["regions"] if r["code"] == "35.76")
    action = mojokerto["next_action"]
    assert (action["letter"], action["source"], action["blocker_id"]) == (
        "official_introduction",
        "reminder",
        1,
    )
    sweep(cli, monkeypatch, "2026-12-04")  # 5 working days after Fri 27 Nov
    number = next(
        r.letter_number for r in reminders_of(ready) if r.rule_id == "official_introduction"
    )
    early = cli("letter", "sent", number, "--on", "2026-12-07")  # still the 4th
    assert early.exit_code == 1 and "in the future" in early.stderr
    on(monkeypatch, "2026-12-07")
    sent = cli("letter", "sent", number, "--on", "2026-12-07")
    assert sent.exit_code == 0, sent.stderr
    assert "Resolved blocker #1 (official_rotated)" in sent.stdout
    with db.session_factory(db.database_url(ready))() as session:
        blocker = session.scalars(select(Blocker)).one()
    assert blocker.resolved_on == date(2026, 12, 7)
    assert blocker.resolution_note == f"resolved by letter_sent {number} on 2026-12-07"


def test_remind_list_status(ready: str, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sweep(cli, monkeypatch, "2026-12-11")
    listed = json.loads(cli("remind", "list", "--json").stdout)
    assert [(r["id"], r["status"]) for r in listed] == [
        (1, "issued"),
        (2, "pending"),
        (3, "pending"),
    ]
    issued = json.loads(cli("remind", "list", "--status", "issued", "--json").stdout)
    assert [r["id"] for r in issued] == [1] and issued[0]["sent_on"] is None
    assert len(json.loads(cli("remind", "list", "--status", "all", "--json").stdout)) == 3
    bad = cli("remind", "list", "--status", "open")
    assert bad.exit_code == 1 and "is not a reminder status" in bad.stderr


def test_reply_to_is_cited_in_every_letter_kind(ready: str, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    on(monkeypatch, "2026-12-02")
    received = cli(
        "letter", "receive", "mojokerto", "--number", "600/77/417.109/2026", "--date", "2026-12-01",
        "--subject", "Tanggapan atas Rancangan PKS", "--sender", "Kepala Dinas PUPR Kota Mojokerto",
    )  # fmt: skip
    assert received.exit_code == 0, received.stderr
    cited = (
        "Kepala Dinas PUPR Kota Mojokerto Nomor 600/77/417.109/2026 tanggal 1 Desember 2026 "
        "hal Tanggapan atas Rancangan PKS"
    )
    for kind in (k["id"] for k in LETTER_KINDS):
        shown = cli(
            "letter", "render", "mojokerto", kind, "--preview", "--reply-to", "600/77/417.109/2026"
        )
        assert shown.exit_code == 0, (kind, shown.stderr)
        assert cited in " ".join(shown.stdout.split()), kind
    rendered = cli(
        "letter", "render", "mojokerto", "response_request", "--reply-to", "600/77/417.109/2026"
    )
    assert rendered.exit_code == 0, rendered.stderr
    text = " ".join(_letter(ready, "002/SEK-AKSANSI/XII/2026").content.split())
    assert "Menindaklanjuti surat " + cited in text
    assert "belum menerima tanggapan" not in text
    assert "001/SEK-AKSANSI/XI/2026" in text  # and our own submission letter it answered
