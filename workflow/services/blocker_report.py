"""Reading the blocker log: one blocker with its playbook (`blocker show`) and the
portfolio statistics (`blocker stats`) that say which obstacle costs the most days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from states import blockers as taxonomy
from workflow.domain import clock
from workflow.domain.blockers import costs
from workflow.domain.blockers.costs import TypeStats
from workflow.domain.blockers.log import get_blocker
from workflow.domain.blockers.view import BlockerView, blocker_view
from workflow.domain.views import HistoryEntry, history_entries
from workflow.i18n import N_, _
from workflow.infrastructure.models import AuditEntry, Blocker, Region
from workflow.infrastructure.unit_of_work import UnitOfWork

# Detail keys under which an audit row may name the letter kind it produced.
LETTER_KEYS = ("letter", "letter_kind")
# Rows that name a letter kind without having sent one.
NOT_SENT_KINDS = ("letter_voided",)

STATS_METHOD = N_(
    "Days open: a resolved blocker counts from the day it was opened to the day it was "
    "resolved; a blocker still open counts up to today ({today}). The median is taken over "
    "both, so where blockers are still open it is a lower bound: they will only cost more."
)


@dataclass(frozen=True)
class PlaybookStepView:
    number: int
    text_id: str
    text_en: str
    letters: list[str]
    letters_sent: list[str]  # of its letters, those recorded for the region while it was open


@dataclass(frozen=True)
class BlockerDetail:
    blocker: BlockerView
    signal_en: str
    stages: list[str]
    playbook: list[PlaybookStepView]
    done: list[HistoryEntry]  # the audit rows about this blocker (opened, resolved, …)
    meanwhile: list[HistoryEntry]  # the region's other entries while it was open


def show_blocker(uow: UnitOfWork, blocker_id: int) -> BlockerDetail:
    """One blocker with its playbook and what has been done about it."""
    with uow:
        blocker = get_blocker(uow.session, blocker_id)
        region = uow.session.get_one(Region, blocker.region_id)
        rows = list(
            uow.session.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.region_id == region.id,
                    AuditEntry.occurred_on >= blocker.opened_on,
                    AuditEntry.occurred_on <= (blocker.resolved_on or clock.today()),
                )
                .order_by(AuditEntry.occurred_on, AuditEntry.id)
            )
        )
        return _detail(uow.session, blocker_view(blocker, region), blocker, rows)


def _detail(
    session: Session, view: BlockerView, blocker: Blocker, rows: list[AuditEntry]
) -> BlockerDetail:
    about = [r for r in rows if (r.details or {}).get("blocker_id") == blocker.id]
    others = [r for r in rows if r not in about]
    kind = taxonomy.blocker_type(blocker.type)
    sent = {
        str(d[key])
        for d in _letters_sent(session, blocker.region_id, rows)
        for key in LETTER_KEYS
        if d.get(key)
    }
    steps = [
        PlaybookStepView(n, s["text_id"], s["text_en"], list(s["letters"]), _sent(s, sent))
        for n, s in enumerate(kind["playbook"], start=1)
    ]
    return BlockerDetail(
        view,
        kind["signal_en"],
        list(kind["stages"]),
        steps,
        history_entries(session, about),
        history_entries(session, others),
    )


def _letters_sent(session: Session, region_id: int, rows: list[AuditEntry]) -> list[dict[str, Any]]:
    """The details of the rows that sent a letter; a void letter was not sent."""
    from workflow.domain.letters.voiding import void_numbers

    void = void_numbers(session, region_id)
    details = (r.details or {} for r in rows if r.kind not in NOT_SENT_KINDS)
    return [d for d in details if not ({d.get("number"), d.get("letter_number")} & void)]


def _sent(step: taxonomy.PlaybookStep, sent: set[str]) -> list[str]:
    return [letter for letter in step["letters"] if letter in sent]


@dataclass(frozen=True)
class BlockerStats:
    as_of: date
    method: str
    types: list[TypeStats]


def blocker_stats(uow: UnitOfWork) -> BlockerStats:
    """Per type: regions affected now and ever, and the days blockers stay open."""
    today = clock.today()
    with uow:
        types = costs.stats_up_to(uow.session, today)
    return BlockerStats(today, _(STATS_METHOD).format(today=today.isoformat()), types)
