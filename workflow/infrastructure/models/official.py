"""An official: a position at a Pemda held by one person for a period (domain.md §2).

A new holder ends the previous tenure (`until`, `ended_by`) instead of overwriting it,
so a rotation is visible and the region's current counterpart is the open tenure.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base


class Official(Base):
    __tablename__ = "official"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    position: Mapped[str] = mapped_column(String(160))  # as written: "Kepala Dinas PUPR"
    position_key: Mapped[str] = mapped_column(String(160))  # folded, to match the position
    institution: Mapped[str | None] = mapped_column(String(160))
    name: Mapped[str] = mapped_column(String(160))
    email: Mapped[str | None] = mapped_column(String(160))
    phone: Mapped[str | None] = mapped_column(String(40))
    since: Mapped[date]
    until: Mapped[date | None]  # None: holds the position now
    recorded_by: Mapped[str] = mapped_column(String(80))
    ended_by: Mapped[str | None] = mapped_column(String(80))  # who recorded the end
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("official.id"))
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_official_region_id_until", "region_id", "until"),)

    @property
    def is_current(self) -> bool:
        return self.until is None
