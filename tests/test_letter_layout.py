"""The surat-dinas layout, read back from the real .docx and .html of rendered letters: the
date on the Nomor line (a right tab stop at the text margin), Hal not bold and hanging
after its colon, 3 cm to sign, numbers that never break, the Lampiran count equal to
what is listed, the narahubung and the letterhead's contacts and logo from the profile.
(How LibreOffice and Chromium print them: tests/test_letters_in_libreoffice.py.)"""

from __future__ import annotations

import base64
import re
import zlib
from datetime import date
from pathlib import Path

import docx
import pytest
from _kb import record_kb
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm
from secretariat import set_profile

from documents.filters import berkas, judul
from workflow.infrastructure.unit_of_work import UnitOfWork


def png(path: Path, size: int = 8) -> Path:
    """A real PNG file (grey square), made with zlib alone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    raw = b"".join(b"\x00" + b"\x80" * size for _ in range(size))
    header = size.to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
    path.write_bytes(data + chunk(b"IEND", b""))
    return path


@pytest.fixture
def ready(sqlite_url: str, cli) -> str:  # type: ignore[no-untyped-def]
    from workflow.services.officials import set_official
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    set_profile(sqlite_url)
    set_official(
        UnitOfWork(sqlite_url),
        "35.76",
        position="Kepala Dinas PUPR",
        name="Pejabat Uji",
        actor="tester",
        since=date(2026, 1, 5),
    )
    record_kb(sqlite_url, "35.76")
    return sqlite_url


def _render(cli, kind: str, fmt: str) -> Path:  # type: ignore[no-untyped-def]
    result = cli("letter", "render", "mojokerto", kind, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    return Path(result.stdout.split("→ ")[1].strip())


def _paragraph(document: docx.document.Document, starts: str):  # type: ignore[no-untyped-def]
    return next(p for p in document.paragraphs if p.text.startswith(starts))


def test_the_date_is_on_the_nomor_line_at_a_right_tab_stop(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(_render(cli, "cooperation_offer", "docx"))
    nomor = _paragraph(document, "Nomor")
    assert nomor.text == "Nomor\t:\t001/SEK-AKSANSI/XI/2026\tYogyakarta, 27 November 2026"
    stops = [(stop.position, stop.alignment) for stop in nomor.paragraph_format.tab_stops]
    section = document.sections[0]
    margin = section.page_width - section.left_margin - section.right_margin
    right = [position for position, kind in stops if kind == WD_TAB_ALIGNMENT.RIGHT]
    assert len(right) == 1 and abs(right[0] - margin) < Cm(0.01)  # at the text margin
    assert not any(p.text == "Yogyakarta, 27 November 2026" for p in document.paragraphs)


def test_hal_is_plain_and_hangs_after_its_colon(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(_render(cli, "cooperation_offer", "docx"))
    hal = _paragraph(document, "Hal\t")
    assert not any(run.bold for run in hal.runs)
    fmt = hal.paragraph_format
    assert fmt.left_indent == -fmt.first_line_indent  # continuation lines hang…
    assert fmt.left_indent in [stop.position for stop in fmt.tab_stops]  # …after the colon


def test_three_centimetres_to_sign_and_stamp(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(_render(cli, "audiensi_request", "docx"))
    texts = [p.text for p in document.paragraphs]
    position = texts.index("Koordinator Sekretariat AKSANSI,")
    gap = document.paragraphs[position + 1]
    assert gap.text == "" and texts[position + 2] == "Penanda Tangan Uji"
    assert gap.paragraph_format.line_spacing >= Cm(3)
    kept = [p.paragraph_format.keep_with_next for p in document.paragraphs[position - 1 :]]
    assert all(kept[:-1])  # closing words, signature and Tembusan stay on one page


def test_a_letter_number_never_breaks(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(_render(cli, "audiensi_request", "docx"))
    nomor = _paragraph(document, "Nomor")
    assert nomor._p.findall(".//" + qn("w:noBreakHyphen"))  # Word's non-breaking hyphen
    page = _render(cli, "audiensi_request", "html").read_text(encoding="utf-8")
    assert '<span class="nowrap">002/SEK-AKSANSI/XI/2026</span>' in page
    assert "span.nowrap { white-space: nowrap; }" in page


def test_the_lampiran_line_counts_what_is_listed(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    from workflow.services.letters import show_letter

    offer = show_letter(UnitOfWork(ready), _render_number(cli, "cooperation_offer"))
    listed = re.findall(r"^\d\. ", offer.split("lampirkan:")[1].split("Kami siap")[0], re.M)
    assert len(listed) == 4 and "| Lampiran | : 4 (empat) berkas |" in offer
    notice = show_letter(UnitOfWork(ready), _render_number(cli, "premonitoring_notice"))
    assert "Lampiran" not in notice  # it encloses nothing
    audiensi = show_letter(UnitOfWork(ready), _render_number(cli, "audiensi_request"))
    assert "| Lampiran | : 1 (satu) berkas |" in audiensi
    assert "lampirkan profil singkat AKSANSI." in audiensi
    assert "| Hal | : Permohonan Audiensi |" in audiensi  # not bold


def _render_number(cli, kind: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("letter", "render", "mojokerto", kind, "--format", "md")
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()[0]


def test_narahubung_and_letterhead_contacts_come_from_the_profile(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    from workflow.services.letters import show_letter

    before = show_letter(UnitOfWork(ready), _render_number(cli, "funding_followup"))
    assert "narahubung" not in before and "Laman" not in before
    for key, value in (
        ("org.email", "sekretariat@aksansi.or.id"),
        ("org.website", "www.aksansi.or.id"),
        ("contact.name", "Rina Wulandari"),
        ("contact.phone", "0812-2727-1234"),
    ):
        assert cli("config", "set", key, value).exit_code == 0
    after = show_letter(UnitOfWork(ready), _render_number(cli, "funding_followup"))
    assert (
        "Telepon 0274 000000 · Pos-el sekretariat@aksansi.or.id · Laman www.aksansi.or.id"
    ) in after
    assert (
        "menghubungi narahubung kami, Rina Wulandari, telepon 0812-2727-1234."
    ) in after.replace("\n", " ")


def test_the_logo_is_embedded_in_word_and_inline_in_html(  # type: ignore[no-untyped-def]
    ready: str, cli, tmp_path: Path
) -> None:
    logo = png(tmp_path / "logo.png")
    assert cli("config", "set", "org.logo", str(logo)).exit_code == 0
    document = docx.Document(_render(cli, "audiensi_request", "docx"))
    images = [part for part in document.part.package.parts if part.content_type == "image/png"]
    assert [image.blob for image in images] == [logo.read_bytes()]
    [kop] = document.tables[:1]
    assert "AKSANSI" in kop.rows[0].cells[1].text  # the letterhead beside the logo
    page = _render(cli, "audiensi_request", "html").read_text(encoding="utf-8")
    encoded = base64.b64encode(logo.read_bytes()).decode("ascii")
    assert f'<img src="data:image/png;base64,{encoded}"' in page


@pytest.mark.parametrize("content", [b"", b"GIF89a not a png", b"\x89PNG\r\n\x1a\nshort"])
def test_a_logo_that_is_not_a_readable_png_is_refused(  # type: ignore[no-untyped-def]
    ready: str, cli, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "logo.png"
    bad.write_bytes(content)
    result = cli("config", "set", "org.logo", str(bad))
    assert result.exit_code == 1 and "PNG" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    missing = cli("config", "set", "org.logo", str(tmp_path / "nothing.png"))
    assert missing.exit_code == 1 and "cannot read the logo" in missing.stderr
    assert cli("config", "get", "org.logo").exit_code == 1  # nothing was stored


def test_the_html_page_keeps_the_end_of_the_letter_together(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    page = _render(cli, "cooperation_offer", "html").read_text(encoding="utf-8")
    assert "@page { size: A4;" in page and "div.akhir { break-inside: avoid;" in page
    end = page.split('<div class="akhir">')[1]
    assert end.index("Demikian") < end.index("Penanda Tangan Uji") < end.index("Tembusan:")
    assert end.index("Arsip.") < end.rindex("</div>")
    identity = page.split('<table class="identitas">')[1].split("</table>")[0]
    assert '<td class="tanggal">Yogyakarta, 27 November 2026</td>' in identity
    assert '<td class="colon">:</td>' in identity  # a long Hal hangs after the colon


@pytest.mark.parametrize(
    ("subject", "cited"),
    [
        ("Mekanisme teknis retrofit MCK Plus", "Mekanisme Teknis Retrofit MCK Plus"),
        ("IPAL komunal dan sambungan rumah", "IPAL Komunal dan Sambungan Rumah"),
        ("dukungan pra-operasi di Kabupaten Lebak", "Dukungan Pra-Operasi di Kabupaten Lebak"),
    ],
)  # fmt: skip
def test_a_cited_subject_is_in_title_case(subject: str, cited: str) -> None:
    assert judul(subject) == cited


def test_the_enclosures_are_counted_in_words() -> None:
    assert [berkas(n) for n in (1, 4, 11)] == [
        "1 (satu) berkas",
        "4 (empat) berkas",
        "11 (sebelas) berkas",
    ]
