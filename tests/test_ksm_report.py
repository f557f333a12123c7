"""The region report and coverage: numbers checked against the data that went in."""

from __future__ import annotations

from pathlib import Path

from _ksm_rows import failing_row, good_row, write_csv

from documents.ksm_report import write_report
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.ksm import NewKsm, add_ksm, region_ksm_coverage
from workflow.services.ksm_import import import_ksm_file
from workflow.services.ksm_report import region_report

ROWS = [
    good_row(),  # IPAL: SR designed 60, installed 58, active 50; scores 78/95/95
    failing_row(),  # MCK Plus: designed 40, installed 10, active 0; scores 7/5/0
    good_row(
        nama_ksm="KSM Melati",
        jenis_sarana="mck_plus_sr",
        sr_desain="20",
        sr_terpasang="22",  # a retrofit: more installed than designed (allowed)
        sr_aktif="18",
        status_fungsi="berfungsi_sebagian",
        tingkat_penagihan_persen="",
    ),  # incomplete: no collection rate
]


def load(url: str, tmp_path: Path) -> None:
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(url), actor="tester")
    import_ksm_file(UnitOfWork(url), write_csv(tmp_path / "ksm.csv", ROWS), actor="tester")
    add_ksm(
        UnitOfWork(url),
        "pekalongan",
        NewKsm(name="KSM Belum Dikunjungi", facility="ipal_komunal", sr_designed=30),
        actor="tester",
    )


def test_coverage_counts_ksms_facilities_and_sr(seeded: str, tmp_path: Path) -> None:
    load(seeded, tmp_path)
    coverage = region_ksm_coverage(UnitOfWork(seeded), "Kota Pekalongan")
    assert coverage == {
        "ksm": 4,
        "ksm_assessed": 3,
        "facilities": 4,
        "facilities_assessed": 3,
        "sr_designed": 60 + 40 + 20 + 30,
        "sr_installed": 58 + 10 + 22,
        "sr_active": 50 + 0 + 18,
        "sr_coverage_pct": round(100 * 68 / 150, 1),
        "ksm_incomplete": 2,
    }


def test_report_docx_numbers_match_the_data(seeded: str, tmp_path: Path) -> None:
    from docx import Document

    load(seeded, tmp_path)
    context = region_report(UnitOfWork(seeded), "33.75")
    written = write_report(context, "docx", tmp_path / "laporan.docx")
    assert [p.name for p in written] == ["laporan.docx"]
    document = Document(str(written[0]))
    assert len(document.inline_shapes) == 1  # the PNG chart
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]
    summary = dict(tables[0][1:])
    assert summary["KSM terdata"] == "4" and summary["SR desain"] == "150"
    assert summary["SR aktif"] == "68" and summary["Cakupan SR (aktif / desain)"] == "45,3%"
    status = dict(tables[2][1:])
    assert status == {
        "Berfungsi baik": "1",
        "Berfungsi sebagian": "1",
        "Mangkrak": "1",
        "Belum dikunjungi": "1",
    }
    aspects = {row[0]: row[1:] for row in tables[3][1:]}
    # Melati teknis: sebagian 20 + 18/20×30 = 27 + iplt 10 + desludged 10 + no clogging 10 = 77
    assert aspects["Teknis"] == ["59", "2", "0", "1"]  # (95 + 5 + 77) / 3; hijau 2, merah 1
    per_ksm = {row[1]: row[1:] for row in tables[4][1:]}
    assert per_ksm["KSM Mawar"][4:7] == ["7 (merah)", "5 (merah)", "0 (merah)"]
    assert per_ksm["KSM Melati"][7] == "18/20 (22 terpasang, melebihi desain)"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "1. KSM Mawar — MCK Plus" in text and "Pompa rusak" in text
    assert "Rp15.000.000,00" in text
    assert "KSM Melati (mck_plus_sr): tingkat_penagihan_persen" in text


def test_report_html_has_the_chart_and_default_path(seeded: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    load(seeded, tmp_path)
    result = cli("ksm", "report", "pekalongan", "--format", "html")
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "out" / "2026" / "33.75" / "laporan-pre-monitoring.html"
    html = path.read_text(encoding="utf-8")
    assert html.count("<svg") == 1 and "KSM Mawar (MCK Plus)" in html
    assert "ksm_data_incomplete" in result.stderr


def test_region_show_has_the_ksm_coverage_section(cli, seeded: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "KSM coverage" not in cli("region", "show", "pekalongan").stdout
    load(seeded, tmp_path)
    shown = cli("region", "show", "pekalongan").stdout
    assert "4 KSM (3 visited), 4 facilities (3 assessed)" in shown
    assert "SR: 150 designed, 90 installed, 68 active (45.3% of design)" in shown
    assert "2 KSM with required data missing" in shown


def test_png_chart_bars_are_as_long_as_the_scores() -> None:
    import zlib

    from docx.image.image import Image

    from documents.ksm_png import AREA, BAR, LEFT, TOP, score_chart_png

    rows = [
        {
            "scores": {
                "kelembagaan": {"score": 100},
                "teknis": {"score": 50},
                "keuangan": {"score": 0},
            }
        }
    ]
    png = score_chart_png(rows)
    image = Image.from_blob(png)  # python-docx's own PNG reader accepts it
    assert (image.px_width, image.content_type) == (LEFT + AREA + 40, "image/png")
    raw = zlib.decompress(png[png.index(b"IDAT") + 4 :])
    stride = 1 + 3 * image.px_width

    def pixel(x: int, y: int) -> bytes:
        return raw[y * stride + 1 + 3 * x : y * stride + 4 + 3 * x]

    middle = TOP + BAR // 2
    assert pixel(LEFT + AREA - 1, middle) == bytes((0x4E, 0x79, 0xA7))  # kelembagaan 100: full
    assert pixel(LEFT + AREA // 2 - 1, middle + BAR) == bytes((0xF2, 0x8E, 0x2B))  # teknis 50
    assert pixel(LEFT + AREA // 2 + 20, middle + BAR) == b"\xff\xff\xff"  # ... and no further
    assert pixel(LEFT + 1, middle + 2 * BAR) == b"\xff\xff\xff"  # keuangan 0: no bar
