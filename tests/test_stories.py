"""Acceptance: the twelve user stories (docs/user-stories.md), one test each, driven
from the command line as Rina types them, the clock moved day by day with AKSANSI_NOW."""

from __future__ import annotations

from pathlib import Path

import pytest

WIB = "T07:00:00+07:00"
PROFILE = {
    "org.address": "Jl. Kaliurang Km 5, Yogyakarta",
    "org.city": "Yogyakarta",
    "signatory.name": "Rina Wulandari",
    "signatory.position": "Koordinator Sekretariat",
}


@pytest.fixture
def day(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Move the clock: `day("2026-12-14")` is 07:00 WIB that day (the cron sweep's hour)."""

    def move(iso: str) -> None:
        monkeypatch.setenv("AKSANSI_NOW", iso + WIB)

    return move


@pytest.fixture
def rina(cli, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`aksansi …` as Rina: it must succeed; returns stdout."""
    monkeypatch.setenv("AKSANSI_USER", "rina")

    def run(*args: str) -> str:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    return run


@pytest.fixture
def portfolio(rina, day, db_url: str) -> str:  # type: ignore[no-untyped-def]
    """`aksansi init --seed` and the Secretariat's profile, on 30 November 2026 (Monday)."""
    day("2026-11-30")
    rina("init", "--seed")
    for key, value in PROFILE.items():
        rina("config", "set", key, value)
    return db_url


def _record_kb(rina) -> None:  # type: ignore[no-untyped-def]
    """The signed KB's numbers and date, which the PKS and its cover letter cite."""
    rina(
        "mou", "record", "temanggung", "--number-pemda", "180/07/2025",
        "--number-aksansi", "007/AKSANSI/KB/III/2025", "--signed-on", "2025-03-10",
    )  # fmt: skip


def _submit_temanggung(rina) -> None:  # type: ignore[no-untyped-def]
    rina("advance", "temanggung", "draft_moa")
    rina("official", "set", "temanggung", "--position", "Kepala Dinas PUPR", "--name", "Budi")
    _record_kb(rina)
    rina("moa", "draft", "temanggung", "--subject", "Sambungan rumah", "--budget", "150000000")
    rina("letter", "render", "temanggung", "moa_submission", "--format", "md")
    rina("advance", "temanggung", "submit_moa")


def _fits(text: str) -> None:
    too_wide = [line for line in text.splitlines() if len(line) > 80]
    assert not too_wide, too_wide


def _at_once(*commands: tuple[str, ...]) -> list[tuple[int, str]]:
    """Start `aksansi …` processes together (two coordinators' laptops); exit code and output."""
    import os
    import subprocess
    import sys

    aksansi = str(Path(sys.executable).parent / "aksansi")
    procs = [
        subprocess.Popen(
            [aksansi, *args],
            env={**os.environ, "AKSANSI_USER": who},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for who, *args in commands
    ]
    outputs = [p.communicate(timeout=60)[0] for p in procs]
    return [(p.returncode, out) for p, out in zip(procs, outputs, strict=True)]


def test_story_01_monday_morning_board(portfolio, rina, day) -> None:  # type: ignore[no-untyped-def]
    _submit_temanggung(rina)
    day("2026-12-04")  # Friday: the first follow-up falls due on Monday 14 December
    rina("blocker", "add", "kulon progo", "no_budget", "--note", "Tidak ada pagu 2027")
    board = rina("board")
    _fits(board)
    assert "Board 2026-12-04: 8 regions, 1 blocked, 0 with something due" in board
    assert "33.23  Kabupaten Temanggung  4 " in board  # days in its stage
    assert "no_budget" in board
    assert "35.76 Mekanisme teknis retrofit MCK Plus" in board  # what Mojokerto negotiates
    assert "Days ?: loaded from the portfolio" in board  # the seed has no dates
    assert "Days ?: loaded from the portfolio" in rina("region", "list")
    day("2026-12-07")  # Monday morning
    assert "1 with something due within 7 days" in rina("board")
    # whose move it is, and the day the tool follows up if the Pemda stays silent
    # the Pemda's wait names the first approval it works through (issue 16)
    assert "Pemda  2026-12-14 The TKKSD review" in rina("board")


def test_story_02_a_draft_goes_out(portfolio, rina, day, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    rina("advance", "temanggung", "draft_moa")
    rina("official", "set", "temanggung", "--position", "Kepala Dinas PUPR", "--name", "Budi")
    _record_kb(rina)
    drafted = rina(
        "moa", "draft", "temanggung", "--subject", "Sambungan rumah", "--budget", "150000000",
        "--format", "docx", "-o", str(tmp_path / "pks.docx"),
    )  # fmt: skip
    assert "moa draft version 1" in drafted
    text = [p.text for p in docx.Document(str(tmp_path / "pks.docx")).paragraphs]
    assert any("Rp150.000.000,00 (seratus lima puluh juta rupiah)" in t for t in text)
    cover = rina("letter", "render", "temanggung", "moa_submission", "--format", "docx")
    assert "001/SEK-AKSANSI/XI/2026" in cover
    rina("advance", "temanggung", "submit_moa")
    pending = rina("remind", "list", "--region", "temanggung")
    assert "2026-12-14" in pending and "[letter response_request]" in pending


def test_story_03_silence_follow_ups_then_escalation(portfolio, rina, day) -> None:  # type: ignore[no-untyped-def]
    _submit_temanggung(rina)
    day("2026-12-11")
    assert "nothing due" in rina("jobs", "sweep")
    day("2026-12-14")  # 10 working days after Monday 30 November
    assert "002/SEK-AKSANSI/XII/2026" in rina("jobs", "sweep")
    first = rina("letter", "show", "002/SEK-AKSANSI/XII/2026")
    assert "Permohonan Tanggapan" in first
    assert "Nomor 001/SEK-AKSANSI/XI/2026 tanggal 30 November 2026" in first
    day("2026-12-29")  # Christmas and its cuti bersama (24, 25 December) do not count
    assert "nothing due" in rina("jobs", "sweep")
    day("2026-12-30")
    rina("jobs", "sweep")
    second = rina("letter", "show", "003/SEK-AKSANSI/XII/2026")
    assert "Sekretaris Daerah Kabupaten Temanggung selaku Ketua TKKSD" in second
    day("2027-01-14")  # 1 and 5 January 2027 are holidays
    assert "nothing due" in rina("jobs", "sweep")
    day("2027-01-15")
    rina("jobs", "sweep")
    assert "draft_unanswered" in rina("blocker", "list", "--open")
    audience = rina("letter", "show", "001/SEK-AKSANSI/I/2027")
    assert "Yth. Bupati Temanggung" in audience
    assert "belum menerima tanggapan" in audience  # says why, not "let us introduce AKSANSI"
    assert "memperkenalkan AKSANSI" not in audience


def test_story_04_the_answer_cancels_every_follow_up(portfolio, rina, day) -> None:  # type: ignore[no-untyped-def]
    _submit_temanggung(rina)
    assert rina("remind", "list", "--region", "temanggung").count("[letter") == 3
    day("2026-12-15")
    rina("advance", "temanggung", "receive_response")
    # the response ladder is gone; the approvals the Pemda still owes are chased instead
    listed = rina("remind", "list", "--region", "temanggung")
    assert listed.count("[letter") == 2 and "response_request" not in listed
    assert "[letter tkksd_request]" in " ".join(listed.split())
    events = rina("events", "temanggung")  # what can Rina do next?
    # Signing waits for the Pemda's own steps: the TKKSD and the Bagian Hukum (issue 16).
    assert "tkksd_review, legal_review" in events.split("Not yet (what is missing):")[1]
    assert "\n  hold                 'hold' needs a note" in events
    explained = rina("remind", "explain", "temanggung")
    _fits(explained)
    assert explained.count("cancelled on 2026-12-15") == 3
    rina("approve", "temanggung", "tkksd_review", "--on", "2026-12-15")
    rina("approve", "temanggung", "legal_review", "--on", "2026-12-15")
    assert "No pending reminders." in rina("remind", "list", "--region", "temanggung")
    day("2027-01-20")
    assert "nothing due" in rina("jobs", "sweep")


def test_story_05_rotation_blocker_introduction_and_audience(portfolio, rina, day) -> None:  # type: ignore[no-untyped-def]
    where = ("official", "set", "surakarta", "--position", "Kepala Dinas PUPR")
    rina(*where, "--name", "Ir. Agus Wibowo", "--since", "2026-01-05")
    rina(
        "mou", "record", "surakarta", "--number-pemda", "415/21/2024",
        "--number-aksansi", "021/AKSANSI/KB/VIII/2024", "--signed-on", "2024-08-14",
    )  # fmt: skip
    day("2026-12-01")
    said = rina(*where, "--name", "Dra. Sri Lestari", "--since", "2026-11-24")
    _fits(said)
    assert "Blocker #1 (official_rotated) opened" in " ".join(said.split())
    assert "aksansi blocker show 1" in " ".join(said.split())
    assert "audiensi_request" in rina("blocker", "show", "1")  # the playbook suggests it
    assert "official_introduction" in rina("remind", "list", "--region", "surakarta")
    rina("jobs", "sweep")  # 5 working days after 24 November: due today
    letter = rina("letter", "show", "001/SEK-AKSANSI/XII/2026")
    assert "Yth. Kepala Dinas PUPR Kota Surakarta" in letter
    assert "salinan Kesepakatan Bersama dan ringkasan perkembangan" in letter
    flat_letter = " ".join(letter.split())
    assert (
        "Kesepakatan Bersama Nomor 415/21/2024 dan Nomor 021/AKSANSI/KB/VIII/2024 tanggal "
        "14 Agustus 2024" in flat_letter
    )
    history = rina("history", "surakarta")
    assert "official: Kepala Dinas PUPR is Dra. Sri Lestari, replacing Ir." in history
    assert "blocker #1 opened: official_rotated" in history


def test_story_06_no_budget_playbook_and_statistics(portfolio, rina, day) -> None:  # type: ignore[no-untyped-def]
    said = rina("blocker", "add", "kulon progo", "no_budget", "--note", "Tidak ada pagu 2027")
    _fits(said)
    flat = " ".join(said.split())
    assert "next planning window" in flat and "Musrenbang" in flat  # when to try again
    assert "DAK Sanitasi" in flat and "CSR" in flat  # channels other than a grant
    day("2027-01-29")
    stats = rina("blocker", "stats")
    assert "no_budget  1    1     1     1    60" in stats


def test_story_07_back_filling_one_letter_per_matter(portfolio, rina, day) -> None:  # type: ignore[no-untyped-def]
    _submit_temanggung(rina)
    day("2027-01-15")  # the sweep did not run since 30 November: all three steps are due
    swept = rina("jobs", "sweep")
    _fits(swept)
    assert "1 reminder issued" in swept
    assert rina("letter", "list").count("\n") == 3  # header, the submission, one escalation
    explained = rina("remind", "explain", "temanggung")
    _fits(explained)
    flat = " ".join(explained.split())
    assert flat.count("skipped on 2027-01-15: step 3 of the same follow-up fell due too") == 2
    assert "issued on 2027-01-15" in flat and "letter audiensi_request" in flat
    assert "nothing due" in rina("jobs", "sweep")  # rerunning changes nothing


def test_story_08_board_meeting(portfolio, rina, day) -> None:  # type: ignore[no-untyped-def]
    _submit_temanggung(rina)
    rina("blocker", "add", "kediri", "no_budget")
    day("2027-01-15")
    rina("jobs", "sweep")  # opens draft_unanswered on Temanggung
    day("2027-02-01")
    answered = rina("advance", "temanggung", "receive_response")
    # the answer ends the automatic blocker's cause: it resolves itself (issue 10)
    assert "Resolved blocker #2 (draft_unanswered)" in answered
    day("2027-04-01")
    stats = rina("blocker", "stats")
    assert stats.index("no_budget") < stats.index("draft_unanswered")  # most days lost first
    quarter = rina("board", "--as-of", "2026-12-31")
    _fits(quarter)
    assert "MoA submitted (moa_submitted) — 1" in quarter
    assert "Moved since 2026-12-31:" in quarter
    assert "2027-02-01  Kabupaten Temanggung: moa_submitted → moa_negotiation" in quarter
    assert "due within 7 days" not in quarter  # a past board does not guess what was due


def test_story_09_pre_monitoring_data_for_a_pemda(portfolio, rina, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx
    from _ksm_rows import _typed, failing_row, good_row
    from openpyxl import load_workbook

    from states.ksm_fields import COLUMN_NAMES

    sheet = tmp_path / "pekalongan.xlsx"
    rina("ksm", "template", "-o", str(sheet))
    book = load_workbook(sheet)  # the field staff fill the template itself
    impossible = good_row(nama_ksm="KSM Salah", desa="Kraton", sr_aktif="70")
    for row in (good_row(), failing_row(), impossible):
        book["KSM"].append([_typed(row.get(name)) for name in COLUMN_NAMES])
    book.save(sheet)
    refused = cli("ksm", "import", str(sheet))
    assert refused.exit_code == 1 and "nothing was imported" in refused.stderr
    assert "line 4, sr_aktif: 70 active connections is more than the 58 installed" in (
        refused.stderr
    )
    book["KSM"].delete_rows(4)
    book.save(sheet)
    assert "2 visit(s) recorded" in rina("ksm", "import", str(sheet))
    report = tmp_path / "laporan.docx"
    rina("ksm", "report", "pekalongan", "--format", "docx", "-o", str(report))
    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "LAPORAN HASIL PRE-MONITORING KSM" in text and "KOTA PEKALONGAN" in text
    assert "KSM Mawar — MCK Plus" in text and "Mangkrak" in text  # which need help
    assert "Perkiraan biaya perbaikan: Rp15.000.000,00" in text
    history = rina("history", "pekalongan")
    assert "Pre-monitoring KSM Mawar (mck_plus) recorded: kel/tek/keu 7/5/0" in history
    assert "pekalongan.xlsx)" in history  # the file name is not split when wrapped


def test_story_10_a_second_coordinator_on_one_database(portfolio, rina) -> None:  # type: ignore[no-untyped-def]
    both = _at_once(
        ("rina", "advance", "temanggung", "draft_moa"),
        ("dimas", "advance", "temanggung", "draft_moa"),
    )
    assert sorted(code for code, _ in both) == [0, 1], both
    refused = next(out for code, out in both if code == 1)
    assert "Kabupaten Temanggung" in refused and "Traceback" not in refused
    assert "moa_drafting" in refused or "changed by someone else" in refused  # look again
    history = rina("history", "temanggung")
    assert history.count("draft_moa: mou_signed → moa_drafting") == 1  # nothing lost, no twice
    letters = _at_once(
        ("rina", "letter", "render", "pekalongan", "audiensi_request"),
        ("dimas", "letter", "render", "surakarta", "audiensi_request"),
    )
    assert [code for code, _ in letters] == [0, 0], letters
    register = rina("letter", "list")
    assert "001/SEK-AKSANSI/XI/2026" in register and "002/SEK-AKSANSI/XI/2026" in register
    assert "[by dimas, recorded" in rina("history", "surakarta")  # who, on either laptop


def test_story_11_a_new_region_from_the_national_list(  # type: ignore[no-untyped-def]
    portfolio, rina, national_csv: Path
) -> None:
    imported = rina("region", "import", str(national_csv))
    assert "Imported 506 new regions at prospect; 8 already known" in imported
    shown = rina("region", "show", "lebak")
    assert "Kabupaten Lebak (36.02), kabupaten, Banten" in shown
    assert "State: prospect" in shown
    assert "region added at prospect (from wilayah_kabkota.csv)" in shown
    said = rina("letter", "render", "lebak", "audiensi_request")
    number = said.split()[0]
    rina("advance", "lebak", "request_audiensi")
    assert "Yth. Bupati Lebak" in rina("letter", "show", number)
    pending = rina("remind", "list", "--region", "lebak")
    _fits(pending)
    assert "2026-12-14  36.02 Kabupaten Lebak: Follow up the audiensi request" in pending
    shown = rina("region", "show", "lebak")
    _fits(shown)
    assert f"letter audiensi_request — Permohonan Audiensi\n              ({number})" in shown


def test_story_12_looking_back(portfolio, rina, day, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import json
    import os

    _submit_temanggung(rina)
    sent = Path(os.environ["AKSANSI_OUTPUT_DIR"], "2026", "33.23", "001-SEK-AKSANSI-XI-2026.md")
    as_sent = sent.read_text(encoding="utf-8")
    day("2026-12-14")
    monkeypatch.setenv("AKSANSI_USER", "cron")
    rina("jobs", "sweep")
    monkeypatch.setenv("AKSANSI_USER", "dimas")
    day("2026-12-16")
    rina("advance", "temanggung", "receive_response", "--on", "2026-12-15", "--note", "Telepon")
    rina("config", "set", "signatory.name", "Dimas Pratama")  # the letterhead changes later
    day("2027-11-30")
    history = rina("history", "temanggung")
    _fits(history)
    for line in (
        "2026-11-30  submit_moa: moa_drafting → moa_submitted; follow-ups due 2026-12-14,\n"
        "            2026-12-30, 2027-01-15  [by rina, recorded 2026-11-30 07:00 WIB]",
        "2026-11-30  letter moa_submission — Penyampaian Rancangan Perjanjian Kerja Sama\n"
        "            (001/SEK-AKSANSI/XI/2026)  [by rina, recorded 2026-11-30 07:00 WIB]",
        "2026-12-14  reminder #1 issued (moa_response_request_1), letter\n"
        "            002/SEK-AKSANSI/XII/2026",
        # the answer starts the chase of the TKKSD review and the harmonisation (issue 16)
        "2026-12-15  receive_response: moa_submitted → moa_negotiation; follow-ups due\n"
        "            2026-12-31, 2027-01-11 — Telepon\n"
        "            [by dimas, recorded 2026-12-16 07:00 WIB]",
        # #1's letter was prepared but never recorded sent: the answer cancels it too
        "2026-12-15  reminder(s) #1, #2, #3 cancelled — the region left moa_submitted",
    ):
        assert line in history, line
    assert rina("letter", "show", "001/SEK-AKSANSI/XI/2026").strip() == as_sent.strip()
    assert "Rina Wulandari" in as_sent  # exactly as sent, not re-rendered with today's profile
    entries = json.loads(rina("history", "temanggung", "--json"))
    letter = next(e for e in entries if e["kind"] == "letter")
    assert (letter["at"], letter["number"], letter["by"]) == (
        "2026-11-30",
        "001/SEK-AKSANSI/XI/2026",
        "rina",
    )
    move = next(e for e in entries if e.get("event") == "receive_response")
    assert (move["from"], move["to"], move["by"]) == ("moa_submitted", "moa_negotiation", "dimas")
