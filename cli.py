"""`aksansi`: the click entry point. Parse, call a service, print; no business logic.

Start-up stays light: the command modules are imported on the first look-up of a
command (`--version` needs none), they import only click at the top, and each command
imports its service inside its body. Every expected failure is a `DomainError`;
`AksansiGroup.invoke` is the one place that turns it into a message and exit 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from workflow import __version__

if TYPE_CHECKING:
    from workflow.errors import DomainError

# Each area's command module, one line each; imported on the first look-up of a command
# (`--version` needs none of them).
COMMAND_MODULES = (
    "regions",
    "lifecycle",
    "blockers",
    "officials",
    "letters",
    "config",
    "drafts",
    "reminders",
    "calendar",
    "jobs",
    "ksm",
)


class AksansiGroup(click.Group):
    """The top-level group: commands load lazily, and a DomainError becomes `Error: …`."""

    _loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        from importlib import import_module

        for name in COMMAND_MODULES:
            for command in import_module(f"commands.{name}").COMMANDS:
                self.add_command(command)
        self._loaded = True

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        from commands._common import Settings
        from workflow.errors import DomainError

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
    from commands._common import Settings

    ctx.obj = Settings(db_url=db_url, actor=actor, debug=debug)


if __name__ == "__main__":  # pragma: no cover
    main()
