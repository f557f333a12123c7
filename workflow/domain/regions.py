"""Find a region from what the coordinator typed: code, full name, unique part, or alias."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from workflow.errors import AmbiguousRegion, InvalidInput, RegionNotFound
from workflow.i18n import _
from workflow.infrastructure.models import Region, RegionAlias
from workflow.infrastructure.tables import REGION

CODE_RE = re.compile(r"^(\d{2})\.?(\d{1,2})$")
# Built once: every command resolves a region, and building the statement costs more
# than running it on SQLite.
_BY_CODE = select(Region).where(Region.code == bindparam("region_code"))


def normalise_code(text: str) -> str | None:
    """`35.76`, `3576` → `35.76`; the float-mangled `12.1` → `12.10`. None if not a code."""
    match = CODE_RE.match(text.strip())
    if not match:
        return None
    province, rest = match.groups()
    return f"{province}.{rest.ljust(2, '0')}"


def kind_of_code(code: str) -> str:
    """01–69 are kabupaten, 71–99 kota (Permendagri 58/2021)."""
    number = int(code[3:])
    if 1 <= number <= 69:
        return "kabupaten"
    if 71 <= number <= 99:
        return "kota"
    raise InvalidInput(
        _("{code} is not a kabupaten/kota code (the last two digits are 01–69 or 71–99).").format(
            code=code
        )
    )


def fold(text: str) -> str:
    return " ".join(text.lower().replace(".", " ").split())


def bare(text: str) -> str:
    folded = fold(text)
    for prefix in ("kabupaten ", "kab ", "kota "):
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


def resolve(session: Session, text: str) -> Region:
    """The one region `text` names, or a clear refusal."""
    text = _given(text)
    code = normalise_code(text)
    if code is not None:
        region = session.scalar(_BY_CODE, {"region_code": code})
        if region is None:
            raise RegionNotFound(_not_found(text))
        return region
    region_id = _match(session, text)
    return session.get_one(Region, region_id)


@dataclass(frozen=True, slots=True)
class RegionRow:
    """A region as the hot paths read it: one Core row, no ORM object (issue 17)."""

    id: int
    code: str
    name: str
    state: str
    state_since: date | None
    held_from: str | None
    version_id: int

    @classmethod
    def of(cls, row: Sequence[Any]) -> RegionRow:
        """From the first columns of a `RowQueries` row (any extra ones follow them)."""
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], row[6])


_ROW_COLUMNS = (
    REGION.c.id,
    REGION.c.code,
    REGION.c.name,
    REGION.c.state,
    REGION.c.state_since,
    REGION.c.held_from,
    REGION.c.version_id,
)


@dataclass(frozen=True)
class RowQueries:
    """The two reads of `resolve_row` (by code, by id), built once: the region's columns
    and `extra` ones (a correlated subquery, say: one round trip instead of two)."""

    by_code: Select[Any]
    by_id: Select[Any]

    @classmethod
    def with_extra(cls, *extra: ColumnElement[Any]) -> RowQueries:
        base = select(*_ROW_COLUMNS, *extra)
        return cls(
            base.where(REGION.c.code == bindparam("region_code")),
            base.where(REGION.c.id == bindparam("region_id")),
        )


_PLAIN = RowQueries.with_extra()
_MOVE = (
    update(REGION)
    .where(REGION.c.id == bindparam("region_id"), REGION.c.version_id == bindparam("seen"))
    .values(
        state=bindparam("new_state"),
        held_from=bindparam("new_held_from"),
        state_since=bindparam("new_since"),
        version_id=bindparam("new_version"),
    )
)


def resolve_row(session: Session, text: str) -> RegionRow:
    """`resolve` as a `RegionRow`, read on the transaction's connection."""
    return RegionRow.of(resolve_columns(session, text, _PLAIN))


def resolve_columns(session: Session, text: str, queries: RowQueries) -> Row[Any]:
    """The region `text` names as a row of `queries`: its `RegionRow` columns first
    (`RegionRow.of(row)`), then the extra ones."""
    text = _given(text)
    code = normalise_code(text)
    conn = session.connection()
    if code is not None:
        row = conn.execute(queries.by_code, {"region_code": code}).first()
        if row is None:
            raise RegionNotFound(_not_found(text))
        return row
    return conn.execute(queries.by_id, {"region_id": _match(session, text)}).one()


def write_state(
    session: Session, region: RegionRow, state: str, held_from: str | None, since: date
) -> None:
    """Move the region to `state` (one UPDATE), if nobody moved it since it was read: the
    ORM's version check, so a stale second writer is refused (StaleDataError). A copy the
    session holds takes the new values."""
    if (state, held_from, since) == (region.state, region.held_from, region.state_since):
        return  # nothing changes: the ORM would not have written (nor versioned) it either
    values = {"state": state, "held_from": held_from, "state_since": since}
    version = region.version_id + 1
    moved = session.connection().execute(
        _MOVE,
        {
            "region_id": region.id,
            "seen": region.version_id,
            "new_state": state,
            "new_held_from": held_from,
            "new_since": since,
            "new_version": version,
        },
    )
    if moved.rowcount != 1:
        raise StaleDataError(f"region {region.code} was changed by someone else meanwhile")
    if not session.identity_map:  # nothing loaded (advance reads with Core): no copy, and
        return  # no configuring every mapper (what identity_key does first) just to look
    loaded = session.identity_map.get(session.identity_key(Region, region.id))
    if loaded is not None:
        for name, value in {**values, "version_id": version}.items():
            set_committed_value(loaded, name, value)


def _given(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("a region is needed: give its code (35.76), name or alias."))
    return text


def _match(session: Session, text: str) -> int:
    names = _all_names(session)
    wanted = fold(text)
    tests: tuple[Callable[[str], bool], ...] = (
        lambda name: fold(name) == wanted,
        lambda name: bare(name) == bare(text),
        lambda name: bare(text) in fold(name),
    )
    for test in tests:
        found = sorted({region_id for region_id, name in names if test(name)})
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise AmbiguousRegion(_ambiguous(session, text, found))
    raise RegionNotFound(_not_found(text))


def _all_names(session: Session) -> list[tuple[int, str]]:
    names = [(row.id, row.name) for row in session.execute(select(Region.id, Region.name))]
    aliases = session.execute(select(RegionAlias.region_id, RegionAlias.alias))
    return names + [(row.region_id, row.alias) for row in aliases]


def _ambiguous(session: Session, text: str, ids: list[int]) -> str:
    rows = session.execute(
        select(Region.code, Region.name).where(Region.id.in_(ids)).order_by(Region.code)
    ).all()
    shown = ", ".join(f"{name} ({code})" for code, name in rows[:10])
    more = f" and {len(rows) - 10} more" if len(rows) > 10 else ""
    return _(
        "'{text}' matches {len} regions: {shown}{more}; give the code or the full name."
    ).format(text=text, len=len(rows), shown=shown, more=more)


def _not_found(text: str) -> str:
    return _(
        "no region matches '{text}'; see 'aksansi region list', or add it with "
        "'aksansi region add CODE NAME' / 'aksansi region import FILE.csv'."
    ).format(text=text)
