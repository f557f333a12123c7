"""The pseudo-locale: every message the catalogs translate comes out wrapped in ⟦…⟧, so a
line of the interface that reaches the user without a marker is an English sentence that
escaped translation. Run over `--help` of every command and over a day's work touching
every command (and refusals), it fails on any such line; what may appear unmarked is
data only: ids, numbers, dates, codes, names the test itself typed or the database holds.
Letters and agreements (Indonesian whatever the language) and --json are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from tests.secretariat import PROFILE

OPEN, CLOSE = "⟦", "⟧"
SPAN = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
# Tokens that are data whatever the language: paths, URLs, letter numbers, options,
# dates and times, numbers, codes, money.
DATA_TOKENS = re.compile(
    r"\S*[/@\\]\S*"  # paths, letter numbers, e-mail addresses
    r"|\[[\w|.,-]+\]"  # click's choice lists: [md|html|docx]
    r"|\w+(?:\|\w+)+"  # the same in a metavar: head|opd
    r"|(?<!\w)--?[a-z][\w-]*"  # options
    r"|\b\d[\d.,:+\-T]*\b"  # numbers, codes, dates, times
    r"|Rp[\d.,]+"
    r"|\S+…"  # a cell cut to fit the column
    r"|\b[a-z]+\.[a-z_]+\b"  # setting keys: org.city
    r"|\S+\.(?:md|html|docx|pdf|xlsx|csv|ics|sqlite3|png)\b"
    r"|\b\w*[_\d]\w*\b"  # ids written with underscores or digits
    r"|\b[A-Z][A-Z]+\b"  # metavars and acronyms (REGION, KSM, PUPR, WIB)
)
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]")

NOTE = "Catatan uji"  # every free text the scenario types


def _ids() -> set[str]:
    from states import blockers, letters, lifecycle, reminders

    found = {s["id"] for s in lifecycle.STATES} | {e["trigger"] for e in lifecycle.EVENTS}
    found |= set(blockers.BLOCKER_TYPE_IDS) | set(reminders.STATUSES)
    found |= {k["id"] for k in letters.LETTER_KINDS} if hasattr(letters, "LETTER_KINDS") else set()
    return {word for name in found for word in re.split(r"[_\W]+", name) if word}


def _commands() -> Iterator[tuple[list[str], click.Command]]:
    from cli import main

    def walk(path: list[str], command: click.Command) -> Iterator[tuple[list[str], click.Command]]:
        yield path, command
        if isinstance(command, click.Group):
            ctx = click.Context(command)
            for name in command.list_commands(ctx):
                yield from walk([*path, name], command.get_command(ctx, name))  # type: ignore[arg-type]

    yield from walk([], main)


def unmarked_lines(text: str, data_words: set[str]) -> list[str]:
    """The lines of `text` that still hold a word once marked spans and data are removed."""
    previous = None
    while previous != text:  # innermost spans first: a label inside a sentence
        previous, text = text, SPAN.sub(" ", text)
    found = []
    for line in text.splitlines():
        rest = re.sub(f"{OPEN}[^{CLOSE}]*$", " ", line)  # a span cut short (… at 80 columns)
        rest = re.sub(f"^[^{OPEN}]*{CLOSE}", " ", rest)
        rest = DATA_TOKENS.sub(" ", rest)
        words = [
            w for w in WORD.findall(rest) if w not in data_words and w.lower() not in data_words
        ]
        if words:
            found.append(line)
    return found


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from workflow import i18n

    monkeypatch.setenv("AKSANSI_LANG", "en")
    monkeypatch.setattr(i18n._State, "wrap", staticmethod(lambda text: f"{OPEN}{text}{CLOSE}"))


@pytest.fixture
def data_words(sqlite_url: str) -> set[str]:
    """Words that are data: ids, command names, the names the database and the test hold."""
    words = _ids() | {
        "aksansi",
        "main",
        "id",
        "en",
        "tester",
    }  # main: the program's name under CliRunner
    for path, command in _commands():
        words |= set(path) | {p.name for p in command.params if p.name}
        words |= {w for p in command.params for w in re.split(r"[_\W]+", p.name or "")}
    from _ksm_rows import good_row

    from states.letters import LETTER_KINDS

    typed = [NOTE, "Rangkasbitung", *PROFILE.values(), *map(str, good_row().values())]
    typed += [kind["hal"] for kind in LETTER_KINDS]  # a letter's Hal: Indonesian, as sent
    words |= set(WORD.findall(" ".join(typed)))
    words |= {"Kabupaten", "Kota", "Provinsi", "Budi", "Sari", "Banten", "Lebak", "KSM", "Sido"}
    words |= {"Rukun", "ipal", "komunal", "Kepala", "Dinas", "Pejabat", "Contoh"}
    words |= {"stateDiagram", "note", "left", "right", "of"}  # Mermaid's own words
    words |= _settings_and_holidays()
    return {w.lower() for w in words} | words


def _settings_and_holidays() -> set[str]:
    """The profile's defaults and the holidays package's Indonesian names: data."""
    import holidays

    from workflow.domain.settings import DEFAULTS
    from workflow.domain.working_days import CATEGORIES, COUNTRY, LANGUAGE

    found = holidays.country_holidays(COUNTRY, categories=CATEGORIES, language=LANGUAGE, years=2026)
    names = list(found.values())
    text = " ".join(v for v in DEFAULTS.values() if v) + " " + " ".join(map(str, names))
    return set(WORD.findall(text))


def _names_in_database() -> set[str]:
    from sqlalchemy import select

    from workflow.infrastructure.models import Region
    from workflow.infrastructure.unit_of_work import UnitOfWork

    with UnitOfWork(read_only=True) as uow:
        rows = uow.session.execute(select(Region.name, Region.province, Region.subject))
        text = " ".join(" ".join(filter(None, row)) for row in rows)
    return set(WORD.findall(text))


def test_every_help_is_translated(pseudo, cli, data_words: set[str]) -> None:  # type: ignore[no-untyped-def]
    problems = []
    for path, _command in _commands():
        result = cli(*path, "--help")
        assert result.exit_code == 0, (path, result.output)
        problems += [
            f"aksansi {' '.join(path)} --help: {line}"
            for line in unmarked_lines(result.output, data_words)
        ]
    assert not problems, "untranslated:\n" + "\n".join(problems[:40])


# A day's work through every command; letters and agreement texts themselves (Indonesian
# whatever the language) are not printed by these calls.
SCENARIO: list[tuple[str, ...]] = [
    ("init", "--seed"),
    ("region", "list"),
    ("region", "list", "--state", "declined"),
    ("region", "add", "36.02", "Kabupaten Lebak", "--province", "Banten"),
    ("region", "show", "temanggung"),
    ("board",),
    ("board", "--as-of", "2026-11-01"),
    ("events", "lebak"),
    ("advance", "lebak", "request-audiensi", "--note", NOTE),
    ("advance", "lebak", "hold", "--note", NOTE),
    ("advance", "lebak", "resume"),
    ("history", "lebak"),
    ("diagram",),
    ("official", "set", "temanggung", "--position", "Kepala Dinas PUPR", "--name", "Budi"),
    ("official", "set", "temanggung", "--position", "Kepala Dinas PUPR", "--name", "Sari"),
    ("official", "list", "temanggung"),
    ("official", "list", "temanggung", "--history"),
    ("blocker", "add", "kulon progo", "no_budget", "--note", NOTE),
    ("blocker", "list"),
    ("blocker", "list", "--open"),
    ("blocker", "types"),
    ("blocker", "show", "1"),
    ("blocker", "stats"),
    ("blocker", "resolve", "1", "--note", NOTE),
    ("remind", "add", "temanggung", "--on", "2026-12-01", NOTE),
    ("remind", "list"),
    ("remind", "list", "--due"),
    ("remind", "snooze", "{reminder}", "--until", "2026-12-07"),
    ("remind", "explain", "temanggung"),
    ("remind", "done", "{reminder}"),
    ("calendar", "show", "2026"),
    ("calendar", "add-holiday", "2026-12-31", "Cuti", "Bersama", "Uji"),
    ("calendar", "remove", "2026-12-31"),
    ("letter", "kinds"),
    ("letter", "list"),
    ("jobs", "sweep"),
    ("config", "list"),
    ("config", "get", "org.city"),
    ("region", "set", "lebak", "--seat", "Rangkasbitung"),
    ("official", "set", "35.76", "--position", "Kepala Dinas PUPR", "--name", "Budi"),
    ("letter", "render", "lebak", "audiensi_request", "--preview", "-o", "{tmp}/draf.md"),
    ("letter", "render", "lebak", "audiensi_request", "-o", "{tmp}/surat.md"),
    (
        "letter",
        "receive",
        "35.76",
        "--number",
        "600/1/2026",
        "--date",
        "2026-11-20",
        "--subject",
        NOTE,
    ),
    ("letter", "list"),
    (
        "mou",
        "record",
        "35.76",
        "--number-pemda",
        "1/KB",
        "--number-aksansi",
        "2/KB",
        "--signed-on",
        "2025-03-10",
    ),
    ("moa", "draft", "35.76", "--budget", "150000000", "-o", "{tmp}/pks-1.md"),
    ("moa", "draft", "35.76", "--budget", "160000000", "-o", "{tmp}/pks-2.md"),
    ("moa", "versions", "35.76"),
    ("mou", "draft", "35.76", "-o", "{tmp}/kb.md"),
    ("remind", "ics", "-o", "{tmp}/aksansi.ics"),
    ("ksm", "template", "-o", "{tmp}/isian.xlsx"),
    ("ksm", "import", "{tmp}/ksm.csv", "--dry-run"),
    ("ksm", "import", "{tmp}/ksm.csv"),
    ("ksm", "import", "{tmp}/bad.csv"),
    ("ksm", "add", "pekalongan", "KSM Sido Rukun", "--facility", "tangki_septik_komunal"),
    ("ksm", "list", "--region", "pekalongan"),
    ("ksm", "show", "1"),
    ("ksm", "report", "pekalongan", "-o", "{tmp}/laporan.md"),
    ("advance", "temanggung", "draft-moa"),
    ("NOW", "2026-12-30T09:00:00+07:00"),
    ("jobs", "sweep"),
    ("board",),
    ("history", "temanggung"),
    ("amend", "2", "--note", NOTE),
    ("report", "portfolio", "--format", "html", "-o", "{tmp}/portofolio.html"),
    ("undo", "lebak", "--note", NOTE),
    # refusals
    ("advance", "lebak", "fly"),
    ("advance", "lebak", "sign-moa"),
    ("advance", "nowhere", "hold"),
    ("advance", "kediri", "hold"),
    ("blocker", "add", "lebak", "weather"),
    ("blocker", "resolve", "99"),
    ("remind", "done", "99"),
    ("config", "set", "ui.language", "jv"),
    ("config", "set", "org.timezone", "Mars/Base"),
    ("config", "get", "org.website"),
    ("letter", "render", "lebak", "moa_submission"),
    ("letter", "show", "999/X/2026"),
    ("moa", "versions", "lebak"),
    ("moa", "draft", "lebak"),
    ("region", "show"),
    ("history", "lebak", "--bogus"),
]


def _ksm_files(folder: Path) -> None:
    from _ksm_rows import good_row, write_csv

    write_csv(folder / "ksm.csv", [good_row(), good_row(jenis_sarana="mck_plus")])
    write_csv(folder / "bad.csv", [good_row(sr_aktif="99", pengurus_aktif="-1")])


def test_a_days_work_is_translated(  # type: ignore[no-untyped-def]
    pseudo, cli, sqlite_url, data_words, tmp_path, monkeypatch
) -> None:
    from tests.secretariat import set_profile

    set_profile(sqlite_url)
    _ksm_files(tmp_path)
    problems, reminder = [], ""
    for step in SCENARIO:
        if step[0] == "NOW":
            monkeypatch.setenv("AKSANSI_NOW", step[1])
            continue
        args = [arg.format(tmp=tmp_path, reminder=reminder) for arg in step]
        result = cli(*args)
        if args[:2] == ["remind", "add"]:
            reminder = re.search(r"#(\d+)", result.stdout).group(1)  # type: ignore[union-attr]
        words = data_words | _names_in_database()
        text = result.stdout + "\n" + result.stderr
        problems += [f"aksansi {' '.join(args)}: {line}" for line in unmarked_lines(text, words)]
    assert not problems, "untranslated:\n" + "\n".join(problems[:60])
