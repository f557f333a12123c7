"""`aksansi jobs run`: APScheduler as a clock that runs the sweep at start and every interval.

The reminders stay rows in our own database; APScheduler only decides *when* to sweep
(an in-memory job store: nothing of it is shared between processes or survives a
restart, and nothing needs to). SIGINT/SIGTERM let the running sweep finish the
reminder in hand, then stop the scheduler; the process exits 0.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from jobs.sweep import format_digest, sweep_once
from workflow.domain.clock import JAKARTA
from workflow.errors import DomainError, InvalidInput
from workflow.i18n import _

JOB_ID = "reminder-sweep"
_PART = re.compile(r"(\d{1,12})([smh])")
_SECONDS = {"s": 1, "m": 60, "h": 3600}
LONGEST_INTERVAL = timedelta(days=1)  # reminders fall due by the day


def parse_interval(text: str) -> timedelta:
    """`30s`, `15m`, `1h`, `1h30m` → a timedelta (at least one second)."""
    cleaned = (text or "").strip().lower()
    parts = _PART.findall(cleaned)
    if not parts or "".join(n + u for n, u in parts) != cleaned:
        raise InvalidInput(
            _("--every {text!r} is not an interval; write e.g. 30s, 15m or 1h.").format(text=text)
        )
    seconds = sum(int(number) * _SECONDS[unit] for number, unit in parts)
    if seconds < 1:
        raise InvalidInput(_("--every must be at least 1s."))
    if seconds > LONGEST_INTERVAL.total_seconds():
        raise InvalidInput(
            _(
                "--every {text!r} is longer than a day; the sweep must run at least once a day."
            ).format(text=text)
        )
    return timedelta(seconds=seconds)


def build_scheduler(tick: Callable[[], None], every: timedelta) -> Any:
    """A BlockingScheduler with one interval job: now, then every `every` (coalesced)."""
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    scheduler = BlockingScheduler(timezone=JAKARTA, jobstores={"default": MemoryJobStore()})
    scheduler.add_job(
        tick,
        IntervalTrigger(seconds=int(every.total_seconds()), timezone=JAKARTA),
        id=JOB_ID,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=max(1, int(every.total_seconds())),
        next_run_time=datetime.now(JAKARTA),  # the timer's own real time: sweep at start
    )
    return scheduler


def run_daemon(
    db_url: str | None,
    every: timedelta,
    *,
    actor: str,
    out: Callable[[str], None],
    err: Callable[[str], None],
) -> None:
    """Sweep now and every `every` until SIGINT/SIGTERM."""
    stopping = threading.Event()

    def tick() -> None:
        try:
            outcome = sweep_once(db_url, actor=actor, should_stop=stopping.is_set)
        except DomainError as exc:  # e.g. the database is away: report, try next time
            err(f"Error: {exc.message}")
            return
        out(format_digest(outcome.report))
        if outcome.mail_error:
            err(f"Error: {outcome.mail_error}")

    scheduler = build_scheduler(tick, every)

    def stop(signum: int, _frame: Any) -> None:
        stopping.set()
        err(
            _("aksansi: {name} received, stopping after the current step.").format(
                name=signal.Signals(signum).name
            )
        )
        if scheduler.running:
            scheduler.shutdown(wait=True)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    err(
        _("aksansi: sweeping now and every {every}; stop with Ctrl-C or SIGTERM.").format(
            every=every
        )
    )
    try:
        if not stopping.is_set():
            scheduler.start()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
