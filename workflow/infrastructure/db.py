"""Engine and session factory, built lazily from configuration (never at import).

SQLite: WAL, foreign keys on, a busy timeout, and `BEGIN IMMEDIATE` for write
transactions so two writers queue instead of failing half-way. PostgreSQL goes
through psycopg 3 with the same code.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from workflow import collector
from workflow.errors import DatabaseUnavailable
from workflow.i18n import _

READ_ONLY = "aksansi_read_only"


def default_database_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aksansi" / "aksansi.sqlite3"


def database_url(value: str | None = None) -> str:
    """`--db` / AKSANSI_DB as a SQLAlchemy URL; a plain path means a SQLite file."""
    value = value or os.environ.get("AKSANSI_DB") or str(default_database_path())
    if "://" not in value:
        return _sqlite_url(value)
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _sqlite_url(value: str) -> str:
    return f"sqlite:///{Path(value).expanduser()}"


@functools.lru_cache(maxsize=64)  # every unit of work asks (require_database): parse once
def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    parsed = make_url(url)
    name = parsed.database or ""
    if not parsed.drivername.startswith("sqlite") or name in ("", ":memory:"):
        return None
    return None if name.startswith("file:") else Path(name)


def require_database(url: str) -> None:
    """Refuse a SQLite file that does not exist, before SQLite creates an empty one:
    only `aksansi init` creates a database (`prepare_new_database`)."""
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise DatabaseUnavailable(
            _(
                "there is no database at {path}; create it with 'aksansi init', or point "
                "--db / AKSANSI_DB at yours."
            ).format(path=shown_path(path))
        )


def prepare_new_database(url: str) -> bool:
    """For `init`: make the folder of a new SQLite file; True if the file is new."""
    path = sqlite_file(url)
    if path is None or path.exists():
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(
            _("cannot create the folder for the database {path}: {reason}.").format(
                path=shown_path(path), reason=exc.strerror or exc
            )
        ) from None
    return True


def shown_path(path: Path) -> str:
    """A path that can always be printed (undecodable bytes as escapes)."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


_ENGINES: dict[str, Engine] = {}


def engine_for(url: str) -> Engine:
    """One engine per database URL per process. Whatever first reaches the database — a
    unit of work, the sweep, the KSM import — has its imports done: the cyclic collector,
    paused while a run starts, collects again from here (`workflow/collector.py`). The
    sweep opens no unit of work, so resuming only there left it without the collector:
    200 Word letters, whose python-docx objects are cycles, peaked at 1,088 MB."""
    collector.resume()
    if url not in _ENGINES:
        _ENGINES[url] = _create(url)
    return _ENGINES[url]


def _create(url: str) -> Engine:
    try:
        engine = create_engine(url, **_engine_options(url))
    except Exception as exc:  # a malformed URL or a missing driver
        raise DatabaseUnavailable(f"cannot open the database {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    from workflow.infrastructure.column_limits import check_statement

    event.listen(engine, "before_execute", check_statement)  # ORM flushes and Core alike
    return engine


def _engine_options(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        return {}
    return {"pool_pre_ping": True}


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (Python 3.11)
        cursor = dbapi_conn.cursor()
        for pragma in (
            "foreign_keys=ON",
            "journal_mode=WAL",
            "busy_timeout=10000",
            "synchronous=NORMAL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


_FACTORIES: dict[str, sessionmaker[Session]] = {}


def session_factory(url: str) -> sessionmaker[Session]:
    """One sessionmaker per URL: building one per command costs ~0.15 ms of event set-up.
    A SQLite file that does not exist is refused (only `init` creates one)."""
    collector.resume()  # as in engine_for, which a cached factory does not call
    require_database(url)
    if url not in _FACTORIES:
        _FACTORIES[url] = sessionmaker(engine_for(url), expire_on_commit=False)
    return _FACTORIES[url]


def dispose_all() -> None:
    """Close every pooled connection (tests that drop their database need this)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()
    _FACTORIES.clear()


def dispose(url: str) -> None:
    """Close and forget one database's engine (a test's own file, say)."""
    engine = _ENGINES.pop(url, None)
    _FACTORIES.pop(url, None)
    if engine is not None:
        engine.dispose()
