"""Amounts in words (*terbilang*), Indonesian, for agreements and letters.

num2words' Indonesian module is right except for a thousands group of exactly one
after a higher group: it writes 1.001.000 as "satu juta satu ribu", where Indonesian
says "satu juta seribu" (domain.md §11.2). `terbilang` fixes that case around it.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_SATU_RIBU_AFTER_GROUP = re.compile(r"(^|(?:juta|miliar|triliun|kuadriliun) )satu ribu\b")


def terbilang(number: int | Decimal) -> str:
    """A whole number in words: 1001000 → "satu juta seribu"."""
    value = int(number)
    if value != number:
        raise ValueError(f"terbilang needs a whole number, not {number}")
    if value < 0:
        return "minus " + terbilang(-value)
    # Imported here: num2words loads every language it knows (~90 ms), and a read such
    # as `report portfolio --format json` reaches this module through the month names
    # of documents.filters without spelling any amount.
    from num2words import num2words

    words = num2words(value, lang="id")
    return _SATU_RIBU_AFTER_GROUP.sub(r"\1seribu", words)


def terbilang_rupiah(amount: int | Decimal | str) -> str:
    """An amount of money in words: "seratus lima puluh juta rupiah", with "… sen" for cents."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    rupiah = int(value)
    sen = int((value - rupiah) * 100)
    words = f"{terbilang(rupiah)} rupiah"
    if sen:
        words += f" {terbilang(sen)} sen"
    return words
