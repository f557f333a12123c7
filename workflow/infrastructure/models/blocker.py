"""A blocker: one reason a region is stuck, opened and (later) resolved, by whom and when."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, ForeignKey, Index, String, Text, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base
from workflow.infrastructure.sql import days_between


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

    @hybrid_property
    def is_open(self) -> bool:
        """Neither resolved nor voided: the one definition every open-blocker query uses."""
        return self.resolved_on is None and self.voided_on is None

    @is_open.inplace.expression
    @classmethod
    def _is_open_expression(cls) -> ColumnElement[bool]:
        return and_(cls.resolved_on.is_(None), cls.voided_on.is_(None))


# `blocker stats` (domain/blockers/costs.stats_up_to) reads these instead of the whole log:
# the durations in (type, days) order, so grouping them walks one index without a sort,
# and a seek per type and region for "was it ever blocked". Each carries the columns its
# query filters on, so the table is not read. No partial index (`…_where`): naming a
# PostgreSQL option here would load its dialect (~100 ms) wherever a blocker is read.
Index(
    "ix_blocker_type_days",
    Blocker.type,
    days_between(Blocker.resolved_on, Blocker.opened_on),
    Blocker.resolved_on,
    Blocker.opened_on,
    Blocker.voided_on,
)
Index(
    "ix_blocker_type_region_id",
    Blocker.type,
    Blocker.region_id,
    Blocker.opened_on,
    Blocker.voided_on,
)
