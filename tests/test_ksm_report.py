"""The region report and coverage: numbers checked against the data that went in."""

from __future__ import annotations

from pathlib import Path

from _ksm_rows import failing_row, good_row, write_csv
from secretariat import PROFILE

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
    from workflow.services.settings import set_setting

    seed_portfolio(UnitOfWork(url), actor="tester")
    for key, value in PROFILE.items():
        set_setting(UnitOfWork(url), key, value, actor="tester")
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


CHART_ROWS = [
    {
        "ksm": "KSM Sido Rukun Makmur Sejahtera",
        "kind_label": "IPAL Komunal",
        "scores": {
            "kelembagaan": {"score": 100},
            "teknis": {"score": 50},
            "keuangan": {"score": 0},
        },
    },
    {"ksm": "KSM Belum Dikunjungi", "kind_label": "MCK Plus", "scores": None},
    {
        "ksm": "KSM Mawar",
        "kind_label": "MCK Plus",
        "scores": {"kelembagaan": {"score": 7}, "teknis": {"score": 5}, "keuangan": {"score": 73}},
    },
]


def test_the_chart_is_drawn_with_names_axis_bands_legend_and_alt_text() -> None:
    from documents.ksm_chart import alt_text, render_chart

    svg = render_chart(CHART_ROWS, "svg").decode("utf-8")
    assert svg.count("<svg") == 1 and 'role="img"' in svg
    assert '<title id="grafik-judul">Nilai kelembagaan, teknis, dan keuangan' in svg
    description = alt_text(CHART_ROWS)
    assert "1. KSM Sido Rukun Makmur Sejahtera (IPAL Komunal): kelembagaan 100, teknis 50" in (
        description
    )
    assert "3. KSM Mawar (MCK Plus): kelembagaan 7, teknis 5, keuangan 73" in description
    assert "KSM Belum Dikunjungi" not in description  # not assessed: not drawn
    for text in (
        "1. KSM Sido Rukun Makmur",  # the label wraps onto a second line
        "3. KSM Mawar (MCK Plus)",
        "Nilai (0–100)",
        "Kelembagaan",
        "Teknis",
        "Keuangan",
        "merah &lt; 40",
        "kuning 40–69",
        "hijau ≥ 70",
    ):
        assert text in svg, text
    ticks = [f">{n}<" for n in range(0, 101, 10)]
    assert all(tick in svg for tick in ticks)


def test_the_word_chart_is_a_200_dpi_png_with_alt_text(seeded: str, tmp_path: Path) -> None:
    import io

    from docx import Document
    from PIL import Image

    load(seeded, tmp_path)
    context = region_report(UnitOfWork(seeded), "33.75")
    [path] = write_report(context, "docx", tmp_path / "laporan.docx")
    document = Document(str(path))
    [shape] = document.inline_shapes
    picture = shape._inline.graphic.graphicData.pic
    blob = document.part.related_parts[picture.blipFill.blip.embed].blob
    image = Image.open(io.BytesIO(blob))
    assert image.format == "PNG"
    shown_inches = shape.width / 914400
    assert image.width / shown_inches >= 200
    description = shape._inline.docPr.get("descr")
    assert description.startswith("Grafik batang nilai kelembagaan")
    assert "KSM Mawar (MCK Plus): kelembagaan 7" in description


def test_matplotlib_is_imported_only_when_a_chart_is_drawn() -> None:
    import subprocess
    import sys

    code = (
        "import sys, cli, documents.ksm_report, documents.ksm_chart\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at start-up'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-400:]
