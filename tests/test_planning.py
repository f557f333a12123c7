"""The regional planning calendar (issue 16): windows by budget year, a region's own dates,
and the next window a proposal for money can still reach."""

from __future__ import annotations

import json
from datetime import date

import pytest

from states import planning as spec
from workflow.domain import planning


def test_every_stage_names_its_source_and_how_sure_it_is() -> None:
    for stage in spec.STAGES:
        assert stage["source"].split(":")[0].strip(), stage["id"]
        assert stage["certainty"] in {"regulation", "guideline", "practice"}


def test_money_for_year_n_is_planned_in_year_n_minus_one() -> None:
    by_stage = {w.stage: w for w in planning.windows(2028)}
    assert by_stage["musrenbang_kabkota"].ends_on == date(2027, 3, 31)
    assert by_stage["kua_ppas"].starts_on == date(2027, 7, 1)
    assert by_stage["rapbd"].ends_on == date(2027, 11, 30)  # joint approval by 30 November
    assert by_stage["apbd_perubahan"].ends_on == date(2028, 9, 30)  # the smaller door, in N
    ordered = [w for w in planning.windows(2028) if w.stage != "apbd_perubahan"]
    assert [w.starts_on for w in ordered] == sorted(w.starts_on for w in ordered)


@pytest.mark.parametrize(
    ("today", "budget_year", "revision_year"),
    [
        (date(2026, 12, 1), 2028, 2027),  # the March 2027 Musrenbang plans 2028
        (date(2027, 3, 31), 2028, 2027),  # the last day of that Musrenbang still counts
        (date(2027, 4, 1), 2029, 2027),  # missed it: a whole year later, APBD-P 2027 sooner
        (date(2027, 10, 1), 2029, 2028),  # APBD-P 2027 closed at the end of September
    ],
)
def test_the_next_target_is_the_first_deadline_not_passed(
    today: date, budget_year: int, revision_year: int
) -> None:
    target = planning.next_target(today)
    assert target.budget_year == budget_year
    assert target.deadline.ends_on >= today
    assert target.revision is not None and target.revision.budget_year == revision_year


def test_the_issue_example_sentence() -> None:
    text = planning.next_target(date(2026, 12, 1)).sentence("kabupaten")
    assert "APBD 2028" in text and "Musrenbang kabupaten" in text and "Maret 2027" in text


def test_a_region_override_moves_the_deadline() -> None:
    own = {("musrenbang_kabkota", 2028): (date(2027, 4, 1), date(2027, 4, 20))}
    assert planning.next_target(date(2027, 4, 10), own).budget_year == 2028
    assert planning.next_target(date(2027, 4, 10)).budget_year == 2029


def test_calendar_planning_lists_and_overrides(seeded: str, cli) -> None:  # type: ignore[no-untyped-def]
    shown = cli("calendar", "planning", "--year", "2028", "--json")
    assert shown.exit_code == 0, shown.output
    windows = json.loads(shown.stdout)
    assert {"stage", "budget_year", "from", "to", "source"} <= set(windows[0])
    assert [w["stage"] for w in windows] == [s["id"] for s in spec.STAGES]

    done = cli(
        "calendar", "planning", "set", "kulon progo", "musrenbang_kabkota",
        "--from", "2027-04-01", "--to", "2027-04-20",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    own = json.loads(
        cli("calendar", "planning", "--year", "2028", "--region", "kulon", "--json").stdout
    )
    kab = next(w for w in own if w["stage"] == "musrenbang_kabkota")
    assert (kab["from"], kab["to"], kab["overridden"]) == ("2027-04-01", "2027-04-20", True)
    others = json.loads(
        cli("calendar", "planning", "--year", "2028", "--region", "temanggung", "--json").stdout
    )
    assert next(w for w in others if w["stage"] == "musrenbang_kabkota")["to"] == "2027-03-31"
    assert "musrenbang_kabkota" in cli("history", "kulon progo").stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["calendar", "planning", "--year", "2040"], "2021"),
        (["calendar", "planning", "set", "kulon", "rkpdx", "--from", "2027-04-01",
          "--to", "2027-05-01"], "rkpdx"),
        (["calendar", "planning", "set", "kulon", "rkpd", "--from", "2027-04-01",
          "--to", "2027-03-01"], "2027-03-01"),
    ],
)  # fmt: skip
def test_bad_planning_input_is_one_sentence_and_changes_nothing(
    seeded: str,
    cli,
    args: list[str],
    says: str,  # type: ignore[no-untyped-def]
) -> None:
    before = cli("history", "kulon progo", "--json").stdout
    refused = cli(*args)
    assert refused.exit_code == 1
    assert says in refused.stderr and "Traceback" not in refused.output
    assert cli("history", "kulon progo", "--json").stdout == before
