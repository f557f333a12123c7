"""`aksansi amend ENTRY --note TEXT`: a wrong note is corrected; the old text stays in the
audit and `history` marks the amended note (issue 11 §5). SQLite and PostgreSQL."""

from __future__ import annotations

import json

from tests import test_undo
from tests.test_undo import refused

ok = test_undo.ok  # the fixture: `aksansi …` that must succeed


def _entries(ok, region: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(ok("history", region, "--json"))


def test_amend_replaces_the_note_and_keeps_the_old_text(ok, seeded: str) -> None:  # type: ignore[no-untyped-def]
    ok("advance", "temanggung", "draft_moa", "--note", "draf dikirim via pos")
    move = next(e for e in _entries(ok, "temanggung") if e["kind"] == "transition")
    assert ok("amend", str(move["id"]), "--note", "draf dikirim via email")
    entries = _entries(ok, "temanggung")
    moved = next(e for e in entries if e["id"] == move["id"])
    amendment = next(e for e in entries if e["kind"] == "amended")
    assert moved["note"] == "draf dikirim via email"
    assert moved["amended_by"] == amendment["id"]
    assert (amendment["entry_id"], amendment["old_note"]) == (move["id"], "draf dikirim via pos")
    text = " ".join(ok("history", "temanggung").split())
    assert f"— draf dikirim via email [note amended, #{amendment['id']}]" in text
    assert f"note of #{move['id']} amended (was: draf dikirim via pos)" in text
    # The region keeps its state: an amendment changes words, not what happened.
    assert json.loads(ok("region", "show", "temanggung", "--json"))["state"] == "moa_drafting"


def test_a_second_amendment_keeps_both_old_texts(ok, seeded: str) -> None:  # type: ignore[no-untyped-def]
    ok("blocker", "add", "kulon progo", "no_budget", "--note", "tidak ada pagu")
    opened = next(e for e in _entries(ok, "kulon progo") if e["kind"] == "blocker_opened")
    ok("amend", str(opened["id"]), "--note", "tidak ada pagu 2027")
    ok("amend", str(opened["id"]), "--note", "tidak ada pagu 2027 (APBD murni)")
    entries = _entries(ok, "kulon progo")
    olds = [e["old_note"] for e in entries if e["kind"] == "amended"]
    assert olds == ["tidak ada pagu", "tidak ada pagu 2027"]
    assert next(e for e in entries if e["id"] == opened["id"])["note"] == (
        "tidak ada pagu 2027 (APBD murni)"
    )


def test_amend_refuses_an_unknown_entry_or_an_empty_note(cli, ok, seeded: str) -> None:  # type: ignore[no-untyped-def]
    assert "no history entry #999" in refused(cli, seeded, "amend", "999", "--note", "x")
    first = _entries(ok, "temanggung")[0]["id"]
    assert "empty" in refused(cli, seeded, "amend", str(first), "--note", "   ")
    assert "empty" in refused(cli, seeded, "amend", str(first))
