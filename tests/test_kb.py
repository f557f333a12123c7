"""The signed Kesepakatan Bersama as a record: `mou record`, `advance … sign_mou` with its
numbers, `region show`, and the letters and drafts that cite it (or are refused)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest
from _kb import CITATION, NUMBER_AKSANSI, NUMBER_PEMDA
from reminder_helpers import count_rows, reminders_of
from secretariat import PROFILE
from sqlalchemy import select

from workflow.domain.kb import expiry
from workflow.infrastructure import db
from workflow.infrastructure.models import AuditEntry, Letter, MouRecord, Region

RECORD = (
    "mou", "record", "mojokerto", "--number-pemda", NUMBER_PEMDA,
    "--number-aksansi", NUMBER_AKSANSI, "--signed-on", "2025-06-05",
)  # fmt: skip


@pytest.fixture
def portfolio(seeded: str, cli) -> str:  # type: ignore[no-untyped-def]
    for key, value in PROFILE.items():
        assert cli("config", "set", key, value).exit_code == 0
    done = cli(
        "official", "set", "mojokerto", "--position", "Kepala Dinas PUPR",
        "--name", "Budi Santoso", "--since", "2026-01-05",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    return seeded


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_expiry_is_the_day_before_the_anniversary() -> None:
    assert expiry(date(2025, 6, 5), 5) == date(2030, 6, 4)
    assert expiry(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert expiry(date(2026, 1, 1), 1) == date(2026, 12, 31)


def test_mou_record_is_shown_by_region_show_and_history(portfolio: str, cli) -> None:  # type: ignore[no-untyped-def]
    before = _flat(cli("region", "show", "mojokerto").stdout)
    assert "Kesepakatan Bersama: numbers and date not recorded" in before
    assert "aksansi mou record 35.76" in before

    said = cli(*RECORD)
    assert said.exit_code == 0, said.stderr
    assert (
        f"Kesepakatan Bersama Nomor {NUMBER_PEMDA} dan Nomor {NUMBER_AKSANSI} recorded, signed "
        "2025-06-05, 5 year(s), in force until 2030-06-04." in _flat(said.stdout)
    )
    shown = _flat(cli("region", "show", "mojokerto").stdout)
    assert (
        f"Kesepakatan Bersama: Nomor {NUMBER_PEMDA} dan Nomor {NUMBER_AKSANSI}, signed "
        "2025-06-05, 5 year(s), in force until 2030-06-04" in shown
    )
    data = json.loads(cli("region", "show", "mojokerto", "--json").stdout)
    assert data["kb"] == {
        "number_pemda": NUMBER_PEMDA,
        "number_aksansi": NUMBER_AKSANSI,
        "signed_on": "2025-06-05",
        "years": 5,
        "expires_on": "2030-06-04",
        "recorded_by": "tester",
    }
    history = _flat(cli("history", "mojokerto").stdout)
    assert "KB recorded: signed 2025-06-05, 5 year(s), until 2030-06-04" in history


def test_a_correction_appends_and_the_latest_is_in_force(portfolio: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(*RECORD).exit_code == 0
    fixed = cli(*RECORD[:-1], "2025-06-06", "--years", "3")
    assert fixed.exit_code == 0, fixed.stderr
    assert "corrected" in fixed.stdout and "until 2028-06-05" in _flat(fixed.stdout)
    assert count_rows(portfolio, MouRecord) == 2
    data = json.loads(cli("region", "show", "mojokerto", "--json").stdout)
    assert (data["kb"]["signed_on"], data["kb"]["years"]) == ("2025-06-06", 3)
    assert "(corrects record #1)" in _flat(cli("history", "mojokerto").stdout)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"--signed-on": "2026-11-28"}, "is in the future"),
        ({"--number-pemda": "  "}, "--number-pemda is empty"),
        ({"--number-aksansi": ""}, "--number-aksansi is empty"),
        ({"--years": "0"}, "--years must be a positive number of years, not 0"),
        ({"--years": "-2"}, "--years must be a positive number of years, not -2"),
        ({"--signed-on": "5 Juni 2025"}, "is not a date"),
    ],
)
def test_bad_kb_input_is_refused_and_nothing_is_stored(
    portfolio: str,
    cli,
    change: dict[str, str],
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    options = dict(zip(RECORD[3::2], RECORD[4::2], strict=True)) | change
    args = [item for pair in options.items() for item in pair]
    refused = cli("mou", "record", "mojokerto", *args)
    assert refused.exit_code == 1 and message in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert count_rows(portfolio, MouRecord) == 0


def test_mou_record_needs_the_signing_date(portfolio: str, cli) -> None:  # type: ignore[no-untyped-def]
    refused = cli("mou", "record", "mojokerto", "--number-pemda", "1", "--number-aksansi", "2")
    assert refused.exit_code == 2 and "--signed-on" in refused.stderr
    assert count_rows(portfolio, MouRecord) == 0


def test_sign_mou_records_the_kb_in_the_same_step(portfolio: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("advance", "temanggung", "hold", "--note", "x").exit_code == 0  # a non-MoU event
    wrong = cli("advance", "temanggung", "resume", "--number-pemda", "1")
    assert wrong.exit_code == 1 and "go with sign_mou only" in wrong.stderr
    assert cli("region", "show", "temanggung", "--json").stdout.count('"state": "on_hold"') == 1

    cli("region", "add", "32.02", "Kabupaten Sukabumi")
    for event in ("hold_audiensi", "draft_mou"):
        assert cli("advance", "sukabumi", event, "--on", "2026-11-02").exit_code == 0
    bad = cli("advance", "sukabumi", "sign_mou", "--number-pemda", "", "--number-aksansi", "B")
    assert bad.exit_code == 1 and "--number-pemda is empty" in bad.stderr
    state = json.loads(cli("region", "show", "sukabumi", "--json").stdout)["state"]
    assert state == "mou_drafting"  # nothing half done: the transition was not kept either

    signed = cli(
        "advance", "sukabumi", "sign_mou", "--on", "2026-11-20", "--number-pemda",
        "119/KB.05/2026", "--number-aksansi", "031/AKSANSI/KB/XI/2026", "--years", "2",
    )  # fmt: skip
    assert signed.exit_code == 0, signed.stderr
    assert "in force until 2028-11-19" in _flat(signed.stdout)
    data = json.loads(cli("region", "show", "sukabumi", "--json").stdout)
    assert data["state"] == "mou_signed" and data["kb"]["signed_on"] == "2026-11-20"


def test_the_moa_draft_cites_the_kb_or_is_refused(portfolio: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    refused = cli("moa", "draft", "mojokerto", "--subject", "Retrofit SR", "--format", "docx")
    assert refused.exit_code == 1
    assert "aksansi mou record 35.76 --number-pemda N --number-aksansi N" in refused.stderr
    assert not list(tmp_path.rglob("moa-v*.docx"))

    assert cli(*RECORD).exit_code == 0
    target = tmp_path / "pks.docx"
    made = cli("moa", "draft", "mojokerto", "--format", "docx", "-o", str(target))
    assert made.exit_code == 0, made.stderr
    text = _flat(" ".join(p.text for p in docx.Document(str(target)).paragraphs))
    assert f"telah menandatangani {CITATION} tentang" in text
    assert "Nomor …… / ……" not in text


def test_letters_citing_the_kb_are_refused_until_it_is_recorded(portfolio: str, cli) -> None:  # type: ignore[no-untyped-def]
    preview = cli("letter", "render", "mojokerto", "official_introduction", "--preview")
    assert preview.exit_code == 0, preview.stderr
    assert "[nomor KB Pemda belum dicatat]" in preview.stdout
    assert "[tanggal KB belum dicatat]" in _flat(preview.stdout)

    refused = cli("letter", "render", "mojokerto", "official_introduction")
    assert refused.exit_code == 1 and "aksansi mou record 35.76" in refused.stderr
    assert count_rows(portfolio, Letter) == 0

    assert cli(*RECORD).exit_code == 0
    made = cli("letter", "render", "mojokerto", "official_introduction")
    assert made.exit_code == 0, made.stderr
    with db.session_factory(db.database_url(portfolio))() as session:
        letter = session.scalars(select(Letter)).one()
        assert letter.number == "001/SEK-AKSANSI/XI/2026"  # the refusal used no number
        assert f"telah menandatangani {CITATION}" in _flat(letter.content)


def test_the_sweep_reports_the_missing_kb_with_the_command(
    portfolio: str, cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    rotated = cli(
        "official", "set", "mojokerto", "--position", "Kepala Dinas PUPR",
        "--name", "Dra. Sri Lestari", "--since", "2026-11-24",
    )  # fmt: skip
    assert rotated.exit_code == 0, rotated.stderr
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-01T08:00:00+07:00")
    swept = cli("jobs", "sweep", "--json")
    assert swept.exit_code == 0, swept.stderr
    issued = [item for item in json.loads(swept.stdout)["issued"] if item["letter_error"]]
    assert len(issued) == 1
    assert "aksansi mou record 35.76" in issued[0]["letter_error"]
    [intro] = [r for r in reminders_of(portfolio) if r.rule_id == "official_introduction"]
    assert intro.status == "issued" and "mou record" in (intro.letter_error or "")
    with db.session_factory(db.database_url(portfolio))() as session:
        region_id = session.scalar(select(Region.id).where(Region.code == "35.76"))
        kinds = set(
            session.scalars(select(AuditEntry.kind).where(AuditEntry.region_id == region_id))
        )
    assert "mou_recorded" not in kinds
