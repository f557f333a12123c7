"""The Secretariat's profile as the letters read it: keys, defaults, the number format.

The use cases that change it (`config set/get/list`) are in `workflow/services/settings.py`.
"""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.errors import InvalidInput
from workflow.i18n import N_, _, check_language
from workflow.infrastructure.models import Setting

DEFAULT_NUMBER_FORMAT = "{seq:03d}/SEK-AKSANSI/{month_roman}/{year}"
DEFAULTS: dict[str, str | None] = {
    "org.name": "Sekretariat Asosiasi KSM Sanitasi Seluruh Indonesia (AKSANSI)",
    "org.address": None,
    "org.city": None,
    "org.phone": None,
    "org.email": None,
    "org.website": None,
    "org.logo": None,
    "contact.name": None,
    "contact.phone": None,
    "signatory.name": None,
    "signatory.position": None,
    "letter.number_format": DEFAULT_NUMBER_FORMAT,
    "letter.font": "Arial 12",
    "letter.formats": "docx",
    "ui.language": "id",
    "org.timezone": "Asia/Jakarta",
}
DESCRIPTIONS = {  # translated where shown
    "org.name": N_("the Secretariat's name on the letterhead"),
    "org.address": N_("the postal address on the letterhead"),
    "org.city": N_("the city in the date line (e.g. Yogyakarta)"),
    "org.phone": N_("telephone on the letterhead (optional)"),
    "org.email": N_("e-mail on the letterhead (optional)"),
    "org.website": N_("website on the letterhead (optional)"),
    "org.logo": N_("a PNG logo for the letterhead (optional; the path of the file)"),
    "contact.name": N_("the contact person (narahubung) named in letters (optional)"),
    "contact.phone": N_("the contact person's telephone in letters (optional)"),
    "signatory.name": N_("the full name of who signs letters and agreements"),
    "signatory.position": N_("the signatory's position (e.g. Koordinator Sekretariat AKSANSI)"),
    "letter.number_format": N_("letter numbers; fields {seq} {year} {month} {month_roman}"),
    "letter.font": N_('font and size of letters and agreements, e.g. "Arial 12"'),
    "letter.formats": N_(
        "the files a letter is written as by jobs sweep and letter render: md, html, docx, "
        "pdf (comma-separated)"
    ),
    "ui.language": N_("the interface language of every coordinator: id or en (AKSANSI_LANG wins)"),
    "org.timezone": N_("the time zone of the times shown (Asia/Jakarta: WIB)"),
}


def check_key(key: str) -> str:
    if key not in DEFAULTS:
        raise InvalidInput(
            _("unknown setting '{key}'; the settings are: {keys}.").format(
                key=key, keys=", ".join(DEFAULTS)
            )
        )
    return key


NUMBER_FIELDS = frozenset({"seq", "year", "month", "month_roman"})
NUMBER_LENGTH = 80  # letter.number is a String(80)
_SPEC_WIDTH = re.compile(r"\d+")
_WIDEST_SPEC = 12  # digits of a width or precision: `{seq:03d}` needs one


def format_number(number_format: str, *, seq: int, on: date) -> str:
    """A letter number from the format; a broken format is refused with an example."""
    from documents.filters import romawi

    _check_fields(number_format)
    try:
        return number_format.format(
            seq=seq, year=on.year, month=on.month, month_roman=romawi(on.month)
        )
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
        raise _unusable(number_format, repr(exc)) from None


def _unusable(number_format: str, problem: str) -> InvalidInput:
    return InvalidInput(
        _(
            "the letter number format {format!r} cannot be used ({problem}); use the "
            "fields {{seq}}, {{year}}, {{month}}, {{month_roman}}, e.g. {example}."
        ).format(format=number_format, problem=problem, example=DEFAULT_NUMBER_FORMAT)
    )


def _check_fields(number_format: str) -> None:
    """Only the four fields by name: no attribute or item (`{seq.__class__}`), no
    conversion (`{seq!r}`), no field inside a format spec, no width of a million."""
    try:
        fields = [f for f in string.Formatter().parse(number_format) if f[1] is not None]
    except ValueError as exc:
        raise _unusable(number_format, str(exc)) from None
    for _text, name, spec, conversion in fields:
        if name not in NUMBER_FIELDS:
            raise _unusable(number_format, _("{{{name}}} is not a field").format(name=name))
        if conversion is not None or "{" in (spec or ""):
            raise _unusable(number_format, _("a field is formatted only with :spec"))
        if any(len(digits) > 3 for digits in _SPEC_WIDTH.findall(spec or "")):
            raise _unusable(number_format, _("a width or precision above 999"))


def check_number_format(value: str) -> None:
    """A format must make every number unique, printable and short enough for the
    register: it is tried on a year of sample sequence numbers (two years, every month)."""
    if "{seq" not in value or "{year" not in value:
        raise InvalidInput(
            _(
                "the letter number format {format!r} needs {{seq}} and {{year}} so that every "
                "number is unique, e.g. {example}."
            ).format(format=value, example=DEFAULT_NUMBER_FORMAT)
        )
    seen: dict[str, tuple[int, int]] = {}
    for year in (2026, 2027):
        for seq in (*range(1, 1201), 9999, 10000, 10001, 99999, 100000):
            number = format_number(value, seq=seq, on=date(year, seq % 12 + 1, 1))
            _check_sample(value, number)
            if number in seen:
                first_seq, first_year = seen[number]
                raise InvalidInput(
                    _(
                        "the letter number format {format!r} gives {number} both to letter "
                        "{first} of {first_year} and to letter {seq} of {year}; every number "
                        "must be unique, e.g. {example}."
                    ).format(
                        format=value,
                        number=number,
                        first=first_seq,
                        first_year=first_year,
                        seq=seq,
                        year=year,
                        example=DEFAULT_NUMBER_FORMAT,
                    )
                )
            seen[number] = (seq, year)


def _check_sample(number_format: str, number: str) -> None:
    from workflow.domain.inputs import check_text

    if not number.strip() or len(number) > NUMBER_LENGTH:
        raise InvalidInput(
            _(
                "the letter number format {format!r} makes numbers of {length} characters; "
                "a letter number has 1 to {limit}."
            ).format(format=number_format, length=len(number), limit=NUMBER_LENGTH)
        )
    check_text(number, _("a letter number made by {format!r}").format(format=number_format))


def checked_value(key: str, value: str) -> str:
    """The value as stored, after the checks its key needs (one clear sentence if bad)."""
    if key == "letter.number_format":
        check_number_format(value)
    elif key == "letter.formats":
        return ",".join(letter_formats(value))
    elif key == "letter.font":
        from documents.errors import DocumentError
        from documents.meta import parse_font

        try:
            parse_font(value)
        except DocumentError as exc:
            raise InvalidInput(exc.message) from None
    elif key == "org.logo":
        return str(read_logo(value))
    elif key == "ui.language":
        return check_language(value, source="ui.language")
    elif key == "org.timezone":
        from workflow.preferences import check_zone

        return str(check_zone(value))
    return value


def letter_formats(value: str | None) -> tuple[str, ...]:
    """`"docx,pdf"` → ("docx", "pdf"); an unknown format is refused."""
    from documents.output import FORMATS

    formats = tuple(part.strip().lower() for part in (value or "docx").split(",") if part.strip())
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        shown = unknown[0] if unknown else value
        raise InvalidInput(
            _(
                "unknown letter format '{shown}' in letter.formats; use a comma-separated list "
                "of: {formats} (e.g. docx or docx,pdf)."
            ).format(shown=shown, formats=", ".join(FORMATS))
        )
    return tuple(dict.fromkeys(formats))


def read_logo(value: str) -> Path:
    """The absolute path of a readable PNG file (org.logo), or a clear refusal."""
    from documents.errors import DocumentError
    from documents.meta import check_png

    path = Path(value).expanduser().resolve()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            _("cannot read the logo {path}: {reason}; give the path of a PNG file.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    try:
        check_png(data, str(path))
    except DocumentError as exc:
        raise InvalidInput(exc.message) from None
    return path


def load_settings(session: Session) -> dict[str, str | None]:
    """Every setting (stored value or default) in one query."""
    values = dict(DEFAULTS)
    values.update({k: v for k, v in session.execute(select(Setting.key, Setting.value))})
    return values
