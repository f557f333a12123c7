"""The printed HTML of an agreement (`<!-- layout: perjanjian -->`), as signing-ready as the
Word file: page footer with "Halaman X dari Y" and a paraf box per party on every page
(CSS page-margin boxes), each Pasal's number and title kept with its first paragraph,
both signature columns side by side with ≥ 3.5 cm to sign, and the title block and the
drafting mark as named classes (`h1.judul`, `p.rancangan`).
"""

from __future__ import annotations

from documents.markup import Block


def block_html(block: Block) -> str | None:
    """A data table (an annex's RAB, KSM list, schedule) with its header row in <thead>,
    which the browser repeats on every page; everything else as usual (None)."""
    if block.kind != "table" or block.align == "sign" or not block.rows:
        return None
    from documents.html import data_table

    return data_table(block)


CSS = """
@page {
  size: A4; margin: 2.5cm 2.5cm 3.4cm 3cm;
  @bottom-center { content: "Halaman " counter(page) " dari " counter(pages);
                   font: 9pt Arial, Helvetica, sans-serif; vertical-align: middle; }
  @bottom-left { content: "Paraf PIHAK KESATU"; width: 3.2cm; height: 1.2cm;
                 border: 1px solid #000; font: 7pt Arial, Helvetica, sans-serif;
                 vertical-align: top; text-align: center; margin-top: 0.5cm; }
  @bottom-right { content: "Paraf PIHAK KEDUA"; width: 3.2cm; height: 1.2cm;
                  border: 1px solid #000; font: 7pt Arial, Helvetica, sans-serif;
                  vertical-align: top; text-align: center; margin-top: 0.5cm; }
}
body.perjanjian { max-width: 15.5cm; }
p.rancangan { text-align: center; font-weight: bold; font-size: 10pt; margin-bottom: 1.2em; }
h1.judul { font-size: 12pt; margin: 0.1em 0; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h3 + h3 { margin-top: 0; }
h3 { margin-top: 0.9em; }
p.lampiran { margin-left: 45%; font-size: 10pt; text-align: left; margin-bottom: 1.2em; }
body.perjanjian table { width: 100%; }
table.data { font-size: 10pt; line-height: 1.3; }
table.data th, table.data td { border: 1px solid #000; padding: 0.15em 0.4em; }
table.data th { text-align: center; vertical-align: middle; }
table.data tr { break-inside: avoid; }
table.data thead { display: table-header-group; }
table.data td { hyphens: none; overflow-wrap: normal; word-break: keep-all; }
table.sign { margin-top: 1.2em; break-before: avoid; }
p:has(+ table.sign), p.item:has(+ table.sign) { break-after: avoid; }
table.sign tr:nth-child(3) td { height: 3.6cm; vertical-align: middle; font-size: 8pt; }
@media print { body.perjanjian { max-width: none; } }
"""
