"""The one clock of the application.

Business code asks `now()` / `today()` here and never calls `datetime.now()`:
`AKSANSI_NOW` (an ISO date or datetime) replaces the present everywhere, so every
date rule can be tested on exact days.
"""

from __future__ import annotations

import functools
import os
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from workflow.errors import InvalidInput

JAKARTA = ZoneInfo("Asia/Jakarta")


def now() -> datetime:
    """The current moment, aware, in Asia/Jakarta (or AKSANSI_NOW)."""
    override = os.environ.get("AKSANSI_NOW", "").strip()
    if override:
        return _injected(override)
    return datetime.now(UTC).astimezone(JAKARTA)


@functools.lru_cache(maxsize=8)  # a read asks for today once per row shown: parse it once
def _injected(text: str) -> datetime:
    return parse_moment(text, what="AKSANSI_NOW")


def today() -> date:
    return now().date()


def parse_moment(text: str, *, what: str = "date") -> datetime:
    """An ISO date or datetime; a naive value is read as Jakarta time. A moment outside
    the days the tool reckons with (`workflow.domain.inputs.FIRST_DAY` …) is refused."""
    from workflow.domain.inputs import check_day, printable

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(_not_a_date(what, printable(text))) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JAKARTA)
    check_day(moment.date(), what)
    return moment.astimezone(JAKARTA)


def parse_date(text: str, *, what: str = "date") -> date:
    """A calendar date written as YYYY-MM-DD (a datetime is cut to its date)."""
    from workflow.domain.inputs import check_day

    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        return parse_moment(text, what=what).date()
    return check_day(day, what)


def _not_a_date(what: str, shown: str) -> str:
    from workflow.i18n import _

    return _("{what} {text} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-27).").format(
        what=what, text=shown
    )


def utcnow() -> datetime:
    """`now()` in UTC, for recorded-at stamps."""
    return now().astimezone(UTC)


# --- The Secretariat's zone for times shown to a person (`config set org.timezone`).
# Stored times stay UTC and --json gives ISO 8601 with the offset; only display converts.

DEFAULT_ZONE = "Asia/Jakarta"


def display_zone() -> ZoneInfo:
    """`org.timezone` (read with the run's preferences), else Asia/Jakarta."""
    from workflow.preferences import check_zone, zone_name

    name = zone_name()
    return check_zone(name) if name else JAKARTA


def local(moment: datetime) -> datetime:
    """An aware moment in the Secretariat's zone (a naive one is read as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(display_zone())


def shown_time(moment: datetime) -> str:
    """`08.45 WIB` in Indonesian, `08:45 WIB` in English: the Secretariat's zone, labelled."""
    from workflow.i18n import language

    here = local(moment)
    separator = "." if language() == "id" else ":"
    return f"{here:%H}{separator}{here:%M} {here.tzname()}"


def shown_moment(moment: datetime) -> str:
    """`2026-11-02 08.45 WIB`: date and labelled time in the Secretariat's zone."""
    return f"{local(moment):%Y-%m-%d} {shown_time(moment)}"
