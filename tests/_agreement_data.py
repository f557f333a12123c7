"""A region ready for its PKS: Kota Mojokerto with the profile, its officials, the signed KB
and a dozen KSMs with long names (the pre-monitoring data Lampiran III and the KSM
report print). Used by the agreement and report tests, and to look at the pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from _kb import record_kb
from _ksm_rows import failing_row, good_row, write_csv

from workflow.infrastructure.unit_of_work import UnitOfWork

REGION = "35.76"
HEAD_NAME = "Hj. Ika Puspitasari, S.E."
OPD_HEAD = "Ir. Bambang Wahyudi Kusumaningrat, M.T."
SIGNATORY = "Dr. Sri Rahayu Kusumawardhani"
PROFILE = {
    "org.name": "Asosiasi KSM Sanitasi Seluruh Indonesia (AKSANSI)",
    "org.address": "Jl. Kaliurang Km 7, Sleman, Daerah Istimewa Yogyakarta",
    "org.city": "Yogyakarta",
    "signatory.name": SIGNATORY,
    "signatory.position": "Ketua Umum AKSANSI",
}
KSM_NAMES = [
    ("KSM Sido Rukun Makmur Sejahtera", "Kranggan", "Prajurit Kulon", "ipal_komunal"),
    ("KSM Tirto Wening", "Miji", "Kranggan", "mck_plus_sr"),
    ("KSM Sanitasi Bersih Lestari Wates", "Wates", "Magersari", "ipal_komunal"),
    ("KSM Mawar Merah", "Gedongan", "Magersari", "mck_plus"),
    ("KSM Ngudi Resik", "Balongsari", "Magersari", "ipal_komunal"),
    ("KSM Guyub Rukun Kedundung", "Kedundung", "Magersari", "mck_plus_sr"),
    ("KSM Banyu Bening", "Pulorejo", "Prajurit Kulon", "ipal_komunal"),
    ("KSM Sumber Makmur Surodinawan", "Surodinawan", "Prajurit Kulon", "tangki_septik_komunal"),
    ("KSM Kali Brantas Asri", "Blooto", "Prajurit Kulon", "ipal_komunal"),
    ("KSM Karya Mandiri", "Meri", "Kranggan", "mck_plus"),
    ("KSM Sehat Sentosa Jagalan", "Jagalan", "Kranggan", "ipal_komunal"),
    ("KSM Lestari Abadi Purwotengah", "Purwotengah", "Kranggan", "mck_plus_sr"),
]
BUDGET_ITEMS = [
    ("Pendataan dan verifikasi 12 sarana KSM", 126_500_000),
    ("Pelatihan pengurus dan operator KSM", 375_000_000),
    ("Penambahan sambungan rumah pada MCK Plus (retrofit)", 1_250_000_000),
    ("Pendampingan dan monitoring selama 12 bulan", 250_000_000),
]
BUDGET = sum(amount for _name, amount in BUDGET_ITEMS)  # 2.001.500.000


def ksm_rows() -> list[dict[str, str]]:
    rows = []
    for index, (name, desa, kecamatan, kind) in enumerate(KSM_NAMES):
        row = (failing_row if index % 4 == 3 else good_row)()
        rows.append(
            row
            | dict(
                wilayah=REGION,
                nama_ksm=name,
                desa=desa,
                kecamatan=kecamatan,
                jenis_sarana=kind,
                tanggal_kunjungan=f"2026-10-{index + 1:02d}",
                pengurus_aktif=str(1 + index % 4),
                tingkat_penagihan_persen=str(40 + 5 * index),
            )
        )
    return rows


def prepare(url: str, tmp_path: Path) -> None:
    """Seed, profile, officials, KB and KSMs for Kota Mojokerto."""
    from workflow.services.ksm_import import import_ksm_file
    from workflow.services.officials import set_official
    from workflow.services.seed import seed_portfolio
    from workflow.services.settings import set_setting

    seed_portfolio(UnitOfWork(url), actor="tester")
    for key, value in PROFILE.items():
        set_setting(UnitOfWork(url), key, value, actor="tester")
    for position, name in (("Wali Kota", HEAD_NAME), ("Kepala Dinas PUPR", OPD_HEAD)):
        set_official(
            UnitOfWork(url),
            REGION,
            position=position,
            name=name,
            actor="tester",
            since=date(2025, 2, 20),
        )
    record_kb(url, REGION)
    import_ksm_file(UnitOfWork(url), write_csv(tmp_path / "ksm.csv", ksm_rows()), actor="tester")


def budget_options() -> list[str]:
    options = ["--budget", str(BUDGET)]
    for name, amount in BUDGET_ITEMS:
        options += ["--budget-item", f"{name}={amount}"]
    return options
