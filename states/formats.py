"""The formats a rendered document can be written in (one list for every command)."""

from __future__ import annotations

from typing import Final

OUTPUT_FORMATS: Final[tuple[str, ...]] = ("md", "html", "docx", "pdf")
# The formats `ksm report` offers (no PDF).
KSM_REPORT_FORMATS: Final[tuple[str, ...]] = ("md", "html", "docx")
