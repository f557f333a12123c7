"""Checks on what a person typed, shared by every use case that records a day or a note.

Everything that comes in (a command-line argument, AKSANSI_USER, a cell of an imported
sheet, a Markdown file for an agreement) is refused here, in one sentence naming it,
before anything is numbered, stored or written, when it could not be stored the same
way on SQLite and PostgreSQL or could not be printed in a document:

- text that is not UTF-8 (the operating system hands Python undecodable bytes as lone
  surrogates) or holds a control character other than tab and newline: Word, HTML and
  the databases cannot all keep it;
- a whole number beyond what a 64-bit database column holds;
- a day outside `FIRST_DAY` … `LAST_DAY`: the working-day calendar, the
  letters and the time arithmetic are defined there, not at year 1 or 9999.
"""

from __future__ import annotations

import csv
import re
from datetime import date

from workflow.domain import clock
from workflow.errors import InvalidInput
from workflow.i18n import _

FIRST_DAY = date(1950, 1, 1)  # the years of the working-day calendar (`calendar show`)
LAST_DAY = date(2100, 12, 31)
BIGINT_MAX = 2**63 - 1
BIGINT_MIN = -(2**63)
MAX_RUPIAH = 10**15  # a budget above Rp 1.000 trillion is a typing slip

# C0 controls but tab and newline (a CR-LF pair is read as a newline first), DEL, the C1
# controls, the surrogates and the two non-characters XML cannot hold.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SHOWN_CHARS = 40


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


def unprintable(text: str) -> str | None:
    """The first character of `text` a document cannot hold (`U+0007`), or None."""
    found = _FORBIDDEN.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def check_text(text: str, what: str) -> str:
    """`text` if every character of it can be stored and printed; CR-LF becomes LF."""
    text = text.replace("\r\n", "\n")
    found = _FORBIDDEN.search(text)
    if found is None:
        return text
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        raise InvalidInput(
            _("{what} {text} is not valid UTF-8 text; write it again in UTF-8.").format(
                what=what, text=printable(text)
            )
        )
    raise InvalidInput(
        _(
            "{what} {text} holds the control character {code}, which a letter cannot print; "
            "remove it."
        ).format(what=what, text=printable(text), code=f"U+{ord(char):04X}")
    )


def printable(text: str) -> str:
    """A short, quoted form of any text that can always be printed (escapes shown)."""
    shown = text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"
    return ascii(shown) if _FORBIDDEN.search(shown) else repr(shown)


def unreadable_csv(name: str, line: int, problem: Exception) -> str:
    """Why the csv module stopped reading a file (a cell over its field limit, say)."""
    return _(
        "{name}, line {line}: {problem}; check the file (a cell holds at most {limit:,} "
        "characters)."
    ).format(name=name, line=line, problem=problem, limit=csv.field_size_limit())


def check_whole_number(number: int, what: str) -> int:
    """A whole number a BIGINT column holds (ids, amounts)."""
    if not BIGINT_MIN <= number <= BIGINT_MAX:
        raise InvalidInput(
            _(
                "{what} {number} is out of range; the register holds whole numbers from "
                "{low} to {high}."
            ).format(
                what=what,
                number=_short_number(number),
                low=f"{BIGINT_MIN:,}",
                high=f"{BIGINT_MAX:,}",
            )
        )
    return number


def whole_rupiah(digits: str, what: str) -> int:
    """`150.000.000` → 150000000: an amount in rupiah, at most `MAX_RUPIAH`."""
    digits = digits.replace(".", "")
    if len(digits) > len(str(MAX_RUPIAH)) or int(digits) > MAX_RUPIAH:
        raise InvalidInput(
            _("{what} Rp {amount} is more than Rp {limit}; check the number.").format(
                what=what, amount=_shorten(digits), limit=f"{MAX_RUPIAH:,}"
            )
        )
    return int(digits)


def _short_number(number: int) -> str:
    return _shorten(str(number))


def _shorten(digits: str) -> str:
    return digits if len(digits) <= 24 else f"{digits[:20]}…({len(digits)} digits)"


def check_day(day: date, what: str) -> date:
    """A calendar day the tool can reckon with (`FIRST_DAY` … `LAST_DAY`)."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(day_out_of_range(what, day.isoformat()))
    return day


def day_out_of_range(what: str, shown: str) -> str:
    return _(
        "{what} {shown} is outside the days the tool reckons with ({first} to {last})."
    ).format(what=what, shown=shown, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat())
