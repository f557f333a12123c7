"""Benchmark: `ksm import` of 10,000 KSM rows against reading the same CSV with `csv` alone
(bars: <= 20x its time, <= 2x its peak memory).

Each side runs in a process of its own, paired (bench/_common.py), so its peak RSS is its
own; its time is that of the work inside the process (imports excluded on both sides, the
database migrated and seeded before the clock starts). On SQLite, and on PostgreSQL
(AKSANSI_BENCH_PG_URL, default the test server) in scratch databases.

    python -m bench.ksm [ROWS]
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

from bench._common import (
    NOW,
    Measure,
    Run,
    drop_pg,
    memory_ratio_bar,
    paired,
    pg_reachable,
    run,
    sized,
    skipped,
    time_bar,
    worker,
)
from bench._data import copy_sqlite, pg_copy, pg_database, sqlite_url

ROWS = sized(10_000, 200)
ENV = {"AKSANSI_NOW": NOW}
REGIONS = ["33.75", "34.01", "33.23", "35.76", "33.11", "33.72", "35.71", "16.73"]
KINDS = ["ipal_komunal", "mck_plus", "mck_plus_sr"]
STATUS = ["berfungsi_baik", "berfungsi_sebagian", "tidak_berfungsi", "mangkrak"]


def write_rows(path: Path, count: int) -> None:
    from states.ksm_fields import COLUMN_NAMES

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMN_NAMES)
        writer.writeheader()
        for index in range(count):
            writer.writerow(_row(index))


def _row(index: int) -> dict[str, object]:
    designed = 20 + index % 80
    installed = designed - index % 7
    return {
        "wilayah": REGIONS[index % len(REGIONS)],
        "nama_ksm": f"KSM Bench {index:05d}",
        "kecamatan": f"Kecamatan {index % 17}",
        "desa": f"Desa {index % 101}",
        "jenis_sarana": KINDS[index % len(KINDS)],
        "tahun_bangun": 2005 + index % 20,
        "kapasitas_desain_kk": designed,
        "sr_desain": designed,
        "tanggal_kunjungan": f"2026-{1 + index % 10:02d}-{1 + index % 28:02d}",
        "dasar_pembentukan": "sk_lurah",
        "sk_berlaku_sampai": "2028-12-31",
        "pengurus_aktif": index % 5,
        "ad_art_ada": "ya" if index % 2 else "tidak",
        "rapat_anggota_terakhir": "2025-12-01",
        "buku_administrasi": "buku_kas,notulen",
        "rekening_bank": "bersama_3_nama",
        "status_fungsi": STATUS[index % len(STATUS)],
        "sr_terpasang": installed,
        "sr_aktif": installed - index % 5,
        "pengurasan_lumpur_terakhir": "2024-06-01",
        "tujuan_lumpur": "iplt",
        "frekuensi_mampet_per_bulan": index % 4,
        "kebutuhan_perbaikan": "",
        "estimasi_biaya": 1_000_000 * (index % 9),
        "iuran_per_kk_bulan": 10_000,
        "tingkat_penagihan_persen": index % 101,
        "saldo_kas": 250_000 * (index % 13),
        "pendapatan_bulanan": 400_000,
        "biaya_om_bulanan": 350_000,
        "pembukuan_kualitas": "rapi",
        "catatan": "",
    }


def main(rows: int = ROWS) -> None:
    """SQLite, and PostgreSQL unless its server is unreachable (then a line says so)."""
    with tempfile.TemporaryDirectory(prefix="aksansi-bench-ksm-") as folder:
        root = Path(folder)
        csv_path = root / "ksm.csv"
        write_rows(csv_path, rows)
        template = root / "seeded.sqlite3"
        _seeded(sqlite_url(template))

        def sqlite() -> Run:
            url = copy_sqlite(template, root / "run.sqlite3")
            return run(worker("ksm-import", str(csv_path), url, str(rows)), env=ENV, inner=True)

        _compare(rows, "SQLite", csv_path, sqlite)
        why = pg_reachable()
        if why is not None:
            skipped(f"ksm import on PostgreSQL: the server is unreachable ({why})")
            return
        with pg_database("ksm") as pg_template:
            _seeded(pg_template)

            def postgresql() -> Run:
                url = pg_copy(pg_template, "run")
                try:
                    return run(
                        worker("ksm-import", str(csv_path), url, str(rows)), env=ENV, inner=True
                    )
                finally:
                    drop_pg(url)

            _compare(rows, "PostgreSQL", csv_path, postgresql)


def _seeded(url: str) -> None:
    from workflow.infrastructure import db, schema
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.seed import seed_portfolio

    schema.upgrade(url)
    seed_portfolio(UnitOfWork(url), actor="bench")
    db.dispose(db.database_url(url))


def _compare(rows: int, backend: str, csv_path: Path, imported: Measure) -> None:
    def baseline() -> Run:
        return run(worker("csv-read", str(csv_path), str(rows)), inner=True)

    floors, subjects = paired(baseline, imported)
    what = f"ksm import of {rows:,} rows ({backend}, one transaction)"
    time_bar(what, "csv.DictReader of the same file", floors, subjects, at_most=20, bar="<= 20x")
    memory_ratio_bar(what, "csv.DictReader", floors, subjects, at_most=2)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
