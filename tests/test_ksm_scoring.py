"""The KSM rubric on constructed visits whose scores are worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from states.ksm_fields import COLUMN_NAMES
from states.ksm_rubric import ASPECTS, RUBRIC
from workflow.domain.ksm.scoring import light_for, score_assessment

VISIT = date(2026, 10, 1)

PERFECT = {
    "dasar_pembentukan": "akta_notaris",
    "pengurus_aktif": 5,
    "ad_art_ada": True,
    "rapat_anggota_terakhir": date(2026, 9, 1),
    "buku_administrasi": "buku_kas,buku_anggota,buku_inventaris,notulen,buku_tamu",
    "status_fungsi": "berfungsi_baik",
    "sr_desain": 60,
    "sr_aktif": 60,
    "tujuan_lumpur": "iplt",
    "pengurasan_lumpur_terakhir": date(2025, 10, 1),
    "frekuensi_mampet_per_bulan": 0,
    "tingkat_penagihan_persen": 100.0,
    "pendapatan_bulanan": 400_000,
    "biaya_om_bulanan": 400_000,
    "saldo_kas": 1_200_000,
    "pembukuan_kualitas": "rapi",
    "rekening_bank": "bersama_3_nama",
}

# Worked by hand (weights in states/ksm_rubric.py):
# kelembagaan: sk_camat .7×25=17.5 + 2/3×20=13.33 + 400 days→.5×20=10 + 3/5×20=12 + 0 = 52.83
# teknis: sebagian .5×40=20 + 30/60×30=15 + belum_pernah .5×10=5 + no date 0 + (1-2/4)×10=5 = 45
# keuangan: 60%×35=21 + 300/400×25=18.75 + 600/(3×400)×20=10 + .5×10=5 + pribadi .3×10=3 = 57.75
MIXED = {
    "dasar_pembentukan": "sk_camat",
    "pengurus_aktif": 2,
    "ad_art_ada": False,
    "rapat_anggota_terakhir": date(2025, 8, 27),
    "buku_administrasi": "buku_kas,notulen,buku_tamu",
    "status_fungsi": "berfungsi_sebagian",
    "sr_desain": 60,
    "sr_aktif": 30,
    "tujuan_lumpur": "belum_pernah",
    "pengurasan_lumpur_terakhir": None,
    "frekuensi_mampet_per_bulan": 2,
    "tingkat_penagihan_persen": 60.0,
    "pendapatan_bulanan": 300_000,
    "biaya_om_bulanan": 400_000,
    "saldo_kas": 600_000,
    "pembukuan_kualitas": "ada_tidak_rutin",
    "rekening_bank": "pribadi",
}


def scores(values: dict) -> dict[str, tuple[int, str]]:
    return {a: (s.score, s.light) for a, s in score_assessment(values, VISIT).items()}


def test_a_model_ksm_scores_full_marks_and_needs_nothing() -> None:
    result = score_assessment(PERFECT, VISIT)
    assert {a: (s.score, s.light) for a, s in result.items()} == {
        "kelembagaan": (100, "hijau"),
        "teknis": (100, "hijau"),
        "keuangan": (100, "hijau"),
    }
    assert all(not s.needs for s in result.values())


def test_an_empty_visit_scores_zero_and_needs_every_criterion() -> None:
    result = score_assessment({}, VISIT)
    assert {a: s.score for a, s in result.items()} == dict.fromkeys(ASPECTS, 0)
    assert len(result["teknis"].needs) == len(RUBRIC["teknis"])
    assert result["keuangan"].light == "merah"


def test_mixed_visit_scores_as_worked_by_hand() -> None:
    assert scores(MIXED) == {
        "kelembagaan": (53, "kuning"),
        "teknis": (45, "kuning"),
        "keuangan": (58, "kuning"),
    }


def test_ages_count_to_the_visit_and_old_dates_earn_nothing() -> None:
    stale = PERFECT | {
        "rapat_anggota_terakhir": date(2024, 9, 1),
        "pengurasan_lumpur_terakhir": date(2020, 1, 1),
    }
    assert scores(stale)["kelembagaan"] == (80, "hijau")  # the meeting is 760 days old: 0 of 20
    assert scores(stale)["teknis"] == (90, "hijau")  # desludged 6+ years ago: 0 of 10


def test_no_om_cost_with_income_counts_as_covered() -> None:
    free = PERFECT | {"biaya_om_bulanan": 0, "saldo_kas": 0}
    assert scores(free)["keuangan"] == (80, "hijau")  # income covers 0 cost; no cash: 0 of 20


@pytest.mark.parametrize(
    ("score", "light"),
    [(100, "hijau"), (70, "hijau"), (69, "kuning"), (40, "kuning"), (39, "merah"), (0, "merah")],
)
def test_traffic_light_thresholds(score: int, light: str) -> None:
    assert light_for(score) == light


def test_rubric_weights_sum_to_100_and_name_sheet_columns() -> None:
    for aspect, criteria in RUBRIC.items():
        assert sum(c["weight"] for c in criteria) == 100, aspect
        for criterion in criteria:
            assert criterion["field"] in COLUMN_NAMES
            assert criterion.get("per") in (None, *COLUMN_NAMES)
