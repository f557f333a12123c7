"""Commands: letter kinds / render / list / show / receive."""

from __future__ import annotations

import click

from commands._common import (
    echo_json,
    json_option,
    overwrite_option,
    parse_day,
    pass_settings,
)
from states.formats import OUTPUT_FORMATS
from workflow.i18n import _, ngettext

FORMAT = click.Choice(OUTPUT_FORMATS)


@click.group()
def letter() -> None:
    """Letters to a Pemda, numbered in the register (agenda surat keluar)."""


@letter.command("kinds")
@json_option
def kinds(as_json: bool) -> None:
    """List the letter kinds and what each is for."""
    from workflow.services.letters import letter_kinds

    views = letter_kinds()
    if as_json:
        echo_json(views)
        return
    for view in views:
        click.echo(f"{view.id:<22} {_(view.purpose)}")


@letter.command("render")
@click.argument("region")
@click.argument("kind")
@click.option(
    "--format",
    "fmt",
    type=FORMAT,
    help="md, html, docx or pdf [default: letter.formats, docx; a preview: md].",
)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File to write, or a folder (an existing one, or PATH/) for the usual name.",
)
@overwrite_option
@click.option("--preview", is_flag=True, help="Unnumbered, unstored, marked DRAF.")
@click.option(
    "--to", "to", metavar="POSITION", help='Addressee position, e.g. "Kepala Dinas PUPR".'
)
@click.option("--step", type=click.IntRange(1, 2), default=1, help="2: the second request.")
@click.option("--reply-to", metavar="NUMBER", help="Cite this incoming letter.")
@click.option("--on", "on", metavar="DATE", help="Letter date (default today).")
@json_option
@pass_settings
def render(  # type: ignore[no-untyped-def]
    settings, region, kind, fmt, output, overwrite, preview, to, step, reply_to, on, as_json
):
    """Render a letter for REGION: numbered, stored and written to a file."""
    from workflow.services import letters

    extra = {"to": to, "step": step, "reply_to": reply_to}
    day = parse_day(on)
    if preview:
        view = letters.preview_letter(
            settings.uow(),
            region,
            kind,
            fmt=fmt or "md",
            output=output,
            on=day,
            extra=extra,
            overwrite=overwrite,
        )
        if view.file is None:
            click.echo(view.markdown, nl=False)
        else:
            click.echo(
                _("DRAF {kind} for {region} (not numbered) → {file}").format(
                    kind=view.kind, region=view.region, file=view.file
                )
            )
        return
    letter_view = letters.render_letter(
        settings.uow(),
        region,
        kind,
        actor=settings.who(),
        fmt=fmt,
        output=output,
        on=day,
        extra=extra,
        overwrite=overwrite,
    )
    if as_json:
        echo_json(letter_view)
        return
    click.echo(f"{letter_view.number}  {letter_view.subject}")
    for path in letter_view.files.values():
        click.echo(f"  → {path}")


@letter.command("list")
@click.option("--region", "region", metavar="REGION")
@click.option("--year", type=int)
@click.option("--from", "start", metavar="DATE", help="Letters dated on or after DATE.")
@click.option("--to", "end", metavar="DATE", help="Letters dated on or before DATE.")
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    default="text",
    help="text (default), csv or xlsx: the agenda surat keluar as a file.",
)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File or folder for csv/xlsx [csv default: standard output].",
)
@overwrite_option
@json_option
@pass_settings
def list_(settings, region, year, start, end, fmt, output, overwrite, as_json) -> None:  # type: ignore[no-untyped-def]
    """The outgoing-letter register (agenda surat keluar), in number order."""
    from workflow.services import letters

    filters = {
        "region_text": region,
        "year": year,
        "start": parse_day(start, what="--from"),
        "end": parse_day(end, what="--to"),
    }
    fmt = fmt.strip().lower()
    if fmt != "text" or output is not None:
        written = letters.export_register(
            settings.uow(read_only=True), fmt=fmt, output=output, overwrite=overwrite, **filters
        )
        _register_written(written)
        return
    views = letters.list_letters(settings.uow(read_only=True), **filters)
    echo_json(views) if as_json else _register_text(views)


def _register_written(written) -> None:  # type: ignore[no-untyped-def]
    if written.path is None:
        click.echo(written.text, nl=False)
        return
    click.echo(
        ngettext(
            "{count} letter → {path}", "{count} letters → {path}", len(written.entries)
        ).format(count=len(written.entries), path=written.path)
    )


def _register_text(views) -> None:  # type: ignore[no-untyped-def]
    """One line per letter, its void mark at the end; under a sent letter, when and how."""
    if not views:
        click.echo(_("No letters in the register."))
        return
    from commands._render_corrections import void_mark
    from commands._table import columns

    rows = [(v.number, v.issued_on.isoformat(), v.region, v.kind, void_mark(v)) for v in views]
    headers = (_("Number"), _("Date"), _("Code"), _("Kind"), _("Void"))
    header, *lines = columns(headers, rows, width=80).splitlines()
    click.echo(header)
    for line, view in zip(lines, views, strict=True):
        click.echo(line)
        if view.sent_on is not None:
            click.echo("    " + _sent_line(view))


def _sent_line(view) -> str:  # type: ignore[no-untyped-def]
    from states.dispatch import VIA_WORDS

    how = VIA_WORDS.get(view.sent_via or "", view.sent_via or "")
    return _("sent on {day}, {how}").format(day=view.sent_on.isoformat(), how=_(how))


@letter.command("void")
@click.argument("number")
@click.option("--note", help="Why it is void (required), e.g. 'tercetak dua kali'.")
@pass_settings
def void(settings, number, note) -> None:  # type: ignore[no-untyped-def]
    """Void letter NUMBER (dibatalkan): kept in the register, never reused or cited."""
    from commands._render_corrections import letter_voided
    from workflow.services.letters import void_letter

    letter_voided(void_letter(settings.uow(), number, actor=settings.who(), note=note))


@letter.command("show")
@click.argument("number")
@click.option("--format", "fmt", type=FORMAT, help="Write it as a file in this format instead.")
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File to write, or a folder (an existing one, or PATH/) for the usual name.",
)
@overwrite_option
@pass_settings
def show(settings, number, fmt, output, overwrite) -> None:  # type: ignore[no-untyped-def]
    """Print a stored letter exactly as it was sent (Markdown), or write it as a file."""
    from workflow.services import letters

    void = letters.letter_void_state(settings.uow(read_only=True), number)
    if void is not None:
        from commands._render_corrections import letter_is_void

        letter_is_void(void)
    if fmt is None and output is None:
        click.echo(letters.show_letter(settings.uow(read_only=True), number), nl=False)
        return
    path = letters.export_letter(
        settings.uow(read_only=True), number, fmt=fmt or "md", output=output, overwrite=overwrite
    )
    click.echo(f"{number} → {path}")


@letter.command("receive")
@click.argument("region")
@click.option("--number", required=True, help="The sender's letter number.")
@click.option("--date", "dated", required=True, metavar="DATE", help="The letter's date.")
@click.option("--subject", required=True, help="Its Hal.")
@click.option("--sender", help='Who sent it, e.g. "Kepala Dinas PUPR Kota Mojokerto".')
@pass_settings
def receive(settings, region, number, dated, subject, sender) -> None:  # type: ignore[no-untyped-def]
    """Record an incoming letter so later letters can cite it."""
    from workflow.services.letters import receive_letter

    view = receive_letter(
        settings.uow(),
        region,
        number=number,
        dated=parse_day(dated, what="--date"),
        subject=subject,
        sender=sender,
        actor=settings.who(),
    )
    click.echo(
        _("Recorded incoming letter {number} ({isoformat}) for {region}.").format(
            number=view.number, isoformat=view.date.isoformat(), region=view.region
        )
    )


@letter.command("sent")
@click.argument("number")
@click.option("--on", "on", metavar="DATE", help="The day it went out (default today).")
@click.option("--via", metavar="HOW", help="post (default), email, courier, hand or other.")
@pass_settings
def sent(settings, number, on, via) -> None:  # type: ignore[no-untyped-def]
    """Record that letter NUMBER was sent; its follow-up leaves the worklist."""
    from commands._history_text import wrap
    from workflow.i18n import _
    from workflow.services.dispatch import letter_sent

    view = letter_sent(settings.uow(), number, actor=settings.who(), on=parse_day(on), via=via)
    click.echo(
        _("Letter {number} ({kind}, {region}) sent on {day} by {via}.").format(
            number=view.number,
            kind=view.kind,
            region=view.region_name,
            day=view.sent_on.isoformat(),
            via=view.via,
        )
    )
    for reminder_id in view.reminders_done:
        click.echo("  " + _("Reminder #{id} is done.").format(id=reminder_id))
    for blocker in view.blockers_resolved:
        line = _("Resolved blocker #{id} ({type}): its cause ended with this letter.")
        click.echo(wrap(line.format(id=blocker["id"], type=blocker["type"]), "  ", "    "))
    for reminder_id in view.cancelled:
        click.echo("  " + _("Cancelled follow-up #{id}.").format(id=reminder_id))


COMMANDS: list[click.Command] = [letter]
