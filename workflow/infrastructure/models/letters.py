"""The Secretariat's profile, the letter register and the agreement drafts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workflow.infrastructure.models.base import Base, JSONType


class Setting(Base):
    """One `config set` value, shared by every coordinator of the database."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(80))


class LetterCounter(Base):
    """The last sequence number used in a year; locked (FOR UPDATE) while numbering."""

    __tablename__ = "letter_counter"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(default=0)


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
