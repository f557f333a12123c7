"""What a PKS (MoA) draft is made of beyond its subject, budget and term: who signs for the
Pemda and on what authority, how it is funded, the budget lines of Lampiran II, the
technical mechanism of Lampiran I and the KSMs of Lampiran III.

Each is checked before anything is rendered: a refusal is one sentence naming the
option and what to give instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from states.agreements import DEFAULT_OPD, FUNDING_BY_ID, FUNDING_IDS, SIGNATORY_IDS
from workflow.domain.inputs import unprintable, whole_rupiah
from workflow.errors import BadFile, InvalidInput, MissingField
from workflow.i18n import _
from workflow.infrastructure.models import AgreementDraft, Region

AMOUNT_RE = re.compile(r"^(?:Rp\s?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,0{1,2})?$")
MAX_MECHANISM_BYTES = 200_000
BLANK = "……………………"


@dataclass(frozen=True)
class MoaOptions:
    """The MoA-only options of `moa draft`, as given (None / empty: carry over)."""

    budget_items: tuple[str, ...] = ()
    mechanism: Path | str | None = None
    signatory: str | None = None
    funding: str | None = None
    multi_year: bool | None = None  # the DPRD triggers (states/approvals.py)
    unbudgeted: bool | None = None


@dataclass(frozen=True)
class MoaTerms:
    """The terms a version is rendered and stored with."""

    signatory: str
    funding: str
    budget: int | None
    budget_items: list[list[Any]]  # [[name, amount], …]; empty: Lampiran II is one line
    mechanism: str | None  # the Markdown of a --mechanism file; None: the structured default
    multi_year: bool = False  # burdens the APBD over several years
    unbudgeted: bool = False  # spending not yet in the APBD


def _rupiah(amount: int) -> str:
    from documents.filters import rupiah

    return rupiah(amount)


def parse_budget_items(items: tuple[str, ...]) -> list[list[Any]]:
    """`"Pelatihan KSM=25.000.000"` → [["Pelatihan KSM", 25000000]], each checked."""
    parsed: list[list[Any]] = []
    for item in items:
        name, equals, amount = item.rpartition("=")
        name = " ".join(name.split())
        if not equals:
            raise InvalidInput(
                _(
                    "the budget item {item!r} has no '='; write it as NAME=AMOUNT, "
                    'e.g. --budget-item "Pelatihan KSM=25000000".'
                ).format(item=item)
            )
        if not name:
            raise InvalidInput(
                _("the budget item {item!r} has no name before '='.").format(item=item)
            )
        match = AMOUNT_RE.match(amount.strip())
        value = whole_rupiah(match.group(1), f"--budget-item {name!r}") if match else 0
        if value <= 0:
            raise InvalidInput(
                _(
                    "the amount of budget item {name!r} ({amount!r}) is not a positive whole "
                    "number of rupiah; write it like 25000000 or 25.000.000."
                ).format(name=name, amount=amount.strip())
            )
        parsed.append([name, value])
    return parsed


def check_sum(items: list[list[Any]], budget: int) -> None:
    """The lines of Lampiran II must add up to the amount in Pasal 7."""
    total = sum(amount for _name, amount in items)
    if total == budget:
        return
    gap = abs(budget - total)
    if total < budget:
        message = _(
            "the budget items add up to {total}, {gap} less than --budget {budget}; "
            "make them add up to the budget."
        )
    else:
        message = _(
            "the budget items add up to {total}, {gap} more than --budget {budget}; "
            "make them add up to the budget."
        )
    raise InvalidInput(
        message.format(total=_rupiah(total), gap=_rupiah(gap), budget=_rupiah(budget))
    )


def read_mechanism(path: Path) -> str:
    """The text of a `--mechanism` file: an existing, non-empty UTF-8 Markdown file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadFile(
            _("the mechanism file {path} does not exist; give the path of a .md file.").format(
                path=path
            )
        ) from None
    except (IsADirectoryError, OSError) as exc:
        raise BadFile(
            _("cannot read the mechanism file {path}: {reason}.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    if len(data) > MAX_MECHANISM_BYTES:
        raise BadFile(
            _("the mechanism file {path} is larger than 200 KB; an annex is a few pages.").format(
                path=path
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadFile(
            _(
                "the mechanism file {path} is not UTF-8 text; save it as UTF-8 and try again."
            ).format(path=path)
        ) from None
    if not text.strip():
        raise BadFile(_("the mechanism file {path} is empty.").format(path=path))
    code = unprintable(text.replace("\r\n", "\n"))
    if code is not None:
        raise BadFile(
            _(
                "the mechanism file {path} holds the control character {code}, which a letter "
                "cannot print; remove it."
            ).format(path=path, code=code)
        )
    return text.strip() + "\n"


def _choice(value: str | None, valid: tuple[str, ...], option: str) -> str | None:
    if value is None or value in valid:
        return value
    raise InvalidInput(
        _("unknown {option} {value!r}; use one of: {valid}.").format(
            option=option, value=value, valid=", ".join(valid)
        )
    )


def resolve_terms(
    options: MoaOptions, budget: int | None, budget_given: bool, previous: AgreementDraft | None
) -> MoaTerms:
    """The version's terms: what was given, else what the previous version had."""
    signatory = _choice(options.signatory, SIGNATORY_IDS, "--signatory")
    funding = _choice(options.funding, FUNDING_IDS, "--funding")
    signatory = signatory or (previous.signatory if previous else None) or "head"
    if funding == "none":
        if budget_given:
            raise InvalidInput(
                _(
                    "--funding none means no money passes between the parties, so it takes no "
                    "--budget; drop --budget or choose --funding apbd, hibah or swakelola."
                )
            )
        budget = None
    items = parse_budget_items(options.budget_items)
    if items:
        if funding == "none":
            raise InvalidInput(_("--funding none takes no --budget-item."))
        budget = sum(a for _n, a in items) if budget is None else budget
        check_sum(items, budget)
    elif previous is not None and previous.budget == budget and previous.budget_items:
        items = [list(item) for item in previous.budget_items]
    funding = funding or _carried_funding(previous, budget)
    if FUNDING_BY_ID[funding]["needs_budget"] and budget is None:
        raise InvalidInput(
            _(
                "--funding {funding} needs the amount: give --budget RUPIAH (and its "
                "--budget-item lines), or --funding none."
            ).format(funding=funding)
        )
    mechanism = read_mechanism(Path(options.mechanism)) if options.mechanism else None
    if mechanism is None and previous is not None:
        mechanism = previous.mechanism
    multi_year = _carried_flag(options.multi_year, previous.multi_year if previous else None)
    unbudgeted = _carried_flag(options.unbudgeted, previous.unbudgeted if previous else None)
    return MoaTerms(signatory, funding, budget, items, mechanism, multi_year, unbudgeted)


def _carried_flag(given: bool | None, previous: bool | None) -> bool:
    return bool(previous) if given is None else given


def _carried_funding(previous: AgreementDraft | None, budget: int | None) -> str:
    """The previous version's form when it still fits the budget; else APBD or none."""
    carried = previous.funding if previous is not None else None
    if carried and FUNDING_BY_ID[carried]["needs_budget"] == (budget is not None):
        return carried
    return "apbd" if budget is not None else "none"


def office_name(position: str | None, region: Region) -> str:
    """`Kepala Dinas PUPR` → `Dinas PUPR Kota Mojokerto`; unknown → the generic phrase."""
    if not position:
        return DEFAULT_OPD
    office = position[len("Kepala ") :] if position.lower().startswith("kepala ") else position
    return f"{office} {region.name}"


def first_party(
    session: Session, region: Region, signatory: str, head_name: str | None
) -> dict[str, Any]:
    """PIHAK KESATU as the komparisi and the signature block write it."""
    government = f"Pemerintah {region.name}"
    head = f"{region.head_title} {region.short_name}"
    if signatory == "head":
        return {
            "nama": head_name or BLANK,
            "jabatan": head,
            "kewenangan": (
                f"dalam hal ini bertindak dalam jabatannya untuk dan atas nama {government}"
            ),
            "nip": None,
        }
    from workflow.domain.letters.context import technical_office
    from workflow.domain.officials.tenures import current_official

    position = technical_office(session, region)
    holder = None if position is None else current_official(session, region, position)
    if holder is None:
        raise MissingField(
            _(
                "--signatory opd needs the head of the technical office of {region}, who is not "
                'recorded; record it with: aksansi official set {code} --position "Kepala Dinas '
                'PUPR" --name NAME (or sign as the head of region: --signatory head).'
            ).format(region=region.name, code=region.code)
        )
    return {
        "nama": holder.name,
        "jabatan": f"{position} {region.name}",
        "kewenangan": (
            f"dalam hal ini bertindak untuk dan atas nama {government} berdasarkan Surat Kuasa "
            f"{head} Nomor …… tanggal ……"
        ),
        "nip": BLANK,
    }


def funding_context(session: Session, region: Region, terms: MoaTerms) -> dict[str, Any]:
    from workflow.domain.letters.context import technical_office

    opd = office_name(technical_office(session, region), region)
    sumber = FUNDING_BY_ID[terms.funding]["sumber"].format(pemda=region.name, opd=opd)
    return {"bentuk": terms.funding, "opd": opd, "sumber": sumber}


def budget_annex(terms: MoaTerms) -> dict[str, Any]:
    """Lampiran II: the budget lines, or the total on one line marked to be detailed."""
    if terms.budget_items:
        rows = [{"uraian": name, "jumlah": amount} for name, amount in terms.budget_items]
        return {"rincian": rows, "dirinci": True}
    line = "Biaya pelaksanaan Perjanjian (rincian disusun dan disepakati PARA PIHAK)"
    return {"rincian": [{"uraian": line, "jumlah": terms.budget or 0}], "dirinci": False}


def ksm_annex(session: Session, region: Region) -> list[dict[str, str]]:
    """Lampiran III: every facility of every KSM of the region, with its latest status."""
    from states.ksm_rubric import LABELS_ID
    from workflow.domain.ksm import registry

    rows = []
    for ksm in registry.region_ksms(session, [region.id]):
        for facility in ksm.facilities:
            visit = registry.latest(facility)
            if visit is None:
                status = "Belum dikunjungi"
            else:
                status = LABELS_ID.get(visit.status_fungsi or "", "Tidak diisi")
            rows.append(
                {
                    "nama": ksm.name,
                    "desa": ksm.desa or "–",
                    "kecamatan": ksm.kecamatan or "–",
                    "sarana": LABELS_ID.get(facility.kind, facility.kind),
                    "status": status,
                }
            )
    return rows
