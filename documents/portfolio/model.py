"""The report's content, once, from the figures: sections with their sentences, chart
and table. The HTML page, the Word document and the spreadsheet are all drawn from
these sections, so the three say the same thing.

Table cells keep their types (dates as dates, numbers as numbers); each column says
how it is written (`text`, `int`, `num` one decimal, `pct`, `date`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from documents.filters import tanggal
from documents.portfolio.numbers import angka, nama_periode, rentang
from states import lifecycle

Cell = str | int | float | date | None
STATE_LABELS = {s["id"]: s["label_id"] for s in lifecycle.STATES}
EVENT_LABELS = {e["trigger"]: e["label_id"] for e in lifecycle.EVENTS}
WHO = {"secretariat": "Sekretariat", "pemda": "Pemda"}


@dataclass(frozen=True)
class Table:
    sheet: str  # the spreadsheet's sheet name (31 characters at most)
    headers: list[str]
    kinds: list[str]  # per column: text, int, num, pct, date
    rows: list[list[Cell]]
    sheet_only: tuple[int, ...] = ()  # columns the spreadsheet has, the printed page not

    def printed(self) -> Table:
        """The table as the HTML page and the Word document print it."""
        keep = [i for i in range(len(self.headers)) if i not in self.sheet_only]
        return Table(
            self.sheet,
            [self.headers[i] for i in keep],
            [self.kinds[i] for i in keep],
            [[row[i] for i in keep] for row in self.rows],
        )


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: list[str]
    chart: str | None = None  # a chart id (see documents.portfolio.charts)
    table: Table | None = None
    empty: str = ""  # said instead of a table without rows
    notes: list[str] = field(default_factory=list)  # how it was counted, under the table


def title(figures: dict[str, Any]) -> str:
    return f"Laporan Portofolio Kerja Sama Daerah {nama_periode(figures['period'])}"


def footer(org: str, generated_on: date) -> str:
    day = tanggal(generated_on)
    return f"Disusun oleh {org} dengan aksansi pada {day}, dari log audit portofolio."


def summary_of(found: list[Section]) -> str:
    """The summary paragraph (the first section's)."""
    return " ".join(found[0].paragraphs) if found else ""


def sections(figures: dict[str, Any]) -> list[Section]:
    return [
        Section("Ringkasan", [summary(figures)]),
        _positions(figures),
        _movements(figures),
        _funnel(figures),
        _time_in_stage(figures),
        _blockers(figures),
        _stalled(figures),
        _letters(figures),
    ]


def _positions(figures: dict[str, Any]) -> Section:
    before, after = figures["stages_from"], figures["stages_to"]
    counts = {s["state"]: [s["count"], 0] for s in before["stages"]}
    for s in after["stages"]:
        counts[s["state"]][1] = s["count"]
    rows: list[list[Cell]] = [
        [STATE_LABELS[state], a, b, b - a] for state, (a, b) in counts.items() if a or b
    ]
    text = (
        f"Jumlah daerah per tahap pada awal periode (keadaan akhir {tanggal(before['as_of'])}) "
        f"dan pada akhir periode ({tanggal(after['as_of'])}): {before['total']} daerah "
        f"menjadi {after['total']} daerah."
    )
    if after["added"]:
        text += f" {after['added']} daerah baru dicatat dalam periode ini."
    table = Table(
        "Posisi",
        ["Tahap", "Awal periode", "Akhir periode", "Perubahan"],
        ["text", "int", "int", "int"],
        rows,
    )
    return Section("Posisi portofolio", [text], table=table, empty="Belum ada daerah tercatat.")


def _movements(figures: dict[str, Any]) -> Section:
    rows: list[list[Cell]] = [
        [
            region["code"],
            region["name"],
            move["on"],
            EVENT_LABELS.get(move["event"] or "", move["event"] or ""),
            STATE_LABELS.get(move["from"] or "", move["from"] or ""),
            STATE_LABELS.get(move["to"] or "", move["to"] or ""),
        ]
        for region in figures["movements"]
        for move in region["moves"]
    ]
    moved = len(figures["movements"])
    text = (
        "Setiap perpindahan tahap dalam periode, per daerah: "
        f"{len(rows)} perpindahan di {moved} daerah."
    )
    table = Table(
        "Pergerakan",
        ["Kode", "Daerah", "Tanggal", "Peristiwa", "Dari tahap", "Ke tahap"],
        ["text", "text", "date", "text", "text", "text"],
        rows,
    )
    return Section(
        "Pergerakan dalam periode",
        [text] if rows else [],
        table=table,
        empty="Tidak ada daerah yang berpindah tahap dalam periode ini.",
    )


def _funnel(figures: dict[str, Any]) -> Section:
    rows: list[list[Cell]] = [
        [s["label"], s["reached"], s["reached_in_period"], s["conversion_pct"]]
        for s in figures["funnel"]
    ]
    end = figures["period"]["to"]
    text = (
        f"Berapa daerah yang sampai {tanggal(end)} pernah mencapai setiap tahap, berapa di "
        "antaranya mencapainya dalam periode ini, dan konversi dari tahap sebelumnya."
    )
    note = (
        "Sebuah tahap dihitung tercapai bila daerah pernah berada pada tahap itu atau tahap "
        "sesudahnya: daerah yang langsung menyusun Kesepakatan Bersama setelah audiensi "
        "dihitung telah melewati pre-monitoring, dan daerah dari data awal dihitung telah "
        "melewati tahap-tahap sebelum tahapnya."
    )
    table = Table(
        "Corong",
        ["Tahap", "Pernah mencapai", "Dalam periode", "Konversi dari tahap sebelumnya"],
        ["text", "int", "int", "pct"],
        rows,
    )
    return Section("Corong tahapan", [text], chart="corong", table=table, notes=[note])


def _time_in_stage(figures: dict[str, Any]) -> Section:
    stages = [s for s in figures["time_in_stage"] if s["stays"] or s["unknown_start"]]
    rows: list[list[Cell]] = [
        [
            s["label"],
            s["stays"],
            s["median_days"],
            s["longest_days"],
            s["longest_region"],
            s["still_in"],
            s["unknown_start"],
        ]
        for s in stages
    ]
    end = tanggal(figures["period"]["to"])
    still = sum(s["still_in"] for s in stages)
    unknown = sum(s["unknown_start"] for s in stages)
    notes = [
        f"Setiap masa tinggal di sebuah tahap yang berlangsung dalam periode diukur dari hari "
        f"masuk sampai hari keluar; {still} masa tinggal daerah yang masih berada di tahapnya "
        f"dihitung sampai {end}, sehingga angkanya batas bawah.",
        f"{unknown} masa tinggal tidak diukur karena hari masuknya tidak diketahui (daerah "
        "dari data awal portofolio).",
    ]
    table = Table(
        "Lama per tahap",
        [
            "Tahap",
            "Masa tinggal diukur",
            "Median (hari)",
            "Terlama (hari)",
            "Daerah terlama",
            "Masih di tahap",
            "Hari masuk tidak diketahui",
        ],
        ["text", "int", "num", "int", "text", "int", "int"],
        rows,
    )
    text = "Berapa hari daerah berada di setiap tahap: median dan yang terlama."
    return Section(
        "Lama di tiap tahap",
        [text],
        chart="lama-tahap",
        table=table,
        empty="Tidak ada masa tinggal dalam periode ini.",
        notes=notes,
    )


def _blockers(figures: dict[str, Any]) -> Section:
    rows: list[list[Cell]] = [
        [b["label"], b["regions"], b["days_lost"], b["open"], b["median_days"]]
        for b in figures["blockers"]
    ]
    end = tanggal(figures["period"]["to"])
    note = (
        "Hari hilang: hari-hari dalam periode selama hambatan terbuka; hambatan yang masih "
        f"terbuka dihitung sampai {end}. Diurutkan dari yang paling mahal."
    )
    table = Table(
        "Hambatan",
        ["Jenis hambatan", "Daerah terdampak", "Hari hilang", "Masih terbuka", "Median (hari)"],
        ["text", "int", "int", "int", "num"],
        rows,
    )
    return Section(
        "Hambatan",
        ["Hambatan yang terbuka dalam periode, per jenis."],
        chart="biaya-hambatan",
        table=table,
        empty="Tidak ada hambatan yang terbuka dalam periode ini.",
        notes=[note],
    )


def _stalled(figures: dict[str, Any]) -> Section:
    rows: list[list[Cell]] = [
        [
            s["code"],
            s["name"],
            s["label"],
            WHO.get(s["who"], s["who"]),
            action_text(s["action_label"]),
            s["since"],
            s["due_on"],
            s["overdue_days"],
        ]
        for s in figures["stalled"]
    ]
    end = tanggal(figures["period"]["to"])
    table = Table(
        "Macet",
        [
            "Kode",
            "Daerah",
            "Tahap",
            "Giliran",
            "Tindakan berikutnya",
            "Giliran sejak",
            "Jatuh tempo",
            "Terlambat (hari kerja)",
        ],
        ["text", "text", "text", "text", "text", "date", "date", "int"],
        rows,
        sheet_only=(0,),  # the code: eight columns do not fit a portrait page's width
    )
    notes = [
        "Giliran: pihak yang memegang langkah berikutnya (Sekretariat atau Pemda), sejak "
        "hari yang tertulis (kosong bila tidak diketahui: daerah dari data awal "
        "portofolio). Terlambat: hari kerja sejak jatuh tempo sampai "
        f"{end}, seperti daftar kerja pada hari itu (aksansi board --as-of --stalled). "
        "Diurutkan dari yang paling lama terlambat."
    ]
    return Section(
        "Daerah macet",
        [
            f"Daerah yang pada akhir periode ({end}) tindakan berikutnya sudah lewat jatuh "
            f"tempo: {len(rows)} daerah."
        ]
        if rows
        else [],
        table=table,
        empty="Tidak ada daerah yang tindakan berikutnya terlambat pada akhir periode.",
        notes=notes if rows else [],
    )


# The commands in a worklist text: an aside that names one or an event (`(aksansi
# advance …)`, `(sign_moa)`), a clause that records the step (`lalu catat dengan aksansi
# advance 36.01 request_audiensi`), a tail that renders its letter (`: aksansi letter …`).
_COMMAND_ASIDE = re.compile(r"\s*\([^()]*(\baksansi\b|\b[a-z]+_[a-z_]+\b)[^()]*\)")
_COMMAND_CLAUSE = re.compile(
    r"(,?\s*(lalu|dan)\s+|;\s*)catat(\s+dengan)?\s+"
    r"(aksansi\s+advance\s+\S+\s+[a-z_]+|[a-z]+(_[a-z]+)+)\b[^.;,]*"
)
_COMMAND_TAIL = re.compile(r":\s*aksansi\b.*$")


def action_text(text: str) -> str:
    """A next action as the board reads it: the step, without the commands the
    coordinator types to record it (the worklist, `aksansi today`, shows those)."""
    for pattern in (_COMMAND_ASIDE, _COMMAND_CLAUSE, _COMMAND_TAIL):
        text = pattern.sub("", text)
    return text.strip().rstrip(".;, ") + "."


def _letters(figures: dict[str, Any]) -> Section:
    rows: list[list[Cell]] = [[x["hal"], x["issued"]] for x in figures["letters"]]
    table = Table("Surat", ["Hal", "Diterbitkan"], ["text", "int"], rows)
    total = sum(x["issued"] for x in figures["letters"])
    return Section(
        "Surat keluar dalam periode",
        [f"Surat yang diberi nomor dalam periode, per jenis: {total} surat."] if rows else [],
        table=table,
        empty="Tidak ada surat keluar dalam periode ini.",
    )


def summary(figures: dict[str, Any]) -> str:
    """The paragraph a board member reads first, from the figures alone."""
    period = figures["period"]
    opening = "Dalam triwulan ini" if period["quarter"] else "Dalam periode ini"
    sentences = [
        f"{opening} ({rentang(period['from'], period['to'])}) {_moved(figures)}.",
        _standing(figures),
        _funnel_sentence(figures),
        _blocker_sentence(figures),
        _stalled_sentence(figures),
        _letters_sentence(figures),
    ]
    return " ".join(s for s in sentences if s)


def _moved(figures: dict[str, Any]) -> str:
    regions = figures["movements"]
    if not regions:
        return "tidak ada daerah yang berpindah tahap"
    moves = sum(len(r["moves"]) for r in regions)
    return f"{len(regions)} daerah berpindah tahap dengan {moves} perpindahan"


def _standing(figures: dict[str, Any]) -> str:
    after = figures["stages_to"]
    busiest = max(after["stages"], key=lambda s: s["count"], default=None)
    if not after["total"] or busiest is None:
        return "Pada akhir periode belum ada daerah dalam portofolio."
    return (
        f"Pada akhir periode portofolio berisi {after['total']} daerah, terbanyak pada tahap "
        f"{busiest['label']} ({busiest['count']} daerah)."
    )


def _funnel_sentence(figures: dict[str, Any]) -> str:
    steps = {s["step"]: s for s in figures["funnel"]}
    mou, moa = steps["mou_signed"], steps["moa_signed"]
    text = (
        f"Sejauh ini {mou['reached']} daerah telah menandatangani Kesepakatan Bersama dan "
        f"{moa['reached']} daerah telah menandatangani PKS"
    )
    if mou["reached"]:
        text += f" ({angka(100 * moa['reached'] / mou['reached'])}% dari yang ber-KB)"
    return text + "."


def _blocker_sentence(figures: dict[str, Any]) -> str:
    if not figures["blockers"]:
        return "Tidak ada hambatan yang terbuka dalam periode ini."
    top = figures["blockers"][0]
    return (
        f"Hambatan yang paling mahal adalah {top['label']}: {top['days_lost']} hari hilang "
        f"di {top['regions']} daerah, {top['open']} masih terbuka."
    )


def _stalled_sentence(figures: dict[str, Any]) -> str:
    stalled = figures["stalled"]
    if not stalled:
        return "Pada akhir periode tidak ada daerah yang macet."
    ours = sum(1 for s in stalled if s["who"] == "secretariat")
    if ours == len(stalled):
        holders = "semuanya giliran Sekretariat"
    else:
        holders = f"{ours} giliran Sekretariat, {len(stalled) - ours} giliran Pemda"
    longest = stalled[0]
    return (
        f"Pada akhir periode {len(stalled)} daerah macet karena tindakan berikutnya sudah "
        f"lewat jatuh tempo ({holders}); yang paling lama {longest['name']}, terlambat "
        f"{longest['overdue_days']} hari kerja."
    )


def _letters_sentence(figures: dict[str, Any]) -> str:
    total = sum(x["issued"] for x in figures["letters"])
    return f"{total} surat keluar diberi nomor." if total else ""
