"""Indonesian working days (design.md §5): Monday–Friday minus public holidays and cuti bersama.

The national calendar comes from the `holidays` package (country ID, categories public
and government — cuti bersama are in `government`). Building it costs ~190 ms, so it is
built lazily, once per process, only when a date is actually checked. The Secretariat's
overrides (a day declared a holiday, or a listed holiday declared a working day) come
from the `holiday_override` table and win over the package.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.infrastructure.models import HolidayOverride

COUNTRY = "ID"
CATEGORIES = ("public", "government")
LANGUAGE = "id"

_NATIONAL: Any = None
_DAYS_OF_YEAR: dict[int, frozenset[date]] = {}


def national_holidays() -> Any:
    """The one `holidays` calendar of this process (years are filled in on first use)."""
    global _NATIONAL
    if _NATIONAL is None:
        import holidays

        _NATIONAL = holidays.country_holidays(COUNTRY, categories=CATEGORIES, language=LANGUAGE)
    return _NATIONAL


def national_days(year: int) -> frozenset[date]:
    """The national holidays and cuti bersama of `year`, as a set of days.

    Read commands (the worklist's due days and overdue counts) ask this for every
    region: importing `holidays` and computing a year costs ~200 ms, more than the whole
    budget of a read command, so each year's days are kept in a small file under the
    user's cache folder, keyed by the installed `holidays` version (a new version, with
    newly decreed cuti bersama, is computed afresh). Without a writable cache folder the
    package is asked every time, as before.
    """
    found = _DAYS_OF_YEAR.get(year)
    if found is None:
        found = _DAYS_OF_YEAR[year] = _cached_days(year)
    return found


def _cache_file(year: int) -> Path | None:
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    installed = sorted(package.parent.glob("holidays-*.dist-info"))  # holidays-0.60.dist-info
    if not installed:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    tag = installed[-1].name.removesuffix(".dist-info")
    return Path(base) / "aksansi" / f"{tag}-{COUNTRY}-{year}.json"


def _cached_days(year: int) -> frozenset[date]:
    path = _cache_file(year)
    if path is not None:
        try:
            return frozenset(date.fromisoformat(d) for d in json.loads(path.read_text("utf-8")))
        except (OSError, ValueError):
            pass
    import holidays

    days = frozenset(holidays.country_holidays(COUNTRY, categories=CATEGORIES, years=year).keys())
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            scratch = path.with_suffix(f".{os.getpid()}.tmp")
            scratch.write_text(json.dumps(sorted(d.isoformat() for d in days)), "utf-8")
            os.replace(scratch, path)
        except OSError:
            pass
    return days


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
        return day not in national_days(day.year)

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (`start` itself is not counted).

        Whole weeks are jumped over and counted by arithmetic (`working_days_between`),
        the last few days walked: the board asks this of every region, for spans of
        up to a quarter, so a day-by-day walk would cost more than its queries."""
        if count < 1:
            raise ValueError("count must be at least 1")
        day = start + timedelta(days=7 * ((count - 1) // 5))
        left = count - self.working_days_between(start, day)
        if left < 1:  # overrides made weekend days of the jump working days: walk it all
            day, left = start, count
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days come after `start` up to and including `end` (0 when
        `end` is not after `start`): the days a due date is overdue by.

        Counted by arithmetic, not day by day (a reminder overdue for years costs the
        board as little as one due today): the weekdays of the span, less the national
        holidays on weekdays in it, corrected by the overrides in it."""
        if end <= start:
            return 0
        count = _weekdays_after(start, end)
        for year in range(start.year, end.year + 1):
            holidays = _weekday_holidays(year)  # sorted: the span's are a slice
            count -= bisect_right(holidays, end) - bisect_right(holidays, start)
        for day, holiday in self.overrides.items():
            if start < day <= end:
                usual = day.weekday() < 5 and day not in national_days(day.year)
                count += int(not holiday) - int(usual)
        return count

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


def _weekdays_after(start: date, end: date) -> int:
    """Monday–Friday days after `start` up to and including `end`."""
    weeks, rest = divmod((end - start).days, 7)
    return weeks * 5 + _WEEKDAYS_IN[start.weekday()][rest]


# weekday of a start day → n → the Monday–Friday days among the n days after it
_WEEKDAYS_IN = [
    [sum(1 for k in range(1, n + 1) if (first + k) % 7 < 5) for n in range(7)] for first in range(7)
]


def _weekday_holidays(year: int) -> tuple[date, ...]:
    """The national holidays of `year` that fall on a weekday, in order."""
    days = national_days(year)
    source, found = _WEEKDAY_HOLIDAYS.get(year, (None, ()))
    if source is not days:
        found = tuple(sorted(day for day in days if day.weekday() < 5))
        _WEEKDAY_HOLIDAYS[year] = (days, found)
    return found


# year → (the national days it was worked out from, those on a weekday, in order)
_WEEKDAY_HOLIDAYS: dict[int, tuple[frozenset[date] | None, tuple[date, ...]]] = {}


_OVERRIDES = select(HolidayOverride.day, HolidayOverride.holiday)  # built once: every advance


def load(session: Session) -> WorkingCalendar:
    """The calendar with the overrides stored in the database (read on the transaction's
    connection: a Core query, no ORM round through the session)."""
    rows = session.connection().execute(_OVERRIDES)
    return WorkingCalendar({day: holiday for day, holiday in rows})
