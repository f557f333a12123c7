"""Letter numbers: one counter row per year, locked while a letter is being issued.

`reserve_number` reads the year's counter with the row locked (SELECT … FOR UPDATE
on PostgreSQL; on SQLite every write transaction is BEGIN IMMEDIATE, which already
excludes other writers) and returns the next number without writing it; the letter
is rendered and its files written with that number, and only then `use_number`
moves the counter on, in the same transaction as the letter row. So a letter that
fails (a template error, a file that cannot be written) has written nothing, and a
second coordinator waits on the lock and gets the following number: never the same
number twice, none skipped, and a rolled-back transaction gives its number back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from workflow.domain.settings import format_number
from workflow.infrastructure.models import LetterCounter
from workflow.infrastructure.prepared import Prepared
from workflow.infrastructure.tables import LETTER_COUNTER

_LOCKED = (
    select(LETTER_COUNTER.c.last_seq)
    .where(LETTER_COUNTER.c.year == bindparam("counter_year"))
    .with_for_update()
)
_USE = Prepared(
    update(LETTER_COUNTER)
    .where(LETTER_COUNTER.c.year == bindparam("counter_year"))
    .values(last_seq=bindparam("counter_seq"))
)


def reserve_number(session: Session, on: date, number_format: str) -> tuple[int, str]:
    """The next sequence number of `on`'s year and the formatted letter number, with the
    year's counter locked until the transaction ends. The first letter of a year
    creates the row (insert … on conflict do nothing: two first letters cannot both)."""
    conn = session.connection()  # Core on the transaction's connection: no ORM round
    last = conn.execute(_LOCKED, {"counter_year": on.year}).scalar()
    if last is None:
        conn.execute(_insert_ignore(session).values(year=on.year, last_seq=0))
        last = conn.execute(_LOCKED, {"counter_year": on.year}).scalar_one()
    seq = last + 1
    return seq, format_number(number_format, seq=seq, on=on)


def use_number(session: Session, on: date, seq: int) -> None:
    """The reserved number is now the letter's: the counter moves on to it."""
    _USE.run(session.connection(), {"counter_year": on.year, "counter_seq": seq})


def _insert_ignore(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(LetterCounter).on_conflict_do_nothing()
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(LetterCounter).on_conflict_do_nothing()
