"""Draft agreements: the budget as typed, and the register as the lifecycle reads it."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workflow.domain.inputs import whole_rupiah
from workflow.errors import InvalidInput
from workflow.i18n import _
from workflow.infrastructure.models import AgreementDraft

BUDGET_RE = re.compile(r"^(?:Rp\s?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,0{1,2})?$")


def parse_budget(text: str | None) -> int | None:
    """`150000000`, `150.000.000` or `Rp150.000.000,00` → 150000000; else refused."""
    if text is None:
        return None
    match = BUDGET_RE.match(text.strip())
    value = whole_rupiah(match.group(1), "--budget") if match else 0
    if value <= 0:
        raise InvalidInput(
            _(
                "the budget {text!r} is not a positive whole number of rupiah; write it"
                " like 150000000 or 150.000.000."
            ).format(text=text)
        )
    return value


def moa_draft_count(session: Session, region_id: int) -> int:
    """How many MoA drafts a region has (the `submit_moa` guard asks)."""
    count = session.scalar(
        select(func.count())
        .select_from(AgreementDraft)
        .where(AgreementDraft.region_id == region_id, AgreementDraft.agreement == "moa")
    )
    return int(count or 0)
