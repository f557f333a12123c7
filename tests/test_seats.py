"""Seat towns (ibu kota) and the national list in the box; the DKI administrative regions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from workflow.domain.national_list import builtin_path, builtin_regions

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PROFILE = {
    "org.address": "Jl. Contoh Nomor 1, Yogyakarta",
    "org.city": "Yogyakarta",
    "signatory.name": "Penanda Tangan Uji",
    "signatory.position": "Koordinator Sekretariat AKSANSI",
}


@pytest.fixture
def shared_data() -> Path:
    if not (SHARED / "ibukota_kabkota.csv").exists():
        pytest.skip(f"the shared data folder is not at {SHARED}")
    return SHARED


@pytest.fixture
def profiled(db_url: str, cli):  # type: ignore[no-untyped-def]
    for key, value in PROFILE.items():
        assert cli("config", "set", key, value).exit_code == 0
    return db_url


def _count(url: str, sql: str) -> int:
    from workflow.infrastructure import db

    with db.engine_for(db.database_url(url)).connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


@pytest.mark.parametrize("name", ["wilayah_kabkota.csv", "ibukota_kabkota.csv"])
def test_the_built_in_copy_is_the_shared_data(shared_data: Path, name: str) -> None:
    assert builtin_path(name).read_bytes() == (shared_data / name).read_bytes()


def test_the_built_in_list_carries_its_notice() -> None:
    notice = builtin_path("NOTICE.md").read_text(encoding="utf-8")
    assert "MIT License, Copyright (c) 2017-2025 Cahya DSN" in notice
    assert "Permission is hereby granted" in notice


def test_the_built_in_list_has_every_seat_and_clean_names() -> None:
    rows = builtin_regions()
    assert len(rows) == 514
    assert all(row.seat for row in rows)
    by_code = {row.code: row for row in rows}
    assert by_code["36.02"].seat == "Rangkasbitung"
    assert by_code["32.04"].seat == "Soreang"
    assert by_code["71.09"].name == "Kabupaten Kepulauan Siau Tagulandang Biaro"
    assert by_code["31.72"].name == "Kota Administrasi Jakarta Utara"
    assert not any("Kep." in row.name or row.name != row.name.strip() for row in rows)
    # the figure: 317 of 416 kabupaten sit in a town not named like the region
    kabupaten = [row for row in rows if row.kind == "kabupaten"]
    moved = [r for r in kabupaten if r.seat != r.name.removeprefix("Kabupaten ")]
    assert (len(kabupaten), len(moved)) == (416, 317)
    assert {row.code for row in rows if row.administrative} == {
        "31.01",
        "31.71",
        "31.72",
        "31.73",
        "31.74",
        "31.75",
    }


def test_import_without_a_file_loads_the_built_in_list_with_seats(db_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("region", "import")
    assert result.exit_code == 0, result.output
    assert "Imported 514 new regions" in result.output
    assert _count(db_url, "SELECT count(*) FROM region WHERE seat IS NOT NULL") == 514
    assert _count(db_url, "SELECT count(*) FROM region WHERE administrative") == 6
    shown = json.loads(cli("region", "show", "lebak", "--json").output)
    assert (shown["seat"], shown["administrative"]) == ("Rangkasbitung", False)
    jakarta = json.loads(cli("region", "show", "31.71", "--json").output)
    assert (jakarta["seat"], jakarta["administrative"]) == ("Jakarta Pusat", True)
    assert "Seat (ibu kota): Rangkasbitung" in cli("region", "show", "lebak").output


def test_import_of_the_shared_files_with_seats(db_url: str, cli, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "region",
        "import",
        str(shared_data / "wilayah_kabkota.csv"),
        "--seats",
        str(shared_data / "ibukota_kabkota.csv"),
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(cli("region", "show", "kulon progo", "--json").output)
    assert shown["seat"] == "Wates"
    name = json.loads(cli("region", "show", "71.09", "--json").output)["name"]
    assert name == "Kabupaten Kepulauan Siau Tagulandang Biaro"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("kode,ibukota\n36.02,Rangkasbitung\n99.99,Nowhere\n", "line 3"),
        ("kode,kota\n36.02,Rangkasbitung\n", "no column ibukota"),
        ("kode,ibukota\n36.02,Rangkasbitung\n32.04,  \n", "line 3"),
    ],
)
def test_a_bad_seat_file_imports_nothing(  # type: ignore[no-untyped-def]
    db_url: str, cli, tmp_path: Path, content: str, said: str
) -> None:
    seats = tmp_path / "seats.csv"
    seats.write_text(content, encoding="utf-8")
    result = cli("region", "import", "--seats", str(seats))
    assert result.exit_code == 1
    assert said in result.stderr and "nothing was imported" in result.stderr
    assert "Traceback" not in result.output
    assert _count(db_url, "SELECT count(*) FROM region") == 0


def test_a_seat_file_corrects_known_regions(db_url: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("region", "import").exit_code == 0
    seats = tmp_path / "seats.csv"
    seats.write_text("kode,ibukota\n32.04,Soreang Baru\n", encoding="utf-8")
    result = cli("region", "import", "--seats", str(seats))
    assert result.exit_code == 0, result.output
    assert "Seat set for 1 region already known" in result.output
    assert json.loads(cli("region", "show", "32.04", "--json").output)["seat"] == "Soreang Baru"


def test_region_set_seat_and_its_refusal(db_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("region", "add", "36.02", "Kabupaten Lebak").exit_code == 0
    refused = cli("region", "set", "lebak", "--seat", "  ")
    assert refused.exit_code == 1 and "--seat needs" in refused.stderr
    assert json.loads(cli("region", "show", "lebak", "--json").output)["seat"] == "Rangkasbitung"
    assert cli("region", "set", "lebak", "--seat", "Rangkas Bitung").exit_code == 0
    assert json.loads(cli("region", "show", "lebak", "--json").output)["seat"] == "Rangkas Bitung"
    history = json.loads(cli("history", "lebak", "--json").output)
    assert any(entry.get("field") == "seat" for entry in history)


def test_region_add_by_name_finds_code_province_and_seat(db_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("region", "add", "Lebak")
    assert result.exit_code == 0, result.output
    assert "Kabupaten Lebak (36.02)" in result.output and "Rangkasbitung" in result.output
    shown = json.loads(cli("region", "show", "36.02", "--json").output)
    assert (shown["province"], shown["seat"]) == ("Banten", "Rangkasbitung")
    ambiguous = cli("region", "add", "Bandung")
    assert ambiguous.exit_code == 1
    assert "Kabupaten Bandung (32.04)" in ambiguous.stderr
    assert "Kota Bandung (32.73)" in ambiguous.stderr
    unknown = cli("region", "add", "Atlantis")
    assert unknown.exit_code == 1 and "region add CODE NAME" in unknown.stderr


def test_init_seed_gives_the_seed_regions_their_seats(db_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--seed").exit_code == 0
    seats = {row["code"]: row["seat"] for row in json.loads(cli("region", "list", "--json").output)}
    assert seats["34.01"] == "Wates" and seats["33.72"] == "Surakarta"
    assert all(seats.values())


def _preview(cli, region: str, kind: str = "audiensi_request") -> str:  # type: ignore[no-untyped-def]
    result = cli("letter", "render", region, kind, "--preview")
    assert result.exit_code == 0, result.output
    return result.output


def test_letters_go_to_the_seat_town(profiled: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("region", "import").exit_code == 0
    assert "Yth. Bupati Bandung\\\ndi\\\nSoreang" in _preview(cli, "kabupaten bandung")
    assert "Yth. Bupati Lebak\\\ndi\\\nRangkasbitung" in _preview(cli, "lebak")
    assert "Yth. Bupati Kepulauan Siau Tagulandang Biaro" in _preview(cli, "71.09")


def test_a_kota_without_seat_is_its_own_a_kabupaten_is_refused(profiled: str, cli) -> None:  # type: ignore[no-untyped-def]
    from workflow.infrastructure import db

    assert cli("region", "add", "35.76", "Kota Mojokerto").exit_code == 0
    assert cli("region", "add", "36.02", "Kabupaten Lebak").exit_code == 0
    with db.engine_for(db.database_url(profiled)).begin() as conn:
        conn.execute(text("UPDATE region SET seat = NULL"))
    assert "di\\\nMojokerto" in _preview(cli, "mojokerto")
    refused = cli("letter", "render", "lebak", "audiensi_request")
    assert refused.exit_code == 1
    assert "aksansi region set 36.02 --seat TEXT" in refused.stderr
    assert _count(profiled, "SELECT count(*) FROM letter") == 0


def test_an_administrative_region_copies_the_province(profiled: str, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("region", "add", "31.71").exit_code == 0
    letter = _preview(cli, "31.71", "cooperation_offer")
    assert "Yth. Wali Kota Administrasi Jakarta Pusat\\\ndi\\\nJakarta Pusat" in letter
    assert "Gubernur Daerah Khusus Ibukota Jakarta" in letter
    assert "Sekretaris Daerah Provinsi Daerah Khusus Ibukota Jakarta selaku Ketua TKKSD" in letter
    assert "Sekretaris Daerah Kota Administrasi" not in letter
    assert "Bappeda Kota Administrasi" not in letter


@pytest.mark.parametrize("agreement", ["mou", "moa"])
def test_no_agreement_with_an_administrative_region(profiled: str, cli, agreement: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("region", "add", "31.01").exit_code == 0
    result = cli(agreement, "draft", "31.01", "--subject", "Uji")
    assert result.exit_code == 1
    assert "provincial government" in result.stderr
    assert result.stderr.count(". ") == 0  # one sentence
    assert _count(profiled, "SELECT count(*) FROM agreement_draft") == 0


def test_the_migration_gives_existing_regions_seats_and_clean_names(tmp_path: Path) -> None:
    from workflow.infrastructure import db, schema

    url = db.database_url(str(tmp_path / "old.sqlite3"))
    schema.upgrade(url, "0008_moa_terms")
    with db.engine_for(url).begin() as conn:
        for number, (code, name, kind) in enumerate(
            [
                ("36.02", "Kabupaten Lebak", "kabupaten"),
                ("71.09", "Kabupaten Kep. Siau Tagulandang Biaro", "kabupaten"),
                ("31.72", "Kota Administrasi Jakarta Utara ", "kota"),
            ],
            start=1,
        ):
            conn.execute(
                text(
                    "INSERT INTO region (id, code, name, kind, state, created_at, version_id) "
                    "VALUES (:id, :code, :name, :kind, 'prospect', '2026-01-05 00:00:00', 1)"
                ),
                {"id": number, "code": code, "name": name, "kind": kind},
            )
        conn.execute(
            text(
                "INSERT INTO audit_log (region_id, kind, occurred_on, recorded_at, actor, details) "
                "VALUES (1, 'seed', '2026-01-05', '2026-01-05 00:00:00', 'rina', '{}')"
            )
        )
    schema.upgrade(url)
    with db.engine_for(url).connect() as conn:
        rows = conn.execute(
            text("SELECT code, name, seat, administrative FROM region ORDER BY code")
        ).all()
        aliases = conn.execute(text("SELECT alias FROM region_alias ORDER BY alias")).all()
        kept = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
    assert [tuple(row) for row in rows] == [
        ("31.72", "Kota Administrasi Jakarta Utara", "Jakarta Utara", True),
        ("36.02", "Kabupaten Lebak", "Rangkasbitung", False),
        ("71.09", "Kabupaten Kepulauan Siau Tagulandang Biaro", "Ondong Siau", False),
    ]
    assert [alias for (alias,) in aliases] == ["Kabupaten Kep. Siau Tagulandang Biaro"]
    assert kept == 1
