"""The blank KSM sheet the field staff fill (`aksansi ksm template -o FILE.xlsx|.csv`).

Excel: sheet `KSM` with the header row (bold, frozen), a comment on every header
cell saying what goes there, drop-down lists for the enum columns, and a second
sheet `Petunjuk` with one line per column (type, allowed values, help) and the
rules across columns. CSV: the header row only (the help is in the Excel version).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from states.ksm_fields import COLUMN_NAMES, COLUMNS, REQUIRED_CELLS, Column
from workflow.errors import BadFile

TYPE_HELP = {
    "text": "teks",
    "int": "bilangan bulat ≥ 0",
    "money": "rupiah, bilangan bulat ≥ 0 (mis. 150000)",
    "percent": "persen 0–100",
    "year": "tahun",
    "date": "tanggal YYYY-MM-DD, tidak boleh setelah hari ini",
    "expiry": "tanggal YYYY-MM-DD (boleh di masa depan)",
    "bool": "ya / tidak",
    "enum": "salah satu nilai",
    "set": "beberapa nilai, dipisah koma",
}
RULES = [
    "Satu baris = satu kunjungan pre-monitoring ke satu sarana milik satu KSM.",
    "Baris yang sama (wilayah + nama_ksm + jenis_sarana + tanggal_kunjungan) diimpor sekali saja.",
    "sr_aktif tidak boleh melebihi sr_terpasang; sr_terpasang boleh melebihi sr_desain.",
    "Tanggal rapat dan pengurasan tidak boleh setelah tanggal kunjungan.",
    "Jika ada satu baris salah, tidak ada yang diimpor; perbaiki lalu impor ulang.",
]


DEFAULT_NAME = "pre-monitoring-ksm.xlsx"


def write_template(output: Path | str, *, overwrite: bool = False) -> Path:
    """Write the sheet to `output` (a folder gets DEFAULT_NAME); never over a file
    unless `overwrite`."""
    from documents.output import output_path, shown, write_atomic
    from workflow.domain.letters.issuing import document_errors

    with document_errors():
        path = output_path(output, Path(DEFAULT_NAME), overwrite=overwrite)
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            raise BadFile(f"{shown(path.name)}: the template is written as .xlsx or .csv.")
        content = _xlsx_bytes() if suffix == ".xlsx" else _csv_bytes()
        write_atomic(path, content, overwrite=overwrite)
    return path


def _csv_bytes() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(COLUMN_NAMES)
    return buffer.getvalue().encode("utf-8")


def _xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "KSM"
    _header(sheet)
    _help_sheet(book.create_sheet("Petunjuk"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header(sheet) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=column["name"])
        cell.font = Font(bold=True)
        cell.comment = Comment(_explain(column), "AKSANSI")
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, len(column["name"]) + 2)
        if column["type"] == "enum":
            rule = DataValidation(
                type="list", formula1=f'"{",".join(column["values"])}"', allow_blank=True
            )
            rule.add(f"{letter}2:{letter}5000")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"


def _help_sheet(sheet) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font

    sheet.append(["kolom", "wajib", "jenis isian", "nilai yang boleh", "keterangan"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        sheet.append(
            [
                column["name"],
                "ya" if column["name"] in REQUIRED_CELLS else "",
                TYPE_HELP[column["type"]],
                ", ".join(column["values"]),
                column["help"],
            ]
        )
    sheet.append([])
    for rule in RULES:
        sheet.append([rule])
    for letter, width in zip("ABCDE", (28, 8, 30, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width


def _explain(column: Column) -> str:
    text = f"{column['help']}\nIsian: {TYPE_HELP[column['type']]}."
    if column["values"]:
        text += f"\nNilai: {', '.join(column['values'])}."
    return text
