"""What a refused command must leave as it was: every row of every table, every file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select


def db_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order."""
    from workflow.infrastructure import db
    from workflow.infrastructure.models import load_all

    tables = load_all().metadata.sorted_tables
    with db.engine_for(db.database_url(url)).connect() as conn:
        return {
            table.name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
            for table in tables
        }


def files_under(folder: Path) -> dict[str, bytes]:
    """Each file below `folder` (hidden temporaries too) with its bytes."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }
