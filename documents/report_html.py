"""The printed HTML of a report (`<!-- layout: laporan -->`): bordered full-width data tables
whose header row repeats on every page, the `::: lanskap` blocks (the score table) on
landscape pages, page numbers in the page footer."""

from __future__ import annotations

from documents.markup import Block


def block_html(block: Block) -> str | None:
    """Data tables with a repeated header; the landscape blocks marked for their page."""
    from documents.html import data_table, heading_html

    if block.kind == "table" and block.align != "sign":
        return data_table(block, wide=block.align == "lanskap")
    if block.kind == "heading" and block.align == "lanskap":
        return heading_html(block, css="lanskap")
    return None


CSS = """
@page { @bottom-center { content: "Halaman " counter(page) " dari " counter(pages);
                         font: 9pt Arial, Helvetica, sans-serif; } }
@page lanskap { size: A4 landscape; margin: 2cm 2.5cm 2cm 3cm; }
.lanskap { page: lanskap; }
body.laporan { max-width: 16cm; }
table.data { width: 100%; font-size: 10pt; line-height: 1.3; margin-bottom: 1em; }
table.data th, table.data td { border: 1px solid #000; padding: 0.15em 0.4em; }
table.data th { text-align: center; vertical-align: middle; }
table.data tr { break-inside: avoid; }
table.data thead { display: table-header-group; }
table.data td { hyphens: none; overflow-wrap: normal; word-break: keep-all; }
h1, h2, h3 { break-after: avoid; }
figure.grafik { margin: 1em 0; text-align: center; break-inside: avoid; }
figure.grafik svg { max-width: 100%; height: auto; }
figure.grafik figcaption { font-size: 9pt; }
@media print { body.laporan { max-width: none; } }
"""
