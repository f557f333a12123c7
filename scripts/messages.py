"""`make messages`: extract every message from the code, update the `id` and `en`
catalogs, compile them, and list what still needs an Indonesian translation.
`make catalogs` (`messages.py compile`) only compiles. `messages.py resolve`, during a
`git merge` that conflicts in the catalogs, keeps both sides' entries (then run
`make messages`). See the README, "Translations"."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workflow.i18n_tools import compile_catalogs, untranslated, update_catalogs  # noqa: E402

LOCALE = ROOT / "workflow" / "locale"
TEMPLATE = ROOT / "build" / "aksansi.pot"


def extract() -> None:
    from babel.messages.frontend import CommandLineInterface

    TEMPLATE.parent.mkdir(exist_ok=True)
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "--no-location",
            "--sort-output",
            "-w",
            "100",
            "--project",
            "aksansi",
            "-o",
            str(TEMPLATE),
            str(ROOT),
        ]
    )


def report() -> int:
    from babel.messages.pofile import read_po

    po = LOCALE / "id" / "LC_MESSAGES" / "aksansi.po"
    with po.open("rb") as handle:
        todo = untranslated(read_po(handle, locale="id"))
    for message in todo:
        print(f"  to translate (id): {message.id!r}")
    print(f"{len(todo)} message(s) still need Indonesian in {po.relative_to(ROOT)}")
    return len(todo)


def resolve() -> None:
    """Both sides of a conflicted catalog: every entry of ours, plus theirs where ours
    lacks it or has no translation."""
    import subprocess
    from io import BytesIO

    from babel.messages.pofile import read_po

    from workflow.i18n_tools import untranslated, write_catalog

    for code in ("id", "en"):
        path = f"workflow/locale/{code}/LC_MESSAGES/aksansi.po"
        sides = []
        for stage in (2, 3):
            shown = subprocess.run(["git", "show", f":{stage}:{path}"], capture_output=True)
            if shown.returncode:
                break
            sides.append(read_po(BytesIO(shown.stdout), locale=code, domain="aksansi"))
        if len(sides) < 2:
            continue
        ours, theirs = sides
        empty = {m.id for m in untranslated(ours)}
        for message in theirs:
            if message.id and (message.id not in ours or message.id in empty):
                ours[message.id] = message
        write_catalog(ROOT / path, ours)
        subprocess.run(["git", "add", path], check=True)
        print(f"resolved {path}")


def main(argv: list[str]) -> int:
    if argv[1:] == ["resolve"]:
        resolve()
        return 0
    if argv[1:] != ["compile"]:
        extract()
        update_catalogs(TEMPLATE, LOCALE)
        report()
    for mo in compile_catalogs(LOCALE):
        print(f"compiled {mo.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
