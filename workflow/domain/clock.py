"""The one clock of the application.

Business code asks `now()` / `today()` here and never calls `datetime.now()`:
`AKSANSI_NOW` (an ISO date or datetime) replaces the present everywhere, so every
date rule can be tested on exact days.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from workflow.errors import InvalidInput

JAKARTA = ZoneInfo("Asia/Jakarta")


def now() -> datetime:
    """The current moment, aware, in Asia/Jakarta (or AKSANSI_NOW)."""
    override = os.environ.get("AKSANSI_NOW", "").strip()
    if override:
        return parse_moment(override, what="AKSANSI_NOW")
    return datetime.now(UTC).astimezone(JAKARTA)


def today() -> date:
    return now().date()


def parse_moment(text: str, *, what: str = "date") -> datetime:
    """An ISO date or datetime; a naive value is read as Jakarta time."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"{what} {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-27)."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JAKARTA)
    return moment.astimezone(JAKARTA)


def parse_date(text: str, *, what: str = "date") -> date:
    """A calendar date written as YYYY-MM-DD (a datetime is cut to its date)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return parse_moment(text, what=what).date()


def utcnow() -> datetime:
    """`now()` in UTC, for recorded-at stamps."""
    return now().astimezone(UTC)
