"""A scripted run over the hot paths (advances of several kinds, blockers, sweeps with
letters) and a dump of every row and letter file it leaves, for the equivalence test
(tests/test_hot_path_equivalence.py) to compare with the stored reference."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reminder_helpers import add_due, moa_draft
from secretariat import set_profile
from sqlalchemy import select

from jobs.sweep import run_sweep
from workflow.domain import clock
from workflow.infrastructure import db
from workflow.infrastructure.models import load_all
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance
from workflow.services.blockers import add_blocker, resolve_blocker
from workflow.services.letters import render_letter
from workflow.services.officials import set_official
from workflow.services.seed import seed_portfolio

TABLES = (
    "region",
    "audit_log",
    "reminder",
    "blocker",
    "letter",
    "letter_counter",
    "mou_record",
    "official",
)


def _on(day: str) -> None:
    os.environ["AKSANSI_NOW"] = f"{day}T08:30:00+07:00"


def _advance(url: str, region: str, event: str, **options: Any) -> None:
    advance(UnitOfWork(url), region, event, actor="tester", **options)


def _sweep(url: str, day: str) -> None:
    _on(day)
    run_sweep(url, now=clock.now(), actor="sweeper", letter_formats=("md",))


def run_scenario(url: str) -> None:
    """Every step writes through the product's own use cases, on fixed days."""
    _on("2026-11-27")
    seed_portfolio(UnitOfWork(url), actor="tester")
    set_profile(url)
    set_official(
        UnitOfWork(url),
        "mojokerto",
        position="Kepala Dinas PUPR",
        name="Budi Santoso",
        actor="tester",
        since=date(2026, 1, 5),
    )
    _advance(url, "mojokerto", "revise_moa")
    moa_draft(url, "mojokerto")
    render_letter(UnitOfWork(url), "mojokerto", "moa_submission", actor="tester", fmt="md")
    _advance(url, "mojokerto", "submit_moa")  # the three-step response ladder
    add_due(url, 12, letter="audiensi_request")  # due last week, across the regions
    _sweep(url, "2026-11-27")
    _on("2026-11-30")
    for _ in range(2):  # leaving mou_signed cancels nothing at first, then the preparation
        _advance(url, "33.75", "hold", note="Pilkada")
        _advance(url, "33.75", "resume")
    _advance(url, "34.01", "draft_moa")
    _advance(url, "34.01", "form_chapter", note="chapter formed")  # a milestone
    _advance(url, "33.23", "decline", note="no budget")
    _advance(url, "33.23", "reopen")
    _advance(url, "33.23", "request_audiensi")
    add_blocker(UnitOfWork(url), "33.11", "funding_unanswered", actor="tester", note="APBD")
    set_official(
        UnitOfWork(url),
        "33.72",
        position="Kepala Dinas PUPR",
        name="Siti Aminah",
        actor="tester",
        since=date(2026, 1, 5),
    )
    _on("2026-12-01")
    set_official(  # a rotation: the automatic blocker schedules the introduction letter
        UnitOfWork(url),
        "33.72",
        position="Kepala Dinas PUPR",
        name="Agus Salim",
        actor="tester",
        since=date(2026, 12, 1),
    )
    other = add_blocker(UnitOfWork(url), "35.71", "other", actor="tester", note="flood")
    _sweep(url, "2026-12-11")  # the ladder's first step, the introduction, the audiensi
    _on("2026-12-14")
    resolve_blocker(UnitOfWork(url), other.id, actor="tester", note="water receded")
    _advance(url, "33.23", "hold", note="waiting")  # cancels the audiensi follow-up
    _sweep(url, "2027-01-15")  # steps 2 and 3 due: 3 issued, 2 skipped, a blocker opened
    _on("2027-01-18")
    _advance(url, "mojokerto", "receive_response")  # resolves draft_unanswered
    add_blocker(UnitOfWork(url), "mojokerto", "other", actor="tester", note="DPRD")
    _advance(url, "mojokerto", "sign_moa", force=True, note="signed past the blocker")
    _sweep(url, "2027-01-29")


def dump(url: str, out_dir: Path) -> dict[str, Any]:
    """Every row of the hot paths' tables, by id, and the text of every letter file."""
    metadata = load_all().metadata
    rows: dict[str, Any] = {}
    with db.engine_for(db.database_url(url)).connect() as conn:
        for name in TABLES:
            table = metadata.tables[name]
            ordered = select(table).order_by(*table.primary_key.columns)
            rows[name] = [dict(row._mapping) for row in conn.execute(ordered)]
    files = {
        str(path.relative_to(out_dir)): path.read_text(encoding="utf-8")
        for path in sorted(out_dir.rglob("*"))
        if path.is_file()
    }
    text = json.dumps({"rows": rows, "files": files}, default=_plain, sort_keys=True, indent=1)
    return json.loads(text.replace(str(out_dir), "<out>"))  # type: ignore[no-any-return]


def _plain(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON: {value!r}")
