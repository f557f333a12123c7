"""The board's portfolio report (`report portfolio`): the figures of a period, and the
file that shows them.

The figures come from the same domain computations as `board --as-of` (the portfolio
on a day, what moved: `domain.portfolio`) and `blocker stats` (what blockers cost:
`domain.blocker_costs`), read in a few queries whatever the number of regions: the
lifecycle rows, the blockers, the letters of the period. `stages_from` is the
portfolio at the start of `--from` (what `board --as-of` shows for the day before),
`stages_to` the portfolio at the end of `--to`, so the movements of the period lead
from one to the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from states import lifecycle as spec
from states import report as rules
from states.letters import LETTER_KINDS
from workflow.domain import clock, portfolio, working_days
from workflow.domain.blockers import costs as blocker_costs
from workflow.domain.next_action import RegionFacts, WorklistReads, known_on, next_actions
from workflow.domain.settings import load_settings
from workflow.errors import InvalidInput
from workflow.i18n import _, in_document_language
from workflow.infrastructure.models import Letter
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
    rows = portfolio.lifecycle_rows(session)
    blockers = blocker_costs.blocker_rows(session)
    before = start - timedelta(days=1)
    at_start, at_end = portfolio.standing_on(rows, before), portfolio.standing_on(rows, end)
    return {
        "period": _period(start, end),
        "stages_from": _stages(at_start, before),
        "stages_to": _stages(at_end, end) | {"added": _added(rows, start, end)},
        "movements": _movements(rows, at_start, at_end, before, end),
        "funnel": _funnel(rows, before, end),
        "time_in_stage": _time_in_stage(rows, start, end),
        "blockers": _blockers(blockers, start, end),
        "stalled": _stalled(session, list(at_end.values()), end),
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


def _stages(standing: dict[str, Any], day: date) -> dict[str, Any]:
    counts = portfolio.stage_counts(standing)
    return {
        "as_of": day,
        "total": sum(counts.values()),
        "stages": [{"state": s, "label": LABELS[s], "count": n} for s, n in counts.items()],
    }


def _added(rows: list[Any], start: date, end: date) -> int:
    return sum(1 for r in rows if r.kind == "region_added" and start <= r.occurred_on <= end)


def _movements(
    rows: list[Any], at_start: dict[str, Any], at_end: dict[str, Any], before: date, end: date
) -> list[dict[str, Any]]:
    """Region by region (in code order), every transition of the period."""
    regions: dict[str, dict[str, Any]] = {}
    for row in portfolio.moves_between(rows, before, end):
        region = regions.setdefault(
            row.code,
            {
                "code": row.code,
                "name": row.name,
                "state_from": portfolio.state_of(at_start[row.code])
                if row.code in at_start
                else None,
                "state_to": portfolio.state_of(at_end[row.code]),
                "moves": [],
            },
        )
        region["moves"].append(
            {"on": row.occurred_on, "event": row.event, "from": row.from_state, "to": row.to_state}
        )
    return [regions[code] for code in sorted(regions)]


def _funnel(rows: list[Any], before: date, end: date) -> list[dict[str, Any]]:
    rank = {state: index for index, state in enumerate(spec.MAIN_LINE)}
    then = portfolio.furthest_reached(rows, before)
    now = portfolio.furthest_reached(rows, end)
    steps: list[dict[str, Any]] = []
    for step in rules.FUNNEL:
        needed = rank[step["state"]]
        reached = sum(1 for r in now.values() if r >= needed)
        earlier = sum(1 for r in then.values() if r >= needed)
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


def _time_in_stage(rows: list[Any], start: date, end: date) -> list[dict[str, Any]]:
    measured = portfolio.time_in_stage(
        portfolio.stays(rows), start, end, rules.TIME_IN_STAGE_STATES
    )
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
        for t in measured
    ]


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


def _stalled(session: Session, standing: list[Any], end: date) -> list[dict[str, Any]]:
    """The regions whose next action was overdue at the end of `end`, as `board --as-of
    END --stalled` finds them (the same decision, on the reminders, blockers and letters
    of that day): the longest overdue first. `label` and `action_label` are Indonesian,
    as the report is; `action` is the English of the `next_action` JSON."""
    facts = [
        RegionFacts(
            row.region_id,
            row.code,
            row.name,
            portfolio.state_of(row),
            None if row.kind == "seed" else row.occurred_on,
            known_on(row),
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
    """Write the report (`report portfolio`); JSON without `output` is left to print.
    The path is checked (never over a file without `overwrite`) before anything is read."""
    from workflow.domain.letters.issuing import document_errors

    check_format(fmt)
    start, end = period(start, end)
    with uow:
        settings = load_settings(uow.session)
        chosen = fmt or default_format(settings)
        target = None
        if chosen != "json" or output is not None:
            with document_errors():
                target = _target(output, chosen, start, end, overwrite)
        figures = _figures(uow.session, start, end)
    if target is not None:
        with document_errors():
            _write(figures, chosen, target, settings.get("org.name") or "", overwrite)
    return ReportFile(target, chosen, start, end, figures)


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
