"""`aksansi init`: create or upgrade the database, and load the seed portfolio (idempotent).

`init_database` takes a URL rather than a unit of work: the schema a unit of work needs is
what it creates. The seed itself is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from states.letters import ADMINISTRATIVE_CODES
from workflow.domain import audit, clock
from workflow.domain.regions import kind_of_code
from workflow.domain.seed import PORTFOLIO, SeedRegion
from workflow.i18n import N_, _
from workflow.infrastructure import db, schema
from workflow.infrastructure.models import Region, RegionAlias
from workflow.infrastructure.unit_of_work import UnitOfWork

SEED_NOTE = N_(
    "Loaded from the Secretariat's portfolio; the day it reached this state is not recorded."
)


@dataclass(frozen=True)
class SeedResult:
    added: list[str]
    already_there: list[str]


@dataclass(frozen=True)
class InitResult:
    database: str
    revision_before: str | None
    revision_after: str | None
    seed: SeedResult | None
    created: bool = False  # a new SQLite file was made


def init_database(url: str | None, *, seed: bool, actor: str) -> InitResult:
    full_url = db.database_url(url)
    created = db.prepare_new_database(full_url)
    before, after = schema.upgrade_database(full_url)
    seeded = seed_portfolio(UnitOfWork(full_url), actor=actor) if seed else None
    return InitResult(db.describe(full_url), before, after, seeded, created)


def seed_portfolio(uow: UnitOfWork, *, actor: str) -> SeedResult:
    added: list[str] = []
    present: list[str] = []
    with uow:
        for item in PORTFOLIO:
            existing = uow.session.scalar(select(Region).where(Region.code == item["code"]))
            if existing is not None:
                _give_seat(existing)
                present.append(item["name"])
                continue
            _add(uow.session, item, actor)
            added.append(item["name"])
        uow.commit()
    return SeedResult(added, present)


def _give_seat(region: Region) -> None:
    """The seat town and administrative flag from the built-in list, if not set yet."""
    from workflow.domain.national_list import builtin_region

    known = builtin_region(region.code)
    if known is not None and not region.seat:
        region.seat = known.seat
    region.administrative = region.code in ADMINISTRATIVE_CODES


def _add(session: Session, item: SeedRegion, actor: str) -> None:
    region = Region(
        code=item["code"],
        name=item["name"],
        kind=kind_of_code(item["code"]),
        province=item["province"],
        province_code=item["code"][:2],
        state=item["state"],
        state_since=None,
        subject=item["subject"],
        created_at=clock.utcnow(),
    )
    _give_seat(region)
    region.aliases = [RegionAlias(alias=alias) for alias in item["aliases"]]
    session.add(region)
    session.flush()
    audit.record(
        session,
        region=region,
        kind="seed",
        actor=actor,
        to_state=item["state"],
        note=_(SEED_NOTE),
    )
