"""`aksansi --help` lists the commands from cli.COMMAND_HELP, without importing a command
module: the table must say what the commands say, and the listing must be click's own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "jinja2", "babel", "transitions", "alembic", "docx", "holidays")


def _loaded_group() -> tuple[click.Group, click.Context]:
    from cli import COMMAND_MODULES, main

    main._load(*COMMAND_MODULES)
    return main, click.Context(main)


def test_the_help_table_says_what_each_command_says() -> None:
    """When this fails, copy the command's help text (`i18n.help_key` of it) into
    cli.COMMAND_HELP, or add the new command there."""
    from cli import COMMAND_HELP
    from workflow.i18n import help_key

    group, ctx = _loaded_group()
    commands = {name: group.get_command(ctx, name) for name in group.commands}
    assert sorted(COMMAND_HELP) == sorted(commands)
    for name, command in commands.items():
        assert command is not None
        assert COMMAND_HELP[name] == help_key(command.help or ""), name
        assert command.short_help is None and not command.hidden and not command.deprecated, name


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", [30, 60, 80, 120])
def test_the_listing_is_byte_identical_to_clicks_own(
    lang: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKSANSI_LANG", lang)
    group, ctx = _loaded_group()
    ours, clicks = click.HelpFormatter(width=width), click.HelpFormatter(width=width)
    group.format_commands(ctx, ours)
    click.Group.format_commands(group, ctx, clicks)
    assert ours.getvalue() == clicks.getvalue()
    assert "advance" in ours.getvalue()


def _modules_after(
    *args: str, flags: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> list[str]:
    """The modules loaded by `aksansi ARGS` in a fresh interpreter (with `flags`, `env`)."""
    code = (
        "import sys\n"
        f"sys.argv = ['aksansi', *{list(args)!r}]\n"
        "import cli\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, *flags, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--help"], ["--version"], []], ids=" ".join)
def test_start_up_imports_no_command_module_nor_a_heavy_library(args: list[str]) -> None:
    loaded = _modules_after(*args)
    assert not [m for m in loaded if m.startswith("commands")], loaded
    assert not [m for m in loaded if m.split(".")[0] in HEAVY], loaded
    ours = {m.split(".")[0] for m in loaded} & {"workflow", "states", "documents", "jobs"}
    assert ours == {"workflow"}
    assert [m for m in loaded if m.startswith("workflow")] == [
        "workflow",
        "workflow.collector",
        "workflow.errors",
        "workflow.i18n",
        "workflow.preferences",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--help"], ["--version"]], ids=" ".join)
def test_start_up_leaves_out_what_it_does_not_need(args: list[str]) -> None:
    """As installed (no editable-install finder, which imports pathlib itself): no pathlib,
    zoneinfo, shutil nor locale, ~10 ms of a ~55 ms start-up (README, "Start-up")."""
    site_packages = str(Path(click.__file__).parents[1])
    env = {"PYTHONPATH": site_packages, "AKSANSI_LANG": "id", "PATH": "/usr/bin:/bin"}
    loaded = set(_modules_after(*args, flags=("-S",), env=env))
    assert "cli" in loaded and "click" in loaded
    assert not loaded & {"pathlib", "zoneinfo", "shutil", "locale"}


@pytest.mark.parametrize("columns", [None, "0", "-3", "abc", "40", "60", "79", "120"])
def test_the_help_is_as_wide_as_click_makes_it(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli import main

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours = main.make_context("aksansi", ["board"], resilient_parsing=True).make_formatter()
    clicks = click.Context(main).make_formatter()
    assert type(ours) is type(clicks)
    assert ours.width == clicks.width
