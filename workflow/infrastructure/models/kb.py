"""The signed Kesepakatan Bersama (KB, the MoU) of a region: its two numbers, date and term.

A KB carries one number from each party (domain.md §7.1). `mou record` appends a row;
a correction is a new row, never an edit, so the latest row (highest id) is the KB in
force and the earlier ones stay as the record of what was once entered.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base


class MouRecord(Base):
    __tablename__ = "mou_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)
    number_pemda: Mapped[str] = mapped_column(String(120))
    number_aksansi: Mapped[str] = mapped_column(String(120))
    signed_on: Mapped[date]
    years: Mapped[int]
    expires_on: Mapped[date]  # the last day the KB is in force
    actor: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
