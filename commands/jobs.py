"""Commands: jobs (the reminder sweep and the scheduler daemon)."""

from __future__ import annotations

import click

from commands._common import Settings, echo_json, json_option, pass_settings
from workflow.i18n import _


@click.group("jobs")
def jobs() -> None:
    """Scheduled work: the reminder sweep, once or as a daemon."""


@jobs.command("sweep")
@json_option
@pass_settings
def sweep(settings: Settings, as_json: bool) -> None:
    """Issue every due reminder once, with its letter; print (and mail) the digest.

    Safe to rerun and to run from cron, e.g. every hour on working days:
    `0 * * * 1-5 aksansi jobs sweep`. With AKSANSI_SMTP_URL and AKSANSI_MAIL_TO set,
    the digest is mailed when something was issued.
    """
    from jobs.mail import MailFailed
    from jobs.sweep import digest_json, format_digest, sweep_once

    outcome = sweep_once(settings.db_url, actor=settings.who())
    if as_json:
        echo_json(digest_json(outcome))
    else:
        for line in format_digest(outcome.report).splitlines():
            click.echo(_fit_80(line))
        for address in outcome.mailed_to:
            click.echo(_("Digest mailed to {address}.").format(address=address))
    if outcome.mail_error:
        raise MailFailed(outcome.mail_error)


@jobs.command("run")
@click.option(
    "--every",
    default="1h",
    show_default=True,
    metavar="INTERVAL",
    help="How often to sweep: e.g. 30s, 15m, 1h.",
)
@pass_settings
def run(settings: Settings, every: str) -> None:
    """Run the sweep now and then every INTERVAL until SIGINT/SIGTERM (exit 0)."""
    from jobs.scheduler import parse_interval, run_daemon
    from workflow.errors import InvalidInput

    try:
        interval = parse_interval(every)
    except InvalidInput as exc:  # a malformed option is a usage error (exit 2)
        raise click.BadParameter(exc.message, param_hint="--every") from None
    run_daemon(
        settings.db_url,
        interval,
        actor=settings.who(),
        out=lambda text: click.echo(text),
        err=lambda text: click.echo(text, err=True),
    )


def _fit_80(line: str) -> str:
    """A digest line wrapped under its own indent (the mailed digest is left as it is)."""
    from commands._history_text import wrap

    indent = " " * (len(line) - len(line.lstrip()))
    return wrap(line.strip(), indent, indent + "    ") if line.strip() else line


COMMANDS: list[click.Command] = [jobs]
