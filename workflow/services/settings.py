"""The Secretariat's profile (`config set/get/list`), stored in the database so every
coordinator sharing it prints the same letterhead, signatory and numbering.

Only values that are not facts about AKSANSI have defaults: the organisation's name
and the number format. The address, city and signatory are required and a letter
that needs them says how to set them; the phone and e-mail are optional (the
letterhead leaves out what is not set).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit, clock
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Setting
from workflow.infrastructure.unit_of_work import UnitOfWork

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
    "letter.font": "Arial 12",
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
    "letter.font": 'font and size of letters and agreements, e.g. "Arial 12"',
}


@dataclass(frozen=True)
class SettingView:
    key: str
    value: str | None
    is_default: bool
    description: str


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


def _check_number_format(value: str) -> None:
    """A format must make every number unique: it needs {seq} and {year}."""
    if "{seq" not in value or "{year" not in value:
        raise InvalidInput(
            f"the letter number format {value!r} needs {{seq}} and {{year}} so that every "
            f"number is unique, e.g. {DEFAULT_NUMBER_FORMAT}."
        )
    format_number(value, seq=1, on=date(2026, 1, 1))


def _checked(key: str, value: str) -> str:
    """The value as stored, after the checks its key needs."""
    if key == "letter.number_format":
        _check_number_format(value)
    elif key == "letter.formats":
        return ",".join(letter_formats(value))
    elif key == "letter.font":
        from documents.errors import DocumentError
        from documents.meta import parse_font

        try:
            parse_font(value)
        except DocumentError as exc:
            raise InvalidInput(exc.message) from None
    elif key == "org.logo":
        return str(read_logo(value))
    return value


def letter_formats(value: str | None) -> tuple[str, ...]:
    """`"docx,pdf"` → ("docx", "pdf"); an unknown or repeated format is refused."""
    from documents.output import FORMATS

    formats = tuple(part.strip().lower() for part in (value or "docx").split(",") if part.strip())
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        shown = unknown[0] if unknown else value
        raise InvalidInput(
            _(
                "unknown letter format '{shown}' in letter.formats; use a comma-separated list of: "
                "{formats} (e.g. docx or docx,pdf)."
            ).format(shown=shown, formats=", ".join(FORMATS))
        )
    return tuple(dict.fromkeys(formats))


def read_logo(value: str) -> Path:
    """The absolute path of a readable PNG file (org.logo), or a clear refusal."""
    from documents.errors import DocumentError
    from documents.meta import check_png

    path = Path(value).expanduser().resolve()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            _("cannot read the logo {path}: {reason}; give the path of a PNG file.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    try:
        check_png(data, str(path))
    except DocumentError as exc:
        raise InvalidInput(exc.message) from None
    return path


def load_settings(session: Session) -> dict[str, str | None]:
    """Every setting (stored value or default) in one query."""
    values = dict(DEFAULTS)
    values.update({k: v for k, v in session.execute(select(Setting.key, Setting.value))})
    return values


def set_setting(uow: UnitOfWork, key: str, value: str, *, actor: str) -> SettingView:
    check_key(key)
    value = value.strip()
    if not value:
        raise InvalidInput(
            f"'{key}' needs a value; to see the current one: aksansi config get {key}."
        )
    value = _checked(key, value)
    with uow:
        row = uow.session.get(Setting, key)
        before = None if row is None else row.value
        if row is None:
            row = Setting(key=key)
            uow.session.add(row)
        row.value, row.updated_at, row.updated_by = value, clock.utcnow(), actor
        audit.record(
            uow.session,
            region=None,
            kind="config",
            actor=actor,
            key=key,
            value=value,
            previous=before,
        )
        uow.commit()
    return SettingView(key, value, False, DESCRIPTIONS[key])


def get_settings(uow: UnitOfWork, key: str | None = None) -> list[SettingView]:
    """One setting or all of them, with whether the value is the default."""
    keys = [check_key(key)] if key else list(DEFAULTS)
    with uow:
        stored = {k: v for k, v in uow.session.execute(select(Setting.key, Setting.value))}
    return [
        SettingView(k, stored.get(k, DEFAULTS[k]), k not in stored, DESCRIPTIONS[k]) for k in keys
    ]
