"""The one `transitions` machine, built from `states.lifecycle`, shared by all regions.

The machine is never bound to a model (`model=None`): a region is fired through
`MACHINE.events[trigger].trigger(subject, ctx=...)` on a small subject object, so no
per-region machine is built and nothing keeps ORM rows alive (libraries.md §1.3;
bench/lifecycle.py measures the difference).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from transitions import EventData, Machine

from states import lifecycle as spec
from workflow import i18n
from workflow.domain import guards
from workflow.domain.guards import GuardContext
from workflow.errors import GuardRefused, InvalidTransition
from workflow.i18n import _


@dataclass
class Subject:
    """What the machine moves: the state, and where a hold came from."""

    state: str
    held_from: str | None = None


def _condition(name: str) -> Callable[[EventData], bool]:
    guard = getattr(guards, name)

    def check(event: EventData) -> bool:
        return bool(guard(event.kwargs["ctx"]))

    check.__name__ = name
    return check


def _returns_to(state: str) -> Callable[[EventData], bool]:
    def check(event: EventData) -> bool:
        return bool(getattr(event.model, "held_from", None) == state)

    return check


def machine_transitions() -> list[dict[str, Any]]:
    """`states.lifecycle.EVENTS` in the form `transitions` takes."""
    rows: list[dict[str, Any]] = []
    for ev in spec.EVENTS:
        conditions = [_condition(name) for name in ev["guards"]]
        if ev["dest"] == spec.PREVIOUS:
            for target in spec.BEFORE_CLOSED:
                rows.append(
                    {
                        "trigger": ev["trigger"],
                        "source": ev["sources"],
                        "dest": target,
                        "conditions": [*conditions, _returns_to(target)],
                    }
                )
            continue
        rows.append(
            {
                "trigger": ev["trigger"],
                "source": ev["sources"],
                "dest": ev["dest"],
                "conditions": conditions,
            }
        )
    return rows


MACHINE = Machine(
    model=None,
    states=spec.STATE_IDS,
    transitions=machine_transitions(),
    initial=None,
    auto_transitions=False,
    send_event=True,
)


def normalise_event(text: str) -> str:
    return text.strip().lower().replace("-", "_")


def source_refusal(state: str, trigger: str, region_name: str) -> str | None:
    """Why `trigger` cannot fire from `state` at all, or None."""
    if state in spec.event(trigger)["sources"]:
        return None
    label = i18n.label(spec.state(state))
    allowed = ", ".join(allowed_events(state)) or _("none")
    return _(
        "{region_name} is at {label} ({state}); '{trigger}' is not possible from "
        "there; allowed now: {allowed}."
    ).format(region_name=region_name, label=label, state=state, trigger=trigger, allowed=allowed)


def guard_refusal(trigger: str, ctx: GuardContext) -> str | None:
    """The first guard of `trigger` that says no, as a sentence, or None."""
    for name in spec.event(trigger)["guards"]:
        if not getattr(guards, name)(ctx):
            return _(spec.GUARD_REASONS[name]).format(
                event=trigger,
                region=ctx.region_name,
                code=ctx.region_code,
                count=len(ctx.open_blocker_types),
                types=", ".join(ctx.open_blocker_types),
                missing=", ".join(ctx.missing_approvals),
            )
    return None


def allowed_events(state: str) -> list[str]:
    return [e["trigger"] for e in spec.EVENTS if state in e["sources"]]


def fire(subject: Subject, trigger: str, ctx: GuardContext) -> str:
    """Fire `trigger` on `subject`; return the new state or raise why not."""
    if trigger not in MACHINE.events:
        allowed = ", ".join(allowed_events(subject.state)) or _("none")
        raise InvalidTransition(
            _(
                "'{trigger}' is not an event of the lifecycle; allowed from {state} now: {allowed}."
            ).format(trigger=trigger, state=subject.state, allowed=allowed)
        )
    reason = source_refusal(subject.state, trigger, ctx.region_name)
    if reason:
        raise InvalidTransition(reason)
    reason = guard_refusal(trigger, ctx)
    if reason:
        raise GuardRefused(reason)
    if not MACHINE.events[trigger].trigger(subject, ctx=ctx):
        raise GuardRefused(
            _("'{trigger}' was refused by the lifecycle's conditions.").format(trigger=trigger)
        )
    return subject.state
