"""Checks on what a person typed, shared by every use case that records a day or a note."""

from __future__ import annotations

from datetime import date

from workflow.domain import clock
from workflow.errors import InvalidInput
from workflow.i18n import _


def check_not_future(day: date, what: str) -> date:
    if day > clock.today():
        raise InvalidInput(
            _(
                "{what} {isoformat} is in the future; record it on or after the day it happens."
            ).format(what=what, isoformat=day.isoformat())
        )
    return day


def clean(text: str | None) -> str | None:
    """Text as given without surrounding blanks; None when there is nothing."""
    text = (text or "").strip()
    return text or None
