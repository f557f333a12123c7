"""The KSM pre-monitoring sheet (domain.md §8), as data: one column per field.

The import, the template (`ksm template`) and the completeness check read this list,
so a field is added in one place. Enum values are stored lower-case; the import
accepts any case and spaces or hyphens for underscores (`Berfungsi baik`).

Types: `text`, `int` (a count: whole number 0–1,000,000), `money` (whole rupiah ≥ 0), `percent`
(0–100), `year`, `date` (not after today), `expiry` (a date that may be in the
future), `bool` (ya/tidak), `enum` (one of `values`), `set` (comma-separated values).
"""

from __future__ import annotations

from typing import Final, TypedDict


class Column(TypedDict):
    name: str
    type: str
    aspect: str  # identitas | kelembagaan | teknis | keuangan
    help: str
    values: list[str]


def _col(name: str, type_: str, aspect: str, help_: str, values: list[str] | None = None) -> Column:
    return {"name": name, "type": type_, "aspect": aspect, "help": help_, "values": values or []}


FACILITY_KINDS: Final = [
    "ipal_komunal",
    "mck_plus",
    "mck_plus_sr",
    "tangki_septik_komunal",
    "lainnya",
]
LEGAL_BASES: Final = [
    "sk_lurah",
    "sk_kades",
    "sk_camat",
    "sk_dinas",
    "akta_notaris",
    "sk_kemenkumham",
    "tidak_ada",
]
ADMIN_BOOKS: Final = ["buku_kas", "buku_anggota", "buku_inventaris", "notulen", "buku_tamu"]
BANK_ACCOUNTS: Final = ["tidak_ada", "atas_nama_ksm", "bersama_3_nama", "pribadi"]
FUNCTIONING: Final = ["berfungsi_baik", "berfungsi_sebagian", "tidak_berfungsi", "mangkrak"]
SLUDGE_DESTINATIONS: Final = ["iplt", "dibuang_sembarangan", "belum_pernah"]
BOOKKEEPING: Final = ["rapi", "ada_tidak_rutin", "tidak_ada"]

COLUMNS: Final[list[Column]] = [
    _col("wilayah", "text", "identitas", "Kode (33.75) atau nama kabupaten/kota. Wajib."),
    _col("nama_ksm", "text", "identitas", "Nama KSM pengelola. Wajib."),
    _col("kecamatan", "text", "identitas", "Nama kecamatan."),
    _col("desa", "text", "identitas", "Nama desa/kelurahan."),
    _col("jenis_sarana", "enum", "identitas", "Jenis sarana. Wajib.", FACILITY_KINDS),
    _col("tahun_bangun", "year", "identitas", "Tahun sarana dibangun (mis. 2015)."),
    _col("kapasitas_desain_kk", "int", "identitas", "Kapasitas desain (jumlah KK)."),
    _col("sr_desain", "int", "identitas", "Jumlah sambungan rumah (SR) menurut desain."),
    _col("tanggal_kunjungan", "date", "identitas", "Tanggal pre-monitoring (YYYY-MM-DD). Wajib."),
    _col("dasar_pembentukan", "enum", "kelembagaan", "Dasar hukum pembentukan KSM.", LEGAL_BASES),
    _col("sk_berlaku_sampai", "expiry", "kelembagaan", "Masa berlaku SK / masa bakti pengurus."),
    _col("pengurus_aktif", "int", "kelembagaan", "Jumlah pengurus yang masih aktif."),
    _col("ad_art_ada", "bool", "kelembagaan", "Punya AD/ART? (ya/tidak)"),
    _col("rapat_anggota_terakhir", "date", "kelembagaan", "Tanggal rapat anggota terakhir."),
    _col(
        "buku_administrasi",
        "set",
        "kelembagaan",
        "Buku yang ada, pisahkan dengan koma.",
        ADMIN_BOOKS,
    ),
    _col("rekening_bank", "enum", "keuangan", "Rekening bank KSM.", BANK_ACCOUNTS),
    _col("status_fungsi", "enum", "teknis", "Status fungsi sarana.", FUNCTIONING),
    _col("sr_terpasang", "int", "teknis", "Jumlah SR terpasang (boleh melebihi desain)."),
    _col("sr_aktif", "int", "teknis", "Jumlah SR aktif (tidak boleh melebihi SR terpasang)."),
    _col("pengurasan_lumpur_terakhir", "date", "teknis", "Tanggal pengurasan lumpur terakhir."),
    _col("tujuan_lumpur", "enum", "teknis", "Ke mana lumpur dibuang.", SLUDGE_DESTINATIONS),
    _col("frekuensi_mampet_per_bulan", "int", "teknis", "Berapa kali mampet per bulan."),
    _col("kebutuhan_perbaikan", "text", "teknis", "Kerusakan dan kebutuhan perbaikan."),
    _col("estimasi_biaya", "money", "teknis", "Perkiraan biaya perbaikan (rupiah)."),
    _col("iuran_per_kk_bulan", "money", "keuangan", "Iuran per KK per bulan (rupiah)."),
    _col(
        "tingkat_penagihan_persen",
        "percent",
        "keuangan",
        "Persentase wajib bayar yang membayar (0–100).",
    ),
    _col("saldo_kas", "money", "keuangan", "Saldo kas pada tanggal kunjungan (rupiah)."),
    _col("pendapatan_bulanan", "money", "keuangan", "Pendapatan rata-rata per bulan (rupiah)."),
    _col(
        "biaya_om_bulanan",
        "money",
        "keuangan",
        "Biaya operasi dan pemeliharaan per bulan (rupiah).",
    ),
    _col("pembukuan_kualitas", "enum", "keuangan", "Kualitas pembukuan.", BOOKKEEPING),
    _col("catatan", "text", "identitas", "Catatan masalah dan rekomendasi."),
]

COLUMN_NAMES: Final = [column["name"] for column in COLUMNS]

# A row cannot be imported without these cells.
REQUIRED_CELLS: Final = ["wilayah", "nama_ksm", "jenis_sarana", "tanggal_kunjungan"]

# Without these the KSM's data counts as incomplete (blocker `ksm_data_incomplete`).
REQUIRED_FOR_COMPLETENESS: Final = [
    "sr_desain",
    "dasar_pembentukan",
    "pengurus_aktif",
    "status_fungsi",
    "sr_terpasang",
    "sr_aktif",
    "iuran_per_kk_bulan",
    "tingkat_penagihan_persen",
    "saldo_kas",
    "biaya_om_bulanan",
]

# Columns that describe the KSM and its facility; the rest belong to the visit.
IDENTITY_COLUMNS: Final = [
    "wilayah",
    "nama_ksm",
    "kecamatan",
    "desa",
    "jenis_sarana",
    "tahun_bangun",
    "kapasitas_desain_kk",
    "sr_desain",
]
