"""Build KSM pre-monitoring sheets (CSV and XLSX) for the tests, from plain dicts."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from states.ksm_fields import COLUMN_NAMES


def good_row(**overrides: Any) -> dict[str, Any]:
    """A complete, valid visit to an IPAL komunal in Kota Pekalongan."""
    row: dict[str, Any] = {
        "wilayah": "33.75",
        "nama_ksm": "KSM Sido Rukun",
        "kecamatan": "Pekalongan Barat",
        "desa": "Krapyak",
        "jenis_sarana": "ipal_komunal",
        "tahun_bangun": "2015",
        "kapasitas_desain_kk": "60",
        "sr_desain": "60",
        "tanggal_kunjungan": "2026-10-01",
        "dasar_pembentukan": "sk_lurah",
        "sk_berlaku_sampai": "2027-12-31",
        "pengurus_aktif": "3",
        "ad_art_ada": "ya",
        "rapat_anggota_terakhir": "2026-03-01",
        "buku_administrasi": "buku_kas,buku_anggota",
        "rekening_bank": "bersama_3_nama",
        "status_fungsi": "berfungsi_baik",
        "sr_terpasang": "58",
        "sr_aktif": "50",
        "pengurasan_lumpur_terakhir": "2024-05-01",
        "tujuan_lumpur": "iplt",
        "frekuensi_mampet_per_bulan": "0",
        "kebutuhan_perbaikan": "",
        "estimasi_biaya": "",
        "iuran_per_kk_bulan": "10000",
        "tingkat_penagihan_persen": "85",
        "saldo_kas": "1500000",
        "pendapatan_bulanan": "500000",
        "biaya_om_bulanan": "400000",
        "pembukuan_kualitas": "rapi",
        "catatan": "",
    }
    row.update(overrides)
    return row


def failing_row(**overrides: Any) -> dict[str, Any]:
    """A valid visit to a derelict MCK Plus (scores merah), in Kota Pekalongan."""
    return good_row(
        nama_ksm="KSM Mawar",
        desa="Panjang",
        jenis_sarana="mck_plus",
        sr_desain="40",
        tanggal_kunjungan="2026-10-02",
        dasar_pembentukan="tidak_ada",
        sk_berlaku_sampai="",
        pengurus_aktif="1",
        ad_art_ada="tidak",
        rapat_anggota_terakhir="",
        buku_administrasi="",
        rekening_bank="tidak_ada",
        status_fungsi="mangkrak",
        sr_terpasang="10",
        sr_aktif="0",
        pengurasan_lumpur_terakhir="",
        tujuan_lumpur="belum_pernah",
        frekuensi_mampet_per_bulan="4",
        kebutuhan_perbaikan="Pompa rusak",
        estimasi_biaya="15000000",
        iuran_per_kk_bulan="0",
        tingkat_penagihan_persen="0",
        saldo_kas="0",
        pendapatan_bulanan="0",
        biaya_om_bulanan="100000",
        pembukuan_kualitas="tidak_ada",
        **overrides,
    )


def write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str] | None = None) -> Path:
    columns = columns or COLUMN_NAMES
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(name, "") for name in columns])
    return path


def write_xlsx(path: Path, rows: list[dict[str, Any]], *, merge: str | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "KSM"
    sheet.append(COLUMN_NAMES)
    for row in rows:
        sheet.append([_typed(row.get(name)) for name in COLUMN_NAMES])
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def _typed(value: Any) -> Any:
    """What Excel would hold: numbers as numbers, dates as dates, blanks as None."""
    from datetime import date

    if value in ("", None):
        return None
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value
