"""The KB's term (issue 16): `mou_expiring` opens by itself before the KB ends, with a
request to extend it; and money follow-ups come before the planning window closes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.test_approvals import PROFILE
from workflow.domain.working_days import WorkingCalendar


@pytest.fixture
def ok(cli):  # type: ignore[no-untyped-def]
    def run(*args: str) -> str:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    return run


@pytest.fixture
def pekalongan(ok, seeded: str) -> str:  # type: ignore[no-untyped-def]
    for key, value in PROFILE.items():
        ok("config", "set", key, value)
    ok("mou", "record", "pekalongan", "--number-pemda", "180/12/2022",
       "--number-aksansi", "007/KB/AKSANSI/VI/2022", "--signed-on", "2022-06-01",
       "--years", "5")  # fmt: skip
    return seeded


def test_the_kb_warning_opens_six_months_before_and_only_once(  # type: ignore[no-untyped-def]
    ok, pekalongan: str, monkeypatch
) -> None:
    expires = json.loads(ok("region", "show", "pekalongan", "--json"))["kb"]["expires_on"]
    assert expires.startswith("2027-0")
    ok("jobs", "sweep")  # 2026-11-27: more than six months before the end
    assert "mou_expiring" not in ok("blocker", "list", "--open")
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-07T08:00:00+07:00")
    swept = ok("jobs", "sweep")
    assert "mou_expiring" in ok("blocker", "list", "--open", "--region", "pekalongan")
    letters = json.loads(ok("letter", "list", "--json"))
    extension = [item for item in letters if item["kind"] == "mou_extension"]
    assert len(extension) == 1, swept
    text = ok("letter", "show", extension[0]["number"])
    assert "Permohonan Perpanjangan Kesepakatan Bersama" in text
    assert "Nomor 180/12/2022 dan Nomor 007/KB/AKSANSI/VI/2022" in text
    assert "Yth. Wali Kota Pekalongan" in text
    ok("jobs", "sweep")  # once per KB record
    again = [item for item in json.loads(ok("letter", "list", "--json"))
             if item["kind"] == "mou_extension"]  # fmt: skip
    assert len(again) == 1


def test_a_signed_pks_needs_no_warning(ok, pekalongan: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ok("advance", "pekalongan", "draft_moa")
    ok("moa", "draft", "pekalongan", "--subject", "Sambungan rumah", "--budget", "100000000")
    ok("advance", "pekalongan", "submit_moa")
    ok("advance", "pekalongan", "receive_response")
    for item in ("tkksd_review", "legal_review"):
        ok("approve", "pekalongan", item, "--on", "2026-11-27")
    ok("advance", "pekalongan", "sign_moa")
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-07T08:00:00+07:00")
    ok("jobs", "sweep")
    assert "mou_expiring" not in ok("blocker", "list", "--open")


def test_a_funding_follow_up_comes_before_the_musrenbang_closes(  # type: ignore[no-untyped-def]
    ok, seeded: str, monkeypatch
) -> None:
    monkeypatch.setenv("AKSANSI_NOW", "2027-02-26T09:00:00+07:00")
    ok("blocker", "add", "kulon progo", "funding_unanswered", "--on", "2027-02-26")
    due = [r["due_on"] for r in json.loads(ok("remind", "list", "--json"))
           if r["region"] == "34.01"]  # fmt: skip
    # Ten working days from 26 February would come after the Musrenbang kabupaten closes
    # (31 March, per the planning calendar), so the follow-up comes 10 working days before.
    calendar = WorkingCalendar()
    regular = calendar.add_working_days(date(2027, 2, 26), 10)
    latest = calendar.working_days_before(date(2027, 3, 31), 10)
    assert latest < regular
    assert due == [latest.isoformat()]


def test_the_board_shows_the_kb_end_and_flags_an_expired_one(ok, pekalongan: str) -> None:  # type: ignore[no-untyped-def]
    board = ok("board")
    assert "33.75 KB in force until 2027-05-31" in board
    views = json.loads(ok("board", "--json"))
    row = next(r for g in views["stages"] for r in g["regions"] if r["code"] == "33.75")
    assert row["kb_expires_on"] == "2027-05-31"
    ok("mou", "record", "pekalongan", "--number-pemda", "180/12/2021",
       "--number-aksansi", "007/KB/AKSANSI/VI/2021", "--signed-on", "2021-06-01",
       "--years", "5")  # fmt: skip
    assert "33.75 KB EXPIRED on 2026-05-31 and no PKS signed" in ok("board")
