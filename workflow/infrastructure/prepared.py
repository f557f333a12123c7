"""Write statements of the hot paths, compiled once and sent to SQLite's driver directly.

`Prepared(statement).run(conn, params)` runs a Core INSERT or UPDATE (built once, run
per row) inside the connection's transaction; `inserted(conn, params)` runs an INSERT
and returns the new row's id. On SQLite it skips SQLAlchemy's
per-execution work (~40 µs a statement, most of a sweep's SQL cost): the statement is
compiled once per set of parameter names, the values are bound with SQLAlchemy's own
bind processors (dates, JSON), checked by `column_limits` as the listener checks them,
and a driver error is raised as SQLAlchemy's `DBAPIError`, as `conn.execute` raises
it. Other back-ends, and statements whose compiled form needs defaults filled in by
SQLAlchemy, go through `conn.execute`. The rows written are the same either way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.dml import Insert, Update

from workflow.infrastructure.column_limits import check_statement
from workflow.infrastructure.tables import new_id


class Prepared:
    """One INSERT or UPDATE, run on the connection of the caller's transaction."""

    __slots__ = ("_forms", "statement")

    def __init__(self, statement: Insert | Update) -> None:
        self.statement = statement
        self._forms: dict[tuple[str, ...], _Form | None] = {}

    def run(self, conn: Connection, params: dict[str, Any]) -> None:
        self._execute(conn, params)

    def inserted(self, conn: Connection, params: dict[str, Any]) -> int:
        """The id the database gave the row this INSERT wrote."""
        return self._execute(conn, params)

    def _execute(self, conn: Connection, params: dict[str, Any]) -> int:
        form = self._form(conn, params) if conn.dialect.name == "sqlite" else None
        if form is None:
            result = conn.execute(self.statement, params)
            return new_id(result) if isinstance(self.statement, Insert) else 0
        check_statement(conn, self.statement, params, {}, None)
        args = form.args(params)
        driver = conn.connection.driver_connection
        try:
            cursor = driver.execute(form.sql, args)  # type: ignore[union-attr]
        except conn.dialect.loaded_dbapi.Error as exc:
            raise DBAPIError.instance(form.sql, args, exc, conn.dialect.loaded_dbapi.Error) from exc
        return int(cursor.lastrowid) if isinstance(self.statement, Insert) else 0

    def _form(self, conn: Connection, params: dict[str, Any]) -> _Form | None:
        keys = tuple(params)
        if keys not in self._forms:
            self._forms[keys] = _Form.compiled(self.statement, conn, keys)
        return self._forms[keys]


class _Form:
    """The SQL text, its positional parameter names and their bind processors."""

    __slots__ = ("names", "processors", "sql")

    def __init__(self, sql: str, names: tuple[str, ...], processors: dict[str, Any]) -> None:
        self.sql = sql
        self.names = names
        self.processors = processors

    @classmethod
    def compiled(
        cls, statement: Insert | Update, conn: Connection, keys: tuple[str, ...]
    ) -> _Form | None:
        compiled: Any = statement.compile(dialect=conn.dialect, column_keys=list(keys))
        names = tuple(compiled.positiontup or ())
        if (
            compiled.insert_prefetch
            or compiled.update_prefetch
            or compiled.postfetch
            or compiled.returning
            or set(names) - set(keys)
        ):
            return None  # SQLAlchemy fills in values here: leave the statement to it
        processors = {n: p for n, p in compiled._bind_processors.items() if n in names}
        return cls(compiled.string, names, processors)

    def args(self, params: dict[str, Any]) -> tuple[Any, ...]:
        processors = self.processors
        return tuple(
            processors[name](params[name]) if name in processors else params[name]
            for name in self.names
        )
