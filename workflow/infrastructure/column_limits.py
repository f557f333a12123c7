"""Values the schema cannot hold are refused before the flush, the same on both back-ends.

SQLite stores a 300-character name in a `String(200)` column and a 2^40 in an
`Integer`; PostgreSQL refuses both, mid-transaction, with a driver error. Before every
flush `check_flush` compares each new or changed row with its columns' types — the
length of a `String(n)`, the range of an `Integer` (32 bits), `BigInteger` (64 bits) or
`SmallInteger` — and refuses, naming the field, text a database cannot keep (a NUL,
a lone surrogate of undecodable bytes), also inside JSON values. So SQLite and
PostgreSQL accept and refuse the same values, and the refusal is one sentence.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import BigInteger, Integer, SmallInteger, String, inspect
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.sql.type_api import TypeEngine

from workflow.errors import InvalidInput
from workflow.i18n import _

_RANGES = (  # most specific first: BigInteger and SmallInteger are Integers too
    (BigInteger, 63),
    (SmallInteger, 15),
    (Integer, 31),
)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_Limit = tuple[str, str, int | None, int | None, bool]  # attribute, field, length, bits, json
_LIMITS: dict[Mapper[Any], list[_Limit]] = {}


def check_flush(session: Session, _context: Any, _instances: Any) -> None:
    """A `before_flush` listener: every new and changed row fits its columns."""
    for instance in (*session.new, *session.dirty):
        check_row(instance)


def check_row(instance: Any) -> None:
    mapper = inspect(instance).mapper
    for attribute, field, length, bits, is_json in _limits(mapper):
        value = instance.__dict__.get(attribute)
        if value is None:
            continue
        if isinstance(value, str):
            _check_text(field, value, length)
        elif bits is not None and isinstance(value, int) and not isinstance(value, bool):
            _check_int(field, value, bits)
        elif is_json:
            _check_json(field, value)


def _limits(mapper: Mapper[Any]) -> list[_Limit]:
    found = _LIMITS.get(mapper)
    if found is None:
        found = _LIMITS[mapper] = [
            _limit(attribute.key, mapper.class_.__tablename__, column.name, column.type)
            for attribute in mapper.column_attrs
            for column in attribute.columns[:1]
        ]
    return found


def _limit(attribute: str, table: str, column: str, kind: TypeEngine[Any]) -> _Limit:
    field = f"{table}.{column}"
    length = kind.length if isinstance(kind, String) else None
    bits = next((b for t, b in _RANGES if isinstance(kind, t)), None)
    is_json = kind.__class__.__name__ == "JSON"
    return attribute, field, length, bits, is_json


def _check_text(field: str, value: str, length: int | None) -> None:
    if length is not None and len(value) > length:
        raise InvalidInput(
            _("{field} is {length} characters long; it holds at most {limit}.").format(
                field=field, length=f"{len(value):,}", limit=length
            )
        )
    if _UNSTORABLE.search(value):
        raise InvalidInput(
            _(
                "{field} holds a NUL character or bytes that are not UTF-8; a database "
                "cannot keep it."
            ).format(field=field)
        )


def _check_int(field: str, value: int, bits: int) -> None:
    low, high = -(2**bits), 2**bits - 1
    if not low <= value <= high:
        raise InvalidInput(
            _(
                "{field} {value} is out of range; it holds whole numbers from {low} to {high}."
            ).format(field=field, value=_short(value), low=f"{low:,}", high=f"{high:,}")
        )


def _check_json(field: str, value: Any) -> None:
    if isinstance(value, str):
        _check_text(field, value, None)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(field, key)
            _check_json(field, item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_json(field, item)
    elif isinstance(value, int) and not isinstance(value, bool):
        _check_int(field, value, 63)


def _short(value: int) -> str:
    digits = str(value)
    return digits if len(digits) <= 24 else f"{digits[:20]}…({len(digits)} digits)"
