"""The KSM sheet as a file: read a CSV or Excel file into raw rows; write the template.

Reading checks the header (missing, unknown, repeated or merged column names) and
hands back each data row with its line number as the user sees it in the file
(the header is line 1). Cell values are checked in `workflow/domain/ksm/cells.py`.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from states.ksm_fields import COLUMN_NAMES
from workflow.domain.inputs import unreadable_csv
from workflow.errors import BadFile
from workflow.i18n import _

HEADER_LINE = 1
SHEET_NAME = "KSM"


@dataclass
class Sheet:
    # A CSV's rows are read as they are asked for (a large file is never held whole).
    rows: Iterable[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # line, column, what


def read_sheet(path: Path) -> Sheet:
    """The rows of FILE.csv or FILE.xlsx, or the header's problems."""
    if not _is_file(path):
        raise BadFile(
            _("{path} does not exist or is not a file; give the path of a .csv or .xlsx.").format(
                path=path
            )
        )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise BadFile(
        _("{name} is neither .csv nor .xlsx; save the sheet in one of those formats.").format(
            name=path.name
        )
    )


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, a loop of links
        return False


def _read_csv(path: Path) -> Sheet:
    """UTF-8 (with or without BOM); else Windows-1252, what Excel on Windows saves as "CSV"."""
    encoding = _encoding(path)
    with path.open(newline="", encoding=encoding) as handle:
        first_line = handle.readline()
        handle.seek(0)
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise BadFile(unreadable_csv(path.name, reader.line_num, exc)) from None
    if header is None:
        raise BadFile(
            _("{name} is empty; fill the template from 'aksansi ksm template'.").format(
                name=path.name
            )
        )
    problems, rows = check_header(header), _csv_rows(path, encoding, delimiter)
    if problems:  # a row csv cannot read is still refused first, as if the file were read whole
        for _row in rows:
            pass
        return Sheet(problems=problems)
    return Sheet(rows=rows)


def _encoding(path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        if _decodes(path, encoding):
            return encoding
    raise BadFile(
        _("{name} is neither UTF-8 nor Windows-1252 text; save the sheet as CSV UTF-8.").format(
            name=path.name
        )
    )


def _decodes(path: Path, encoding: str) -> bool:
    try:
        with path.open(newline="", encoding=encoding) as handle:
            while handle.read(1 << 16):
                pass
    except UnicodeDecodeError:
        return False
    return True


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each non-blank data row with its line number, read as it is asked for."""
    with path.open(newline="", encoding=encoding) as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            names = [_column_key(name) for name in next(reader)]
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield reader.line_num, dict(zip(names, cells, strict=False))
        except csv.Error as exc:
            raise BadFile(unreadable_csv(path.name, reader.line_num, exc)) from None


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise BadFile(
            _("{name} cannot be read as an Excel workbook: {exc}").format(name=path.name, exc=exc)
        ) from None
    sheet_ws = book[SHEET_NAME] if SHEET_NAME in book.sheetnames else book.worksheets[0]
    rows = sheet_ws.iter_rows(values_only=True)
    header = [("" if cell is None else str(cell)) for cell in next(rows, ())]
    if not any(header):
        raise BadFile(
            _("{name} has no header row; fill the template from 'aksansi ksm template'.").format(
                name=path.name
            )
        )
    problems = _merged_header(sheet_ws) or check_header(header)
    names = [_column_key(name) for name in header]
    found = [
        (line, dict(zip(names, cells, strict=False)))
        for line, cells in enumerate(rows, start=HEADER_LINE + 1)
        if any(cell is not None and str(cell).strip() for cell in cells)
    ]
    book.close()
    return Sheet(rows=found, problems=problems)


def _merged_header(worksheet: Any) -> list[tuple[int, str, str]]:
    merged = [str(r) for r in worksheet.merged_cells.ranges if r.min_row <= HEADER_LINE]
    return [
        (
            HEADER_LINE,
            cells,
            _("header cells are merged; unmerge them so each column has its own name"),
        )
        for cells in merged
    ]


def check_header(header: list[str]) -> list[tuple[int, str, str]]:
    names = [_column_key(name) for name in header]
    problems = []
    missing = [name for name in COLUMN_NAMES if name not in names]
    if missing:
        problems.append(
            (
                HEADER_LINE,
                ", ".join(missing),
                _("missing column(s); copy the header from 'aksansi ksm template'"),
            )
        )
    for name in dict.fromkeys(names):
        if name and name not in COLUMN_NAMES:
            problems.append((HEADER_LINE, name, _unknown(name)))
        elif name and names.count(name) > 1:
            problems.append((HEADER_LINE, name, _("column appears more than once")))
    return problems


def _unknown(name: str) -> str:
    close = difflib.get_close_matches(name, COLUMN_NAMES, n=1)
    hint = (
        _("did you mean '{name}'?").format(name=close[0]) if close else _("remove it or rename it")
    )
    return _("unknown column; {hint}").format(hint=hint)


def _column_key(name: Any) -> str:
    return "_".join(str(name or "").strip().lower().split())
