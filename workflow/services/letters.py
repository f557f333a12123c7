"""Use cases of the letter register for the command line: render, preview, list, show,
receive. Each takes a UnitOfWork and returns plain views."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states.formats import OUTPUT_FORMATS
from states.letters import LETTER_KINDS
from states.report import REGISTER_FORMATS
from workflow.domain import audit, clock, regions
from workflow.domain.letters import context as ctx
from workflow.domain.letters.issuing import (
    configured_formats,
    document_errors,
    issue_letter,
    output_dir,
    render_preview,
    target_path,
)
from workflow.domain.settings import load_settings
from workflow.errors import InvalidInput, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import IncomingLetter, Letter, Region
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class LetterView:
    number: str
    kind: str
    step: int
    region: str
    region_name: str
    issued_on: date
    subject: str
    addressee: str
    files: dict[str, str]
    actor: str
    template_hash: str
    void: bool = False  # dibatalkan: the number stays in the register, never reused or cited
    voided_on: date | None = None
    void_note: str | None = None
    sent_on: date | None = None  # tanggal kirim (`letter sent`); None: not sent yet
    sent_via: str | None = None  # states/dispatch.VIA


@dataclass(frozen=True)
class PreviewView:
    kind: str
    region: str
    markdown: str
    file: str | None


@dataclass(frozen=True)
class IncomingView:
    id: int
    region: str
    number: str
    date: date
    subject: str
    sender: str | None


@dataclass(frozen=True)
class KindView:
    id: str
    hal: str
    purpose: str
    addressee: str


def letter_kinds() -> list[KindView]:
    return [KindView(k["id"], k["hal"], k["purpose"], k["addressee"]) for k in LETTER_KINDS]


def _view(letter: Letter, region: Region) -> LetterView:
    return LetterView(
        letter.number,
        letter.kind,
        letter.step,
        region.code,
        region.name,
        letter.issued_on,
        letter.subject,
        letter.addressee,
        dict(letter.files),
        letter.actor,
        letter.template_hash,
        letter.voided_on is not None,
        letter.voided_on,
        letter.void_note,
        letter.sent_on,
        letter.sent_via,
    )


def render_letter(
    uow: UnitOfWork,
    region_text: str,
    kind: str,
    *,
    actor: str,
    fmt: str | None = None,
    output: Path | str | None = None,
    on: date | None = None,
    extra: dict[str, Any] | None = None,
    overwrite: bool = False,
) -> LetterView:
    """Number, store and write one letter (`letter render`); the files appear on commit.

    `fmt` None: the formats of `letter.formats` (docx by default); then `-o FILE.ext`
    writes the one format its extension names, `-o FOLDER/` every format inside."""
    with uow:
        region = regions.resolve(uow.session, region_text)
        settings = load_settings(uow.session)
        formats = (fmt,) if fmt else _formats_for(configured_formats(settings), output)
        letter = issue_letter(
            uow.session,
            region,
            kind,
            on=on or clock.today(),
            actor=actor,
            extra=extra,
            formats=formats,
            output=output,
            settings=settings,
            overwrite=overwrite,
        )
        view = _view(letter, region)
        uow.commit()
    return view


def _formats_for(formats: tuple[str, ...], output: Path | str | None) -> tuple[str, ...]:
    """Several configured formats and `-o FILE`: the file's extension decides which one
    (the first configured one when the extension is not a format)."""
    if len(formats) == 1 or output is None:
        return formats
    text = os.fspath(output)
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        return formats
    suffix = Path(text).suffix.lstrip(".").lower()
    return (suffix,) if suffix in OUTPUT_FORMATS else formats[:1]


@document_errors()
def preview_letter(
    uow: UnitOfWork,
    region_text: str,
    kind: str,
    *,
    fmt: str = "md",
    output: Path | str | None = None,
    on: date | None = None,
    extra: dict[str, Any] | None = None,
    overwrite: bool = False,
) -> PreviewView:
    """`letter render --preview`: unnumbered, marked DRAF, not stored; md goes to stdout
    unless -o is given, other formats to a `<kind>-DRAF` file."""
    from documents.output import check_format, write_document

    check_format(fmt)
    day = on or clock.today()
    with uow:
        region = regions.resolve(uow.session, region_text)
        markdown, spec = render_preview(uow.session, region, kind, on=day, extra=extra)
        code = region.code
        title = f"DRAF {spec['hal']}"
        meta = ctx.document_meta(load_settings(uow.session), title=title, dated=day)
        path = None
        if fmt != "md" or output is not None:
            stem = f"{spec['id']}-DRAF"
            target = target_path(region, day, stem, fmt, output, overwrite=overwrite)
    if fmt != "md" or output is not None:
        path = str(write_document(markdown, fmt, target, title, meta=meta, overwrite=overwrite))
    return PreviewView(spec["id"], code, markdown, path)


def list_letters(
    uow: UnitOfWork,
    *,
    region_text: str | None = None,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[LetterView]:
    with uow:
        rows = _register_rows(uow.session, region_text, year, start, end)
        return [_view(letter, region) for letter, region in rows]


def void_letter(uow: UnitOfWork, number: str, *, actor: str, note: str | None) -> LetterView:
    """A letter rendered by mistake: `aksansi letter void NUMBER --note TEXT`."""
    from workflow.domain.letters import voiding

    text = (note or "").strip()
    if not text:
        raise InvalidInput(
            _('letter void needs --note saying why (e.g. --note "tercetak dua kali").')
        )
    with uow:
        letter = voiding.get_letter(uow.session, number, for_update=True)
        region = voiding.void(uow.session, letter, note=text, actor=actor)
        uow.subject = region.name
        view = _view(letter, region)
        uow.commit()
    return view


def letter_void_state(uow: UnitOfWork, number: str) -> LetterView | None:
    """The letter, if it is void (`letter show` says so beside the text as sent)."""
    with uow:
        row = uow.session.execute(
            select(Letter, Region)
            .join(Region, Region.id == Letter.region_id)
            .where(Letter.number == number.strip(), Letter.voided_on.is_not(None))
        ).first()
        return None if row is None else _view(*row)


def _register_rows(
    session: Session,
    region_text: str | None,
    year: int | None,
    start: date | None,
    end: date | None,
) -> list[Any]:
    """The register's letters in number order, of a region, a year, a span of days."""
    if start and end and start > end:
        raise InvalidInput(
            _("--from {start} is after --to {end}; give a period that runs forward.").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    query = select(Letter, Region).join(Region, Region.id == Letter.region_id)
    if region_text:
        query = query.where(Letter.region_id == regions.resolve(session, region_text).id)
    if year:
        query = query.where(Letter.year == year)
    if start:
        query = query.where(Letter.issued_on >= start)
    if end:
        query = query.where(Letter.issued_on <= end)
    return list(session.execute(query.order_by(Letter.year, Letter.seq)).all())


@dataclass(frozen=True)
class RegisterEntry:
    """A line of the agenda surat keluar."""

    number: str
    issued_on: date
    region: str
    region_name: str
    addressee: str
    subject: str
    kind: str
    sent_on: date | None
    sent_via: str | None
    void: bool


@dataclass(frozen=True)
class RegisterExport:
    entries: list[RegisterEntry]
    path: Path | None  # None: the CSV text is in `text`, for standard output
    text: str | None


def export_register(
    uow: UnitOfWork,
    *,
    fmt: str,
    output: str | Path | None = None,
    overwrite: bool = False,
    region_text: str | None = None,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> RegisterExport:
    """`letter list --format csv|xlsx`: the register as a file (CSV may go to stdout),
    never over an existing file without `overwrite`."""
    from documents.output import output_path, write_atomic
    from documents.register import register_csv, register_xlsx

    if fmt not in REGISTER_FORMATS or fmt == "text":
        raise InvalidInput(
            _("unknown format '{fmt}'; use one of: text, csv, xlsx.").format(fmt=fmt)
        )
    target = None
    if fmt == "xlsx" or output is not None:
        with document_errors():
            default = _register_default(fmt, year, start, end)
            target = output_path(output, default, overwrite=overwrite)
    with uow:
        found = _register_rows(uow.session, region_text, year, start, end)
        entries = [_entry(letter, region) for letter, region in found]
    rows = [vars(entry) for entry in entries]
    if target is None:
        return RegisterExport(entries, None, register_csv(rows))
    if fmt == "csv":
        data = register_csv(rows).encode("utf-8")
    else:
        data = register_xlsx(rows, REGISTER_TITLE)
    with document_errors():
        write_atomic(target, data, overwrite=overwrite)
    return RegisterExport(entries, target, None)


REGISTER_TITLE = "Agenda Surat Keluar"


def _entry(letter: Letter, region: Region) -> RegisterEntry:
    return RegisterEntry(
        letter.number,
        letter.issued_on,
        region.code,
        region.name,
        letter.addressee,
        letter.subject,
        letter.kind,
        letter.sent_on,
        letter.sent_via,
        letter.voided_on is not None,
    )


def _register_default(fmt: str, year: int | None, start: date | None, end: date | None) -> Path:
    span = "-".join(d.isoformat() for d in (start, end) if d) or (str(year) if year else "semua")
    return output_dir() / "laporan" / f"agenda-surat-keluar-{span}.{fmt}"


def show_letter(uow: UnitOfWork, number: str) -> str:
    """The stored Markdown of a letter, exactly as it was sent."""
    with uow:
        content = uow.session.scalar(select(Letter.content).where(Letter.number == number.strip()))
    if content is None:
        raise NotFound(
            _("no letter numbered {number} in the register; see 'aksansi letter list'.").format(
                number=number
            )
        )
    return content


@document_errors()
def export_letter(
    uow: UnitOfWork, number: str, *, fmt: str, output: Path | str | None, overwrite: bool = False
) -> str:
    """Write a stored letter's text again in `fmt` (a reprint: same words, same number)."""
    from documents.output import check_format, write_document

    check_format(fmt)
    with uow:
        row = uow.session.execute(
            select(Letter, Region)
            .join(Region, Region.id == Letter.region_id)
            .where(Letter.number == number.strip())
        ).first()
        if row is None:
            raise NotFound(
                _("no letter numbered {number} in the register; see 'aksansi letter list'.").format(
                    number=number
                )
            )
        letter, region = row
        target = target_path(
            region, letter.issued_on, letter.number, fmt, output, overwrite=overwrite
        )
        content, title = letter.content, letter.subject
        meta = ctx.document_meta(load_settings(uow.session), title=title, dated=letter.issued_on)
    return str(write_document(content, fmt, target, title, meta=meta, overwrite=overwrite))


def receive_letter(
    uow: UnitOfWork,
    region_text: str,
    *,
    number: str,
    dated: date,
    subject: str,
    sender: str | None,
    actor: str,
) -> IncomingView:
    """Record an incoming letter (*surat masuk*) so later letters can cite it."""
    number, subject = number.strip(), subject.strip()
    if not number or not subject:
        raise InvalidInput(_("an incoming letter needs its --number and --subject."))
    if dated > clock.today():
        raise InvalidInput(
            _("the letter date {isoformat} is in the future.").format(isoformat=dated.isoformat())
        )
    with uow:
        region = regions.resolve(uow.session, region_text)
        if uow.session.scalar(
            select(IncomingLetter.id).where(
                IncomingLetter.region_id == region.id, IncomingLetter.number == number
            )
        ):
            raise InvalidInput(
                _("incoming letter {number} of {name} is already recorded.").format(
                    number=number, name=region.name
                )
            )
        row = IncomingLetter(
            region_id=region.id,
            number=number,
            dated=dated,
            subject=subject,
            sender=sender,
            actor=actor,
            created_at=clock.utcnow(),
        )
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow.session,
            region=region,
            kind="letter_received",
            actor=actor,
            occurred_on=dated,
            note=f"{subject} ({number})",
            number=number,
            subject=subject,
            sender=sender,
            incoming_id=row.id,
        )
        view = IncomingView(row.id, region.code, number, dated, subject, sender)
        uow.commit()
    return view
