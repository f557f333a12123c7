"""Portable SQL the read views aggregate with, the same on SQLite and PostgreSQL.

`days_between` is the number of days from one date to another (PostgreSQL subtracts
dates; SQLite, which stores them as ISO text, goes through `julianday`), so a view can
group and sum durations in the database instead of loading every row into Python.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class days_between(FunctionElement[int]):
    """`days_between(later, earlier)`: whole days from `earlier` to `later` (an integer)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _subtract_dates(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({later} - {earlier})"


@compiles(days_between, "sqlite")
def _julian_days(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def entered_state(to_state: Any) -> Any:
    """The state an audit row put its region in, a row that names none counting as the
    initial one: `coalesce(to_state, 'prospect')`, with the state written into the SQL so
    that the index on this expression (`ix_audit_log_region_id_entered`) is the one the
    query's expression matches (SQLite matches the text, a bound parameter never)."""
    from sqlalchemy import func, literal_column

    from states.lifecycle import INITIAL

    return func.coalesce(to_state, literal_column(f"'{INITIAL}'"))
