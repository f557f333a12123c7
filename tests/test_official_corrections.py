"""Officials put right: a spelling is a correction, not a rotation; aliases name one
position; a tenure can end without a successor (issue 11 §2, story 14)."""

from __future__ import annotations

import json

import pytest

from tests import test_undo
from tests.test_stories import PROFILE
from tests.test_undo import refused
from workflow.domain.officials.names import canonical_position, fold_name, same_person

ok = test_undo.ok  # the fixture: `aksansi …` that must succeed
PUPR = ("--position", "Kepala Dinas PUPR")
SAME_PERSON = (
    "that looks like the same person; use 'official correct' to fix the spelling, or pass "
    "--rotation if a different person took over"
)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Kadis PUPR", "Kepala Dinas PUPR"),
        ("Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Dinas PUPR"),
        ("kepala  dinas pu-pr", "Kepala Dinas PUPR"),
        ("Kepala Dinas PUPR Kota Surakarta", "Kepala Dinas PUPR"),
        ("Kaban Bappeda", "Kepala Bappeda"),
        ("Kepala Badan Perencanaan Pembangunan Daerah", "Kepala Bappeda"),
        ("Sekda", "Sekretaris Daerah"),
        ("Kadis Perkim", "Kepala Dinas Perkim"),
        ("Walikota", "Wali Kota"),
        ("Kepala Dinas Kesehatan", "Kepala Dinas Kesehatan"),  # unknown: kept as written
    ],
)
def test_position_aliases_name_one_position(written: str, canonical: str) -> None:
    assert canonical_position(written, "Kota Surakarta", "Surakarta") == canonical


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ir. Budi Santoso, M.T.", "Budi Santoso, MT", True),
        ("Ir. Budi Santoso, M.T.", "BUDI  SANTOSO", True),
        ("Dra. Sri Lestari, M.Si.", "Sri Lestari M. Si.", True),
        ("Dr. H. Ahmad Muzani, S.T., M.M.", "ahmad muzani ST MM", True),
        ("Budi Santoso", "Budi Santosa", False),
        ("Ir. Budi Santoso, M.T.", "Sri Wahyuni, M.T.", False),
        ("Dr.", "Ir.", False),  # a title alone is not dropped into nothing
    ],
)
def test_names_fold_case_punctuation_spaces_and_degrees(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same, (fold_name(a), fold_name(b))


@pytest.fixture
def surakarta(ok, db_url: str) -> str:  # type: ignore[no-untyped-def]
    ok("init", "--seed")
    for key, value in PROFILE.items():
        ok("config", "set", key, value)
    ok("official", "set", "surakarta", *PUPR, "--name", "Ir. Budi Santoso, M.T.", "--since",
       "2025-04-23")  # fmt: skip
    return db_url


def _current(ok) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(ok("official", "list", "surakarta", "--json"))


def test_a_spelling_correction_opens_no_blocker_and_sends_no_letter(  # type: ignore[no-untyped-def]
    ok, cli, surakarta: str, monkeypatch
) -> None:
    message = refused(
        cli, surakarta, "official", "set", "surakarta", *PUPR, "--name", "Budi Santoso, MT"
    )
    assert SAME_PERSON in message
    said = ok("official", "correct", "surakarta", *PUPR, "--name", "Budi Santoso, MT")
    assert "No rotation" in said
    assert [(o["position"], o["name"]) for o in _current(ok)] == [
        ("Kepala Dinas PUPR", "Budi Santoso, MT")
    ]
    assert json.loads(ok("blocker", "list", "--json")) == []
    assert json.loads(ok("remind", "list", "--json")) == []
    monkeypatch.setenv("AKSANSI_NOW", "2026-12-31T07:00:00+07:00")
    ok("jobs", "sweep")
    assert json.loads(ok("letter", "list", "--json")) == []
    entries = json.loads(ok("history", "surakarta", "--json"))
    fixed = next(e for e in entries if e["kind"] == "official_corrected")
    assert (fixed["name_was"], fixed["name_now"]) == ("Ir. Budi Santoso, M.T.", "Budi Santoso, MT")
    assert "official corrected: Kepala Dinas PUPR, name Ir. Budi Santoso, M.T. → Budi" in (
        " ".join(ok("history", "surakarta").split())
    )


def test_rotation_flag_records_a_namesake_who_took_over(ok, surakarta: str) -> None:  # type: ignore[no-untyped-def]
    ok("official", "set", "surakarta", *PUPR, "--name", "Budi Santoso", "--rotation")
    assert [o["name"] for o in _current(ok)] == ["Budi Santoso"]
    (blocker,) = json.loads(ok("blocker", "list", "--json"))
    assert blocker["type"] == "official_rotated"


def test_an_alias_is_the_same_position_so_a_new_name_there_is_a_rotation(  # type: ignore[no-untyped-def]
    ok, surakarta: str
) -> None:
    ok("official", "set", "surakarta", "--position", "Kadis PUPR", "--name", "Sri Wahyuni")
    ok("official", "set", "surakarta", "--position", "Sekda", "--name", "Ahmad")
    current = {o["position"]: o["name"] for o in _current(ok)}
    assert current == {"Kepala Dinas PUPR": "Sri Wahyuni", "Sekretaris Daerah": "Ahmad"}
    (blocker,) = json.loads(ok("blocker", "list", "--json"))
    assert "Ir. Budi Santoso, M.T. left, Sri Wahyuni came" in blocker["note"]
    said = ok("official", "correct", "surakarta", "--position",
              "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "--phone", "0271-123")  # fmt: skip
    assert "phone - → 0271-123" in said


def test_correcting_the_start_day_moves_the_end_of_the_tenure_before(ok, surakarta: str) -> None:  # type: ignore[no-untyped-def]
    ok("official", "set", "surakarta", *PUPR, "--name", "Sri Wahyuni", "--since", "2026-11-20")
    ok("official", "correct", "surakarta", *PUPR, "--since", "2026-11-16")
    tenures = json.loads(ok("official", "list", "surakarta", "--history", "--json"))
    assert [(o["name"], o["since"], o["until"]) for o in tenures] == [
        ("Ir. Budi Santoso, M.T.", "2025-04-23", "2026-11-16"),
        ("Sri Wahyuni", "2026-11-16", None),
    ]


def test_official_end_closes_the_tenure_without_a_successor(ok, cli, surakarta: str) -> None:  # type: ignore[no-untyped-def]
    ok("official", "end", "surakarta", *PUPR, "--on", "2026-11-20", "--note", "pensiun")
    assert _current(ok) == []
    (tenure,) = json.loads(ok("official", "list", "surakarta", "--history", "--json"))
    assert (tenure["until"], tenure["current"]) == ("2026-11-20", False)
    assert json.loads(ok("blocker", "list", "--json")) == []
    entries = json.loads(ok("history", "surakarta", "--json"))
    ended = next(e for e in entries if e["kind"] == "official_ended")
    assert (ended["at"], ended["note"], ended["name"]) == (
        "2026-11-20",
        "pensiun",
        "Ir. Budi Santoso, M.T.",
    )
    # Letters to the technical office now say who is missing, instead of the one who left.
    result = cli("letter", "render", "surakarta", "premonitoring_notice", "--preview")
    assert result.exit_code == 1
    assert "head of the technical office of Kota Surakarta" in result.stderr


def test_bad_official_corrections_change_nothing(cli, surakarta: str) -> None:  # type: ignore[no-untyped-def]
    nobody = refused(cli, surakarta, "official", "correct", "surakarta", "--position", "Sekda",
                     "--name", "Ahmad")  # fmt: skip
    assert "nobody holds Sekda at Kota Surakarta" in nobody
    assert "nothing to correct" in refused(
        cli, surakarta, "official", "correct", "surakarta", *PUPR
    )
    assert "already reads so" in refused(
        cli,
        surakarta,
        "official",
        "correct",
        "surakarta",
        *PUPR,
        "--name",
        "Ir. Budi Santoso, M.T.",
    )
    assert "in the future" in refused(
        cli, surakarta, "official", "correct", "surakarta", *PUPR, "--since", "2027-01-01"
    )
    assert "--note" in refused(cli, surakarta, "official", "end", "surakarta", *PUPR)
    assert "cannot end before" in refused(
        cli, surakarta, "official", "end", "surakarta", *PUPR, "--on", "2025-01-01", "--note", "x"
    )
    assert "nobody holds" in refused(
        cli, surakarta, "official", "end", "surakarta", "--position", "Bupati", "--note", "x"
    )
