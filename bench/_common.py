"""What every benchmark shares: measured processes, paired runs, bars printed met / NOT met.

Each measured thing runs in a process of its own; its peak memory is that process's
own high-water mark (VmHWM, read inside it: `bench/_peak.py`), never the largest child
the harness ever had. Its time is the wall time of the process, or, for work that is
timed inside (a worker that prints `{"seconds": …}` on its last line, see
`bench/_work.py`), the time of the work alone, imports and set-up excluded.

A figure is never compared with a floor measured apart: `paired` runs the floor and the
measured command in turns, n pairs, the order swapped each pair, and a bar is judged on
the median of the per-pair ratios, printed with their spread (lowest–highest).

AKSANSI_BENCH_QUICK=1: small sizes and two pairs, for the smoke test of the suite
(tests/test_bench.py), which checks that every line is printed, never a timing.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICK = os.environ.get("AKSANSI_BENCH_QUICK", "").strip() not in ("", "0")
PAIRS = 1 if QUICK else 5
FAST_PAIRS = 1 if QUICK else 11  # start-up and one-shot commands: cheap, noisy: more pairs
NOW = "2026-11-27T09:00:00+07:00"
PG_SERVER = os.environ.get("AKSANSI_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def sized(full: int, quick: int) -> int:
    """`full` in a real run, `quick` under AKSANSI_BENCH_QUICK."""
    return quick if QUICK else full


def national_csv() -> Path | None:
    """The national list of 514 regions (shared/data), or AKSANSI_NATIONAL_CSV."""
    named = os.environ.get("AKSANSI_NATIONAL_CSV")
    candidates = [Path(named)] if named else []
    candidates += [p / "shared" / "data" / "wilayah_kabkota.csv" for p in ROOT.parents[:2]]
    return next((p for p in candidates if p.exists()), None)


def aksansi() -> list[str]:
    """The installed console script (what a user runs)."""
    found = shutil.which("aksansi") or str(Path(sys.executable).with_name("aksansi"))
    return [found]


def python() -> list[str]:
    return [sys.executable]


def worker(*args: str) -> list[str]:
    """A `bench/_work.py` job in its own process (it prints its work time as JSON)."""
    return [sys.executable, "-m", "bench._work", *args]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    output: str = ""


def run(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    inner: bool = False,
    memory: bool = False,
) -> Run:
    """One measured process, its wall time. `inner`: a worker's own time and peak (the
    JSON it prints last); `memory`: a console script run through `bench._peak` for its
    peak RSS (else the peak is not measured: nan)."""
    full_env = {**os.environ, **(env or {})}
    with tempfile.TemporaryDirectory(prefix="aksansi-bench-run-") as scratch:
        peak_file = Path(scratch) / "peak"
        command = list(argv)
        if memory:
            command = [sys.executable, "-m", "bench._peak", str(peak_file), *command]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=full_env, cwd=ROOT)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            stderr = done.stderr.decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{stderr}")
        stdout = done.stdout.decode("utf-8", "replace")
        peak = float(peak_file.read_text()) if memory else math.nan
    if inner:
        figures = json.loads(stdout.strip().splitlines()[-1])
        seconds, peak = float(figures["seconds"]), float(figures["peak_mb"])
    return Run(seconds, peak, stdout)


Measure = Callable[[], Run]


def paired(
    floor: Measure, subject: Measure, *, pairs: int = PAIRS, warm_up: bool = False
) -> tuple[list[Run], list[Run]]:
    """`pairs` floor/subject pairs, interleaved, the order swapped each pair."""
    if warm_up and not QUICK:
        floor()
        subject()
    floors, subjects = [], []
    for index in range(pairs):
        if index % 2 == 0:
            floors.append(floor())
            subjects.append(subject())
        else:
            subjects.append(subject())
            floors.append(floor())
    return floors, subjects


def repeated(subject: Measure, *, times: int = PAIRS) -> list[Run]:
    return [subject() for _ in range(times)]


def _spread(values: list[float], shown: Callable[[float], str]) -> str:
    middle = shown(statistics.median(values))
    if len(values) < 2:
        return middle
    return f"{middle} [{shown(min(values))}–{shown(max(values))}]"


def _time(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.2f} ms"


def _fraction(ratio: float) -> str:
    return f"1/{ratio:.1f}"


def _times(ratio: float) -> str:
    return f"{ratio:.2f}x"


def _mb(value: float) -> str:
    return f"{value:.0f} MB"


def verdict(met: bool | None) -> str:
    return {True: "met    ", False: "NOT met", None: "info   "}[met]


def time_bar(
    what: str,
    floor_name: str,
    floors: list[Run],
    subjects: list[Run],
    *,
    at_most: float | None,
    bar: str,
    per_second: int | None = None,
) -> float:
    """Time ratio subject/floor (median of the pairs) against `at_most`; prints one line.

    With `per_second` (a count of operations) the rate is shown and the ratio written
    as 1/x, as the throughput bars are (e.g. ≥ 1/25 of raw sqlite3: at_most=25)."""
    ratios = [s.seconds / f.seconds for s, f in zip(subjects, floors, strict=True)]
    ratio = statistics.median(ratios)
    met = None if at_most is None else ratio <= at_most
    shown_ratio = _spread(ratios, _fraction if per_second else _times)
    rate = ""
    if per_second:
        rate = f" ({per_second / statistics.median(s.seconds for s in subjects):,.0f}/s)"
    print(
        f"{verdict(met)} {what}: {_spread([s.seconds for s in subjects], _time)}{rate} | "
        f"floor {floor_name}: {_spread([f.seconds for f in floors], _time)} | "
        f"ratio {shown_ratio} over {len(ratios)} pairs (bar {bar})",
        flush=True,
    )
    return ratio


def memory_bar(what: str, runs: list[Run], *, below_mb: float | None, bar: str) -> None:
    """Peak RSS of the measured process itself against `below_mb`; prints one line."""
    peaks = [r.peak_mb for r in runs]
    met = None if below_mb is None else statistics.median(peaks) < below_mb
    print(
        f"{verdict(met)} {what}: peak RSS {_spread(peaks, _mb)} over {len(peaks)} runs (bar {bar})",
        flush=True,
    )


def memory_ratio_bar(
    what: str, floor_name: str, floors: list[Run], subjects: list[Run], *, at_most: float
) -> None:
    ratios = [s.peak_mb / f.peak_mb for s, f in zip(subjects, floors, strict=True)]
    ratio = statistics.median(ratios)
    print(
        f"{verdict(ratio <= at_most)} {what}: peak RSS "
        f"{_spread([s.peak_mb for s in subjects], _mb)} | floor {floor_name}: "
        f"{_spread([f.peak_mb for f in floors], _mb)} | ratio "
        f"{_spread(ratios, lambda r: f'{r:.2f}x')} over {len(ratios)} pairs "
        f"(bar <= {at_most:g}x)",
        flush=True,
    )


def info(text: str) -> None:
    print(f"{verdict(None)} {text}", flush=True)


def skipped(text: str) -> None:
    print(f"skipped {text}", flush=True)


def pg_reachable() -> str | None:
    """Why PostgreSQL cannot be used for the bench (None when it can)."""
    try:
        import psycopg

        psycopg.connect(PG_SERVER, connect_timeout=3).close()
    except Exception as exc:  # any failure to connect: the PostgreSQL lines are skipped
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return None


def pg_scratch(tag: str) -> str:
    """A new empty database on the bench's server; `drop_pg` removes it."""
    import uuid

    import psycopg

    name = f"aksansi_bench_{tag}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_SERVER.rsplit("/", 1)[0] + "/" + name


def drop_pg(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- The older helpers, still used by bench/report.py and bench/letters.py.


def wall(command: list[str], *, runs: int = 9, env: dict[str, str] | None = None) -> float:
    """Median wall time of a command, in seconds (one warm-up run first)."""
    full_env = {**os.environ, **(env or {})}
    subprocess.run(command, check=True, capture_output=True, env=full_env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=full_env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def report(what: str, value: float, floor_name: str, floor: float, bar: str) -> None:
    ratio = value / floor if floor else float("inf")
    print(
        f"{what}: {value * 1000:.0f} ms | floor {floor_name}: {floor * 1000:.0f} ms | "
        f"ratio {ratio:.2f}x (bar {bar})"
    )


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
