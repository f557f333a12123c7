"""`aksansi`: the click entry point. Parse, call a service, print; no business logic.

Start-up stays light: the command modules are imported on the first look-up of a
command (`--version` needs none), they import only click at the top, and each command
imports its service inside its body. Every expected failure is a `DomainError`;
`AksansiGroup.invoke` is the one place that turns it into a message and exit 1.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import click

from workflow import __version__

if TYPE_CHECKING:
    from workflow.errors import DomainError

# A command imports SQLAlchemy and our models: some 300,000 objects that live as long as
# the process. With the default thresholds (700, 10, 10) the cyclic collector walks all
# of them in several full collections while they are being imported, ~35 ms of a 300 ms
# read command. Full collections now come after 1,000 young-generation passes instead
# of 10; young passes run as before, so short-lived cyclic garbage is still freed at
# once, and the long-running `jobs run` still gets full collections.
gc.set_threshold(700, 10, 1000)

# Each area's command module and the commands it defines, one line each. A command is
# imported when it is run (`aksansi board` loads commands.regions only); `--help` loads
# them all, `--version` none.
COMMAND_MODULES = {
    "regions": ("init", "region", "board", "diagram"),
    "lifecycle": ("advance", "events", "history"),
    "blockers": ("blocker",),
    "officials": ("official",),
    "letters": ("letter",),
    "config": ("config",),
    "drafts": ("mou", "moa"),
    "reminders": ("remind",),
    "calendar": ("calendar",),
    "jobs": ("jobs",),
    "ksm": ("ksm",),
    "corrections": ("undo", "amend"),
    "worklist": ("today",),
}


class AksansiGroup(click.Group):
    """The top-level group: commands load lazily, and a DomainError becomes `Error: …`."""

    _loaded: set[str]

    def _load(self, *modules: str) -> None:
        from importlib import import_module

        loaded = self.__dict__.setdefault("_loaded", set())
        for name in modules:
            if name not in loaded:
                for command in import_module(f"commands.{name}").COMMANDS:
                    self.add_command(command)
                loaded.add(name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load(*COMMAND_MODULES)
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        owner = [module for module, names in COMMAND_MODULES.items() if cmd_name in names]
        self._load(*(owner or COMMAND_MODULES))  # an unknown name: load all, click refuses it
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
