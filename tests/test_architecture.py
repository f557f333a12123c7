"""The direction of imports (README, design notes): cli/commands → jobs → workflow → states,
with documents/ a pure rendering library that imports nothing of ours but states/."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
OURS = {"cli", "commands", "states", "workflow", "documents", "jobs"}
FORBIDDEN = {
    "states": OURS - {"states"},
    "documents": {"cli", "commands", "workflow", "jobs"},
    "workflow": {"cli", "commands", "jobs", "click"},
    "jobs": {"cli", "commands"},
}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_inward(package: str) -> None:
    offenders = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_roots(path) & FORBIDDEN[package]
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_states_is_plain_data_from_the_standard_library() -> None:
    for path in (ROOT / "states").rglob("*.py"):
        third_party = {m for m in imported_roots(path) if m not in sys.stdlib_module_names}
        assert third_party <= {"states"}, path


def test_only_services_and_the_unit_of_work_commit() -> None:
    """Style rule 5: a transaction is committed in one place per use case."""
    allowed = (
        "workflow/services/",
        "workflow/infrastructure/unit_of_work.py",
        "workflow/infrastructure/migrations/env.py",
        "jobs/",
    )
    for package in ("cli.py", "commands", "states", "workflow", "documents", "jobs"):
        for path in [ROOT / package] if package.endswith(".py") else (ROOT / package).rglob("*.py"):
            relative = str(path.relative_to(ROOT))
            text = path.read_text(encoding="utf-8").replace("savepoint.commit()", "")
            if ".commit()" in text:
                assert relative.startswith(allowed), relative


@pytest.mark.parametrize("layer", ["workflow/domain", "workflow/infrastructure"])
def test_nothing_below_the_services_imports_a_service(layer: str) -> None:
    offenders = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "workflow.services"
            ):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_services_hold_only_use_cases() -> None:
    """A function in workflow/services that works on a session is a helper of the domain:
    it belongs under workflow/domain/, where any use case can call it."""
    helpers = []
    for path in sorted((ROOT / "workflow/services").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                first = node.args.args[0].arg if node.args.args else None
                if first == "session":
                    helpers.append(f"{path.name}:{node.name}")
    assert helpers == []


def test_the_import_contracts_hold() -> None:
    """The layers of setup.cfg's [importlinter] (README, design notes), checked by lint-imports."""
    import shutil
    import subprocess

    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert tool is not None, "lint-imports is in the test extra: pip install -e '.[test]'"
    done = subprocess.run([tool, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "0 broken" in done.stdout
