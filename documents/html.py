"""Markdown blocks → a printable A4 HTML page (`lang="id"`)."""

from __future__ import annotations

from html import escape
from typing import Any

from documents.markup import Block, Run, layout_of, parse
from documents.meta import DocumentMeta

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
@media print { body { margin: 0; max-width: none; } }
""".strip()


def runs_html(runs: list[Run]) -> str:
    out = []
    for run in runs:
        if run.brk:
            out.append("<br>")
            continue
        text = escape(run.text, quote=False)
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


def _block(block: Block, layout: Any = None) -> str:
    if layout is not None and (html := layout.block_html(block)) is not None:
        return str(html)
    if block.kind == "layout":
        return ""
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


def to_html(markdown: str, title: str = "Dokumen", meta: DocumentMeta | None = None) -> str:
    """A complete HTML document for printing on A4 (`meta`: font and size)."""
    meta = meta or DocumentMeta(title=title)
    blocks = parse(markdown)
    layout = layout_of(blocks)
    module = _layout_module(layout)
    body = "\n".join(html for block in blocks if (html := _block(block, module)))
    font = escape(meta.font, quote=False)
    style = (
        STYLE
        + (
            f"\nbody {{ font-family: '{font}', Arial, Helvetica, sans-serif; "
            f"font-size: {meta.size:g}pt; }}"
        )
        + ("" if module is None else "\n" + module.CSS.strip())
    )
    opening = "<body>" if module is None else f'<body class="{layout}">'
    author = f'<meta name="author" content="{escape(meta.author)}">\n' if meta.author else ""
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"{author}<title>{escape(title)}</title>\n<style>\n{style}\n</style>\n</head>\n"
        f"{opening}\n{body}\n</body>\n</html>\n"
    )
