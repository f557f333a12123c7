"""Text output of the `ksm` commands (80-column terminal)."""

from __future__ import annotations

from typing import Any

import click

from commands._common import console

LIGHT_STYLE = {"hijau": "green", "kuning": "yellow", "merah": "red"}
ASPECTS = ("kelembagaan", "teknis", "keuangan")


def scores_text(assessment: dict[str, Any] | None) -> str:
    if assessment is None:
        return "not visited"
    parts = []
    for aspect in ASPECTS:
        score = assessment["scores"][aspect]
        style = LIGHT_STYLE[score["light"]]
        parts.append(f"[{style}]{score['score']:>3}[/{style}]")
    return " ".join(parts)


def print_ksm_table(ksms: list[dict[str, Any]]) -> None:
    from rich.markup import escape
    from rich.table import Table

    if not ksms:
        click.echo("No KSM registered; add one with 'aksansi ksm add' or 'aksansi ksm import'.")
        return
    table = Table(box=None, pad_edge=False)
    for header in ("id", "region", "KSM", "desa", "facility", "visit", "kel tek keu"):
        table.add_column(header, overflow="fold")
    for ksm in ksms:
        for index, facility in enumerate(ksm["facilities"] or [None]):
            visit = None if facility is None else facility["latest_assessment"]
            first = index == 0
            table.add_row(
                str(ksm["id"]) if first else "",
                ksm["region"] if first else "",
                escape(ksm["name"]) if first else "",
                (ksm["desa"] or "") if first else "",
                "-" if facility is None else facility["kind"],
                "" if visit is None else visit["visited_on"].isoformat(),
                scores_text(visit),
            )
    console().print(table)


def print_ksm(view: dict[str, Any]) -> None:
    from rich.markup import escape

    out = console()
    place = ", ".join(p for p in (view["desa"], view["kecamatan"]) if p)
    title = escape(f"KSM {view['id']} {view['name']} — {view['region_name']}")
    out.print(f"[bold]{title}[/bold]" + escape(f" ({place})" if place else ""))
    if not view["facilities"]:
        out.print("  no facility registered")
    for facility in view["facilities"]:
        out.print(
            f"  {facility['kind']}: built {facility['year_built'] or '?'}, capacity "
            f"{facility['capacity_kk'] or '?'} KK, SR designed {facility['sr_designed'] or '?'}"
        )
        for visit in facility.get("assessments", []):
            out.print(
                f"    {visit['visited_on'].isoformat()}  kel/tek/keu {scores_text(visit)}  "
                f"{visit['status_fungsi'] or 'status ?'}, SR {visit['sr_aktif']}/"
                f"{visit['sr_terpasang']} active/installed (rubric {visit['rubric_version']})"
            )
        if not facility.get("assessments"):
            out.print("    not visited yet")
