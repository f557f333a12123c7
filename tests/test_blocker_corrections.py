"""`blocker void ID --note` and `blocker edit ID --note` (issue 11 §3): a blocker logged on
the wrong region stays in the log as void and counts nowhere. SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from tests import test_undo
from tests.test_undo import refused

ok = test_undo.ok  # the fixture: `aksansi …` that must succeed


@pytest.fixture
def mistaken(ok, seeded: str) -> str:  # type: ignore[no-untyped-def]
    """Blocker #1 logged on Kota Mojokerto by mistake (it was Kulon Progo's)."""
    ok("blocker", "add", "mojokerto", "funding_unanswered", "--note", "tidak ada jawaban")
    return seeded


def _stats(ok) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {t["type"]: t for t in json.loads(ok("blocker", "stats", "--json"))["types"]}


def _sign_moa_refusal(ok) -> str:  # type: ignore[no-untyped-def]
    events = json.loads(ok("events", "mojokerto", "--json"))["events"]
    return str(next(e for e in events if e["event"] == "sign_moa")["reason"] or "")


def test_a_voided_blocker_is_kept_but_counted_nowhere(ok, mistaken: str) -> None:  # type: ignore[no-untyped-def]
    assert _stats(ok)["funding_unanswered"]["total"] == 1
    assert json.loads(ok("remind", "list", "--json"))  # its funding follow-up
    assert "funding_unanswered" in _sign_moa_refusal(ok)
    said = ok("blocker", "void", "1", "--note", "salah daerah: mestinya Kulon Progo")
    assert "void" in said
    stats = _stats(ok)["funding_unanswered"]
    assert (stats["total"], stats["open"], stats["regions_ever"]) == (0, 0, 0)
    assert json.loads(ok("remind", "list", "--json")) == []  # its follow-up is cancelled
    shown = json.loads(ok("region", "show", "mojokerto", "--json"))
    assert shown["open_blockers"] == []
    board = json.loads(ok("board", "--json"))
    assert board["blocked"] == 0
    as_of = json.loads(ok("board", "--as-of", "2026-11-27", "--json"))
    assert as_of["blocked"] == 0
    assert json.loads(ok("blocker", "list", "--open", "--json")) == []
    (kept,) = json.loads(ok("blocker", "list", "--json"))
    assert (kept["id"], kept["voided_on"], kept["resolved_on"]) == (1, "2026-11-27", None)
    # The guard no longer sees it: signing the MoA is not refused for an open blocker.
    assert "funding_unanswered" not in _sign_moa_refusal(ok)
    entries = json.loads(ok("history", "mojokerto", "--json"))
    voided = next(e for e in entries if e["kind"] == "blocker_voided")
    assert (voided["blocker_id"], voided["note"]) == (1, "salah daerah: mestinya Kulon Progo")
    assert "blocker #1 void: funding_unanswered" in ok("history", "mojokerto")


def test_a_blocker_object_carries_voided_on(ok, mistaken: str) -> None:  # type: ignore[no-untyped-def]
    (blocker,) = json.loads(ok("region", "show", "mojokerto", "--json"))["open_blockers"]
    assert blocker["voided_on"] is None
    assert json.loads(ok("blocker", "list", "--json"))[0]["voided_on"] is None


def test_edit_amends_the_note_and_the_audit_keeps_the_old_one(ok, mistaken: str) -> None:  # type: ignore[no-untyped-def]
    ok("blocker", "edit", "1", "--note", "usulan dana 2027 belum dijawab")
    (blocker,) = json.loads(ok("blocker", "list", "--json"))
    assert blocker["note"] == "usulan dana 2027 belum dijawab"
    entries = json.loads(ok("history", "mojokerto", "--json"))
    edited = next(e for e in entries if e["kind"] == "blocker_edited")
    assert (edited["old_note"], edited["note"]) == (
        "tidak ada jawaban",
        "usulan dana 2027 belum dijawab",
    )
    assert _stats(ok)["funding_unanswered"]["open"] == 1  # an edit changes no figure


def test_bad_void_and_edit_change_nothing(ok, cli, mistaken: str) -> None:  # type: ignore[no-untyped-def]
    assert "--note" in refused(cli, mistaken, "blocker", "void", "1")
    assert "no blocker #9" in refused(cli, mistaken, "blocker", "void", "9", "--note", "x")
    assert "--note" in refused(cli, mistaken, "blocker", "edit", "1", "--note", " ")
    ok("blocker", "void", "1", "--note", "salah daerah")
    assert "already" not in refused(cli, mistaken, "blocker", "void", "1", "--note", "lagi")
    assert "is void since 2026-11-27" in refused(
        cli, mistaken, "blocker", "void", "1", "--note", "lagi"
    )
    assert "is void" in refused(cli, mistaken, "blocker", "resolve", "1")
    ok("blocker", "add", "mojokerto", "no_budget")
    ok("blocker", "resolve", "2", "--note", "dianggarkan")
    message = refused(cli, mistaken, "blocker", "void", "2", "--note", "x")
    assert "resolve is not void" in message


def _mojokerto_next_action(ok, *as_of: str) -> dict:  # type: ignore[no-untyped-def]
    board = json.loads(ok("board", *as_of, "--json"))
    regions = [r for stage in board["stages"] for r in stage["regions"]]
    action = next(r for r in regions if r["code"] == "35.76")["next_action"]
    return {k: action[k] for k in ("who", "action", "kind", "letter", "source", "blocker_id")}


def test_a_voided_blocker_does_not_decide_the_next_action(ok, seeded: str) -> None:  # type: ignore[no-untyped-def]
    before = _mojokerto_next_action(ok)
    before_as_of = _mojokerto_next_action(ok, "--as-of", "2026-11-27")
    ok("blocker", "add", "mojokerto", "funding_unanswered", "--note", "tidak ada jawaban")
    assert _mojokerto_next_action(ok)["blocker_id"] == 1  # while open, it is the next action
    ok("blocker", "void", "1", "--note", "salah daerah: mestinya Kulon Progo")
    assert _mojokerto_next_action(ok) == before
    assert _mojokerto_next_action(ok, "--as-of", "2026-11-27") == before_as_of
    today = json.loads(ok("today", "--json"))
    assert all(item["blocker_id"] != 1 for item in today["to_do"] + today.get("waiting", []))
