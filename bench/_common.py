"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def aksansi() -> list[str]:
    """The installed console script (what a user runs)."""
    found = shutil.which("aksansi") or str(Path(sys.executable).with_name("aksansi"))
    return [found]


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
