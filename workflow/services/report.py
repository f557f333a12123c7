"""The board's portfolio report (`report portfolio`): the figures of a period, and the
file that shows them.

The figures follow the rules of `board --as-of` (where every region stood on a day,
what moved: `domain.portfolio`) and `blocker stats` (what blockers cost:
`domain.blocker_costs`), but the database does the reading (`domain.portfolio_period`):
a row per region for where it stood on the day before `--from` and on `--to`, the
births and transitions inside the period (with the day each stay ended), one grouped
row per region for the funnel, the blockers open in the period, the letters of the
period, and the worklist's batched reads for the stalled regions. The number of
queries is fixed; their rows grow with what the report shows, not with the audit log.
`stages_from` is the portfolio at the start of `--from` (what `board --as-of` shows for
the day before), `stages_to` the portfolio at the end of `--to`, so the movements of the
period lead from one to the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from states import lifecycle as spec
from states import report as rules
from states.letters import LETTER_KINDS
from workflow.domain import clock, portfolio, working_days
from workflow.domain import portfolio_period as in_period
from workflow.domain.blockers import costs as blocker_costs
from workflow.domain.next_action import RegionFacts, WorklistReads, known_on, next_actions
from workflow.domain.settings import load_settings
from workflow.errors import InvalidInput
from workflow.i18n import _, in_document_language
from workflow.infrastructure.models import Blocker, Letter
from workflow.infrastructure.unit_of_work import UnitOfWork

LABELS = {s["id"]: s["label_id"] for s in spec.STATES}


@dataclass(frozen=True)
class ReportFile:
    path: Path | None  # None: the JSON went to standard output
    format: str
    start: date
    end: date
    figures: dict[str, Any]


def quarter_of(day: date) -> tuple[date, date]:
    """The first and last day of the calendar quarter `day` is in."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    following = date(first.year + first.month // 10, (first.month + 2) % 12 + 1, 1)
    return first, following - timedelta(days=1)


def last_full_quarter(today: date) -> tuple[date, date]:
    """The last calendar quarter that ended before `today`."""
    return quarter_of(quarter_of(today)[0] - timedelta(days=1))


def period(start: date | None, end: date | None) -> tuple[date, date]:
    """The period asked for: both days, one of them, or neither (the last full quarter).

    `--from` alone runs to today; `--to` alone starts on the first day of its quarter.
    A period that ends after today, or that starts after it ends, is refused.
    """
    today = clock.today()
    if start is None and end is None:
        return last_full_quarter(today)
    end = end or today
    start = start or quarter_of(end)[0]
    if start > end:
        raise InvalidInput(
            _("--from {start} is after --to {end}; give a period that runs forward.").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    if end > today:
        raise InvalidInput(
            _(
                "the period ends on {end}, after today ({today}); a report covers days "
                "that have passed."
            ).format(end=end.isoformat(), today=today.isoformat())
        )
    return start, end


def portfolio_figures(
    uow: UnitOfWork, *, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    """The figures behind the report (the `--format json` contract), dates as dates."""
    start, end = period(start, end)
    with uow:
        return _figures(uow.session, start, end)


def _figures(session: Session, start: date, end: date) -> dict[str, Any]:
    before = start - timedelta(days=1)
    at_start = in_period.standing_on(session, before)
    at_end = in_period.standing_on(session, end)
    entries = in_period.entries_between(session, before, end)
    moves = [e for e in entries if e.kind == "transition"]
    return {
        "period": _period(start, end),
        "stages_from": _stages(at_start, before),
        "stages_to": _stages(at_end, end) | {"added": len(entries) - len(moves)},
        "movements": _movements(moves, at_start, at_end),
        "funnel": _funnel(in_period.furthest_reached(session, before, end)),
        "time_in_stage": _time_in_stage(at_start + entries, start, end),
        "blockers": _blockers(_blocker_rows(session, start, end), start, end),
        "stalled": _stalled(session, at_end, end),
        "letters": _letters(session, start, end),
    }


def _period(start: date, end: date) -> dict[str, Any]:
    is_quarter = quarter_of(start) == (start, end)
    return {
        "from": start,
        "to": end,
        "days": (end - start).days + 1,
        "quarter": (start.month - 1) // 3 + 1 if is_quarter else None,
        "generated_on": clock.today(),
    }


def _stages(standing: list[in_period.Entry], day: date) -> dict[str, Any]:
    counts = dict.fromkeys(spec.STATE_IDS, 0)
    for region in standing:
        counts[region.state] += 1
    return {
        "as_of": day,
        "total": len(standing),
        "stages": [{"state": s, "label": LABELS[s], "count": n} for s, n in counts.items()],
    }


def _movements(
    moves: list[in_period.Entry],
    at_start: list[in_period.Entry],
    at_end: list[in_period.Entry],
) -> list[dict[str, Any]]:
    """Region by region (in code order), every transition of the period."""
    state_from = {r.code: r.state for r in at_start}
    state_to = {r.code: r.state for r in at_end}
    regions: dict[str, dict[str, Any]] = {}
    for move in moves:
        region = regions.setdefault(
            move.code,
            {
                "code": move.code,
                "name": move.name,
                "state_from": state_from.get(move.code),
                "state_to": state_to[move.code],
                "moves": [],
            },
        )
        region["moves"].append(
            {
                "on": move.occurred_on,
                "event": move.event,
                "from": move.from_state,
                "to": move.state,
            }
        )
    return [regions[code] for code in sorted(regions)]


def _funnel(reach: list[in_period.Reach]) -> list[dict[str, Any]]:
    rank = {state: index for index, state in enumerate(spec.MAIN_LINE)}
    steps: list[dict[str, Any]] = []
    for step in rules.FUNNEL:
        needed = rank[step["state"]]
        reached = sum(1 for r in reach if r.end >= needed)
        earlier = sum(1 for r in reach if r.before >= needed)
        previous = steps[-1]["reached"] if steps else None
        steps.append(
            {
                "step": step["id"],
                "state": step["state"],
                "label": step["label_id"],
                "reached": reached,
                "reached_in_period": reached - earlier,
                "conversion_pct": None if not previous else round(100 * reached / previous, 1),
            }
        )
    return steps


def _time_in_stage(entries: list[in_period.Entry], start: date, end: date) -> list[dict[str, Any]]:
    """The stays in effect when the period began, and those begun in it: every stay that
    overlaps the period. A tie for the longest goes to the first region by code."""
    overlapping = [
        portfolio.Stay(e.code, e.name, e.state, e.since, e.left_on)
        for e in sorted(entries, key=lambda e: e.code)
    ]
    states = rules.TIME_IN_STAGE_STATES
    return [
        {
            "state": t.state,
            "label": LABELS[t.state],
            "stays": t.stays,
            "median_days": t.median_days,
            "longest_days": t.longest_days,
            "longest_region": t.longest_region,
            "still_in": t.still_in,
            "unknown_start": t.unknown_start,
        }
        for t in portfolio.time_in_stage(overlapping, start, end, states)
    ]


def _blocker_rows(session: Session, start: date, end: date) -> list[Any]:
    """The blockers open on some day of the period (`blocker_costs.blocker_rows`' columns,
    the window applied in the query); a voided one is counted nowhere."""
    return list(
        session.execute(
            select(Blocker.type, Blocker.region_id, Blocker.opened_on, Blocker.resolved_on).where(
                Blocker.voided_on.is_(None),
                Blocker.opened_on <= end,
                or_(Blocker.resolved_on.is_(None), Blocker.resolved_on >= start),
            )
        )
    )


def _blockers(rows: list[Any], start: date, end: date) -> list[dict[str, Any]]:
    """The types that cost days in the period, the costliest first."""
    found = [
        {
            "type": t.type,
            "label": t.label_id,
            "regions": t.regions_ever,
            "days_lost": t.days_open_total,
            "open": t.open,
            "regions_open": t.regions_now,
            "total": t.total,
            "median_days": t.median_days_open,
        }
        for t in blocker_costs.stats_by_type(rows, end=end, start=start)
        if t.total
    ]
    return sorted(found, key=lambda b: (-b["days_lost"], -b["regions"]))


def _stalled(session: Session, standing: list[in_period.Entry], end: date) -> list[dict[str, Any]]:
    """The regions whose next action was overdue at the end of `end`, as `board --as-of
    END --stalled` finds them (the same decision, on the reminders, blockers and letters
    of that day): the longest overdue first. `label` and `action_label` are Indonesian,
    as the report is; `action` is the English of the `next_action` JSON."""
    facts = [
        RegionFacts(
            row.region_id,
            row.code,
            row.name,
            row.state,
            None if row.kind == "seed" else row.occurred_on,
            known_on(row),
            row.region_kind,
        )
        for row in standing
    ]
    reads = WorklistReads.load_as_of(session, facts, end)
    calendar = working_days.load(session)
    with in_document_language():
        found = next_actions(facts, reads, end, calendar)
    overdue = sorted(
        (item for item in found.values() if item.overdue_days > 0),
        key=lambda item: (-item.overdue_days, item.region),
    )
    return [_stalled_region(item) for item in overdue]


def _stalled_region(item: Any) -> dict[str, Any]:
    return {
        "code": item.region,
        "name": item.region_name,
        "state": item.state,
        "label": LABELS[item.state],
        "who": item.who,
        "action": item.action,
        "action_label": item.text,
        "kind": item.kind,
        "letter": item.letter,
        "due_on": item.due_on,
        "since": item.since,
        "overdue_days": item.overdue_days,
        "source": item.source,
    }


def _letters(session: Session, start: date, end: date) -> list[dict[str, Any]]:
    """Letters numbered in the period, per kind (in the order of `letter kinds`); a void
    letter was never sent."""
    counts = dict(
        session.execute(
            select(Letter.kind, func.count())
            .where(Letter.issued_on >= start, Letter.issued_on <= end, Letter.voided_on.is_(None))
            .group_by(Letter.kind)
        ).all()
    )
    return [
        {"kind": k["id"], "hal": k["hal"], "issued": counts[k["id"]]}
        for k in LETTER_KINDS
        if counts.get(k["id"])
    ]


def default_format(settings: dict[str, str | None]) -> str:
    """The first Word or HTML choice of `letter.formats`, else docx."""
    wanted = [part.strip().lower() for part in (settings.get("letter.formats") or "").split(",")]
    return next((f for f in wanted if f in rules.DOCUMENT_FORMATS), rules.DEFAULT_FORMAT)


def check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in rules.FORMATS:
        raise InvalidInput(
            _("unknown format '{fmt}'; use one of: {formats}.").format(
                fmt=fmt, formats=", ".join(rules.FORMATS)
            )
        )
    if fmt == "pdf":
        from workflow.domain.letters.issuing import document_errors

        with document_errors():
            from documents.output import check_format as check_pdf

            check_pdf("pdf")


def write_portfolio_report(
    uow: UnitOfWork,
    *,
    start: date | None = None,
    end: date | None = None,
    fmt: str | None = None,
    output: str | Path | None = None,
    overwrite: bool = False,
) -> ReportFile:
    """Write the report (`report portfolio`); JSON without `output` is left to print
    (and needs neither the settings nor the document machinery). The path is checked
    (never over a file without `overwrite`) before anything is read."""
    check_format(fmt)
    start, end = period(start, end)
    printed = fmt == "json" and output is None
    with uow:
        settings = {} if printed else load_settings(uow.session)
        chosen = fmt or default_format(settings)
        target = None if printed else _checked_target(output, chosen, start, end, overwrite)
        figures = _figures(uow.session, start, end)
    if target is not None:
        from workflow.domain.letters.issuing import document_errors

        with document_errors():
            _write(figures, chosen, target, settings.get("org.name") or "", overwrite)
    return ReportFile(target, chosen, start, end, figures)


def _checked_target(
    output: str | Path | None, fmt: str, start: date, end: date, overwrite: bool
) -> Path:
    from workflow.domain.letters.issuing import document_errors

    with document_errors():
        return _target(output, fmt, start, end, overwrite)


def _target(output: str | Path | None, fmt: str, start: date, end: date, overwrite: bool) -> Path:
    from documents.output import output_path
    from documents.portfolio import BASENAME
    from workflow.domain.letters.issuing import output_dir

    name = f"{BASENAME}-{start.isoformat()}-{end.isoformat()}.{fmt}"
    return output_path(output, output_dir() / "laporan" / name, overwrite=overwrite)


def _write(figures: dict[str, Any], fmt: str, target: Path, org: str, overwrite: bool) -> None:
    from documents.output import write_atomic

    if fmt == "json":
        import json

        text = json.dumps(figures, default=_iso, ensure_ascii=False, indent=2) + "\n"
        write_atomic(target, text.encode("utf-8"), overwrite=overwrite)
        return
    from documents import portfolio as document

    document.write(figures, fmt, target, org, overwrite=overwrite)


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
