"""Advancing regions through the lifecycle, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.approval_helpers import complete_approvals
from workflow.errors import GuardRefused, InvalidInput, InvalidTransition
from workflow.infrastructure.models import AuditEntry, Region
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance
from workflow.services.history import history


def state_and_entries(url: str, code: str) -> tuple[str, int]:
    with UnitOfWork(url) as uow:
        region = uow.session.scalars(select(Region).where(Region.code == code)).one()
        count = uow.session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.region_id == region.id)
        )
        return region.state, int(count or 0)


def test_advance_changes_state_and_writes_its_audit_row(seeded: str) -> None:
    result = advance(
        UnitOfWork(seeded), "temanggung", "draft-moa", actor="rina", note="Draf disiapkan"
    )
    assert (result.from_state, result.to_state, result.on) == (
        "mou_signed",
        "moa_drafting",
        date(2026, 11, 27),
    )
    entries = history(UnitOfWork(seeded), "33.23").entries
    last = entries[-1].as_json()
    assert last["kind"] == "transition" and last["event"] == "draft_moa"
    assert (last["from"], last["to"], last["by"], last["at"]) == (
        "mou_signed",
        "moa_drafting",
        "rina",
        "2026-11-27",
    )
    assert last["note"] == "Draf disiapkan"


def test_refused_event_changes_nothing(seeded: str) -> None:
    before = state_and_entries(seeded, "35.76")
    with pytest.raises(InvalidTransition, match=r"allowed now: .*sign_moa"):
        advance(UnitOfWork(seeded), "mojokerto", "sign_mou", actor="rina")
    with pytest.raises(GuardRefused, match="needs a note"):
        advance(UnitOfWork(seeded), "mojokerto", "decline", actor="rina")
    assert state_and_entries(seeded, "35.76") == before


def test_back_dating_rules(seeded: str) -> None:
    with pytest.raises(InvalidInput, match="in the future"):
        advance(UnitOfWork(seeded), "kediri", "draft_moa", actor="r", on=date(2026, 11, 28))
    advance(UnitOfWork(seeded), "kediri", "draft_moa", actor="r", on=date(2026, 11, 10))
    with pytest.raises(InvalidInput, match=r"before Kota Kediri's previous event \(2026-11-10\)"):
        advance(UnitOfWork(seeded), "kediri", "hold", actor="r", note="x", on=date(2026, 11, 9))
    result = advance(
        UnitOfWork(seeded), "kediri", "hold", actor="r", note="x", on=date(2026, 11, 10)
    )
    assert result.to_state == "on_hold"


def test_hold_and_resume_return_to_the_held_state(seeded: str) -> None:
    advance(UnitOfWork(seeded), "mojokerto", "hold", actor="r", note="Pilkada 2026")
    assert state_and_entries(seeded, "35.76")[0] == "on_hold"
    with pytest.raises(InvalidTransition):
        advance(UnitOfWork(seeded), "mojokerto", "hold", actor="r", note="again")
    result = advance(UnitOfWork(seeded), "mojokerto", "resume", actor="r")
    assert result.to_state == "moa_negotiation"


def test_form_chapter_records_a_milestone_without_changing_state(seeded: str) -> None:
    result = advance(
        UnitOfWork(seeded), "sukoharjo", "form_chapter", actor="r", on=date(2026, 3, 3)
    )
    assert result.from_state == result.to_state == "mou_signed"
    entries = history(UnitOfWork(seeded), "sukoharjo").entries
    assert [(e.kind, e.event, e.at) for e in entries] == [
        ("milestone", "form_chapter", date(2026, 3, 3)),  # back-dated: before the seed was recorded
        ("seed", None, date(2026, 11, 27)),
    ]


def _moa_draft(url: str, code: str) -> None:
    """`submit_moa` needs a rendered MoA draft (the document register's guard)."""
    from _kb import record_kb

    from workflow.services.drafts import make_draft
    from workflow.services.settings import set_setting

    profile = {
        "org.address": "Jl. Contoh 1",
        "org.city": "Yogyakarta",
        "signatory.name": "Penanda Tangan",
        "signatory.position": "Koordinator",
    }
    for key, value in profile.items():
        set_setting(UnitOfWork(url), key, value, actor="r")
    record_kb(url, code)
    make_draft(UnitOfWork(url), code, "moa", actor="r", subject="Pendampingan KSM")


def test_full_path_to_closed_and_reopen_after_decline(seeded: str) -> None:
    _moa_draft(seeded, "33.75")
    path = [
        "draft_moa",
        "submit_moa",
        "receive_response",
        "revise_moa",
        "submit_moa",
        "receive_response",
        "sign_moa",
        "start_implementation",
        "close",
    ]
    for event in path:
        if event == "sign_moa":
            complete_approvals(seeded, "pekalongan", date(2026, 11, 27))
        advance(UnitOfWork(seeded), "pekalongan", event, actor="r")
    assert state_and_entries(seeded, "33.75")[0] == "closed"
    advance(UnitOfWork(seeded), "surakarta", "decline", actor="r", note="Pemda menolak")
    assert advance(UnitOfWork(seeded), "solo", "reopen", actor="r").to_state == "prospect"
