"""Regions get their seat town (ibu kota) and the administrative flag; names cleaned

Revision ID: 0009_region_seat
Revises: 0008_moa_terms
Create Date: 2026-12-01

Existing regions take their seat from the built-in national list (states/national/) and
the six DKI administrative regions are flagged. A name written with "Kep." or stray
spaces is written out ("Kepulauan"), the old spelling kept as an alias so that what a
coordinator typed before still finds the region.
"""

from __future__ import annotations

import csv
import io
import re
from importlib import resources

import sqlalchemy as sa
from alembic import op

revision = "0009_region_seat"
down_revision = "0008_moa_terms"
branch_labels = None
depends_on = None

ADMINISTRATIVE = ("31.01", "31.71", "31.72", "31.73", "31.74", "31.75")


def _seats() -> dict[str, str]:
    text = (resources.files("states") / "national" / "ibukota_kabkota.csv").read_text("utf-8")
    return {row["kode"]: " ".join(row["ibukota"].split()) for row in csv.DictReader(io.StringIO(text))}


def _clean(name: str) -> str:
    return " ".join(re.sub(r"\bKep\.\s*", "Kepulauan ", " ".join(name.split())).split())


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): on SQLite a batch copy would drop the old region
    # table and cascade-delete every row that points at it.
    op.add_column("region", sa.Column("seat", sa.String(length=80), nullable=True))
    op.add_column(
        "region",
        sa.Column("administrative", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    bind = op.get_bind()
    region = sa.table(
        "region",
        sa.column("id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("seat", sa.String),
        sa.column("administrative", sa.Boolean),
    )
    alias = sa.table("region_alias", sa.column("region_id", sa.Integer), sa.column("alias", sa.String))
    seats = _seats()
    taken = {a for (a,) in bind.execute(sa.select(alias.c.alias))}
    for region_id, code, name in bind.execute(sa.select(region.c.id, region.c.code, region.c.name)).all():
        values: dict[str, object] = {"administrative": code in ADMINISTRATIVE}
        if code in seats:
            values["seat"] = seats[code]
        cleaned = _clean(name)
        if cleaned != name:
            values["name"] = cleaned
            if name.strip() != cleaned and name.strip() not in taken:
                bind.execute(sa.insert(alias).values(region_id=region_id, alias=name.strip()))
                taken.add(name.strip())
        bind.execute(sa.update(region).where(region.c.id == region_id).values(**values))


def downgrade() -> None:
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.drop_column("administrative")
        batch_op.drop_column("seat")
