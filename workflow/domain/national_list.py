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
            f"{path.name} has no column {', '.join(missing)}; the first line must name the "
            f"columns, at least: kode,nama (found: {','.join(header) or 'nothing'})."
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
        more = f" ({len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise BadFile(f"{path.name} {problems[0]}{more}; nothing was imported.")
    return rows


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadFile(f"cannot read {path}: {exc.strerror}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadFile(
            f"{path.name} is not UTF-8 text (line {line}); save it as 'CSV UTF-8' and try again."
        ) from None


def _row(line: int, raw: dict[str, str | None]) -> RegionRow:
    if None in raw:  # more cells than columns
        raise InvalidInput("has more cells than the header has columns")
    text_code = (raw.get("kode") or "").strip()
    code = normalise_code(text_code)
    if code is None:
        raise InvalidInput(f"code {text_code!r} is not a kabupaten/kota code like 35.76")
    kind = kind_of_code(code)
    name = " ".join((raw.get("nama") or "").split())
    if not name:
        raise InvalidInput(f"region {code} has no name")
    stated = (raw.get("jenis") or "").strip().lower()
    if stated and stated != kind:
        raise InvalidInput(f"{code} is a {kind} by its code, but the row says {stated!r}")
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
                f"line {row.line}: code {row.code} appears again (first on line {first[row.code]})"
            )
        first.setdefault(row.code, row.line)
    return problems
