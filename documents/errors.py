"""Why a document could not be made. `documents/` imports nothing of ours; the services
that call it turn a `DocumentError` into the engine's `DomainError` (one sentence)."""

from __future__ import annotations


class DocumentError(Exception):
    """A template or an output that cannot be used; the message says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TemplateProblem(DocumentError):
    """Syntax error, sandbox refusal, unknown value, missing template."""


class OutputProblem(DocumentError):
    """Unknown format, PDF without LibreOffice, a file that cannot be written."""
