"""One command, one transaction.

`with UnitOfWork() as uow:` rolls back unless `uow.commit()` is called, and turns
database failures the user can do something about into `DomainError`s.
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workflow import preferences
from workflow.errors import ConcurrentChange, DatabaseUnavailable, DomainError
from workflow.i18n import _
from workflow.infrastructure import db


class UnitOfWork:
    session: Session

    def __init__(self, url: str | None = None, *, read_only: bool = False) -> None:
        self.url = db.database_url(url)
        self.read_only = read_only
        self.committed = False
        self.subject: str | None = None  # what a conflict message names, e.g. "Kota Mojokerto"

    def __enter__(self) -> UnitOfWork:
        self.session = db.session_factory(self.url)()
        try:
            if self.read_only:
                self.session.connection(execution_options={db.READ_ONLY: True})
        except DBAPIError as exc:
            self.session.close()
            raise translate(exc, self.url) from None
        if preferences.pending():  # the run's first unit of work
            self._read_preferences()
        return self

    def _read_preferences(self) -> None:
        """`ui.language` and `org.timezone`, once per run (see workflow/preferences.py).
        Core on the bare table, not the `Setting` model: the first statement of every
        command should not map a model nor compile an ORM query the command needs not."""
        from sqlalchemy import column, select, table

        setting = table("setting", column("key"), column("value"))
        try:
            rows = self.session.execute(
                select(setting.c.key, setting.c.value).where(setting.c.key.in_(preferences.KEYS))
            )
            values: dict[str, str | None] = {key: value for key, value in rows}
        except DBAPIError:  # not initialised yet: the command says so itself
            self.session.rollback()
            return
        try:
            preferences.apply(values)
        except DomainError:
            self.session.close()
            raise

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back what was not committed and detaches the rows without expiring
        # them, so views built from them stay readable after the block.
        self.session.close()
        if isinstance(exc, (DBAPIError, StaleDataError)):
            raise translate(exc, self.url, self.subject) from exc

    def commit(self) -> None:
        try:
            self.session.commit()
        except (DBAPIError, StaleDataError) as exc:
            self.session.rollback()
            raise translate(exc, self.url, self.subject) from exc
        self.committed = True


def translate(exc: BaseException, url: str, subject: str | None = None) -> DomainError:
    """A database failure as one sentence the coordinator can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = db.describe(url)
    if isinstance(exc, StaleDataError):
        return ConcurrentChange(
            _("{value} was changed by someone else in the meantime; run the command again.").format(
                value=subject or _("the region")
            )
        )
    if "database is locked" in text or "could not serialize" in text or "deadlock" in text:
        return ConcurrentChange(
            _(
                "{value} was being changed by someone else at the same moment; run the "
                "command again."
            ).format(value=subject or _("the database"))
        )
    if "no such table" in text or ("relation" in text and "does not exist" in text):
        return DatabaseUnavailable(
            _("the database {where} is not initialised; run 'aksansi init' first.").format(
                where=where
            )
        )
    if isinstance(exc, (OperationalError, ProgrammingError)) or "connect" in text:
        return DatabaseUnavailable(
            _("cannot use the database {where}: {first_line}").format(
                where=where, first_line=_first_line(exc)
            )
        )
    return DatabaseUnavailable(
        _("the database {where} refused the change: {first_line}").format(
            where=where, first_line=_first_line(exc)
        )
    )


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0]
