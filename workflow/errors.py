"""Expected failures. Each carries its exit code; `cli.py` is the one place that exits."""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A refused or failed operation the user can understand and act on."""

    exit_code: ClassVar[int] = 1
    code: ClassVar[str] = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(DomainError):
    code = "invalid-input"


class NotFound(DomainError):
    code = "not-found"


class RegionNotFound(NotFound):
    code = "unknown-region"


class AmbiguousRegion(DomainError):
    code = "ambiguous-region"


class InvalidTransition(DomainError):
    code = "invalid-transition"


class GuardRefused(DomainError):
    code = "guard-refused"


class PolicyViolation(DomainError):
    code = "policy"


class ConcurrentChange(DomainError):
    code = "changed-elsewhere"


class DatabaseUnavailable(DomainError):
    code = "database"


class BadFile(DomainError):
    code = "bad-file"


class MissingField(DomainError):
    """A document needs a value the database does not have; the message says how to set it,
    and `fix` is that command alone (the worklist shows it beside a letter not produced)."""

    code = "missing-field"

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.fix = fix


class DocumentProblem(DomainError):
    """A template or output problem reported by `documents/` (see `documents.errors`)."""

    code = "document"
