"""The worklist (issue 10): every active region has a next action; `today`, `board`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from states import blockers as taxonomy
from states import next_actions as rules
from workflow.domain import clock
from workflow.infrastructure import db
from workflow.infrastructure.models import Blocker, Region, Reminder
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance
from workflow.services.regions import list_regions

ACTIVE = list(rules.STATE_ACTIONS)
HOLDABLE = [s for s in ACTIVE if s != "on_hold"]
BLOCKER_OPTIONS: list[str | None] = [None, *taxonomy.BLOCKER_TYPE_IDS]
KEYS = {
    "who",
    "action",
    "kind",
    "letter",
    "due_on",
    "since",
    "overdue_days",
    "source",
    "reminder_id",
    "blocker_id",
}


def _code(n: int) -> str:
    return f"{11 + n // 60:02d}.{n % 60 + 1:02d}"


def _region(n: int, state: str, *, held_from: str | None = None, since: date | None) -> Region:
    return Region(
        code=_code(n),
        name=f"Kabupaten Uji {n}",
        kind="kabupaten",
        state=state,
        state_since=since,
        held_from=held_from,
        created_at=clock.utcnow(),
    )


def test_every_active_region_has_a_next_action_in_every_state_and_blocker(db_url: str) -> None:
    """Every state × (no blocker, each blocker type open) × (as it is, or on hold from it),
    with known and unknown dates, a pending and an issued reminder: 0 without an action."""
    combos = [(s, None, b) for s in [*ACTIVE, "closed", "declined"] for b in BLOCKER_OPTIONS]
    combos += [("on_hold", held, b) for held in HOLDABLE for b in BLOCKER_OPTIONS]
    with db.session_factory(db.database_url(db_url))() as session:
        for n, (state, held, blocker) in enumerate(combos):
            since = None if n % 3 == 0 else date(2026, 10, 1 + n % 28)
            region = _region(n, state, held_from=held, since=since)
            session.add(region)
            session.flush()
            if blocker:
                session.add(
                    Blocker(
                        region_id=region.id,
                        type=blocker,
                        opened_on=date(2026, 11, 2),
                        opened_by="t",
                        created_at=clock.utcnow(),
                    )
                )
            if n % 5 in (1, 2):
                status = "issued" if n % 5 == 1 else "pending"
                session.add(
                    Reminder(
                        region_id=region.id,
                        trigger="state",
                        trigger_key=state,
                        text="Follow up.",
                        letter_extra={},
                        base_on=date(2026, 11, 2),
                        due_on=date(2026, 11, 16 + n % 14),
                        status=status,
                        issued_on=date(2026, 11, 16) if status == "issued" else None,
                        created_at=clock.utcnow(),
                    )
                )
        session.commit()
    views = list_regions(UnitOfWork(db_url, read_only=True))
    assert len(views) == len(combos)
    missing = [v.code for v in views if v.state not in rules.INACTIVE and v.next_action is None]
    assert missing == []
    assert all(v.next_action is None for v in views if v.state in rules.INACTIVE)
    for view in views:
        action = view.next_action
        if action is None:
            continue
        assert set(action) == KEYS
        assert action["who"] in rules.WHO and action["kind"] in rules.KINDS
        assert action["source"] in rules.SOURCES and action["action"]
        assert date.fromisoformat(action["due_on"]).weekday() < 5
        assert action["overdue_days"] >= 0
        if action["kind"] == "wait":
            assert action["who"] == "pemda" and action["overdue_days"] == 0


def test_the_seeds_eight_regions_each_have_an_action_due_on_day_one(seeded: str, cli) -> None:  # type: ignore[no-untyped-def]
    board = json.loads(cli("board", "--json").stdout)
    regions = [r for stage in board["stages"] for r in stage["regions"]]
    assert len(regions) == 8
    for region in regions:
        action = region["next_action"]
        assert (action["who"], action["due_on"], action["since"]) == (
            "secretariat",
            "2026-11-27",
            None,
        )
        # Mojokerto is in negotiation with no approval recorded: its first missing item
        expected = "approval" if region["code"] == "35.76" else "state"
        assert action["source"] == expected and action["overdue_days"] == 0
    today = json.loads(cli("today", "--json").stdout)
    assert set(today) == {"date", "to_do", "waiting"} and today["date"] == "2026-11-27"
    assert sorted(item["region"] for item in today["to_do"]) == sorted(r["code"] for r in regions)
    assert today["waiting"] == []
    pekalongan = next(i for i in today["to_do"] if i["region"] == "33.75")
    assert pekalongan["region_name"] == "Kota Pekalongan"
    assert "aksansi moa draft 33.75" in pekalongan["action"]
    assert (pekalongan["letter_number"], pekalongan["fix"]) == (None, None)
    mojokerto = json.loads(cli("region", "show", "mojokerto", "--json").stdout)
    assert (mojokerto["next_action"]["kind"], mojokerto["next_action"]["letter"]) == (
        "letter",
        "tkksd_request",
    )
    text = cli("today").stdout
    assert "Kota Lubuklinggau" in text and all(len(line) <= 80 for line in text.splitlines())


def test_board_stalled_and_as_of_on_a_known_history(seeded: str, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Seeded on Fri 27 Nov: each action due that day. Pekalongan drafts its MoA on the same
    # day: its next step (send the draft) is due 10 working days later, Fri 11 Dec.
    advance(UnitOfWork(seeded), "pekalongan", "draft_moa", actor="rina")
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-16T09:00:00+07:00")  # a Wednesday
    board = json.loads(cli("board", "--json").stdout)
    overdue = {
        r["code"]: r["next_action"]["overdue_days"] for s in board["stages"] for r in s["regions"]
    }
    # 30 Nov – 16 Dec: 13 working days; 14–16 Dec: 3
    assert overdue == {code: 13 for code in overdue if code != "33.75"} | {"33.75": 3}
    stalled = json.loads(cli("board", "--stalled", "--days", "5", "--json").stdout)
    names = {r["code"] for s in stalled["stages"] for r in s["regions"]}
    assert names == set(overdue) - {"33.75"}
    assert "33.75" in cli("board", "--stalled", "--days", "2").stdout
    text = cli("board", "--stalled", "--days", "13").stdout
    assert "Stalled: 0 region(s)" in text
    # As it stood on Tue 1 Dec: Pekalongan not yet due, the others 2 working days over.
    then = json.loads(cli("board", "--as-of", "2026-12-01", "--json").stdout)
    past = {r["code"]: r["next_action"] for s in then["stages"] for r in s["regions"]}
    assert past["33.75"]["due_on"] == "2026-12-11" and past["33.75"]["overdue_days"] == 0
    assert "moa_submission" in past["33.75"]["action"]
    assert {c: a["overdue_days"] for c, a in past.items() if c != "33.75"} == {
        c: 2 for c in past if c != "33.75"
    }
    stalled_then = json.loads(
        cli("board", "--as-of", "2026-12-01", "--stalled", "--days", "1", "--json").stdout
    )
    assert {r["code"] for s in stalled_then["stages"] for r in s["regions"]} == set(past) - {
        "33.75"
    }


@pytest.mark.parametrize(
    "args", [["today", "--days", "-1"], ["board", "--stalled", "--days", "999"]]
)
def test_days_out_of_range_is_refused_in_one_sentence(seeded: str, cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.exit_code == 1
    assert "out of range" in result.stderr and "Traceback" not in result.stderr


def test_a_pending_follow_up_is_the_day_the_tool_will_follow_up(
    seeded: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reminder_helpers import moa_draft

    moa_draft(seeded, "temanggung")
    advance(UnitOfWork(seeded), "temanggung", "draft_moa", actor="rina", on=date(2026, 11, 19))
    assert (
        cli(
            "letter", "render", "temanggung", "moa_submission", "--to", "Kepala Dinas PUPR"
        ).exit_code
        == 0
    )
    advance(UnitOfWork(seeded), "temanggung", "submit_moa", actor="rina", on=date(2026, 11, 19))
    today = json.loads(cli("today", "--json").stdout)
    waiting = {item["region"]: item for item in today["waiting"]}
    temanggung = waiting["33.23"]
    assert (temanggung["who"], temanggung["kind"], temanggung["source"]) == (
        "pemda",
        "wait",
        "reminder",
    )
    # submitted Thu 19 Nov; the 10th working day after it is Thu 3 Dec
    assert (temanggung["since"], temanggung["due_on"]) == ("2026-11-19", "2026-12-03")
    text = cli("today").stdout
    assert "since 2026-11-19 (6 working days); follow-up on 2026-12-03" in text
    with db.session_factory(db.database_url(seeded))() as session:
        ids = session.scalars(select(Reminder.id).where(Reminder.status == "pending")).all()
    assert temanggung["reminder_id"] == min(ids)
