"""Folding positions and people's names, so one position has one holder and a respelt
name is not taken for a new person (the tables are data in `states/officials.py`).

- `canonical_position("Kadis PUPR")` → `"Kepala Dinas PUPR"`; an unknown position is kept
  as written (spacing tidied), and a trailing region name is dropped
  (`"Kepala Dinas PUPR Kota Surakarta"` at Surakarta is `"Kepala Dinas PUPR"`).
- `position_key` is the folded canonical position: what tenures are matched on.
- `same_person("Ir. Budi Santoso, M.T.", "budi santoso MT")` is True: case, punctuation,
  spacing, academic titles and degrees are ignored.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from states import officials as data


def _plain(text: str) -> str:
    """Case-folded, accents and punctuation gone, one space between words."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.casefold().split())


def _fold(text: str) -> str:
    """`_plain`, the leading abbreviation written out: `Kadis PUPR` → `kepala dinas pupr`."""
    words = _plain(text).split(" ")
    if words and words[0] in data.ABBREVIATIONS:
        words = [*data.ABBREVIATIONS[words[0]].split(" "), *words[1:]]
    return " ".join(w for w in words if w)


@cache
def _aliases() -> dict[str, str]:
    """folded spelling → canonical name, for every position and alias."""
    table: dict[str, str] = {}
    for position in data.POSITIONS:
        for spelling in (position["name"], *position["aliases"]):
            table[_fold(spelling)] = position["name"]
    return table


def _without_region(text: str, region_names: tuple[str, ...]) -> str:
    """`Kepala Dinas PUPR Kota Surakarta` → `Kepala Dinas PUPR` (letters add the region)."""
    for name in region_names:
        if name and text.casefold().endswith(" " + name.casefold()):
            return text[: -len(name)].rstrip()
    return text


def canonical_position(text: str, *region_names: str) -> str:
    """The position's canonical spelling, or the text as written, spacing tidied."""
    written = _without_region(" ".join((text or "").split()), region_names)
    return _aliases().get(_fold(written), written)


def position_key(text: str, *region_names: str) -> str:
    """What tenures are matched on: one key per position, whatever its spelling."""
    return _fold(canonical_position(text, *region_names))


@cache
def _titles() -> tuple[frozenset[str], frozenset[str]]:
    front = frozenset(_plain(t).replace(" ", "") for t in data.FRONT_TITLES)
    back = frozenset(_plain(t).replace(" ", "") for t in data.DEGREES)
    return front, back


def fold_name(name: str) -> str:
    """A person's name without case, punctuation, spacing, titles and degrees.

    Officials write `Dr. Ir. H. Budi Santoso, M.T., M.Si.`: titles before the name,
    degrees after it (after a comma, or at its end without one). Only leading titles and
    trailing degrees are dropped, so a name's own words are never taken for a title.
    """
    front, back = _titles()
    head, *tails = (name or "").split(",")
    kept_tails = [t for t in tails if _plain(t).replace(" ", "") not in back]
    words = _plain(" ".join([head, *kept_tails])).split(" ")
    while (n := _title_length(words[:3], front)) and n < len(words):
        words = words[n:]
    while (n := _title_length(words[-3:][::-1], back, reverse=True)) and n < len(words):
        words = words[:-n]
    return "".join(words)


def _title_length(words: list[str], titles: frozenset[str], *, reverse: bool = False) -> int:
    """How many of `words` (up to three: `m si` is `M. Si.`) spell one title, or 0."""
    for n in (3, 2, 1):
        part = words[:n][::-1] if reverse else words[:n]
        if len(part) == n and "".join(part) in titles:
            return n
    return 0


def same_person(a: str, b: str) -> bool:
    """Two spellings of one name (and not two empty ones)."""
    folded = fold_name(a)
    return bool(folded) and folded == fold_name(b)
