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

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit, clock
from workflow.errors import InvalidInput
from workflow.i18n import N_, _, check_language
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
    "ui.language": "id",
    "org.timezone": "Asia/Jakarta",
}
DESCRIPTIONS = {  # translated when shown
    "org.name": N_("the Secretariat's name on the letterhead"),
    "org.address": N_("the postal address on the letterhead"),
    "org.city": N_("the city in the date line (e.g. Yogyakarta)"),
    "org.phone": N_("telephone on the letterhead (optional)"),
    "org.email": N_("e-mail on the letterhead (optional)"),
    "signatory.name": N_("the full name of who signs letters and agreements"),
    "signatory.position": N_("the signatory's position (e.g. Koordinator Sekretariat AKSANSI)"),
    "letter.number_format": N_("letter numbers; fields {seq} {year} {month} {month_roman}"),
    "ui.language": N_("the interface language of every coordinator: id or en (AKSANSI_LANG wins)"),
    "org.timezone": N_("the time zone of the times shown (Asia/Jakarta: WIB)"),
}


@dataclass(frozen=True)
class SettingView:
    key: str
    value: str | None
    is_default: bool
    description: str


def check_key(key: str) -> str:
    if key not in DEFAULTS:
        raise InvalidInput(
            _("unknown setting '{key}'; the settings are: {keys}.").format(
                key=key, keys=", ".join(DEFAULTS)
            )
        )
    return key


def _check_value(key: str, value: str) -> str:
    """The value as stored: number formats, languages and zones are checked first."""
    if key == "letter.number_format":
        _check_number_format(value)
    elif key == "ui.language":
        return check_language(value, source="ui.language")
    elif key == "org.timezone":
        return str(clock.check_zone(value))
    return value


def format_number(number_format: str, *, seq: int, on: date) -> str:
    """A letter number from the format; a broken format is refused with an example."""
    from documents.filters import romawi

    try:
        return number_format.format(
            seq=seq, year=on.year, month=on.month, month_roman=romawi(on.month)
        )
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise InvalidInput(
            _(
                "the letter number format {format!r} cannot be used ({problem}); use the "
                "fields {{seq}}, {{year}}, {{month}}, {{month_roman}}, e.g. {example}."
            ).format(format=number_format, problem=repr(exc), example=DEFAULT_NUMBER_FORMAT)
        ) from None


def _check_number_format(value: str) -> None:
    """A format must make every number unique: it needs {seq} and {year}."""
    if "{seq" not in value or "{year" not in value:
        raise InvalidInput(
            _(
                "the letter number format {format!r} needs {{seq}} and {{year}} so that every "
                "number is unique, e.g. {example}."
            ).format(format=value, example=DEFAULT_NUMBER_FORMAT)
        )
    format_number(value, seq=1, on=date(2026, 1, 1))


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
            _("'{key}' needs a value; to see the current one: aksansi config get {key}.").format(
                key=key
            )
        )
    value = _check_value(key, value)
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
    return SettingView(key, value, False, _(DESCRIPTIONS[key]))


def get_settings(uow: UnitOfWork, key: str | None = None) -> list[SettingView]:
    """One setting or all of them, with whether the value is the default."""
    keys = [check_key(key)] if key else list(DEFAULTS)
    with uow:
        stored = {k: v for k, v in uow.session.execute(select(Setting.key, Setting.value))}
    return [
        SettingView(k, stored.get(k, DEFAULTS[k]), k not in stored, _(DESCRIPTIONS[k]))
        for k in keys
    ]
