"""Use cases of `aksansi approvals` and `aksansi approve`: the checklist before the PKS."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workflow.domain import approvals
from workflow.domain.approvals import ApprovalStatus
from workflow.domain.regions import resolve
from workflow.infrastructure.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ChecklistView:
    region: str
    region_name: str
    state: str
    items: list[ApprovalStatus]
    missing: list[str]


def show_checklist(uow: UnitOfWork, region_text: str) -> ChecklistView:
    with uow:
        region = resolve(uow.session, region_text)
        items = approvals.checklist(uow.session, region)
        return ChecklistView(
            region.code, region.name, region.state, items, approvals.missing(items)
        )


def approve(
    uow: UnitOfWork,
    region_text: str,
    item: str,
    *,
    on: date,
    reference: str | None,
    note: str | None,
    actor: str,
) -> ChecklistView:
    """Record that the Pemda completed one item; answer with the checklist as it is now."""
    with uow:
        region = resolve(uow.session, region_text)
        approvals.record(
            uow.session, region, item, on=on, reference=reference, note=note, actor=actor
        )
        uow.session.flush()
        items = approvals.checklist(uow.session, region)
        view = ChecklistView(
            region.code, region.name, region.state, items, approvals.missing(items)
        )
        uow.commit()
    return view
