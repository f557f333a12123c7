"""Read a Kemendagri list of kabupaten/kota (`kode,nama[,jenis,kode_provinsi,provinsi]`)
and a list of seat towns (`kode,ibukota`), or the built-in copies of both.

All-or-nothing: every row is checked first; one bad row means nothing is imported,
and the message names the line. The built-in list is package data
(`states/national/`, with its NOTICE): the 514 kabupaten/kota and their seats, so a
coordinator needs no CSV of her own. Names are cleaned as they are read ("Kep." →
"Kepulauan", stray spaces), so a letter never says "Yth. Bupati Kep. Siau …".
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from states.letters import ADMINISTRATIVE_CODES
from workflow.domain.inputs import unprintable, unreadable_csv
from workflow.domain.regions import fold, kind_of_code, normalise_code
from workflow.errors import AmbiguousRegion, BadFile, InvalidInput, RegionNotFound
from workflow.i18n import _, ngettext

REQUIRED = ("kode", "nama")
SEAT_COLUMNS = ("kode", "ibukota")
BUILTIN = "built-in national list"
_ABBREVIATIONS = ((re.compile(r"\bKep\.\s*"), "Kepulauan "),)


@dataclass(frozen=True)
class RegionRow:
    line: int
    code: str
    name: str
    kind: str
    province: str | None
    province_code: str
    seat: str | None = None

    @property
    def administrative(self) -> bool:
        """The DKI cities and Kepulauan Seribu: appointed heads, no DPRD, no APBD."""
        return self.code in ADMINISTRATIVE_CODES


def clean_name(text: str) -> str:
    """One space between words, abbreviations written out: "Kep." → "Kepulauan"."""
    name = " ".join(text.split())
    for pattern, written in _ABBREVIATIONS:
        name = pattern.sub(written, name)
    return " ".join(name.split())


def builtin_path(name: str) -> Path:
    return Path(str(resources.files("states") / "national" / name))


@cache
def builtin_regions() -> tuple[RegionRow, ...]:
    """The shipped 514 kabupaten/kota, each with its seat town."""
    rows = read_regions(builtin_path("wilayah_kabkota.csv"))
    seats = read_seats(builtin_path("ibukota_kabkota.csv"), {row.code for row in rows})
    return tuple(replace(row, seat=seats.get(row.code)) for row in rows)


def builtin_region(code: str) -> RegionRow | None:
    return next((row for row in builtin_regions() if row.code == code), None)


def find_builtin(text: str) -> RegionRow:
    """The region of the built-in list that `text` names (a code, "Lebak", "Kabupaten
    Lebak"); an ambiguous name ("Bandung") is refused with the candidates."""
    code = normalise_code(text)
    rows = builtin_regions()
    if code is not None:
        found = [row for row in rows if row.code == code]
    else:
        wanted = fold(clean_name(text))
        found = [row for row in rows if fold(row.name) == wanted]
        if not found:
            found = [row for row in rows if _bare(row.name) == _bare(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise RegionNotFound(
            _(
                "no kabupaten/kota named '{text}' in the built-in national list; give its "
                "code and name: aksansi region add CODE NAME."
            ).format(text=text)
        )
    shown = ", ".join(f"{row.name} ({row.code})" for row in found)
    raise AmbiguousRegion(
        _("'{text}' names {count} regions: {shown}; give the full name or the code.").format(
            text=text, count=len(found), shown=shown
        )
    )


def _bare(name: str) -> str:
    folded = fold(name)
    for prefix in ("kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kota "):
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


def read_seats(path: Path, known_codes: set[str]) -> dict[str, str]:
    """code → seat town from a `kode,ibukota` file; every row checked, all or nothing."""
    reader = csv.DictReader(io.StringIO(_text(path)))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in SEAT_COLUMNS if c not in header]
    if missing:
        raise BadFile(
            _(
                "{file} has no column {missing}; the first line must name the columns, at "
                "least: kode,ibukota (found: {found}); nothing was imported."
            ).format(file=path.name, missing=", ".join(missing), found=",".join(header) or "-")
        )
    reader.fieldnames = header
    seats: dict[str, str] = {}
    try:
        return _seat_rows(path, reader, known_codes, seats)
    except csv.Error as exc:
        raise BadFile(unreadable_csv(path.name, reader.line_num, exc)) from None


def _seat_rows(
    path: Path, reader: csv.DictReader[str], known_codes: set[str], seats: dict[str, str]
) -> dict[str, str]:
    for line, raw in enumerate(reader, start=2):
        problem = _seat_problem(raw, known_codes, seats)
        if problem:
            raise BadFile(
                _("{file} line {line}: {problem}; nothing was imported.").format(
                    file=path.name, line=line, problem=problem
                )
            )
        code = normalise_code(raw.get("kode") or "")
        assert code is not None
        seats[code] = clean_name(raw.get("ibukota") or "")
    return seats


def _seat_problem(
    raw: dict[str, str | None], known_codes: set[str], seen: dict[str, str]
) -> str | None:
    text_code = (raw.get("kode") or "").strip()
    code = normalise_code(text_code)
    if code is None:
        return _("code {code!r} is not a kabupaten/kota code like 35.76").format(code=text_code)
    if code not in known_codes:
        return _("code {code} is not a region of the list being imported").format(code=code)
    if code in seen:
        return _("code {code} appears again").format(code=code)
    seat = clean_name(raw.get("ibukota") or "")
    if not seat:
        return _("region {code} has an empty seat (ibukota)").format(code=code)
    char = unprintable(seat)
    if char is not None:
        return _(
            "the row of {code} holds the character {char}, which a letter cannot print"
        ).format(code=code, char=char)
    return None


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
    try:
        for line, raw in enumerate(reader, start=2):
            try:
                rows.append(_row(line, raw))
            except InvalidInput as exc:
                problems.append(f"line {line}: {exc}")
    except csv.Error as exc:
        raise BadFile(unreadable_csv(path.name, reader.line_num, exc)) from None
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
    name = clean_name(raw.get("nama") or "")
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
    char = unprintable(f"{name} {province or ''}")
    if char is not None:
        raise InvalidInput(
            _("the row of {code} holds the character {char}, which a letter cannot print").format(
                code=code, char=char
            )
        )
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
