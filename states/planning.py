"""The regional planning and budget calendar of a kabupaten/kota, as data (issue 16).

Money for budget year N enters the plan in year N−1: the Musrenbang rounds in the first
quarter, the RKPD by the end of June, the KUA-PPAS agreed with the DPRD in July–August,
the RAPBD discussed from September and approved jointly by 30 November. The
APBD-Perubahan of year N itself is a smaller, later door.

Each stage has its usual window by month relative to the budget year (`year_offset` −1
for N−1, 0 for N), the rule it comes from and how sure that window is:
- `regulation`: the deadline is written in the regulation named (PP 12/2019 on regional
  finance; Permendagri 86/2017 on regional development planning);
- `guideline`: the regulation or its technical guideline sets the order and the month, but
  Pemda calendars often shift it by a few weeks;
- `practice`: common practice reported by regional schedules, not a legal deadline.
Pemda calendars differ, so the Secretariat overrides a window per region
(`aksansi calendar planning set REGION STAGE --from DATE --to DATE`).
"""

from __future__ import annotations

from typing import Final, TypedDict


class PlanningStage(TypedDict):
    id: str
    label_id: str
    label_en: str
    year_offset: int  # −1: in the year before the budget year; 0: in the budget year
    from_month: int
    from_day: int
    to_month: int
    to_day: int  # 31 means the month's last day
    source: str
    certainty: str  # regulation | guideline | practice


def _stage(
    stage_id: str,
    label_id: str,
    label_en: str,
    window: tuple[int, int, int, int],
    *,
    source: str,
    certainty: str,
    year_offset: int = -1,
) -> PlanningStage:
    from_month, from_day, to_month, to_day = window
    return {
        "id": stage_id,
        "label_id": label_id,
        "label_en": label_en,
        "year_offset": year_offset,
        "from_month": from_month,
        "from_day": from_day,
        "to_month": to_month,
        "to_day": to_day,
        "source": source,
        "certainty": certainty,
    }


_PERMENDAGRI_86 = "Permendagri 86/2017 (tata cara perencanaan pembangunan daerah)"
_PP_12 = "PP 12/2019 (pengelolaan keuangan daerah) jo. Permendagri 77/2020"

STAGES: Final[list[PlanningStage]] = [
    _stage(
        "musrenbang_kelurahan",
        "Musrenbang desa/kelurahan",
        "Village/kelurahan Musrenbang",
        (1, 1, 1, 31),
        source=_PERMENDAGRI_86 + ": Musrenbang desa/kelurahan pada bulan Januari",
        certainty="guideline",
    ),
    _stage(
        "musrenbang_kecamatan",
        "Musrenbang kecamatan",
        "District (kecamatan) Musrenbang",
        (2, 1, 2, 28),
        source=_PERMENDAGRI_86 + ": Musrenbang kecamatan pada bulan Februari",
        certainty="guideline",
    ),
    _stage(
        "forum_perangkat_daerah",
        "Forum Perangkat Daerah (Renja)",
        "Agency forum (Renja)",
        (2, 15, 3, 15),
        source=_PERMENDAGRI_86 + ": Forum Perangkat Daerah sesudah Musrenbang kecamatan",
        certainty="practice",
    ),
    _stage(
        "musrenbang_kabkota",
        "Musrenbang kabupaten/kota",
        "Kabupaten/kota Musrenbang",
        (3, 1, 3, 31),
        source=_PERMENDAGRI_86 + ": Musrenbang RKPD kabupaten/kota paling lambat akhir Maret",
        certainty="guideline",
    ),
    _stage(
        "rkpd",
        "Penetapan RKPD",
        "RKPD adopted",
        (4, 1, 6, 30),
        source=_PERMENDAGRI_86 + ": RKPD ditetapkan dengan Perkada paling lambat akhir Juni",
        certainty="regulation",
    ),
    _stage(
        "kua_ppas",
        "KUA-PPAS",
        "KUA-PPAS (budget policy and ceilings)",
        (7, 1, 8, 14),
        source=_PP_12 + ": rancangan KUA-PPAS ke DPRD paling lambat minggu kedua Juli, "
        "disepakati paling lambat minggu kedua Agustus (Pasal 90–91)",
        certainty="regulation",
    ),
    _stage(
        "rapbd",
        "Pembahasan RAPBD",
        "Draft budget (RAPBD) in the DPRD",
        (9, 1, 11, 30),
        source=_PP_12 + ": rancangan Perda APBD ke DPRD awal September, persetujuan bersama "
        "paling lambat satu bulan sebelum tahun anggaran (Pasal 104, 106)",
        certainty="regulation",
    ),
    _stage(
        "apbd",
        "Penetapan APBD",
        "APBD adopted",
        (12, 1, 12, 31),
        source=_PP_12 + ": Perda APBD ditetapkan paling lambat 31 Desember sesudah evaluasi "
        "Gubernur",
        certainty="regulation",
    ),
    _stage(
        "apbd_perubahan",
        "APBD Perubahan",
        "Budget revision (APBD-Perubahan)",
        (7, 1, 9, 30),
        source=_PP_12 + ": persetujuan bersama APBD Perubahan paling lambat tiga bulan sebelum "
        "tahun anggaran berakhir (Pasal 179)",
        certainty="regulation",
        year_offset=0,
    ),
]

STAGES_BY_ID: Final[dict[str, PlanningStage]] = {stage["id"]: stage for stage in STAGES}

# Where a proposal for year N must be by: before the kabupaten/kota Musrenbang of N−1.
PROPOSAL_DEADLINE_STAGE: Final = "musrenbang_kabkota"
# The smaller door in the budget year itself.
REVISION_STAGE: Final = "apbd_perubahan"

# The budget years these windows are known to hold for: PP 12/2019 and Permendagri 77/2020
# apply from budget year 2021; beyond 2035 the rules are not assumed to stay the same.
FIRST_BUDGET_YEAR: Final = 2021
LAST_BUDGET_YEAR: Final = 2035

# The blocker types whose next step is a planning window.
MONEY_BLOCKERS: Final = ("no_budget", "funding_unanswered", "own_planning")
