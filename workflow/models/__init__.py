"""All mapped tables. Importing this package registers every model on `Base.metadata`."""

from workflow.models.audit import AuditEntry
from workflow.models.base import Base
from workflow.models.ksm import Assessment, Facility, Ksm
from workflow.models.region import Region, RegionAlias

__all__ = ["Assessment", "AuditEntry", "Base", "Facility", "Ksm", "Region", "RegionAlias"]
