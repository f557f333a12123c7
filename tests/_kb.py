"""Record a region's signed Kesepakatan Bersama, as `mou record` does (MoA drafts and the
letters that cite the KB need it)."""

from __future__ import annotations

from datetime import date

from workflow.infrastructure.unit_of_work import UnitOfWork

NUMBER_PEMDA = "415.4/12/417.103/2025"
NUMBER_AKSANSI = "012/AKSANSI/KB/VI/2025"
SIGNED_ON = date(2025, 6, 5)
CITATION = (
    f"Kesepakatan Bersama Nomor {NUMBER_PEMDA} dan Nomor {NUMBER_AKSANSI} tanggal 5 Juni 2025"
)


def record_kb(url: str, region: str, *, years: int | None = None) -> None:
    from workflow.domain.kb import KbTerms
    from workflow.services.kb import record_mou

    terms = KbTerms(NUMBER_PEMDA, NUMBER_AKSANSI, SIGNED_ON, years)
    record_mou(UnitOfWork(url), region, terms, actor="tester")
