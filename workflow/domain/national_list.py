"""Read a Kemendagri list of kabupaten/kota (`kode,nama[,jenis,kode_provinsi,provinsi]`).

All-or-nothing: every row is checked first; one bad row means nothing is imported,
and the message names the line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from workflow.domain.regions import kind_of_code, normalise_code
from workflow.errors import BadFile, InvalidInput
from workflow.i18n import _, ngettext

REQUIRED = ("kode", "nama")


@dataclass(frozen=True)
class RegionRow:
    line: int
    code: str
    name: str
    kind: str
    province: str | None
    province_code: str


def read_regions(path: Path) -> list[RegionRow]:
    reader = csv.DictReader(io.StringIO(_text(path)))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise BadFile(
            _(
                "{name} has no column {missing}; the first line must name the columns, "
                "at least: kode,nama (found: {value})."
            ).format(
                name=path.name, missing=", ".join(missing), value=",".join(header) or _("nothing")
            )
        )
    reader.fieldnames = header
    rows: list[RegionRow] = []
    problems: list[str] = []
    for line, raw in enumerate(reader, start=2):
        try:
            rows.append(_row(line, raw))
        except InvalidInput as exc:
            problems.append(f"line {line}: {exc}")
    problems += _duplicates(rows)
    if problems:
        extra = len(problems) - 1
        more = (
            ngettext(" ({n} more problem)", " ({n} more problems)", extra).format(n=extra)
            if extra
            else ""
        )
        raise BadFile(
            _("{name} {problem}{more}; nothing was imported.").format(
                name=path.name, problem=problems[0], more=more
            )
        )
    return rows


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadFile(
            _("cannot read {path}: {strerror}.").format(path=path, strerror=exc.strerror)
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadFile(
            _(
                "{name} is not UTF-8 text (line {line}); save it as 'CSV UTF-8' and try again."
            ).format(name=path.name, line=line)
        ) from None


def _row(line: int, raw: dict[str, str | None]) -> RegionRow:
    if None in raw:  # more cells than columns
        raise InvalidInput(_("has more cells than the header has columns"))
    text_code = (raw.get("kode") or "").strip()
    code = normalise_code(text_code)
    if code is None:
        raise InvalidInput(
            _("code {text_code!r} is not a kabupaten/kota code like 35.76").format(
                text_code=text_code
            )
        )
    kind = kind_of_code(code)
    name = " ".join((raw.get("nama") or "").split())
    if not name:
        raise InvalidInput(_("region {code} has no name").format(code=code))
    stated = (raw.get("jenis") or "").strip().lower()
    if stated and stated != kind:
        raise InvalidInput(
            _("{code} is a {kind} by its code, but the row says {stated!r}").format(
                code=code, kind=kind, stated=stated
            )
        )
    if not name.lower().startswith(("kabupaten ", "kota ")):
        name = f"{'Kabupaten' if kind == 'kabupaten' else 'Kota'} {name}"
    province = (raw.get("provinsi") or "").strip() or None
    return RegionRow(line, code, name, kind, province, code[:2])


def _duplicates(rows: list[RegionRow]) -> list[str]:
    first: dict[str, int] = {}
    problems = []
    for row in rows:
        if row.code in first:
            problems.append(
                _("line {line}: code {code} appears again (first on line {value})").format(
                    line=row.line, code=row.code, value=first[row.code]
                )
            )
        first.setdefault(row.code, row.line)
    return problems
