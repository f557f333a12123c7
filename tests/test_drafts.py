"""Draft agreements: MoU and MoA versions, the financing article, diffs, the submit guard."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from _kb import CITATION, record_kb

from workflow.errors import InvalidInput
from workflow.infrastructure.unit_of_work import UnitOfWork


@pytest.fixture
def ready(sqlite_url: str) -> str:
    from workflow.services.seed import seed_portfolio
    from workflow.services.settings import set_setting

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    for key, value in {
        "org.address": "Jl. Contoh Nomor 1, Yogyakarta",
        "org.city": "Yogyakarta",
        "signatory.name": "Penanda Tangan Uji",
        "signatory.position": "Koordinator Sekretariat AKSANSI",
    }.items():
        set_setting(UnitOfWork(sqlite_url), key, value, actor="tester")
    record_kb(sqlite_url, "33.23")
    return sqlite_url


def _draft(url: str, agreement: str = "moa", **kw):  # type: ignore[no-untyped-def]
    from workflow.services.drafts import make_draft

    return make_draft(UnitOfWork(url), "33.23", agreement, actor="tester", **kw)


def _paragraphs(path: str) -> list[str]:
    document = docx.Document(path)
    return [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells
    ]


def test_moa_draft_docx_has_the_outline_and_exact_financing(ready: str) -> None:
    view = _draft(
        ready, subject="Pendampingan KSM pengelola IPAL komunal", budget="150.000.000", fmt="docx"
    )
    texts = _paragraphs(view.files["docx"])
    joined = "\n".join(texts)
    assert "PERJANJIAN KERJA SAMA" in texts and "PEMERINTAH KABUPATEN TEMANGGUNG" in texts
    assert texts.count("NOMOR : ……………………") == 2
    assert "Pada hari ini …… tanggal …… bulan …… tahun ……, bertempat di Temanggung" in joined
    assert "Jumat" not in joined and "(27-11-2026)" not in joined  # signed later, not today
    assert "Rp150.000.000,00 (seratus lima puluh juta rupiah)" in joined
    assert [f"Pasal {n}" for n in range(1, 18)] == [t for t in texts if t.startswith("Pasal ")]
    assert f"telah menandatangani {CITATION} tentang" in joined
    for part in (
        "PIHAK KESATU",
        "PIHAK KEDUA",
        "PARA PIHAK",
        "KEADAAN KAHAR",
        "meterai Rp10.000",
        "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah",
    ):
        assert part in joined
    assert "None" not in joined and "{{" not in joined
    assert Path(view.files["docx"]).name == "moa-v1.docx"


@pytest.mark.parametrize("budget", ["abc", "0", "-5", "150.000.000,50", "1,5 juta", "15.00"])
def test_budget_must_be_a_positive_whole_number_of_rupiah(ready: str, budget: str) -> None:
    with pytest.raises(InvalidInput, match="not a positive whole number of rupiah"):
        _draft(ready, subject="X", budget=budget)


def test_versions_carry_terms_over_and_diff_shows_the_change(ready: str) -> None:
    from workflow.services.drafts import diff_versions, list_versions

    _draft(ready, subject="Pendampingan KSM", budget="150000000")
    _draft(ready, budget="175.000.000", years=2)
    versions = list_versions(UnitOfWork(ready), "33.23", "moa")
    assert [(v.version, v.subject, v.budget, v.years) for v in versions] == [
        (1, "Pendampingan KSM", 150_000_000, 1),
        (2, "Pendampingan KSM", 175_000_000, 2),
    ]
    diff = diff_versions(UnitOfWork(ready), "33.23", "moa", 1, 2)
    assert "-(1) Biaya pelaksanaan Perjanjian ini sebesar Rp150.000.000,00" in diff
    assert "+(1) Biaya pelaksanaan Perjanjian ini sebesar Rp175.000.000,00" in diff
    assert "seratus tujuh puluh lima juta rupiah" in diff


def test_mou_draft_and_cli(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("mou", "draft", "35.76", "--format", "html")
    assert result.exit_code == 0, result.stderr
    page = Path(result.stdout.split("→")[1].strip()).read_text(encoding="utf-8")
    assert "KESEPAKATAN BERSAMA" in page and "WALI KOTA MOJOKERTO" in page
    refused = cli("moa", "draft", "35.71")
    assert refused.exit_code == 1 and "--subject" in refused.stderr
    assert cli("moa", "diff", "35.76", "1", "2").exit_code == 1
    record_kb(ready, "35.76")
    assert cli("moa", "draft", "35.76", "--budget", "150000000").exit_code == 0
    assert "Rp150.000.000" in cli("moa", "versions", "35.76").stdout


def test_submit_moa_guard_counts_drafts(ready: str) -> None:
    from workflow.domain import guards, regions

    with UnitOfWork(ready) as uow:
        region = regions.resolve(uow.session, "33.23")
        context = guards.build_context(uow.session, region, "submit_moa", note=None, force=False)
        assert context.moa_drafts == 0 and not guards.has_moa_draft(context)
    _draft(ready, subject="Pendampingan KSM")
    with UnitOfWork(ready) as uow:
        region = regions.resolve(uow.session, "33.23")
        context = guards.build_context(uow.session, region, "submit_moa", note=None, force=False)
        assert context.moa_drafts == 1 and guards.has_moa_draft(context)


def test_submit_moa_is_refused_until_a_draft_exists(ready: str) -> None:
    from workflow.errors import GuardRefused
    from workflow.services.advance import advance

    advance(UnitOfWork(ready), "33.23", "draft_moa", actor="tester")
    with pytest.raises(GuardRefused, match=r"no rendered MoA draft yet.*aksansi moa draft 33\.23"):
        advance(UnitOfWork(ready), "33.23", "submit_moa", actor="tester")
    _draft(ready, subject="Pendampingan KSM", budget="150000000")
    assert advance(UnitOfWork(ready), "33.23", "submit_moa", actor="tester").to_state == (
        "moa_submitted"
    )
