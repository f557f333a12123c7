"""Markdown blocks → a printable A4 HTML page (`lang="id"`)."""

from __future__ import annotations

from html import escape

from documents.markup import Block, Run, parse
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
.sign { margin-left: 55%; text-align: left; }
hr { border: 0; border-top: 3px double #000; margin: 0.4em 0 1em 0; }
table { border-collapse: collapse; margin: 0 0 0.8em 0; }
td { vertical-align: top; padding: 0 0.6em 0 0; }
table.sign { width: 100%; } table.sign td { width: 50%; text-align: center; }
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


def _block(block: Block) -> str:
    if block.kind == "heading":
        return f"<h{block.level}>{runs_html(block.runs)}</h{block.level}>"
    if block.kind == "rule":
        return "<hr>"
    if block.kind == "table":
        rows = "".join(
            "<tr>" + "".join(f"<td>{runs_html(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        css = ' class="sign"' if block.align == "sign" else ""
        return f"<table{css}>{rows}</table>"
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
    body = "\n".join(_block(block) for block in parse(markdown))
    font = escape(meta.font, quote=False)
    style = STYLE + (
        f"\nbody {{ font-family: '{font}', Arial, Helvetica, sans-serif; "
        f"font-size: {meta.size:g}pt; }}"
    )
    author = f'<meta name="author" content="{escape(meta.author)}">\n' if meta.author else ""
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"{author}<title>{escape(title)}</title>\n<style>\n{style}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
