"""Files that belong to a transaction: moved into place after the commit, removed on a
rollback.

A letter's file names its number, and the number is the register's only after the
commit: `stage(session, staged)` keeps a file written under a temporary name (see
`documents.output.stage_file`) with the session, moves it into place when the
session's outermost transaction commits, and deletes it when that transaction ends
any other way (rollback, a failed commit, a closed session), so a refused transaction
(read-only file, lock, full disk) leaves no letter on disk for a number never taken.
A file that cannot be placed after the commit is left under its temporary name and
reported in `session.info["unplaced_files"]`; its text is in the register.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from documents.errors import DocumentError
from documents.output import StagedFile

PENDING = "aksansi_staged_files"
HOOKED = "aksansi_staged_files_hooked"
UNPLACED = "unplaced_files"


def stage(session: Session, staged: StagedFile) -> None:
    """Place `staged` when `session` commits; discard it if it does not."""
    if not session.info.get(HOOKED):
        event.listen(session, "after_commit", _place_pending)
        event.listen(session, "after_transaction_end", _discard_pending)
        session.info[HOOKED] = True
    session.info.setdefault(PENDING, []).append(staged)


def discard(session: Session) -> None:
    """Remove every file staged in `session` and not yet placed."""
    for staged in session.info.pop(PENDING, []):
        staged.discard()


def _place_pending(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint was released: the outer transaction may still roll back
    unplaced: list[str] = session.info.setdefault(UNPLACED, [])
    for staged in session.info.pop(PENDING, []):
        try:
            staged.place()
        except DocumentError as exc:
            unplaced.append(exc.message)


def _discard_pending(session: Session, transaction: SessionTransaction, *_: Any) -> None:
    if transaction.parent is None:
        discard(session)
