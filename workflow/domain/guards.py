"""The lifecycle's guards: one function per name used in `states/lifecycle.py`.

Each takes a `GuardContext` and answers True (allowed) or False; the human reason
for a refusal is `states.lifecycle.GUARD_REASONS[name]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from states import lifecycle as spec
from workflow.infrastructure.models import Region


@dataclass(frozen=True)
class GuardContext:
    region_name: str
    region_code: str
    event: str
    note: str | None = None
    force: bool = False
    open_blocker_types: list[str] = field(default_factory=list)
    moa_drafts: int | None = None  # None: the document register is not in use
    missing_approvals: list[str] = field(default_factory=list)


_GUARDS = {ev["trigger"]: tuple(ev["guards"]) for ev in spec.EVENTS}


def has_note(ctx: GuardContext) -> bool:
    return bool(ctx.note and ctx.note.strip())


def no_open_blockers(ctx: GuardContext) -> bool:
    if not ctx.open_blocker_types:
        return True
    return ctx.force and has_note(ctx)


def approvals_complete(ctx: GuardContext) -> bool:
    if not ctx.missing_approvals:
        return True
    return ctx.force and has_note(ctx)


def has_moa_draft(ctx: GuardContext) -> bool:
    return ctx.moa_drafts is None or ctx.moa_drafts > 0


class RegionNamed(Protocol):
    """What the guards read of a region (a `Region`, or the hot paths' `RegionRow`)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def code(self) -> str: ...


def build_context(
    session: Session, region: RegionNamed, event: str, *, note: str | None, force: bool
) -> GuardContext:
    """What `event`'s guards read: the open blockers and MoA drafts are queried only for
    the events guarded by them (sign_moa, submit_moa), not on every hold or resume."""
    needs = _GUARDS.get(event, ())  # an unknown event is refused later, by the lifecycle
    return GuardContext(
        region_name=region.name,
        region_code=region.code,
        event=event,
        note=note,
        force=force,
        open_blocker_types=(
            _open_blocker_types(session, region) if "no_open_blockers" in needs else []
        ),
        moa_drafts=_moa_draft_count(session, region) if "has_moa_draft" in needs else None,
        missing_approvals=(
            _missing_approvals(session, region) if "approvals_complete" in needs else []
        ),
    )


def _open_blocker_types(session: Session, region: RegionNamed) -> list[str]:
    """The types of the region's open blockers, oldest first."""
    from workflow.domain.blockers.log import open_blockers_of

    loaded = session.get_one(Region, region.id)
    return [blocker.type for blocker in open_blockers_of(session, loaded)]


def _moa_draft_count(session: Session, region: RegionNamed) -> int | None:
    """How many MoA drafts the region has (the document register's `agreement_draft`)."""
    from workflow.domain.letters.drafts import moa_draft_count

    return moa_draft_count(session, region.id)


def _missing_approvals(session: Session, region: RegionNamed) -> list[str]:
    """The applicable items of the checklist before the PKS not yet recorded."""
    from workflow.domain import approvals

    return approvals.missing(approvals.checklists(session, [region.id])[region.id])
