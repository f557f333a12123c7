"""The agreement drafts: each version of a region's MoU or PKS (MoA)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base, JSONType


class AgreementDraft(Base):
    """One version of a region's draft Kesepakatan Bersama (mou) or PKS (moa)."""

    __tablename__ = "agreement_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    agreement: Mapped[str] = mapped_column(String(10))  # mou | moa
    version: Mapped[int]
    drafted_on: Mapped[date]
    subject: Mapped[str] = mapped_column(String(500))
    budget: Mapped[int | None] = mapped_column(BigInteger)  # whole rupiah
    years: Mapped[int]
    template_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    files: Mapped[dict[str, Any]] = mapped_column(default=dict)
    actor: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
    # MoA terms (None on a MoU, and on versions made before they existed)
    signatory: Mapped[str | None] = mapped_column(String(10))  # states.agreements: head | opd
    funding: Mapped[str | None] = mapped_column(String(12))  # apbd | hibah | swakelola | none
    budget_items: Mapped[list[Any] | None] = mapped_column(JSONType)  # [[name, rupiah], …]
    mechanism: Mapped[str | None] = mapped_column(Text)  # Lampiran I from --mechanism FILE.md
    # The DPRD triggers (`moa draft --multi-year --unbudgeted`, states/approvals.py)
    multi_year: Mapped[bool | None]
    unbudgeted: Mapped[bool | None]

    __table_args__ = (UniqueConstraint("region_id", "agreement", "version"),)
