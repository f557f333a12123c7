"""Two coordinators changing the same region at once: one wins, the other is told to retry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from workflow.errors import ConcurrentChange
from workflow.infrastructure.models import Region
from workflow.infrastructure.unit_of_work import UnitOfWork
from workflow.services.advance import advance


def test_second_writer_on_a_stale_region_is_refused(seeded: str) -> None:
    rina, dimas = UnitOfWork(seeded), UnitOfWork(seeded, read_only=True)
    with dimas:
        stale = dimas.session.scalars(select(Region).where(Region.code == "33.23")).one()
        assert stale.version_id == 1
        advance(rina, "33.23", "draft_moa", actor="rina")  # commits while Dimas looks
        stale.state = "declined"
        dimas.subject = stale.name
        conflict = r"Kabupaten Temanggung was (being )?changed by someone else"
        with pytest.raises(ConcurrentChange, match=conflict):
            dimas.commit()
    with UnitOfWork(seeded) as check:
        region = check.session.scalars(select(Region).where(Region.code == "33.23")).one()
        assert (region.state, region.version_id) == ("moa_drafting", 2)
