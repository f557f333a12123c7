"""Officials as data: the positions the product addresses, their aliases, and the titles
that are folded away when two spellings of a person's name are compared.

One position has one holder: `Kadis PUPR`, `Kepala Dinas Pekerjaan Umum dan Penataan
Ruang` and `Kepala Dinas PUPR` are one position, recorded under its canonical name.
Aliases are compared folded (case, punctuation and spacing ignored, the abbreviations
of `ABBREVIATIONS` written out), so each alias is listed once in its plain spelling.

Titles (domain.md §2, officials write them around the name: `Ir. Budi Santoso, M.T.`):
`official set` with a name that, folded, equals the current holder's is taken for a
spelling correction, not a rotation, unless `--rotation` says a different person came.
"""

from __future__ import annotations

from typing import Final, TypedDict


class Position(TypedDict):
    name: str  # the canonical spelling, as letters write it before the region's name
    aliases: tuple[str, ...]


POSITIONS: Final[tuple[Position, ...]] = (
    {"name": "Bupati", "aliases": ()},
    {"name": "Wali Kota", "aliases": ("Walikota",)},
    {"name": "Wakil Bupati", "aliases": ("Wabup",)},
    {"name": "Wakil Wali Kota", "aliases": ("Wakil Walikota", "Wawali")},
    {"name": "Sekretaris Daerah", "aliases": ("Sekda", "Sekretaris Daerah selaku Ketua TKKSD")},
    {
        "name": "Kepala Bappeda",
        "aliases": (
            "Kepala Badan Perencanaan Pembangunan Daerah",
            "Kepala Badan Bappeda",  # `Kaban Bappeda` once abbreviations are written out
        ),
    },
    {
        "name": "Kepala Dinas PUPR",
        "aliases": (
            "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
            "Kepala Dinas Pekerjaan Umum dan Perumahan Rakyat",
            "Kepala Dinas PU dan PR",
            "Kepala Dinas PU PR",
            "Kepala DPUPR",
            "Kepala DPU PR",
        ),
    },
    {
        "name": "Kepala Dinas Perkim",
        "aliases": (
            "Kepala Dinas Perumahan dan Kawasan Permukiman",
            "Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman",
            "Kepala Disperkim",
            "Kepala DPRKP",
        ),
    },
    {
        "name": "Kepala Dinas Lingkungan Hidup",
        "aliases": ("Kepala Dinas LH", "Kepala DLH"),
    },
    {
        "name": "Kepala Bagian Kerja Sama",
        "aliases": ("Kepala Bagian Kerja Sama Setda", "Kepala Bagian Kerjasama"),
    },
)

# Leading words written out before an alias is looked up: `Kadis PUPR` → `kepala dinas pupr`.
ABBREVIATIONS: Final[dict[str, str]] = {
    "kadis": "kepala dinas",
    "kaban": "kepala badan",
    "kabag": "kepala bagian",
    "ka": "kepala",
}

# Titles written before a name (academic, and the hajj honorifics H./Hj., which a person
# may add to the name between two letters without becoming someone else).
FRONT_TITLES: Final = (
    "Prof.",
    "Dr.",
    "dr.",
    "drg.",
    "Ir.",
    "Drs.",
    "Dra.",
    "H.",
    "Hj.",
)

# Academic and professional degrees written after a name (Indonesian and foreign).
DEGREES: Final = (
    "A.Md.",
    "S.T.",
    "M.T.",
    "S.Si.",
    "M.Si.",
    "S.E.",
    "M.E.",
    "M.M.",
    "S.H.",
    "M.H.",
    "S.Sos.",
    "S.IP.",
    "S.I.P.",
    "M.AP.",
    "M.A.P.",
    "S.AP.",
    "S.A.P.",
    "M.P.A.",
    "S.Pd.",
    "M.Pd.",
    "S.Kom.",
    "M.Kom.",
    "S.I.Kom.",
    "M.I.Kom.",
    "S.Ag.",
    "M.Ag.",
    "S.Psi.",
    "M.Psi.",
    "S.P.",
    "M.P.",
    "S.Hut.",
    "S.KM.",
    "M.Kes.",
    "S.Ked.",
    "S.Kep.",
    "Ns.",
    "S.Farm.",
    "Apt.",
    "S.Ak.",
    "M.Ak.",
    "S.STP.",
    "M.Tr.AP.",
    "Lc.",
    "M.A.",
    "M.Sc.",
    "M.Eng.",
    "M.B.A.",
    "Ph.D.",
    "IPU",
    "IPM",
)
