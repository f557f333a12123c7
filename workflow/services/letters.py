"""The letter register: number, render, store and file a letter in one transaction.

`issue_letter(session, region, kind, on=…, actor=…)` is the helper other services call
(the reminder sweep does); it never commits. The context is built and checked first,
so a missing field raises `MissingField` before a number is taken; the number comes
from a per-year counter row locked with SELECT … FOR UPDATE (PostgreSQL) or inside
SQLite's BEGIN IMMEDIATE, so two coordinators never get the same number, and a
rolled-back transaction gives its number back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.errors import DocumentError
from states.letters import KINDS_BY_ID, LETTER_KINDS, LetterKind
from workflow import audit, clock
from workflow.errors import DocumentProblem, InvalidInput, MissingField
from workflow.models import Letter, LetterCounter, Region
from workflow.services import letter_context as ctx
from workflow.services.settings import format_number, load_settings

__all__ = [
    "MissingField",
    "document_errors",
    "issue_letter",
    "letter_kind",
    "output_dir",
    "render_preview",
]


@contextmanager
def document_errors() -> Iterator[None]:
    """`documents/` reports with its own exceptions; the engine speaks in DomainErrors."""
    try:
        yield
    except DocumentError as exc:
        raise DocumentProblem(exc.message) from None


def letter_kind(kind: str, step: int = 1) -> LetterKind:
    """The kind's data with its step's variant applied; an unknown kind lists the valid ones."""
    spec = KINDS_BY_ID.get(kind.replace("-", "_"))
    if spec is None:
        names = ", ".join(k["id"] for k in LETTER_KINDS)
        raise InvalidInput(f"unknown letter kind '{kind}'; the kinds are: {names}.")
    steps = spec.get("steps", {})
    if step != 1 and step not in steps:
        raise InvalidInput(f"the {spec['id']} letter has no step {step}.")
    merged: dict[str, Any] = {**spec, **steps.get(step, {})}
    return merged  # type: ignore[return-value]


def build_context(
    session: Session, region: Region, spec: LetterKind, *, on: date, extra: dict[str, Any]
) -> dict[str, Any]:
    """Everything the template needs, checked; `surat.nomor` is filled in later."""
    what = f"the {spec['id']} letter"
    settings = load_settings(session)
    context: dict[str, Any] = {
        "org": ctx.organisation(settings, what),
        "ttd": ctx.signatory(settings, what),
        "pemda": ctx.pemda(region),
        "surat": {
            "nomor": "",
            "tanggal": on,
            "sifat": spec["sifat"],
            "lampiran": spec["lampiran"],
            "hal": spec["hal"],
            "kepada": ctx.addressee(session, region, spec, extra.get("to")),
            "di": region.short_name,
            "draf": False,
        },
        "tembusan": [t.format(pemda=region.name) for t in spec["tembusan"]],
        "rujukan": ctx.incoming(session, region, extra.get("reply_to")),
        "audiensi_tanggal": ctx.audiensi_date(session, region),
        "pks": ctx.latest_moa(session, region),
        "kb_ditandatangani": region.state in ctx.AFTER_MOU,
        "langkah": int(extra.get("step", 1)),
        "eskalasi": ctx.escalation(session, region, extra),
        "tahun_anggaran": on.year + 1,
        "ref": None,
        "ref_sebelumnya": None,
    }
    _check_kind_needs(session, region, spec, context, what)
    context["_settings"] = settings
    return context


def _check_kind_needs(
    session: Session, region: Region, spec: LetterKind, context: dict[str, Any], what: str
) -> None:
    needs_moa = spec["id"] in ("moa_submission", "response_request")
    if needs_moa and context["pks"] is None:
        raise MissingField(
            f"{what} needs the subject of the MoA (Perjanjian Kerja Sama), and {region.name} has "
            f"no MoA draft; make one with: aksansi moa draft {region.code} --subject TEXT."
        )
    cited = spec.get("cites")
    if cited:
        earlier = ctx.latest_letter(session, region, cited)
        if earlier is None:
            raise MissingField(
                f"{what} cites the {cited} letter, and {region.name} has none in the register; "
                f"render it first with: aksansi letter render {region.code} {cited}."
            )
        context["ref"] = ctx.letter_ref(earlier)
        if context["langkah"] > 1:
            first = ctx.latest_letter(session, region, spec["id"], step=1)
            context["ref_sebelumnya"] = None if first is None else ctx.letter_ref(first)


def next_number(session: Session, on: date, number_format: str) -> tuple[int, str]:
    """The next sequence number of `on`'s year and the formatted letter number.

    The counter row is created if missing (insert … on conflict do nothing), then
    locked: a second coordinator's transaction waits here until the first commits.
    """
    year = on.year
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(LetterCounter).values(year=year, last_seq=0).on_conflict_do_nothing())
    counter = session.scalars(
        select(LetterCounter)
        .where(LetterCounter.year == year)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    counter.last_seq += 1
    return counter.last_seq, format_number(number_format, seq=counter.last_seq, on=on)


def output_dir() -> Path:
    configured = os.environ.get("AKSANSI_OUTPUT_DIR", "").strip()
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aksansi" / "documents"


def target_path(region: Region, on: date, stem: str, fmt: str, output: Path | None) -> Path:
    """`-o` as given (a folder gets the usual name), else `<dir>/<year>/<code>/<stem>.<ext>`."""
    from documents.output import safe_name

    name = f"{safe_name(stem)}.{fmt}"
    if output is not None:
        return output / name if output.is_dir() else output
    return output_dir() / str(on.year) / safe_name(region.code) / name


def write_files(
    markdown: str,
    region: Region,
    on: date,
    stem: str,
    formats: tuple[str, ...],
    output: Path | None,
    title: str,
) -> dict[str, str]:
    from documents.output import write_document

    files: dict[str, str] = {}
    for fmt in formats:
        path = target_path(region, on, stem, fmt, output if len(formats) == 1 else None)
        files[fmt] = str(write_document(markdown, fmt, path, title))
    return files


@document_errors()
def issue_letter(
    session: Session,
    region: Region,
    kind: str,
    *,
    on: date,
    actor: str,
    extra: dict[str, Any] | None = None,
    formats: tuple[str, ...] = ("md",),
    output: Path | None = None,
) -> Letter:
    """Number, render, store and file one letter, with its audit row; does not commit.

    `extra`: `step` (2 = the second response request), `to` (addressee position),
    `reply_to` (an incoming letter number to cite). `formats=()` stores the letter
    without writing a file.
    """
    from documents.output import check_format
    from documents.render import render_with_hash

    extra = extra or {}
    step = int(extra.get("step", 1))
    spec = letter_kind(kind, step)
    for fmt in formats:
        check_format(fmt)
    context = build_context(session, region, spec, on=on, extra=extra)
    settings = context.pop("_settings")
    seq, number = next_number(session, on, settings["letter.number_format"] or "")
    context["surat"]["nomor"] = number
    markdown, template_hash = render_with_hash(f"{spec['id']}.md.j2", context)
    letter = Letter(
        region_id=region.id,
        kind=spec["id"],
        step=step,
        year=on.year,
        seq=seq,
        number=number,
        issued_on=on,
        subject=spec["hal"],
        addressee=context["surat"]["kepada"],
        template=f"{spec['id']}.md.j2",
        template_hash=template_hash,
        content=markdown,
        files={},
        actor=actor,
        created_at=clock.utcnow(),
    )
    session.add(letter)
    session.flush()
    letter.files = write_files(markdown, region, on, number, formats, output, spec["hal"])
    audit.record(
        session,
        region=region,
        kind="letter",
        actor=actor,
        occurred_on=on,
        note=f"{spec['hal']} ({number})",
        number=number,
        letter_kind=spec["id"],
        letter_id=letter.id,
        step=step,
        files=letter.files,
    )
    return letter


@document_errors()
def render_preview(
    session: Session, region: Region, kind: str, *, on: date, extra: dict[str, Any] | None = None
) -> tuple[str, LetterKind]:
    """The letter unnumbered and marked DRAF: nothing stored, no number used."""
    from documents.render import render_markdown

    extra = extra or {}
    spec = letter_kind(kind, int(extra.get("step", 1)))
    context = build_context(session, region, spec, on=on, extra=extra)
    context.pop("_settings")
    context["surat"].update(nomor="DRAF", draf=True)
    return render_markdown(f"{spec['id']}.md.j2", context), spec
