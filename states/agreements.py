"""The choices a PKS (MoA) draft is made with, as data: who signs for the Pemda, and how
the cooperation is funded (`moa draft --signatory … --funding …`).

`sumber` is what Lampiran II says of the money; `needs_budget` whether the form has an
amount (a zero-cost PKS has none). The forms follow domain.md §3.6: the OPD's own budget
(APBD, the DPA of the technical office), a regional grant (hibah, with its own NPHD),
procurement by swakelola with AKSANSI as the community organisation carrying it out, or
no money changing hands. Which one fits is for the Pemda's BPKAD and Bagian Hukum to
confirm; the draft only names it.
"""

from __future__ import annotations

from typing import Final, TypedDict


class Signatory(TypedDict):
    id: str
    label: str


class Funding(TypedDict):
    id: str
    label: str
    sumber: str
    needs_budget: bool


SIGNATORIES: Final[list[Signatory]] = [
    {"id": "head", "label": "the head of region (Bupati / Wali Kota)"},
    {"id": "opd", "label": "the head of the technical office, under a power of attorney"},
]

FUNDING_FORMS: Final[list[Funding]] = [
    {
        "id": "apbd",
        "label": "the region's budget (APBD), in the DPA of the technical office",
        "sumber": "Anggaran Pendapatan dan Belanja Daerah {pemda}, Dokumen Pelaksanaan "
        "Anggaran {opd}",
        "needs_budget": True,
    },
    {
        "id": "hibah",
        "label": "a regional grant (hibah) to AKSANSI, with its own NPHD",
        "sumber": "hibah daerah dari Anggaran Pendapatan dan Belanja Daerah {pemda}",
        "needs_budget": True,
    },
    {
        "id": "swakelola",
        "label": "procurement by swakelola, AKSANSI as the community organisation",
        "sumber": "Anggaran Pendapatan dan Belanja Daerah {pemda} melalui swakelola, "
        "Dokumen Pelaksanaan Anggaran {opd}",
        "needs_budget": True,
    },
    {
        "id": "none",
        "label": "no money between the parties (each bears its own costs)",
        "sumber": "",
        "needs_budget": False,
    },
]

SIGNATORY_IDS: Final = tuple(s["id"] for s in SIGNATORIES)
FUNDING_IDS: Final = tuple(f["id"] for f in FUNDING_FORMS)
FUNDING_BY_ID: Final = {f["id"]: f for f in FUNDING_FORMS}
DEFAULT_OPD = "perangkat daerah yang membidangi urusan air limbah domestik"
