"""How the report writes numbers and periods in Indonesian: `12,5`, `66,7%`,
`1 Juli – 30 September 2026`, `Triwulan III 2026`."""

from __future__ import annotations

from datetime import date

from documents.filters import romawi, tanggal

DASH = "–"


def angka(value: float | int | None) -> str:
    """A number with a decimal comma and one decimal at most; `–` for none."""
    if value is None:
        return DASH
    rounded = round(float(value), 1)
    if rounded.is_integer():
        return f"{int(rounded):,}".replace(",", ".")
    whole, decimal = f"{rounded:,.1f}".split(".")
    return f"{whole.replace(',', '.')},{decimal}"


def persen(value: float | None) -> str:
    return DASH if value is None else f"{angka(value)}%"


def rentang(start: date, end: date) -> str:
    """`1 Juli – 30 September 2026`; the year once when both days share it."""
    if start.year == end.year:
        first = tanggal(start).rsplit(" ", 1)[0]
        return f"{first} {DASH} {tanggal(end)}"
    return f"{tanggal(start)} {DASH} {tanggal(end)}"


def nama_periode(period: dict[str, object]) -> str:
    """`Triwulan III 2026` for a calendar quarter, else `Periode 1 Juli – 15 Oktober 2026`."""
    start, end = period["from"], period["to"]
    assert isinstance(start, date) and isinstance(end, date)
    quarter = period.get("quarter")
    if isinstance(quarter, int):
        return f"Triwulan {romawi(quarter)} {start.year}"
    return f"Periode {rentang(start, end)}"
