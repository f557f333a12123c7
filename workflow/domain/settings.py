"""The Secretariat's profile as the letters read it: keys, defaults, the number format.

The use cases that change it (`config set/get/list`) are in `workflow/services/settings.py`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.errors import InvalidInput
from workflow.infrastructure.models import Setting

DEFAULT_NUMBER_FORMAT = "{seq:03d}/SEK-AKSANSI/{month_roman}/{year}"
DEFAULTS: dict[str, str | None] = {
    "org.name": "Sekretariat Asosiasi KSM Sanitasi Seluruh Indonesia (AKSANSI)",
    "org.address": None,
    "org.city": None,
    "org.phone": None,
    "org.email": None,
    "signatory.name": None,
    "signatory.position": None,
    "letter.number_format": DEFAULT_NUMBER_FORMAT,
}
DESCRIPTIONS = {
    "org.name": "the Secretariat's name on the letterhead",
    "org.address": "the postal address on the letterhead",
    "org.city": "the city in the date line (e.g. Yogyakarta)",
    "org.phone": "telephone on the letterhead (optional)",
    "org.email": "e-mail on the letterhead (optional)",
    "signatory.name": "the full name of who signs letters and agreements",
    "signatory.position": "the signatory's position (e.g. Koordinator Sekretariat AKSANSI)",
    "letter.number_format": "letter numbers; fields {seq} {year} {month} {month_roman}",
}


def check_key(key: str) -> str:
    if key not in DEFAULTS:
        raise InvalidInput(f"unknown setting '{key}'; the settings are: {', '.join(DEFAULTS)}.")
    return key


def format_number(number_format: str, *, seq: int, on: date) -> str:
    """A letter number from the format; a broken format is refused with an example."""
    from documents.filters import romawi

    try:
        return number_format.format(
            seq=seq, year=on.year, month=on.month, month_roman=romawi(on.month)
        )
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise InvalidInput(
            f"the letter number format {number_format!r} cannot be used ({exc!r}); use the "
            f"fields {{seq}}, {{year}}, {{month}}, {{month_roman}}, e.g. {DEFAULT_NUMBER_FORMAT}."
        ) from None


def check_number_format(value: str) -> None:
    """A format must make every number unique: it needs {seq} and {year}."""
    if "{seq" not in value or "{year" not in value:
        raise InvalidInput(
            f"the letter number format {value!r} needs {{seq}} and {{year}} so that every "
            f"number is unique, e.g. {DEFAULT_NUMBER_FORMAT}."
        )
    format_number(value, seq=1, on=date(2026, 1, 1))


def load_settings(session: Session) -> dict[str, str | None]:
    """Every setting (stored value or default) in one query."""
    values = dict(DEFAULTS)
    values.update({k: v for k, v in session.execute(select(Setting.key, Setting.value))})
    return values
