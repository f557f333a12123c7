"""Tables as an .xlsx workbook, one sheet per table, for people who sort and filter.

Each cell keeps its type (dates as dates, numbers as numbers, percentages as fractions
shown with a % format), text is always text (a value that starts with `=` is not made
a formula), the header row is frozen and carries an auto-filter, and each column is
as wide as its longest value (within limits).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

NUMBER_FORMATS = {"int": "0", "num": "0.0", "pct": "0.0%", "date": "dd/mm/yyyy"}
MIN_WIDTH, MAX_WIDTH = 6, 60
HEADER_FILL = PatternFill("solid", fgColor="E4ECF2")
DATE_WIDTH = 11
_BAD_SHEET_CHARACTERS = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: Sequence[str]
    kinds: Sequence[str]  # per column: text, int, num, pct, date
    rows: Sequence[Sequence[object]]


def workbook_bytes(sheets: Sequence[Sheet], title: str = "") -> bytes:
    book = Workbook()
    book.remove(book.active)
    book.properties.title = title or None
    book.properties.language = "id-ID"
    for sheet in sheets:
        _write_sheet(book, sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_sheet(book: Workbook, sheet: Sheet) -> None:
    ws = book.create_sheet(sheet.name.translate(_BAD_SHEET_CHARACTERS)[:31])
    ws.append(list(sheet.headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in sheet.rows:
        ws.append([_value(value, kind) for value, kind in zip(row, sheet.kinds, strict=True)])
    for column, kind in enumerate(sheet.kinds, start=1):
        _format_column(ws, column, kind)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(sheet.headers))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(sheet.rows) + 1)}"


def _value(value: object, kind: str) -> object:
    if kind == "pct" and isinstance(value, (int, float)):
        return value / 100
    return value


def _format_column(ws, column: int, kind: str) -> None:  # type: ignore[no-untyped-def]
    width = MIN_WIDTH
    for (cell,) in ws.iter_rows(min_col=column, max_col=column):
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"  # text, never a formula
        if cell.row > 1 and kind in NUMBER_FORMATS and cell.value is not None:
            cell.number_format = NUMBER_FORMATS[kind]
        width = max(width, _shown_width(cell.value, kind))
    ws.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)


def _shown_width(value: object, kind: str) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return DATE_WIDTH
    if kind == "pct":
        return 7
    return max(len(line) for line in str(value).splitlines() or [""])
