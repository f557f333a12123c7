"""Draft agreements: each `mou draft` / `moa draft` is a new stored version of the
region's Kesepakatan Bersama or Perjanjian Kerja Sama, diffable against the others.

The subject, budget and term carry over from the previous version unless given, so a
coordinator changes one thing at a time and the diff shows exactly that.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit, clock, regions
from workflow.domain.letters import context as ctx
from workflow.domain.letters import moa_terms
from workflow.domain.letters.drafts import parse_budget
from workflow.domain.letters.issuing import document_errors, write_files
from workflow.domain.settings import load_settings
from workflow.errors import InvalidInput, MissingField, NotFound
from workflow.i18n import _
from workflow.infrastructure.models import AgreementDraft, Region
from workflow.infrastructure.unit_of_work import UnitOfWork

TITLES = {"mou": "KESEPAKATAN BERSAMA", "moa": "PERJANJIAN KERJA SAMA"}
NAMES = {"mou": "Kesepakatan Bersama", "moa": "Perjanjian Kerja Sama"}
DEFAULT_YEARS = {"mou": 5, "moa": 1}
MOU_SUBJECT = "Kerja Sama Pengelolaan Sarana Sanitasi Berbasis Masyarakat"


@dataclass(frozen=True)
class DraftView:
    region: str
    region_name: str
    agreement: str
    version: int
    drafted_on: date
    subject: str
    budget: int | None
    years: int
    files: dict[str, str]
    actor: str
    signatory: str | None = None  # MoA: head | opd
    funding: str | None = None  # MoA: apbd | hibah | swakelola | none


def _view(draft: AgreementDraft, region: Region) -> DraftView:
    return DraftView(
        region.code,
        region.name,
        draft.agreement,
        draft.version,
        draft.drafted_on,
        draft.subject,
        draft.budget,
        draft.years,
        dict(draft.files),
        draft.actor,
        draft.signatory,
        draft.funding,
    )


def _latest(session: Session, region: Region, agreement: str) -> AgreementDraft | None:
    return session.scalars(
        select(AgreementDraft)
        .where(AgreementDraft.region_id == region.id, AgreementDraft.agreement == agreement)
        .order_by(AgreementDraft.version.desc())
        .limit(1)
    ).first()


def _terms(
    region: Region,
    agreement: str,
    previous: AgreementDraft | None,
    subject: str | None,
    budget: int | None,
    years: int | None,
) -> tuple[str, int | None, int]:
    subject = (subject or "").strip() or (previous.subject if previous else None)
    if agreement == "mou":
        subject = subject or MOU_SUBJECT
    subject = subject or region.subject
    if not subject:
        raise MissingField(
            _(
                "the MoA draft of {name} needs a subject; give it with: aksansi moa "
                "draft {code} --subject TEXT."
            ).format(name=region.name, code=region.code)
        )
    if budget is None and previous is not None:
        budget = previous.budget
    years = years or (previous.years if previous else DEFAULT_YEARS[agreement])
    if years <= 0:
        raise InvalidInput(
            _("--years must be a positive number of years, not {years}.").format(years=years)
        )
    return subject, budget, years


def _parties(session: Session, region: Region, signatory: str) -> dict[str, Any]:
    settings = load_settings(session)
    what = _("the draft agreement")
    signer = ctx.signatory(settings, what)
    org = ctx.organisation(settings, what)
    first = moa_terms.first_party(session, region, signatory, ctx.head_name(session, region))
    return {
        "pihak1": first,
        "pihak2": {"nama": signer["nama"], "jabatan": signer["jabatan"], "alamat": org["alamat"]},
    }


@document_errors()
def make_draft(
    uow: UnitOfWork,
    region_text: str,
    agreement: str,
    *,
    actor: str,
    subject: str | None = None,
    budget: str | None = None,
    years: int | None = None,
    fmt: str = "md",
    output: Path | str | None = None,
    on: date | None = None,
    overwrite: bool = False,
    moa: moa_terms.MoaOptions | None = None,
) -> DraftView:
    """Render and store the next version of the region's MoU or MoA draft.

    `moa`: the PKS-only options (signatory, funding, budget lines, mechanism file)."""
    from documents.output import check_format

    check_format(fmt)
    amount = parse_budget(budget)
    day = on or clock.today()
    with uow:
        region = regions.resolve(uow.session, region_text)
        ctx.check_agreement_party(region, agreement)
        previous = _latest(uow.session, region, agreement)
        terms = _terms(region, agreement, previous, subject, amount, years)
        extra = None
        if agreement == "moa":
            extra = moa_terms.resolve_terms(
                moa or moa_terms.MoaOptions(), terms[1], amount is not None, previous
            )
            terms = (terms[0], extra.budget, terms[2])
        version = (previous.version if previous else 0) + 1
        draft = _store(uow.session, region, agreement, version, terms, day, actor, extra)
        title = f"Rancangan {NAMES[agreement]} v{version}"
        meta = ctx.document_meta(load_settings(uow.session), title=title, dated=day)
        draft.files = write_files(
            draft.content,
            region,
            day,
            f"{agreement}-v{version}",
            (fmt,),
            output,
            title,
            session=uow.session,
            meta=meta,
            overwrite=overwrite,
        )
        _record(uow.session, region, draft, actor)
        view = _view(draft, region)
        uow.commit()
    return view


def _store(
    session: Session,
    region: Region,
    agreement: str,
    version: int,
    terms: tuple[str, int | None, int],
    day: date,
    actor: str,
    extra: moa_terms.MoaTerms | None = None,
) -> AgreementDraft:
    """Render the draft from its template and add its row (files come after)."""
    from documents.render import render_with_hash

    subject, budget, years = terms
    context = {
        **_parties(session, region, extra.signatory if extra else "head"),
        **_kb_context(session, region, agreement),
        **_annexes(session, region, extra, years),
        "pemda": ctx.pemda(region, f"the {agreement.upper()} draft"),
        "judul": subject,
        "judul_dokumen": TITLES[agreement],
        "tanggal": day,
        "tanggal_draf": day,
        "versi": version,
        "nilai": budget,
        "tahun": years,
    }
    markdown, template_hash = render_with_hash(f"{agreement}.md.j2", context)
    draft = AgreementDraft(
        region_id=region.id,
        agreement=agreement,
        version=version,
        drafted_on=day,
        subject=subject,
        budget=budget,
        years=years,
        template_hash=template_hash,
        content=markdown,
        files={},
        actor=actor,
        created_at=clock.utcnow(),
        signatory=extra.signatory if extra else None,
        funding=extra.funding if extra else None,
        budget_items=extra.budget_items if extra else None,
        mechanism=extra.mechanism if extra else None,
        multi_year=extra.multi_year if extra else None,
        unbudgeted=extra.unbudgeted if extra else None,
    )
    session.add(draft)
    session.flush()
    return draft


def _annexes(
    session: Session, region: Region, extra: moa_terms.MoaTerms | None, years: int
) -> dict[str, Any]:
    """The PKS's Pasal 7 and its three annexes; a MoU has none."""
    if extra is None:
        return {}
    from documents.render import RawMarkdown

    ksm = moa_terms.ksm_annex(session, region)
    return {
        "pembiayaan": moa_terms.funding_context(session, region, extra),
        "rab": moa_terms.budget_annex(extra),
        "mekanisme": None if extra.mechanism is None else RawMarkdown(extra.mechanism),
        "ksm": ksm,
        "lokasi_jumlah": len(ksm),
        "bulan_akhir": 12 * years,
    }


def _kb_context(session: Session, region: Region, agreement: str) -> dict[str, Any]:
    """The PKS cites the signed KB (refused until `mou record`); the MoU is the KB itself."""
    if agreement != "moa":
        return {"kb": None, "kb_judul": None}
    from workflow.domain import kb

    mou = _latest(session, region, "mou")
    return {
        "kb": kb.cited(session, region, _("the MoA draft")),
        "kb_judul": mou.subject if mou is not None else MOU_SUBJECT,
    }


def _record(session: Session, region: Region, draft: AgreementDraft, actor: str) -> None:
    audit.record(
        session,
        region=region,
        kind="draft",
        actor=actor,
        occurred_on=draft.drafted_on,
        note=f"Rancangan {NAMES[draft.agreement]} versi {draft.version}",
        agreement=draft.agreement,
        version=draft.version,
        draft_id=draft.id,
        budget=draft.budget,
        signatory=draft.signatory,
        funding=draft.funding,
        files=draft.files,
    )


def list_versions(uow: UnitOfWork, region_text: str, agreement: str) -> list[DraftView]:
    with uow:
        region = regions.resolve(uow.session, region_text)
        drafts = uow.session.scalars(
            select(AgreementDraft)
            .where(AgreementDraft.region_id == region.id, AgreementDraft.agreement == agreement)
            .order_by(AgreementDraft.version)
        ).all()
        return [_view(draft, region) for draft in drafts]


def diff_versions(uow: UnitOfWork, region_text: str, agreement: str, old: int, new: int) -> str:
    """A unified diff between two versions' texts (empty when they are the same)."""
    with uow:
        region = regions.resolve(uow.session, region_text)
        texts: dict[int, str] = {}
        for version in (old, new):
            text = uow.session.scalar(
                select(AgreementDraft.content).where(
                    AgreementDraft.region_id == region.id,
                    AgreementDraft.agreement == agreement,
                    AgreementDraft.version == version,
                )
            )
            if text is None:
                raise NotFound(
                    _(
                        "{name} has no {agreement} draft version {version}; see: aksansi "
                        "{agreement} versions {code}."
                    ).format(
                        name=region.name, agreement=agreement, version=version, code=region.code
                    )
                )
            texts[version] = text
    lines = difflib.unified_diff(
        texts[old].splitlines(keepends=True),
        texts[new].splitlines(keepends=True),
        fromfile=f"{agreement} v{old}",
        tofile=f"{agreement} v{new}",
    )
    return "".join(lines)
