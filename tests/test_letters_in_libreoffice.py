"""Every letter kind as a Pemda receives it: the Word file printed by LibreOffice and the
HTML printed by Chromium, read back with `pdftotext -layout` (the four approval letters
may take two pages: `MAY_TAKE_TWO_PAGES`).

For a kabupaten whose seat is not its name (Lebak → Rangkasbitung), a kota (Mojokerto),
an administrative region (Kota Administrasi Jakarta Selatan: the kinds it may receive)
and a long name (Kabupaten Kepulauan Siau Tagulandang Biaro), signed by a titled
signatory: one A4 page each, the place and date on the Nomor line, the seat town after
"di", no letter number broken across lines, the signatory's name printed. One
LibreOffice run for every Word file of the module.
"""

from __future__ import annotations

import os
import re
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from _print import chromium_pdf, libreoffice_pdfs, pdf_pages, tool

SIGNATORY = "Dr. Ir. H. Bambang Sutrisno, M.Sc."
DATE_LINE = "Yogyakarta, 27 November 2026"
ALL_KINDS = (
    "audiensi_request",
    "premonitoring_notice",
    "cooperation_offer",
    "moa_submission",
    "response_request",
    "official_introduction",
    "funding_followup",
    "mou_extension",
    "tkksd_request",
    "legal_review_request",
    "dprd_approval_request",
    "power_of_attorney_request",
)
# The approval letters (issue 16) cite two regulations and copy four offices: with this
# profile (logo, long names, narahubung) they may take a second page, which then holds
# the closing words with the signature and the Tembusan, never the copies alone.
MAY_TAKE_TWO_PAGES = (
    "tkksd_request",
    "legal_review_request",
    "dprd_approval_request",
    "power_of_attorney_request",
)
# An administrative region is no party to a KB or a PKS: the letters that cite one are out.
ADMINISTRATIVE_KINDS = (
    "audiensi_request",
    "premonitoring_notice",
    "cooperation_offer",
    "official_introduction",
    "funding_followup",
)
REGIONS = {  # query → (code, seat, kinds, also printed from HTML)
    "lebak": ("36.02", "Rangkasbitung", ALL_KINDS, False),
    "mojokerto": ("35.76", "Mojokerto", ALL_KINDS, False),
    "jakarta selatan": ("31.74", "Jakarta Selatan", ADMINISTRATIVE_KINDS, True),
    "siau": ("71.09", "Ondong Siau", ALL_KINDS, True),
}
PROFILE = {
    "org.address": "Jl. Kaliurang Km 5 Nomor 12, Sleman, Daerah Istimewa Yogyakarta 55281",
    "org.city": "Yogyakarta",
    "org.phone": "0274 123456",
    "org.email": "sekretariat@aksansi.or.id",
    "org.website": "www.aksansi.or.id",
    "contact.name": "Rina Wulandari",
    "contact.phone": "0812-2727-1234",
    "signatory.name": SIGNATORY,
    "signatory.position": "Koordinator Sekretariat AKSANSI",
}
SUBJECT = "mekanisme teknis pengelolaan dan pemeliharaan IPAL komunal berbasis masyarakat"


@dataclass(frozen=True)
class Printed:
    region: str
    kind: str
    number: str  # of the Word letter
    seat: str
    docx_pdf: Path
    html: Path | None
    html_number: str | None


def _logo(path: Path) -> Path:
    """A small real PNG (a grey square), written with zlib alone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    size = 48
    raw = b"".join(b"\x00" + b"\x80" * size for _ in range(size))
    header = size.to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return path


def _prepare(cli, work: Path) -> None:  # type: ignore[no-untyped-def]
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(os.environ["AKSANSI_DB"]), actor="tester")
    for key, value in {**PROFILE, "org.logo": str(_logo(work / "logo.png"))}.items():
        cli("config", "set", key, value)
    for code in ("36.02", "31.74", "71.09"):
        cli("region", "add", code)
    for code, _seat, kinds, _html in REGIONS.values():
        cli("official", "set", code, "--position", "Kepala Dinas PUPR", "--name", "Budi")
        if "mou_extension" in kinds:
            cli(
                "mou", "record", code, "--number-pemda", "415.4/12/Bappeda/2026",
                "--number-aksansi", "010/SEK-AKSANSI/III/2026", "--signed-on", "2026-03-10",
                "--years", "1",
            )  # fmt: skip
            cli("moa", "draft", code, "--subject", SUBJECT, "--budget", "150000000",
                "--format", "md", "-o", str(work / f"moa-{code}.md"))  # fmt: skip


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> list[Printed]:
    """Every letter of REGIONS as .docx (and .html where asked), and the .docx as PDF."""
    from click.testing import CliRunner

    from cli import main
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.letters import render_letter

    tool("soffice", "libreoffice")
    tool("pdftotext")
    work = tmp_path_factory.mktemp("letters-printed")
    database = work / "aksansi.sqlite3"
    shutil.copy(sqlite_template, database)
    runner = CliRunner()

    def cli(*args: str) -> None:
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stderr)

    made: list[tuple[str, str, str, str, Path, Path | None, str | None]] = []
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AKSANSI_DB", str(database))
        env.setenv("AKSANSI_NOW", "2026-11-27T09:00:00+07:00")
        env.setenv("AKSANSI_USER", "tester")
        env.setenv("AKSANSI_LANG", "en")
        env.setenv("AKSANSI_OUTPUT_DIR", str(work / "out"))
        env.delenv("AKSANSI_TEMPLATE_DIR", raising=False)
        _prepare(cli, work)
        for query, (code, seat, kinds, with_html) in REGIONS.items():
            for kind in kinds:
                formats = ("docx", "html") if with_html else ("docx",)
                views = [
                    render_letter(UnitOfWork(str(database)), code, kind, actor="t", fmt=fmt)
                    for fmt in formats
                ]
                html = Path(views[1].files["html"]) if with_html else None
                html_number = views[1].number if with_html else None
                docx = Path(views[0].files["docx"])
                made.append((query, kind, views[0].number, seat, docx, html, html_number))
    pdf_dir = work / "pdf"
    pdf_dir.mkdir()
    sources = []
    for query, kind, *_rest in made:
        source = pdf_dir / f"{query.replace(' ', '_')}-{kind}.docx"
        shutil.copy(_rest[2], source)
        sources.append(source)
    pdfs = libreoffice_pdfs(sources, pdf_dir)
    return [
        Printed(query, kind, number, seat, pdf, html, html_number)
        for (query, kind, number, seat, _docx, html, html_number), pdf in zip(
            made, pdfs, strict=True
        )
    ]


def _lines(page: str) -> list[str]:
    """Printed lines, the non-breaking hyphen read as a hyphen."""
    return [line.replace("\u2011", "-") for line in page.splitlines() if line.strip()]


def _problems(item: Printed, pages: list[str], client: str, number: str) -> list[str]:
    where = f"{client}: {item.region} {item.kind}"
    found = _page_problems(item, pages, where)
    lines = _lines("\n".join(pages))
    nomor = next((line for line in lines if line.strip().startswith("Nomor")), "")
    pattern = rf"^\s*Nomor\s+:\s+{re.escape(number)}\s{{2,}}{DATE_LINE}\s*$"
    if not re.match(pattern, nomor):
        found.append(f"{where}: the Nomor line is {nomor!r}")
    stripped = [line.strip() for line in lines]
    if "di" not in stripped or stripped[stripped.index("di") + 1] != item.seat:
        found.append(f"{where}: no 'di' followed by {item.seat}")
    if SIGNATORY not in "\n".join(stripped):
        found.append(f"{where}: the signatory's name is missing")
    found += [f"{where}: a number breaks at {line!r}" for line in _broken_numbers(lines)]
    return found


def _page_problems(item: Printed, pages: list[str], where: str) -> list[str]:
    """One page; or, for a long approval letter, two with the end of the letter together."""
    if len(pages) == 1:
        return []
    if item.kind not in MAY_TAKE_TWO_PAGES or len(pages) > 2:
        return [f"{where}: {len(pages)} pages"]
    last = " ".join(pages[-1].split())
    together = last.startswith("Demikian") and SIGNATORY in last and "Tembusan:" in last
    return [] if together else [f"{where}: page 2 does not hold the whole end of the letter"]


def _broken_numbers(lines: list[str]) -> list[str]:
    """Lines that end inside a number (`020/SEK-` | `AKSANSI/XII/2026`)."""
    return [line for line in lines if re.search(r"\d\S*[/-]$", line.rstrip())]


def test_every_word_letter_prints_on_one_page_as_a_surat_dinas(printed: list[Printed]) -> None:
    problems = [
        problem
        for item in printed
        for problem in _problems(item, pdf_pages(item.docx_pdf), "Word", item.number)
    ]
    assert not problems, "\n".join(problems)
    assert len(printed) == sum(len(kinds) for _c, _s, kinds, _h in REGIONS.values())


def test_the_registered_numbers_print_whole(printed: list[Printed]) -> None:
    """Every letter number and KB number printed stays on one line: joining the lines
    without a separator finds no occurrence that the lines themselves do not hold."""
    numbers = {item.number for item in printed} | {"415.4/12/Bappeda/2026"}
    for item in printed:
        lines = [line.strip() for line in _lines("\n".join(pdf_pages(item.docx_pdf)))]
        whole, joined = "\n".join(lines), "".join(lines)
        broken = [n for n in numbers if joined.count(n) != whole.count(n)]
        assert not broken, (item.region, item.kind, broken)


def test_the_lampiran_line_counts_the_enclosures(printed: list[Printed]) -> None:
    by_kind = {item.kind: item for item in printed if item.region == "lebak"}
    offer = "\n".join(pdf_pages(by_kind["cooperation_offer"].docx_pdf))
    assert re.search(r"Lampiran\s+:\s+4 \(empat\) berkas", offer)
    assert "4.   dokumen legalitas AKSANSI." in offer or "4. dokumen legalitas" in offer
    notice = "\n".join(pdf_pages(by_kind["premonitoring_notice"].docx_pdf))
    assert "Lampiran" not in notice  # it encloses nothing: no Lampiran line
    submission = "\n".join(pdf_pages(by_kind["moa_submission"].docx_pdf))
    assert "tentang Mekanisme Teknis Pengelolaan dan Pemeliharaan IPAL Komunal" in " ".join(
        submission.split()
    )
    assert re.search(r"Hal\s+:\s+Penyampaian", submission)
    assert "Rina Wulandari, telepon 0812-2727-1234" in " ".join(
        submission.replace("\u2011", "-").split()
    )


def test_every_html_letter_prints_on_one_page_with_its_tembusan(
    printed: list[Printed], tmp_path: Path
) -> None:
    problems = []
    for item in (item for item in printed if item.html is not None):
        target = tmp_path / f"{item.region.replace(' ', '_')}-{item.kind}.pdf"
        pages = pdf_pages(chromium_pdf(item.html, target, tmp_path))
        problems += _problems(item, pages, "HTML", item.html_number or "")
        if "Tembusan:" not in pages[0] and item.kind not in MAY_TAKE_TWO_PAGES:
            problems.append(f"HTML: {item.region} {item.kind}: Tembusan not on page 1")
    assert not problems, "\n".join(problems)
