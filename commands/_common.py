"""What every command module shares: the settings object and output helpers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, overload

import click


@dataclass
class Settings:
    db_url: str | None = None
    actor: str | None = None
    debug: bool = False

    def uow(self, *, read_only: bool = False):  # type: ignore[no-untyped-def]
        from workflow.infrastructure.unit_of_work import UnitOfWork

        return UnitOfWork(self.db_url, read_only=read_only)

    def who(self, explicit: str | None = None) -> str:
        from workflow.domain.audit import current_actor

        return current_actor(explicit or self.actor)


pass_settings = click.make_pass_decorator(Settings, ensure=True)


# --- What every argument goes through. `harden(command)` (called by cli.py when a
# command module is loaded) gives every plain text and whole-number parameter of the
# command and its subcommands these types, so no command can take text that is not
# UTF-8, a control character or a number beyond a database column: the checks are the
# domain's (`workflow.domain.inputs`), refused with one sentence and exit 1.


class Text(click.types.StringParamType):
    """Text without undecodable bytes or control characters (tab and newline allowed)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        from workflow.domain.inputs import check_text

        return check_text(value, _label(param, ctx))


class WholeNumber(click.types.IntParamType):
    """A whole number a BIGINT column holds."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from workflow.domain.inputs import check_whole_number

        number = super().convert(value, param, ctx)
        return check_whole_number(number, _label(param, ctx))


TEXT = Text()
WHOLE_NUMBER = WholeNumber()


def _label(param: click.Parameter | None, ctx: click.Context | None) -> str:
    """How the person gave the value: `--note`, `REGION`, or the environment variable."""
    if param is None:
        return "value"
    if isinstance(param, click.Option):
        from click.core import ParameterSource

        source = ctx.get_parameter_source(param.name) if ctx and param.name else None
        if source is ParameterSource.ENVIRONMENT and isinstance(param.envvar, str):
            return param.envvar
        return max(param.opts, key=len)
    return param.human_readable_name


def harden(command: click.Command) -> None:
    """Plain text and int parameters of `command` (and its subcommands) get TEXT and
    WHOLE_NUMBER; paths, choices and ranges keep their own types."""
    for param in command.params:
        if type(param.type) is click.types.StringParamType:
            param.type = TEXT
        elif type(param.type) is click.types.IntParamType:
            param.type = WHOLE_NUMBER
    if isinstance(command, click.Group):
        for subcommand in command.commands.values():
            harden(subcommand)


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")

# Every command that writes a file takes -o and --overwrite, and hands both to a service
# that resolves the path with `documents.output.output_path` (one rule for all).
# `-o/--output PATH` is a file, or a folder (an existing one, or PATH ending in '/').
overwrite_option = click.option(
    "--overwrite", is_flag=True, help="Replace the output file if it already exists."
)


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """Dataclasses, dates and tuples as JSON-ready plain values.

    Called once per value of a `--json` answer (thousands for `board`): the common
    cases are tested first by exact type, and a dataclass's field names are looked up
    once per class.
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.get(kind)
        if names is None:
            names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def echo_json(value: Any) -> None:
    import json  # here: `--help` and the text output need no JSON encoder

    click.echo(json.dumps(plain(value), ensure_ascii=False, indent=2))


@overload
def parse_day(value: str, *, what: str = "--on") -> date: ...
@overload
def parse_day(value: None, *, what: str = "--on") -> None: ...
@overload
def parse_day(value: str | None, *, what: str = "--on") -> date | None: ...
def parse_day(value: str | None, *, what: str = "--on") -> date | None:
    if value is None:
        return None
    from workflow.domain.clock import parse_date

    return parse_date(value, what=what)
