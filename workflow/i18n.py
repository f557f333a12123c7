"""The interface language: every sentence a person reads goes through `_` or `ngettext`.

Letters and agreements are Indonesian whatever the interface language, so `documents/`
never calls these. Until the message catalogs land (the Bahasa issue), the functions
return the English source text; the call sites are what matter now, because
`pybabel extract` finds them by these names.
"""

from __future__ import annotations


def _(message: str) -> str:
    """The message in the interface language."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for `n`, in the interface language."""
    return singular if n == 1 else plural


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (module-level tables)."""
    return message
