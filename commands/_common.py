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
