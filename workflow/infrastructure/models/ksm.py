"""KSMs, the facilities they run, and the pre-monitoring visits (domain.md §8).

Natural keys keep imports idempotent: a KSM is unique by (region, folded name), a
facility by (KSM, kind), an assessment by (facility, visit day).
Money is whole rupiah (BigInteger); percentages are floats 0–100.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workflow.infrastructure.models.base import Base


class Ksm(Base):
    __tablename__ = "ksm"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    name_key: Mapped[str] = mapped_column(String(160))  # folded name: the natural key
    kecamatan: Mapped[str | None] = mapped_column(String(120))
    desa: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime]

    facilities: Mapped[list[Facility]] = relationship(
        back_populates="ksm", cascade="all, delete-orphan", order_by="Facility.id"
    )

    __table_args__ = (UniqueConstraint("region_id", "name_key"),)


class Facility(Base):
    __tablename__ = "facility"

    id: Mapped[int] = mapped_column(primary_key=True)
    ksm_id: Mapped[int] = mapped_column(ForeignKey("ksm.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # states.ksm_fields.FACILITY_KINDS
    year_built: Mapped[int | None]
    capacity_kk: Mapped[int | None]
    sr_designed: Mapped[int | None]

    ksm: Mapped[Ksm] = relationship(back_populates="facilities")
    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="facility", cascade="all, delete-orphan", order_by="Assessment.visited_on"
    )

    __table_args__ = (UniqueConstraint("ksm_id", "kind"),)


class Assessment(Base):
    """One pre-monitoring visit to one facility; scored when recorded."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(
        ForeignKey("facility.id", ondelete="CASCADE"), index=True
    )
    visited_on: Mapped[date]
    recorded_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    # kelembagaan
    dasar_pembentukan: Mapped[str | None] = mapped_column(String(32))
    sk_berlaku_sampai: Mapped[date | None]
    pengurus_aktif: Mapped[int | None]
    ad_art_ada: Mapped[bool | None]
    rapat_anggota_terakhir: Mapped[date | None]
    buku_administrasi: Mapped[str | None] = mapped_column(String(200))  # comma-separated
    # teknis
    status_fungsi: Mapped[str | None] = mapped_column(String(32))
    sr_terpasang: Mapped[int | None]
    sr_aktif: Mapped[int | None]
    pengurasan_lumpur_terakhir: Mapped[date | None]
    tujuan_lumpur: Mapped[str | None] = mapped_column(String(32))
    frekuensi_mampet_per_bulan: Mapped[int | None]
    kebutuhan_perbaikan: Mapped[str | None] = mapped_column(Text)
    estimasi_biaya: Mapped[int | None] = mapped_column(BigInteger)
    # keuangan
    rekening_bank: Mapped[str | None] = mapped_column(String(32))
    iuran_per_kk_bulan: Mapped[int | None] = mapped_column(BigInteger)
    tingkat_penagihan_persen: Mapped[float | None] = mapped_column(Float)
    saldo_kas: Mapped[int | None] = mapped_column(BigInteger)
    pendapatan_bulanan: Mapped[int | None] = mapped_column(BigInteger)
    biaya_om_bulanan: Mapped[int | None] = mapped_column(BigInteger)
    pembukuan_kualitas: Mapped[str | None] = mapped_column(String(32))
    catatan: Mapped[str | None] = mapped_column(Text)
    # scores (states/ksm_rubric.py, version below)
    rubric_version: Mapped[str] = mapped_column(String(16))
    score_kelembagaan: Mapped[int]
    score_teknis: Mapped[int]
    score_keuangan: Mapped[int]
    light_kelembagaan: Mapped[str] = mapped_column(String(8))
    light_teknis: Mapped[str] = mapped_column(String(8))
    light_keuangan: Mapped[str] = mapped_column(String(8))

    facility: Mapped[Facility] = relationship(back_populates="assessments")

    __table_args__ = (UniqueConstraint("facility_id", "visited_on"),)


# The visit's own fields, in sheet order (the columns above between `actor` and the scores).
ASSESSMENT_FIELDS = [
    "dasar_pembentukan",
    "sk_berlaku_sampai",
    "pengurus_aktif",
    "ad_art_ada",
    "rapat_anggota_terakhir",
    "buku_administrasi",
    "rekening_bank",
    "status_fungsi",
    "sr_terpasang",
    "sr_aktif",
    "pengurasan_lumpur_terakhir",
    "tujuan_lumpur",
    "frekuensi_mampet_per_bulan",
    "kebutuhan_perbaikan",
    "estimasi_biaya",
    "iuran_per_kk_bulan",
    "tingkat_penagihan_persen",
    "saldo_kas",
    "pendapatan_bulanan",
    "biaya_om_bulanan",
    "pembukuan_kualitas",
    "catatan",
]
