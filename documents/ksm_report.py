"""The Laporan Hasil Pre-Monitoring KSM: a plain dict in, Markdown / HTML / .docx bytes out.

The Markdown comes from one Jinja2 template (`templates/laporan_pre_monitoring.md.j2`);
HTML and Word are made from that Markdown, so the three formats say the same thing.

INTERIM: the letters machinery (Jinja2 sandbox, filters `tanggal`/`rupiah`,
Markdown → HTML/.docx) is being built on the `letters` branch. Until it is merged,
`_environment` and `documents/_markdown.py` stand in for it; switching means
replacing `_environment()` and the two converters below by the letters API.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from documents import _markdown
from documents.ksm_chart import score_chart_svg
from documents.ksm_png import score_chart_png, with_chart_picture

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = "laporan_pre_monitoring.md.j2"
BASENAME = "laporan-pre-monitoring"
CHART_AFTER = "5. Nilai per KSM"
CHART_CAPTION = (
    "Grafik: nilai per sarana, bernomor sesuai tabel di bawah; biru = kelembagaan, "
    "oranye = teknis, hijau = keuangan; garis putus-putus = batas kuning (40) dan "
    "hijau (70)."
)


def render_markdown(context: dict[str, Any]) -> str:
    return _environment().get_template(TEMPLATE).render(**context)


def render(context: dict[str, Any], fmt: str) -> bytes:
    """The report in `fmt` (md, html or docx). HTML carries the chart inline."""
    if fmt == "md":
        return render_markdown(context).encode("utf-8")
    if fmt == "html":
        markdown = render_markdown(context | {"chart_file": None})
        body = _markdown.to_html_body(markdown)
        chart = score_chart_svg(context["rows"])
        body = body.replace("<h2>6.", f"<figure>{chart}</figure>\n<h2>6.", 1)
        return _markdown.html_page(
            f"Laporan Hasil Pre-Monitoring KSM {context['region']['name']}", body
        ).encode("utf-8")
    if fmt == "docx":
        docx = _markdown.to_docx(render_markdown(context | {"chart_file": None}))
        return with_chart_picture(
            docx, score_chart_png(context["rows"]), after=CHART_AFTER, caption=CHART_CAPTION
        )
    raise ValueError(f"unknown format {fmt!r}")


def chart(context: dict[str, Any]) -> bytes:
    return score_chart_svg(context["rows"]).encode("utf-8")


def _environment():  # type: ignore[no-untyped-def]
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters |= {"tanggal": tanggal, "rupiah": rupiah, "angka": angka, "persen": persen}
    return env


def tanggal(day: date | None) -> str:
    """27 November 2026."""
    if day is None:
        return "–"
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale="id_ID")


def rupiah(amount: int | None) -> str:
    """Rp150.000.000,00 (PUEBI: no space, no period after Rp)."""
    if amount is None:
        return "–"
    from babel.numbers import format_currency

    return format_currency(amount, "IDR", locale="id_ID", format="¤#,##0.00", currency_digits=False)


def angka(value: float | None) -> str:
    """A number with an Indonesian decimal comma, one decimal at most."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    return format_decimal(round(value, 1), locale="id_ID")


def persen(value: float | None) -> str:
    return "–" if value is None else f"{angka(value)}%"


def write_report(context: dict[str, Any], fmt: str, target: Path) -> list[Path]:
    """Write the report to `target` (and, for md, its SVG chart beside it)."""
    written = []
    if fmt == "md":
        svg = target.with_suffix(".svg")
        context = context | {"chart_file": svg.name}
        written.append(_write_atomically(svg, chart(context)))
    written.insert(0, _write_atomically(target, render(context, fmt)))
    return written


def _write_atomically(path: Path, content: bytes) -> Path:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
