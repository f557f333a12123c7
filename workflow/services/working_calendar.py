"""Use cases of `aksansi calendar`: the Secretariat's holiday overrides and the year's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from workflow.domain import audit, clock, working_days
from workflow.errors import InvalidInput, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import HolidayOverride
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class CalendarDay:
    """A non-ordinary day: a national holiday, a cuti bersama, or an override."""

    date: date
    name: str
    source: str  # public | cuti_bersama | override
    working: bool  # True when an override declared a listed holiday a working day


def add_holiday(uow: UnitOfWork, day: date, name: str, *, actor: str) -> CalendarDay:
    """Declare `day` a holiday (e.g. a cuti bersama added by a later SKB)."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("a holiday needs a name, e.g. 'Cuti Bersama Idul Fitri'."))
    with uow:
        existing = uow.session.get(HolidayOverride, day)
        listed = working_days.national_holidays().get(day)
        if (existing is not None and existing.holiday) or (existing is None and listed):
            shown = existing.name if existing is not None else listed
            raise InvalidInput(
                _(
                    "{isoformat} is already a holiday ({shown}); see 'aksansi calendar show YEAR'."
                ).format(isoformat=day.isoformat(), shown=shown)
            )
        if existing is not None:  # a listed holiday once declared a working day: undo that
            uow.session.delete(existing)
        else:
            uow.session.add(_override(day, name, holiday=True, actor=actor))
        audit.record(
            uow.session,
            region=None,
            kind="holiday_added",
            actor=actor,
            occurred_on=clock.today(),
            note=name,
            day=day.isoformat(),
        )
        uow.commit()
    return CalendarDay(day, name, "override", working=False)


def remove(uow: UnitOfWork, day: date, *, actor: str) -> str:
    """Undo an override, or declare a listed national holiday a working day."""
    with uow:
        existing = uow.session.get(HolidayOverride, day)
        listed = working_days.national_holidays().get(day)
        if existing is not None:
            uow.session.delete(existing)
            message = _("{day}: override '{name}' removed.").format(
                day=day.isoformat(), name=existing.name
            )
        elif listed and day.weekday() < 5:
            uow.session.add(_override(day, listed, holiday=False, actor=actor))
            message = _("{isoformat}: '{listed}' is now a working day.").format(
                isoformat=day.isoformat(), listed=listed
            )
        else:
            raise NotFound(
                _(
                    "{isoformat} is neither a holiday nor an override; see 'aksansi "
                    "calendar show YEAR'."
                ).format(isoformat=day.isoformat())
            )
        audit.record(
            uow.session,
            region=None,
            kind="holiday_removed",
            actor=actor,
            occurred_on=clock.today(),
            day=day.isoformat(),
            note=message,
        )
        uow.commit()
    return message


def show(uow: UnitOfWork, year: int) -> list[CalendarDay]:
    """The year's holidays, cuti bersama and overrides, by date."""
    if not 1950 <= year <= 2100:
        raise InvalidInput(_("{year} is not a year between 1950 and 2100.").format(year=year))
    with uow:
        rows = uow.session.scalars(
            select(HolidayOverride).where(
                HolidayOverride.day >= date(year, 1, 1), HolidayOverride.day <= date(year, 12, 31)
            )
        ).all()
        overrides = {row.day: (row.name, row.holiday) for row in rows}
    national = working_days.national_holidays()
    national.get(date(year, 1, 1))  # a lookup fills the whole year in
    collective = working_days.cuti_bersama(year)
    days: dict[date, CalendarDay] = {}
    for day, name in national.items():
        if day.year == year:
            source = "cuti_bersama" if day in collective else "public"
            days[day] = CalendarDay(day, name, source, working=False)
    for day, (name, holiday) in overrides.items():
        days[day] = CalendarDay(day, name, "override", working=not holiday)
    return [days[day] for day in sorted(days)]


def _override(day: date, name: str, *, holiday: bool, actor: str) -> HolidayOverride:
    return HolidayOverride(
        day=day, name=name, holiday=holiday, actor=actor, created_at=clock.utcnow()
    )
