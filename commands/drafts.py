"""Commands: mou / moa draft, versions, diff (versioned draft agreements)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from commands._common import (
    Settings,
    echo_json,
    json_option,
    overwrite_option,
    parse_day,
    pass_settings,
)
from states.formats import OUTPUT_FORMATS
from workflow.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from workflow.domain.kb import KbTerms

FORMAT = click.Choice(OUTPUT_FORMATS)
_Decorated = TypeVar("_Decorated", bound="Callable[..., Any] | click.Command")
# Help texts per agreement: plain literals (translated when help is shown).
DRAFT_HELP = {
    "mou": N_("Render a new version of the region's draft Kesepakatan Bersama (MoU)."),
    "moa": N_("Render a new version of the region's draft Perjanjian Kerja Sama (MoA)."),
}
GROUP_HELP = {
    "mou": N_("Draft Kesepakatan Bersama (MoU), versioned."),
    "moa": N_("Draft Perjanjian Kerja Sama (MoA), versioned."),
}
VERSIONS_HELP = {
    "mou": N_("List the versions of the region's draft Kesepakatan Bersama (MoU)."),
    "moa": N_("List the versions of the region's draft Perjanjian Kerja Sama (MoA)."),
}
DIFF_HELP = {
    "mou": N_("Show what changed between two versions of the draft Kesepakatan Bersama (MoU)."),
    "moa": N_("Show what changed between two versions of the draft Perjanjian Kerja Sama (MoA)."),
}


def _print_draft(view) -> None:  # type: ignore[no-untyped-def]
    click.echo(
        _("{region_name}: {agreement} draft version {version}").format(
            region_name=view.region_name, agreement=view.agreement, version=view.version
        )
    )
    for path in view.files.values():
        click.echo(f"  → {path}")


def _moa_options(function: _Decorated) -> _Decorated:
    """The PKS-only options of `moa draft`."""
    for option in reversed(
        (
            click.option(
                "--budget-item",
                "budget_items",
                multiple=True,
                metavar="NAME=AMOUNT",
                help="A line of Lampiran II (repeatable); the lines must add up to --budget.",
            ),
            click.option(
                "--mechanism",
                metavar="FILE.md",
                help="Lampiran I, the technical mechanism, from a Markdown file (UTF-8).",
            ),
            click.option(
                "--signatory",
                metavar="head|opd",
                help=(
                    "Who signs for the Pemda: the head of region, or the head of the "
                    "technical office under a power of attorney [default: head]."
                ),
            ),
            click.option(
                "--multi-year/--single-year",
                "multi_year",
                default=None,
                help=(
                    "Whether the cooperation burdens the APBD over several years (then the "
                    "DPRD must approve it) [default: as the previous version, else no]."
                ),
            ),
            click.option(
                "--unbudgeted/--budgeted",
                "unbudgeted",
                default=None,
                help=(
                    "Whether its spending is not yet in the APBD (then the DPRD must approve "
                    "it) [default: as the previous version, else no]."
                ),
            ),
            click.option(
                "--funding",
                metavar="apbd|hibah|swakelola|none",
                help="How the cooperation is funded [default: apbd with a budget, else none].",
            ),
        )
    ):
        function = option(function)
    return function


def _draft_command(agreement: str) -> click.Command:
    @click.command("draft")
    @click.argument("region")
    @click.option("--subject", help="What the agreement is about (tentang …).")
    @click.option("--budget", metavar="RUPIAH", help="Whole rupiah: 150000000 or 150.000.000.")
    @click.option("--years", type=int, help="Term in years.")
    @click.option("--format", "fmt", type=FORMAT, default="md", show_default=True)
    @click.option(
        "-o",
        "--output",
        "output",
        metavar="PATH",
        help="File to write, or a folder (an existing one, or PATH/) for the usual name.",
    )
    @overwrite_option
    @click.option("--on", "on", metavar="DATE", help="Draft date (default today).")
    @json_option
    @pass_settings
    def draft(
        settings: Settings,
        /,
        region: str,
        subject: str | None,
        budget: str | None,
        years: int | None,
        fmt: str,
        output: str | None,
        overwrite: bool,
        on: str | None,
        as_json: bool,
        **moa: Any,
    ) -> None:
        from workflow.services.drafts import make_draft

        options = None
        if moa:
            from workflow.domain.letters.moa_terms import MoaOptions

            options = MoaOptions(**moa)
        view = make_draft(
            settings.uow(),
            region,
            agreement,
            actor=settings.who(),
            subject=subject,
            budget=budget,
            years=years,
            fmt=fmt,
            output=output,
            on=parse_day(on),
            overwrite=overwrite,
            moa=options,
        )
        echo_json(view) if as_json else _print_draft(view)

    draft.help = DRAFT_HELP[agreement]
    return _moa_options(draft) if agreement == "moa" else draft


def _versions_command(agreement: str) -> click.Command:
    @click.command("versions")
    @click.argument("region")
    @json_option
    @pass_settings
    def versions(settings, region, as_json) -> None:  # type: ignore[no-untyped-def]
        from workflow.services.drafts import list_versions

        views = list_versions(settings.uow(read_only=True), region, agreement)
        if as_json:
            echo_json(views)
            return
        if not views:
            click.echo(_("No {agreement} drafts yet.").format(agreement=agreement))
        for view in views:
            budget = "-" if view.budget is None else f"Rp{view.budget:,}".replace(",", ".")
            click.echo(
                f"v{view.version:<3} {view.drafted_on.isoformat()}  {budget:<18} "
                + ngettext("{n} year", "{n} years", view.years).format(n=view.years)
                + f"  {view.actor}  {view.subject}"
            )

    versions.help = VERSIONS_HELP[agreement]
    return versions


def _diff_command(agreement: str) -> click.Command:
    @click.command("diff")
    @click.argument("region")
    @click.argument("v1", type=int)
    @click.argument("v2", type=int)
    @pass_settings
    def diff(settings, region, v1, v2) -> None:  # type: ignore[no-untyped-def]
        from workflow.services.drafts import diff_versions

        text = diff_versions(settings.uow(read_only=True), region, agreement, v1, v2)
        click.echo(
            text or _("Versions {v1} and {v2} are the same.").format(v1=v1, v2=v2), nl=not text
        )

    diff.help = DIFF_HELP[agreement]
    return diff


def kb_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The KB's numbers, date and term: on `mou record` and on `advance … sign_mou`."""
    for option in reversed(
        (
            click.option("--number-pemda", metavar="N", help="The KB's number at the Pemda."),
            click.option("--number-aksansi", metavar="N", help="The KB's number at AKSANSI."),
            click.option("--signed-on", metavar="DATE", help="The day the KB was signed."),
            click.option("--years", "kb_years", type=int, help="The KB's term in years."),
        )
    ):
        function = option(function)
    return function


def kb_terms(
    number_pemda: str | None, number_aksansi: str | None, signed_on: str | None, years: int | None
) -> KbTerms:
    from workflow.domain.kb import KbTerms

    day = parse_day(signed_on, what="--signed-on")
    return KbTerms(number_pemda, number_aksansi, day, years)


def print_kb(view) -> None:  # type: ignore[no-untyped-def]
    verb = _("corrected") if view.replaced_earlier else _("recorded")
    click.echo(
        _(
            "{region}: Kesepakatan Bersama Nomor {pemda} dan Nomor {aksansi} {verb}, signed "
            "{signed}, {years} year(s), in force until {expires}."
        ).format(
            region=view.region_name,
            pemda=view.number_pemda,
            aksansi=view.number_aksansi,
            verb=verb,
            signed=view.signed_on.isoformat(),
            years=view.years,
            expires=view.expires_on.isoformat(),
        )
    )


@click.command("record")
@click.argument("region")
@kb_options
@json_option
@pass_settings
def mou_record(  # type: ignore[no-untyped-def]
    settings, region, number_pemda, number_aksansi, signed_on, kb_years, as_json
) -> None:
    """Record the signed KB: both numbers, the signing date and the term (a correction is
    recorded the same way; the latest is in force)."""
    from workflow.services.kb import record_mou

    if signed_on is None:
        raise click.UsageError(_("mou record needs --signed-on DATE (the day the KB was signed)."))
    terms = kb_terms(number_pemda, number_aksansi, signed_on, kb_years)
    view = record_mou(settings.uow(), region, terms, actor=settings.who())
    echo_json(view) if as_json else print_kb(view)


def _group(agreement: str) -> click.Group:
    group = click.Group(agreement, help=GROUP_HELP[agreement])
    for make in (_draft_command, _versions_command, _diff_command):
        group.add_command(make(agreement))
    if agreement == "mou":
        group.add_command(mou_record)
    return group


COMMANDS: list[click.Command] = [_group("mou"), _group("moa")]
