"""`make bench` cannot rot: each benchmark runs in its quick mode (AKSANSI_BENCH_QUICK=1,
small sizes, one pair) and prints every line it promises. Timings are never asserted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VERDICT = r"^(met    |NOT met|info   ) "
# Each module's lines, as the start of their text after the verdict; a PostgreSQL line may
# instead be a `skipped` line naming the same work.
EXPECTED = {
    "startup": [
        *(
            f"aksansi {args} (AKSANSI_LANG={lang}; {how})"
            for how in ("development venv, byte-code on disk", "development venv, no byte-code")
            for args, lang in (("--help", "id"), ("--help", "en"), ("--version", "en"))
        ),
        "aksansi --help (AKSANSI_LANG=id; wheel in a fresh venv, byte-code on disk)",
        "aksansi --version (AKSANSI_LANG=en; wheel in a fresh venv, no byte-code)",
    ],
    "lifecycle": [
        "300 advances over 514 regions, service layer (SQLite)",
        "aksansi advance (one, from the shell, SQLite)",
        "514 regions: one Machine per region",
        "300 advances over 514 regions, service layer (PostgreSQL)",
    ],
    "reminders": [
        "sweep issuing 20 reminders with Markdown letters (20 .md files per run)",
        "sweep issuing 5 reminders with Word letters (5 .docx files per run)",
        "sweep of 20 due among 500 pending",
        "query plan of the claim (SQLite)",
        "`aksansi jobs sweep` over 500 reminders, 20 due: peak RSS",
        "`aksansi jobs sweep` issuing all 50 due with their Markdown letters (50 .md files",
        "`aksansi jobs sweep` issuing all 5 due with their Word letters (5 .docx files",
        "one advance with 500 pending reminders",
        "sweep issuing 20 reminders with Markdown letters, one tx each (PostgreSQL)",
    ],
    "reads": [
        "history at 1x:",
        *(
            f"aksansi {command} ({scale}x the history)"
            for scale in (1, 2)
            for command in (
                "board",
                "board --as-of 2026-09-30",
                "blocker stats",
                "blocker list --open",
                "remind list",
                "region list",
                "history 35.76",
                "today",
                "report portfolio --format json",
            )
        ),
    ],
    "ksm": [
        "ksm import of 200 rows (SQLite, one transaction)",
        "ksm import of 200 rows (SQLite, one transaction): peak RSS",
        "ksm import of 200 rows (PostgreSQL, one transaction): peak RSS",
    ],
}


def _bench(module: str) -> str:
    env = {**os.environ, "AKSANSI_BENCH_QUICK": "1"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        [sys.executable, "-m", "bench", module],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def _found(expected: str, lines: list[str]) -> bool:
    bare = expected
    judged = any(re.match(VERDICT + re.escape(bare), line) for line in lines)
    work = bare.split(" (")[0]
    skipped = "PostgreSQL" in bare and any(
        line.startswith("skipped ") and "PostgreSQL" in line and work.split(" ")[0] in line
        for line in lines
    )
    return judged or skipped


@pytest.mark.slow
@pytest.mark.parametrize("module", sorted(EXPECTED))
def test_each_benchmark_prints_its_lines(module: str) -> None:
    lines = _bench(module).splitlines()
    missing = [text for text in EXPECTED[module] if not _found(text, lines)]
    assert not missing, "\n".join(["missing:", *missing, "output:", *lines])
    judged = [line for line in lines if re.match(VERDICT, line)]
    bars = [line for line in judged if "(bar " in line]
    assert all(re.search(r"\(bar [^)]+\)$", line) for line in bars), bars


def test_a_bar_is_met_or_not_met_by_the_median_of_the_pairs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bench._common import Run, time_bar

    floors = [Run(1.0, 0.0), Run(1.0, 0.0), Run(1.0, 0.0)]
    time_bar("x", "floor", floors, [Run(1.2, 0), Run(1.4, 0), Run(1.25, 0)], at_most=1.3, bar="b")
    time_bar("y", "floor", floors, [Run(1.2, 0), Run(1.4, 0), Run(1.35, 0)], at_most=1.3, bar="b")
    time_bar(
        "z",
        "floor",
        floors,
        [Run(30, 0), Run(20, 0), Run(26, 0)],
        at_most=25,
        bar="b",
        per_second=100,
    )
    x, y, z = capsys.readouterr().out.splitlines()
    assert x.startswith("met     x: 1250 ms [1200 ms–1400 ms]")
    assert "ratio 1.25x [1.20x–1.40x] over 3 pairs (bar b)" in x
    assert y.startswith("NOT met y:")
    assert z.startswith("NOT met z: 26.00 s [20.00 s–30.00 s] (4/s)")
    assert "ratio 1/26.0 [1/20.0–1/30.0]" in z


@pytest.mark.slow
def test_the_letters_benchmark_prints_its_three_figures() -> None:
    """bench/letters.py builds Word letters with documents/docx.py's own steps: a change of
    their signatures must show here, not first in `make bench`."""
    lines = _bench("letters").splitlines()
    for start in ("letters: Markdown letter", "letters: .docx", "letters: issue_letter on SQLite"):
        assert any(line.startswith(start) for line in lines), "\n".join(lines)
