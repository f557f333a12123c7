"""All mapped tables, each loaded on first use.

`from workflow.models import Region` imports only the module that maps Region (and what
it refers to), so a read command does not pay for mapping the KSM or letter tables it
never touches (~15 ms of start-up). `Base` loads every model first: whoever asks for
the metadata (Alembic, the schema check, the test fixtures) gets all the tables.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULE_OF = {
    "AuditEntry": "audit",
    "Blocker": "blocker",
    "Assessment": "ksm",
    "Facility": "ksm",
    "Ksm": "ksm",
    "AgreementDraft": "letters",
    "IncomingLetter": "letters",
    "Letter": "letters",
    "LetterCounter": "letters",
    "Setting": "letters",
    "Official": "official",
    "Region": "region",
    "RegionAlias": "region",
    "HolidayOverride": "reminder",
    "Reminder": "reminder",
}

# The tables other tables' foreign keys point at (a module whose table refers to another
# module's table must have that module here, or import it itself).
_REFERRED = ("region", "audit")

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


def __getattr__(name: str) -> Any:
    if name == "Base":
        for module in sorted(set(_MODULE_OF.values())):
            import_module(f"workflow.models.{module}")
        return import_module("workflow.models.base").Base
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'workflow.models' has no attribute {name!r}")
    for needed in _REFERRED:  # a flush needs the tables a row's foreign keys point at
        import_module(f"workflow.models.{needed}")
    return getattr(import_module(f"workflow.models.{module}"), name)
