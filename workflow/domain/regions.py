"""Find a region from what the coordinator typed: code, full name, unique part, or alias."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from workflow.errors import AmbiguousRegion, InvalidInput, RegionNotFound
from workflow.i18n import _
from workflow.infrastructure.models import Region, RegionAlias

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
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("a region is needed: give its code (35.76), name or alias."))
    code = normalise_code(text)
    if code is not None:
        region = session.scalar(_BY_CODE, {"region_code": code})
        if region is None:
            raise RegionNotFound(_not_found(text))
        return region
    region_id = _match(session, text)
    return session.get_one(Region, region_id)


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
