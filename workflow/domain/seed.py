"""The Secretariat's real portfolio (design.md §3): the eight regions with a signed MoU.

No invented dates, people or blockers: the day each region reached its state is not
known to the tool, so `state_since` stays empty until a real event is recorded.
"""

from __future__ import annotations

from typing import Final, TypedDict


class SeedRegion(TypedDict):
    code: str
    name: str
    province: str
    state: str
    aliases: list[str]
    subject: str | None


MOJOKERTO_SUBJECT: Final = (
    "Mekanisme teknis retrofit MCK Plus menjadi MCK Plus dengan sambungan rumah (SR)"
)

PORTFOLIO: Final[list[SeedRegion]] = [
    {
        "code": "33.75",
        "name": "Kota Pekalongan",
        "province": "Jawa Tengah",
        "state": "mou_signed",
        "aliases": [],
        "subject": None,
    },
    {
        "code": "34.01",
        "name": "Kabupaten Kulon Progo",
        "province": "Daerah Istimewa Yogyakarta",
        "state": "mou_signed",
        "aliases": ["Kulonprogo"],
        "subject": None,
    },
    {
        "code": "33.23",
        "name": "Kabupaten Temanggung",
        "province": "Jawa Tengah",
        "state": "mou_signed",
        "aliases": [],
        "subject": None,
    },
    {
        "code": "35.76",
        "name": "Kota Mojokerto",
        "province": "Jawa Timur",
        "state": "moa_negotiation",
        "aliases": [],
        "subject": MOJOKERTO_SUBJECT,
    },
    {
        "code": "33.11",
        "name": "Kabupaten Sukoharjo",
        "province": "Jawa Tengah",
        "state": "mou_signed",
        "aliases": [],
        "subject": None,
    },
    {
        "code": "33.72",
        "name": "Kota Surakarta",
        "province": "Jawa Tengah",
        "state": "mou_signed",
        "aliases": ["Solo", "Kota Solo"],
        "subject": None,
    },
    {
        "code": "35.71",
        "name": "Kota Kediri",
        "province": "Jawa Timur",
        "state": "mou_signed",
        "aliases": [],
        "subject": None,
    },
    {
        "code": "16.73",
        "name": "Kota Lubuklinggau",
        "province": "Sumatera Selatan",
        "state": "mou_signed",
        "aliases": ["Lubuk Linggau", "Kota Lubuk Linggau"],
        "subject": None,
    },
]
