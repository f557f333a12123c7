"""The score chart as a PNG for the .docx, drawn without an image library.

Word cannot show SVG through python-docx, and Pillow or matplotlib would be heavy
new dependencies for one chart, so this draws the same bars on a pixel grid and
encodes the PNG with zlib. Text is limited to digits (a 3×5 font): each group is
labelled with its row number in the report's score table, each bar with its score;
the caption under the picture names the colours.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

COLOURS = {
    "kelembagaan": (0x4E, 0x79, 0xA7),
    "teknis": (0xF2, 0x8E, 0x2B),
    "keuangan": (0x59, 0xA1, 0x4F),
}
GREY, WHITE, BLACK = (0x99, 0x99, 0x99), (0xFF, 0xFF, 0xFF), (0x33, 0x33, 0x33)
LEFT, AREA, BAR, GAP, TOP, SCALE = 40, 400, 10, 12, 10, 2
DIGITS = {  # 3×5 glyphs, rows top to bottom, 1 = ink
    "0": ["111", "101", "101", "101", "111"],
    "1": ["010", "110", "010", "010", "111"],
    "2": ["111", "001", "111", "100", "111"],
    "3": ["111", "001", "111", "001", "111"],
    "4": ["101", "101", "111", "001", "001"],
    "5": ["111", "100", "111", "001", "111"],
    "6": ["111", "100", "111", "101", "111"],
    "7": ["111", "001", "010", "010", "010"],
    "8": ["111", "101", "111", "101", "111"],
    "9": ["111", "101", "111", "001", "111"],
}


class Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = [bytearray(WHITE * width) for _ in range(height)]

    def rect(self, x: int, y: int, w: int, h: int, colour: tuple[int, int, int]) -> None:
        for row in range(max(0, y), min(self.height, y + h)):
            start, end = max(0, x), min(self.width, x + w)
            self.pixels[row][3 * start : 3 * end] = bytes(colour) * (end - start)

    def number(self, x: int, y: int, text: str) -> None:
        for index, char in enumerate(text):
            for dy, line in enumerate(DIGITS[char]):
                for dx, ink in enumerate(line):
                    if ink == "1":
                        left = x + (index * 4 + dx) * SCALE
                        self.rect(left, y + dy * SCALE, SCALE, SCALE, BLACK)

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self.pixels)
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + b"".join(
            _chunk(kind, data)
            for kind, data in ((b"IHDR", header), (b"IDAT", zlib.compress(raw, 9)), (b"IEND", b""))
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def score_chart_png(rows: list[dict[str, Any]], *, kuning: int = 40, hijau: int = 70) -> bytes:
    """Three bars per assessed facility, numbered as the rows of the score table."""
    scored = [row for row in rows if row.get("scores")]
    group = 3 * BAR + GAP
    canvas = Canvas(LEFT + AREA + 40, TOP + max(1, len(scored)) * group + 8)
    for value in (0, kuning, hijau, 100):
        x = LEFT + AREA * value // 100
        for y in range(TOP - 4, canvas.height - 4, 1 if value in (0, 100) else 4):
            canvas.rect(x, y, 1, 2 if value not in (0, 100) else 1, GREY)
    for index, row in enumerate(scored):
        top = TOP + index * group
        canvas.number(6, top + BAR, str(index + 1))
        for offset, (aspect, colour) in enumerate(COLOURS.items()):
            score = row["scores"][aspect]["score"]
            width = AREA * score // 100
            canvas.rect(LEFT, top + offset * BAR, width, BAR - 2, colour)
            canvas.number(LEFT + width + 3, top + offset * BAR - 1, str(score))
    return canvas.png()


def with_chart_picture(docx: bytes, png: bytes, *, after: str, caption: str) -> bytes:
    """The .docx with the PNG (15 cm wide) and its caption after the paragraph `after`."""
    import io

    from docx import Document
    from docx.shared import Cm

    document = Document(io.BytesIO(docx))
    anchor = next((p for p in document.paragraphs if p.text.strip().startswith(after)), None)
    if anchor is None:
        return docx
    picture = document.add_paragraph()
    picture.add_run().add_picture(io.BytesIO(png), width=Cm(15))
    note = document.add_paragraph(caption)
    anchor._p.addnext(picture._p)
    picture._p.addnext(note._p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
