"""`blocker stats` on a constructed history whose answers are worked out by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest


def build_history() -> None:
    """no_budget: Temanggung 10 days (resolved), Sukoharjo open since 11-07, Temanggung
    again open since 11-17. official_rotated: Kediri 4 days, Pekalongan 6 days (both
    resolved). Today is 2026-11-27."""
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blockers import add_blocker, resolve_blocker

    def add(region: str, kind: str, on: str) -> int:
        return add_blocker(UnitOfWork(), region, kind, actor="t", on=date.fromisoformat(on)).id

    def resolve(blocker_id: int, on: str) -> None:
        resolve_blocker(UnitOfWork(), blocker_id, actor="t", on=date.fromisoformat(on))

    resolve(add("temanggung", "no_budget", "2026-10-01"), "2026-10-11")
    add("sukoharjo", "no_budget", "2026-11-07")
    add("temanggung", "no_budget", "2026-11-17")
    resolve(add("kediri", "official_rotated", "2026-11-01"), "2026-11-05")
    resolve(add("pekalongan", "official_rotated", "2026-11-21"), "2026-11-27")


def by_type(stats) -> dict:  # type: ignore[no-untyped-def]
    return {t.type: t for t in stats.types}


def test_stats_count_regions_and_median_days_honestly(
    db_url: str, seeded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blocker_report import blocker_stats

    build_history()
    stats = by_type(blocker_stats(UnitOfWork()))
    budget = stats["no_budget"]
    # days open: 10 (resolved), 20 and 10 (open, counted to 11-27)
    assert (budget.regions_now, budget.regions_ever, budget.open, budget.total) == (2, 2, 2, 3)
    assert (budget.median_days_open, budget.median_days_resolved) == (10.0, 10.0)
    assert budget.days_open_total == 40
    rotated = stats["official_rotated"]
    assert (rotated.regions_now, rotated.regions_ever, rotated.open, rotated.total) == (0, 2, 0, 2)
    assert (rotated.median_days_open, rotated.days_open_total) == (5.0, 10)
    assert stats["grant_rules"].total == 0 and stats["grant_rules"].median_days_open is None

    monkeypatch.setenv("AKSANSI_NOW", "2026-12-07T09:00:00+07:00")
    later = by_type(blocker_stats(UnitOfWork()))
    # the open ones keep counting: 10, 30, 20 → median 20; the resolved ones do not move
    assert later["no_budget"].median_days_open == 20.0
    assert later["no_budget"].median_days_resolved == 10.0
    assert later["official_rotated"].median_days_open == 5.0


def test_stats_from_the_shell(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    build_history()
    data = json.loads(cli("blocker", "stats", "--json").stdout)
    assert data["as_of"] == "2026-11-27" and "up to today" in data["method"]
    assert len(data["types"]) == 14
    budget = next(t for t in data["types"] if t["type"] == "no_budget")
    assert {
        "regions_now": 2,
        "regions_ever": 2,
        "median_days_open": 10.0,
        "days_open_total": 40,
    }.items() <= budget.items()
    text = cli("blocker", "stats").stdout
    assert text.index("no_budget") < text.index("official_rotated")  # most days lost first
    assert "still open counts up to today (2026-11-27)" in text.replace("\n", " ")
    assert max(len(line) for line in text.splitlines()) <= 80
