"""The reminders calendar (`aksansi remind ics`), as data.

The calendar is read beside the letters, so its words are Indonesian (the letters'
language) whatever the interface language: they are literals here, not messages.

A reminder that is no longer open (done, cancelled, skipped) stays in the file as a
cancelled event for `KEPT_CLOSED_DAYS` days after it closed, so a calendar that
imports the file again removes it; after that it drops out of the file.
"""

from __future__ import annotations

from typing import Final

KEPT_CLOSED_DAYS: Final = 90

PRODID: Final = "-//AKSANSI Secretariat//aksansi reminders//ID"
CALENDAR_NAME: Final = "Pengingat AKSANSI"
TIMEZONE: Final = "Asia/Jakarta"
TIMEZONE_NAME: Final = "WIB"
TIMEZONE_OFFSET: Final = "+0700"  # Western Indonesia: no daylight saving since 1964

# What each rule of states/reminders.RULES asks for. A reminder added by hand (or of a
# retired rule) shows its own text.
RULE_SUMMARIES: Final[dict[str, str]] = {
    "audiensi_followup": "Tindak lanjuti permohonan audiensi: audiensi belum terlaksana.",
    "moa_draft_preparation": "Siapkan rancangan PKS.",
    "moa_response_request_1": "Rancangan PKS belum dijawab: kirim surat permohonan tanggapan.",
    "moa_response_request_2": (
        "Rancangan PKS masih belum dijawab: permohonan kedua, dengan tembusan kepada Sekda / TKKSD."
    ),
    "moa_escalation": (
        "Rancangan PKS belum dijawab selama 30 hari kerja: sampaikan kepada Kepala Daerah."
    ),
    "official_introduction": "Perkenalkan program kepada pejabat yang baru dilantik.",
    "funding_followup": "Tindak lanjuti usulan pendanaan yang belum dijawab.",
    "kb_expiry": (
        "Kesepakatan Bersama segera berakhir dan PKS belum ditandatangani: mintalah"
        " perpanjangan atau Kesepakatan Bersama baru."
    ),
    "tkksd_review_request": (
        "TKKSD belum membahas rancangan PKS: minta Sekda selaku Ketua TKKSD menjadwalkannya."
    ),
    "legal_review_request": "Bagian Hukum belum mengharmonisasi rancangan PKS: mintalah.",
    "dprd_approval_request": (
        "DPRD belum menyetujui rencana kerja sama: minta Kepala Daerah mengajukannya."
    ),
    "power_of_attorney_request": (
        "Surat kuasa penandatanganan PKS bagi Kepala OPD belum terbit: mohonkan kepada"
        " Kepala Daerah."
    ),
}

# The reminder statuses (states/reminders.STATUSES) as the calendar words them.
STATUS_WORDS: Final[dict[str, str]] = {
    "pending": "menunggu",
    "issued": "diterbitkan, menunggu tindak lanjut",
    "done": "selesai",
    "cancelled": "dibatalkan",
    "skipped": "dilewati",
}

SUMMARY: Final = "{region_name}: {text}"
CLOSED_SUMMARY: Final = "[{status}] {region_name}: {text}"
DESCRIPTION: Final = "Pengingat #{id} untuk {region_name} ({region}), status: {status}."
LETTER_LINE: Final = "Surat: {hal}"
LETTER_NUMBER_LINE: Final = "Surat: {hal}, nomor {number}"
EXPLAIN_LINE: Final = "Rincian: aksansi remind explain {region}"
