"""A blocker: one reason a region is stuck, opened and (later) resolved, by whom and when."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base


class Blocker(Base):
    __tablename__ = "blocker"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40), index=True)  # states.blockers id
    note: Mapped[str | None] = mapped_column(Text)
    opened_on: Mapped[date]
    opened_by: Mapped[str] = mapped_column(String(80))
    automatic: Mapped[bool] = mapped_column(default=False)  # opened by the engine, not a person
    resolved_on: Mapped[date | None]  # None while open
    resolved_by: Mapped[str | None] = mapped_column(String(80))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    voided_on: Mapped[date | None]  # opened by mistake: kept in the log, counted nowhere
    voided_by: Mapped[str | None] = mapped_column(String(80))
    void_note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_blocker_region_id_resolved_on", "region_id", "resolved_on"),)

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None and self.voided_on is None
