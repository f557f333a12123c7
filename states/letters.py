"""The letter kinds as data: subject (Hal), purpose, Sifat, addressee, Tembusan.

What a letter encloses (its Lampiran) is listed by its template, where the body names the
enclosures, so the count on the Lampiran line always matches the list.

`addressee` is `head` (the Bupati / Wali Kota: `Yth. Wali Kota Mojokerto`),
`technical` (the head of the technical office, e.g. `Yth. Kepala Dinas PUPR Kota
Mojokerto`, taken from the region's officials or given with `--to`), `sekda` (the
Sekretaris Daerah as chair of the TKKSD) or `legal` (the head of the Bagian Hukum of the
Sekretariat Daerah); the positions of `sekda` and `legal` are in `POSITIONS`. In `tembusan`,
`{pemda}` stands for the region's full name ("Kota Mojokerto"). `steps` holds the
variants of a kind's later steps (the second response request), as overrides.
`cites_kb` says when the letter cites the signed Kesepakatan Bersama by its numbers and
date (`always`; `when_signed`: once the region is past `mou_signed`; `when_escalating`:
the sweep's escalation variant), so that it is refused until `mou record` has them.
"""

from __future__ import annotations

from typing import Final, TypedDict


class LetterKind(TypedDict, total=False):
    id: str
    hal: str
    purpose: str
    sifat: str
    addressee: str  # head | technical | sekda | legal
    tembusan: list[str]
    cites: str  # the outgoing kind this one must cite, if any
    cites_kb: str  # always | when_signed | when_escalating (see above)
    steps: dict[int, dict[str, object]]


ADDRESSEES: Final = ("head", "technical", "sekda", "legal")
# The addressees that are a fixed position of every Pemda (`{pemda}`: "Kota Mojokerto").
POSITIONS: Final[dict[str, str]] = {
    "sekda": "Sekretaris Daerah {pemda} selaku Ketua Tim Koordinasi Kerja Sama Daerah",
    "legal": "Kepala Bagian Hukum Sekretariat Daerah {pemda}",
}
KB_CITATIONS: Final = ("always", "when_signed", "when_escalating")

LETTER_KINDS: Final[list[LetterKind]] = [
    {
        "id": "audiensi_request",
        "hal": "Permohonan Audiensi",
        "purpose": "Ask the head of region for an audience to introduce AKSANSI.",
        "sifat": "Biasa",
        "addressee": "head",
        "tembusan": ["Sekretaris Daerah {pemda}", "Kepala Bappeda {pemda}", "Arsip"],
        "cites_kb": "when_escalating",
    },
    {
        "id": "premonitoring_notice",
        "hal": "Pemberitahuan Pelaksanaan Pre-Monitoring KSM Sanitasi",
        "purpose": "Announce KSM pre-monitoring to the technical office and ask its support.",
        "sifat": "Biasa",
        "addressee": "technical",
        "tembusan": ["Kepala Bappeda {pemda}", "Arsip"],
    },
    {
        "id": "cooperation_offer",
        "hal": "Penawaran Kerja Sama Pengelolaan Sarana Sanitasi Berbasis Masyarakat",
        "purpose": "Offer cooperation (KSDPK) with the draft Kesepakatan Bersama attached.",
        "sifat": "Biasa",
        "addressee": "head",
        "tembusan": [
            "Sekretaris Daerah {pemda} selaku Ketua TKKSD",
            "Kepala Bappeda {pemda}",
            "Arsip",
        ],
    },
    {
        "id": "moa_submission",
        "hal": "Penyampaian Rancangan Perjanjian Kerja Sama",
        "purpose": "Send the draft Perjanjian Kerja Sama (MoA) to the technical office.",
        "sifat": "Biasa",
        "addressee": "technical",
        "cites_kb": "always",
        "tembusan": [
            "Sekretaris Daerah {pemda} selaku Ketua TKKSD",
            "Kepala Bagian Kerja Sama Sekretariat Daerah {pemda}",
            "Arsip",
        ],
    },
    {
        "id": "response_request",
        "hal": "Permohonan Tanggapan atas Rancangan Perjanjian Kerja Sama",
        "purpose": "Ask for an answer on the MoA draft, citing the submission letter.",
        "sifat": "Segera",
        "addressee": "technical",
        "tembusan": ["Kepala Bappeda {pemda}", "Arsip"],
        "cites": "moa_submission",
        "steps": {
            2: {
                "hal": "Permohonan Tanggapan atas Rancangan Perjanjian Kerja Sama (Kedua)",
                "tembusan": [
                    "Sekretaris Daerah {pemda} selaku Ketua TKKSD",
                    "Kepala Bappeda {pemda}",
                    "Arsip",
                ],
            }
        },
    },
    {
        "id": "official_introduction",
        "hal": "Penyampaian Informasi Program Kerja Sama dan Permohonan Audiensi",
        "purpose": "Introduce the cooperation to a newly appointed official; ask an audience.",
        "sifat": "Biasa",
        "addressee": "technical",
        "tembusan": ["Sekretaris Daerah {pemda} selaku Ketua TKKSD", "Arsip"],
        "cites_kb": "when_signed",
    },
    {
        "id": "funding_followup",
        "hal": "Tindak Lanjut Dukungan Pendanaan Pengelolaan Sarana Sanitasi Berbasis Masyarakat",
        "purpose": "Follow up the funding of the cooperation for the next budget year.",
        "sifat": "Biasa",
        "addressee": "technical",
        "tembusan": ["Kepala Bappeda {pemda}", "Arsip"],
    },
    {
        "id": "mou_extension",
        "hal": "Permohonan Perpanjangan Kesepakatan Bersama",
        "purpose": "Ask to extend (adendum) or renew the KB before it expires, no PKS signed yet.",
        "sifat": "Penting",
        "addressee": "head",
        "tembusan": ["Sekretaris Daerah {pemda}", "Kepala Bagian Hukum Setda {pemda}", "Arsip"],
        "cites_kb": "always",
    },
    {
        "id": "tkksd_request",
        "hal": "Permohonan Pembahasan Rancangan Perjanjian Kerja Sama oleh TKKSD",
        "purpose": "Ask the Sekda, as chair of the TKKSD, to review the draft PKS (approvals).",
        "sifat": "Segera",
        "addressee": "sekda",
        "cites_kb": "always",
        "tembusan": [
            "{kepala} (sebagai laporan)",
            "Kepala Bagian Kerja Sama Sekretariat Daerah {pemda}",
            "Kepala Bappeda {pemda}",
            "Arsip",
        ],
    },
    {
        "id": "legal_review_request",
        "hal": "Permohonan Harmonisasi Rancangan Perjanjian Kerja Sama",
        "purpose": "Ask the Bagian Hukum to harmonise the draft PKS (approvals).",
        "sifat": "Segera",
        "addressee": "legal",
        "cites_kb": "always",
        "tembusan": [
            "Sekretaris Daerah {pemda} selaku Ketua TKKSD",
            "Kepala Bagian Kerja Sama Sekretariat Daerah {pemda}",
            "Arsip",
        ],
    },
    {
        "id": "dprd_approval_request",
        "hal": "Permohonan Persetujuan DPRD atas Rencana Perjanjian Kerja Sama",
        "purpose": "Ask the head of region to seek the DPRD's approval of the PKS (approvals).",
        "sifat": "Penting",
        "addressee": "head",
        "cites_kb": "always",
        "tembusan": [
            "Ketua DPRD {pemda}",
            "Sekretaris Daerah {pemda} selaku Ketua TKKSD",
            "Kepala Bagian Hukum Sekretariat Daerah {pemda}",
            "Arsip",
        ],
    },
    {
        "id": "power_of_attorney_request",
        "hal": "Permohonan Surat Kuasa Penandatanganan Perjanjian Kerja Sama",
        "purpose": "Ask the head of region for the OPD head's power of attorney to sign the PKS.",
        "sifat": "Segera",
        "addressee": "head",
        "cites_kb": "always",
        "tembusan": [
            "Sekretaris Daerah {pemda} selaku Ketua TKKSD",
            "Kepala Bagian Hukum Sekretariat Daerah {pemda}",
            "Arsip",
        ],
    },
]

KINDS_BY_ID: Final[dict[str, LetterKind]] = {kind["id"]: kind for kind in LETTER_KINDS}

# The administrative regions of DKI Jakarta: Kabupaten Administrasi Kepulauan Seribu and the
# five Kota Administrasi. They are not autonomous (UU 29/2007): the head is appointed by the
# Gubernur, there is no DPRD and no APBD of their own, so no Sekda or Bappeda of theirs to
# copy and no agreement to sign with them: the provincial government is the party.
ADMINISTRATIVE_CODES: Final = ("31.01", "31.71", "31.72", "31.73", "31.74", "31.75")

# Their letters copy the provincial government instead (every kind, every step);
# `{provinsi}` is the region's province as the national list writes it.
ADMINISTRATIVE_TEMBUSAN: Final = [
    "Gubernur {provinsi}",
    "Sekretaris Daerah Provinsi {provinsi} selaku Ketua TKKSD",
    "Kepala Bappeda Provinsi {provinsi}",
    "Arsip",
]
# Who a letter's body names as Ketua TKKSD: the region's Sekda, or the province's.
SEKDA: Final = "Sekretaris Daerah {pemda}"
SEKDA_ADMINISTRATIVE: Final = "Sekretaris Daerah Provinsi {provinsi}"

# The kinds that quote the region's latest MoA draft: refused until one exists.
NEEDS_MOA_DRAFT: Final[tuple[str, ...]] = (
    "moa_submission",
    "response_request",
    "tkksd_request",
    "legal_review_request",
    "dprd_approval_request",
    "power_of_attorney_request",
)
