"""The letter register: every kind in every format, numbering, citations, refusals."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

import docx
import pytest
from _kb import record_kb
from secretariat import set_profile
from sqlalchemy import select

from workflow.errors import InvalidInput, MissingField
from workflow.infrastructure.unit_of_work import UnitOfWork

KINDS = [
    "audiensi_request",
    "premonitoring_notice",
    "cooperation_offer",
    "moa_submission",
    "response_request",
    "official_introduction",
    "funding_followup",
    "tkksd_request",
    "legal_review_request",
    "dprd_approval_request",
    "power_of_attorney_request",
]
HEAD_KINDS = (
    "audiensi_request",
    "cooperation_offer",
    "dprd_approval_request",
    "power_of_attorney_request",
)
# The approval letters that go to a fixed position of the Sekretariat Daerah.
POSITION_KINDS = {
    "tkksd_request": "Sekretaris Daerah Kota Mojokerto selaku Ketua Tim Koordinasi Kerja "
    "Sama Daerah",
    "legal_review_request": "Kepala Bagian Hukum Sekretariat Daerah Kota Mojokerto",
}


@pytest.fixture
def ready(sqlite_url: str) -> str:
    """Seeded SQLite, the profile set, and Kota Mojokerto's Kepala Dinas PUPR recorded."""
    from workflow.services.officials import set_official
    from workflow.services.seed import seed_portfolio

    seed_portfolio(UnitOfWork(sqlite_url), actor="tester")
    set_profile(sqlite_url)
    set_official(
        UnitOfWork(sqlite_url),
        "35.76",
        position="Kepala Dinas PUPR",
        name="Pejabat Uji",
        actor="tester",
        since=date(2026, 1, 5),
    )
    record_kb(sqlite_url, "35.76")
    return sqlite_url


def _render(url: str, kind: str, fmt: str = "md", region: str = "35.76", **kw):  # type: ignore[no-untyped-def]
    from workflow.services.letters import render_letter

    extra = kw.pop("extra", {})
    return render_letter(UnitOfWork(url), region, kind, actor="tester", fmt=fmt, extra=extra, **kw)


def _docx_text(path: str) -> list[str]:
    document = docx.Document(path)
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return texts


def _assert_no_blanks(texts: list[str]) -> None:
    joined = "\n".join(texts)
    assert "None" not in joined and "{{" not in joined and "{%" not in joined
    assert "……" not in joined
    for line in joined.splitlines():
        assert not re.search(r"(^|\s):\s*(\||</td>|$)|\s(Nomor|tanggal|hal)\s*$", line), line


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_kind_renders_in_every_format(ready: str, fmt: str) -> None:
    views = [_render(ready, kind, fmt) for kind in KINDS]
    numbers = [view.number for view in views]
    assert numbers == [f"{n:03d}/SEK-AKSANSI/XI/2026" for n in range(1, len(KINDS) + 1)]
    for view in views:
        path = Path(view.files[fmt])
        assert path.name == view.number.replace("/", "-") + f".{fmt}"
        assert path.parent == Path(ready).parent / "out" / "2026" / "35.76"
        texts = _docx_text(str(path)) if fmt == "docx" else [path.read_text(encoding="utf-8")]
        joined = "\n".join(texts)
        expected_to = POSITION_KINDS.get(
            view.kind,
            "Wali Kota Mojokerto"
            if view.kind in HEAD_KINDS
            else "Kepala Dinas PUPR Kota Mojokerto",
        )
        assert f"Yth. {expected_to}" in joined
        assert "Yogyakarta, 27 November 2026" in joined
        assert view.number in joined and "Penanda Tangan Uji" in joined
        _assert_no_blanks(texts)


def test_response_request_cites_the_submission_and_the_second_goes_to_the_sekda(ready: str) -> None:
    from workflow.services.letters import show_letter

    submission = _render(ready, "moa_submission", on=date(2026, 11, 2))
    first = _render(ready, "response_request", on=date(2026, 11, 16))
    second = _render(ready, "response_request", extra={"step": 2})
    text = show_letter(UnitOfWork(ready), first.number)
    assert f"Nomor {submission.number} tanggal 2 November 2026" in text
    assert "Sekretaris Daerah" not in text.split("Tembusan:")[1]
    text2 = show_letter(UnitOfWork(ready), second.number)
    assert "(Kedua)" in text2 and f"Nomor {first.number} tanggal 16 November 2026" in text2
    assert "Sekretaris Daerah Kota Mojokerto selaku Ketua TKKSD" in text2.split("Tembusan:")[1]


def test_incoming_letter_is_cited(ready: str) -> None:
    from workflow.services.letters import receive_letter, show_letter

    receive_letter(
        UnitOfWork(ready),
        "35.76",
        number="600/123/417.109/2026",
        dated=date(2026, 11, 20),
        subject="Tanggapan Rancangan PKS",
        sender=None,
        actor="tester",
    )
    view = _render(ready, "funding_followup", extra={"reply_to": "600/123/417.109/2026"})
    text = show_letter(UnitOfWork(ready), view.number)
    assert (
        "Merujuk surat Pemerintah Kota Mojokerto Nomor 600/123/417.109/2026 tanggal "
        "20 November 2026 hal Tanggapan Rancangan PKS"
    ) in text
    with pytest.raises(InvalidInput, match="no incoming letter 1/2"):
        _render(ready, "funding_followup", extra={"reply_to": "1/2"})


def test_numbering_restarts_each_year(ready: str) -> None:
    assert _render(ready, "audiensi_request", on=date(2026, 12, 31)).number == (
        "001/SEK-AKSANSI/XII/2026"
    )
    assert _render(ready, "audiensi_request", on=date(2026, 12, 31)).number == (
        "002/SEK-AKSANSI/XII/2026"
    )
    assert _render(ready, "audiensi_request", on=date(2027, 1, 4)).number == (
        "001/SEK-AKSANSI/I/2027"
    )
    assert _render(ready, "audiensi_request", on=date(2026, 12, 30)).number == (
        "003/SEK-AKSANSI/XII/2026"
    )


def test_missing_field_names_it_and_uses_no_number(ready: str) -> None:
    from workflow.infrastructure.models import Letter, Setting

    with UnitOfWork(ready) as uow:
        uow.session.delete(uow.session.get(Setting, "signatory.name"))
        uow.commit()
    with pytest.raises(MissingField, match=r"signatory.name.*aksansi config set signatory.name"):
        _render(ready, "audiensi_request")
    out = Path(ready).parent / "out"
    assert not out.exists()
    set_profile(ready)
    assert _render(ready, "audiensi_request").number.startswith("001/")
    with UnitOfWork(ready) as uow:
        assert len(uow.session.scalars(select(Letter)).all()) == 1


def test_technical_office_missing_names_the_official_command(ready: str) -> None:
    with pytest.raises(MissingField, match=r'aksansi official set 35.71 --position "Kepala Dinas'):
        _render(ready, "premonitoring_notice", region="35.71")
    view = _render(
        ready, "premonitoring_notice", region="35.71", extra={"to": "Kepala Dinas Perkim"}
    )
    assert view.addressee == "Kepala Dinas Perkim Kota Kediri"
    with pytest.raises(MissingField, match=r"moa draft 35\.71 --subject"):
        _render(ready, "moa_submission", region="35.71", extra={"to": "Kepala Dinas PUPR"})
    with pytest.raises(MissingField, match=r"render it first with: aksansi letter render 35\.76"):
        _render(ready, "response_request")
    with pytest.raises(InvalidInput, match="the kinds are: audiensi_request, premonitoring"):
        _render(ready, "thank_you")


def test_concurrent_coordinators_get_distinct_numbers(seeded: str) -> None:
    set_profile(seeded)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def coordinator() -> None:
        try:
            for _ in range(5):
                numbers.append(_render(seeded, "audiensi_request", region="35.71").number)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=coordinator) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [f"{n:03d}/SEK-AKSANSI/XI/2026" for n in range(1, 11)]


def test_cli_render_show_list_history(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("letter", "render", "35.76", "audiensi_request", "--format", "md")
    assert result.exit_code == 0, result.stderr
    path = Path(result.stdout.split("→")[1].strip())
    shown = cli("letter", "show", "001/SEK-AKSANSI/XI/2026")
    assert shown.stdout_bytes == path.read_bytes()
    again = cli(
        "letter", "show", "001/SEK-AKSANSI/XI/2026", "--format", "docx", "-o", str(path.parent)
    )
    assert again.exit_code == 0 and docx.Document(str(path.with_suffix(".docx"))).paragraphs
    listed = cli("letter", "list", "--region", "35.76", "--json")
    assert '"number": "001/SEK-AKSANSI/XI/2026"' in listed.stdout
    from workflow.infrastructure.models import AuditEntry

    with UnitOfWork(ready) as uow:
        entry = uow.session.scalars(select(AuditEntry).where(AuditEntry.kind == "letter")).one()
        assert entry.details["number"] == "001/SEK-AKSANSI/XI/2026"
        assert entry.details["files"] == {"md": str(path)}


def test_cli_preview_uses_no_number(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("letter", "render", "35.71", "audiensi_request", "--preview")
    assert result.exit_code == 0 and "DRAF" in result.stdout
    assert "Yth. Wali Kota Kediri" in result.stdout
    assert "| Nomor | : DRAF |" in result.stdout
    assert cli("letter", "list").stdout.strip() == "No letters in the register."
    assert cli("letter", "render", "35.71", "audiensi_request").stdout.startswith("001/")


def test_cli_refusals(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    refused = cli("letter", "render", "35.76", "thank_you")
    assert refused.exit_code == 1 and "the kinds are:" in refused.stderr
    assert cli("letter", "show", "999/X").exit_code == 1
    assert cli("letter", "render", "35.76", "audiensi_request", "--format", "odt").exit_code == 2


def test_config_commands(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    bad = cli("config", "set", "org.fax", "1")
    assert bad.exit_code == 1 and "org.name, org.address" in bad.stderr
    unset = cli("config", "get", "signatory.name")
    assert unset.exit_code == 1 and "aksansi config set signatory.name" in unset.stderr
    assert cli("config", "set", "letter.number_format", "{nomor}/X").exit_code == 1
    assert (
        "needs {seq} and {year}" in cli("config", "set", "letter.number_format", "S/{seq}").stderr
    )
    assert cli("config", "set", "letter.number_format", "{seq:04d}/AKS/{year}").exit_code == 0
    assert cli("config", "set", "signatory.name", "Nama Uji").exit_code == 0
    assert cli("config", "get", "signatory.name").stdout == "Nama Uji\n"
    assert "letter.number_format" in cli("config", "list").stdout


def test_user_templates_override_and_the_sandbox_holds_through_the_register(
    ready: str, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "templates"
    folder.mkdir()
    monkeypatch.setenv("AKSANSI_TEMPLATE_DIR", str(folder))
    (folder / "audiensi_request.md.j2").write_text(
        "{{ surat.nomor }} {{ ''.__class__.__mro__ }}", encoding="utf-8"
    )
    refused = cli("letter", "render", "35.76", "audiensi_request")
    assert refused.exit_code == 1 and "the sandbox refuses it" in refused.stderr
    assert "Traceback" not in refused.stderr
    (folder / "audiensi_request.md.j2").write_text(
        '{% extends "_surat.md.j2" %}{% block isi %}Isi versi Sekretariat.{% endblock %}',
        encoding="utf-8",
    )
    monkeypatch.setenv("AKSANSI_TEMPLATE_DIR", str(folder) + "/")  # a fresh environment
    view = _render(ready, "audiensi_request")
    assert view.number == "001/SEK-AKSANSI/XI/2026"  # the refused attempt used no number
    assert "Isi versi Sekretariat." in Path(view.files["md"]).read_text(encoding="utf-8")
    builtin = _render(ready, "cooperation_offer")
    assert view.template_hash != builtin.template_hash and len(view.template_hash) == 64


def test_region_show_lists_its_letters_drafts_and_officials(ready: str, cli) -> None:  # type: ignore[no-untyped-def]
    cli("letter", "render", "35.76", "audiensi_request")
    cli("moa", "draft", "35.76", "--budget", "150000000")
    shown = cli("region", "show", "35.76")
    assert "letter 001/SEK-AKSANSI/XI/2026 audiensi_request" in shown.stdout
    assert "MOA draft v1" in shown.stdout
    assert "Kepala Dinas PUPR: Pejabat Uji (since 2026-01-05)" in shown.stdout


def test_a_users_template_gets_the_values_it_reads_through_an_include(
    ready: str,
    cli,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The built-in audiensi request does not print the audiensi date; a user's one may."""
    from workflow.services.letters import show_letter

    (tmp_path / "audiensi_request.md.j2").write_text('{% include "_isi.md.j2" %}\n')
    (tmp_path / "_isi.md.j2").write_text("Audiensi {{ audiensi_tanggal | tanggal }}.\n")
    monkeypatch.setenv("AKSANSI_TEMPLATE_DIR", str(tmp_path))
    assert cli("region", "add", "33.01", "Kabupaten Cilacap").exit_code == 0
    assert cli("advance", "cilacap", "hold_audiensi").exit_code == 0
    view = _render(ready, "audiensi_request", region="33.01")
    assert show_letter(UnitOfWork(ready), view.number) == "Audiensi 27 November 2026.\n"


def test_a_new_user_learns_every_missing_profile_key_at_once(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--seed").exit_code == 0
    cli("config", "set", "org.city", "Yogyakarta")
    first = cli("letter", "render", "mojokerto", "audiensi_request")
    assert first.exit_code == 1
    assert "needs org.address, signatory.name, signatory.position" in first.stderr
    assert "aksansi config set signatory.position VALUE" in first.stderr
