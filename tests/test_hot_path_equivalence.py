"""The hot paths (advance, the sweep, letter issuing) write the same rows and letter files
as the reference run recorded before they moved to SQLAlchemy Core (issue 17).

The reference (tests/data/hot_path_reference.json) was written by the ORM path on the
same script. A deliberate change of what the script writes (a new rule, a new letter
text) regenerates it: AKSANSI_WRITE_REFERENCE=1 pytest tests/test_hot_path_equivalence.py
-k sqlite, then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from _hot_path_scenario import dump, run_scenario

REFERENCE = Path(__file__).parent / "data" / "hot_path_reference.json"


def test_the_scenario_writes_what_the_reference_run_wrote(db_url: str, tmp_path: Path) -> None:
    run_scenario(db_url)
    written = dump(db_url, tmp_path / "out")
    if os.environ.get("AKSANSI_WRITE_REFERENCE") == "1":
        REFERENCE.parent.mkdir(exist_ok=True)
        REFERENCE.write_text(json.dumps(written, sort_keys=True, indent=1) + "\n", "utf-8")
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    _same(written, reference)


def _same(written: dict[str, Any], reference: dict[str, Any]) -> None:
    """Table by table and row by row, so a failure names the first row that differs."""
    assert sorted(written["files"]) == sorted(reference["files"])
    for path, text in reference["files"].items():
        assert written["files"][path] == text, path
    for table, rows in reference["rows"].items():
        mine = written["rows"][table]
        for index, (got, want) in enumerate(zip(mine, rows, strict=False)):
            assert got == want, f"{table} row {index + 1}"
        assert len(mine) == len(rows), table
