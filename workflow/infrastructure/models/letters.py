"""The outgoing letters as sent (*agenda surat keluar*)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base


class Letter(Base):
    """An outgoing letter as sent (*agenda surat keluar*)."""

    __tablename__ = "letter"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    step: Mapped[int] = mapped_column(default=1)
    year: Mapped[int]
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(String(80), unique=True)
    issued_on: Mapped[date]
    subject: Mapped[str] = mapped_column(String(300))  # the Hal line
    addressee: Mapped[str] = mapped_column(String(300))
    template: Mapped[str] = mapped_column(String(120))
    template_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)  # the rendered Markdown, exactly as sent
    files: Mapped[dict[str, Any]] = mapped_column(default=dict)  # format → path
    actor: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
    # Void (*dibatalkan*): the number stays in the register, never reused or cited.
    voided_on: Mapped[date | None]
    voided_by: Mapped[str | None] = mapped_column(String(80))
    void_note: Mapped[str | None] = mapped_column(Text)
    sent_on: Mapped[date | None]  # tanggal kirim (`letter sent`); None: not sent yet
    sent_via: Mapped[str | None] = mapped_column(String(10))  # states/dispatch.VIA
    sent_by: Mapped[str | None] = mapped_column(String(80))

    __table_args__ = (
        UniqueConstraint("year", "seq"),
        Index("ix_letter_region_id_kind", "region_id", "kind"),
    )
