"""A Babel extraction method for the command modules: `babel.cfg` names it for `cli.py`
and `commands/`.

It finds what Babel's Python extractor finds (`_()`, `ngettext()`, `N_()` calls) and
also what click shows in `--help`: the docstring of every command and group and the
`help=`, `short_help=` and `epilog=` texts of commands and options. These stay plain
literals in the code; `cli.py` translates them when help is printed, with the
same cleaning click applies (`inspect.cleandoc`, cut at the first form feed).
"""

from __future__ import annotations

import ast
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from workflow.i18n import help_key

CLICK_CALLS = frozenset(
    {"command", "group", "option", "argument", "version_option", "help_option", "password_option"}
)
HELP_KEYWORDS = ("help", "short_help", "epilog")


def extract_commands(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[Any, ...]]:
    from babel.messages.extract import extract_python

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    for lineno, text in help_texts(ast.parse(source)):
        yield lineno, None, text, []


def extract_states(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[Any, ...]]:
    """The English texts of a `states/` table, which imports nothing of ours and so
    cannot call `_()`: babel.cfg names, per file, the `fields` (keyword arguments or dict
    keys) and the `tables` (module-level dicts whose every string value is a text).
    The code that shows one translates it with `_()`."""
    from babel.messages.extract import extract_python

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    fields = set(options.get("fields", "").split(","))
    tables = set(options.get("tables", "").split(","))
    for node in ast.walk(ast.parse(source)):
        for lineno, text in _state_texts(node, fields, tables):
            yield lineno, None, text, []


def _state_texts(node: ast.AST, fields: set[str], tables: set[str]) -> Iterator[tuple[int, str]]:
    if isinstance(node, ast.keyword) and node.arg in fields and _is_text(node.value):
        yield node.value.lineno, node.value.value  # type: ignore[attr-defined]
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and key.value in fields and _is_text(value):
                yield value.lineno, value.value  # type: ignore[attr-defined]
    elif isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        if names & tables and isinstance(node.value, ast.Dict):
            for value in node.value.values:
                if _is_text(value):
                    yield value.lineno, value.value  # type: ignore[attr-defined]


def help_texts(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, text) of every click help text and command docstring in a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_click_call(node):
            for keyword in node.keywords:
                if keyword.arg in HELP_KEYWORDS and _is_text(keyword.value):
                    yield keyword.value.lineno, help_key(keyword.value.value)  # type: ignore[attr-defined]
        elif isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Call) and _is_click_call(d) for d in node.decorator_list
        ):
            doc = ast.get_docstring(node, clean=False)
            if doc and help_key(doc):
                yield node.lineno, help_key(doc)


def _is_click_call(node: ast.Call) -> bool:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in CLICK_CALLS


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value)


# --- The catalogs: update from the code (`make messages`) and compile (`make catalogs`).
# Babel's API, with options chosen so that two engineers' additions merge cleanly:
# entries sorted by message, no source locations, no dates rewritten on every run.

LANGUAGES = ("id", "en")


def compile_catalogs(locale_dir: Path, domain: str = "aksansi") -> list[Path]:
    """Every `<lang>/LC_MESSAGES/<domain>.po` under `locale_dir` to its `.mo` (fuzzy left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parents[1].name, domain=domain)
        mo = po.with_suffix(".mo")
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as handle:
            write_mo(handle, catalog)
        tmp.replace(mo)
        written.append(mo)
    return written


def update_catalogs(template: Path, locale_dir: Path, domain: str = "aksansi") -> dict[str, int]:
    """Merge the extracted template into each language's catalog; English is the source,
    so its entries are filled from the message itself. Returns the untranslated count."""
    from babel.messages.pofile import read_po

    with template.open("rb") as handle:
        pot = read_po(handle)
    missing = {}
    for code in LANGUAGES:
        po = locale_dir / code / "LC_MESSAGES" / f"{domain}.po"
        catalog = _read_or_new(po, code, domain)
        catalog.update(pot, update_creation_date=False)
        if code == "en":
            _fill_from_source(catalog)
        catalog.fuzzy = False
        write_catalog(po, catalog)
        missing[code] = len(untranslated(catalog))
    return missing


def untranslated(catalog: Any) -> list[Any]:
    """Entries with an empty or fuzzy translation (the header excluded)."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            found.append(message)
    return found


def _read_or_new(po: Path, code: str, domain: str) -> Any:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    if po.exists():
        with po.open("rb") as handle:
            return read_po(handle, locale=code, domain=domain)
    po.parent.mkdir(parents=True, exist_ok=True)
    return Catalog(locale=code, domain=domain, project="aksansi", fuzzy=False)


def _fill_from_source(catalog: Any) -> None:
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = (message.id[0], message.id[1])
        else:
            message.string = message.id
        message.flags.discard("fuzzy")


def write_catalog(po: Path, catalog: Any) -> None:
    """Sorted by message, no locations, no obsolete entries: the layout that merges well."""
    from babel.messages.pofile import write_po

    tmp = po.with_suffix(".po.tmp")
    with tmp.open("wb") as handle:
        write_po(
            handle,
            catalog,
            width=100,
            no_location=True,
            sort_output=True,
            ignore_obsolete=True,
            include_previous=False,
        )
    tmp.replace(po)
