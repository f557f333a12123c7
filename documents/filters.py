"""Jinja2 filters for Indonesian documents: dates, rupiah, amounts in words, Roman numerals.

Each is a plain function so services and tests can call them directly too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from documents.terbilang import terbilang, terbilang_rupiah

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def tanggal(day: date) -> str:
    """`27 November 2026`: no leading zero, Indonesian month (Babel id agrees)."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def hari_tanggal(day: date) -> str:
    """`Jumat, 27 November 2026`."""
    return f"{HARI[day.weekday()]}, {tanggal(day)}"


def hari(day: date) -> str:
    return HARI[day.weekday()]


def bulan(day: date) -> str:
    return BULAN[day.month - 1]


def tanggal_angka(day: date) -> str:
    """`27-11-2026`, the figure form that follows a date written in words."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


@lru_cache(maxsize=256)
def _rupiah(amount: Decimal) -> str:
    from babel.numbers import format_currency

    return format_currency(amount, "IDR", format="¤#,##0.00", locale="id", currency_digits=False)


def rupiah(amount: int | Decimal | str) -> str:
    """`Rp150.000.000,00` (PUEBI: no space, no period after Rp; Babel, locale id)."""
    return _rupiah(Decimal(str(amount)))


def romawi(number: int) -> str:
    """Roman numerals for the month in a letter number: 11 → XI."""
    if not 0 < int(number) < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    left, out = int(number), []
    for value, letters in _ROMAN:
        while left >= value:
            out.append(letters)
            left -= value
    return "".join(out)


def berkas(count: int) -> str:
    """The Lampiran line's count of enclosures: 4 → "4 (empat) berkas"."""
    return f"{int(count)} ({terbilang(int(count))}) berkas"


# Words a title keeps in lower case unless they open it (PUEBI: kata tugas).
_LOWER_IN_TITLES = frozenset(
    {
        "dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "pada", "dalam",
        "tentang", "bagi", "oleh", "dengan", "antara", "terhadap", "melalui", "atas",
        "sebagai", "per", "kepada", "daripada",
    }
)  # fmt: skip


def judul(text: str) -> str:
    """A cited title in title case, as PUEBI writes it mid-sentence: "Mekanisme teknis
    retrofit MCK Plus" → "Mekanisme Teknis Retrofit MCK Plus". Words already holding a
    capital (KSM, IPAL, McK) are kept; conjunctions and prepositions stay lower case."""
    words = text.split(" ")
    return " ".join(_title_word(word, first=index == 0) for index, word in enumerate(words))


def _title_word(word: str, *, first: bool) -> str:
    if not word or any(ch.isupper() for ch in word):
        return word
    if not first and word.lower() in _LOWER_IN_TITLES:
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


FILTERS: dict[str, Callable[..., Any]] = {
    "tanggal": tanggal,
    "hari_tanggal": hari_tanggal,
    "hari": hari,
    "bulan": bulan,
    "tanggal_angka": tanggal_angka,
    "rupiah": rupiah,
    "terbilang": terbilang,
    "terbilang_rupiah": terbilang_rupiah,
    "romawi": romawi,
    "berkas": berkas,
    "judul": judul,
}
