"""Text output of the `ksm` commands: plain columns for an 80-column terminal.

Scores print as `78h 95h 40k` (score and the first letter of its light: hijau, kuning,
merah) in the order kelembagaan, teknis, keuangan.
"""

from __future__ import annotations

from typing import Any

import click

from commands._table import columns

ASPECTS = ("kelembagaan", "teknis", "keuangan")


def scores_text(assessment: dict[str, Any] | None) -> str:
    if assessment is None:
        return "not visited"
    scores = assessment["scores"]
    return " ".join(f"{scores[a]['score']}{scores[a]['light'][0]}" for a in ASPECTS)


def print_ksm_table(ksms: list[dict[str, Any]]) -> None:
    if not ksms:
        click.echo("No KSM registered; add one with 'aksansi ksm add' or 'aksansi ksm import'.")
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
    headers = ["id", "region", "KSM", "facility", "visit", "kel tek keu"]
    click.echo(columns(headers, rows))
    click.echo("Scores: kelembagaan, teknis, keuangan (h hijau, k kuning, m merah).")


def print_ksm(view: dict[str, Any]) -> None:
    place = ", ".join(p for p in (view["desa"], view["kecamatan"]) if p)
    click.echo(
        f"KSM {view['id']} {view['name']} — {view['region_name']}"
        + (f" ({place})" if place else "")
    )
    if not view["facilities"]:
        click.echo("  no facility registered")
    for facility in view["facilities"]:
        click.echo(
            f"  {facility['kind']}: built {_known(facility['year_built'])}, capacity "
            f"{_known(facility['capacity_kk'])} KK, SR designed "
            f"{_known(facility['sr_designed'])}"
        )
        for visit in facility["assessments"]:
            click.echo(
                f"    {visit['visited_on'].isoformat()}  kel/tek/keu {scores_text(visit)}  "
                f"{visit['status_fungsi'] or 'status ?'}, SR active/installed "
                f"{_known(visit['sr_aktif'])}/{_known(visit['sr_terpasang'])}"
            )
        if not facility["assessments"]:
            click.echo("    not visited yet")


def _known(value: Any) -> str:
    return "?" if value is None else str(value)
