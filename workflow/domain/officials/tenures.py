"""Who holds which position at a region: the tenure queries letters and views read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.infrastructure.models import Official, Region


def position_key(position: str) -> str:
    """Positions match whatever the case and spacing: 'kepala  dinas PUPR' = 'Kepala Dinas PUPR'."""
    return " ".join(position.split()).casefold()


def current_officials(session: Session, region: Region) -> list[Official]:
    """The region's current counterparts: every position's present holder, by position."""
    return list(
        session.scalars(
            select(Official)
            .where(Official.region_id == region.id, Official.until.is_(None))
            .order_by(Official.position_key, Official.id)
        )
    )


def current_official(session: Session, region: Region, position: str) -> Official | None:
    """Who holds `position` at `region` now, or None."""
    return session.scalar(
        select(Official).where(
            Official.region_id == region.id,
            Official.until.is_(None),
            Official.position_key == position_key(position),
        )
    )
