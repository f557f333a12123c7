"""The sweep: issues what is due exactly once — rerun, crash, two at once, after downtime."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from datetime import date, datetime

import pytest
from reminder_helpers import AKSANSI, add_due, issued_audit_ids, moa_draft, reminders_of

from jobs.sweep import run_sweep
from workflow.domain.clock import JAKARTA
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=8, tzinfo=JAKARTA)


def test_audiensi_follow_up_is_issued_on_its_day_and_only_once(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    cli("region", "add", "33.01", "Kabupaten Cilacap")
    cli("advance", "cilacap", "request_audiensi")  # Friday 27 Nov → due Friday 11 Dec
    assert run_sweep(sqlite_url, now=at("2026-12-10"), actor="t").issued == []
    first = run_sweep(sqlite_url, now=at("2026-12-11"), actor="t")
    assert [(i.region, i.due_on, i.letter) for i in first.issued] == [
        ("33.01", date(2026, 12, 11), None)
    ]
    assert run_sweep(sqlite_url, now=at("2026-12-14"), actor="t").issued == []
    [row] = reminders_of(sqlite_url)
    assert (row.status, row.closed_on) == ("issued", date(2026, 12, 11))
    assert issued_audit_ids(sqlite_url) == [row.id]


def test_cli_sweep_digest_and_json(seeded_sqlite: str, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_due(seeded_sqlite, 2)
    text = cli("jobs", "sweep")
    assert text.exit_code == 0, text.stderr
    assert "2 reminders issued" in text.stdout
    assert "#1 33.75 Kota Pekalongan (due 2026-11-20): Test reminder 0" in text.stdout
    again = json.loads(cli("jobs", "sweep", "--json").stdout)
    assert again["issued"] == [] and again["mail_error"] is None


def test_a_long_pass_keeps_counts_and_the_first_lines_of_its_digest(
    seeded_sqlite: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The report of a pass is bounded (memory flat in the reminders issued): it counts
    every one and lists the first DIGEST_LINES, with how many more there were."""
    import jobs.sweep

    monkeypatch.setattr(jobs.sweep, "DIGEST_LINES", 2)
    add_due(seeded_sqlite, 5, letter="official_introduction")  # no official: not made
    result = cli("jobs", "sweep", "--json")
    digest = json.loads(result.stdout)
    assert digest["issued_count"] == 5 and [i["id"] for i in digest["issued"]] == [1, 2]
    assert issued_audit_ids(seeded_sqlite) == [1, 2, 3, 4, 5]  # every one issued
    report = jobs.sweep.SweepReport(now=at("2026-11-27"))
    for item in digest["issued"] * 3:
        report.add(jobs.sweep.IssuedReminder(**{**item, "due_on": date(2026, 11, 20)}))
    text = jobs.sweep.format_digest(report)
    assert "6 reminders issued" in text and text.count("(due 2026-11-20)") == 2
    assert "… and 4 more; 'aksansi remind list --status issued' lists them all." in text
    assert "Letters not made (6)" in text and text.count("then: aksansi remind retry") == 2


def test_after_downtime_only_the_most_advanced_ladder_step_is_issued(seeded_sqlite: str) -> None:
    # one region, three steps of one ladder, all due: one issued, two skipped
    add_due(seeded_sqlite, 3, ladder_steps=3)
    rows = reminders_of(seeded_sqlite)
    assert len({r.region_id for r in rows}) == 3  # spread over regions: no skipping
    add_due(seeded_sqlite, 24, ladder_steps=3)  # 8 regions x 3 steps
    report = run_sweep(seeded_sqlite, now=at("2026-11-27"), actor="t")
    by_status: dict[str, int] = {}
    for row in reminders_of(seeded_sqlite):
        by_status[row.status] = by_status.get(row.status, 0) + 1
    assert by_status == {"issued": 8, "skipped": 19}  # one letter per region
    assert len(report.issued) == 8
    skipped = [r for r in reminders_of(seeded_sqlite) if r.status == "skipped"]
    assert all("was issued instead" in r.closed_reason for r in skipped)
    issued_steps = {r.step for r in reminders_of(seeded_sqlite) if r.status == "issued"}
    assert issued_steps == {3}


def test_crash_mid_sweep_then_rerun_loses_and_repeats_nothing(seeded_sqlite: str) -> None:
    add_due(seeded_sqlite, 6)
    env = {**os.environ, "AKSANSI_DB": seeded_sqlite, "AKSANSI_TEST_CRASH_AFTER": "2"}
    crashed = subprocess.run(
        [AKSANSI, "jobs", "sweep"], env=env, capture_output=True, text=True, timeout=60
    )
    assert crashed.returncode == 137, crashed.stderr
    assert [r.status for r in reminders_of(seeded_sqlite)].count("issued") == 2
    assert issued_audit_ids(seeded_sqlite) == [1, 2]
    del env["AKSANSI_TEST_CRASH_AFTER"]
    rerun = subprocess.run(
        [AKSANSI, "jobs", "sweep"], env=env, capture_output=True, text=True, timeout=60
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "4 reminders issued" in rerun.stdout
    assert issued_audit_ids(seeded_sqlite) == [1, 2, 3, 4, 5, 6]
    assert {r.status for r in reminders_of(seeded_sqlite)} == {"issued"}


@pytest.mark.postgres
def test_two_sweeps_at_once_on_postgresql_never_issue_twice(seeded: str) -> None:
    if "postgresql" not in seeded:
        pytest.skip("row claims are a PostgreSQL matter; SQLite serialises writers")
    add_due(seeded, 120)
    add_due(seeded, 24, ladder_steps=3)  # one ladder of 3 due steps in each of 8 regions
    reports = []
    start = threading.Barrier(3)

    def sweep() -> None:
        start.wait()
        reports.append(run_sweep(seeded, now=at("2026-11-27"), actor="t"))

    threads = [threading.Thread(target=sweep) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    ids = [item.id for report in reports for item in report.issued]
    ladder_heads = [r.id for r in reminders_of(seeded) if r.ladder and r.status == "issued"]
    assert len(ladder_heads) == 8  # one letter per region's ladder, never two
    assert sorted(ids) == [*range(1, 121), *ladder_heads]  # every one issued, none twice
    assert issued_audit_ids(seeded) == sorted(ids)
    assert [r.status for r in reminders_of(seeded)].count("skipped") == 16
    assert sum(1 for report in reports if report.issued) >= 2  # the work was shared


def test_progress_before_the_due_day_means_nothing_is_issued(seeded_sqlite: str) -> None:
    moa_draft(seeded_sqlite, "pekalongan")
    advance(UnitOfWork(seeded_sqlite), "pekalongan", "draft_moa", actor="r")
    advance(UnitOfWork(seeded_sqlite), "pekalongan", "submit_moa", actor="r")
    advance(UnitOfWork(seeded_sqlite), "pekalongan", "receive_response", actor="r")
    issued = run_sweep(seeded_sqlite, now=at("2027-02-01"), actor="t").issued
    # none of the response ladder; only the approvals the answer started to chase
    assert [i.letter for i in issued] == ["tkksd_request", "legal_review_request"]


@pytest.mark.postgres
def test_progress_during_a_sweep_waits_for_the_reminder_being_issued(seeded: str) -> None:
    """The sweep holds the reminder's row; `advance` waits for it, then cancels it with the
    rest (issued, its letter not sent); nothing is lost or issued twice."""
    if "postgresql" not in seeded:
        pytest.skip("SQLite serialises the two writers with BEGIN IMMEDIATE")
    moa_draft(seeded, "pekalongan")
    advance(UnitOfWork(seeded), "pekalongan", "draft_moa", actor="r", on=date(2026, 11, 2))
    advance(UnitOfWork(seeded), "pekalongan", "submit_moa", actor="r", on=date(2026, 11, 2))
    claimed, release = threading.Event(), threading.Event()

    def hold(_issued: int) -> None:
        claimed.set()
        release.wait(timeout=30)

    sweeper = threading.Thread(
        target=lambda: run_sweep(seeded, now=at("2026-11-16"), actor="t", before_commit=hold)
    )
    sweeper.start()
    assert claimed.wait(timeout=30)
    mover = threading.Thread(
        target=lambda: advance(UnitOfWork(seeded), "pekalongan", "receive_response", actor="r")
    )
    mover.start()
    mover.join(timeout=0.5)  # it is waiting for the sweep's row lock
    release.set()
    sweeper.join(timeout=30)
    mover.join(timeout=30)
    # advance waited for the sweep's row and saw it issued; its letter, prepared but not
    # recorded sent, is cancelled with the rest: a region that answered is never chased
    first, *rest = [r for r in reminders_of(seeded, "33.75") if r.trigger != "approval"]
    assert first.issued_on == date(2026, 11, 16)
    assert [r.status for r in (first, *rest)] == ["cancelled", "cancelled", "cancelled"]
    assert issued_audit_ids(seeded) == [first.id]


def test_the_sweep_collects_cyclic_garbage_while_it_issues(
    seeded_sqlite: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A run pauses the cyclic collector while it imports; the sweep, which opens no unit
    of work, must have it back before it issues (a Word letter's python-docx objects are
    cycles: without it, 200 letters kept 1 GB)."""
    import gc

    import jobs.sweep

    collecting: list[bool] = []
    issue_next = jobs.sweep.issue_next

    def issue_and_look(*args, **kwargs):  # type: ignore[no-untyped-def]
        collecting.append(gc.isenabled())
        return issue_next(*args, **kwargs)

    monkeypatch.setattr(jobs.sweep, "issue_next", issue_and_look)
    add_due(seeded_sqlite, 2)
    assert gc.isenabled()
    result = cli("jobs", "sweep")
    assert result.exit_code == 0, result.stderr
    assert collecting and all(collecting), collecting
