"""The facts of a region's Laporan Hasil Pre-Monitoring KSM, as one plain dict.

`documents/ksm_report.py` renders it; this module only counts. Every facility's
latest visit counts once. "Worst" ranks assessed facilities by the mean of their
three scores (lowest first) and lists what each needs: the rubric's `need` for every
criterion earning less than half, then the field staff's own repair notes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from states.ksm_fields import FACILITY_KINDS, FUNCTIONING
from states.ksm_rubric import ASPECTS, HIJAU_FROM, KUNING_FROM, LABELS_ID, RUBRIC_VERSION
from workflow.domain import clock
from workflow.domain.ksm import registry
from workflow.domain.ksm.scoring import score_assessment
from workflow.domain.regions import resolve
from workflow.infrastructure.models import Assessment, Facility, Ksm, Region
from workflow.infrastructure.models.ksm import ASSESSMENT_FIELDS
from workflow.infrastructure.unit_of_work import UnitOfWork

WORST_SHOWN = 5
NOT_VISITED = "belum_dikunjungi"


@dataclass(frozen=True)
class ReportFiles:
    files: list[Path]
    suggestion: str | None  # proposes the blocker ksm_data_incomplete, when data is missing


def write_region_report(
    uow: UnitOfWork,
    region_text: str,
    fmt: str,
    output: str | Path | None = None,
    *,
    overwrite: bool = False,
) -> ReportFiles:
    """Render the report; without `output` it goes to <output dir>/<year>/<code>/ under
    the first free name (an existing file is never replaced unless `overwrite`)."""
    from documents.ksm_report import BASENAME, write_report
    from documents.output import output_path
    from workflow.domain.letters.issuing import document_errors, output_dir

    context = region_report(uow, region_text)
    year, code = str(context["generated_on"].year), context["region"]["code"]
    default = output_dir() / year / code / f"{BASENAME}.{fmt}"
    companions = (".svg",) if fmt == "md" else ()
    with document_errors():
        target = output_path(output, default, overwrite=overwrite, companions=companions)
        files = write_report(context, fmt, target, overwrite=overwrite)
    return ReportFiles(files, context["suggestion"])


def region_report(uow: UnitOfWork, region_text: str) -> dict[str, Any]:
    with uow:
        session = uow.session
        region = resolve(session, region_text)
        ksms = registry.region_ksms(session, [region.id])
        pairs = [(k, f) for k in ksms for f in k.facilities]
        rows = [_row(k, f, a) for k, f in pairs if (a := registry.latest(f)) is not None]
        missing = registry.missing_ksm_data(session, region)
        return (
            _header(region, rows)
            | _letterhead(session)
            | {
                "coverage": registry.ksm_coverage(session, region),
                "by_kind": _by_kind([f for _, f in pairs]),
                "status": _status([registry.latest(f) for _, f in pairs]),
                "aspects": _aspects(rows),
                "rows": rows,
                "worst": sorted(rows, key=lambda r: (r["mean"], r["ksm"]))[:WORST_SHOWN],
                "missing": missing,
                "suggestion": registry.blocker_suggestion(session, missing, region),
                "chart_file": None,
            }
        )


def _letterhead(session: Session) -> dict[str, Any]:
    """The Secretariat's letterhead and signatory: the report goes to the Pemda signed."""
    from workflow.domain.letters import context as ctx
    from workflow.domain.settings import load_settings

    settings = load_settings(session)
    what = "the KSM report"
    return {"org": ctx.organisation(settings, what), "ttd": ctx.signatory(settings, what)}


def _header(region: Region, rows: list[dict[str, Any]]) -> dict[str, Any]:
    visits = [row["visited_on"] for row in rows]
    return {
        "region": {
            "code": region.code,
            "name": region.name,
            "kind": region.kind,
            "province": region.province,
        },
        "generated_on": clock.today(),
        "period": {"first": min(visits), "last": max(visits)} if visits else None,
        "rubric": {"version": RUBRIC_VERSION, "hijau_from": HIJAU_FROM, "kuning_from": KUNING_FROM},
    }


def _row(ksm: Ksm, facility: Facility, visit: Assessment) -> dict[str, Any]:
    scores = {
        a: {"score": getattr(visit, f"score_{a}"), "light": getattr(visit, f"light_{a}")}
        for a in ASPECTS
    }
    values = {name: getattr(visit, name) for name in ASSESSMENT_FIELDS}
    values["sr_desain"] = facility.sr_designed
    needs = [
        need
        for aspect in score_assessment(values, visit.visited_on).values()
        for need in aspect.needs
    ]
    return {
        "ksm_id": ksm.id,
        "ksm": ksm.name,
        "desa": ksm.desa or "–",
        "kind": facility.kind,
        "kind_label": LABELS_ID[facility.kind],
        "visited_on": visit.visited_on,
        "scores": scores,
        **{a: f"{s['score']} ({s['light']})" for a, s in scores.items()},
        "mean": sum(s["score"] for s in scores.values()) / len(ASPECTS),
        "status": visit.status_fungsi,
        "status_label": LABELS_ID.get(visit.status_fungsi or "", "tidak diisi"),
        "sr": _sr_text(visit, facility),
        "needs": needs,
        "kebutuhan_perbaikan": visit.kebutuhan_perbaikan,
        "estimasi_biaya": visit.estimasi_biaya,
    }


def _sr_text(visit: Assessment, facility: Facility) -> str:
    """`50/60`; installed above design (a retrofit) is allowed and said: `25/20 (25 terpasang,
    melebihi desain)`."""
    text = f"{_dash(visit.sr_aktif)}/{_dash(facility.sr_designed)}"
    installed, designed = visit.sr_terpasang, facility.sr_designed
    if installed is not None and designed is not None and installed > designed:
        text += f" ({installed} terpasang, melebihi desain)"
    return text


def _dash(value: int | None) -> str:
    return "–" if value is None else str(value)


def _by_kind(facilities: list[Facility]) -> list[dict[str, Any]]:
    counts = Counter(f.kind for f in facilities)
    return [
        {"kind": k, "label": LABELS_ID[k], "count": counts[k]} for k in FACILITY_KINDS if counts[k]
    ]


def _status(visits: list[Assessment | None]) -> list[dict[str, Any]]:
    counts = Counter(
        NOT_VISITED if v is None else (v.status_fungsi or "tidak_diisi") for v in visits
    )
    labels = {NOT_VISITED: "Belum dikunjungi", "tidak_diisi": "Tidak diisi"}
    order = [*FUNCTIONING, "tidak_diisi", NOT_VISITED]
    return [
        {"status": s, "label": LABELS_ID.get(s, labels.get(s, s)), "count": counts[s]}
        for s in order
        if counts[s]
    ]


def _aspects(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    result = []
    for aspect in ASPECTS:
        scores = [row["scores"][aspect] for row in rows]
        lights = Counter(s["light"] for s in scores)
        average = sum(s["score"] for s in scores) / len(scores) if scores else None
        result.append(
            {
                "aspect": aspect,
                "label": LABELS_ID[aspect],
                "average": average,
                "hijau": lights["hijau"],
                "kuning": lights["kuning"],
                "merah": lights["merah"],
            }
        )
    return result
