"""Indonesian working days (design.md §5): Monday–Friday minus public holidays and cuti bersama.

The national calendar comes from the `holidays` package (country ID, categories public
and government — cuti bersama are in `government`). Building it costs ~190 ms, so it is
built lazily, once per process, only when a date is actually checked. The Secretariat's
overrides (a day declared a holiday, or a listed holiday declared a working day) come
from the `holiday_override` table and win over the package.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.infrastructure.models import HolidayOverride

COUNTRY = "ID"
CATEGORIES = ("public", "government")
LANGUAGE = "id"

_NATIONAL: Any = None


def national_holidays() -> Any:
    """The one `holidays` calendar of this process (years are filled in on first use)."""
    global _NATIONAL
    if _NATIONAL is None:
        import holidays

        _NATIONAL = holidays.country_holidays(COUNTRY, categories=CATEGORIES, language=LANGUAGE)
    return _NATIONAL


def cuti_bersama(year: int) -> dict[date, str]:
    """The collective-leave days of a year (the package's `government` category)."""
    import holidays

    found = holidays.country_holidays(
        COUNTRY, categories=("government",), language=LANGUAGE, years=year
    )
    return dict(found.items())


@dataclass(frozen=True)
class WorkingCalendar:
    """Working-day arithmetic with the Secretariat's overrides (day → is a holiday)."""

    overrides: Mapping[date, bool] = field(default_factory=dict)

    def is_working_day(self, day: date) -> bool:
        if day in self.overrides:
            return not self.overrides[day]
        if day.weekday() >= 5:
            return False
        return day not in national_holidays()

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (`start` itself is not counted)."""
        if count < 1:
            raise ValueError("count must be at least 1")
        day = start
        while count:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_before(self, end: date, count: int) -> date:
        """The working day `count` working days before `end` (`end` itself not counted)."""
        day = end
        while count:
            day -= timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first one after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


def load(session: Session) -> WorkingCalendar:
    """The calendar with the overrides stored in the database."""
    rows = session.execute(select(HolidayOverride.day, HolidayOverride.holiday))
    return WorkingCalendar({day: holiday for day, holiday in rows})
