"""Reads that cost what they show (issue 17): the read commands ask the database for the
rows they print, in a fixed number of queries, and answer exactly what the plain
reading of every row answers.

A constructed portfolio (regions seeded or added, walked through the lifecycle with
some steps undone, blockers opened, resolved and voided, reminders in every status,
letters sent and not) is read twice: by the product, and by reference readers that load
every row into Python as the views did before (`portfolio.lifecycle_rows`,
`costs.blocker_rows`, the full as-of reads). The answers must be equal on SQLite and
PostgreSQL; the number of statements each read command sends must not grow with the
number of regions or rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, or_, select
from sqlalchemy.orm import Session

from states import lifecycle as spec
from states.blockers import BLOCKER_TYPE_IDS
from workflow.domain import lifecycle
from workflow.domain.guards import GuardContext
from workflow.errors import InvalidTransition
from workflow.infrastructure import db
from workflow.infrastructure.models import AuditEntry, Blocker, Letter, Region, Reminder

TODAY = date(2026, 11, 27)  # conftest's FIXED_NOW
START = date(2025, 6, 2)
WALK = [
    *("request_audiensi", "hold_audiensi", "start_premonitoring", "draft_mou", "sign_mou"),
    *("draft_moa", "submit_moa", "receive_response", "revise_moa", "submit_moa"),
    *("hold", "resume", "receive_response", "sign_moa", "start_implementation"),
]
LETTER_KINDS = ("audiensi_request", "response_request", "moa_submission", "funding_followup")
AS_OF_DAYS = (
    date(2025, 6, 1),
    date(2025, 12, 31),
    date(2026, 6, 15),
    date(2026, 11, 20),
    TODAY,
)


# --- the constructed portfolio ----------------------------------------------------------


def build_portfolio(url: str, regions: int, *, first: int = 0) -> None:
    """`regions` regions numbered from `first`; region n's history depends on n only, and
    every pattern (blocker type, length of walk) turns up within any 16 regions in a row."""
    with db.session_factory(db.database_url(url))() as session:
        for n in range(first, first + regions):
            _build_region(session, n, random.Random(n))
        session.commit()


def _stamp(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 3, tzinfo=UTC)


def _build_region(session: Session, n: int, rng: random.Random) -> None:
    seeded = n % 3 == 0
    born = START + timedelta(days=n % 40)
    region = Region(
        code=f"{11 + n // 90:02d}.{n % 90 + 1:02d}",
        name=f"Kabupaten Uji {n}",
        kind="kabupaten" if n % 4 else "kota",
        province="Uji",
        state=spec.INITIAL,
        state_since=None if seeded else born,
        created_at=_stamp(born),
    )
    session.add(region)
    session.flush()
    _entry(session, region, "seed" if seeded else "region_added", born, to_state=spec.INITIAL)
    _walk(session, region, n, rng, born)
    blockers = _blockers(session, region, n, rng)
    if n % 5 == 0:
        _waiting_on_a_blocker(session, region)
    else:
        _reminders(session, region, rng, blockers)
    _letters(session, region, n, rng)


def _entry(session: Session, region: Region, kind: str, day: date, **fields: Any) -> AuditEntry:
    entry = AuditEntry(
        region_id=region.id,
        kind=kind,
        occurred_on=day,
        recorded_at=_stamp(day),
        actor="tester",
        details=fields.pop("details", {}),
        **fields,
    )
    session.add(entry)
    return entry


def _walk(session: Session, region: Region, n: int, rng: random.Random, born: date) -> None:
    """The first few events of WALK, every seventh one undone the same day."""
    day = born
    for step, event_name in enumerate(WALK[: 2 + n % 16]):
        day += timedelta(days=rng.randint(0, 45))
        if day > TODAY:
            break
        ctx = GuardContext(region.name, region.code, event_name, note="uji", force=True)
        before = region.state
        try:
            after = lifecycle.fire(lifecycle.Subject(before, region.held_from), event_name, ctx)
        except InvalidTransition:  # after an undone step the walk skips what no longer fits
            continue
        entry = _entry(
            session, region, "transition", day, event=event_name, from_state=before, to_state=after
        )
        if (n + step) % 7 == 3:  # undone: it never happened as far as any view counts
            session.flush()
            undo = _entry(session, region, "reverted", day, details={"reverted": entry.id})
            session.flush()
            entry.reverted_by_id = undo.id
            continue
        region.held_from = before if after == "on_hold" else None
        region.state, region.state_since = after, day


def _blockers(session: Session, region: Region, n: int, rng: random.Random) -> list[Blocker]:
    found = []
    for k in range(n % 4):
        opened = START + timedelta(days=rng.randint(0, (TODAY - START).days))
        blocker = Blocker(
            region_id=region.id,
            type=BLOCKER_TYPE_IDS[(n + k) % len(BLOCKER_TYPE_IDS)],
            note=f"catatan {n}.{k}",
            opened_on=opened,
            opened_by="tester",
            automatic=False,
            created_at=_stamp(opened),
        )
        end = opened + timedelta(days=rng.choice((0, 3, 30, 90, 200)))
        if end <= TODAY and rng.random() < 0.6:
            blocker.resolved_on, blocker.resolved_by = end, "tester"
        elif end <= TODAY and rng.random() < 0.3:
            blocker.voided_on, blocker.voided_by, blocker.void_note = end, "tester", "salah"
        session.add(blocker)
        found.append(blocker)
    session.flush()
    return found


def _waiting_on_a_blocker(session: Session, region: Region) -> None:
    """The oldest blocker with a follow-up of its own due after the region's first one: on
    2026-06-15 the blocker's own follow-up is the next action, not its playbook."""
    blocker = Blocker(
        region_id=region.id,
        type="no_budget",
        note=None,
        opened_on=START - timedelta(days=1),
        opened_by="tester",
        automatic=False,
        created_at=_stamp(START),
    )
    session.add(blocker)
    session.flush()
    for trigger, key, due in (
        ("manual", None, date(2026, 7, 1)),
        ("blocker", str(blocker.id), date(2026, 8, 3)),
    ):
        session.add(
            Reminder(
                region_id=region.id,
                trigger=trigger,
                trigger_key=key,
                text=f"Tindak lanjut {region.code} {trigger}",
                letter_extra={},
                step=1,
                base_on=date(2026, 6, 1),
                due_on=due,
                status="pending",
                created_at=_stamp(date(2026, 6, 1)),
            )
        )


def _reminders(
    session: Session, region: Region, rng: random.Random, blockers: list[Blocker]
) -> None:
    """Follow-ups of a blocker fall due later than the others (so a blocker's own is not
    simply the region's first)."""

    def trigger_of(k: int) -> bool:
        return k % 3 == 1

    for k in range(rng.randint(1, 8)):
        base = START + timedelta(days=rng.randint(0, (TODAY - START).days))
        due = base + timedelta(days=rng.randint(1, 60) * (3 if trigger_of(k) else 1))
        status = rng.choice(("pending", "pending", "issued", "done", "cancelled", "skipped"))
        trigger, key = "manual", None
        if blockers and trigger_of(k):
            trigger, key = "blocker", str(rng.choice(blockers).id)
        elif k % 3 == 2:
            trigger, key = "state", region.state
        closed = min(TODAY, due + timedelta(days=rng.randint(0, 20)))
        reminder = Reminder(
            region_id=region.id,
            trigger=trigger,
            trigger_key=key,
            text=f"Tindak lanjut {region.code}.{k}",
            letter_kind=rng.choice((None, "response_request")),
            letter_extra={},
            step=1,
            base_on=base,
            due_on=due,
            status=status,
            created_at=_stamp(base),
        )
        if status != "pending":
            reminder.closed_on = closed
        if status == "issued" or (status == "done" and k % 2):
            reminder.issued_on = min(due, TODAY)
        session.add(reminder)


def _letters(session: Session, region: Region, n: int, rng: random.Random) -> None:
    for k in range(rng.randint(0, 4)):
        issued = START + timedelta(days=rng.randint(0, (TODAY - START).days))
        sent = issued + timedelta(days=rng.randint(0, 9)) if k % 2 else None
        session.add(
            Letter(
                region_id=region.id,
                kind=LETTER_KINDS[(n + k) % len(LETTER_KINDS)],
                step=1,
                year=issued.year,
                seq=n * 10 + k,
                number=f"{n * 10 + k:03d}/SEK-AKSANSI/{issued.year}",
                issued_on=issued,
                subject="Hal",
                addressee="Yth.",
                template="uji",
                template_hash="0" * 64,
                content="isi",
                files={},
                actor="tester",
                created_at=_stamp(issued),
                sent_on=None if sent is None or sent > TODAY else sent,
            )
        )


# --- reference readers: every row into Python, as the views read before ------------------


def _reference_blockers_open_on(session: Session, ids: list[int], day: date) -> dict[int, Any]:
    from workflow.domain.next_action import BlockerFacts

    rows = session.execute(
        select(Blocker.id, Blocker.region_id, Blocker.type, Blocker.opened_on)
        .where(
            Blocker.region_id.in_(ids),
            Blocker.opened_on <= day,
            or_(Blocker.resolved_on.is_(None), Blocker.resolved_on > day),
        )
        .order_by(Blocker.opened_on, Blocker.id)
    )
    found: dict[int, list[Any]] = {}
    for row in rows:
        found.setdefault(row.region_id, []).append(BlockerFacts(*row))
    return found


def _reference_reminders_on(session: Session, ids: list[int], day: date) -> dict[int, Any]:
    from dataclasses import replace

    from workflow.domain.next_action import ReminderFacts, _reminder_columns

    rows = session.execute(
        select(*_reminder_columns(Reminder)).where(
            Reminder.region_id.in_(ids),
            Reminder.base_on <= day,
            or_(
                Reminder.closed_on.is_(None),
                Reminder.closed_on > day,
                Reminder.status == "issued",
            ),
        )
    )
    found: dict[int, list[Any]] = {}
    for row in rows:
        facts = ReminderFacts(*row)
        issued = facts.issued_on is not None and facts.issued_on <= day
        if facts.status == "issued" and not issued:
            facts = replace(facts, status="pending")
        elif facts.status != "issued":
            facts = replace(facts, status="issued" if issued else "pending")
        found.setdefault(facts.region_id, []).append(facts)
    return found


def _reference_letters_on(session: Session, ids: list[int], day: date) -> Any:
    rows = session.execute(
        select(Letter.region_id, Letter.kind, Letter.issued_on, Letter.sent_on)
        .where(Letter.region_id.in_(ids), Letter.issued_on <= day)
        .order_by(Letter.issued_on, Letter.id)
    )
    letters: dict[int, list[Any]] = {}
    sent: dict[int, dict[str, date]] = {}
    for region_id, kind, issued_on, sent_on in rows:
        sent_then = sent_on if sent_on is not None and sent_on <= day else None
        letters.setdefault(region_id, []).append((kind, issued_on, sent_then))
        if sent_then is not None:
            kinds = sent.setdefault(region_id, {})
            kinds[kind] = max(sent_then, kinds.get(kind, sent_then))
    return letters, sent


def _read_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """The as-of board's readers replaced by the reference readers."""
    from workflow.domain import as_of, next_action, portfolio

    def standing(session: Session, day: date) -> list[Any]:
        return list(portfolio.standing_on(portfolio.lifecycle_rows(session), day).values())

    def moves(session: Session, day: date) -> list[Any]:
        return portfolio.moves_between(portfolio.lifecycle_rows(session), day)

    monkeypatch.setattr(as_of, "standing_rows", standing)
    monkeypatch.setattr(as_of, "moves_after", moves)
    monkeypatch.setattr(next_action, "_blockers_open_on", _reference_blockers_open_on)
    monkeypatch.setattr(next_action, "_reminders_on", _reference_reminders_on)
    monkeypatch.setattr(next_action, "_letters_on", _reference_letters_on)


def _board_as_seen(board: Any) -> Any:
    """The board's JSON, with each next action's text (what the text output prints)."""
    from commands._common import plain

    texts = [getattr(v.next_action, "text", None) for g in board.stages for v in g.regions]
    return plain(board), texts


# --- the answers are those of reading every row -------------------------------------------


@pytest.fixture
def portfolio_url(db_url: str) -> str:
    build_portfolio(db_url, 48)
    return db_url


def test_board_as_of_answers_as_reading_every_row(
    portfolio_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.board import board_as_of

    def boards() -> list[Any]:
        return [
            _board_as_seen(board_as_of(UnitOfWork(portfolio_url), day, stalled_days=stalled))
            for day in AS_OF_DAYS
            for stalled in (None, 2)
        ]

    product = boards()
    with monkeypatch.context() as patched:
        _read_every_row(patched)
        reference = boards()
    assert product == reference
    moved = [len(b[0]["moved_since"]) for b in product]
    assert moved[0] > moved[2] > 0 and product[-1][0]["total"] == 48  # a real history


def test_blocker_stats_answer_as_reading_every_row(portfolio_url: str) -> None:
    from workflow.domain.blockers import costs

    with db.session_factory(db.database_url(portfolio_url))() as session:
        rows = costs.blocker_rows(session)
        for end in AS_OF_DAYS:
            assert costs.stats_up_to(session, end) == costs.stats_by_type(rows, end=end), end
        figures = costs.stats_up_to(session, TODAY)
    assert sum(t.total for t in figures) > 40 and sum(t.open for t in figures) > 5


# --- a fixed number of statements per read command --------------------------------------

READ_COMMANDS = [
    ["remind", "list"],
    ["remind", "list", "--json"],
    ["remind", "list", "--status", "all"],
    ["blocker", "list"],
    ["blocker", "list", "--open", "--json"],
    ["blocker", "stats"],
    ["board"],
    ["board", "--json"],
    ["board", "--stalled", "--days", "3"],
    ["board", "--as-of", "2026-06-15", "--json"],
    ["board", "--as-of", "2026-11-20"],
    ["history", "11.02"],
    ["history", "11.02", "--json"],
    ["today"],
    ["today", "--json"],
]


@contextmanager
def _counted(url: str) -> Iterator[list[str]]:
    sent: list[str] = []
    engine = db.engine_for(db.database_url(url))

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _statements(url: str, cli: Callable[..., Any]) -> dict[str, int]:
    counts = {}
    for args in READ_COMMANDS:
        with _counted(url) as sent:
            result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        counts[" ".join(args)] = len(sent)
    return counts


def test_read_commands_send_as_many_statements_for_16_regions_as_for_128(
    db_url: str, cli: Callable[..., Any]
) -> None:
    build_portfolio(db_url, 16)
    small = _statements(db_url, cli)
    build_portfolio(db_url, 112, first=16)
    with db.session_factory(db.database_url(db_url))() as session:
        assert len(session.scalars(select(Region.id)).all()) == 128
        assert len(session.scalars(select(AuditEntry.id)).all()) > 8 * 128
    assert _statements(db_url, cli) == small


# --- the current views read plain rows and only the first open blocker ---------------------


def _reference_open_blockers(session: Session, ids: list[int]) -> dict[int, Any]:
    from workflow.domain.next_action import BlockerFacts

    rows = session.execute(
        select(Blocker.id, Blocker.region_id, Blocker.type, Blocker.opened_on)
        .where(Blocker.resolved_on.is_(None), Blocker.region_id.in_(ids))
        .order_by(Blocker.opened_on, Blocker.id)
    )
    found: dict[int, list[Any]] = {}
    for row in rows:
        found.setdefault(row.region_id, []).append(BlockerFacts(*row))
    return found


@pytest.mark.parametrize("now", ["2026-06-15T09:00:00+07:00", "2026-11-27T09:00:00+07:00"])
def test_board_and_today_answer_as_reading_every_open_blocker(
    portfolio_url: str, monkeypatch: pytest.MonkeyPatch, now: str
) -> None:
    from commands._common import plain
    from workflow.domain import next_action
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.board import board
    from workflow.services.today import agenda

    monkeypatch.setenv("AKSANSI_NOW", now)

    def answers() -> Any:
        days = agenda(UnitOfWork(portfolio_url), days=5)
        lines = [line.item for line in days.to_do + days.waiting + days.later]
        return (
            _board_as_seen(board(UnitOfWork(portfolio_url))),
            _board_as_seen(board(UnitOfWork(portfolio_url), stalled_days=1)),
            plain(days.as_json()),
            [(item.text, item.fix) for item in lines],
        )

    product = answers()
    with monkeypatch.context() as patched:
        patched.setattr(next_action, "_open_blockers", _reference_open_blockers)
        reference = answers()
    assert product == reference
    assert any(v["open_blockers"] for g in product[0][0]["stages"] for v in g["regions"])


def test_blocker_list_and_history_are_the_views_of_the_orm_rows(portfolio_url: str) -> None:
    from workflow.domain.blockers.view import blocker_view
    from workflow.domain.views import history_entries
    from workflow.infrastructure.unit_of_work import UnitOfWork
    from workflow.services.blockers import list_blockers
    from workflow.services.history import history

    with db.session_factory(db.database_url(portfolio_url))() as session:
        rows = session.execute(
            select(Blocker, Region)
            .join(Region, Region.id == Blocker.region_id)
            .order_by(Blocker.opened_on, Blocker.id)
        ).all()
        blockers = [blocker_view(blocker, region) for blocker, region in rows]
        region = session.scalars(select(Region).where(Region.code == "11.02")).one()
        entries = history_entries(
            session,
            list(
                session.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.region_id == region.id)
                    .order_by(AuditEntry.occurred_on, AuditEntry.id)
                )
            ),
        )
    assert list_blockers(UnitOfWork(portfolio_url)) == blockers and len(blockers) > 40
    assert history(UnitOfWork(portfolio_url), "11.02").entries == entries and len(entries) > 3


def test_remind_list_prints_the_first_hundred_and_counts_the_rest(
    portfolio_url: str, cli: Callable[..., Any]
) -> None:
    import json

    with db.session_factory(db.database_url(portfolio_url))() as session:
        region_id = session.scalars(select(Region.id).where(Region.code == "11.02")).one()
        for n in range(120):
            due = TODAY + timedelta(days=n % 45)
            session.add(
                Reminder(
                    region_id=region_id,
                    trigger="manual",
                    text=f"Telepon {n}",
                    letter_extra={},
                    step=1,
                    base_on=TODAY,
                    due_on=due,
                    status="pending",
                    created_at=_stamp(TODAY),
                )
            )
        session.commit()
    every = json.loads(cli("remind", "list", "--json").stdout)
    assert len(every) > 100  # --json: all, as before
    text = cli("remind", "list").stdout.splitlines()
    shown = [line for line in text if line.startswith("#")]
    assert [line.split()[0] for line in shown] == [f"#{r['id']}" for r in every[:100]]
    more = " ".join(text[text.index(shown[-1]) + 1 :])
    assert f"… and {len(every) - 100} more, due later" in more and "--limit 0" in more
    assert len(json.loads(cli("remind", "list", "--limit", "7", "--json").stdout)) == 7
    assert len(
        [
            ln
            for ln in cli("remind", "list", "--limit", "0").stdout.splitlines()
            if ln.startswith("#")
        ]
    ) == len(every)
    assert "more, due later" not in cli("remind", "list", "--limit", "0").stdout
