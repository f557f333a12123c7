"""The mapped tables as SQLAlchemy Core `Table`s, for the hot paths' prebuilt statements.

`advance`, the sweep and letter issuing write with Core statements built once at import
(`insert(AUDIT_LOG)`, `update(REMINDER)`, …) and executed on the unit of work's
connection: no ORM object is made, tracked or flushed for them (issue 17). The ORM models
stay the one definition of the schema; these are their tables.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import CursorResult, Table
from sqlalchemy.orm import Session

if TYPE_CHECKING:  # each table loads with its model, on first use (see models/__init__.py)
    AUDIT_LOG: Table
    BLOCKER: Table
    LETTER: Table
    LETTER_COUNTER: Table
    REGION: Table
    REMINDER: Table

_MODELS = {
    "AUDIT_LOG": "AuditEntry",
    "BLOCKER": "Blocker",
    "LETTER": "Letter",
    "LETTER_COUNTER": "LetterCounter",
    "REGION": "Region",
    "REMINDER": "Reminder",
}


def __getattr__(name: str) -> Table:
    if name not in _MODELS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    models = importlib.import_module("workflow.infrastructure.models")
    return cast(Table, getattr(models, _MODELS[name]).__table__)


def forget_loaded(
    session: Session, model: type[Any], ids: Iterable[int], columns: list[str]
) -> None:
    """Expire `columns` of the session's copies of rows a Core statement just set (most
    often it holds none), so an object loaded earlier in the transaction reads them again."""
    identity_map = session.identity_map
    if not identity_map:  # nothing loaded: skip identity_key, which configures every mapper
        return
    for row_id in ids:
        loaded = identity_map.get(session.identity_key(model, row_id))
        if loaded is not None:
            session.expire(loaded, columns)


def new_id(result: CursorResult[Any]) -> int:
    """The id the database gave the row one Core INSERT wrote."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the database gave no id for the new row")
    return int(key[0])
