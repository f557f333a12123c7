"""Create or upgrade the database, and optionally load the seed: `aksansi init`."""

from __future__ import annotations

from dataclasses import dataclass

from workflow.infrastructure import db, schema
from workflow.infrastructure.unit_of_work import UnitOfWork, translate
from workflow.services.seed import SeedResult, seed_portfolio


@dataclass(frozen=True)
class InitResult:
    database: str
    revision_before: str | None
    revision_after: str | None
    seed: SeedResult | None


def init_database(url: str | None, *, seed: bool, actor: str) -> InitResult:
    full_url = db.database_url(url)
    try:
        before, after = schema.upgrade(full_url)
    except Exception as exc:  # the driver's own error, e.g. connection refused
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            raise translate(exc, full_url) from None
        raise
    seeded = seed_portfolio(UnitOfWork(full_url), actor=actor) if seed else None
    return InitResult(db.describe(full_url), before, after, seeded)
