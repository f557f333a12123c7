"""`letter.formats`: what the sweep and `letter render` without `--format` write (Word by
default), refused when unknown, and PDF without LibreOffice said in one sentence."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from reminder_helpers import add_due, reminders_of
from secretariat import set_profile
from sqlalchemy import func, select

from workflow.infrastructure import db
from workflow.infrastructure.models import Letter, Setting
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.seed import seed_portfolio


@pytest.fixture
def ready(sqlite_url: str) -> str:
    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    set_profile(sqlite_url)
    return sqlite_url


def _letters(url: str) -> int:
    with db.session_factory(db.database_url(url))() as session:
        return int(session.scalar(select(func.count()).select_from(Letter)) or 0)


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def _without_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_letter_render_writes_word_by_default(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("letter", "render", "kulon progo", "audiensi_request")
    assert result.exit_code == 0, result.stderr
    [path] = [line.split("→ ")[1] for line in result.stdout.splitlines() if "→" in line]
    assert path.endswith("001-SEK-AKSANSI-XI-2026.docx")
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert "Yth. Bupati Kulon Progo" in text and "Wates" in text
    assert cli("config", "get", "letter.formats").stdout == "docx\n"


def test_the_configured_formats_are_all_written(ready: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("config", "set", "letter.formats", " HTML, docx ,md").stdout == (
        "letter.formats = html,docx,md\n"
    )
    result = cli("letter", "render", "kulon progo", "audiensi_request", "--json")
    assert result.exit_code == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    assert sorted(files) == ["docx", "html", "md"]
    assert all(Path(path).exists() for path in files.values())
    one = cli("letter", "render", "kulon progo", "audiensi_request", "-o", str(tmp_path / "a.html"))
    assert one.exit_code == 0, one.stderr
    assert (tmp_path / "a.html").exists() and not (tmp_path / "a.docx").exists()
    (tmp_path / "all").mkdir()
    folder = cli("letter", "render", "kulon progo", "audiensi_request", "-o", f"{tmp_path}/all/")
    assert folder.exit_code == 0, folder.stderr
    assert sorted(p.suffix for p in (tmp_path / "all").iterdir()) == [".docx", ".html", ".md"]
    explicit = cli("letter", "render", "kulon progo", "audiensi_request", "--format", "md")
    assert explicit.stdout.count("→") == 1 and ".md" in explicit.stdout


@pytest.mark.parametrize("value", ["odt", "docx,rtf", ",", "docx;pdf"])
def test_an_unknown_format_is_refused_at_config_set(ready: str, cli, value: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("config", "set", "letter.formats", value)
    assert result.exit_code == 1
    assert "letter.formats" in result.stderr and "md, html, docx, pdf" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    with UnitOfWork(ready) as uow:
        assert uow.session.get(Setting, "letter.formats") is None


def test_pdf_without_libreoffice_is_one_sentence_and_uses_no_number(  # type: ignore[no-untyped-def]
    ready: str, cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cli("config", "set", "letter.formats", "docx,pdf").exit_code == 0
    _without_libreoffice(monkeypatch, tmp_path)
    result = cli("letter", "render", "kulon progo", "audiensi_request")
    assert result.exit_code == 1
    assert "PDF letters need LibreOffice" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert _letters(ready) == 0
    assert not _files(tmp_path / "out")


def test_the_sweep_leaves_a_pdf_letter_for_retry_when_libreoffice_is_missing(  # type: ignore[no-untyped-def]
    ready: str, cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cli("config", "set", "letter.formats", "pdf").exit_code == 0
    add_due(ready, 1, letter="audiensi_request")
    saved = os.environ["PATH"]
    _without_libreoffice(monkeypatch, tmp_path)
    out = cli("jobs", "sweep")
    assert out.exit_code == 0, out.stderr
    assert "NOT produced" in out.stdout and "LibreOffice" in out.stdout
    assert "fix: aksansi config set letter.formats docx" in out.stdout
    [reminder] = [r for r in reminders_of(ready) if r.text == "Test reminder 0"]
    assert reminder.status == "issued" and reminder.letter_number is None
    assert "LibreOffice" in (reminder.letter_error or "")
    assert _letters(ready) == 0
    monkeypatch.setenv("PATH", saved)
    assert cli("config", "set", "letter.formats", "docx").exit_code == 0
    retried = cli("remind", "retry", str(reminder.id))
    assert retried.exit_code == 0, retried.stderr
    assert [p.suffix for p in _files(tmp_path / "out")] == [".docx"]
