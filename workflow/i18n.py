"""The interface language: every sentence a person reads goes through `_` or `ngettext`.

The source text is English; the catalogs (`workflow/locale/<lang>/LC_MESSAGES/aksansi.mo`,
managed with Babel: see the README, "Translations") give Indonesian (`id`, the default)
and English (`en`). The language is `AKSANSI_LANG`, else the database's `ui.language`
(read once, when a command first opens the database), else `id`. A catalog is loaded
once per process, on the first message that needs it: `--version` loads none.

Letters and agreements are Indonesian whatever the interface language, so `documents/`
never calls these. `N_` only marks a message for extraction (module-level tables); the
code that shows it calls `_` on it then.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "aksansi"
# os.path, not pathlib: an installed `aksansi --help` imports nothing else that needs
# pathlib, which costs ~4 ms of a ~65 ms start-up.
LOCALE_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "locale")
SUPPORTED = ("id", "en")
DEFAULT = "id"
ENV = "AKSANSI_LANG"


class _State:
    """The process's language: chosen by the environment or the database, reset per run."""

    stored: str | None = None  # from the database's ui.language
    document: str | None = None  # `in_document_language`: a document's text, for a while
    catalogs: ClassVar[dict[str, NullTranslations]] = {}
    wrap: Callable[[str], str] | None = None  # the pseudo-locale's markers (tests)


def reset() -> None:
    """Forget the chosen language (each CLI run starts here; the catalogs stay loaded)."""
    _State.stored = None


def check_language(value: str, *, source: str) -> str:
    """`value` if it is a supported language, else a refusal naming the supported ones."""
    code = _normal(value)
    if code in SUPPORTED:
        return code
    from workflow.errors import InvalidInput

    raise InvalidInput(
        _("{source} {value!r} is not a supported language; the languages are: {languages}.").format(
            source=source, value=value, languages=", ".join(SUPPORTED)
        )
    )


def check_environment() -> None:
    """Refuse an AKSANSI_LANG that names no supported language (in the default one)."""
    value = os.environ.get(ENV, "").strip()
    if value:
        check_language(value, source=ENV)


def use_stored(value: str | None) -> None:
    """The database's `ui.language`; it counts only where AKSANSI_LANG is not set."""
    if value and not os.environ.get(ENV, "").strip():
        _State.stored = check_language(value, source="ui.language")


def language() -> str:
    """The interface language now: AKSANSI_LANG, else ui.language, else `id`."""
    if _State.document:
        return _State.document
    value = _normal(os.environ.get(ENV, ""))
    if value in SUPPORTED:
        return value
    return _State.stored or DEFAULT


@contextmanager
def in_document_language(code: str = DEFAULT) -> Iterator[None]:
    """Messages and labels in `code` for a while, whatever the interface language and
    unmarked by the pseudo-locale: the text a document quotes from the engine (the board's
    report quotes each stalled region's next action in Indonesian)."""
    saved = _State.document, _State.wrap
    _State.document, _State.wrap = code, None
    try:
        yield
    finally:
        _State.document, _State.wrap = saved


def _normal(value: str) -> str:
    """`id`, `ID`, `id_ID.UTF-8`, `en-GB` → the language code."""
    return value.strip().lower().replace("_", "-").split(".")[0].split("-")[0]


def _catalog() -> NullTranslations:
    code = language()
    found = _State.catalogs.get(code)
    if found is None:
        found = _State.catalogs[code] = _load(code)
    return found


def _load(code: str) -> NullTranslations:
    """The compiled catalog; compiled from the .po in memory when the .mo is missing or
    older (a fresh checkout before `make`, or a .po just edited)."""
    import gettext

    folder = os.path.join(LOCALE_DIR, code, "LC_MESSAGES")
    mo, po = os.path.join(folder, f"{DOMAIN}.mo"), os.path.join(folder, f"{DOMAIN}.po")
    if os.path.exists(po) and (not os.path.exists(mo) or _mtime(mo) < _mtime(po)):
        return gettext.GNUTranslations(_compile_in_memory(po, code))
    if os.path.exists(mo):
        with open(mo, "rb") as handle:
            return gettext.GNUTranslations(handle)
    return gettext.NullTranslations()


def _mtime(path: str) -> float:
    return os.stat(path).st_mtime


def _compile_in_memory(po: str, code: str):  # type: ignore[no-untyped-def]
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po, "rb") as handle:
        catalog = read_po(handle, locale=code, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return buffer


def _(message: str) -> str:
    """The message in the interface language."""
    catalog = _catalog()
    text = catalog.gettext(message)
    if _State.wrap and message in _entries(catalog):
        return _State.wrap(text)
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for `n`, in the interface language."""
    catalog = _catalog()
    text = catalog.ngettext(singular, plural, n)
    if _State.wrap and (singular, 0) in _entries(catalog):
        return _State.wrap(text)
    return text


def _entries(catalog: NullTranslations) -> dict[Any, str]:
    """The catalog's entries: the pseudo-locale marks only what the catalog translates, so a
    message missing from it shows unmarked."""
    return getattr(catalog, "_catalog", {})


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (module-level tables)."""
    return message


def help_key(text: str) -> str:
    """The catalog key of a click help text: cleaned as click cleans it, developer notes
    (after a form feed) cut. The extractor (`i18n_tools`) and `cli.py` both use it."""
    from inspect import cleandoc  # already imported by click

    return cleandoc(text).partition("\f")[0].strip()


def label(item: Mapping[str, Any], field: str = "label") -> str:
    """A bilingual entry of `states/` (`label_id`/`label_en`, or `text_id`/`text_en` with
    field="text") in the interface language."""
    text = item.get(f"{field}_{language()}") or item[f"{field}_{DEFAULT}"]
    return _State.wrap(text) if _State.wrap else text
