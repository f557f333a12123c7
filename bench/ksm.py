"""Benchmark: `ksm import` of 10,000 KSM rows against reading the same CSV with `csv` alone.

Set AKSANSI_BENCH_PG_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to also import
into a scratch PostgreSQL database (created and dropped here).

Each side runs in a fresh Python process, so its peak RSS is its own; time is wall
time of the work inside that process (imports excluded on both sides, and the
database migrated and seeded before the clock starts). Prints both and the ratios.

    python -m bench.ksm [ROWS]
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROWS = 10_000
REGIONS = ["33.75", "34.01", "33.23", "35.76", "33.11", "33.72", "35.71", "16.73"]
KINDS = ["ipal_komunal", "mck_plus", "mck_plus_sr"]
STATUS = ["berfungsi_baik", "berfungsi_sebagian", "tidak_berfungsi", "mangkrak"]

IMPORT_SIDE = """
import json, resource, sys, time
from pathlib import Path
from workflow.infrastructure import db, schema
from workflow.services.seed import seed_portfolio
from workflow.services.ksm_import import import_ksm_file
from workflow.infrastructure.unit_of_work import UnitOfWork
url = db.database_url(sys.argv[2])
schema.upgrade(url)
seed_portfolio(UnitOfWork(url), actor="bench")
start = time.perf_counter()
result = import_ksm_file(UnitOfWork(url), Path(sys.argv[1]), actor="bench")
seconds = time.perf_counter() - start
assert result.assessments_recorded == int(sys.argv[3]), result
print(json.dumps({"seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CSV_SIDE = """
import csv, json, resource, sys, time
start = time.perf_counter()
with open(sys.argv[1], newline="", encoding="utf-8-sig") as handle:
    rows = list(csv.DictReader(handle))
seconds = time.perf_counter() - start
assert len(rows) == int(sys.argv[3])
print(json.dumps({"seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


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


def _measure(code: str, csv_path: Path, database: str, count: int) -> dict[str, float]:
    env_now = {"AKSANSI_NOW": "2026-11-27T09:00:00+07:00"}
    output = subprocess.run(
        [sys.executable, "-c", code, str(csv_path), database, str(count)],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ | env_now,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(rows: int = ROWS) -> None:
    """SQLite always; PostgreSQL too when AKSANSI_BENCH_PG_URL names a server to use."""
    with tempfile.TemporaryDirectory(prefix="aksansi-bench-ksm-") as folder:
        csv_path = Path(folder) / "ksm.csv"
        write_rows(csv_path, rows)
        baseline = _measure(CSV_SIDE, csv_path, folder + "/unused.sqlite3", rows)
        imported = {"SQLite": _measure(IMPORT_SIDE, csv_path, folder + "/bench.sqlite3", rows)}
        server = os.environ.get("AKSANSI_BENCH_PG_URL")
        if server:
            with _pg_database(server) as url:
                imported["PostgreSQL"] = _measure(IMPORT_SIDE, csv_path, url, rows)
    for backend, figures in imported.items():
        _report(rows, backend, figures, baseline)


def _report(
    rows: int, backend: str, imported: dict[str, float], baseline: dict[str, float]
) -> None:
    print(
        f"ksm import of {rows:,} rows ({backend}, one transaction): "
        f"{imported['seconds']:.2f} s, peak RSS {imported['peak_mb']:.0f} MB "
        f"({rows / imported['seconds']:,.0f} rows/s)"
    )
    print(
        f"  baseline csv.DictReader of the same file: "
        f"{baseline['seconds']:.3f} s, peak RSS {baseline['peak_mb']:.0f} MB"
    )
    print(
        f"  ratio: time ×{imported['seconds'] / baseline['seconds']:.0f}, "
        f"peak memory ×{imported['peak_mb'] / baseline['peak_mb']:.1f}"
    )


@contextmanager
def _pg_database(server: str) -> Iterator[str]:
    import uuid

    import psycopg

    name = f"aksansi_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
