"""`letter void NUMBER --note` (issue 11 §4): the number stays in the register, marked void
(dibatalkan), is never given again, never cited by a later letter, and is not counted
as sent. SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from tests import test_undo
from tests.test_undo import KB, refused

ok = test_undo.ok  # the fixture: `aksansi …` that must succeed
FIRST, TWICE, NEXT = (f"00{n}/SEK-AKSANSI/XI/2026" for n in (1, 2, 3))


@pytest.fixture
def rendered_twice(ok, lebak: str) -> str:  # type: ignore[no-untyped-def]
    """Lebak's MoA submission letter, rendered twice by mistake (001 and 002)."""
    for event in ("hold_audiensi", "draft_mou", "sign_mou", "draft_moa"):
        ok("advance", "lebak", event)
    ok("official", "set", "lebak", "--position", "Kepala Dinas PUPR", "--name", "Budi")
    ok("mou", "record", "lebak", *KB)
    ok("moa", "draft", "lebak", "--subject", "Sambungan rumah")
    ok("letter", "render", "lebak", "moa_submission")
    ok("letter", "render", "lebak", "moa_submission")
    return lebak


lebak = test_undo.lebak


def test_a_void_letter_is_not_cited_by_the_next_follow_up(ok, rendered_twice: str) -> None:  # type: ignore[no-untyped-def]
    ok("letter", "void", TWICE, "--note", "tercetak dua kali")
    ok("letter", "void", FIRST, "--note", "salah alamat")  # both: nothing left to cite
    ok("letter", "render", "lebak", "moa_submission")  # the real one: 003
    ok("advance", "lebak", "submit_moa")
    said = ok("letter", "render", "lebak", "response_request", "--format", "md")
    number = said.split()[0]
    assert number == "004/SEK-AKSANSI/XI/2026"  # never a void number again
    text = ok("letter", "show", number)
    assert f"Nomor {NEXT}" in text
    assert FIRST not in text and TWICE not in text


def test_the_number_stays_in_the_register_marked_void(ok, cli, rendered_twice: str) -> None:  # type: ignore[no-untyped-def]
    ok("letter", "void", TWICE, "--note", "tercetak dua kali")
    letters = {v["number"]: v for v in json.loads(ok("letter", "list", "--json"))}
    assert (letters[FIRST]["void"], letters[TWICE]["void"]) == (False, True)
    listed = {line.split()[0]: line for line in ok("letter", "list").splitlines()[1:]}
    assert listed[TWICE].endswith(" void") and not listed[FIRST].endswith(" void")
    shown = cli("letter", "show", TWICE)
    assert shown.exit_code == 0 and "void (dibatalkan)" in shown.stderr
    assert shown.stdout.startswith("::: center") or "Penyampaian" in shown.stdout  # as sent
    said = ok("letter", "render", "lebak", "moa_submission")
    assert said.split()[0] == NEXT  # 002 is not given again
    entries = json.loads(ok("history", "lebak", "--json"))
    voided = next(e for e in entries if e["kind"] == "letter_voided")
    assert (voided["number"], voided["note"]) == (TWICE, "tercetak dua kali")
    assert "DIBATALKAN" in " ".join(
        json.loads(ok("region", "show", "lebak", "--json"))["documents"]
    )


def test_a_void_letter_no_longer_stands_in_the_way_of_undo(ok, cli, rendered_twice: str) -> None:  # type: ignore[no-untyped-def]
    assert "letter void" in refused(cli, rendered_twice, "undo", "lebak", "--note", "salah")
    ok("letter", "void", FIRST, "--note", "draf PKS belum final")
    ok("letter", "void", TWICE, "--note", "tercetak dua kali")
    ok("undo", "lebak", "--note", "belum waktunya menyusun PKS")
    assert json.loads(ok("region", "show", "lebak", "--json"))["state"] == "mou_signed"


def test_a_void_letter_does_not_count_as_sent_in_the_playbook(ok, rendered_twice: str) -> None:  # type: ignore[no-untyped-def]
    ok("blocker", "add", "lebak", "draft_unanswered", "--on", "2026-11-27")
    ok("advance", "lebak", "submit_moa")
    ok("letter", "render", "lebak", "response_request")
    detail = json.loads(ok("blocker", "show", "1", "--json"))
    sent = [s for step in detail["playbook"] for s in step["letters_sent"]]
    assert "response_request" in sent
    ok("letter", "void", NEXT, "--note", "salah tanggal")
    detail = json.loads(ok("blocker", "show", "1", "--json"))
    assert "response_request" not in [s for st in detail["playbook"] for s in st["letters_sent"]]


def test_bad_letter_void_changes_nothing(ok, cli, rendered_twice: str) -> None:  # type: ignore[no-untyped-def]
    assert "no letter numbered 999/X" in refused(cli, rendered_twice, "letter", "void", "999/X",
                                                 "--note", "x")  # fmt: skip
    assert "--note" in refused(cli, rendered_twice, "letter", "void", TWICE)
    ok("letter", "void", TWICE, "--note", "tercetak dua kali")
    assert "already void" in refused(cli, rendered_twice, "letter", "void", TWICE, "--note", "x")
