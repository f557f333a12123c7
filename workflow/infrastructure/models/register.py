"""The letter register's yearly numbering, and the letters received (*surat masuk*)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base


class LetterCounter(Base):
    """The last sequence number used in a year; locked (FOR UPDATE) while numbering."""

    __tablename__ = "letter_counter"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(default=0)


class IncomingLetter(Base):
    """A letter received from a Pemda (*surat masuk*), cited by later letters."""

    __tablename__ = "incoming_letter"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(120))
    dated: Mapped[date]
    subject: Mapped[str] = mapped_column(String(300))
    sender: Mapped[str | None] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("region_id", "number"),)
