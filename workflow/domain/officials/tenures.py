"""Who holds which position at a region: the tenure queries letters and views read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflow.infrastructure.models import Official, Region


def position_key(position: str, *region_names: str) -> str:
    """Positions match whatever the spelling: 'Kadis PUPR' = 'kepala  dinas PUPR' = 'Kepala
    Dinas PUPR' (aliases in states/officials.py; see `officials.names`)."""
    from workflow.domain.officials.names import position_key as folded

    return folded(position, *region_names)


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
    """Who holds `position` at `region` now, or None. Matched on the position as folded
    now (a region has a handful of tenures), so one recorded under an alias before the
    alias was known is found too."""
    wanted = position_key(position, *_names(region))
    return next(
        (
            official
            for official in current_officials(session, region)
            if position_key(official.position, *_names(region)) == wanted
        ),
        None,
    )


def _names(region: Region) -> tuple[str, str]:
    return region.name, region.short_name
