"""Many rows into one table at the driver's speed (the KSM import's batches).

SQLAlchemy's `executemany` makes a dict of every row and sends every value through its
type's bind processor; psycopg then sends the rows one statement each. Here the rows
are tuples in the order of `columns`: each column is checked and processed in one pass
(a day or a moment repeated down the column is converted once), then SQLite gets one
`executemany` per batch and PostgreSQL one `COPY` for them all. The values written are those
SQLAlchemy would write (the same bind processors), checked as every INSERT is
(`column_limits.check_rows`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.engine import Connection, Dialect

from workflow.infrastructure.column_limits import check_rows

BATCH = 500  # rows per statement
_REPEATED = (date, datetime)  # values a column repeats, converted once each


def new_ids(conn: Connection, table: Table, count: int) -> list[int] | None:
    """PostgreSQL: `count` ids drawn from the table's sequence, in order (the ids INSERTs
    would have drawn), to be written with the rows. SQLite: None; it numbers the rows as
    they are inserted (read them back by a natural key)."""
    if conn.dialect.name != "postgresql" or not count:
        return None
    query = text(
        "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
        " ORDER BY 1"
    )
    return list(conn.scalars(query, {"table": table.name, "count": count}))


def insert_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """INSERT `rows` (tuples in the order of `columns`), in order, in batches (each made
    as it is sent)."""
    _no_default_left_out(table, columns)
    rows = iter(rows)
    with _sender(conn, table, columns) as send:
        while batch := list(itertools.islice(rows, BATCH)):
            check_rows(table, columns, batch)
            send(_bound(conn.dialect, table, columns, batch))


Send = Callable[[list[tuple[Any, ...]]], None]


@contextmanager
def _sender(conn: Connection, table: Table, columns: Sequence[str]) -> Iterator[Send]:
    """Where the batches go: SQLite, one `executemany` each; PostgreSQL, one `COPY` for
    them all (the server stores a batch while the next one is made)."""
    preparer = conn.dialect.identifier_preparer
    name = preparer.format_table(table)
    listed = ", ".join(preparer.quote(column) for column in columns)
    driver = conn.connection.driver_connection
    with closing(driver.cursor()) as cursor:  # type: ignore[union-attr]
        if conn.dialect.name != "postgresql":
            marks = ", ".join("?" for _ in columns)  # SQLite's paramstyle
            sql = f"INSERT INTO {name} ({listed}) VALUES ({marks})"
            yield lambda batch: cursor.executemany(sql, batch)
            return
        with cursor.copy(f"COPY {name} ({listed}) FROM STDIN") as copy:
            yield lambda batch: _write_rows(copy, batch)


def _write_rows(copy: Any, batch: list[tuple[Any, ...]]) -> None:
    for row in batch:
        copy.write_row(row)


def _no_default_left_out(table: Table, columns: Sequence[str]) -> None:
    """SQLAlchemy would fill a Python-side default; the driver cannot."""
    missing = [c.key for c in table.columns if c.default is not None and c.key not in columns]
    if missing:
        raise ValueError(f"insert_rows into {table.name} needs {', '.join(missing)}")


def _bound(
    dialect: Dialect, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """The rows as the driver gets them: each column through its type's bind processor."""
    by_column = list(zip(*rows, strict=True))
    for index, name in enumerate(columns):
        processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            by_column[index] = _processed(processor, by_column[index])
    return list(zip(*by_column, strict=True))


def _processed(processor: Callable[[Any], Any], values: Sequence[Any]) -> tuple[Any, ...]:
    done: dict[Any, Any] = {}
    bound = []
    for value in values:
        if type(value) in _REPEATED:
            if value not in done:
                done[value] = processor(value)
            bound.append(done[value])
        else:
            bound.append(processor(value))
    return tuple(bound)
