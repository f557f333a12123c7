"""All mapped tables. Importing this package registers every model on `Base.metadata`."""

from workflow.models.audit import AuditEntry
from workflow.models.base import Base
from workflow.models.blocker import Blocker
from workflow.models.ksm import Assessment, Facility, Ksm
from workflow.models.letters import (
    AgreementDraft,
    IncomingLetter,
    Letter,
    LetterCounter,
    Setting,
)
from workflow.models.official import Official
from workflow.models.region import Region, RegionAlias
from workflow.models.reminder import HolidayOverride, Reminder

__all__ = [
    "AgreementDraft",
    "Assessment",
    "AuditEntry",
    "Base",
    "Blocker",
    "Facility",
    "HolidayOverride",
    "IncomingLetter",
    "Ksm",
    "Letter",
    "LetterCounter",
    "Official",
    "Region",
    "RegionAlias",
    "Reminder",
    "Setting",
]
