"""The checklist before the PKS (issue 16): what applies, recording it, the sign_moa guard."""

from __future__ import annotations

import json

import pytest

from states import approvals as spec
from tests.approval_helpers import ALWAYS
from workflow.domain.approvals import applies

PROFILE = {
    "org.name": "AKSANSI",
    "org.address": "Jl. Contoh 1, Yogyakarta",
    "org.city": "Yogyakarta",
    "signatory.name": "Ir. Contoh",
    "signatory.position": "Ketua",
}


@pytest.fixture
def ok(cli):  # type: ignore[no-untyped-def]
    def run(*args: str) -> str:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    return run


@pytest.fixture
def mojokerto(ok, seeded: str) -> str:  # type: ignore[no-untyped-def]
    for key, value in PROFILE.items():
        ok("config", "set", key, value)
    ok("official", "set", "mojokerto", "--position", "Kepala Dinas PUPR", "--name", "Budi, S.T.")
    ok("mou", "record", "mojokerto", "--number-pemda", "415.4/1/2025",
       "--number-aksansi", "001/KB/AKSANSI/2025", "--signed-on", "2025-03-10")  # fmt: skip
    return seeded


def checklist(ok, region: str = "mojokerto") -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    return {item["item"]: item for item in json.loads(ok("approvals", region, "--json"))}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (None, {"tkksd_review", "legal_review"}),
        ({"multi_year": True}, {"tkksd_review", "legal_review", "dprd_approval"}),
        ({"unbudgeted": True}, {"tkksd_review", "legal_review", "dprd_approval"}),
        ({"signatory": "opd"}, {"tkksd_review", "legal_review", "power_of_attorney"}),
        ({"signatory": "head", "multi_year": False}, {"tkksd_review", "legal_review"}),
    ],
)
def test_which_items_apply(answers: dict[str, object] | None, expected: set[str]) -> None:
    assert {item["id"] for item in spec.ITEMS if applies(item, answers)} == expected


def test_sign_moa_waits_for_the_checklist(ok, cli, mojokerto: str) -> None:  # type: ignore[no-untyped-def]
    items = checklist(ok)
    assert set(items) == {"tkksd_review", "legal_review", "dprd_approval", "power_of_attorney"}
    assert {k for k, v in items.items() if v["applicable"]} == set(ALWAYS)
    assert set(items["tkksd_review"]) == {"item", "label", "applicable", "done_on", "by",
                                         "reference"}  # fmt: skip

    refused = cli("advance", "mojokerto", "sign_moa")
    assert refused.exit_code == 1 and "tkksd_review, legal_review" in refused.stderr
    ok("approve", "mojokerto", "tkksd_review", "--on", "2026-11-20", "--reference",
       "BA TKKSD 01/2026")  # fmt: skip
    still = cli("advance", "mojokerto", "sign_moa")
    assert still.exit_code == 1 and "legal_review" in still.stderr
    assert "tkksd_review" not in still.stderr
    done = checklist(ok)["tkksd_review"]
    assert (done["done_on"], done["by"], done["reference"]) == (
        "2026-11-20", "tester", "BA TKKSD 01/2026",
    )  # fmt: skip
    ok("approve", "mojokerto", "legal_review", "--on", "2026-11-25")
    ok("advance", "mojokerto", "sign_moa")
    assert json.loads(ok("region", "show", "mojokerto", "--json"))["state"] == "moa_signed"


def test_a_multi_year_opd_signed_draft_adds_dprd_and_power_of_attorney(
    ok, cli, mojokerto: str
) -> None:  # type: ignore[no-untyped-def]
    ok("official", "set", "mojokerto", "--position", "Kepala Dinas Perkim", "--name", "Sari, S.T.")
    ok("moa", "draft", "mojokerto", "--subject", "Sambungan rumah", "--budget", "150000000",
       "--multi-year", "--signatory", "opd", "--on", "2026-11-10")  # fmt: skip
    applicable = {k for k, v in checklist(ok).items() if v["applicable"]}
    assert applicable == {"tkksd_review", "legal_review", "dprd_approval", "power_of_attorney"}
    early = cli("approve", "mojokerto", "dprd_approval", "--on", "2026-11-09")
    assert early.exit_code == 1 and "2026-11-10" in early.stderr  # before the first MoA draft
    # A later version that is no longer multi-year drops the DPRD item.
    ok("moa", "draft", "mojokerto", "--single-year", "--on", "2026-11-12")
    assert checklist(ok)["dprd_approval"]["applicable"] is False
    assert checklist(ok)["power_of_attorney"]["applicable"] is True  # carried over


def test_forcing_past_the_checklist_is_audited(ok, cli, mojokerto: str) -> None:  # type: ignore[no-untyped-def]
    no_note = cli("advance", "mojokerto", "sign_moa", "--force")
    assert no_note.exit_code == 1
    ok("advance", "mojokerto", "sign_moa", "--force", "--note", "ditandatangani saat rapat")
    last = json.loads(ok("history", "mojokerto", "--json"))[-1]
    assert last["forced_past_approvals"] == ALWAYS


def test_undo_takes_back_an_approval(ok, mojokerto: str) -> None:  # type: ignore[no-untyped-def]
    ok("approve", "mojokerto", "tkksd_review", "--on", "2026-11-20")
    ok("undo", "mojokerto", "--note", "salah daerah")
    assert checklist(ok)["tkksd_review"]["done_on"] is None
    history = json.loads(ok("history", "mojokerto", "--json"))
    approval = next(e for e in history if e["kind"] == "approval")
    assert approval["reverted_by"] == history[-1]["id"]
    ok("approve", "mojokerto", "tkksd_review", "--on", "2026-11-21")  # and it can be redone


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["approve", "mojokerto", "tkksd", "--on", "2026-11-20"], "tkksd_review"),
        (["approve", "mojokerto", "dprd_approval", "--on", "2026-11-20"], "does not apply"),
        (["approve", "mojokerto", "legal_review", "--on", "2026-12-20"], "future"),
    ],
)
def test_bad_approvals_are_refused_and_change_nothing(
    ok,
    cli,
    mojokerto: str,
    args: list[str],
    says: str,  # type: ignore[no-untyped-def]
) -> None:
    before = ok("history", "mojokerto", "--json")
    refused = cli(*args)
    assert refused.exit_code == 1 and says in refused.stderr, refused.output
    assert "Traceback" not in refused.output
    assert ok("history", "mojokerto", "--json") == before


def test_an_item_is_recorded_once(ok, cli, mojokerto: str) -> None:  # type: ignore[no-untyped-def]
    ok("approve", "mojokerto", "tkksd_review", "--on", "2026-11-20")
    again = cli("approve", "mojokerto", "tkksd_review", "--on", "2026-11-21")
    assert again.exit_code == 1 and "already recorded" in again.stderr
