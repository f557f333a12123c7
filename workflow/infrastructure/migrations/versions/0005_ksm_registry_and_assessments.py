"""KSM registry, facilities and pre-monitoring assessments

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import workflow.infrastructure.models.base


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ksm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("name_key", sa.String(length=160), nullable=False),
        sa.Column("kecamatan", sa.String(length=120), nullable=True),
        sa.Column("desa", sa.String(length=120), nullable=True),
        sa.Column("created_at", workflow.infrastructure.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_ksm_region_id_region"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ksm")),
        sa.UniqueConstraint("region_id", "name_key", name=op.f("uq_ksm_region_id_name_key")),
    )
    with op.batch_alter_table("ksm", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ksm_region_id"), ["region_id"], unique=False)

    op.create_table(
        "facility",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ksm_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("year_built", sa.Integer(), nullable=True),
        sa.Column("capacity_kk", sa.Integer(), nullable=True),
        sa.Column("sr_designed", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ksm_id"], ["ksm.id"], name=op.f("fk_facility_ksm_id_ksm"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facility")),
        sa.UniqueConstraint("ksm_id", "kind", name=op.f("uq_facility_ksm_id_kind")),
    )
    with op.batch_alter_table("facility", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_facility_ksm_id"), ["ksm_id"], unique=False)

    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", workflow.infrastructure.models.base.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("dasar_pembentukan", sa.String(length=32), nullable=True),
        sa.Column("sk_berlaku_sampai", sa.Date(), nullable=True),
        sa.Column("pengurus_aktif", sa.Integer(), nullable=True),
        sa.Column("ad_art_ada", sa.Boolean(), nullable=True),
        sa.Column("rapat_anggota_terakhir", sa.Date(), nullable=True),
        sa.Column("buku_administrasi", sa.String(length=200), nullable=True),
        sa.Column("status_fungsi", sa.String(length=32), nullable=True),
        sa.Column("sr_terpasang", sa.Integer(), nullable=True),
        sa.Column("sr_aktif", sa.Integer(), nullable=True),
        sa.Column("pengurasan_lumpur_terakhir", sa.Date(), nullable=True),
        sa.Column("tujuan_lumpur", sa.String(length=32), nullable=True),
        sa.Column("frekuensi_mampet_per_bulan", sa.Integer(), nullable=True),
        sa.Column("kebutuhan_perbaikan", sa.Text(), nullable=True),
        sa.Column("estimasi_biaya", sa.BigInteger(), nullable=True),
        sa.Column("rekening_bank", sa.String(length=32), nullable=True),
        sa.Column("iuran_per_kk_bulan", sa.BigInteger(), nullable=True),
        sa.Column("tingkat_penagihan_persen", sa.Float(), nullable=True),
        sa.Column("saldo_kas", sa.BigInteger(), nullable=True),
        sa.Column("pendapatan_bulanan", sa.BigInteger(), nullable=True),
        sa.Column("biaya_om_bulanan", sa.BigInteger(), nullable=True),
        sa.Column("pembukuan_kualitas", sa.String(length=32), nullable=True),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("rubric_version", sa.String(length=16), nullable=False),
        sa.Column("score_kelembagaan", sa.Integer(), nullable=False),
        sa.Column("score_teknis", sa.Integer(), nullable=False),
        sa.Column("score_keuangan", sa.Integer(), nullable=False),
        sa.Column("light_kelembagaan", sa.String(length=8), nullable=False),
        sa.Column("light_teknis", sa.String(length=8), nullable=False),
        sa.Column("light_keuangan", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["facility_id"],
            ["facility.id"],
            name=op.f("fk_assessment_facility_id_facility"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint(
            "facility_id", "visited_on", name=op.f("uq_assessment_facility_id_visited_on")
        ),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_facility_id"), ["facility_id"], unique=False
        )



def downgrade() -> None:
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_facility_id"))

    op.drop_table("assessment")
    with op.batch_alter_table("facility", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_facility_ksm_id"))

    op.drop_table("facility")
    with op.batch_alter_table("ksm", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ksm_region_id"))

    op.drop_table("ksm")
