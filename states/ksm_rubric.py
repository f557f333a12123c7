"""The scoring rubric of a KSM assessment (domain.md §8.5), versioned, as data.

Each aspect (kelembagaan, teknis, keuangan) scores 0–100: the sum over its criteria
of `weight × fraction`, rounded to a whole number, where each criterion's fraction
(0–1) comes from its rule. The weights of an aspect sum to 100. A field left empty
scores 0 for its criterion ("no evidence, no points"); the completeness check says
which fields are missing, so an empty sheet is never mistaken for a failing KSM.

Rules (interpreted by `workflow/domain/ksm/scoring.py`):
- `enum`: `points[value]`;
- `bool`: 1 for yes;
- `at_least`: min(value / target, 1);
- `share`: value / 100 (a percentage);
- `ratio`: min(field / per / target, 1); a zero `per` gives 1 when field > 0;
- `age`: days from `field` to the visit; the first step whose `max_days` covers it;
- `count`: number of listed values / `of`;
- `at_most`: 1 at 0, falling linearly to 0 at `zero_at`.

Each criterion carries `need`: the Indonesian recommendation the region report prints
for a facility that earns less than half of that criterion.

Traffic light per aspect: `hijau` from HIJAU_FROM, `kuning` from KUNING_FROM, else `merah`.
Change a weight, rule or threshold → raise RUBRIC_VERSION; every assessment stores
the version it was scored with.
"""

from __future__ import annotations

from typing import Any, Final

RUBRIC_VERSION: Final = "2026.1"
HIJAU_FROM: Final = 70
KUNING_FROM: Final = 40
ASPECTS: Final = ["kelembagaan", "teknis", "keuangan"]
LIGHTS: Final = ["hijau", "kuning", "merah"]

Criterion = dict[str, Any]

RUBRIC: Final[dict[str, list[Criterion]]] = {
    "kelembagaan": [
        {
            "field": "dasar_pembentukan",
            "weight": 25,
            "rule": "enum",
            "points": {
                "akta_notaris": 1.0,
                "sk_kemenkumham": 1.0,
                "sk_dinas": 0.8,
                "sk_camat": 0.7,
                "sk_lurah": 0.6,
                "sk_kades": 0.6,
                "tidak_ada": 0.0,
            },
            "need": "Perkuat dasar hukum KSM (SK atau akta notaris)",
        },
        {
            "field": "pengurus_aktif",
            "weight": 20,
            "rule": "at_least",
            "target": 3,
            "need": "Lengkapi pengurus (ketua, sekretaris, bendahara)",
        },
        {
            "field": "rapat_anggota_terakhir",
            "weight": 20,
            "rule": "age",
            "steps": [{"max_days": 365, "fraction": 1.0}, {"max_days": 730, "fraction": 0.5}],
            "need": "Adakan rapat anggota dan laporan pertanggungjawaban",
        },
        {
            "field": "buku_administrasi",
            "weight": 20,
            "rule": "count",
            "of": 5,
            "need": "Lengkapi buku administrasi (kas, anggota, inventaris, notulen, tamu)",
        },
        {"field": "ad_art_ada", "weight": 15, "rule": "bool", "need": "Susun AD/ART KSM"},
    ],
    "teknis": [
        {
            "field": "status_fungsi",
            "weight": 40,
            "rule": "enum",
            "points": {
                "berfungsi_baik": 1.0,
                "berfungsi_sebagian": 0.5,
                "tidak_berfungsi": 0.0,
                "mangkrak": 0.0,
            },
            "need": "Perbaiki sarana agar berfungsi kembali",
        },
        {
            "field": "sr_aktif",
            "weight": 30,
            "rule": "ratio",
            "per": "sr_desain",
            "target": 1,
            "need": "Aktifkan dan tambah sambungan rumah (SR)",
        },
        {
            "field": "tujuan_lumpur",
            "weight": 10,
            "rule": "enum",
            "points": {"iplt": 1.0, "belum_pernah": 0.5, "dibuang_sembarangan": 0.0},
            "need": "Buang lumpur tinja ke IPLT",
        },
        {
            "field": "pengurasan_lumpur_terakhir",
            "weight": 10,
            "rule": "age",
            "steps": [{"max_days": 1095, "fraction": 1.0}, {"max_days": 1825, "fraction": 0.5}],
            "need": "Jadwalkan pengurasan lumpur",
        },
        {
            "field": "frekuensi_mampet_per_bulan",
            "weight": 10,
            "rule": "at_most",
            "zero_at": 4,
            "need": "Atasi penyumbatan saluran",
        },
    ],
    "keuangan": [
        {
            "field": "tingkat_penagihan_persen",
            "weight": 35,
            "rule": "share",
            "need": "Tingkatkan penagihan iuran",
        },
        {
            "field": "pendapatan_bulanan",
            "weight": 25,
            "rule": "ratio",
            "per": "biaya_om_bulanan",
            "target": 1,
            "need": "Sesuaikan iuran agar menutup biaya O&M",
        },
        {
            "field": "saldo_kas",
            "weight": 20,
            "rule": "ratio",
            "per": "biaya_om_bulanan",
            "target": 3,
            "need": "Bangun cadangan kas (≥ 3 bulan biaya O&M)",
        },
        {
            "field": "pembukuan_kualitas",
            "weight": 10,
            "rule": "enum",
            "points": {"rapi": 1.0, "ada_tidak_rutin": 0.5, "tidak_ada": 0.0},
            "need": "Rapikan pembukuan secara rutin",
        },
        {
            "field": "rekening_bank",
            "weight": 10,
            "rule": "enum",
            "points": {
                "bersama_3_nama": 1.0,
                "atas_nama_ksm": 1.0,
                "pribadi": 0.3,
                "tidak_ada": 0.0,
            },
            "need": "Buka rekening atas nama KSM (bersama 3 nama)",
        },
    ],
}

LABELS_ID: Final = {
    "kelembagaan": "Kelembagaan",
    "teknis": "Teknis",
    "keuangan": "Keuangan",
    "hijau": "Hijau",
    "kuning": "Kuning",
    "merah": "Merah",
    "ipal_komunal": "IPAL Komunal",
    "mck_plus": "MCK Plus",
    "mck_plus_sr": "MCK Plus + SR",
    "tangki_septik_komunal": "Tangki Septik Komunal",
    "lainnya": "Lainnya",
    "berfungsi_baik": "Berfungsi baik",
    "berfungsi_sebagian": "Berfungsi sebagian",
    "tidak_berfungsi": "Tidak berfungsi",
    "mangkrak": "Mangkrak",
}
