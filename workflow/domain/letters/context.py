"""The plain dict a letter template receives, built from the region, the profile and
the register. Every value a letter needs is checked here, before a number is taken:
a missing one is a `MissingField` naming it and the command that sets it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from documents.meta import DocumentMeta
from states import letters as letter_spec
from states import lifecycle as spec
from states.letters import LetterKind
from workflow.errors import InvalidInput, MissingField
from workflow.i18n import _
from workflow.infrastructure.models import (
    AgreementDraft,
    AuditEntry,
    IncomingLetter,
    Letter,
    Official,
    Region,
)

AFTER_MOU = (*spec.MAIN_LINE[spec.MAIN_LINE.index("mou_signed") :],)
TECHNICAL_HINTS = ("pupr", "perkim", "permukiman", "cipta karya", "pekerjaan umum")


def pemda(region: Region, what: str = "the letter") -> dict[str, Any]:
    """The region as templates name it; `kota_surat` is its seat town (the "di …" line,
    "berkedudukan di …" in agreements)."""
    jenis = "Kabupaten" if region.kind == "kabupaten" else "Kota"
    provinsi = region.province or ""
    template = letter_spec.SEKDA_ADMINISTRATIVE if region.administrative else letter_spec.SEKDA
    return {
        "jenis": jenis,
        "nama": region.short_name,
        "nama_lengkap": region.name,
        "kepala": region.head_title,
        "pemerintah": f"Pemerintah {region.name}",
        "kode": region.code,
        "kota_surat": seat_town(region, what),
        "provinsi": provinsi,
        "administratif": region.administrative,
        "sekda": template.format(pemda=region.name, provinsi=provinsi),
    }


def seat_town(region: Region, what: str) -> str:
    """The seat (ibu kota); a kota without one is its own seat, a kabupaten is refused:
    its name is often another Pemda's city (Kabupaten Bandung sits in Soreang)."""
    if region.seat:
        return region.seat
    if region.kind == "kota":
        return region.short_name
    raise MissingField(
        _(
            "{what} for {name} needs its seat town (ibu kota) for the 'di …' line, which is "
            "not recorded; set it with: aksansi region set {code} --seat TEXT."
        ).format(what=what, name=region.name, code=region.code)
    )


def check_agreement_party(region: Region, agreement: str) -> None:
    """An administrative region cannot be a party to an MoU/MoA: refuse in one sentence."""
    if region.administrative:
        raise InvalidInput(
            _(
                "{name} is an administrative region of Provinsi {province} with no DPRD or "
                "APBD of its own, so an {what} would be with the provincial government, not "
                "with {name}; no draft was made."
            ).format(
                name=region.name,
                province=region.province or "",
                what="MoU" if agreement == "mou" else "MoA",
            )
        )


def copy_list(region: Region, kind: LetterKind) -> list[str]:
    """The Tembusan: the kind's own, or the provincial government's for an administrative
    region (it has no Sekda or Bappeda of its own)."""
    listed = letter_spec.ADMINISTRATIVE_TEMBUSAN if region.administrative else kind["tembusan"]
    head = f"{region.head_title} {region.short_name}"
    return [
        t.format(pemda=region.name, provinsi=region.province or "", kepala=head) for t in listed
    ]


PROFILE = ("org.name", "org.address", "org.city", "signatory.name", "signatory.position")


def require(settings: dict[str, str | None], key: str, what: str) -> str:
    """The profile value; if unset, name every unset profile key at once (a new user
    fixes them in one go instead of meeting one error per key)."""
    value = settings.get(key)
    if not value:
        missing = [k for k in PROFILE if not settings.get(k)] or [key]
        how = "; ".join(f"aksansi config set {k} VALUE" for k in missing)
        raise MissingField(
            _("{what} needs {missing}, not set yet; set with: {how}.").format(
                what=what, missing=", ".join(missing), how=how
            ),
            fix=how,
        )
    return value


def organisation(settings: dict[str, str | None], what: str) -> dict[str, Any]:
    contact = [
        f"Telepon {settings['org.phone']}" if settings.get("org.phone") else "",
        f"Pos-el {settings['org.email']}" if settings.get("org.email") else "",
        f"Laman {settings['org.website']}" if settings.get("org.website") else "",
    ]
    return {
        "nama": require(settings, "org.name", what),
        "alamat": require(settings, "org.address", what),
        "kota": require(settings, "org.city", what),
        "kontak": " · ".join(part for part in contact if part),
        "telepon": settings.get("org.phone") or "",
        "email": settings.get("org.email") or "",
        "laman": settings.get("org.website") or "",
    }


def contact_person(settings: dict[str, str | None]) -> dict[str, str] | None:
    """The narahubung a letter names (`contact.name`, `contact.phone`), if either is set."""
    name = settings.get("contact.name") or ""
    phone = settings.get("contact.phone") or ""
    if not (name or phone):
        return None
    return {"nama": name, "telepon": phone}


def signatory(settings: dict[str, str | None], what: str) -> dict[str, str]:
    return {
        "nama": require(settings, "signatory.name", what),
        "jabatan": require(settings, "signatory.position", what),
    }


def addressee(session: Session, region: Region, kind: LetterKind, to: str | None) -> str:
    """`Wali Kota Mojokerto`, or a position at the region: `Kepala Dinas PUPR Kota Mojokerto`."""
    if to:
        return to if region.name in to else f"{to.strip()} {region.name}"
    if kind["addressee"] == "head":
        return f"{region.head_title} {region.short_name}"
    if kind["addressee"] in letter_spec.POSITIONS:
        return letter_spec.POSITIONS[kind["addressee"]].format(pemda=region.name)
    position = technical_office(session, region)
    if position is None:
        fix = f'aksansi official set {region.code} --position "Kepala Dinas PUPR" --name NAME'
        raise MissingField(
            _(
                "the {id} letter goes to the head of the technical office of {name} "
                "(e.g. Kepala Dinas PUPR), which is not recorded; record it with: "
                'aksansi official set {code} --position "Kepala Dinas PUPR" --name NAME'
                " (or give --to POSITION)."
            ).format(id=kind["id"], name=region.name, code=region.code),
            fix=fix,
        )
    return f"{position} {region.name}"


def technical_office(session: Session, region: Region) -> str | None:
    """The position of the region's current head of the technical office, if recorded:
    the present holder of a "Kepala Dinas …" position (`official set`), preferring the
    public-works and settlement offices that hold sanitation."""
    positions = list(session.connection().scalars(_CURRENT_POSITIONS, {"region_id": region.id}))
    heads = [p for p in positions if p.lower().startswith("kepala dinas")]
    preferred = [p for p in heads if any(h in p.lower() for h in TECHNICAL_HINTS)]
    chosen = preferred or heads
    return chosen[0] if chosen else None


def head_name(session: Session, region: Region) -> str | None:
    """The recorded name of the Bupati / Wali Kota (`official set … --position "Wali Kota"`)."""
    from workflow.domain.officials.tenures import current_official

    official = current_official(session, region, region.head_title)
    return None if official is None else official.name


# The register's reads of a letter being issued: Core statements built once (the sweep
# issues a letter per reminder; issue 17), rows rather than ORM objects.
_CURRENT_POSITIONS = (
    select(Official.position)
    .where(Official.region_id == bindparam("region_id"), Official.until.is_(None))
    .order_by(Official.position_key, Official.id)
)
_AUDIENSI_DAY = (
    select(AuditEntry.occurred_on)
    .where(
        AuditEntry.region_id == bindparam("region_id"),
        AuditEntry.event == "hold_audiensi",
        AuditEntry.kind == "transition",
        AuditEntry.reverted_by_id.is_(None),
    )
    .order_by(AuditEntry.id.desc())
    .limit(1)
)
_CITED = (
    select(Letter.number, Letter.issued_on, Letter.subject)
    .where(
        Letter.region_id == bindparam("region_id"),
        Letter.kind == bindparam("kind"),
        Letter.voided_on.is_(None),  # a void letter is never cited
    )
    .order_by(Letter.issued_on.desc(), Letter.id.desc())
    .limit(1)
)
_CITED_STEP = _CITED.where(Letter.step == bindparam("step"))
_LATEST_MOA = (
    select(AgreementDraft.subject, AgreementDraft.budget, AgreementDraft.version)
    .where(AgreementDraft.region_id == bindparam("region_id"), AgreementDraft.agreement == "moa")
    .order_by(AgreementDraft.version.desc())
    .limit(1)
)


def audiensi_date(session: Session, region: Region) -> date | None:
    return session.connection().scalar(_AUDIENSI_DAY, {"region_id": region.id})


def latest_letter(
    session: Session, region: Region, kind: str, step: int | None = None
) -> Row[str, date, str] | None:
    """The region's latest letter of `kind` that can be cited (number, issued_on, subject)."""
    conn = session.connection()
    if step is None:
        return conn.execute(_CITED, {"region_id": region.id, "kind": kind}).first()
    return conn.execute(_CITED_STEP, {"region_id": region.id, "kind": kind, "step": step}).first()


def escalation(session: Session, region: Region, extra: dict[str, Any]) -> dict[str, Any] | None:
    """For the sweep's escalation (`letter_extra.escalation`): the unanswered submission
    letter, so the audience request says why it is asked, not "let us introduce AKSANSI"."""
    if not extra.get("escalation"):
        return None
    submitted = latest_letter(session, region, "moa_submission")
    return {"ref": None if submitted is None else letter_ref(submitted)}


def letter_ref(letter: Any) -> dict[str, Any]:
    """A letter as a later one cites it (a register row, or a `Letter`)."""
    return {"nomor": letter.number, "tanggal": letter.issued_on, "hal": letter.subject}


def incoming(session: Session, region: Region, number: str | None) -> dict[str, Any] | None:
    """The incoming letter to cite (`--reply-to NUMBER`), or None."""
    if not number:
        return None
    row = session.scalar(
        select(IncomingLetter).where(
            IncomingLetter.region_id == region.id, IncomingLetter.number == number
        )
    )
    if row is None:
        known = session.scalars(
            select(IncomingLetter.number).where(IncomingLetter.region_id == region.id)
        ).all()
        listed = ", ".join(known) if known else _("none yet")
        raise InvalidInput(
            _(
                "no incoming letter {number} is recorded for {name} (recorded: "
                "{listed}); record it with: aksansi letter receive {code} --number N "
                "--date D --subject S."
            ).format(number=number, name=region.name, listed=listed, code=region.code)
        )
    sender = row.sender or f"Pemerintah {region.name}"
    return {"nomor": row.number, "tanggal": row.dated, "hal": row.subject, "pengirim": sender}


def approvals(session: Session, region: Region) -> dict[str, Any]:
    """What the approval letters (`tkksd_request` …) quote: the submission letter of the
    draft PKS if it is in the register, the OPD head who is to sign (a recorded
    `Kepala Dinas …`, else None) and why the DPRD must approve (the MoA draft's answers)."""
    submitted = latest_letter(session, region, "moa_submission")
    draft = session.scalars(
        select(AgreementDraft)
        .where(AgreementDraft.region_id == region.id, AgreementDraft.agreement == "moa")
        .order_by(AgreementDraft.version.desc())
        .limit(1)
    ).first()
    office = technical_office(session, region)
    return {
        "pengajuan": None if submitted is None else letter_ref(submitted),
        "kepala_opd": None if office is None else f"{office} {region.name}",
        "tahun_jamak": bool(draft is not None and draft.multi_year),
        "belum_dianggarkan": bool(draft is not None and draft.unbudgeted),
    }


def latest_moa(session: Session, region: Region) -> dict[str, Any] | None:
    draft = session.connection().execute(_LATEST_MOA, {"region_id": region.id}).first()
    if draft is not None:
        return {"judul": draft.subject, "nilai": draft.budget, "versi": draft.version}
    if region.subject:
        return {"judul": region.subject, "nilai": None, "versi": None}
    return None


def document_meta(settings: dict[str, str | None], *, title: str, dated: date) -> DocumentMeta:
    """How a letter or agreement is dressed in HTML and Word: the organisation as author,
    the document's date, the font of `letter.font`, the letterhead logo of `org.logo`."""
    from documents.errors import DocumentError
    from documents.meta import parse_font

    try:
        font, size = parse_font(settings.get("letter.font"))
    except DocumentError as exc:
        raise InvalidInput(exc.message) from None
    return DocumentMeta(
        title=title,
        author=settings.get("org.name") or "",
        dated=dated,
        font=font,
        size=size,
        logo=_logo(settings.get("org.logo")),
    )


def _logo(path: str | None) -> bytes | None:
    if not path:
        return None
    from documents.errors import DocumentError
    from documents.meta import check_png

    try:
        return check_png(Path(path).read_bytes(), path)
    except (OSError, DocumentError):
        raise MissingField(
            _(
                "the letterhead logo {path} (org.logo) cannot be read as a PNG image; set it "
                "again with: aksansi config set org.logo PATH."
            ).format(path=path)
        ) from None
