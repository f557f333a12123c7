"""Values the schema cannot hold are refused before they are sent, the same on both back-ends.

SQLite stores a 300-character name in a `String(200)` column and a 2^40 in an
`Integer`; PostgreSQL refuses both, mid-transaction, with a driver error. Every INSERT
and UPDATE of a mapped table — an ORM flush and the hot paths' Core statements alike
(`check_statement`, a `before_execute` listener on each engine) — has its values
compared with the columns' types first: the length of a `String(n)`, the range of an
`Integer` (32 bits), `BigInteger` (64 bits) or `SmallInteger`; text a database cannot
keep (a NUL, a lone surrogate of undecodable bytes) is refused too, also inside JSON
values. So SQLite and PostgreSQL accept and refuse the same values, and the refusal is
one sentence naming the field.

A batch (`executemany`) is first checked column by column (`_Limit.fits`: the longest
text, the smallest and largest number, one search over all the texts); only when that
pass finds a doubt are its rows checked one by one, which names the first misfit as a
single row's check would.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import BigInteger, Integer, SmallInteger, String, Table
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.type_api import TypeEngine

from workflow.errors import InvalidInput
from workflow.i18n import _

_RANGES = (  # most specific first: BigInteger and SmallInteger are Integers too
    (BigInteger, 63),
    (SmallInteger, 15),
    (Integer, 31),
)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class _Limit:
    """What one column holds."""

    __slots__ = ("bits", "field", "is_json", "length")

    def __init__(self, table: str, column: str, kind: TypeEngine[Any]) -> None:
        self.field = f"{table}.{column}"
        self.length = kind.length if isinstance(kind, String) else None
        self.bits = next((b for t, b in _RANGES if isinstance(kind, t)), None)
        self.is_json = kind.__class__.__name__ == "JSON"

    def check(self, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, str):
            _check_text(self.field, value, self.length)
        elif self.bits is not None and isinstance(value, int) and not isinstance(value, bool):
            _check_int(self.field, value, self.bits)
        elif self.is_json:
            _check_json(self.field, value)

    def fits(self, values: list[Any]) -> bool:
        """True when every value surely passes `check`; False when one may not."""
        if self.is_json:
            return _json_fits(values)
        kinds = set(map(type, values))
        kinds.discard(type(None))
        if any(_subclassed(kind) for kind in kinds):
            return False
        if str in kinds and not _texts_fit([v for v in values if type(v) is str], self.length):
            return False
        if int in kinds and self.bits is not None:
            return _numbers_fit([v for v in values if type(v) is int], self.bits)
        return True


def _subclassed(kind: type) -> bool:
    """A subclass of str or int (an enum, say): left to the row-by-row pass."""
    return kind not in (str, int, bool) and issubclass(kind, (str, int))


def _texts_fit(texts: list[str], length: int | None) -> bool:
    if length is not None and max(map(len, texts)) > length:
        return False
    return _UNSTORABLE.search("".join(texts)) is None


def _numbers_fit(numbers: list[int], bits: int) -> bool:
    low, high = -(1 << bits), (1 << bits) - 1
    return low <= min(numbers) and max(numbers) <= high


def _json_fits(values: list[Any]) -> bool:
    """The texts and whole numbers inside JSON values, gathered without recursion."""
    texts: list[str] = []
    numbers: list[int] = []
    stack = list(values)
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            texts.append(item)
        elif kind is int:
            numbers.append(item)
        elif kind is dict:
            stack.extend(item)
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind is not bool and kind is not float and item is not None:
            return False  # anything else: the row-by-row pass decides
    return (not texts or _texts_fit(texts, None)) and (not numbers or _numbers_fit(numbers, 63))


_TABLES: dict[Table, dict[str, _Limit]] = {}
# Bind-parameter name → column key, per statement: the hot paths build theirs once and
# run them per row, so the walk over `.values()` (and its literals' check) is done once.
_BOUND: weakref.WeakKeyDictionary[Insert | Update, dict[str, str]] = weakref.WeakKeyDictionary()


def check_statement(
    _conn: Connection,
    statement: Any,
    multiparams: Any,
    params: Mapping[str, Any],
    _options: Any,
) -> None:
    """A `before_execute` listener: the values of an INSERT or UPDATE fit their columns."""
    if not isinstance(statement, (Insert, Update)) or not isinstance(statement.table, Table):
        return
    limits = _limits(statement.table)
    bound = _BOUND.get(statement)
    if bound is None:
        bound = _BOUND[statement] = _bound_columns(statement, limits)
    rows = [*_rows(multiparams), *((params,) if params else ())]
    if len(rows) > 1 and _batch_fits(rows, limits, bound):
        return
    for row in rows:
        for key, value in row.items():
            limit = limits.get(bound.get(key, key))
            if limit is not None:
                limit.check(value)


def _batch_fits(
    rows: list[Mapping[str, Any]], limits: dict[str, _Limit], bound: dict[str, str]
) -> bool:
    """The fast pass over a batch whose rows have the same keys: column by column."""
    keys = rows[0].keys()
    if any(row.keys() != keys for row in rows):
        return False
    for key in keys:
        limit = limits.get(bound.get(key, key))
        if limit is not None and not limit.fits([row[key] for row in rows]):
            return False
    return True


def check_rows(table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """The listener's check, for rows sent to the driver directly (`bulk.insert_rows`):
    tuples in the order of `columns`."""
    limits = _limits(table)
    by_column = zip(columns, zip(*rows, strict=True), strict=True)
    if not rows or all(limits[name].fits(list(values)) for name, values in by_column):
        return
    for row in rows:
        for name, value in zip(columns, row, strict=True):
            limits[name].check(value)


def _limits(table: Table) -> dict[str, _Limit]:
    found = _TABLES.get(table)
    if found is None:
        found = _TABLES[table] = {
            column.key: _Limit(table.name, column.name, column.type) for column in table.columns
        }
    return found


def _bound_columns(statement: Insert | Update, limits: dict[str, _Limit]) -> dict[str, str]:
    """Bind-parameter name → column key for `.values(column=bindparam(…))`; the literal
    values given to `.values()` are checked here."""
    bound: dict[str, str] = {}
    for target, value in (statement._values or {}).items():  # SQLAlchemy has no public view
        key = target if isinstance(target, str) else getattr(target, "key", None)
        if not isinstance(value, BindParameter) or key not in limits:
            continue
        bound[value.key] = key
        if value.value is not None and not value.callable:
            limits[key].check(value.value)
    return bound


def _rows(multiparams: Any) -> Iterable[Mapping[str, Any]]:
    if isinstance(multiparams, Mapping):
        return (multiparams,)
    if isinstance(multiparams, (list, tuple)):
        rows: list[Mapping[str, Any]] = []
        for item in multiparams:
            rows.extend(_rows(item))
        return rows
    return ()


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
