"""The checklist before the PKS is signed (`states/approvals.py`): which items apply to a
region, which are done, and recording one inside the caller's transaction.

An approval is an `approval` audit row (occurred_on = the day the Pemda completed it);
`aksansi undo` reverts it like a milestone. Recording an item cancels its reminder
(`states/reminders.py`, `on_approval`); the undo puts that reminder back. Whether
`dprd_approval` and `power_of_attorney` apply is read from the latest MoA draft's row
(`--multi-year`, `--unbudgeted`, `--signatory opd`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import approvals as spec
from workflow.domain import audit, clock, reactions
from workflow.errors import InvalidInput, PolicyViolation
from workflow.i18n import _
from workflow.infrastructure.models import AgreementDraft, AuditEntry, Region


@dataclass(frozen=True)
class ApprovalStatus:
    item: str
    label: str
    applicable: bool
    done_on: date | None
    by: str | None
    reference: str | None
    entry_id: int | None


def applies(item: spec.ApprovalItem, draft: dict[str, Any] | None) -> bool:
    """Whether `item` is on the checklist, given the latest MoA draft's answers."""
    answers = draft or {}
    if item["applies"] == "dprd_trigger":
        return bool(answers.get("multi_year") or answers.get("unbudgeted"))
    if item["applies"] == "opd_signatory":
        return answers.get("signatory") == "opd"
    return True


def checklists(session: Session, region_ids: Iterable[int]) -> dict[int, list[ApprovalStatus]]:
    """Every region's checklist, in two queries whatever the number of regions."""
    ids = list(region_ids)
    drafts = _latest_moa_drafts(session, ids)
    done = _recorded(session, ids)
    return {
        region_id: [
            status_of(item, drafts.get(region_id), done.get((region_id, item["id"])))
            for item in spec.ITEMS
        ]
        for region_id in ids
    }


def checklist(session: Session, region: Region) -> list[ApprovalStatus]:
    return checklists(session, [region.id])[region.id]


def missing(statuses: list[ApprovalStatus]) -> list[str]:
    """The applicable items not yet done, in the checklist's order."""
    return [s.item for s in statuses if s.applicable and s.done_on is None]


def record(
    session: Session,
    region: Region,
    item_id: str,
    *,
    on: date,
    reference: str | None,
    note: str | None,
    actor: str,
) -> AuditEntry:
    item = spec.ITEMS_BY_ID.get(item_id)
    if item is None:
        raise InvalidInput(
            _("Unknown approval item '{item}'; the items are: {known}.").format(
                item=item_id, known=", ".join(spec.ITEMS_BY_ID)
            )
        )
    status = next(s for s in checklist(session, region) if s.item == item_id)
    _check_recordable(region, status, on, _first_moa_draft_on(session, region.id))
    entry = audit.record(
        session,
        region=region,
        kind="approval",
        actor=actor,
        occurred_on=on,
        note=note,
        item=item_id,
        reference=reference,
    )
    reactions.after_approval_recorded(session, region, entry)
    return entry


def _check_recordable(
    region: Region, status: ApprovalStatus, on: date, first_draft: date | None
) -> None:
    if not status.applicable:
        raise PolicyViolation(
            _(
                "{item} does not apply to {region}: its latest MoA draft was not made with "
                "the options that call for it."
            ).format(item=status.item, region=region.name)
        )
    if status.done_on is not None:
        raise PolicyViolation(
            _("{item} of {region} is already recorded, done on {on}.").format(
                item=status.item, region=region.name, on=status.done_on.isoformat()
            )
        )
    if on > clock.today():
        raise InvalidInput(
            _("{on} is in the future; record an approval once it is done.").format(
                on=on.isoformat()
            )
        )
    if first_draft is not None and on < first_draft:
        raise InvalidInput(
            _("{on} is before {region}'s first MoA draft ({draft}).").format(
                on=on.isoformat(), region=region.name, draft=first_draft.isoformat()
            )
        )


def status_of(
    item: spec.ApprovalItem, draft: dict[str, Any] | None, entry: AuditEntry | None
) -> ApprovalStatus:
    """One item given the latest MoA draft's answers and its `approval` row, if any."""
    details = entry.details if entry is not None else {}
    return ApprovalStatus(
        item=item["id"],
        label=item["label_id"],
        applicable=applies(item, draft),
        done_on=entry.occurred_on if entry is not None else None,
        by=entry.actor if entry is not None else None,
        reference=(details or {}).get("reference"),
        entry_id=entry.id if entry is not None else None,
    )


def _latest_moa_drafts(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each region's latest MoA draft's answers (signatory and the DPRD triggers)."""
    rows = session.execute(
        select(
            AgreementDraft.region_id,
            AgreementDraft.signatory,
            AgreementDraft.multi_year,
            AgreementDraft.unbudgeted,
        )
        .where(AgreementDraft.region_id.in_(ids), AgreementDraft.agreement == "moa")
        .order_by(AgreementDraft.version)
    )
    return {
        row.region_id: {
            "signatory": row.signatory,
            "multi_year": row.multi_year,
            "unbudgeted": row.unbudgeted,
        }
        for row in rows
    }


def _recorded(session: Session, ids: list[int]) -> dict[tuple[int, str], AuditEntry]:
    rows = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.kind == spec.AUDIT_KIND,
            AuditEntry.region_id.in_(ids),
            AuditEntry.reverted_by_id.is_(None),
        )
        .order_by(AuditEntry.id)
    )
    return {(row.region_id or 0, str(row.details["item"])): row for row in rows}


def _first_moa_draft_on(session: Session, region_id: int) -> date | None:
    return session.scalar(
        select(AgreementDraft.drafted_on)
        .where(AgreementDraft.region_id == region_id, AgreementDraft.agreement == "moa")
        .order_by(AgreementDraft.version)
        .limit(1)
    )
