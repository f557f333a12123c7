"""`aksansi`: the click entry point. Parse, call a service, print; no business logic.

Start-up stays light: command modules import only click at the top, and each command
imports its service inside its body. Every expected failure is a `DomainError`;
`AksansiGroup.invoke` is the one place that turns it into a message and exit 1.
"""

from __future__ import annotations

import click

from commands import (
    blockers,
    calendar,
    config,
    drafts,
    jobs,
    ksm,
    letters,
    lifecycle,
    officials,
    regions,
    reminders,
)
from commands._common import Settings
from workflow import __version__
from workflow.errors import DomainError


class AksansiGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DomainError as exc:
            settings = ctx.find_object(Settings)
            if settings is not None and settings.debug:
                raise
            raise _Refused(exc) from None


class _Refused(click.ClickException):
    """A DomainError shown as `Error: <sentence>` on stderr with its exit code."""

    def __init__(self, error: DomainError) -> None:
        super().__init__(error.message)
        self.exit_code = error.exit_code


@click.group(cls=AksansiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_url",
    envvar="AKSANSI_DB",
    metavar="URL_OR_PATH",
    help="Database URL, or a path to a SQLite file [env AKSANSI_DB].",
)
@click.option(
    "--by",
    "actor",
    envvar="AKSANSI_USER",
    metavar="NAME",
    help="Who is recording the change [env AKSANSI_USER; default: the OS user].",
)
@click.option("--debug", is_flag=True, help="Show the traceback of a failure.")
@click.version_option(__version__, prog_name="aksansi")
@click.pass_context
def main(ctx: click.Context, db_url: str | None, actor: str | None, debug: bool) -> None:
    """Case engine of the AKSANSI Secretariat: regions through the MoU/MoA lifecycle."""
    ctx.obj = Settings(db_url=db_url, actor=actor, debug=debug)


for _command in (
    *regions.COMMANDS,
    *lifecycle.COMMANDS,
    *blockers.COMMANDS,
    *officials.COMMANDS,
    *letters.COMMANDS,
    *config.COMMANDS,
    *drafts.COMMANDS,
    *reminders.COMMANDS,
    *calendar.COMMANDS,
    *jobs.COMMANDS,
    *ksm.COMMANDS,
):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
