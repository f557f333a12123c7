"""INTERIM Markdown → HTML / .docx for the report's own small Markdown subset.

Headings (#, ##, ###), pipe tables, `- ` lists, images on their own line and
paragraphs: exactly what `laporan_pre_monitoring.md.j2` writes. To be replaced by
the letters machinery's converters once the `letters` branch is merged.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator

IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]+)\)$")

Block = tuple[str, object]  # ("h1".."h3", text) | ("table", rows) | ("list", items) | ...


def blocks(markdown: str) -> Iterator[Block]:
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        if not line:
            continue
        if line.startswith("#"):
            level, _, text = line.partition(" ")
            yield f"h{len(level)}", text
        elif IMAGE.match(line):
            yield "image", IMAGE.match(line).groupdict()  # type: ignore[union-attr]
        elif line.startswith(("|", "- ")):
            group = [line]
            while index < len(lines) and lines[index].startswith(line[0]):
                group.append(lines[index].rstrip())
                index += 1
            yield ("table", _table(group)) if line[0] == "|" else ("list", [g[2:] for g in group])
        else:
            yield "p", line


def _table(lines: list[str]) -> list[list[str]]:
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    return [row for row in rows if not all(set(cell) <= {"-", ":"} for cell in row)]


def to_html_body(markdown: str) -> str:
    parts = []
    for kind, content in blocks(markdown):
        if kind == "table":
            head, *body = content  # type: ignore[misc]
            cells = "".join(f"<th>{html.escape(c)}</th>" for c in head)
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in body
            )
            parts.append(f"<table><thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table>")
        elif kind == "list":
            items = "".join(f"<li>{html.escape(item)}</li>" for item in content)  # type: ignore[union-attr]
            parts.append(f"<ul>{items}</ul>")
        elif kind == "image":
            parts.append(
                f'<img src="{html.escape(content["src"])}" '  # type: ignore[index]
                f'alt="{html.escape(content["alt"])}">'
            )  # type: ignore[index]
        else:
            parts.append(f"<{kind}>{html.escape(str(content))}</{kind}>")
    return "\n".join(parts)


def html_page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n"
        "@page { size: A4; margin: 2cm; }\n"
        "body { font-family: 'Times New Roman', serif; font-size: 11pt; max-width: 17cm; }\n"
        "table { border-collapse: collapse; margin: 0.5em 0; }\n"
        "th, td { border: 1px solid #555; padding: 2px 6px; text-align: left; }\n"
        "figure { margin: 1em 0; }\n</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def to_docx(markdown: str) -> bytes:
    from docx import Document

    document = Document()
    for kind, content in blocks(markdown):
        if kind.startswith("h"):
            document.add_heading(str(content), level=int(kind[1]) - 1)
        elif kind == "table":
            _docx_table(document, content)  # type: ignore[arg-type]
        elif kind == "list":
            for item in content:  # type: ignore[union-attr]
                document.add_paragraph(item, style="List Bullet")
        elif kind == "p":
            document.add_paragraph(str(content))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
