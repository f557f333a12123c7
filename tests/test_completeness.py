"""Completeness, driven by states/: every rule the data names exists in the code, and every
fact the code writes is listed in the data. Pure: no database."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from states import audit, blockers, formats, letters, lifecycle, reminders
from workflow.infrastructure import models

ROOT = Path(__file__).parents[1]
TEMPLATES = ROOT / "documents" / "templates"


def _product_files() -> list[Path]:
    return sorted(p for folder in ("workflow", "jobs") for p in (ROOT / folder).rglob("*.py"))


def _audit_kinds_written() -> set[str]:
    """The `kind="…"` given to audit.record, and the kinds the KSM import queues by name."""
    written = set()
    for path in _product_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "record":
                for keyword in node.keywords:
                    if keyword.arg == "kind" and isinstance(keyword.value, ast.Constant):
                        written.add(keyword.value.value)
                    elif keyword.arg == "kind" and isinstance(keyword.value, ast.IfExp):
                        written |= {keyword.value.body.value, keyword.value.orelse.value}  # type: ignore[attr-defined]
    return written


def _string_literals() -> set[str]:
    found = set()
    for path in _product_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_audit_kind_the_code_writes_has_a_history_line() -> None:
    missing = _audit_kinds_written() - set(audit.AUDIT_KINDS)
    assert missing == set(), f"add these to states/audit.py with their summaries: {missing}"


def test_every_listed_audit_kind_is_written_somewhere() -> None:
    assert set(audit.AUDIT_KINDS) - _string_literals() == set()


def test_history_text_reads_the_one_list() -> None:
    from commands import _history_text

    assert _history_text.SUMMARIES is audit.SUMMARIES


def test_an_unlisted_audit_kind_is_refused_before_anything_is_written() -> None:
    from workflow.domain.audit import record

    with pytest.raises(ValueError, match=r"states/audit\.py"):
        record(None, region=None, kind="letter_recieved", actor="x")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [k["id"] for k in letters.LETTER_KINDS] + ["mou", "moa"])
def test_every_letter_kind_and_agreement_has_a_template(kind: str) -> None:
    assert (TEMPLATES / f"{kind}.md.j2").is_file()


def test_the_letter_rules_name_known_kinds() -> None:
    known = set(letters.KINDS_BY_ID)
    assert set(letters.NEEDS_MOA_DRAFT) <= known
    assert {rule["letter"] for rule in reminders.RULES if rule["letter"]} <= known


def test_the_lifecycle_rules_name_known_events() -> None:
    triggers = {ev["trigger"] for ev in lifecycle.EVENTS}
    assert set(lifecycle.KSM_COVERAGE_EVENTS) <= triggers
    assert lifecycle.BLOCKER_CHECKED_EVENTS == ("sign_moa",)


def test_repeatable_blocker_types_are_types() -> None:
    assert set(blockers.REPEATABLE_TYPES) <= set(blockers.BLOCKER_TYPE_IDS)


def test_the_formats_are_one_list() -> None:
    from documents import output

    assert output.FORMATS is formats.OUTPUT_FORMATS
    assert set(formats.KSM_REPORT_FORMATS) <= set(formats.OUTPUT_FORMATS)


def test_reminder_statuses_close_only_with_a_listed_status() -> None:
    from datetime import date
    from types import SimpleNamespace

    from workflow.domain.reminders.scheduling import close

    with pytest.raises(ValueError):
        close(SimpleNamespace(), "finished", on=date(2026, 1, 1), reason=None, entry_id=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(set(models.__all__) - {"Base", "load_all"}))
def test_every_model_loaded_alone_can_be_written(name: str) -> None:
    """Each model loads on first use, with the tables its rows refer to."""
    code = (
        f"from workflow.infrastructure.models import {name}\n"
        f"from sqlalchemy import inspect\n"
        f"inspect({name}).base_mapper._sorted_tables\n"  # what a flush works out first
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]


def test_the_models_package_exports_every_model() -> None:
    assert set(models.__all__) == {"Base", "load_all", *models._HOMES}
