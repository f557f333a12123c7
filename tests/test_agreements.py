"""The MoU and the PKS as a Bagian Hukum reads them: complete articles, the signatory's
authority, the form of funding, three annexes from the data, and a Word/HTML layout
ready to sign (read back with python-docx and from the HTML)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from _agreement_data import (
    BUDGET,
    BUDGET_ITEMS,
    HEAD_NAME,
    KSM_NAMES,
    OPD_HEAD,
    SIGNATORY,
    budget_options,
    prepare,
)
from docx.shared import Cm

SUBJECT = "Penambahan Sambungan Rumah pada MCK Plus dan Pendampingan KSM"


@pytest.fixture
def mojokerto(db_url: str, tmp_path: Path) -> str:
    prepare(db_url, tmp_path)
    return db_url


def _draft(cli, *options: str, fmt: str = "md") -> str:  # type: ignore[no-untyped-def]
    """`moa draft mojokerto …`; returns the text of the file written."""
    result = cli("moa", "draft", "mojokerto", "--subject", SUBJECT, "--format", fmt, *options)
    assert result.exit_code == 0, result.stderr
    path = Path(result.stdout.split("→")[1].strip())
    if fmt == "docx":
        return str(path)
    return path.read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _docx_texts(path: str) -> list[str]:
    document = docx.Document(path)
    texts = [p.text for p in document.paragraphs]
    return texts + [c.text for t in document.tables for r in t.rows for c in r.cells]


def test_the_moa_has_three_annexes_from_the_data(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    text = _flat(_draft(cli, *budget_options()))
    for number, title in (
        ("I", "MEKANISME TEKNIS PELAKSANAAN"),
        ("II", "RENCANA ANGGARAN BIAYA"),
        ("III", "DAFTAR KSM DAN SARANA"),
    ):
        assert f"LAMPIRAN {number}\\ PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KOTA MOJOKERTO" in text
        assert f"## {title}" in text
    for name, amount in BUDGET_ITEMS:
        assert name in text
        assert f"Rp{amount:,}".replace(",", ".") + ",00" in text
    assert "**Rp2.001.500.000,00**" in text
    assert "Terbilang: dua miliar satu juta lima ratus ribu rupiah." in text
    for name, desa, kecamatan, _kind in KSM_NAMES:
        assert f"| {name} | {desa} | {kecamatan} |" in text
    assert "| KSM Mawar Merah | Gedongan | Magersari | MCK Plus | Mangkrak |" in text
    assert "sebanyak 12 (dua belas) sarana" in text
    assert (
        "Lampiran I, Lampiran II, dan Lampiran III merupakan bagian yang tidak terpisahkan" in text
    )


def test_the_budget_alone_is_one_line_marked_to_be_detailed(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    text = _flat(_draft(cli, "--budget", "150000000"))
    assert (
        "| 1 | Biaya pelaksanaan Perjanjian (rincian disusun dan disepakati PARA PIHAK) "
        "| Rp150.000.000,00 |" in text
    )
    assert (
        "[Rincian belum disusun: diisi dan disepakati PARA PIHAK sebelum penandatanganan.]" in text
    )


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["Pelatihan=100000000"], "add up to Rp100.000.000,00, Rp50.000.000,00 less than --budget"),
        (
            ["Pelatihan=100000000", "Retrofit=75.000.000"],
            "add up to Rp175.000.000,00, Rp25.000.000,00 more than --budget Rp150.000.000,00",
        ),
        (["Pelatihan 100000000"], "has no '='; write it as NAME=AMOUNT"),
        (["Pelatihan=seratus juta"], "is not a positive whole number of rupiah"),
        (["=150000000"], "has no name before '='"),
    ],
)
def test_budget_items_that_do_not_add_up_are_refused(  # type: ignore[no-untyped-def]
    mojokerto: str, cli, items: list[str], message: str, tmp_path: Path
) -> None:
    options = [item for entry in items for item in ("--budget-item", entry)]
    refused = cli(
        "moa", "draft", "mojokerto", "--subject", SUBJECT, "--budget", "150000000", *options
    )
    assert refused.exit_code == 1 and message in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "No moa drafts yet." in cli("moa", "versions", "mojokerto").stdout


FUNDING_TEXT = {
    "apbd": "bersumber dari Anggaran Pendapatan dan Belanja Daerah Kota Mojokerto Tahun "
    "Anggaran …… pada Dokumen Pelaksanaan Anggaran Dinas PUPR Kota Mojokerto",
    "hibah": "dalam bentuk hibah daerah yang bersumber dari Anggaran Pendapatan dan Belanja "
    "Daerah Kota Mojokerto",
    "swakelola": "melalui pengadaan barang/jasa secara swakelola dengan PIHAK KEDUA sebagai "
    "organisasi kemasyarakatan pelaksana swakelola",
}


@pytest.mark.parametrize(("form", "says"), sorted(FUNDING_TEXT.items()))
def test_the_form_of_funding_is_named(mojokerto: str, cli, form: str, says: str) -> None:  # type: ignore[no-untyped-def]
    text = _flat(_draft(cli, "--funding", form, *budget_options()))
    assert says in text
    shown = json.loads(cli("moa", "versions", "mojokerto", "--json").stdout)
    assert shown[-1]["funding"] == form and shown[-1]["signatory"] == "head"


def test_a_zero_cost_pks_says_so_and_takes_no_budget(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    text = _flat(_draft(cli, "--funding", "none"))
    assert "PARA PIHAK tidak saling membebankan biaya" in text
    annex = text.split("## RENCANA ANGGARAN BIAYA")[1].split("::: sign")[0]
    assert "Rp" not in annex and "tidak saling membebankan biaya" in annex
    refused = cli("moa", "draft", "mojokerto", "--funding", "none", "--budget", "5000000")
    assert refused.exit_code == 1 and "--funding none means no money" in refused.stderr
    unknown = cli("moa", "draft", "mojokerto", "--funding", "dak")
    assert unknown.exit_code == 1
    assert "unknown --funding 'dak'; use one of: apbd, hibah, swakelola, none." in unknown.stderr
    needs = cli("moa", "draft", "mojokerto", "--funding", "hibah")
    assert needs.exit_code == 1 and "--funding hibah needs the amount" in needs.stderr


def test_the_signatory_and_the_authority_to_sign(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    head = _flat(_draft(cli, "--budget", "150000000"))
    assert (
        f"**{HEAD_NAME}**, Wali Kota Mojokerto, berkedudukan di Mojokerto, dalam hal ini "
        "bertindak dalam jabatannya untuk dan atas nama Pemerintah Kota Mojokerto" in head
    )
    opd = _flat(_draft(cli, "--signatory", "opd"))
    assert (
        f"**{OPD_HEAD}**, Kepala Dinas PUPR Kota Mojokerto, berkedudukan di Mojokerto, dalam hal "
        "ini bertindak untuk dan atas nama Pemerintah Kota Mojokerto berdasarkan Surat Kuasa "
        "Wali Kota Mojokerto Nomor …… tanggal ……" in opd
    )
    assert f"| **{OPD_HEAD}** | **{SIGNATORY}** |" in opd
    assert "| NIP. …………………… |" in opd
    again = json.loads(cli("moa", "versions", "mojokerto", "--json").stdout)
    assert [v["signatory"] for v in again] == ["head", "opd"]
    unknown = cli("moa", "draft", "mojokerto", "--signatory", "sekda")
    assert unknown.exit_code == 1 and "use one of: head, opd" in unknown.stderr


def test_signatory_opd_needs_the_office_head(db_url: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    prepare(db_url, tmp_path)
    from _kb import record_kb

    record_kb(db_url, "33.23")
    refused = cli("moa", "draft", "temanggung", "--subject", "X", "--signatory", "opd")
    assert refused.exit_code == 1
    assert 'aksansi official set 33.23 --position "Kepala Dinas PUPR" --name NAME' in refused.stderr
    assert "No moa drafts yet." in cli("moa", "versions", "temanggung").stdout


def test_the_mechanism_comes_from_a_file(mojokerto: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mechanism = tmp_path / "mekanisme.md"
    mechanism.write_text(
        "### A. JADWAL RETROFIT\n\n| No | Lokasi | Bulan |\n|---|---|---|\n"
        "| 1 | KSM Tirto Wening | Maret 2027 |\n\n**Catatan:** disepakati di lapangan.\n",
        encoding="utf-8",
    )
    text = _draft(cli, "--mechanism", str(mechanism), "--budget", "150000000")
    assert "| 1 | KSM Tirto Wening | Maret 2027 |" in text  # printed as Markdown, not escaped
    assert "**Catatan:** disepakati di lapangan." in text
    assert "A. PEMBAGIAN PERAN" not in text
    kept = _draft(cli, "--years", "2")  # the next version keeps the mechanism
    assert "| 1 | KSM Tirto Wening | Maret 2027 |" in kept

    missing = cli("moa", "draft", "mojokerto", "--mechanism", str(tmp_path / "nope.md"))
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    latin = tmp_path / "latin.md"
    latin.write_bytes("Pembagian peran: Dinas dan KSM — tahap ké-1".encode("cp1252"))
    refused = cli("moa", "draft", "mojokerto", "--mechanism", str(latin))
    assert refused.exit_code == 1 and "is not UTF-8 text" in refused.stderr


def test_terms_carry_over_to_the_next_version(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    _draft(cli, "--signatory", "opd", "--funding", "swakelola", *budget_options())
    second = _flat(_draft(cli, "--years", "2"))
    assert "secara swakelola" in second and "berdasarkan Surat Kuasa" in second
    assert BUDGET_ITEMS[2][0] in second and "selama 2 (dua) tahun" in second
    diff = cli("moa", "diff", "mojokerto", "1", "2").stdout
    assert "-(1) Perjanjian ini berlaku selama 1 (satu) tahun" in diff
    assert "+(1) Perjanjian ini berlaku selama 2 (dua) tahun" in diff


def test_the_mou_has_the_complete_articles(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("mou", "draft", "mojokerto")
    assert result.exit_code == 0, result.stderr
    text = _flat(Path(result.stdout.split("→")[1].strip()).read_text(encoding="utf-8"))
    for title in ("KEADAAN KAHAR", "PENGAKHIRAN", "KORESPONDENSI"):
        assert f"### {title}" in text
    assert (
        "diatur lebih lanjut dalam Perjanjian Kerja Sama antara Pemerintah Kota Mojokerto dan "
        "PIHAK KEDUA" in text
    )
    assert (
        "oleh kepala perangkat daerah yang membidangi urusan air limbah domestik berdasarkan "
        "surat kuasa dari PIHAK KESATU" in text
    )
    assert "perangkat daerah terkait dan PIHAK KEDUA" not in text
    assert "Pada hari ini …… tanggal …… bulan …… tahun ……, bertempat di Mojokerto" in text


def test_word_layout_is_ready_to_sign(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    path = _draft(cli, *budget_options(), fmt="docx")
    document = docx.Document(path)
    styles = {p.style.name for p in document.paragraphs}
    assert {"Judul Perjanjian", "Tanda Rancangan", "Rujukan Lampiran"} <= styles
    mark = next(p for p in document.paragraphs if p.style.name == "Tanda Rancangan")
    assert mark.text == "RANCANGAN — VERSI 1 — 27 NOVEMBER 2026"
    pasal = [p for p in document.paragraphs if p.text.startswith("Pasal ")]
    assert len(pasal) == 17
    for paragraph in pasal:
        title = paragraph._p.getnext()
        assert paragraph.paragraph_format.keep_with_next
        assert docx.text.paragraph.Paragraph(
            title, paragraph._parent
        ).paragraph_format.keep_with_next
    footer = document.sections[0].footer._element
    instructions = [t.text.strip() for t in footer.iter("{*}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    footer_text = "".join(footer.itertext())
    assert "Halaman" in footer_text and " dari " in footer_text
    assert "Paraf PIHAK KESATU" in footer_text and "Paraf PIHAK KEDUA" in footer_text
    signatures = [t for t in document.tables if t.cell(0, 0).text == "PIHAK KESATU,"]
    assert len(signatures) == 4  # the body and each of the three annexes
    for table in signatures:
        assert table.rows[2].height >= Cm(3.5)
        assert table.cell(2, 1).text == "meterai Rp10.000"
        assert (table.cell(3, 0).text, table.cell(3, 1).text) == (HEAD_NAME, SIGNATORY)
    data = [t for t in document.tables if t.cell(0, 0).text == "No"]
    assert len(data) == 3  # schedule, RAB, KSMs
    for table in data:
        assert table.rows[0]._tr.trPr.find("{*}tblHeader") is not None
    texts = _docx_texts(path)
    assert (
        "Pada hari ini …… tanggal …… bulan …… tahun ……, bertempat di Mojokerto, kami yang "
        "bertanda tangan di bawah ini:" in texts
    )


def test_html_prints_both_signature_columns(mojokerto: str, cli) -> None:  # type: ignore[no-untyped-def]
    page = _draft(cli, *budget_options(), fmt="html")
    assert '<body class="perjanjian">' in page
    assert "p.sign { margin-left: 55%" in page and "\n.sign {" not in page
    assert 'content: "Halaman " counter(page) " dari " counter(pages)' in page
    assert '<p class="rancangan">' in page and '<h1 class="judul">' in page
    assert page.count('<table class="sign">') == 4
    assert page.count("<thead>") == 3
    assert f"<strong>{SIGNATORY}</strong>" in page
    assert BUDGET == 2_001_500_000
