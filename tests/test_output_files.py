"""No file is overwritten silently: every command that writes a file refuses an existing
path (naming it) unless --overwrite; default names never collide; bad output paths are
one sentence; a refused transaction leaves no letter file behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from secretariat import set_profile

from tests._snapshot import db_rows, files_under
from workflow.infrastructure.unit_of_work import UnitOfWork

PRECIOUS = b"hand-filled, do not lose\n"

# Each command that writes a file, with `{out}` where its -o PATH goes and the name
# (suffix) of that file.
WRITERS = {
    "letter render": (["letter", "render", "35.76", "audiensi_request", "-o", "{out}"], ".md"),
    "letter render --preview": (
        ["letter", "render", "35.76", "audiensi_request", "--preview", "-o", "{out}"],
        ".md",
    ),
    "letter show --format": (
        ["letter", "show", "{number}", "--format", "html", "-o", "{out}"],
        ".html",
    ),
    "mou draft": (["mou", "draft", "35.76", "-o", "{out}"], ".md"),
    "moa draft": (["moa", "draft", "35.76", "--subject", "Pengelolaan IPAL", "-o", "{out}"], ".md"),
    "ksm template xlsx": (["ksm", "template", "-o", "{out}"], ".xlsx"),
    "ksm template csv": (["ksm", "template", "-o", "{out}"], ".csv"),
    "ksm report": (["ksm", "report", "35.76", "-o", "{out}"], ".md"),
    "remind ics": (["remind", "ics", "-o", "{out}"], ".ics"),
}


@pytest.fixture
def ready(db_url: str) -> str:
    """Seeded, the profile set, Kota Mojokerto's Kepala Dinas PUPR known, one letter."""
    from workflow.domain.kb import KbTerms
    from workflow.services.kb import record_mou
    from workflow.services.letters import render_letter
    from workflow.services.officials import set_official
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(db_url), actor="tester")
    set_profile(db_url)
    set_official(
        UnitOfWork(db_url),
        "35.76",
        position="Kepala Dinas PUPR",
        name="Pejabat Uji",
        actor="tester",
        since=date(2026, 1, 5),
    )
    render_letter(UnitOfWork(db_url), "35.76", "audiensi_request", actor="tester", fmt="md")
    terms = KbTerms("180/12/2025", "012/KB/AKSANSI/VI/2025", date(2025, 6, 5), None)
    record_mou(UnitOfWork(db_url), "35.76", terms, actor="tester")
    return db_url


def _number(url: str) -> str:
    from workflow.services.letters import list_letters

    return list_letters(UnitOfWork(url))[0].number


def _args(name: str, out: Path | str, url: str) -> list[str]:
    template, _ = WRITERS[name]
    number = _number(url) if "{number}" in template else ""
    return [part.format(out=out, number=number) for part in template]


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_file_writing_command_refuses_an_existing_path(
    ready: str,
    tmp_path: Path,
    cli,
    name: str,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    target = folder / f"filled{WRITERS[name][1]}"
    target.write_bytes(PRECIOUS)
    rows, files = db_rows(ready), files_under(tmp_path)

    refused = cli(*_args(name, target, ready))

    assert refused.exit_code == 1, refused.output
    assert f"{target} already exists; pass --overwrite" in refused.stderr
    assert "Traceback" not in refused.output and len(refused.stderr.strip().splitlines()) == 1
    assert target.read_bytes() == PRECIOUS
    assert db_rows(ready) == rows and files_under(tmp_path) == files

    replaced = cli(*_args(name, target, ready), "--overwrite")
    assert replaced.exit_code == 0, replaced.output
    assert target.read_bytes() != PRECIOUS
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporaries


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_o_folder_slash_puts_the_default_name_inside(
    ready: str,
    tmp_path: Path,
    cli,
    name: str,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    done = cli(*_args(name, f"{folder}/", ready))
    assert done.exit_code == 0, done.output
    assert [p.parent for p in folder.iterdir()] and all(
        p.parent == folder for p in folder.iterdir()
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda root: root / "missing" / "x.md", "the folder {root}/missing does not exist"),
        (lambda root: root / "missing" / "", "the folder {root}/missing does not exist"),
        (lambda root: root / "a-file" / "x.md", "{root}/a-file is a file, not a folder"),
        (lambda root: root / ("n" * 300 + ".md"), "is too long"),
    ],
)
def test_bad_output_paths_are_one_sentence_and_nothing_is_written(
    ready: str,
    tmp_path: Path,
    cli,
    make,
    said: str,  # type: ignore[no-untyped-def]
) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "a-file").write_text("x")
    target = str(make(root)) + ("/" if str(make(root)).endswith("missing") else "")
    rows, files = db_rows(ready), files_under(tmp_path)
    for name in ("letter render", "mou draft", "ksm template xlsx", "remind ics"):
        out = (
            target
            if not target.endswith(".md") or "template" not in name
            else target[:-3] + ".xlsx"
        )
        refused = cli(*_args(name, out, ready))
        assert refused.exit_code == 1, (name, refused.output)
        assert said.format(root=root) in refused.stderr, (name, refused.stderr)
        assert len(refused.stderr.strip().splitlines()) == 1
    assert db_rows(ready) == rows and files_under(tmp_path) == files


def test_default_names_never_collide(ready: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    number = _number(ready)
    for _ in range(2):
        assert (
            cli(
                "letter", "render", "35.76", "audiensi_request", "--preview", "--format", "html"
            ).exit_code
            == 0
        )
        assert cli("letter", "show", number, "--format", "md").exit_code == 0
        assert cli("ksm", "report", "35.76").exit_code == 0
        assert cli("mou", "draft", "35.76").exit_code == 0
    names = sorted(p.name for p in (out / "2026" / "35.76").iterdir())
    assert "audiensi_request-DRAF.html" in names and "audiensi_request-DRAF-2.html" in names
    assert "laporan-pre-monitoring.md" in names and "laporan-pre-monitoring-2.md" in names
    assert "laporan-pre-monitoring-2.svg" in names
    assert "mou-v1.md" in names and "mou-v2.md" in names
    stem = number.replace("/", "-")
    assert {f"{stem}.md", f"{stem}-2.md", f"{stem}-3.md"} <= set(names)  # render + 2 reprints


def test_a_refused_transaction_leaves_no_letter_file(ready: str, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """The database refuses the letter's row (as a full disk or a lock would): the file
    written under a temporary name is removed, and no number is taken."""
    from sqlalchemy import text

    from workflow.infrastructure import db

    engine = db.engine_for(db.database_url(ready))
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER refuse BEFORE INSERT ON letter "
                    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'could not extend file: No space left on device'; END $$ "
                    "LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text("CREATE TRIGGER refuse BEFORE INSERT ON letter EXECUTE FUNCTION refuse()")
            )
    try:
        rows, files = db_rows(ready), files_under(tmp_path)
        for output in (None, tmp_path / "mine.md"):
            extra = [] if output is None else ["-o", str(output)]
            refused = cli("letter", "render", "35.76", "cooperation_offer", *extra)
            assert refused.exit_code == 1, refused.output
            assert "Traceback" not in refused.output
            assert db_rows(ready) == rows and files_under(tmp_path) == files
    finally:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "DROP TRIGGER refuse"
                    + ("" if engine.dialect.name == "sqlite" else " ON letter")
                )
            )
            if engine.dialect.name != "sqlite":
                conn.execute(text("DROP FUNCTION refuse()"))
