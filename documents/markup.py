"""The small Markdown dialect our templates write, parsed into blocks for HTML and Word.

Templates produce Markdown because it is the stored, re-emittable text of every letter
(`letter show`) and reads well as it is. HTML and .docx are built from these blocks, so
the three formats always say the same thing. The dialect:

- `#`, `##`, `###` headings (centred);
- paragraphs; a line ending in `\\` or a `<br>` is a line break; `&nbsp;` alone is an
  empty line (signature space);
- list items `1. `, `a. `, `(1) ` (the label is kept as written; leading spaces indent);
- pipe tables (`| a | b |`, the `|---|` row; an all-empty header row is dropped);
- `---` a rule (under the letterhead);
- fenced divs `::: center`, `::: right`, `::: sign` … `:::` for alignment, and the named
  parts of an agreement (`::: judul` title block, `::: rancangan` drafting mark,
  `::: lampiran` an annex's reference block), which Word gives named styles;
- the parts of a letter (surat dinas): `::: kop` the letterhead lines (beside the logo,
  when there is one), `::: titimangsa` the place and date, printed right-aligned on the
  first line of the `::: identitas` table that follows it (Nomor, Sifat, Lampiran, Hal;
  a long value hangs after its colon), `::: tembusan` the copy list; in `::: sign`,
  empty lines (`&nbsp;`) are the room to sign and stamp (`SIGNATURE_GAP_CM`), and the
  signature block and what follows it stay on the page of the body's last paragraph;
- `::: pagebreak` (then `:::`): the next block starts a new page;
- `<!-- layout: perjanjian -->` (or `laporan`): how the whole document is laid out
  (page footer, paraf boxes, bordered tables); other `<!-- … -->` comments are dropped;
- inline `**bold**`, `*italic*`, and backslash escapes.

A number such as a letter number (`020/SEK-AKSANSI/XII/2026`: a word with a digit and a
slash, `UNBREAKABLE_RE`) is never broken across lines by either builder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LAYOUT_RE = re.compile(r"^<!--\s*layout:\s*([a-z_]+)\s*-->$")
ITEM_RE = re.compile(r"^(\s*)(\d{1,2}\.|[a-z]\.|\(\d{1,2}\))\s+(.*)$")
INLINE_RE = re.compile(r"\\(.)|(\*\*)|(\*)|(<br>)|(&nbsp;)")
UNBREAKABLE_RE = re.compile(r"(?<!\S)(?=\S*\d)(?=\S*/)\S+")
SIGNATURE_GAP_CM = 3.0  # between the signatory's position and name: signature and stamp


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    brk: bool = False  # a line break (text is empty)


@dataclass
class Block:
    kind: str  # heading, para, item, table, rule, pagebreak, layout (label: its name)
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level, or list indent level
    label: str = ""  # list item label
    align: str = "justify"  # justify, left, center, right, sign
    rows: list[list[list[Run]]] = field(default_factory=list)
    keep: bool = False  # stays on the same page as the next block


def parse_inline(text: str) -> list[Run]:
    runs: list[Run] = []
    bold = italic = False
    buf: list[str] = []

    def flush() -> None:
        if buf:
            runs.append(Run("".join(buf), bold, italic))
            buf.clear()

    pos = 0
    for match in INLINE_RE.finditer(text):
        buf.append(text[pos : match.start()])
        pos = match.end()
        escaped, strong, emph, brk, nbsp = match.groups()
        if escaped is not None:
            buf.append(escaped)
            continue
        if nbsp:
            buf.append("\u00a0")
            continue
        flush()
        if strong:
            bold = not bold
        elif emph:
            italic = not italic
        elif brk:
            runs.append(Run("", brk=True))
    buf.append(text[pos:])
    flush()
    return runs


def _join_lines(lines: list[str]) -> list[Run]:
    """Paragraph lines: a trailing backslash is a break, otherwise lines join with a space."""
    runs: list[Run] = []
    for index, line in enumerate(lines):
        hard = line.endswith("\\") and not line.endswith("\\\\")
        runs += parse_inline(line[:-1] if hard else line.strip())
        if index < len(lines) - 1:
            runs.append(Run("", brk=True) if hard else Run(" "))
    return runs


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:]
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _table(lines: list[str], align: str) -> Block:
    rows = [_cells(line) for line in lines if not re.match(r"^\s*\|[\s:|-]+\|?\s*$", line)]
    if rows and not any(rows[0]):
        rows = rows[1:]
    return Block("table", align=align, rows=[[parse_inline(c) for c in row] for row in rows])


def parse(markdown: str) -> list[Block]:
    """Markdown text → blocks, in order (a letter's parts arranged: see `arrange`)."""
    return arrange(_Parser(markdown.splitlines()).run())


def unbreakable_parts(text: str) -> list[tuple[str, bool]]:
    """`text` cut into pieces, each with whether it must not break (`UNBREAKABLE_RE`)."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for match in UNBREAKABLE_RE.finditer(text):
        if match.start() > pos:
            parts.append((text[pos : match.start()], False))
        parts.append((match.group(), True))
        pos = match.end()
    if pos < len(text) or not parts:
        parts.append((text[pos:], False))
    return parts


def without_colon(runs: list[Run]) -> list[Run]:
    """The value of an identity row without the ": " the Markdown writes before it."""
    if not runs or not runs[0].text.lstrip().startswith(":"):
        return runs
    first = runs[0]
    rest = first.text.lstrip()[1:].lstrip()
    head = [Run(rest, first.bold, first.italic)] if rest else []
    return head + runs[1:]


def arrange(blocks: list[Block]) -> list[Block]:
    """A letter's parts as the builders lay them out: the letterhead lines as one `kop`
    block, the date on the identity table's first row, the room to sign as one `gap`,
    and the end of the letter (last paragraph, signature, Tembusan) kept together."""
    arranged: list[Block] = []
    for block in blocks:
        previous = arranged[-1] if arranged else None
        if block.kind == "para" and block.align == "kop":
            if previous is not None and previous.kind == "kop":
                previous.rows.append([block.runs])
            else:
                arranged.append(Block("kop", align="center", rows=[[block.runs]]))
        elif _is_gap(block):
            if previous is None or previous.kind != "gap":
                arranged.append(Block("gap", align="sign"))
        elif block.kind == "table" and block.align == "identitas":
            if previous is not None and _is_date(previous) and block.rows:
                arranged.pop()
                block.rows[0] = [*block.rows[0], previous.runs]
            arranged.append(block)
        else:
            arranged.append(block)
    for block in arranged:
        if block.kind == "para" and block.align == "titimangsa":
            block.align = "right"
    _keep_the_end_together(arranged)
    return arranged


def _is_gap(block: Block) -> bool:
    return (
        block.kind == "para"
        and block.align == "sign"
        and "".join(run.text for run in block.runs).strip("\u00a0 ") == ""
        and not any(run.brk for run in block.runs)
    )


def _is_date(block: Block) -> bool:
    return block.kind == "para" and block.align == "titimangsa"


def _keep_the_end_together(blocks: list[Block]) -> None:
    """From the paragraph before the first signature block to the end (the Tembusan),
    each block stays with the next: no page holds only the signature or the copies."""
    first = next((i for i, b in enumerate(blocks) if b.align == "sign" and b.kind != "table"), None)
    if first is None:
        return
    tail = range(max(first - 1, 0), len(blocks) - 1)
    if any(blocks[i].kind == "pagebreak" for i in tail):
        return
    for index in tail:
        blocks[index].keep = True


def layout_of(blocks: list[Block]) -> str | None:
    """The document's layout (`<!-- layout: … -->`), if it names one."""
    return next((block.label for block in blocks if block.kind == "layout"), None)


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.align = "justify"
        self.pending: list[str] = []
        self.pending_item: tuple[int, str] | None = None

    def run(self) -> list[Block]:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if line.lstrip().startswith("|"):
                end = index
                while end < len(self.lines) and self.lines[end].lstrip().startswith("|"):
                    end += 1
                self.flush()
                self.blocks.append(_table(self.lines[index:end], self.align))
                index = end
                continue
            self.line(line)
            index += 1
        self.flush()
        return self.blocks

    def line(self, line: str) -> None:
        stripped = line.strip()
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            self.flush()
            if match := LAYOUT_RE.match(stripped):
                self.blocks.append(Block("layout", label=match.group(1)))
        elif stripped == "::: pagebreak":
            self.flush()
            self.blocks.append(Block("pagebreak"))
            self.align = "justify"
        elif stripped.startswith(":::"):
            self.flush()
            self.align = stripped[3:].strip() or "justify"
        elif not stripped:
            self.flush()
        elif stripped == "---":
            self.flush()
            self.blocks.append(Block("rule"))
        elif stripped.startswith("#"):
            self.flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            text = stripped[level:].strip()
            align = "center" if self.align == "justify" else self.align
            self.blocks.append(Block("heading", parse_inline(text), level=level, align=align))
        elif match := ITEM_RE.match(line):
            self.flush()
            indent, label, text = match.groups()
            self.pending_item = (len(indent) // 3, label)
            self.pending.append(text)
        else:
            self.pending.append(line)

    def flush(self) -> None:
        if not self.pending:
            return
        runs = _join_lines(self.pending)
        if self.pending_item is not None:
            level, label = self.pending_item
            self.blocks.append(Block("item", runs, level=level, label=label, align=self.align))
        else:
            self.blocks.append(Block("para", runs, align=self.align))
        self.pending = []
        self.pending_item = None
