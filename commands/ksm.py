"""Commands: the KSM registry, pre-monitoring import and the region report (`aksansi ksm …`)."""

from __future__ import annotations

from typing import Any

import click

from commands._common import (
    Settings,
    echo_json,
    json_option,
    overwrite_option,
    pass_settings,
)
from states.formats import KSM_REPORT_FORMATS
from states.ksm_fields import FACILITY_KINDS
from workflow.i18n import _


@click.group()
def ksm() -> None:
    """KSMs, their facilities and pre-monitoring visits."""


@ksm.command("add")
@click.argument("region")
@click.argument("name")
@click.option("--kecamatan", help="The kecamatan.")
@click.option("--desa", help="The desa/kelurahan.")
@click.option("--facility", type=click.Choice(FACILITY_KINDS), help="A facility the KSM runs.")
@click.option("--year-built", type=int, help="The year the facility was built.")
@click.option("--capacity-kk", type=int, help="Design capacity in households (KK).")
@click.option("--sr-designed", type=int, help="House connections (SR) in the design.")
@json_option
@pass_settings  # type: ignore[arg-type]  # click types a pass decorator without **kwargs
def add(settings: Settings, region: str, name: str, as_json: bool, **facility: Any) -> None:
    """Register a KSM of REGION (or add a facility to a known one)."""
    from workflow.services.ksm import NewKsm, add_ksm

    view = add_ksm(settings.uow(), region, NewKsm(name=name, **facility), actor=settings.who())
    if as_json:
        echo_json(view)
        return
    kinds = ", ".join(f["kind"] for f in view["facilities"]) or _("no facility yet")
    click.echo(f"KSM {view['id']} {view['name']} ({view['region_name']}): {kinds}.")


@ksm.command("list")
@click.option("--region", "region", metavar="REGION", help="Only this region's KSMs.")
@json_option
@pass_settings
def list_(settings: Settings, region: str | None, as_json: bool) -> None:
    """KSMs with their facilities and latest scores."""
    from commands._ksm_text import print_ksm_table
    from workflow.services.ksm import list_ksms

    listing = list_ksms(settings.uow(read_only=True), region)
    if as_json:
        echo_json(listing.ksms)
    else:
        print_ksm_table(listing.ksms)
    if listing.suggestion:
        click.echo(_("Suggestion: {text}").format(text=listing.suggestion), err=True)


@ksm.command("show")
@click.argument("ksm_id", metavar="ID", type=int)
@json_option
@pass_settings
def show(settings: Settings, ksm_id: int, as_json: bool) -> None:
    """One KSM: facilities and every pre-monitoring visit with its scores."""
    from commands._ksm_text import print_ksm
    from workflow.services.ksm import show_ksm

    view = show_ksm(settings.uow(read_only=True), ksm_id)
    echo_json(view) if as_json else print_ksm(view)


@ksm.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and say what would change; write nothing."
)
@json_option
@pass_settings
def import_(settings: Settings, file: str, dry_run: bool, as_json: bool) -> None:
    """Import FILE.csv or FILE.xlsx (one row per KSM visit); all rows or none."""
    from pathlib import Path

    from workflow.services.ksm_import import import_ksm_file

    result = import_ksm_file(settings.uow(), Path(file), actor=settings.who(), dry_run=dry_run)
    if as_json:
        echo_json(result)
        return
    click.echo(
        (_("dry run, nothing written: ") if dry_run else "")
        + _(
            "{file}: {rows} rows; {ksm_added} KSM(s) and {facilities_added} "
            "facilities added, {assessments_recorded} visit(s) recorded, "
            "{assessments_updated} updated, {unchanged} unchanged."
        ).format(
            file=result.file,
            rows=result.rows,
            ksm_added=result.ksm_added,
            facilities_added=result.facilities_added,
            assessments_recorded=result.assessments_recorded,
            assessments_updated=result.assessments_updated,
            unchanged=result.unchanged,
        )
    )


@ksm.command("template")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="PATH",
    help="Where to write it: FILE.xlsx (with help) or FILE.csv (header only); a folder "
    "gets pre-monitoring-ksm.xlsx.",
)
@overwrite_option
def template(output: str, overwrite: bool) -> None:
    """Write the blank pre-monitoring sheet the field staff fill."""
    from documents.output import shown
    from workflow.domain.ksm.template import write_template

    path = write_template(output, overwrite=overwrite)
    click.echo(_("Wrote {path}.").format(path=shown(path)))


@ksm.command("report")
@click.argument("region")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(KSM_REPORT_FORMATS),
    default="md",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File or folder to write [default: AKSANSI_OUTPUT_DIR/<year>/<code>/…].",
)
@overwrite_option
@pass_settings
def report(settings: Settings, region: str, fmt: str, output: str | None, overwrite: bool) -> None:
    """Write the Laporan Hasil Pre-Monitoring KSM of REGION for the Pemda."""
    from workflow.services.ksm_report import write_region_report

    written = write_region_report(
        settings.uow(read_only=True), region, fmt, output, overwrite=overwrite
    )
    for path in written.files:
        click.echo(_("Wrote {path}.").format(path=path))
    if written.suggestion:
        click.echo(_("Suggestion: {text}").format(text=written.suggestion), err=True)


COMMANDS: list[click.Command] = [ksm]
