"""The interface language (story 15): catalogs complete, the language chosen by
AKSANSI_LANG, else `config set ui.language`, else Indonesian; times in the Secretariat's
zone, labelled WIB/WITA/WIT; --json never changes with the language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "workflow" / "locale"


def _catalog(code: str):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with (LOCALE / code / "LC_MESSAGES" / "aksansi.po").open("rb") as handle:
        return read_po(handle, locale=code, domain="aksansi")


def _extracted() -> set[str]:
    """Every message the code marks, extracted with babel.cfg as `make messages` does."""
    from babel.messages.extract import extract_from_dir

    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=_method_map(), options_map={}
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _method_map() -> list[tuple[str, str]]:
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open() as handle:
        method_map, _options = parse_mapping_cfg(handle)
    return method_map


@pytest.mark.parametrize("code", ["id", "en"])
def test_every_message_of_the_code_is_translated_and_none_is_fuzzy(code: str) -> None:
    from workflow.i18n_tools import untranslated

    catalog = _catalog(code)
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    missing = sorted(_extracted() - known)
    assert not missing, f"not in the {code} catalog (run `make messages`): {missing[:10]}"
    todo = [m.id for m in untranslated(catalog)]
    assert not todo, f"untranslated or fuzzy in {code} (see README, Translations): {todo[:10]}"


def test_the_indonesian_catalog_has_one_plural_form() -> None:
    catalog = _catalog("id")
    assert catalog.num_plurals == 1
    plurals = [m for m in catalog if isinstance(m.id, tuple)]
    assert plurals and all(len(m.string) == 1 and m.string[0] for m in plurals)


def test_help_is_indonesian_by_default_and_english_on_request(cli, monkeypatch) -> None:
    monkeypatch.delenv("AKSANSI_LANG")
    result = cli("--help")
    assert result.exit_code == 0
    assert "Penggunaan: " in result.output and "Tampilkan pesan ini" in result.output
    assert "Show this message" not in result.output
    monkeypatch.setenv("AKSANSI_LANG", "en")
    result = cli("config", "set", "--help")
    assert "Set KEY to VALUE for every coordinator." in result.output
    assert "Usage: " in result.output and " config set " in result.output


def test_an_unknown_language_is_refused_with_the_supported_ones(cli, monkeypatch) -> None:
    monkeypatch.setenv("AKSANSI_LANG", "fr")
    result = cli("--help")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Kesalahan: AKSANSI_LANG 'fr' bukan bahasa yang didukung; bahasa yang tersedia: id, en."
    )


def test_the_database_language_counts_when_aksansi_lang_is_not_set(cli, db_url, monkeypatch):
    assert cli("config", "set", "ui.language", "id").exit_code == 0
    monkeypatch.delenv("AKSANSI_LANG")
    result = cli("config", "get", "signatory.name")
    assert result.exit_code == 1
    assert "belum diisi" in result.stderr
    monkeypatch.setenv("AKSANSI_LANG", "en")  # the environment wins over the database
    assert "is not set" in cli("config", "get", "signatory.name").stderr


def test_config_refuses_an_unknown_language_or_time_zone(cli, db_url, monkeypatch) -> None:
    result = cli("config", "set", "ui.language", "jv")
    assert result.exit_code == 1
    assert "'jv' is not a supported language; the languages are: id, en." in result.stderr
    monkeypatch.setenv("AKSANSI_LANG", "id")
    result = cli("config", "set", "org.timezone", "Asia/Yogyakarta")
    assert result.exit_code == 1
    assert "'Asia/Yogyakarta' bukan zona waktu yang dikenal" in result.stderr
    assert cli("config", "get", "org.timezone").output.strip() == "Asia/Jakarta"  # nothing changed


def test_history_shows_the_recorded_time_in_wib(cli, seeded, monkeypatch) -> None:
    monkeypatch.setenv("AKSANSI_NOW", "2026-11-02T08:45:00+07:00")
    assert cli("advance", "temanggung", "draft-moa").exit_code == 0
    monkeypatch.setenv("AKSANSI_LANG", "id")
    text = cli("history", "temanggung").output
    assert "oleh tester, dicatat 2026-11-02 08.45 WIB" in text
    assert "UTC" not in text
    monkeypatch.setenv("AKSANSI_LANG", "en")
    assert "by tester, recorded 2026-11-02 08:45 WIB" in cli("history", "temanggung").output
    cli("config", "set", "org.timezone", "Asia/Makassar")
    assert "recorded 2026-11-02 09:45 WITA" in cli("history", "temanggung").output
    entries = json.loads(cli("history", "temanggung", "--json").output)
    entry = next(e for e in entries if e["kind"] == "transition")
    assert entry["recorded_at"] == "2026-11-02T01:45:00+00:00"  # stored UTC, with its offset


def test_json_is_the_same_in_both_languages(cli, seeded, monkeypatch) -> None:
    answers = {}
    for code in ("id", "en"):
        monkeypatch.setenv("AKSANSI_LANG", code)
        answers[code] = json.loads(cli("region", "list", "--json").output)
    assert answers["id"] == answers["en"]
    assert {r["state"] for r in answers["id"]} == {"mou_signed", "moa_negotiation"}


def test_plural_forms_follow_the_language(cli, seeded, monkeypatch) -> None:
    assert "8 regions." in cli("region", "list").output
    monkeypatch.setenv("AKSANSI_LANG", "id")
    text = cli("region", "list").output
    assert "8 daerah." in text and text.split()[:2] == ["Kode", "Daerah"]


@pytest.mark.slow
def test_the_installed_command_speaks_indonesian_without_a_build_step(tmp_path: Path) -> None:
    """A fresh checkout before `make catalogs`: the .po is compiled in memory."""
    from workflow import i18n

    i18n._State.catalogs.clear()
    mo = LOCALE / "id" / "LC_MESSAGES" / "aksansi.mo"
    saved = mo.read_bytes() if mo.exists() else None
    try:
        mo.unlink(missing_ok=True)
        env = {"PATH": "/usr/bin:/bin", "AKSANSI_LANG": "id", "HOME": str(tmp_path)}
        out = subprocess.run(
            [sys.executable, "-m", "cli", "--help"], cwd=ROOT, env=env, capture_output=True
        )
        assert "Tampilkan pesan ini lalu keluar." in out.stdout.decode()
    finally:
        if saved is not None:
            mo.write_bytes(saved)


def test_a_reminders_history_line_speaks_the_interface_language(cli, seeded, monkeypatch) -> None:
    """The sweep stores the rule's text as written then; history shows it translated."""
    monkeypatch.setenv("AKSANSI_NOW", "2026-11-02T08:45:00+07:00")
    assert cli("region", "add", "Lebak").exit_code == 0
    assert cli("advance", "lebak", "request-audiensi").exit_code == 0
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-01T07:00:00+07:00")
    assert cli("jobs", "sweep").exit_code == 0
    monkeypatch.setenv("AKSANSI_LANG", "id")
    text = " ".join(cli("history", "lebak").output.split())
    assert "Tindak lanjuti permohonan audiensi: audiensi belum terlaksana." in text
    assert "Follow up the audiensi request" not in text
    monkeypatch.setenv("AKSANSI_LANG", "en")
    text = " ".join(cli("history", "lebak").output.split())
    assert "Follow up the audiensi request: no audience has been held yet." in text
