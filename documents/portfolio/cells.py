"""A table cell as the report prints it (the spreadsheet keeps the typed value)."""

from __future__ import annotations

from datetime import date

from documents.filters import tanggal
from documents.portfolio.numbers import DASH, angka, persen


def cell_text(value: object, kind: str) -> str:
    if value is None or value == "":
        return DASH
    if kind == "date" and isinstance(value, date):
        return tanggal(value)
    if kind == "pct" and isinstance(value, (int, float)):
        return persen(value)
    if kind in ("int", "num") and isinstance(value, (int, float)):
        return angka(value)
    return str(value)


NUMERIC = frozenset({"int", "num", "pct"})
