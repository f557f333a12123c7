"""The Secretariat's profile the tests' letters are signed with (one copy for every test file
that needs a complete profile; the story tests and the Word tests keep their own on purpose)."""

from __future__ import annotations

PROFILE = {
    "org.address": "Jl. Contoh Nomor 1, Yogyakarta",
    "org.city": "Yogyakarta",
    "org.phone": "0274 000000",
    "signatory.name": "Penanda Tangan Uji",
    "signatory.position": "Koordinator Sekretariat AKSANSI",
}


def set_profile(url: str) -> None:
    """`config set` every key of PROFILE."""
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.settings import set_setting

    for key, value in PROFILE.items():
        set_setting(UnitOfWork(url), key, value, actor="tester")
