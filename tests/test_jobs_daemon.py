"""The daemon (`jobs run`) as a real process, and the digest mailed to a real SMTP server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from email import message_from_bytes
from typing import Any

import pytest
from reminder_helpers import AKSANSI, add_due, issued_audit_ids, reminders_of

from jobs.scheduler import JOB_ID, build_scheduler, parse_interval
from workflow.errors import InvalidInput


class Inbox:
    """An aiosmtpd handler keeping what it receives; `refuse` makes it answer 554."""

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.refuse = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "554 Transaction failed: relay refused"
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("AKSANSI_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("AKSANSI_MAIL_TO", "koordinator@aksansi.test")
    yield inbox
    controller.stop()


def test_digest_is_mailed_to_the_coordinator(seeded_sqlite: str, cli, smtp: Inbox) -> None:  # type: ignore[no-untyped-def]
    add_due(seeded_sqlite, 2)
    result = cli("jobs", "sweep")
    assert result.exit_code == 0, result.stderr
    assert "Digest mailed to koordinator@aksansi.test." in result.stdout
    [(recipients, message)] = smtp.messages
    assert recipients == ["koordinator@aksansi.test"]
    assert message["Subject"] == "[aksansi] 2 reminders due on 2026-11-27"
    body = message.get_payload()
    assert "Kota Pekalongan" in body and "Test reminder 1" in body
    assert cli("jobs", "sweep").exit_code == 0
    assert len(smtp.messages) == 1  # nothing issued, nothing mailed


def test_refused_mail_is_reported_and_keeps_the_issuance(
    seeded_sqlite: str, cli, smtp: Inbox
) -> None:  # type: ignore[no-untyped-def]
    add_due(seeded_sqlite, 2)
    smtp.refuse = True
    result = cli("jobs", "sweep")
    assert result.exit_code == 1
    assert "2 reminders issued" in result.stdout
    assert "the digest could not be mailed through 127.0.0.1" in result.stderr
    assert "the reminders stay issued" in result.stderr
    assert {r.status for r in reminders_of(seeded_sqlite)} == {"issued"}
    smtp.refuse = False
    assert cli("jobs", "sweep").exit_code == 0
    assert issued_audit_ids(seeded_sqlite) == [1, 2] and smtp.messages == []


def test_missing_recipient_is_a_clear_error(
    seeded_sqlite: str, cli, smtp: Inbox, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("AKSANSI_MAIL_TO")
    add_due(seeded_sqlite, 1)
    result = cli("jobs", "sweep")
    assert result.exit_code == 1 and "AKSANSI_MAIL_TO is not" in result.stderr


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400)]
)
def test_interval_parsing(text: str, seconds: int) -> None:
    assert parse_interval(text).total_seconds() == seconds


@pytest.mark.parametrize(
    "text", ["", "1d", "h", "0s", "1 h", "-5m", "25h", "86401s", "99999999999999999999h"]
)
def test_bad_intervals_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_interval(text)


def test_scheduler_wiring() -> None:
    from datetime import timedelta

    scheduler = build_scheduler(lambda: None, timedelta(minutes=5))
    job = scheduler.get_job(JOB_ID)
    assert (job.coalesce, job.max_instances) == (True, 1)
    assert job.trigger.interval == timedelta(minutes=5)
    assert str(job.trigger.timezone) == "Asia/Jakarta"


@pytest.mark.slow
def test_daemon_sweeps_at_start_and_stops_cleanly_on_sigterm(seeded_sqlite: str) -> None:
    add_due(seeded_sqlite, 3)
    env = {**os.environ, "AKSANSI_DB": seeded_sqlite, "PYTHONUNBUFFERED": "1"}
    command = [AKSANSI, "jobs", "run", "--every", "1s"]
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as daemon:
        try:
            lines = []
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                line = daemon.stdout.readline()
                lines.append(line)
                if "nothing due" in line:  # the first sweep issued, a later one found nothing
                    break
            assert any("3 reminders issued" in line for line in lines), lines
            daemon.send_signal(signal.SIGTERM)
            assert daemon.wait(timeout=30) == 0
            assert "SIGTERM received" in daemon.stderr.read()
        finally:
            if daemon.poll() is None:
                daemon.kill()
    assert issued_audit_ids(seeded_sqlite) == [1, 2, 3]


def test_bad_every_is_a_usage_error(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("jobs", "run", "--every", "1d")
    assert result.exit_code == 2 and "not an interval" in result.stderr
