"""The lifecycle from the command line: exit codes, messages, JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REGION_KEYS = {
    "code",
    "name",
    "kind",
    "province",
    "state",
    "state_since",
    "days_in_state",
    "open_blockers",
    "next_reminder",
}


def test_init_seed_board_and_json(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    first = cli("init", "--seed")
    assert first.exit_code == 0, first.output
    assert "8 regions added" in first.stdout
    assert "0 regions added, 8 already there" in cli("init", "--seed").stdout
    board = cli("board")
    assert board.exit_code == 0
    assert "Kota Mojokerto" in board.stdout and "moa_negotiation" in board.stdout
    assert max(len(line) for line in board.stdout.splitlines()) <= 80
    data = json.loads(cli("board", "--json").stdout)
    assert [g["state"] for g in data["stages"]] == ["mou_signed", "moa_negotiation"]
    assert set(data["stages"][0]["regions"][0]) >= REGION_KEYS
    listed = json.loads(cli("region", "list", "--json").stdout)
    assert len(listed) == 8 and set(listed[0]) >= REGION_KEYS


def test_advance_from_the_shell_and_history_json(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("advance", "temanggung", "draft-moa", "--on", "2026-11-20", "--by", "dimas")
    assert result.exit_code == 0, result.output
    assert "mou_signed → moa_drafting" in result.stdout
    entries = json.loads(cli("history", "temanggung", "--json").stdout)
    last = next(e for e in entries if e["kind"] == "transition")
    assert {
        "at": "2026-11-20",
        "kind": "transition",
        "event": "draft_moa",
        "from": "mou_signed",
        "to": "moa_drafting",
        "by": "dimas",
    }.items() <= last.items()
    events = json.loads(cli("events", "temanggung", "--json").stdout)["events"]
    assert {e["event"] for e in events if e["allowed"]} >= {"form_chapter"}
    submit = next(e for e in events if e["event"] == "submit_moa")
    assert not submit["allowed"] and "aksansi moa draft 33.23" in submit["reason"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["advance", "atlantis", "draft_moa"], "no region matches 'atlantis'"),
        (["advance", "mojokerto", "fly"], "'fly' is not an event of the lifecycle; allowed from"),
        (
            ["advance", "mojokerto", "sign_mou"],
            "'sign_mou' is not possible from there; allowed now",
        ),
        (["advance", "mojokerto", "decline"], "'decline' needs a note"),
        (["advance", "mojokerto", "hold", "--note", "x", "--on", "27/11/2026"], "is not a date"),
        (["advance", "mojokerto", "hold", "--note", "x", "--on", "2027-01-01"], "in the future"),
        (["region", "list", "--state", "signed"], "'signed' is not a state"),
        (["region", "show", "kota"], "matches 5 regions: Kota Lubuklinggau (16.73)"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_1(
    cli, seeded: str, args: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unreachable_database_is_a_clear_refusal(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--db", "postgresql://nobody@127.0.0.1:1/none", "board")
    assert result.exit_code == 1
    assert "cannot use the database postgresql+psycopg://nobody@127.0.0.1:1/none" in result.stderr


def test_uninitialised_database_says_to_run_init(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.sqlite3"
    empty.touch()  # a file that is not (yet) an aksansi database
    result = cli("--db", str(empty), "board")
    assert result.exit_code == 1
    assert "not initialised; run 'aksansi init' first" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["board"],
        ["region", "add", "36.02", "Kabupaten Lebak"],
        ["jobs", "sweep"],
        ["remind", "ics"],
    ],
)
def test_a_database_path_that_does_not_exist_is_refused_and_left_absent(
    cli,
    tmp_path: Path,
    args: list[str],  # type: ignore[no-untyped-def]
) -> None:
    missing = tmp_path / "sub" / "new.sqlite3"
    result = cli("--db", str(missing), *args)
    assert result.exit_code == 1
    assert f"there is no database at {missing}; create it with 'aksansi init'" in result.stderr
    assert not (tmp_path / "sub").exists()


def test_only_init_creates_the_database_and_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sub" / "new.sqlite3"
    created = cli("--db", str(path), "init")
    assert created.exit_code == 0 and f"Created the database sqlite:///{path}" in created.stdout
    again = cli("--db", str(path), "init")
    assert again.exit_code == 0 and "Created" not in again.stdout
    assert cli("--db", str(path), "board").exit_code == 0


def test_import_from_the_shell(cli, seeded: str, national_csv: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("region", "import", str(national_csv))
    assert result.exit_code == 0
    assert "Imported 506 new regions" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("kode,nama\n11.01,Kabupaten A\n11.01,Kabupaten B\n", encoding="utf-8")
    refused = cli("region", "import", str(bad))
    assert refused.exit_code == 1 and "line 3" in refused.stderr


def test_diagram_is_generated_from_the_lifecycle_table(cli) -> None:  # type: ignore[no-untyped-def]
    from states.lifecycle import EVENTS

    text = cli("diagram").stdout
    assert text.startswith("stateDiagram-v2")
    assert all(e["trigger"] in text for e in EVENTS)


def test_help_does_not_load_the_database_layer() -> None:
    code = (
        "import sys, cli; assert 'sqlalchemy' not in sys.modules, 'sqlalchemy loaded'; "
        "assert 'transitions' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


def test_version_answers_without_loading_any_command_module() -> None:
    code = (
        "import sys, cli\n"
        "try:\n    cli.main(['--version'])\nexcept SystemExit as exit:\n    assert exit.code == 0\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('commands'))\n"
        "assert loaded == [], loaded"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).parents[1], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    from workflow import __version__

    assert done.stdout == f"aksansi, version {__version__}\n"


@pytest.mark.parametrize("module", sorted(__import__("cli").COMMAND_MODULES))
def test_the_lazy_command_table_names_what_each_module_defines(module: str) -> None:
    import importlib

    from cli import COMMAND_MODULES

    defined = importlib.import_module(f"commands.{module}").COMMANDS
    assert tuple(command.name for command in defined) == COMMAND_MODULES[module]


def _all_commands():  # type: ignore[no-untyped-def]
    import click

    from cli import main

    def walk(group, prefix):  # type: ignore[no-untyped-def]
        ctx = click.Context(group)
        for name in group.list_commands(ctx):  # the top level loads its commands lazily
            command = group.get_command(ctx, name)
            yield [*prefix, name]
            if isinstance(command, click.Group):
                yield from walk(command, [*prefix, name])

    return list(walk(main, []))


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_every_command_has_help(cli, path: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*path, "--help")
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_board_as_of_a_date_shows_the_past_and_what_moved(cli, seeded: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cli("region", "add", "36.02", "Kabupaten Lebak")
    cli("advance", "lebak", "request-audiensi", "--on", "2026-11-03")
    cli("advance", "lebak", "hold-audiensi", "--on", "2026-11-20")
    past = json.loads(cli("board", "--as-of", "2026-11-27", "--json").stdout)
    lebak = next(g for g in past["stages"] if g["state"] == "audiensi_held")["regions"][0]
    assert (lebak["code"], lebak["days_in_state"]) == ("36.02", 7)
    before = json.loads(cli("board", "--as-of", "2026-11-10", "--json").stdout)
    assert "audiensi_held" not in [g["state"] for g in before["stages"]]
    assert [m["to"] for m in before["moved_since"]] == ["audiensi_held"]


def test_region_show_json_has_the_contract_and_recent_history(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(cli("region", "show", "lubuk linggau", "--json").stdout)
    assert set(data) >= REGION_KEYS
    assert data["code"] == "16.73" and "Lubuk Linggau" in data["aliases"]
    assert data["recent_history"][0]["kind"] == "seed"


def test_database_folder_that_cannot_be_made_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = cli("--db", str(blocker / "sub" / "x.sqlite3"), "init")
    assert result.exit_code == 1 and "cannot create the folder for the database" in result.stderr


def test_readme_embeds_the_current_diagram(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AKSANSI_LANG", "id")  # the README shows the Indonesian labels
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "```mermaid\n" + cli("diagram").stdout + "```" in readme


def test_board_as_of_shows_the_blockers_open_then(cli, seeded: str) -> None:  # type: ignore[no-untyped-def]
    cli("blocker", "add", "temanggung", "no_budget", "--on", "2026-10-01")
    cli("blocker", "resolve", "1", "--on", "2026-11-01", "--note", "APBD 2027")
    then = json.loads(cli("board", "--as-of", "2026-10-15", "--json").stdout)
    now = json.loads(cli("board", "--json").stdout)
    assert (then["blocked"], now["blocked"]) == (1, 0)


def test_empty_lists_say_what_to_do(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("init").exit_code == 0
    assert "No regions yet: load the portfolio with 'aksansi init --seed'" in cli("board").stdout
    assert "No regions yet" in cli("region", "list").stdout
    assert cli("blocker", "list").stdout == "No blockers.\n"
    assert cli("init", "--seed").exit_code == 0
    assert cli("region", "list", "--state", "closed").stdout == "No region is at closed.\n"
