"""The queries every advance runs are seeks on an index, not reads of a whole table.

Each query is run by the product's own code on a real SQLite file; the SQL and parameters
it sent are captured and handed to `EXPLAIN QUERY PLAN`. On PostgreSQL (whose planner
chooses by table statistics, so a near-empty test table says little) the test checks that
the migration created the same indexes with the same columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from workflow.infrastructure import db
from workflow.infrastructure.models import Region

HOT_PATH_INDEXES = {
    "ix_reminder_region_id_trigger": (
        "reminder",
        ["region_id", "trigger", "trigger_key", "status"],
    ),
    "ix_audit_log_region_id_kind": ("audit_log", ["region_id", "kind", "occurred_on"]),
    "ix_audit_log_kind_occurred_on": ("audit_log", ["kind", "occurred_on"]),
    "ix_blocker_type_region_id": ("blocker", ["type", "region_id", "opened_on", "voided_on"]),
    "ix_reminder_region_id_status_due_on": ("reminder", ["region_id", "status", "due_on", "id"]),
    "ix_reminder_region_id_closed_on": ("reminder", ["region_id", "closed_on", "base_on"]),
}


@contextmanager
def _captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every SELECT (or WITH … SELECT) sent on the engine inside the block, with its parameters."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _plan_of(url: str, run: Callable[[Session, Region], object]) -> list[str]:
    """The SQLite plan of the one query `run` sends, for the seed's Kota Mojokerto."""
    engine = db.engine_for(db.database_url(url))
    with Session(engine) as session:
        region = session.scalars(select(Region).where(Region.code == "35.76")).one()
        with _captured(engine) as sent:
            run(session, region)
    assert len(sent) == 1, sent
    statement, parameters = sent[0]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    return [row[-1] for row in rows]


def _cancel_query(session: Session, region: Region) -> object:
    from workflow.domain.reminders.scheduling import _OPEN_OF

    params = {"region_id": region.id, "trigger": "state", "trigger_key": region.state}
    return session.scalars(_OPEN_OF, params).all()


def _previous_event_query(session: Session, region: Region) -> object:
    from workflow.services.advance import _REGION_AND_LAST_DAY

    return session.execute(_REGION_AND_LAST_DAY.by_code, {"region_code": region.code}).one()


def _latest_undoable_query(session: Session, region: Region) -> object:
    from workflow.domain.corrections.undo import latest_event

    return latest_event(session, region)


def test_cancelling_a_states_reminders_seeks_the_trigger_index(seeded_sqlite: str) -> None:
    plan = _plan_of(seeded_sqlite, _cancel_query)
    assert any(
        line.startswith(
            (
                "SEARCH reminder USING INDEX ix_reminder_region_id_trigger (",
                "SEARCH reminder USING COVERING INDEX ix_reminder_region_id_trigger (",
            )
        )
        and "trigger_key=?" in line
        and "status=?" in line
        for line in plan
    ), plan
    assert not any(line.startswith("SCAN reminder") for line in plan), plan


def test_the_previous_event_before_an_advance_seeks_the_kind_index(seeded_sqlite: str) -> None:
    plan = _plan_of(seeded_sqlite, _previous_event_query)
    assert any(
        line.startswith("SEARCH audit_log USING INDEX ix_audit_log_region_id_kind (")
        and "kind=?" in line
        for line in plan
    ), plan
    assert not any(line.startswith("SCAN audit_log") for line in plan), plan


def test_the_latest_undoable_event_walks_the_regions_rows_newest_first(
    seeded_sqlite: str,
) -> None:
    """SQLite prefers (region_id, id) here: newest first, it stops at the first match
    (LIMIT 1), with no sort, instead of gathering every lifecycle row of the region."""
    plan = _plan_of(seeded_sqlite, _latest_undoable_query)
    assert any(
        line.startswith("SEARCH audit_log USING INDEX ix_audit_log_region_id_")
        and "region_id=?" in line
        for line in plan
    ), plan
    assert not any(line.startswith("SCAN audit_log") or "TEMP B-TREE" in line for line in plan)


def _standing_query(session: Session, _region: Region) -> object:
    from datetime import date

    from workflow.domain.as_of import standing_rows

    return standing_rows(session, date(2026, 9, 30))


def _moves_query(session: Session, _region: Region) -> object:
    from datetime import date

    from workflow.domain.as_of import moves_after

    return moves_after(session, date(2026, 9, 30))


def test_where_each_region_stood_on_a_day_seeks_its_rows_of_that_kind(
    seeded_sqlite: str,
) -> None:
    """`board --as-of`: per region, its last transition and its birth by a seek on
    (region, kind, day), newest first: no read of the audit log as a whole."""
    plan = _plan_of(seeded_sqlite, _standing_query)
    seeks = [
        line
        for line in plan
        if line.startswith("SEARCH audit_log_1 USING INDEX ix_audit_log_region_id_kind (")
        and "region_id=? AND kind=?" in line
    ]
    assert len(seeks) == 2, plan
    assert not any(line.startswith("SCAN audit_log") for line in plan), plan


def test_the_moves_after_a_day_are_a_range_of_the_kind_and_day_index(
    seeded_sqlite: str,
) -> None:
    plan = _plan_of(seeded_sqlite, _moves_query)
    assert any(
        line.startswith("SEARCH audit_log USING INDEX ix_audit_log_kind_occurred_on (")
        and "occurred_on>?" in line
        for line in plan
    ), plan
    assert not any(line.startswith("SCAN audit_log") for line in plan), plan


def _first_reminders_query(session: Session, region: Region) -> object:
    from workflow.domain.next_action import _first_reminders

    return _first_reminders(session, [region.id])


def _next_reminders_query(session: Session, region: Region) -> object:
    from workflow.domain.region_sections import next_reminders_for

    return next_reminders_for(session, [region.id])


def test_a_regions_first_reminders_are_seeks_whatever_is_pending(seeded_sqlite: str) -> None:
    """board, region list, today: each region's first issued and first pending reminder
    by a seek on (region, status, due day), its keyed follow-ups by a seek on the trigger
    index: no read of every pending reminder of the region, nor of the table."""
    plan = _plan_of(seeded_sqlite, _first_reminders_query)
    firsts = [
        line
        for line in plan
        if line.startswith("SEARCH reminder_")
        and "INDEX ix_reminder_region_id_status_due_on (region_id=? AND status=?)" in line
    ]
    assert len(firsts) == 2, plan
    assert any(
        line.startswith("SEARCH reminder USING INDEX ix_reminder_region_id_trigger (")
        and "trigger=?" in line
        for line in plan
    ), plan
    assert not any(line.startswith("SCAN reminder") for line in plan), plan
    shown = _plan_of(seeded_sqlite, _next_reminders_query)
    assert any(
        "INDEX ix_reminder_region_id_status_due_on (region_id=? AND status=?)" in line
        for line in shown
    ), shown
    assert not any(line.startswith("SCAN reminder") for line in shown), shown


def _reminders_then_query(session: Session, region: Region) -> object:
    from datetime import date

    from workflow.domain.next_action import _reminders_on

    return _reminders_on(session, [region.id], date(2026, 9, 30))


def _blockers_then_query(session: Session, region: Region) -> object:
    from datetime import date

    from workflow.domain.next_action import _blockers_open_on

    return _blockers_open_on(session, [region.id], date(2026, 9, 30))


def test_what_was_open_at_the_end_of_a_day_is_ranges_not_the_regions_history(
    seeded_sqlite: str,
) -> None:
    """`board --as-of`: the reminders open then are the open ones made by then and those
    closed after (ranges of (region, closed_on, base_on)) and the issued ones (a seek on
    the status index); the blockers open then, those unresolved and those resolved after
    (ranges of (region, resolved_on)): never every row the region ever had."""
    plan = _plan_of(seeded_sqlite, _reminders_then_query)
    ranges = [
        line
        for line in plan
        if line.startswith("SEARCH reminder USING INDEX ix_reminder_region_id_closed_on (")
    ]
    assert len(ranges) == 2 and all("closed_on" in line for line in ranges), plan
    assert any(
        "ix_reminder_region_id_status_due_on (region_id=? AND status=?)" in line for line in plan
    )
    assert not any(line.startswith("SCAN reminder") for line in plan), plan
    blockers = _plan_of(seeded_sqlite, _blockers_then_query)
    resolved = [
        line
        for line in blockers
        if line.startswith("SEARCH blocker USING INDEX ix_blocker_region_id_resolved_on (")
        and "resolved_on" in line
    ]
    assert len(resolved) == 2, blockers
    assert not any(line.startswith("SCAN blocker") for line in blockers), blockers


def test_the_migration_creates_the_hot_path_indexes(db_url: str) -> None:
    engine = db.engine_for(db.database_url(db_url))
    with engine.connect() as conn:
        for name, (table, columns) in HOT_PATH_INDEXES.items():
            if engine.dialect.name == "postgresql":
                definition = conn.execute(
                    text(
                        "SELECT indexdef FROM pg_indexes "
                        "WHERE tablename = :table AND indexname = :name"
                    ),
                    {"table": table, "name": name},
                ).scalar_one()
                assert definition.endswith(f"({', '.join(columns)})"), definition
            else:
                found = conn.exec_driver_sql(f"PRAGMA index_info({name})").all()
                assert [row[2] for row in found] == columns


def _blocker_stats_query(name: str) -> Callable[[Session, Region], object]:
    def run(session: Session, _region: Region) -> object:
        from datetime import date

        from workflow.domain.blockers import costs

        query = costs._regions_ever() if name == "regions_ever" else getattr(costs, name)
        return session.execute(query, {"end": date(2026, 11, 27)}).all()

    return run


def test_blocker_stats_groups_the_resolved_durations_in_index_order(seeded_sqlite: str) -> None:
    """Per (type, days) in the order of ix_blocker_type_days: no sort of the log."""
    plan = _plan_of(seeded_sqlite, _blocker_stats_query("_RESOLVED_DAYS"))
    assert any(
        line.startswith(("SCAN blocker USING ", "SEARCH blocker USING "))
        and "INDEX ix_blocker_type_days" in line
        for line in plan
    ), plan
    assert not any("TEMP B-TREE" in line for line in plan), plan


def test_blocker_stats_finds_the_regions_of_a_type_by_seeks(seeded_sqlite: str) -> None:
    plan = _plan_of(seeded_sqlite, _blocker_stats_query("regions_ever"))
    assert any(
        line.startswith("SEARCH blocker USING COVERING INDEX ix_blocker_type_region_id (")
        and "type=? AND region_id=?" in line
        for line in plan
    ), plan
    assert not any(line.startswith("SCAN blocker") for line in plan), plan


def test_blocker_stats_reads_the_open_blockers_region_by_region(seeded_sqlite: str) -> None:
    plan = _plan_of(seeded_sqlite, _blocker_stats_query("_OPEN_NOW"))
    assert any(
        line.startswith("SEARCH blocker USING INDEX ix_blocker_region_id_resolved_on (")
        and "region_id=? AND resolved_on=?" in line
        for line in plan
    ), plan
    assert not any(line.startswith("SCAN blocker") for line in plan), plan
