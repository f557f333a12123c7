"""The board's portfolio report (`report portfolio`) as data: the funnel's steps, the
stages whose time is measured, and the formats.

A region has reached a funnel step when it has ever been in that step's state or in a
later state of the main line (`lifecycle.MAIN_LINE`): a region that went from the
audience straight to drafting the Kesepakatan Bersama has passed pre-monitoring, and a
region seeded at `mou_signed` has had its audience. So each step counts at most the
regions of the step before it, and the conversions stay between 0 and 100 %.
"""

from __future__ import annotations

from typing import Final, TypedDict

from states.lifecycle import BEFORE_CLOSED


class FunnelStep(TypedDict):
    id: str
    state: str  # reached: ever in this state or a later one of the main line
    label_id: str
    label_en: str


FUNNEL: Final[list[FunnelStep]] = [
    {
        "id": "audiensi",
        "state": "audiensi_held",
        "label_id": "Audiensi",
        "label_en": "Audience",
    },
    {
        "id": "premonitoring",
        "state": "premonitoring",
        "label_id": "Pre-monitoring",
        "label_en": "Pre-monitoring",
    },
    {
        "id": "mou_signed",
        "state": "mou_signed",
        "label_id": "KB ditandatangani",
        "label_en": "MoU signed",
    },
    {
        "id": "moa_submitted",
        "state": "moa_submitted",
        "label_id": "PKS diajukan",
        "label_en": "MoA submitted",
    },
    {
        "id": "moa_signed",
        "state": "moa_signed",
        "label_id": "PKS ditandatangani",
        "label_en": "MoA signed",
    },
    {
        "id": "implementation",
        "state": "implementation",
        "label_id": "Pelaksanaan",
        "label_en": "Implementation",
    },
]

# Stages whose time is measured: every stage a region works through, and the pause.
# Closed and declined are where a region ends, not stages it spends time in.
TIME_IN_STAGE_STATES: Final[list[str]] = [*BEFORE_CLOSED, "on_hold"]

# Output formats of `report portfolio`; the first of `letter.formats` that is one of
# DOCUMENT_FORMATS is the default, else DEFAULT_FORMAT.
FORMATS: Final = ("html", "docx", "xlsx", "pdf", "json")
DOCUMENT_FORMATS: Final = ("docx", "html")
DEFAULT_FORMAT: Final = "docx"

# Formats of `letter list` (the agenda surat keluar).
REGISTER_FORMATS: Final = ("text", "csv", "xlsx")

# Chart sizes in inches, and the resolution of the PNGs put in the Word report.
CHART_SIZE_IN: Final = (6.4, 3.6)
CHART_DPI: Final = 200
