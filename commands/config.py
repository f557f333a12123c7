"""Commands: config set / get / list (the Secretariat's profile, shared in the database)."""

from __future__ import annotations

import click

from commands._common import echo_json, json_option, pass_settings
from workflow.i18n import _


@click.group()
def config() -> None:
    """The Secretariat's profile: letterhead, signatory, number format, language, time zone."""


@config.command("set")
@click.argument("key")
@click.argument("value")
@pass_settings
def set_(settings, key, value) -> None:  # type: ignore[no-untyped-def]
    """Set KEY to VALUE for every coordinator."""
    from workflow.services.settings import set_setting

    view = set_setting(settings.uow(), key, value, actor=settings.who())
    click.echo(f"{view.key} = {view.value}")


@config.command("get")
@click.argument("key")
@pass_settings
def get(settings, key) -> None:  # type: ignore[no-untyped-def]
    """Print one setting's value (exit 1 if it is not set)."""
    from workflow.errors import MissingField
    from workflow.services.settings import get_settings

    view = get_settings(settings.uow(read_only=True), key)[0]
    if view.value is None:
        raise MissingField(
            _("{key} is not set; set it with: aksansi config set {key} VALUE.").format(key=key)
        )
    click.echo(view.value)


@config.command("list")
@json_option
@pass_settings
def list_(settings, as_json) -> None:  # type: ignore[no-untyped-def]
    """Every setting, its value, and whether it is the default."""
    from workflow.services.settings import get_settings

    views = get_settings(settings.uow(read_only=True))
    if as_json:
        echo_json(views)
        return
    for view in views:
        value = _("(not set)") if view.value is None else view.value
        note = "  " + _("[default]") if view.is_default and view.value is not None else ""
        click.echo(f"{view.key:<22} {value}{note}")


COMMANDS: list[click.Command] = [config]
