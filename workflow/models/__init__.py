"""All mapped tables. Importing this package registers every model on `Base.metadata`."""

from workflow.models.audit import AuditEntry
from workflow.models.base import Base
from workflow.models.letters import (
    AgreementDraft,
    IncomingLetter,
    Letter,
    LetterCounter,
    Setting,
)
from workflow.models.region import Region, RegionAlias

__all__ = [
    "AgreementDraft",
    "AuditEntry",
    "Base",
    "IncomingLetter",
    "Letter",
    "LetterCounter",
    "Region",
    "RegionAlias",
    "Setting",
]
