"""Working-day arithmetic (design.md §5) and the `calendar` commands."""

from __future__ import annotations

import json
from datetime import date

import pytest

from workflow.domain import working_days
from workflow.domain.working_days import WorkingCalendar

PLAIN = WorkingCalendar()


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday → Monday
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # from a Saturday: Monday is the 1st
        (date(2026, 11, 30), 5, date(2026, 12, 7)),  # a full week
        # 24 Dec is cuti bersama, 25 Dec Christmas, 1 Jan New Year: over the year end
        (date(2026, 12, 21), 7, date(2027, 1, 4)),
        (date(2026, 12, 23), 1, date(2026, 12, 28)),
        (date(2026, 12, 31), 1, date(2027, 1, 4)),
        # Nyepi 19 Mar, Idul Fitri 21–22 Mar and their cuti bersama 18, 20, 23, 24 Mar
        (date(2026, 3, 13), 5, date(2026, 3, 27)),
    ],
)
def test_nth_working_day_after(start: date, count: int, expected: date) -> None:
    assert PLAIN.add_working_days(start, count) == expected


def test_the_start_day_is_not_counted_and_holidays_are_not_working_days() -> None:
    assert PLAIN.is_working_day(date(2026, 11, 27))
    for day in (date(2026, 12, 24), date(2026, 12, 25), date(2026, 11, 28), date(2027, 1, 1)):
        assert not PLAIN.is_working_day(day), day
    assert PLAIN.add_working_days(date(2026, 11, 26), 1) == date(2026, 11, 27)


def test_overrides_win_over_the_package() -> None:
    calendar = WorkingCalendar({date(2026, 12, 28): True, date(2026, 12, 24): False})
    assert calendar.add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 24)
    assert calendar.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_the_national_calendar_is_built_once_per_process() -> None:
    assert working_days.national_holidays() is working_days.national_holidays()


def test_calendar_commands_add_show_remove(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    added = cli("calendar", "add-holiday", "2026-12-28", "Cuti", "Bersama", "Tambahan")
    assert added.exit_code == 0, added.stderr
    refused = cli("calendar", "add-holiday", "2026-12-25", "Natal")
    assert refused.exit_code == 1 and "already a holiday" in refused.stderr
    again = cli("calendar", "add-holiday", "2026-12-28", "Lagi")
    assert again.exit_code == 1 and "Cuti Bersama Tambahan" in again.stderr
    assert cli("calendar", "remove", "2026-12-24").exit_code == 0  # cuti bersama → working day
    shown = json.loads(cli("calendar", "show", "2026", "--json").stdout)
    by_day = {row["date"]: row for row in shown}
    assert by_day["2026-12-28"] == {
        "date": "2026-12-28",
        "name": "Cuti Bersama Tambahan",
        "source": "override",
        "working": False,
    }
    assert by_day["2026-12-24"]["working"] is True
    assert by_day["2026-12-25"]["source"] == "public"
    assert by_day["2026-03-20"]["source"] == "cuti_bersama"
    with_db = working_days_from(sqlite_url)
    assert with_db.add_working_days(date(2026, 12, 23), 2) == date(2026, 12, 29)


def test_calendar_refusals(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    bad = cli("calendar", "add-holiday", "2026-13-01", "X")
    assert bad.exit_code == 1 and "is not a date" in bad.stderr
    nothing = cli("calendar", "remove", "2026-11-26")
    assert nothing.exit_code == 1 and "neither a holiday nor an override" in nothing.stderr


def working_days_from(url: str) -> WorkingCalendar:
    from workflow.infrastructure.unit_of_work import UnitOfWork

    with UnitOfWork(url) as uow:
        return working_days.load(uow.session)


def test_the_cached_year_is_the_package_calendar(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Read commands take a year's holidays from a cache file: the same days as the package."""
    import holidays

    from workflow.domain import working_days

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(working_days, "_DAYS_OF_YEAR", {})
    listed = set(holidays.country_holidays("ID", categories=("public", "government"), years=2027))
    assert working_days.national_days(2027) == listed
    (cached,) = (tmp_path / "aksansi").glob("holidays-*-ID-2027.json")
    monkeypatch.setattr(working_days, "_DAYS_OF_YEAR", {})
    cached.write_text('["2027-03-03"]', encoding="utf-8")  # proof it is read back
    assert working_days.national_days(2027) == {date(2027, 3, 3)}


def test_working_days_between_counts_as_walking_day_by_day() -> None:
    """The arithmetic count equals walking the calendar one day at a time, over spans of
    a day to years, starting on every weekday, with overrides both ways."""
    from datetime import timedelta

    overrides = {
        date(2026, 12, 24): False,  # cuti bersama declared a working day
        date(2026, 12, 28): True,  # a Monday declared a holiday
        date(2026, 11, 28): False,  # a Saturday declared a working day
        date(2025, 6, 2): True,
    }
    for calendar in (PLAIN, WorkingCalendar(overrides)):
        for offset in range(0, 900, 37):
            start = date(2024, 12, 20) + timedelta(days=offset)
            for span in (-3, 0, 1, 2, 6, 7, 8, 13, 40, 400, 1100):
                end = start + timedelta(days=span)
                walked = sum(
                    calendar.is_working_day(start + timedelta(days=n))
                    for n in range(1, max(0, span) + 1)
                )
                assert calendar.working_days_between(start, end) == walked, (start, end)
