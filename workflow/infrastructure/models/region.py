"""A region (Pemda: kabupaten or kota) and the names it is known by."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workflow.infrastructure.models.base import Base


class Region(Base):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(5), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))  # kabupaten | kota
    province: Mapped[str | None] = mapped_column(String(80))
    province_code: Mapped[str | None] = mapped_column(String(2))
    state: Mapped[str] = mapped_column(String(32), index=True)
    state_since: Mapped[date | None]  # None: entered before the tool knew (seed)
    held_from: Mapped[str | None] = mapped_column(String(32))  # the state `resume` returns to
    subject: Mapped[str | None] = mapped_column(String(500))  # what the cooperation is about
    seat: Mapped[str | None] = mapped_column(String(80))  # ibu kota: the "di …" of letters
    # DKI's Kota/Kabupaten Administrasi: no DPRD, no APBD, head appointed by the Gubernur
    administrative: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime]
    version_id: Mapped[int] = mapped_column(nullable=False)

    aliases: Mapped[list[RegionAlias]] = relationship(
        back_populates="region", cascade="all, delete-orphan", order_by="RegionAlias.alias"
    )

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version_id}  # type: ignore[misc]

    @property
    def head_title(self) -> str:
        """Bupati for a kabupaten, Wali Kota for a kota."""
        return "Bupati" if self.kind == "kabupaten" else "Wali Kota"

    @property
    def short_name(self) -> str:
        """The name without "Kabupaten"/"Kota": `Yth. Bupati Kediri`."""
        for prefix in ("Kabupaten ", "Kota "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


class RegionAlias(Base):
    __tablename__ = "region_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(120), unique=True)

    region: Mapped[Region] = relationship(back_populates="aliases")
