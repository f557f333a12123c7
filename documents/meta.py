"""What a rendered document says about itself, beside its text.

`DocumentMeta` travels with the Markdown into the HTML and Word builders: the title
(the letter's Hal), the author (the organisation), the document's date (the letter's
date, also the Word file's created/modified time), the font and size of the body
(`letter.font`, default "Arial 12") and an optional PNG logo for the letterhead.
Nothing in it changes the words: `letter show` re-emits the same Markdown, and the
meta only decides how it is dressed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from documents.errors import OutputProblem

DEFAULT_FONT = "Arial 12"
LANGUAGE = "id-ID"
_FONT_RE = re.compile(r"^\s*(?P<name>[A-Za-z][A-Za-z0-9 ]*?)\s+(?P<size>\d{1,2}(?:\.5)?)\s*$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The page of a surat dinas in Word and HTML alike: A4, the letterhead 1.5 cm from the top.
LETTER_MARGINS_CM = {"top": 1.5, "bottom": 2.0, "left": 3.0, "right": 2.5}


@dataclass(frozen=True)
class DocumentMeta:
    title: str = "Dokumen"
    author: str = ""
    dated: date | None = None
    font: str = "Arial"
    size: float = 12.0
    logo: bytes | None = None  # PNG bytes, for the letterhead
    language: str = LANGUAGE


def parse_font(text: str | None) -> tuple[str, float]:
    """`"Arial 12"` → ("Arial", 12.0); `"Times New Roman 11.5"` too. Sizes 8–16 pt."""
    match = _FONT_RE.match(text or DEFAULT_FONT)
    size = float(match.group("size")) if match else 0.0
    if match is None or not 8 <= size <= 16:
        raise OutputProblem(
            f"the letter font {text!r} is not a font name and a size from 8 to 16 points; "
            f'write it like "Arial 12".'
        )
    return match.group("name"), size


def check_png(data: bytes, where: str) -> bytes:
    """The bytes of a PNG image with a sane header, or a clear refusal."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 33:
        raise OutputProblem(f"{where} is not a PNG image; give the path of a .png file.")
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    if not (width and height):
        raise OutputProblem(f"{where} is a PNG image without a size; give another .png file.")
    return data


def png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
