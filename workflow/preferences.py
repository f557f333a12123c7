"""The database's interface preferences: `ui.language` and `org.timezone`.

Part of the shared kernel (with `workflow.errors` and `workflow.i18n`): the unit of work
sets them, the clock and the messages read them. They are read once per run, by the first
unit of work that opens the database (so `--help`, which opens none, costs nothing).
`AKSANSI_LANG` wins over `ui.language`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workflow import i18n
from workflow.errors import InvalidInput

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

KEYS = ("ui.language", "org.timezone")


class _Run:
    read = False
    zone: str | None = None


def reset() -> None:
    """A new run: the language and zone are read again from the environment and database."""
    _Run.read = False
    _Run.zone = None
    i18n.reset()


def pending() -> bool:
    return not _Run.read


def apply(values: dict[str, str | None]) -> None:
    """Use the stored values (an unknown language or zone is refused in the chosen language)."""
    _Run.read = True
    i18n.use_stored(values.get("ui.language"))
    zone = values.get("org.timezone")
    if zone:
        check_zone(zone)
    _Run.zone = zone


def zone_name() -> str | None:
    """The stored `org.timezone`, or None for the default (Asia/Jakarta)."""
    return _Run.zone


def check_zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or a refusal with the three Indonesian zones as examples."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # not at start-up: ~3 ms

    from workflow.i18n import _

    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise InvalidInput(
            _(
                "{name!r} is not a known time zone; use one such as Asia/Jakarta (WIB), "
                "Asia/Makassar (WITA) or Asia/Jayapura (WIT)."
            ).format(name=name)
        ) from None
