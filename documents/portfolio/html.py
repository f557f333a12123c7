"""The report as one printable A4 HTML page: styles and charts inline (SVG), no
external asset, so the file can be mailed, opened offline and printed as it is."""

from __future__ import annotations

from html import escape

from documents.portfolio.cells import NUMERIC, cell_text
from documents.portfolio.charts import Chart
from documents.portfolio.model import Section, Table

STYLE = """
@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45;
       max-width: 17cm; margin: 1cm auto; color: #000; }
h1 { font-size: 16pt; margin: 0 0 0.2em 0; }
p.subtitle { font-size: 11pt; margin: 0 0 1.2em 0; color: #333; }
h2 { font-size: 12.5pt; margin: 1.2em 0 0.4em 0; border-bottom: 1px solid #888;
     break-after: avoid; }
p { margin: 0 0 0.6em 0; text-align: justify; }
p.summary { font-size: 11pt; padding: 0.6em 0.8em; border-left: 4px solid #1f5f8b;
            background: #f3f7fa; }
p.note { font-size: 9pt; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.6em 0; font-size: 9.5pt; }
thead { display: table-header-group; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
th { background: #e4ecf2; }
td.num, th.num { text-align: right; }
tr { break-inside: avoid; }
figure { margin: 0.6em 0; break-inside: avoid; }
div.keep { break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; }
footer { margin-top: 2em; font-size: 8.5pt; color: #555; }
@media print { body { margin: 0; max-width: none; } }
""".strip()


def to_html(
    title: str, subtitle: str, sections: list[Section], charts: dict[str, Chart], footer: str
) -> str:
    body = "\n".join(_section(number, s, charts) for number, s in enumerate(sections, start=1))
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        f'<h1>{escape(title)}</h1>\n<p class="subtitle">{escape(subtitle)}</p>\n'
        f"{body}\n<footer>{escape(footer)}</footer>\n</body>\n</html>\n"
    )


def _section(number: int, section: Section, charts: dict[str, Chart]) -> str:
    css = ' class="summary"' if number == 1 else ""
    parts = ['<section>\n<div class="keep">', f"<h2>{number}. {escape(section.title)}</h2>"]
    parts += [f"<p{css}>{escape(text)}</p>" for text in section.paragraphs]
    if section.chart:
        chart = charts[section.chart]
        parts.append(
            f"<figure>{chart.svg}<figcaption>Grafik: {escape(chart.alt)}</figcaption></figure>"
        )
    parts.append("</div>")
    if section.table is not None:
        parts.append(
            _table(section.table.printed()) if section.table.rows else _para(section.empty)
        )
    parts += [f'<p class="note">{escape(note)}</p>' for note in section.notes]
    return "\n".join(parts) + "\n</section>"


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _table(table: Table) -> str:
    def css(kind: str) -> str:
        return ' class="num"' if kind in NUMERIC else ""

    head = "".join(
        f"<th{css(kind)}>{escape(h)}</th>"
        for h, kind in zip(table.headers, table.kinds, strict=True)
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td{css(kind)}>{escape(cell_text(value, kind))}</td>"
            for value, kind in zip(row, table.kinds, strict=True)
        )
        + "</tr>\n"
        for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>"
