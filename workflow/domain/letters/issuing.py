"""The letter register: number, render, store and file a letter in one transaction.

`issue_letter(session, region, kind, on=…, actor=…)` is the helper other services call
(the reminder sweep does); it never commits. The context is built and checked first,
so a missing field raises `MissingField` before a number is taken; the number comes
from a per-year counter row locked with SELECT … FOR UPDATE (PostgreSQL) or inside
SQLite's BEGIN IMMEDIATE, so two coordinators never get the same number, and a
rolled-back transaction gives its number back (`letter_numbers`). Nothing is written
to the database until the letter is rendered and its files are written: a
`DomainError` from `issue_letter` leaves the caller's transaction as it was. The files
are written under temporary names and moved into place only when that transaction
commits (`workflow.infrastructure.staged_files`); a rollback removes them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from documents.errors import DocumentError
from documents.meta import DocumentMeta
from states.letters import KINDS_BY_ID, LETTER_KINDS, NEEDS_MOA_DRAFT, LetterKind
from workflow.domain import audit, clock
from workflow.domain.letters import context as ctx
from workflow.domain.letters.numbering import reserve_number, use_number
from workflow.domain.settings import load_settings
from workflow.errors import DocumentProblem, InvalidInput, MissingField
from workflow.i18n import _
from workflow.infrastructure.models import Letter, Region
from workflow.infrastructure.prepared import Prepared
from workflow.infrastructure.tables import LETTER

__all__ = [
    "MissingField",
    "check_formats",
    "configured_formats",
    "document_errors",
    "issue_letter",
    "letter_kind",
    "output_dir",
    "render_preview",
]


_INSERT = Prepared(insert(LETTER))  # built once: the sweep issues a letter per reminder


@contextmanager
def document_errors() -> Iterator[None]:
    """`documents/` reports with its own exceptions; the engine speaks in DomainErrors."""
    try:
        yield
    except DocumentError as exc:
        raise DocumentProblem(exc.message) from None


def configured_formats(settings: dict[str, str | None]) -> tuple[str, ...]:
    """The formats of `letter.formats` (default docx): what the sweep and `letter render`
    without `--format` write."""
    from workflow.domain.settings import letter_formats

    return letter_formats(settings.get("letter.formats"))


def check_formats(formats: tuple[str, ...]) -> None:
    """Refuse, before a number is taken, a format that cannot be made here: PDF without
    LibreOffice (one sentence saying how to get it or how to leave PDF out)."""
    from documents.output import check_format, soffice

    if "pdf" in formats and soffice() is None:
        raise MissingField(
            _(
                "PDF letters need LibreOffice (the 'soffice' program), which is not installed "
                "here; install it (e.g. apt-get install libreoffice-writer-nogui) or leave PDF "
                "out (--format docx, or: aksansi config set letter.formats docx)."
            ),
            fix="aksansi config set letter.formats docx",
        )
    for fmt in formats:
        check_format(fmt)


def letter_kind(kind: str, step: int = 1) -> LetterKind:
    """The kind's data with its step's variant applied; an unknown kind lists the valid ones."""
    spec = KINDS_BY_ID.get(kind.replace("-", "_"))
    if spec is None:
        names = ", ".join(k["id"] for k in LETTER_KINDS)
        raise InvalidInput(
            _("unknown letter kind '{kind}'; the kinds are: {names}.").format(
                kind=kind, names=names
            )
        )
    steps = spec.get("steps", {})
    if step != 1 and step not in steps:
        raise InvalidInput(
            _("the {id} letter has no step {step}.").format(id=spec["id"], step=step)
        )
    merged: dict[str, Any] = {**spec, **steps.get(step, {})}
    return merged  # type: ignore[return-value]


def build_context(
    session: Session,
    region: Region,
    spec: LetterKind,
    *,
    on: date,
    extra: dict[str, Any],
    settings: dict[str, str | None] | None = None,
    preview: bool = False,
) -> dict[str, Any]:
    """Everything the template needs, checked; `surat.nomor` is filled in later.
    `preview`: a value that cannot be cited yet (the KB) shows as a marked blank.

    `settings`: the profile already read by the caller (a sweep reads it once for all
    its letters). Values that cost a query are looked up only if the template (built-in
    or the user's own) reads them, or the kind's checks need them.
    """
    from documents.render import names_used

    what = f"the {spec['id']} letter"
    settings = load_settings(session) if settings is None else settings
    used = names_used(f"{spec['id']}.md.j2")

    def wanted(name: str) -> bool:
        return used is None or name in used

    context: dict[str, Any] = {
        "org": ctx.organisation(settings, what),
        "ttd": ctx.signatory(settings, what),
        "pemda": ctx.pemda(region, what),
        "surat": {
            "nomor": "",
            "tanggal": on,
            "sifat": spec["sifat"],
            "hal": spec["hal"],
            "kepada": ctx.addressee(session, region, spec, extra.get("to")),
            "di": ctx.seat_town(region, what),
            "draf": False,
        },
        "tembusan": ctx.copy_list(region, spec),
        "rujukan": ctx.incoming(session, region, extra.get("reply_to")),
        "narahubung": ctx.contact_person(settings),
        "audiensi_tanggal": (
            ctx.audiensi_date(session, region) if wanted("audiensi_tanggal") else None
        ),
        "pks": ctx.latest_moa(session, region) if wanted("pks") or _needs_moa(spec) else None,
        "kb_ditandatangani": region.state in ctx.AFTER_MOU,
        "langkah": int(extra.get("step", 1)),
        "eskalasi": ctx.escalation(session, region, extra),
        "tahun_anggaran": (
            _budget_year_aimed(session, region, on) if wanted("tahun_anggaran") else None
        ),
        "persetujuan": ctx.approvals(session, region) if wanted("persetujuan") else None,
        "ref": None,
        "ref_sebelumnya": None,
        "kb": None,
    }
    _check_kind_needs(session, region, spec, context, what)
    if _cites_kb(spec, context):
        from workflow.domain import kb

        context["kb"] = kb.cited(session, region, what, preview=preview)
    context["_settings"] = settings
    return context


def _cites_kb(spec: LetterKind, context: dict[str, Any]) -> bool:
    when = spec.get("cites_kb")
    return (
        when == "always"
        or (when == "when_signed" and context["kb_ditandatangani"])
        or (when == "when_escalating" and bool(context["eskalasi"]))
    )


def _needs_moa(spec: LetterKind) -> bool:
    return spec["id"] in NEEDS_MOA_DRAFT


def _check_kind_needs(
    session: Session, region: Region, spec: LetterKind, context: dict[str, Any], what: str
) -> None:
    if _needs_moa(spec) and context["pks"] is None:
        raise MissingField(
            _(
                "{what} needs the subject of the MoA (Perjanjian Kerja Sama), and "
                "{name} has no MoA draft; make one with: aksansi moa draft {code} "
                "--subject TEXT."
            ).format(what=what, name=region.name, code=region.code),
            fix=f"aksansi moa draft {region.code} --subject TEXT",
        )
    cited = spec.get("cites")
    if cited:
        earlier = ctx.latest_letter(session, region, cited)
        if earlier is None:
            raise MissingField(
                _(
                    "{what} cites the {cited} letter, and {name} has none in the register; "
                    "render it first with: aksansi letter render {code} {cited}."
                ).format(what=what, cited=cited, name=region.name, code=region.code),
                fix=f"aksansi letter render {region.code} {cited}",
            )
        context["ref"] = ctx.letter_ref(earlier)
        if context["langkah"] > 1:
            first = ctx.latest_letter(session, region, spec["id"], step=1)
            context["ref_sebelumnya"] = None if first is None else ctx.letter_ref(first)


def output_dir() -> Path:
    configured = os.environ.get("AKSANSI_OUTPUT_DIR", "").strip()
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aksansi" / "documents"


def target_path(
    region: Region,
    on: date,
    stem: str,
    fmt: str,
    output: Path | str | None,
    *,
    overwrite: bool = False,
) -> Path:
    """`-o` as given (a folder, or a path ending in '/', gets the usual name), else the
    first free `<dir>/<year>/<code>/<stem>.<ext>`; an existing file is refused unless
    `overwrite` (see `documents.output.output_path`)."""
    from documents.output import output_path, safe_name

    default = output_dir() / str(on.year) / safe_name(region.code) / f"{safe_name(stem)}.{fmt}"
    return output_path(output, default, overwrite=overwrite)


def write_files(
    markdown: str,
    region: Region,
    on: date,
    stem: str,
    formats: tuple[str, ...],
    output: Path | str | None,
    title: str,
    *,
    session: Session,
    register_copy: bool = False,
    meta: DocumentMeta | None = None,
    overwrite: bool = False,
) -> dict[str, str]:
    """Write each format under a temporary name, moved into place when `session` commits
    (removed if it does not: `workflow.infrastructure.staged_files`). `register_copy`:
    the Markdown is stored in the same transaction, so the .md file is not fsynced (see
    documents.output.write_atomic). `meta`: author, date, font and logo of the HTML and
    Word files (`ctx.document_meta`)."""
    from documents.output import StagedFile, stage_document
    from workflow.infrastructure import staged_files

    paths = {
        fmt: target_path(
            region,
            on,
            stem,
            fmt,
            output if _one_target(formats, output) else None,
            overwrite=overwrite,
        )
        for fmt in formats
    }
    written: list[StagedFile] = []
    try:
        for fmt, path in paths.items():
            sync = not (register_copy and fmt == "md")
            written.append(
                stage_document(
                    markdown, fmt, path, title, sync=sync, meta=meta, overwrite=overwrite
                )
            )
    except BaseException:
        for staged in written:
            staged.discard()
        raise
    for staged in written:
        staged_files.stage(session, staged)
    return {fmt: str(path) for fmt, path in paths.items()}


def _one_target(formats: tuple[str, ...], output: Path | str | None) -> bool:
    """`-o` applies to every format when it names a folder, else to a single format only."""
    if len(formats) == 1 or output is None:
        return True
    text = os.fspath(output)
    return text.endswith(("/", os.sep)) or Path(text).is_dir()


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
    output: Path | str | None = None,
    settings: dict[str, str | None] | None = None,
    overwrite: bool = False,
) -> Letter:
    """Number, render, store and file one letter, with its audit row; does not commit.

    `extra`: `step` (2 = the second response request), `to` (addressee position),
    `reply_to` (an incoming letter number to cite). `formats=()` stores the letter
    without writing a file. `settings`: the profile, if the caller already read it.
    The files are placed when the caller's transaction commits, and removed if it
    does not, so no file is left for a number the register never took.
    """
    from documents.render import render_with_hash

    extra = extra or {}
    step = int(extra.get("step", 1))
    spec = letter_kind(kind, step)
    check_formats(formats)
    context = build_context(session, region, spec, on=on, extra=extra, settings=settings)
    settings = context.pop("_settings")
    seq, number = reserve_number(session, on, settings["letter.number_format"] or "")
    context["surat"]["nomor"] = number
    markdown, template_hash = render_with_hash(f"{spec['id']}.md.j2", context)
    # Files first (under temporary names), then the counter and one INSERT with their
    # paths. A failed render or write stores nothing; the files are moved into place
    # only when the transaction commits, and removed when it does not.
    meta = ctx.document_meta(settings, title=spec["hal"], dated=on) if formats else None
    files = write_files(
        markdown,
        region,
        on,
        number,
        formats,
        output,
        spec["hal"],
        session=session,
        register_copy=True,
        meta=meta,
        overwrite=overwrite,
    )
    session.flush()  # what the caller changed through the ORM goes first, in its order
    conn = session.connection()
    use_number(session, on, seq)
    row = {
        "region_id": region.id,
        "kind": spec["id"],
        "step": step,
        "year": on.year,
        "seq": seq,
        "number": number,
        "issued_on": on,
        "subject": spec["hal"],
        "addressee": context["surat"]["kepada"],
        "template": f"{spec['id']}.md.j2",
        "template_hash": template_hash,
        "content": markdown,
        "files": files,
        "actor": actor,
        "created_at": clock.utcnow(),
    }
    letter_id = _INSERT.inserted(conn, row)
    audit.insert_row(
        conn,
        region_id=region.id,
        kind="letter",
        actor=actor,
        occurred_on=on,
        note=f"{spec['hal']} ({number})",
        details={
            "number": number,
            "letter_kind": spec["id"],
            "letter_id": letter_id,
            "step": step,
            "files": files,
        },
    )
    # The register's row as the caller reads it: a plain object the session never tracks.
    return Letter(id=letter_id, **row)


@document_errors()
def render_preview(
    session: Session, region: Region, kind: str, *, on: date, extra: dict[str, Any] | None = None
) -> tuple[str, LetterKind]:
    """The letter unnumbered and marked DRAF: nothing stored, no number used."""
    from documents.render import render_markdown

    extra = extra or {}
    spec = letter_kind(kind, int(extra.get("step", 1)))
    context = build_context(session, region, spec, on=on, extra=extra, preview=True)
    context.pop("_settings")
    context["surat"].update(nomor="DRAF", draf=True)
    return render_markdown(f"{spec['id']}.md.j2", context), spec


def _budget_year_aimed(session: Session, region: Region, on: date) -> int:
    """The budget year a funding request can still reach (the regional planning calendar)."""
    from workflow.domain import planning

    own = planning.overrides_of(session, [region.id])[region.id]
    return planning.next_target(on, own).budget_year
