"""Plain aligned columns that fit an 80-column terminal.

Read commands must answer in little more than the import floor (design.md §7);
rich costs ~40 ms to import and ~0.4 ms per row, so the big lists use this instead.
"""

from __future__ import annotations

from collections.abc import Sequence

GAP = "  "


def columns(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, width: int | None = None
) -> str:
    """Rows under headers; the widest column is cut with '…' so the lines fit `width`."""
    import shutil  # here: `--json` output and `--help` do not need it

    width = width or min(shutil.get_terminal_size((80, 24)).columns, 120)
    table = [list(headers), *[[str(cell) for cell in row] for row in rows]]
    sizes = [max(len(row[i]) for row in table) for i in range(len(headers))]
    excess = sum(sizes) + len(GAP) * (len(sizes) - 1) - width
    if excess > 0:
        widest = sizes.index(max(sizes))
        sizes[widest] = max(len(headers[widest]), sizes[widest] - excess)
    return "\n".join(_line(row, sizes) for row in table)


def _line(row: list[str], sizes: list[int]) -> str:
    cells = [_fit(cell, size).ljust(size) for cell, size in zip(row, sizes, strict=True)]
    return GAP.join(cells).rstrip()


def _fit(cell: str, size: int) -> str:
    return cell if len(cell) <= size else cell[: size - 1] + "…"
