"""Commands: report portfolio — the board's quarterly report."""

from __future__ import annotations

import click

from commands._common import Settings, echo_json, overwrite_option, parse_day, pass_settings
from workflow.i18n import _


@click.group()
def report() -> None:
    """Reports for the association's board."""


@report.command("portfolio")
@click.option("--from", "start", metavar="DATE", help="First day of the period.")
@click.option("--to", "end", metavar="DATE", help="Last day of the period.")
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    help="html, docx, xlsx, pdf or json [default: the first of letter.formats that is "
    "docx or html, else docx].",
)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File or folder to write [default: AKSANSI_OUTPUT_DIR/laporan/].",
)
@overwrite_option
@pass_settings
def portfolio(
    settings: Settings,
    start: str | None,
    end: str | None,
    fmt: str | None,
    output: str | None,
    overwrite: bool,
) -> None:
    """The portfolio of a period (default: the last full quarter), with charts."""
    from workflow.services.report import write_portfolio_report

    written = write_portfolio_report(
        settings.uow(read_only=True),
        start=parse_day(start, what="--from"),
        end=parse_day(end, what="--to"),
        fmt=fmt.strip().lower() if fmt else None,
        output=output,
        overwrite=overwrite,
    )
    if written.path is None:
        echo_json(written.figures)
        return
    click.echo(
        _("Portfolio report {start} – {end} ({fmt}) → {path}").format(
            start=written.start.isoformat(),
            end=written.end.isoformat(),
            fmt=written.format,
            path=written.path,
        )
    )


COMMANDS: list[click.Command] = [report]
