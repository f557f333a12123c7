"""The lifecycle table is consistent, and the shared machine follows it (no database)."""

from __future__ import annotations

import pytest

from states import lifecycle as spec
from workflow.domain import guards, lifecycle
from workflow.domain.guards import GuardContext
from workflow.errors import GuardRefused, InvalidTransition
from workflow.infrastructure.models import Region


def ctx(event: str = "x", **kw: object) -> GuardContext:
    return GuardContext(region_name="Kota Contoh", region_code="99.71", event=event, **kw)


def test_every_guard_name_resolves_to_a_guard_function_with_a_reason() -> None:
    names = {g for e in spec.EVENTS for g in e["guards"]}
    assert names, "the lifecycle has guards"
    for name in names:
        assert callable(getattr(guards, name)), name
        assert name in spec.GUARD_REASONS


def test_every_source_and_target_is_a_declared_state() -> None:
    for event in spec.EVENTS:
        assert set(event["sources"]) <= set(spec.STATE_IDS), event["trigger"]
        assert event["dest"] in (*spec.STATE_IDS, None, spec.PREVIOUS)


def test_event_names_do_not_collide_with_region_columns() -> None:
    assert not set(spec.EVENT_IDS) & set(Region.__mapper__.attrs.keys())


def test_design_table_edges() -> None:
    edges = {(t["trigger"], s, t["dest"]) for t in spec.EVENTS for s in t["sources"]}
    assert ("submit_moa", "moa_drafting", "moa_submitted") in edges
    assert ("revise_moa", "moa_negotiation", "moa_drafting") in edges
    assert ("hold", "implementation", "on_hold") in edges
    assert ("hold", "closed", "on_hold") not in edges
    assert ("decline", "moa_negotiation", "declined") in edges
    assert ("decline", "moa_signed", "declined") not in edges
    assert ("form_chapter", "premonitoring", None) in edges
    assert ("form_chapter", "prospect", None) not in edges


@pytest.mark.parametrize("held", spec.BEFORE_CLOSED)
def test_hold_then_resume_returns_to_the_held_state(held: str) -> None:
    subject = lifecycle.Subject(held)
    assert lifecycle.fire(subject, "hold", ctx("hold", note="Pilkada")) == "on_hold"
    subject.held_from = held
    assert lifecycle.fire(subject, "resume", ctx("resume")) == held


def test_milestone_keeps_the_state() -> None:
    assert (
        lifecycle.fire(lifecycle.Subject("premonitoring"), "form_chapter", ctx()) == "premonitoring"
    )


def test_refusals_name_the_state_and_what_is_allowed() -> None:
    with pytest.raises(InvalidTransition, match=r"prospect.*allowed now: request_audiensi"):
        lifecycle.fire(lifecycle.Subject("prospect"), "sign_mou", ctx())
    with pytest.raises(InvalidTransition, match="not an event of the lifecycle"):
        lifecycle.fire(lifecycle.Subject("prospect"), "sign", ctx())
    with pytest.raises(GuardRefused, match="needs a note"):
        lifecycle.fire(lifecycle.Subject("prospect"), "decline", ctx("decline", note="  "))


def test_sign_moa_guard_needs_force_and_note_past_open_blockers() -> None:
    blocked = {"open_blocker_types": ["no_budget"]}
    negotiation = lifecycle.Subject
    with pytest.raises(GuardRefused, match="1 open blocker"):
        lifecycle.fire(negotiation("moa_negotiation"), "sign_moa", ctx(**blocked))
    with pytest.raises(GuardRefused):
        lifecycle.fire(negotiation("moa_negotiation"), "sign_moa", ctx(force=True, **blocked))
    forced = ctx(force=True, note="Bupati signs today", **blocked)
    assert lifecycle.fire(negotiation("moa_negotiation"), "sign_moa", forced) == "moa_signed"


def test_machine_is_shared_and_unbound() -> None:
    assert lifecycle.MACHINE.models == []
    assert not any(name.startswith("to_") for name in lifecycle.MACHINE.events)
