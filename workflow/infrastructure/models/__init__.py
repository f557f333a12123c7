"""The mapped tables, one module per area, imported on first use.

`from workflow.infrastructure.models import Region` loads only the module that defines
`Region` (PEP 562 `__getattr__`): a read command then pays for the ORM classes it uses, not for
all of them (~2 ms each). Whatever needs the whole schema (Alembic, the tests) calls `load_all()`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from workflow.infrastructure.models.base import Base

if TYPE_CHECKING:  # the real classes for mypy; at run time each loads on first use
    from workflow.infrastructure.models.audit import AuditEntry
    from workflow.infrastructure.models.blocker import Blocker
    from workflow.infrastructure.models.drafts import AgreementDraft
    from workflow.infrastructure.models.kb import MouRecord
    from workflow.infrastructure.models.ksm import Assessment, Facility, Ksm
    from workflow.infrastructure.models.letters import Letter
    from workflow.infrastructure.models.official import Official
    from workflow.infrastructure.models.region import Region, RegionAlias
    from workflow.infrastructure.models.register import IncomingLetter, LetterCounter
    from workflow.infrastructure.models.reminder import HolidayOverride, Reminder
    from workflow.infrastructure.models.settings import Setting

_HOMES = {
    "AuditEntry": "audit",
    "Blocker": "blocker",
    "Assessment": "ksm",
    "Facility": "ksm",
    "Ksm": "ksm",
    "MouRecord": "kb",
    "AgreementDraft": "drafts",
    "IncomingLetter": "register",
    "Letter": "letters",
    "LetterCounter": "register",
    "Setting": "settings",
    "Official": "official",
    "Region": "region",
    "RegionAlias": "region",
    "HolidayOverride": "reminder",
    "Reminder": "reminder",
}

# The tables other tables' foreign keys point at: a flush sorts the tables by their
# foreign keys and fails on one whose target table is not mapped (NoReferencedTableError),
# so these load with any model. A new model referring to another module's table adds
# that module here (or imports it itself, as reminder.py imports audit).
_REFERRED = ("region",)

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
    "MouRecord",
    "Official",
    "Region",
    "RegionAlias",
    "Reminder",
    "Setting",
    "load_all",
]  # written out for mypy; a test checks it against _HOMES


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for needed in _REFERRED:
        importlib.import_module(f"{__name__}.{needed}")
    module = importlib.import_module(f"{__name__}.{_HOMES[name]}")
    return getattr(module, name)


def load_all() -> type[Base]:
    """Import every model module, so `Base.metadata` holds the whole schema."""
    for module in sorted(set(_HOMES.values())):
        importlib.import_module(f"{__name__}.{module}")
    return Base
