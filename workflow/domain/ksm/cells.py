"""Read and check one row of the KSM sheet: every cell, then the rules across cells.

Cells come from a CSV (text) or from Excel (numbers, datetimes, text); both are read
to the same Python values. Every problem is reported, not only the first.

Decisions (also in the template's help sheet):
- `sr_terpasang` may exceed `sr_desain` (a retrofit adds connections beyond the
  design; the report flags it as over design); `sr_aktif` may not exceed
  `sr_terpasang`;
- a date may not be after today, except `sk_berlaku_sampai` (an expiry);
- `rapat_anggota_terakhir` and `pengurasan_lumpur_terakhir` may not be after the visit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from states.ksm_fields import COLUMNS, REQUIRED_CELLS, Column
from workflow.domain.inputs import FIRST_DAY, LAST_DAY, printable, unprintable
from workflow.i18n import _

TRUE_WORDS = {"ya", "y", "yes", "true", "1", "ada", "benar"}
FALSE_WORDS = {"tidak", "t", "no", "n", "false", "0", "tidak ada", "belum"}
THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")
DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class CellError(ValueError):
    """What is wrong with one cell, as a sentence fragment."""


@dataclass
class CheckedRow:
    line: int
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column, what is wrong)


def check_row(line: int, raw: dict[str, Any], today: date) -> CheckedRow:
    return RowChecker(today).check(line, raw)


class RowChecker:
    """Checks the rows of one file (one `today`): each column reads its cells with its
    type's parser, and remembers what its most frequent texts parse to (`_ColumnReader`)."""

    def __init__(self, today: date) -> None:
        self.readers = [(column["name"], _ColumnReader(column, today)) for column in COLUMNS]

    def check(self, line: int, raw: dict[str, Any]) -> CheckedRow:
        row = CheckedRow(line)
        values, problems = row.values, row.problems
        for name, reader in self.readers:
            cell = raw.get(name)
            # The common case inline: a text this column has read before.
            known = reader.memo.get(cell) if type(cell) is str else None
            value, problem = reader.read(cell) if known is None else known
            if problem is None:
                values[name] = value
            else:
                problems.append((name, problem))
        for name in REQUIRED_CELLS:
            if values.get(name) is None and not _has_problem(row, name):
                problems.append((name, _("is empty; this column is required")))
        problems.extend(cross_checks(values))
        return row


MEMO_SIZE = 512  # texts remembered per column: a sheet repeats its codes, days and amounts


class _ColumnReader:
    """One column's cells to values (None for an empty cell). Parsing is pure for a given
    `today`, so a text read before gives the value, or the problem, it gave then."""

    __slots__ = ("column", "memo", "parser", "today")

    def __init__(self, column: Column, today: date) -> None:
        self.column, self.today = column, today
        self.parser = _PARSERS[column["type"]]
        self.memo: dict[str, tuple[Any, str | None]] = {}

    def read(self, cell: Any) -> tuple[Any, str | None]:
        """The cell's value and None, or None and what is wrong with it."""
        read: tuple[Any, str | None]
        try:
            read = (self._parsed(cell), None)
        except CellError as exc:
            read = (None, str(exc))
        if type(cell) is str and len(self.memo) < MEMO_SIZE:  # not 1, 1.0, True: equal keys
            self.memo[cell] = read
        return read

    def _parsed(self, cell: Any) -> Any:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return None
        return self.parser(self.column, cell, self.today)


def _has_problem(row: CheckedRow, name: str) -> bool:
    return any(column == name for column, _ in row.problems)


def cross_checks(v: dict[str, Any]) -> list[tuple[str, str]]:
    """Rules between cells; a cell that failed on its own is None here and skipped."""
    problems = []
    if _both(v, "sr_aktif", "sr_terpasang") and v["sr_aktif"] > v["sr_terpasang"]:
        problems.append(
            (
                "sr_aktif",
                _(
                    "{sr_aktif} active connections is more than the {sr_terpasang} "
                    "installed (sr_terpasang)"
                ).format(sr_aktif=v["sr_aktif"], sr_terpasang=v["sr_terpasang"]),
            )
        )
    for name in ("rapat_anggota_terakhir", "pengurasan_lumpur_terakhir"):
        if _both(v, name, "tanggal_kunjungan") and v[name] > v["tanggal_kunjungan"]:
            problems.append(
                (
                    name,
                    _("{isoformat} is after the visit (tanggal_kunjungan {isoformat2})").format(
                        isoformat=v[name].isoformat(), isoformat2=v["tanggal_kunjungan"].isoformat()
                    ),
                )
            )
    return problems


def _both(values: dict[str, Any], a: str, b: str) -> bool:
    return values.get(a) is not None and values.get(b) is not None


def parse_cell(column: Column, raw: Any, today: date) -> Any:
    """The cell's value in its column's type; None for an empty cell."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return _PARSERS[column["type"]](column, raw, today)


def _text(_column: Column, raw: Any, _today: date) -> str:
    text = " ".join(str(raw).split())
    code = unprintable(text)
    if code is not None:
        raise CellError(
            _("{show} holds the character {code}, which a report cannot print; remove it").format(
                show=_show(raw), code=code
            )
        )
    return text


MAX_COUNT = 1_000_000  # houses, people, years, meetings: anything above is a typing slip
MAX_RUPIAH = 10**15


def _int(column: Column, raw: Any, today: date) -> int:
    value = _money(column, raw, today)
    if value > MAX_COUNT:
        raise CellError(
            _("{show} is too large for a count (at most {max_count:,})").format(
                show=_show(raw), max_count=MAX_COUNT
            )
        )
    return value


def _money(_column: Column, raw: Any, _today: date) -> int:
    number = _number(raw)
    if number != int(number):
        raise CellError(_("{show} is not a whole number").format(show=_show(raw)))
    if number < 0:
        raise CellError(_("{show} is negative; write 0 or more").format(show=_show(raw)))
    if number > MAX_RUPIAH:
        raise CellError(_("{show} is too large").format(show=_show(raw)))
    return int(number)


def _percent(_column: Column, raw: Any, _today: date) -> float:
    number = _number(str(raw).strip().rstrip("%") if isinstance(raw, str) else raw)
    if not 0 <= number <= 100:
        raise CellError(_("{show} is not a percentage between 0 and 100").format(show=_show(raw)))
    return float(number)


def _year(_column: Column, raw: Any, today: date) -> int:
    year = _int(_column, raw, today)
    if not 1970 <= year <= today.year:
        raise CellError(
            _("{year} is not a year between 1970 and {year2}").format(year=year, year2=today.year)
        )
    return year


def _date(column: Column, raw: Any, today: date) -> date:
    day = _expiry(column, raw, today)
    if day > today:
        raise CellError(
            _("{isoformat} is in the future (today is {isoformat2})").format(
                isoformat=day.isoformat(), isoformat2=today.isoformat()
            )
        )
    return day


def _expiry(_column: Column, raw: Any, _today: date) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    match = DAY_FIRST.match(text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return _in_range(date(year, month, day), raw)
        return _in_range(date.fromisoformat(text[:10]), raw)
    except ValueError:
        raise CellError(
            _("{show} is not a date; write YYYY-MM-DD or DD/MM/YYYY").format(show=_show(raw))
        ) from None


def _in_range(day: date, raw: Any) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise CellError(
            _("{show} is outside the days the tool reckons with ({first} to {last})").format(
                show=_show(raw), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
            )
        )
    return day


def _bool(_column: Column, raw: Any, _today: date) -> bool:
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("{show} is not yes or no; write 'ya' or 'tidak'").format(show=_show(raw)))


def _enum(column: Column, raw: Any, _today: date) -> str:
    value = _key(raw)
    if value not in column["values"]:
        raise CellError(
            _("{show} is not allowed; valid: {items}").format(
                show=_show(raw), items=", ".join(column["values"])
            )
        )
    return value


def _set(column: Column, raw: Any, _today: date) -> str:
    items = [_key(part) for part in str(raw).replace(";", ",").split(",") if part.strip()]
    wrong = [item for item in items if item not in column["values"]]
    if wrong:
        raise CellError(
            _("{wrong} not allowed; valid: {items}").format(
                wrong=", ".join(wrong), items=", ".join(column["values"])
            )
        )
    return ",".join(sorted(set(items), key=column["values"].index))


def _key(raw: Any) -> str:
    return "_".join(str(raw).strip().lower().replace("-", " ").split())


def _number(raw: Any) -> float:
    if isinstance(raw, bool):
        raise CellError(_("{show} is not a number").format(show=_show(raw)))
    if isinstance(raw, (int, float)):
        return _finite(float(raw) if abs(raw) < 1e300 else math.inf, raw)
    if isinstance(raw, str) and raw.isascii() and raw.isdigit():  # the common case: 1500000
        return _finite(float(raw), raw)
    text = str(raw).strip().removeprefix("Rp").removeprefix("rp").strip().replace(" ", "")
    if THOUSANDS.match(text):
        text = text.replace(".", "").replace(",", "")
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise CellError(_("{show} is text, not a number").format(show=_show(raw))) from None
    if not math.isfinite(number):
        raise CellError(_("{show} is not a number").format(show=_show(raw)))
    return number


def _finite(number: float, raw: Any) -> float:
    if not math.isfinite(number):
        raise CellError(_("{show} is not a number").format(show=_show(raw)))
    return number


def _show(raw: Any) -> str:
    if not isinstance(raw, str):
        return str(raw)
    return printable(raw)


_PARSERS = {
    "text": _text,
    "int": _int,
    "money": _money,
    "percent": _percent,
    "year": _year,
    "date": _date,
    "expiry": _expiry,
    "bool": _bool,
    "enum": _enum,
    "set": _set,
}
