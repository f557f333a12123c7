"""Officials as positions held by people; a new holder is a rotation and opens a blocker."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.test_blockers import snapshot


def set_pupr(name: str, since: str | None = None, **more: str):  # type: ignore[no-untyped-def]
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.officials import set_official

    return set_official(
        UnitOfWork(),
        "surakarta",
        position=more.pop("position", "Kepala Dinas PUPR"),
        name=name,
        actor="rina",
        since=None if since is None else date.fromisoformat(since),
        **more,
    )


def test_rotation_ends_the_tenure_and_opens_exactly_one_blocker(db_url: str, seeded: str) -> None:
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blockers import list_blockers
    from workflow.services.history import history

    first = set_pupr("Budi Santoso", "2025-03-01", email="budi@example.go.id")
    assert (first.outcome, first.blocker_id) == ("new", None)
    assert list_blockers(UnitOfWork()) == []
    rotated = set_pupr("Sri Wahyuni", "2026-11-20", position="kepala  dinas pupr")
    assert rotated.outcome == "rotated"
    assert (rotated.left.name, rotated.left.until) == ("Budi Santoso", date(2026, 11, 20))
    assert rotated.official.position == "Kepala Dinas PUPR"  # the known spelling is kept
    blockers = list_blockers(UnitOfWork())
    assert [(b.id, b.type, b.automatic, b.opened_on) for b in blockers] == [
        (rotated.blocker_id, "official_rotated", True, date(2026, 11, 20))
    ]
    assert "Budi Santoso left, Sri Wahyuni came" in blockers[0].note
    entries = history(UnitOfWork(), "surakarta").entries
    kinds = [(e.kind, e.at) for e in entries if e.kind != "seed"]
    assert kinds == [
        ("official_set", date(2025, 3, 1)),
        ("official_set", date(2026, 11, 20)),
        ("blocker_opened", date(2026, 11, 20)),
    ]
    opened = next(e for e in entries if e.kind == "blocker_opened")
    assert (opened.details["left"], opened.details["came"]) == ("Budi Santoso", "Sri Wahyuni")


def test_the_same_person_again_changes_nothing(seeded_sqlite: str) -> None:
    set_pupr("Budi Santoso", "2025-03-01")
    before = snapshot(seeded_sqlite)
    again = set_pupr(" budi  santoso ")
    assert again.outcome == "unchanged"
    assert snapshot(seeded_sqlite) == before
    updated = set_pupr("Budi Santoso", phone="0812-0000-0000")
    assert updated.outcome == "updated" and updated.official.phone == "0812-0000-0000"
    after = snapshot(seeded_sqlite)
    assert after[0] == before[0] + 1 and after[1:] == before[1:]  # one audit row, no blocker


def test_current_officials_are_the_counterparts(seeded_sqlite: str) -> None:
    from workflow.domain.officials.tenures import current_official, current_officials
    from workflow.domain.regions import resolve
    from workflow.infrastructure.unit_of_work import UnitOfWork

    set_pupr("Budi Santoso", "2025-03-01")
    set_pupr("Andi", "2025-01-01", position="Sekretaris Daerah", institution="Setda")
    set_pupr("Sri Wahyuni", "2026-11-20")
    with UnitOfWork() as uow:
        region = resolve(uow.session, "surakarta")
        assert current_official(uow.session, region, "KEPALA DINAS PUPR").name == "Sri Wahyuni"
        assert current_official(uow.session, region, "Kepala Bappeda") is None
        holders = [(o.position, o.name) for o in current_officials(uow.session, region)]
    assert holders == [("Kepala Dinas PUPR", "Sri Wahyuni"), ("Sekretaris Daerah", "Andi")]


def test_rotation_is_one_transaction(seeded_sqlite: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from workflow.domain import reactions

    set_pupr("Budi Santoso", "2025-03-01")
    before = snapshot(seeded_sqlite)

    def broken(*args: object) -> None:
        raise RuntimeError("reaction failed")

    with monkeypatch.context() as patch:
        patch.setattr(reactions, "after_blocker_opened", broken)
        with pytest.raises(RuntimeError):
            set_pupr("Sri Wahyuni", "2026-11-20")
    assert snapshot(seeded_sqlite) == before
    assert set_pupr("Budi Santoso").outcome == "unchanged"  # Budi still holds it


def test_official_cli_set_and_list(cli, seeded_sqlite: str) -> None:  # type: ignore[no-untyped-def]
    args = ["official", "set", "surakarta", "--position", "Kepala Dinas PUPR"]
    first = cli(*args, "--name", "Budi Santoso", "--since", "2025-03-01", "--email", "b@x.id")
    assert first.exit_code == 0, first.output
    second = cli(*args, "--name", "Sri Wahyuni", "--since", "2026-11-20")
    assert "Blocker #1 (official_rotated) opened" in second.stdout
    assert "nothing changed" in cli(*args, "--name", "Sri Wahyuni").stdout
    now = json.loads(cli("official", "list", "surakarta", "--json").stdout)
    assert [(o["name"], o["until"], o["current"]) for o in now] == [("Sri Wahyuni", None, True)]
    every = json.loads(cli("official", "list", "surakarta", "--history", "--json").stdout)
    assert [(o["name"], o["since"], o["until"]) for o in every] == [
        ("Budi Santoso", "2025-03-01", "2026-11-20"),
        ("Sri Wahyuni", "2026-11-20", None),
    ]
    assert "Sri Wahyuni" in cli("official", "list", "surakarta", "--history").stdout
    shown = json.loads(cli("region", "show", "surakarta", "--json").stdout)
    assert shown["officials"] == ["Kepala Dinas PUPR: Sri Wahyuni (since 2026-11-20)"]
    assert [b["type"] for b in shown["open_blockers"]] == ["official_rotated"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--position", " ", "--name", "Sri"], "the position is empty"),
        (["--position", "Kepala Dinas PUPR", "--name", ""], "the name is empty"),
        (["--position", "Kepala Dinas PUPR", "--name", "Sri", "--since", "2026-11-28"], "future"),
        (["--position", "Kepala Dinas PUPR", "--name", "Sri", "--since", "2024-01-01"], "before"),
        (["--position", "Kepala Dinas PUPR", "--name", "Sri", "--since", "kemarin"], "not a date"),
    ],
)
def test_bad_official_input_changes_nothing(  # type: ignore[no-untyped-def]
    cli, seeded_sqlite: str, extra: list[str], message: str
) -> None:
    set_pupr("Budi Santoso", "2025-03-01")
    before = snapshot(seeded_sqlite)
    result = cli("official", "set", "surakarta", *extra)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(seeded_sqlite) == before


def test_officials_of_a_region_are_kept_apart(seeded_sqlite: str) -> None:
    from workflow.infrastructure.models import Blocker
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.officials import set_official

    for region in ("kediri", "mojokerto"):
        set_official(UnitOfWork(), region, position="Kepala Dinas PUPR", name="A", actor="t")
    set_official(UnitOfWork(), "kediri", position="Kepala Dinas PUPR", name="B", actor="t")
    with UnitOfWork() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Blocker)) == 1
