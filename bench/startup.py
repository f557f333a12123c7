"""Start-up (design.md §7, bar: `aksansi --help` and `--version` <= 1.3x `import click`).

Four ways the console script is run, each against `python -c "import click"` of the same
Python, paired:
- the development venv (editable install), byte-code on disk (`make bench` compiles it);
- the development venv without byte-code: this checkout's own `__pycache__` folders
  removed, PYTHONDONTWRITEBYTECODE=1 (as `make test` and these machines run it), the
  sources compiled again afterwards;
- a wheel installed into a fresh venv, as a user installs it (pip compiles it);
- the same installed wheel with its own `__pycache__` removed, PYTHONDONTWRITEBYTECODE=1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench._common import FAST_PAIRS, QUICK, ROOT, aksansi, paired, run, skipped, time_bar

SOURCES = ("cli.py", "commands", "states", "workflow", "documents", "jobs")
NO_BYTECODE = {"PYTHONDONTWRITEBYTECODE": "1"}
NOT_COPIED = (".git", ".venv", "build", "demo", "out", "__pycache__", "*.egg-info", ".*_cache")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="aksansi-bench-start-") as folder:
        root = Path(folder)
        _measure("development venv, byte-code on disk", sys.executable, aksansi()[0], {})
        _remove_bytecode(ROOT)
        try:
            _measure("development venv, no byte-code", sys.executable, aksansi()[0], NO_BYTECODE)
        finally:
            _compile(ROOT)
        venv = _wheel_venv(root)
        if venv is None:
            return
        python, script = str(venv / "bin" / "python"), str(venv / "bin" / "aksansi")
        _measure("wheel in a fresh venv, byte-code on disk", python, script, {})
        _remove_own_bytecode(python)
        _measure("wheel in a fresh venv, no byte-code", python, script, NO_BYTECODE)


def _measure(how: str, python: str, script: str, env: dict[str, str]) -> None:
    for args, lang in ((["--help"], "id"), (["--help"], "en"), (["--version"], "en")):
        lang_env = {**env, "AKSANSI_LANG": lang}
        floors, subjects = paired(
            lambda le=lang_env: run([python, "-c", "import click"], env=le),
            lambda a=args, le=lang_env: run([script, *a], env=le),
            pairs=FAST_PAIRS,
            warm_up=True,
        )
        time_bar(
            f"aksansi {' '.join(args)} (AKSANSI_LANG={lang}; {how})",
            "import click",
            floors,
            subjects,
            at_most=1.3,
            bar="<= 1.3x",
        )


def _remove_bytecode(folder: Path) -> None:
    """The `__pycache__` of our own sources under `folder` (dependencies keep theirs)."""
    for name in SOURCES:
        base = folder / name.removesuffix(".py")
        for cache in base.rglob("__pycache__") if base.is_dir() else ():
            shutil.rmtree(cache)
    for compiled in (folder / "__pycache__").glob("cli.*.pyc"):
        compiled.unlink()


def _compile(folder: Path) -> None:
    _quiet([sys.executable, "-m", "compileall", "-q", *(str(folder / n) for n in SOURCES)])


def _wheel_venv(root: Path) -> Path | None:
    """A fresh venv with the project's wheel installed the way a user installs it (its
    dependencies from the package index; under AKSANSI_BENCH_QUICK they are taken from the
    development venv instead, so the smoke test needs no index)."""
    wheels, source = root / "wheels", root / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_COPIED))
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels)]
    build.append(str(source))
    venv = root / "venv"
    try:
        _quiet(build)
        wheel = next(wheels.glob("aksansi-*.whl"))
        _quiet([sys.executable, "-m", "venv", "--without-pip", str(venv)])
        install = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")]
        if QUICK:
            _quiet([*install, "install", "-q", "--no-deps", str(wheel)])
            _borrow_dependencies(venv)
        else:
            _quiet([*install, "install", "-q", str(wheel)])
    except (subprocess.CalledProcessError, StopIteration) as exc:
        skipped(f"start-up of the installed wheel: it could not be built or installed ({exc})")
        return None
    return venv


def _quiet(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)


def _borrow_dependencies(venv: Path) -> None:
    import site

    ours = next(Path(p) for p in site.getsitepackages() if p.endswith("site-packages"))
    theirs = next((venv / "lib").glob("python*/site-packages"))
    (theirs / "zz_bench_dependencies.pth").write_text(f"{ours}\n")


def _remove_own_bytecode(python: str) -> None:
    """The installed wheel's own `__pycache__` folders (its dependencies keep theirs)."""
    found = subprocess.run(
        [python, "-c", "import cli, os; print(os.path.dirname(cli.__file__))"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **NO_BYTECODE},
    ).stdout.strip()
    _remove_bytecode(Path(found))
