"""The register of outgoing letters (*agenda surat keluar*) as CSV or as a workbook.

Rows come in as plain dicts with the keys of `COLUMNS`; `sent_via` is an id of
states/dispatch.VIA, written as the register's Indonesian word. In the CSV a cell that
starts with `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading apostrophe,
so a spreadsheet shows it as text instead of running it as a formula (the usual defence
against CSV injection); in the workbook every text cell is text and every date a date.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from states.dispatch import REGISTER_WORDS

# (key, Indonesian header, kind): the columns of an agenda surat keluar.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("number", "Nomor", "text"),
    ("issued_on", "Tanggal", "date"),
    ("region_name", "Daerah", "text"),
    ("addressee", "Kepada", "text"),
    ("subject", "Hal", "text"),
    ("kind", "Jenis", "text"),
    ("sent_on", "Tanggal kirim", "date"),
    ("sent_via", "Dikirim melalui", "text"),
    ("void", "Dibatalkan", "text"),
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VOID_TEXT = "dibatalkan"
SHEET = "Agenda surat keluar"


def neutralised(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(row: dict[str, Any], key: str) -> Any:
    value = row[key]
    if isinstance(value, bool):
        return VOID_TEXT if value else ""
    if key == "sent_via" and value is not None:
        return REGISTER_WORDS.get(value, value)
    return value


def register_csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header for _, header, _ in COLUMNS])
    for row in rows:
        writer.writerow([_csv_text(_cell(row, key)) for key, _, _ in COLUMNS])
    return buffer.getvalue()


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return neutralised(str(value))


def register_xlsx(rows: Sequence[dict[str, Any]], title: str) -> bytes:
    from documents.spreadsheet import Sheet, workbook_bytes

    sheet = Sheet(
        SHEET,
        [header for _, header, _ in COLUMNS],
        [kind for _, _, kind in COLUMNS],
        [[_cell(row, key) for key, _, _ in COLUMNS] for row in rows],
    )
    return workbook_bytes([sheet], title)
