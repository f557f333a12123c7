"""Text output of the `ksm` commands: plain columns for an 80-column terminal.

Scores print as `78h 95h 40k` (score and the first letter of its light: hijau, kuning,
merah) in the order kelembagaan, teknis, keuangan.
"""

from __future__ import annotations

from typing import Any

import click

from commands._table import columns
from workflow.i18n import _

ASPECTS = ("kelembagaan", "teknis", "keuangan")


def scores_text(assessment: dict[str, Any] | None) -> str:
    if assessment is None:
        return _("not visited")
    scores = assessment["scores"]
    return " ".join(f"{scores[a]['score']}{scores[a]['light'][0]}" for a in ASPECTS)


def print_ksm_table(ksms: list[dict[str, Any]]) -> None:
    if not ksms:
        click.echo(_("No KSM registered; add one with 'aksansi ksm add' or 'aksansi ksm import'."))
        return
    rows = []
    for ksm in ksms:
        for index, facility in enumerate(ksm["facilities"] or [None]):
            visit = None if facility is None else facility["latest_assessment"]
            first = index == 0
            rows.append(
                [
                    str(ksm["id"]) if first else "",
                    ksm["region"] if first else "",
                    ksm["name"] if first else "",
                    "-" if facility is None else facility["kind"],
                    "" if visit is None else visit["visited_on"].isoformat(),
                    scores_text(visit),
                ]
            )
    headers = ["id", _("region"), "KSM", _("facility"), _("visit"), _("kel tek keu")]
    click.echo(columns(headers, rows))
    click.echo(_("Scores: kelembagaan, teknis, keuangan (h hijau, k kuning, m merah)."))


def print_ksm(view: dict[str, Any]) -> None:
    place = ", ".join(p for p in (view["desa"], view["kecamatan"]) if p)
    click.echo(
        f"KSM {view['id']} {view['name']} — {view['region_name']}"
        + (f" ({place})" if place else "")
    )
    if not view["facilities"]:
        click.echo(_("  no facility registered"))
    for facility in view["facilities"]:
        click.echo(
            _("  {kind}: built {known}, capacity {known2} KK, SR designed {known3}").format(
                kind=facility["kind"],
                known=_known(facility["year_built"]),
                known2=_known(facility["capacity_kk"]),
                known3=_known(facility["sr_designed"]),
            )
        )
        for visit in facility["assessments"]:
            click.echo(
                _(
                    "    {isoformat}  kel/tek/keu {scores_text}  {value}, SR "
                    "active/installed {known}/{known2}"
                ).format(
                    isoformat=visit["visited_on"].isoformat(),
                    scores_text=scores_text(visit),
                    value=visit["status_fungsi"] or "status ?",
                    known=_known(visit["sr_aktif"]),
                    known2=_known(visit["sr_terpasang"]),
                )
            )
        if not facility["assessments"]:
            click.echo(_("    not visited yet"))


def _known(value: Any) -> str:
    return "?" if value is None else str(value)
