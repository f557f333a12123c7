"""`aksansi`: the click entry point. Parse, call a service, print; no business logic.

Start-up stays light: a command module is imported on the first look-up of one of its
commands; `--version` and the group's `--help` need none (the help lists the commands
from COMMAND_HELP), the modules import only click at the top, and each command imports
its service inside its body. Every expected failure is a `DomainError`;
`AksansiGroup.invoke` is the one place that turns it into a message and exit 1.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from workflow import __version__, collector, i18n

if TYPE_CHECKING:
    from workflow.errors import DomainError

# A command imports SQLAlchemy and our models: some 300,000 objects that live as long as
# the process. The collector is paused while a run starts (`workflow/collector.py`);
# what is imported later (a model on first use) would still cost full collections with
# the default thresholds (700, 10, 10), so they come after 1,000 young-generation passes
# instead of 10; young passes run as before, so short-lived cyclic garbage is still freed
# at once, and the long-running `jobs run` still gets full collections.
gc.set_threshold(700, 10, 1000)

# Each area's command module and the commands it defines, one line each. A command is
# imported when it is run (`aksansi board` loads commands.regions only); `--help` and
# `--version` load none.
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
    "approvals": ("approvals", "approve"),
    "report": ("report",),
    "worklist": ("today",),
}

# Each top-level command's help text, as its module declares it (the catalog key:
# `i18n.help_key`): `aksansi --help` prints their first lines from here, translated and
# shortened as click does, without importing the 15 command modules (~17 files to compile
# where byte-code is not written). tests/test_cli_help.py keeps it equal to the commands.
COMMAND_HELP = {
    "advance": (
        "Fire a lifecycle EVENT on REGION (e.g. advance temanggung submit-moa).\n\n"
        "With sign_mou, the KB's numbers, date and term may be recorded at once\n"
        "(--number-pemda, --number-aksansi, --signed-on, --years; as in mou record)."
    ),
    "amend": "Amend the note of history entry ENTRY (its #id in 'aksansi history').",
    "approvals": "REGION's checklist before the PKS: TKKSD, Bagian Hukum, DPRD, power of attorney.",
    "approve": "Record that ITEM of REGION's checklist is done (undo with 'aksansi undo REGION').",
    "blocker": "The blocker log: why regions are stuck, and what to do next.",
    "board": "The pipeline: regions by stage, days in stage, blockers, whose move and what next.",
    "calendar": (
        "Working days: Indonesian holidays and cuti bersama, with the Secretariat's overrides."
    ),
    "config": (
        "The Secretariat's profile: letterhead, signatory, number format, language, time zone."
    ),
    "diagram": "Print the lifecycle as a Mermaid state diagram.",
    "events": "The events REGION can take now, and why the others are refused.",
    "history": "The full timeline of REGION: transitions, blockers, reminders, letters.",
    "init": "Create or upgrade the database (and load the seed portfolio).",
    "jobs": "Scheduled work: the reminder sweep, once or as a daemon.",
    "ksm": "KSMs, their facilities and pre-monitoring visits.",
    "letter": "Letters to a Pemda, numbered in the register (agenda surat keluar).",
    "moa": "Draft Perjanjian Kerja Sama (MoA), versioned.",
    "mou": "Draft Kesepakatan Bersama (MoU), versioned.",
    "official": "The region's officials: positions held by people, and rotations.",
    "region": "Regions (kabupaten/kota): list, show, add, import, set.",
    "remind": "Follow-up reminders, due on Indonesian working days.",
    "report": "Reports for the association's board.",
    "today": "What to do today (overdue first), then what the Pemda owe us.",
    "undo": "Revert REGION's latest event; the history shows both the event and the undo.",
}


class _Context(click.Context):
    """Click's context, its help formatter as wide as click makes it, measured without
    `shutil` (click imports it for `shutil.get_terminal_size`; with the bz2 and lzma it
    pulls in, ~2.6 ms of the group's `--help`)."""

    def make_formatter(self) -> click.HelpFormatter:
        width = self.terminal_width
        if width is None and click.formatting.FORCED_WIDTH is None:
            width = max(min(_terminal_columns(), self.max_content_width or 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


def _terminal_columns() -> int:
    """The columns `shutil.get_terminal_size()` gives: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class AksansiGroup(click.Group):
    """The top-level group: commands load lazily, and a DomainError becomes `Error: …`."""

    context_class = _Context
    _loaded: set[str]

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """A run, the collector paused while the command imports its modules: the first
        reach for the database resumes it (`db.engine_for`), else the end of the run."""
        collector.pause()
        try:
            return super().main(*args, **kwargs)
        finally:
            collector.resume()

    def _load(self, *modules: str) -> None:
        from importlib import import_module

        from commands._common import harden

        loaded = self.__dict__.setdefault("_loaded", set())
        for name in modules:
            if name not in loaded:
                for command in import_module(f"commands.{name}").COMMANDS:
                    harden(command)
                    self.add_command(command)
                loaded.add(name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({name for names in COMMAND_MODULES.values() for name in names})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Click's own listing (`Group.format_commands`), its rows from COMMAND_HELP; a
        command missing there is looked up (its module imported) as click would."""
        from click.utils import _make_default_short_help  # what click.core uses

        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            text = COMMAND_HELP.get(name)
            if text is None:
                command = self.get_command(ctx, name)
                shown = command.get_short_help_str(limit) if command is not None else ""
            else:
                shown = _make_default_short_help(i18n._(text), limit).strip()
            rows.append((name, shown))
        with formatter.section(i18n._("Commands")):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        owner = [module for module, names in COMMAND_MODULES.items() if cmd_name in names]
        self._load(*(owner or COMMAND_MODULES))  # an unknown name: load all, click refuses it
        return super().get_command(ctx, cmd_name)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: object,
    ) -> click.Context:
        """Each run starts in the language of its environment (an unknown one is refused)."""
        from workflow import i18n, preferences
        from workflow.errors import DomainError

        preferences.reset()
        try:
            i18n.check_environment()
            return super().make_context(info_name, args, parent, **extra)
        except DomainError as exc:  # an environment or a --by / --db the checks refuse
            raise _Refused(exc) from None

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
        self.exit_code = error.exit_code  # type: ignore[misc]  # click declares a class default


class _CheckedText(click.types.StringParamType):
    """`commands._common.TEXT` for --db and --by, imported only when a value is given
    (`--version` loads no command module); each command module is hardened on loading."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from commands._common import TEXT

        return TEXT.convert(value, param, ctx)


class _VersionMessage(str):
    """`aksansi, versi 0.1.0`: click formats this with `%` when --version is given."""

    def __new__(cls) -> _VersionMessage:
        return super().__new__(cls, "%(prog)s, version %(version)s")

    def __mod__(self, values: object) -> str:
        return i18n._(str(self)) % values


def _as_written(message: str) -> str:
    return message


# `version_option` below asks click's `_` for its help text as it is declared. Click's `_`
# is gettext's, which looks for a "messages" catalog on every call (importing `locale`,
# ~1 ms); the text is kept as written here and translated when help is shown, like every
# other help text (`_install_translation`, after the decorators, points click at ours).
click.decorators._ = _as_written  # type: ignore[attr-defined]


@click.group(cls=AksansiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_url",
    envvar="AKSANSI_DB",
    type=_CheckedText(),
    metavar="URL_OR_PATH",
    help="Database URL, or a path to a SQLite file [env AKSANSI_DB].",
)
@click.option(
    "--by",
    "actor",
    envvar="AKSANSI_USER",
    type=_CheckedText(),
    metavar="NAME",
    help="Who is recording the change [env AKSANSI_USER; default: the OS user].",
)
@click.option("--debug", is_flag=True, help="Show the traceback of a failure.")
@click.version_option(__version__, prog_name="aksansi", message=_VersionMessage())
@click.pass_context
def main(ctx: click.Context, db_url: str | None, actor: str | None, debug: bool) -> None:
    """Case engine of the AKSANSI Secretariat: regions through the MoU/MoA lifecycle."""
    from commands._common import Settings

    ctx.obj = Settings(db_url=db_url, actor=actor, debug=debug)


# --- Click in the interface language. Help texts stay plain English literals in the
# command modules (`workflow/i18n_tools.py` extracts them into the catalogs); they are
# translated when help is printed, so nothing is translated at import and `--help`
# follows the language of the run. Click's own words ("Usage:", "Options", its usage
# errors) go through our catalogs too: click calls a module-level `_` / `ngettext`,
# which are pointed at ours (`commands/_click_messages.py` lists them for extraction).

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def translated_help(text: str | None) -> str | None:
    return i18n._(i18n.help_key(text)) if text else text


def _translating(attributes: tuple[str, ...], method: Callable[..., Any]) -> Callable[..., Any]:
    """`method` run with the object's help attributes in the interface language."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        saved = {name: getattr(self, name, None) for name in attributes}
        for name, value in saved.items():
            if value:
                setattr(self, name, translated_help(value))
        try:
            return method(self, *args, **kwargs)
        finally:
            for name, value in saved.items():
                setattr(self, name, value)

    return wrapper


HELP_OPTION_TEXT = "Show this message and exit."


def _english_help_option(method: Callable[..., Any]) -> Callable[..., Any]:
    """Click builds the `--help` option once per command with its text translated then;
    the text is kept as the English message instead, translated when help is shown (an
    in-process run in another language, a test, reads it in its own)."""

    @functools.wraps(method)
    def wrapper(self: Any, ctx: click.Context) -> Any:
        option = method(self, ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    return wrapper


def _install_translation() -> None:
    """Once per process: click's help and messages through our catalogs."""
    if getattr(click.Command, "_aksansi_i18n", False):
        return
    command_help = ("help", "short_help", "epilog")
    for name in ("format_help_text", "get_short_help_str", "format_epilog"):
        setattr(click.Command, name, _translating(command_help, getattr(click.Command, name)))
    click.Command.get_help_option = _english_help_option(click.Command.get_help_option)  # type: ignore[method-assign]
    for cls in (click.Option, click.Argument):
        cls.get_help_record = _translating(("help",), cls.get_help_record)  # type: ignore[method-assign]
    import importlib

    for module_name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{module_name}")
        if hasattr(module, "_"):
            module._ = i18n._  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    click.Command._aksansi_i18n = True  # type: ignore[attr-defined]


_install_translation()  # after the decorators above: their help is translated when shown


if __name__ == "__main__":  # pragma: no cover
    main()
