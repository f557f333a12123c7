"""The batched KSM import writes exactly the rows the ORM import wrote.

`tests/data/ksm_import_reference.json` holds every row of the KSM tables and of the
audit log after the scenario below, written by the ORM import this one replaced (the
clock is fixed, so every row is the same from run to run). Each branch of the import
is in it: new KSMs with one and two facilities, two visits of one facility, a facility
whose identity cells change within the file, and on re-import a changed KSM, a new
facility of a known KSM, a corrected visit, an unchanged one, a new visit, an empty
identity cell that keeps the stored value; then a dry run that writes nothing. The rows
are the same on PostgreSQL (there the batches go in as COPY, with ids drawn beforehand).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _ksm_rows import failing_row, good_row, write_csv
from _snapshot import db_rows

from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.ksm_import import import_ksm_file

REFERENCE = Path(__file__).parent / "data" / "ksm_import_reference.json"
TABLES = ("ksm", "facility", "assessment", "audit_log")

FIRST = [
    good_row(),
    failing_row(),
    good_row(jenis_sarana="mck_plus_sr", sr_desain="20", sr_terpasang="25", sr_aktif="25"),
    good_row(tanggal_kunjungan="2026-06-01", tahun_bangun="2014", kecamatan="Pekalongan Utara"),
    good_row(
        wilayah="Kulon Progo",
        nama_ksm="KSM Tirta",
        tingkat_penagihan_persen="72,5%",
        saldo_kas="2.500.000",
        tanggal_kunjungan="15/09/2026",
    ),
]
SECOND = [
    good_row(desa="Krapyak Lor"),  # the KSM's desa changes; the visit is the same
    good_row(nama_ksm="KSM Mawar", desa="Panjang", tanggal_kunjungan="2026-10-03"),  # new facility
    good_row(jenis_sarana="mck_plus_sr", sr_desain="30", sr_terpasang="25", sr_aktif="20"),
    good_row(tanggal_kunjungan="2026-06-01", tahun_bangun="2014", kecamatan=""),  # unchanged
    good_row(wilayah="Kulon Progo", nama_ksm="KSM Tirta", tanggal_kunjungan="2026-11-02"),
]
DRY = [good_row(nama_ksm="KSM Baru", tanggal_kunjungan="2026-11-20")]


def scenario(url: str, folder: Path) -> dict[str, Any]:
    """Run the three imports; the results and every row of the tables they write."""
    results = []
    runs = (("first", FIRST, False), ("second", SECOND, False), ("dry", DRY, True))
    for name, rows, dry_run in runs:
        path = write_csv(folder / f"{name}.csv", rows)
        result = import_ksm_file(UnitOfWork(url), path, actor="tester", dry_run=dry_run)
        results.append(repr(result))
    rows = db_rows(url)
    return {"results": results, **{table: [repr(row) for row in rows[table]] for table in TABLES}}


def test_the_import_writes_the_rows_the_orm_import_wrote(seeded: str, tmp_path: Path) -> None:
    found = scenario(seeded, tmp_path)
    assert found == json.loads(REFERENCE.read_text(encoding="utf-8"))
