"""The region's signed Kesepakatan Bersama (KB): recording it, and citing it.

Letters and the PKS cite the KB as "Kesepakatan Bersama Nomor X dan Nomor Y tanggal D"
(one number per party, domain.md §7.1). Where the KB is not recorded, a document that
cites it is refused with the `mou record` command to run (`MissingField`, with that
command as its `fix`); a preview shows marked blanks instead (`PREVIEW`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.domain import audit, clock, reactions
from workflow.errors import InvalidInput, MissingField
from workflow.i18n import _
from workflow.infrastructure.models import AgreementDraft, MouRecord, Region

DEFAULT_YEARS = 5  # the MoU template's default term, when no draft says otherwise
MAX_NUMBER_LENGTH = 120
PREVIEW_BLANKS = ("[nomor KB Pemda belum dicatat]", "[nomor KB AKSANSI belum dicatat]")
PREVIEW_DATE = "[tanggal KB belum dicatat]"


def phrase(number_pemda: str, number_aksansi: str, day_text: str) -> str:
    """The one wording every document cites the KB with."""
    return f"Kesepakatan Bersama Nomor {number_pemda} dan Nomor {number_aksansi} tanggal {day_text}"


PREVIEW: dict[str, Any] = {  # what a preview prints where the KB is not recorded
    "nomor_pemda": PREVIEW_BLANKS[0],
    "nomor_aksansi": PREVIEW_BLANKS[1],
    "tanggal_teks": PREVIEW_DATE,
    "kutipan": phrase(*PREVIEW_BLANKS, PREVIEW_DATE),
    "tercatat": False,
}


@dataclass(frozen=True)
class KbTerms:
    """What `mou record` (or `advance … sign_mou` with its options) was given."""

    number_pemda: str | None
    number_aksansi: str | None
    signed_on: date | None
    years: int | None

    def given(self) -> bool:
        values = (self.number_pemda, self.number_aksansi, self.signed_on, self.years)
        return any(v is not None for v in values)


@dataclass(frozen=True)
class KbView:
    """The KB as recorded, for the command's answer (`--json`)."""

    region: str
    region_name: str
    number_pemda: str
    number_aksansi: str
    signed_on: date
    years: int
    expires_on: date
    replaced_earlier: bool
    by: str


def expiry(signed_on: date, years: int) -> date:
    """The last day of a term of `years` years from the signing day (that day counted)."""
    try:
        anniversary = signed_on.replace(year=signed_on.year + years)
    except ValueError:  # 29 February, in a year that has none
        anniversary = date(signed_on.year + years, 3, 1)
    return anniversary - timedelta(days=1)


def record_command(region: Region) -> str:
    return (
        f"aksansi mou record {region.code} --number-pemda N --number-aksansi N "
        "--signed-on YYYY-MM-DD"
    )


def latest(session: Session, region: Region) -> MouRecord | None:
    """The KB in force: the latest row recorded for the region."""
    return session.scalars(
        select(MouRecord)
        .where(MouRecord.region_id == region.id)
        .order_by(MouRecord.id.desc())
        .limit(1)
    ).first()


def citation(record: MouRecord) -> dict[str, Any]:
    """What a template prints: `{{ kb.kutipan }}` is "Kesepakatan Bersama Nomor X dan Nomor
    Y tanggal D"; the parts are there too."""
    from documents.filters import tanggal

    return {
        "kutipan": phrase(record.number_pemda, record.number_aksansi, tanggal(record.signed_on)),
        "nomor_pemda": record.number_pemda,
        "nomor_aksansi": record.number_aksansi,
        "tanggal": record.signed_on,
        "tanggal_teks": tanggal(record.signed_on),
        "tahun": record.years,
        "berlaku_sampai": record.expires_on,
        "tercatat": True,
    }


def missing(region: Region, what: str) -> MissingField:
    command = record_command(region)
    error = MissingField(
        _(
            "{what} cites the Kesepakatan Bersama (KB) of {region}, whose numbers and signing "
            "date are not recorded; record them with: {command}."
        ).format(what=what, region=region.name, command=command),
        fix=command,
    )
    return error


def cited(session: Session, region: Region, what: str, *, preview: bool = False) -> dict[str, Any]:
    """The KB to cite; refused (or, for a preview, marked blanks) when not recorded."""
    record = latest(session, region)
    if record is not None:
        return citation(record)
    if preview:
        return dict(PREVIEW)
    raise missing(region, what)


def as_json(record: MouRecord | None) -> dict[str, Any] | None:
    """`region show --json` → `kb`."""
    if record is None:
        return None
    return {
        "number_pemda": record.number_pemda,
        "number_aksansi": record.number_aksansi,
        "signed_on": record.signed_on.isoformat(),
        "years": record.years,
        "expires_on": record.expires_on.isoformat(),
        "recorded_by": record.actor,
    }


def _clean_number(value: str | None, option: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise InvalidInput(
            _("{option} is empty; give the number as written on the signed KB.").format(
                option=option
            )
        )
    if len(text) > MAX_NUMBER_LENGTH:
        raise InvalidInput(
            _("{option} is longer than {limit} characters; give the number only.").format(
                option=option, limit=MAX_NUMBER_LENGTH
            )
        )
    return text


def checked(terms: KbTerms, default_years: int, default_day: date) -> tuple[str, str, date, int]:
    """The terms validated: numbers given and not empty, a signing day not in the future,
    a positive term."""
    pemda = _clean_number(terms.number_pemda, "--number-pemda")
    aksansi = _clean_number(terms.number_aksansi, "--number-aksansi")
    day = terms.signed_on or default_day
    if day > clock.today():
        raise InvalidInput(
            _("the KB signing date {day} is in the future; record a KB once it is signed.").format(
                day=day.isoformat()
            )
        )
    years = default_years if terms.years is None else terms.years
    if years <= 0:
        raise InvalidInput(
            _("--years must be a positive number of years, not {years}.").format(years=years)
        )
    return pemda, aksansi, day, years


def record(
    session: Session,
    region: Region,
    terms: KbTerms,
    *,
    actor: str,
    default_years: int,
    default_day: date,
) -> MouRecord:
    """Add the KB row and its audit row (no commit: the caller's transaction)."""
    pemda, aksansi, day, years = checked(terms, default_years, default_day)
    previous = latest(session, region)
    row = MouRecord(
        region_id=region.id,
        number_pemda=pemda,
        number_aksansi=aksansi,
        signed_on=day,
        years=years,
        expires_on=expiry(day, years),
        actor=actor,
        created_at=clock.utcnow(),
    )
    session.add(row)
    session.flush()
    entry = audit.record(
        session,
        region=region,
        kind="mou_recorded",
        actor=actor,
        occurred_on=day,
        note=f"Kesepakatan Bersama Nomor {pemda} dan Nomor {aksansi}",
        mou_record_id=row.id,
        number_pemda=pemda,
        number_aksansi=aksansi,
        signed_on=day.isoformat(),
        years=years,
        expires_on=row.expires_on.isoformat(),
        replaces=None if previous is None else previous.id,
    )
    reactions.after_kb_recorded(session, region, entry)
    return row


def default_years(session: Session, region: Region) -> int:
    """The term of the region's latest MoU draft, else the template's default."""
    years = session.scalar(
        select(AgreementDraft.years)
        .where(AgreementDraft.region_id == region.id, AgreementDraft.agreement == "mou")
        .order_by(AgreementDraft.version.desc())
        .limit(1)
    )
    return years or DEFAULT_YEARS


def record_in(session: Session, region: Region, terms: KbTerms, *, actor: str, day: date) -> KbView:
    """Record the KB inside the caller's transaction (`mou record`, `advance … sign_mou`)."""
    earlier = latest(session, region) is not None
    row = record(
        session,
        region,
        terms,
        actor=actor,
        default_years=default_years(session, region),
        default_day=day,
    )
    return KbView(
        region.code,
        region.name,
        row.number_pemda,
        row.number_aksansi,
        row.signed_on,
        row.years,
        row.expires_on,
        earlier,
        actor,
    )
