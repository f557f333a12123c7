"""The database's interface preferences: `ui.language` and `org.timezone`.

They are read once per run, by the first unit of work that opens the database (so
`--help`, which opens none, costs nothing). `AKSANSI_LANG` wins over `ui.language`.
"""

from __future__ import annotations

from workflow import i18n

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
    from workflow.domain.clock import check_zone

    _Run.read = True
    i18n.use_stored(values.get("ui.language"))
    zone = values.get("org.timezone")
    if zone:
        check_zone(zone)
    _Run.zone = zone


def zone_name() -> str | None:
    """The stored `org.timezone`, or None for the default (Asia/Jakarta)."""
    return _Run.zone
