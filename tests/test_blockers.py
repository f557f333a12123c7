"""The blocker log: taxonomy, add/resolve with history, bad input, the signing guard, JSON."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from states import blockers as taxonomy
from states import lifecycle as spec
from tests.approval_helpers import ALWAYS

CONTRACT_KEYS = {"id", "region", "type", "note", "opened_on", "resolved_on"}
EXPECTED_TYPES = [
    "draft_unanswered",
    "official_rotated",
    "funding_unanswered",
    "no_budget",
    "grant_rules",
    "own_planning",
    "other_institution",
    "audiensi_unanswered",
    "ksm_data_incomplete",
    "legal_review",
    "dprd_approval",
    "no_signatory",
    "mou_expiring",
    "other",
]


def snapshot(url: str) -> tuple[int, int, list[tuple]]:
    """Row counts and the blocker rows: what 'nothing changed' compares."""
    from workflow.infrastructure.models import AuditEntry, Blocker, Official
    from workflow.infrastructure.unit_of_work import UnitOfWork

    with UnitOfWork(url) as uow:
        s = uow.session
        blockers = s.execute(
            select(Blocker.id, Blocker.type, Blocker.resolved_on, Blocker.resolved_by)
        ).all()
        return (
            s.scalar(select(func.count()).select_from(AuditEntry)),
            s.scalar(select(func.count()).select_from(Official)),
            [tuple(row) for row in blockers],
        )


# --- the taxonomy -------------------------------------------------------------------


def test_taxonomy_has_every_type_with_labels_stages_and_a_playbook() -> None:
    assert taxonomy.BLOCKER_TYPE_IDS == EXPECTED_TYPES
    assert EXPECTED_TYPES[:7] == taxonomy.SEED_OBSTACLES
    for kind in taxonomy.BLOCKER_TYPES:
        assert kind["label_id"].strip() and kind["label_en"].strip(), kind["id"]
        assert kind["stages"] and set(kind["stages"]) <= set(spec.STATE_IDS), kind["id"]
        assert kind["playbook"], kind["id"]
        for step in kind["playbook"]:
            assert step["text_id"].strip() and step["text_en"].strip(), kind["id"]
            assert set(step["letters"]) <= set(taxonomy.LETTER_KINDS), kind["id"]


def test_seed_obstacles_playbooks_use_letters_and_states_is_plain_data() -> None:
    for type_id in taxonomy.SEED_OBSTACLES:
        letters = {k for s in taxonomy.blocker_type(type_id)["playbook"] for k in s["letters"]}
        if type_id != "other_institution":  # solved by meetings, not by letters
            assert letters, type_id
    assert "official_introduction" in {
        k for s in taxonomy.blocker_type("official_rotated")["playbook"] for k in s["letters"]
    }
    source = Path(taxonomy.__file__).read_text(encoding="utf-8")
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported <= {"__future__", "typing", "states"}  # stdlib and its sibling tables only


def test_blocker_types_json_lists_playbooks(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("blocker", "types", "--json")
    assert result.exit_code == 0
    kinds = json.loads(result.stdout)
    assert [k["id"] for k in kinds] == EXPECTED_TYPES
    assert kinds[3]["playbook"][0]["text_en"]
    text = cli("blocker", "types").stdout
    assert "no_budget" in text and "[funding_followup]" in text


# --- the log --------------------------------------------------------------------------


def test_add_and_resolve_are_attributed_and_in_history(db_url: str, seeded: str) -> None:
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blockers import add_blocker, list_blockers, resolve_blocker
    from workflow.services.history import history

    opened = add_blocker(
        UnitOfWork(),
        "kulon progo",
        "no-budget",
        actor="rina",
        note=" tidak ada pos ",
        on=date(2026, 11, 2),
    )
    assert (opened.type, opened.note, opened.opened_by, opened.days_open) == (
        "no_budget",
        "tidak ada pos",
        "rina",
        25,
    )
    done = resolve_blocker(UnitOfWork(), opened.id, actor="dimas", note="masuk DPA 2027")
    assert (done.resolved_on, done.resolved_by, done.days_open) == (date(2026, 11, 27), "dimas", 25)
    assert list_blockers(UnitOfWork(), open_only=True) == []
    entries = [e for e in history(UnitOfWork(), "34.01").entries if e.kind.startswith("blocker")]
    assert [(e.kind, e.at, e.by, e.details["blocker_id"]) for e in entries] == [
        ("blocker_opened", date(2026, 11, 2), "rina", opened.id),
        ("blocker_resolved", date(2026, 11, 27), "dimas", opened.id),
    ]
    assert entries[1].note == "masuk DPA 2027" and entries[1].details["days_open"] == 25


def test_cli_add_list_show_resolve(cli, seeded_sqlite: str) -> None:  # type: ignore[no-untyped-def]
    added = cli("blocker", "add", "temanggung", "draft_unanswered", "--on", "2026-11-10")
    assert added.exit_code == 0, added.output
    assert "Blocker #1 opened on Kabupaten Temanggung" in added.stdout
    cli("blocker", "add", "mojokerto", "funding_unanswered", "--note", "usulan Rp150 juta")
    listed = json.loads(cli("blocker", "list", "--region", "mojokerto", "--json").stdout)
    assert [(b["id"], b["region"], b["type"]) for b in listed] == [
        (2, "35.76", "funding_unanswered")
    ]
    assert set(listed[0]) >= CONTRACT_KEYS and listed[0]["opened_on"] == "2026-11-27"
    shown = json.loads(cli("blocker", "show", "1", "--json").stdout)
    assert shown["playbook"][1]["letters"] == ["response_request"]
    assert [e["kind"] for e in shown["done"]] == ["blocker_opened"]
    text = cli("blocker", "show", "1").stdout
    assert "Playbook" in text and "response_request" in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert cli("blocker", "resolve", "1", "--note", "dijawab").exit_code == 0
    still = json.loads(cli("blocker", "list", "--open", "--json").stdout)
    assert [b["id"] for b in still] == [2]
    by_type = json.loads(cli("blocker", "list", "--type", "draft-unanswered", "--json").stdout)
    assert [(b["id"], b["resolved_on"]) for b in by_type] == [(1, "2026-11-27")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "temanggung", "no_money"],
            "unknown blocker type 'no_money'; the types are: draft_unanswered, official_rotated",
        ),
        (["add", "temanggung", "no_budget", "--on", "2026-11-28"], "is in the future"),
        (["resolve", "99"], "there is no blocker #99"),
        (["resolve", "1"], "was already resolved on 2026-11-20"),
        (["resolve", "2", "--on", "2026-11-01"], "cannot be resolved before that"),
        (["resolve", "2", "--on", "2026-12-01"], "is in the future"),
        (["list", "--type", "nope"], "unknown blocker type 'nope'"),
        (["add", "nowhere", "no_budget"], "nowhere"),
        (["add", "suko", "grant-rules"], "already has blocker #2 (grant_rules) open since"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(  # type: ignore[no-untyped-def]
    cli, seeded_sqlite: str, args: list[str], message: str
) -> None:
    cli("blocker", "add", "temanggung", "no_budget", "--on", "2026-11-02")
    cli("blocker", "resolve", "1", "--on", "2026-11-20")
    cli("blocker", "add", "sukoharjo", "grant_rules", "--on", "2026-11-10")
    before = snapshot(seeded_sqlite)
    result = cli("blocker", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert snapshot(seeded_sqlite) == before


# --- where regions stall --------------------------------------------------------------


@contextmanager
def counted_statements(url: str) -> Iterator[list[str]]:
    """The SQL statements sent to the database inside the block."""
    from workflow.infrastructure import db

    statements: list[str] = []
    engine = db.engine_for(db.database_url(url))

    def count(conn, cursor, statement, *rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_region_views_show_open_blockers_in_one_query(seeded_sqlite: str) -> None:
    from workflow.domain.region_sections import open_blockers_for
    from workflow.infrastructure.models import Region
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blockers import add_blocker, resolve_blocker

    first = add_blocker(UnitOfWork(), "kediri", "legal_review", actor="t", on=date(2026, 11, 3))
    add_blocker(UnitOfWork(), "kediri", "no_signatory", actor="t", note="Pj. Wali Kota")
    gone = add_blocker(UnitOfWork(), "pekalongan", "other", actor="t")
    resolve_blocker(UnitOfWork(), gone.id, actor="t")
    with UnitOfWork() as uow:
        ids = list(uow.session.scalars(select(Region.id)))
        with counted_statements(seeded_sqlite) as statements:
            found = open_blockers_for(uow.session, ids)
    assert len(statements) == 1
    kediri = next(v for v in found.values() if v[0]["region"] == "35.71")
    assert len(found) == 1 and [b["type"] for b in kediri] == ["legal_review", "no_signatory"]
    assert kediri[0] == {
        "id": first.id,
        "region": "35.71",
        "type": "legal_review",
        "note": None,
        "opened_on": "2026-11-03",
        "resolved_on": None,
        "voided_on": None,  # issue 11: a blocker object gains voided_on
    }


def test_sign_moa_is_refused_while_blocked_and_the_override_is_audited(  # type: ignore[no-untyped-def]
    cli, db_url: str, seeded: str
) -> None:
    cli("blocker", "add", "mojokerto", "funding_unanswered", "--on", "2026-11-02")
    refused = cli("advance", "mojokerto", "sign_moa")
    assert refused.exit_code == 1
    assert "1 open blocker(s) (funding_unanswered)" in refused.stderr
    no_note = cli("advance", "mojokerto", "sign-moa", "--force")
    assert no_note.exit_code == 1 and "--note" in no_note.stderr
    assert json.loads(cli("region", "show", "mojokerto", "--json").stdout)["state"] == (
        "moa_negotiation"
    )
    forced = cli(
        "advance",
        "mojokerto",
        "sign_moa",
        "--force",
        "--note",
        "Wali Kota memutuskan tetap tanda tangan",
    )
    assert forced.exit_code == 0, forced.output
    last = json.loads(cli("history", "mojokerto", "--json").stdout)[-1]
    assert (last["kind"], last["event"], last["to"]) == ("transition", "sign_moa", "moa_signed")
    assert last["forced_past_blockers"] == ["funding_unanswered"]
    assert last["forced_past_approvals"] == ALWAYS  # the checklist was skipped too
    assert last["note"] == "Wali Kota memutuskan tetap tanda tangan"


def test_a_resolved_blocker_no_longer_holds_signing(cli, seeded_sqlite: str) -> None:  # type: ignore[no-untyped-def]
    cli("blocker", "add", "mojokerto", "no_signatory", "--on", "2026-11-02")
    cli("blocker", "resolve", "1", "--note", "surat kuasa terbit")
    for item in ALWAYS:
        cli("approve", "mojokerto", item, "--on", "2026-11-20")
    result = cli("advance", "mojokerto", "sign_moa")
    assert result.exit_code == 0, result.output
    last = json.loads(cli("history", "mojokerto", "--json").stdout)[-1]
    assert "forced_past_blockers" not in last


def test_board_as_of_a_day_can_see_the_blockers_open_then(seeded_sqlite: str) -> None:
    from workflow.domain.region_sections import open_blockers_on
    from workflow.infrastructure.models import Region
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blockers import add_blocker, resolve_blocker

    early = add_blocker(UnitOfWork(), "kediri", "legal_review", actor="t", on=date(2026, 10, 1))
    resolve_blocker(UnitOfWork(), early.id, actor="t", on=date(2026, 10, 20))
    add_blocker(UnitOfWork(), "kediri", "no_signatory", actor="t", on=date(2026, 11, 3))
    with UnitOfWork() as uow:
        ids = list(uow.session.scalars(select(Region.id)))

        def types_on(day: date) -> list[tuple[str, str | None]]:
            found = open_blockers_on(uow.session, ids, day)
            return [(b["type"], b["resolved_on"]) for v in found.values() for b in v]

        assert types_on(date(2026, 9, 30)) == []
        assert types_on(date(2026, 10, 19)) == [("legal_review", None)]
        assert types_on(date(2026, 10, 20)) == []
        assert types_on(date(2026, 11, 27)) == [("no_signatory", None)]


def test_show_marks_the_playbook_letters_sent_while_it_was_open(seeded_sqlite: str) -> None:
    """The letters area records `kind="letter"` rows with `letter_kind` in their details."""
    from workflow.domain import audit
    from workflow.domain.regions import resolve
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blocker_report import show_blocker
    from workflow.services.officials import set_official

    for name, since in (("Budi", date(2025, 3, 1)), ("Sri", date(2026, 11, 20))):
        set_official(UnitOfWork(), "surakarta", position="Kepala Dinas PUPR", name=name,
                     actor="t", since=since)  # fmt: skip
    with UnitOfWork() as uow:
        region = resolve(uow.session, "surakarta")
        for kind, day in (("audiensi_request", 19), ("official_introduction", 24)):
            audit.record(uow.session, region=region, kind="letter", actor="t",
                         occurred_on=date(2026, 11, day), letter_kind=kind)  # fmt: skip
        uow.commit()
    detail = show_blocker(UnitOfWork(), 1)
    assert [s.letters_sent for s in detail.playbook][:3] == [[], ["official_introduction"], []]
    assert [e.kind for e in detail.meanwhile] == ["official_set", "letter", "seed"]


def test_two_coordinators_resolving_at_once_resolve_it_once(db_url: str, seeded: str) -> None:
    """Rina holds the row (not yet committed); Dimas waits for her, then is told it is done."""
    import threading

    from workflow.domain.blockers.log import get_blocker, resolve_blocker_row
    from workflow.errors import DomainError
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blockers import add_blocker, resolve_blocker

    if not db_url.startswith("postgresql"):
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises writers")
    opened = add_blocker(UnitOfWork(), "temanggung", "no_budget", actor="t", on=date(2026, 11, 2))
    outcome: list[str] = []

    def dimas() -> None:
        try:
            resolve_blocker(UnitOfWork(), opened.id, actor="dimas")
            outcome.append("resolved")
        except DomainError as exc:
            outcome.append(exc.message)

    with UnitOfWork() as rina:
        row = get_blocker(rina.session, opened.id, for_update=True)
        resolve_blocker_row(rina.session, row, note=None, on=date(2026, 11, 27), actor="rina")
        rina.session.flush()
        other = threading.Thread(target=dimas)
        other.start()
        other.join(timeout=0.5)
        assert other.is_alive() and outcome == []  # Dimas waits on Rina's row lock
        rina.commit()
    other.join(timeout=10)
    assert len(outcome) == 1 and "already resolved on 2026-11-27 by rina" in outcome[0]
