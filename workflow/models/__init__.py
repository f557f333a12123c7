"""All mapped tables. Importing this package registers every model on `Base.metadata`."""

from workflow.models.audit import AuditEntry
from workflow.models.base import Base
from workflow.models.region import Region, RegionAlias
from workflow.models.reminder import HolidayOverride, Reminder

__all__ = ["AuditEntry", "Base", "HolidayOverride", "Region", "RegionAlias", "Reminder"]
