"""Markdown blocks → a printable A4 HTML page (`lang="id"`)."""

from __future__ import annotations

import base64
from html import escape
from typing import Any

from documents.markup import (
    SIGNATURE_GAP_CM,
    Block,
    Run,
    layout_of,
    parse,
    unbreakable_parts,
    without_colon,
)
from documents.meta import LETTER_MARGINS_CM, DocumentMeta

STYLE = """
@page { size: A4; margin: 2.5cm 2.5cm 2.5cm 3cm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.5;
       max-width: 16cm; margin: 1cm auto; color: #000; }
h1, h2, h3 { text-align: center; margin: 0.2em 0; font-size: 12pt; }
h1 { font-size: 13pt; }
p { margin: 0 0 0.6em 0; }
p.justify, li { text-align: justify; }
.center { text-align: center; } .right { text-align: right; } .left { text-align: left; }
p.sign { margin-left: 55%; text-align: left; }
hr { border: 0; border-top: 3px double #000; margin: 0.4em 0 1em 0; }
table { border-collapse: collapse; margin: 0 0 0.8em 0; }
td { vertical-align: top; padding: 0 0.6em 0 0; }
table.sign { width: 100%; table-layout: fixed; break-inside: avoid; }
table.sign td { width: 50%; text-align: center; padding: 0 0.3em; }
div.pagebreak { break-before: page; }
p.item { padding-left: 2em; text-indent: -2em; text-align: justify; }
p.item span.label { display: inline-block; width: 2em; text-indent: 0; }
span.nowrap { white-space: nowrap; }
table.kop { width: 100%; margin: 0; }
table.kop td { vertical-align: middle; padding: 0; }
table.kop td.logo { width: 2.2cm; } table.kop td.logo img { max-height: 1.8cm; max-width: 1.9cm; }
body.surat { line-height: 1.15; }
body.surat p { margin: 0 0 6pt 0; }
body.surat p.sign { margin-left: 55%; }
body.surat hr { margin: 2pt 0 6pt 0; }
body.surat div.kop p, body.surat table.kop p { text-align: center; margin: 0; }
p.rinci { font-size: 83%; }
table.identitas { width: 100%; margin: 0 0 8pt 0; border-spacing: 0; }
table.identitas td { padding: 0; }
table.identitas td.label { width: 2.5cm; white-space: nowrap; }
table.identitas td.colon { width: 0.4cm; }
table.identitas td.tanggal { text-align: right; white-space: nowrap; }
div.gap { height: GAP_CMcm; }
p.tembusan { text-align: left; }
div.akhir { break-inside: avoid; page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
""".strip().replace("GAP_CM", f"{SIGNATURE_GAP_CM:g}")


LETTER_PAGE = "@page {{ size: A4; margin: {top}cm {right}cm {bottom}cm {left}cm; }}".format(
    **LETTER_MARGINS_CM
)


def runs_html(runs: list[Run]) -> str:
    out = []
    for run in runs:
        if run.brk:
            out.append("<br>")
            continue
        text = "".join(
            f'<span class="nowrap">{escape(piece, quote=False)}</span>'
            if unbreakable
            else escape(piece, quote=False)
            for piece, unbreakable in unbreakable_parts(run.text)
        )
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


# A document that names its layout (`<!-- layout: … -->`) gets that module's `CSS`, a
# `class` on <body> of the same name, and its `block_html(block)` where that returns HTML.
LAYOUTS = {"perjanjian": "documents.agreement_html", "laporan": "documents.report_html"}


def _layout_module(name: str | None):  # type: ignore[no-untyped-def]
    if name not in LAYOUTS:
        return None
    import importlib

    return importlib.import_module(LAYOUTS[name])


def table_rows(rows: list[list[list[Run]]]) -> str:
    return "".join(
        "<tr>" + "".join(f"<td>{runs_html(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )


def data_table(block: Block, *, wide: bool = False) -> str:
    """A data table (an agreement's annex, a report's figures): its first row in <thead>,
    which the browser repeats at the top of every page the table runs onto."""
    head = "".join(f"<th>{runs_html(cell)}</th>" for cell in block.rows[0]) if block.rows else ""
    css = "data lanskap" if wide else "data"
    return (
        f'<table class="{css}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{table_rows(block.rows[1:])}</tbody></table>"
    )


def heading_html(block: Block, css: str | None = None) -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<h{block.level}{attribute}>{runs_html(block.runs)}</h{block.level}>"


def identity_table(block: Block) -> str:
    """Nomor, Sifat, Lampiran, Hal: the colon in its own column so that a long value hangs
    after it; the place and date right-aligned on the Nomor line."""
    rows = []
    for row in block.rows:
        label = runs_html(row[0]) if row else ""
        value = runs_html(without_colon(row[1])) if len(row) > 1 else ""
        if len(row) > 2:
            tail = f'<td class="value">{value}</td><td class="tanggal">{runs_html(row[2])}</td>'
        else:
            tail = f'<td class="value" colspan="2">{value}</td>'
        rows.append(f'<tr><td class="label">{label}</td><td class="colon">:</td>{tail}</tr>')
    return f'<table class="identitas">{"".join(rows)}</table>'


def letterhead(block: Block, logo: bytes | None) -> str:
    lines = "".join(
        ('<p class="rinci">' if index else "<p>") + runs_html(row[0]) + "</p>"
        for index, row in enumerate(block.rows)
    )
    if logo is None:
        return f'<div class="kop">{lines}</div>'
    source = "data:image/png;base64," + base64.b64encode(logo).decode("ascii")
    return (
        f'<table class="kop"><tr><td class="logo"><img src="{source}" alt="logo"></td>'
        f"<td>{lines}</td></tr></table>"
    )


def _letter_part(block: Block, meta: DocumentMeta | None) -> str | None:
    """The letterhead, the room to sign and the identity lines of a surat dinas."""
    if block.kind == "kop":
        return letterhead(block, None if meta is None else meta.logo)
    if block.kind == "gap":
        return '<div class="gap"></div>'
    if block.kind == "table" and block.align == "identitas":
        return identity_table(block)
    return None


def _block(block: Block, layout: Any = None, meta: DocumentMeta | None = None) -> str:
    if layout is not None and (html := layout.block_html(block)) is not None:
        return str(html)
    if block.kind == "layout":
        return ""
    if (html := _letter_part(block, meta)) is not None:
        return html
    if block.kind == "pagebreak":
        return '<div class="pagebreak"></div>'
    if block.kind == "heading":
        return heading_html(block, None if block.align == "center" else block.align)
    if block.kind == "rule":
        return "<hr>"
    if block.kind == "table":
        css = ' class="sign"' if block.align == "sign" else ""
        return f"<table{css}>{table_rows(block.rows)}</table>"
    if block.kind == "item":
        margin = 1.5 * block.level
        return (
            f'<p class="item {block.align}" style="margin-left: {margin}em">'
            f'<span class="label">{escape(block.label)}</span>{runs_html(block.runs)}</p>'
        )
    return f'<p class="{block.align}">{runs_html(block.runs)}</p>'


def _body(blocks: list[Block], module: Any, meta: DocumentMeta) -> str:
    """The blocks as HTML; the end of a letter (`Block.keep`) in one unbreakable div."""
    parts: list[str] = []
    together = False
    for block in blocks:
        if block.keep and not together:
            parts.append('<div class="akhir">')
            together = True
        if html := _block(block, module, meta):
            parts.append(html)
        if together and not block.keep:
            parts.append("</div>")
            together = False
    if together:
        parts.append("</div>")
    return "\n".join(parts)


def to_html(markdown: str, title: str = "Dokumen", meta: DocumentMeta | None = None) -> str:
    """A complete HTML document for printing on A4 (`meta`: font and size)."""
    meta = meta or DocumentMeta(title=title)
    blocks = parse(markdown)
    layout = layout_of(blocks)
    module = _layout_module(layout)
    body = _body(blocks, module, meta)
    font = escape(meta.font, quote=False)
    style = (
        STYLE
        + (
            f"\nbody {{ font-family: '{font}', Arial, Helvetica, sans-serif; "
            f"font-size: {meta.size:g}pt; }}"
        )
        + ("" if module is None else "\n" + module.CSS.strip())
    )
    if module is not None:
        opening = f'<body class="{layout}">'
    elif any(block.kind == "kop" for block in blocks):
        opening = '<body class="surat">'
        style += "\n" + LETTER_PAGE
    else:
        opening = "<body>"
    author = f'<meta name="author" content="{escape(meta.author)}">\n' if meta.author else ""
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"{author}<title>{escape(title)}</title>\n<style>\n{style}\n</style>\n</head>\n"
        f"{opening}\n{body}\n</body>\n</html>\n"
    )
