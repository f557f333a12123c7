"""Finding, adding and importing regions."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from workflow.domain.regions import normalise_code, resolve
from workflow.errors import AmbiguousRegion, BadFile, InvalidInput, RegionNotFound
from workflow.infrastructure.models import Region
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance
from workflow.services.regions import add_region, import_regions, list_regions
from workflow.services.seed import seed_portfolio


def find(url: str, text: str) -> str:
    with UnitOfWork(url) as uow:
        return resolve(uow.session, text).code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("35.76", "35.76"),
        ("3576", "35.76"),
        ("Kota Mojokerto", "35.76"),
        ("mojokerto", "35.76"),
        ("KULON progo", "34.01"),
        ("Lubuk Linggau", "16.73"),
        ("solo", "33.72"),
        ("12.1", None),
    ],
)
def test_resolve_by_code_name_part_or_alias(seeded: str, text: str, code: str | None) -> None:
    if code is None:
        with pytest.raises(RegionNotFound, match=r"no region matches '12\.1'"):
            find(seeded, text)
    else:
        assert find(seeded, text) == code


def test_normalise_code_repairs_float_mangled_codes() -> None:
    assert normalise_code("12.1") == "12.10"
    assert normalise_code("35.76") == "35.76"
    assert normalise_code("Kediri") is None


def test_ambiguous_after_the_national_import(seeded: str, national_csv: Path) -> None:
    result = import_regions(UnitOfWork(seeded), national_csv, actor="rina")
    assert (result.added, result.already_there) == (506, 8)
    with pytest.raises(AmbiguousRegion, match=r"Kabupaten Kediri \(35.06\), Kota Kediri \(35.71\)"):
        find(seeded, "kediri")
    assert find(seeded, "Kota Kediri") == "35.71"
    assert find(seeded, "lebak") == "36.02"


def test_import_of_the_real_list_keeps_seed_state_and_counts_kinds(
    seeded: str, national_csv: Path
) -> None:
    advance(UnitOfWork(seeded), "temanggung", "draft_moa", actor="rina")
    import_regions(UnitOfWork(seeded), national_csv, actor="rina")
    views = list_regions(UnitOfWork(seeded))
    assert len(views) == 514
    assert sum(v.kind == "kabupaten" for v in views) == 416
    by_code = {v.code: v for v in views}
    assert by_code["33.23"].state == "moa_drafting"
    assert by_code["35.76"].state == "moa_negotiation"
    assert by_code["36.02"].state == "prospect" and by_code["36.02"].province == "Banten"
    again = import_regions(UnitOfWork(seeded), national_csv, actor="rina")
    assert (again.added, again.already_there) == (0, 514)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("code,name\n35.76,Kota Mojokerto\n", "has no column kode, nama"),
        ("kode,nama\n35.76,Kota Mojokerto\n3x.01,Kabupaten Salah\n", "line 3: code '3x.01'"),
        (
            "kode,nama\n36.02,Kabupaten Lebak\n36.02,Kabupaten Lebak\n",
            "line 3: code 36.02 appears again",
        ),
        ("kode,nama,jenis\n36.02,Kabupaten Lebak,kota\n", "36.02 is a kabupaten by its code"),
        ("kode,nama\n36.02,\n", "line 2: region 36.02 has no name"),
        ("kode,nama\n36.70,Kota Salah\n", "not a kabupaten/kota code"),
    ],
)
def test_bad_csv_is_refused_with_its_line_and_nothing_imported(
    sqlite_url: str, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(BadFile, match=message):
        import_regions(UnitOfWork(sqlite_url), bad, actor="rina")
    assert list_regions(UnitOfWork(sqlite_url)) == []


def test_wrong_encoding_is_refused(sqlite_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("kode,nama\n36.02,Kabupaten Lébak\n".encode("latin-1"))
    with pytest.raises(BadFile, match="not UTF-8 text \\(line 2\\)"):
        import_regions(UnitOfWork(sqlite_url), bad, actor="rina")


def test_add_region_starts_at_prospect_and_refuses_duplicates(db_url: str) -> None:
    view = add_region(
        UnitOfWork(db_url), "3602", "Kabupaten Lebak", province="Banten", actor="rina"
    )
    assert (view.code, view.kind, view.state) == ("36.02", "kabupaten", "prospect")
    with pytest.raises(InvalidInput, match="already Kabupaten Lebak"):
        add_region(UnitOfWork(db_url), "36.02", "Lebak", province=None, actor="rina")


def test_seed_is_idempotent_and_exact(db_url: str) -> None:
    first = seed_portfolio(UnitOfWork(db_url), actor="rina")
    second = seed_portfolio(UnitOfWork(db_url), actor="rina")
    assert (len(first.added), len(second.added), len(second.already_there)) == (8, 0, 8)
    with UnitOfWork(db_url) as uow:
        states = dict(uow.session.execute(select(Region.code, Region.state)).all())
        since = set(uow.session.scalars(select(Region.state_since)))
    assert states.pop("35.76") == "moa_negotiation"
    assert set(states.values()) == {"mou_signed"} and len(states) == 7
    assert since == {None}, "the seed invents no dates"


def test_region_add_refuses_a_name_that_contradicts_the_code(sqlite_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    wrong = cli("region", "add", "36.99", "Kabupaten Contoh", "--province", "Banten")
    assert wrong.exit_code == 1
    assert "Kabupaten Contoh is a kabupaten by its name, but 36.99 is a kota code" in wrong.stderr
    assert cli("region", "add", "36.09", "Kabupaten Contoh").exit_code == 0
