"""The Secretariat's profile (`config set/get/list`), stored in the database so every
coordinator sharing it prints the same letterhead, signatory and numbering.

Only values that are not facts about AKSANSI have defaults: the organisation's name
and the number format. The address, city and signatory are required and a letter
that needs them says how to set them; the phone and e-mail are optional (the
letterhead leaves out what is not set).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from workflow.domain import audit, clock
from workflow.domain.settings import DEFAULTS, DESCRIPTIONS, check_key, checked_value
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import Setting
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SettingView:
    key: str
    value: str | None
    is_default: bool
    description: str


def set_setting(uow: UnitOfWork, key: str, value: str, *, actor: str) -> SettingView:
    check_key(key)
    value = value.strip()
    if not value:
        raise InvalidInput(
            _("'{key}' needs a value; to see the current one: aksansi config get {key}.").format(
                key=key
            )
        )
    value = checked_value(key, value)
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
